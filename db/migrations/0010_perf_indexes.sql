CREATE TABLE `compound_versions` (
	`compound_id` integer PRIMARY KEY NOT NULL,
	`figures` integer DEFAULT 0 NOT NULL,
	`ballots` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `tasks_compound_closed` ON `tasks` (`compound_id`,`closed_at`);--> statement-breakpoint
CREATE INDEX `topics_compound_newest` ON `topics` (`compound_id`,`id`);--> statement-breakpoint
CREATE INDEX `topics_compound_status_newest` ON `topics` (`compound_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `topics_compound_category_newest` ON `topics` (`compound_id`,`category`,`id`);--> statement-breakpoint
CREATE INDEX `topics_compound_building_newest` ON `topics` (`compound_id`,`building_id`,`id`);--> statement-breakpoint
CREATE INDEX `topics_compound_reviewed` ON `topics` (`compound_id`,`reviewed_at`);