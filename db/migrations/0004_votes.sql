CREATE TABLE `ballots` (
	`vote_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`choice` text NOT NULL,
	`channel` text NOT NULL,
	`cast_by` integer NOT NULL,
	`paper_serial` text,
	`confirmed_by` integer,
	`confirmed_at` integer,
	`receipt_code` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `voter_key`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballots_receipt` ON `ballots` (`vote_id`,`receipt_code`);--> statement-breakpoint
CREATE TABLE `vote_options` (
	`vote_id` integer NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `key`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `vote_units` (
	`vote_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`holder_id` integer NOT NULL,
	`area_centi` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `unit_id`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_units_holder` ON `vote_units` (`vote_id`,`holder_id`);--> statement-breakpoint
CREATE TABLE `vote_voters` (
	`vote_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`person_id` integer,
	`holder_id` integer,
	`name` text NOT NULL,
	`place` text NOT NULL,
	`area_centi` integer,
	PRIMARY KEY(`vote_id`, `voter_key`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vote_voters_person` ON `vote_voters` (`vote_id`,`person_id`);--> statement-breakpoint
CREATE TABLE `votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`kind` text NOT NULL,
	`question` text NOT NULL,
	`matter_item` integer,
	`choice_mode` text DEFAULT 'single' NOT NULL,
	`secret` integer DEFAULT false NOT NULL,
	`allow_change` integer DEFAULT false NOT NULL,
	`building_ids` text,
	`non_voters_follow_majority` integer DEFAULT false NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`opened_by` integer NOT NULL,
	`closed_at` integer,
	`closed_by` integer,
	`result` text,
	`result_hash` text,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `votes_compound` ON `votes` (`compound_id`,`status`);--> statement-breakpoint
CREATE INDEX `votes_topic` ON `votes` (`topic_id`);