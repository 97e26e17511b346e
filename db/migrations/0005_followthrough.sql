CREATE TABLE `decisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`vote_id` integer,
	`body` text NOT NULL,
	`minutes` text DEFAULT '' NOT NULL,
	`party` text NOT NULL,
	`company_id` integer,
	`deadline_at` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`published_at` integer,
	`notice_ends_at` integer,
	`withdrawn_at` integer,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `property_companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decisions_topic` ON `decisions` (`topic_id`,`id`);--> statement-breakpoint
CREATE INDEX `decisions_compound` ON `decisions` (`compound_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`level` text NOT NULL,
	`community_id` integer NOT NULL,
	`street_id` integer NOT NULL,
	`reason` text NOT NULL,
	`auto` integer DEFAULT false NOT NULL,
	`raised_by` integer,
	`raised_at` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`answer` text,
	`answered_by` integer,
	`answered_at` integer,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `escalations_topic` ON `escalations` (`topic_id`,`id`);--> statement-breakpoint
CREATE INDEX `escalations_community` ON `escalations` (`level`,`community_id`,`state`);--> statement-breakpoint
CREATE INDEX `escalations_street` ON `escalations` (`level`,`street_id`,`state`);--> statement-breakpoint
CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`decision_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`outcome` text,
	`answer` text,
	`answered_by` integer,
	`answered_at` integer,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `objections_decision` ON `objections` (`decision_id`,`id`);--> statement-breakpoint
CREATE TABLE `ratings` (
	`topic_id` integer NOT NULL,
	`round` integer NOT NULL,
	`person_id` integer NOT NULL,
	`compound_id` integer NOT NULL,
	`stars` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`topic_id`, `round`, `person_id`),
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `task_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`task_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`kind` text NOT NULL,
	`body` text NOT NULL,
	`percent` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `tasks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `task_updates_task` ON `task_updates` (`task_id`,`id`);--> statement-breakpoint
CREATE TABLE `tasks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`decision_id` integer,
	`party` text NOT NULL,
	`company_id` integer,
	`deadline_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`accepted_at` integer,
	`accepted_by` integer,
	`percent` integer DEFAULT 0 NOT NULL,
	`done_at` integer,
	`round` integer DEFAULT 1 NOT NULL,
	`rating_ends_at` integer,
	`overdue_at` integer,
	`auto_escalated_at` integer,
	`closed_at` integer,
	`average_tenths` integer,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `property_companies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tasks_topic` ON `tasks` (`topic_id`);--> statement-breakpoint
CREATE INDEX `tasks_company_deadline` ON `tasks` (`company_id`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `tasks_deadline` ON `tasks` (`deadline_at`);--> statement-breakpoint
ALTER TABLE `topic_photos` ADD `update_id` integer;