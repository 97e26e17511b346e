CREATE TABLE `activation_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`holder_id` integer NOT NULL,
	`code_hash` text NOT NULL,
	`created_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`locked_at` integer,
	`revoked_at` integer,
	`failed_name_tries` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`holder_id`) REFERENCES `holders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `activation_codes_hash` ON `activation_codes` (`code_hash`);--> statement-breakpoint
CREATE INDEX `activation_codes_holder` ON `activation_codes` (`holder_id`,`id`);--> statement-breakpoint
CREATE INDEX `activation_codes_compound` ON `activation_codes` (`compound_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `activation_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `activation_failures_key_at` ON `activation_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `correction_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`topic` text NOT NULL,
	`unit_id` integer,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`answer` text,
	`answered_by` integer,
	`answered_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `correction_requests_person` ON `correction_requests` (`person_id`,`id`);--> statement-breakpoint
CREATE INDEX `correction_requests_status` ON `correction_requests` (`status`);--> statement-breakpoint
CREATE TABLE `join_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`person_id` integer,
	`name` text NOT NULL,
	`mobile` text NOT NULL,
	`password_hash` text,
	`relation` text NOT NULL,
	`move_out_at` integer,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`reason` text,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `join_requests_compound` ON `join_requests` (`compound_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `join_requests_unit` ON `join_requests` (`unit_id`,`status`);--> statement-breakpoint
CREATE INDEX `join_requests_mobile` ON `join_requests` (`mobile`,`status`);--> statement-breakpoint
CREATE TABLE `person_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`viewer_id` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `person_views_person` ON `person_views` (`person_id`,`at`);--> statement-breakpoint
CREATE TABLE `sms_codes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mobile` text NOT NULL,
	`address` text NOT NULL,
	`code_hash` text NOT NULL,
	`sent` integer NOT NULL,
	`sent_at` integer NOT NULL,
	`tries` integer DEFAULT 0 NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `sms_codes_mobile` ON `sms_codes` (`mobile`,`sent_at`);--> statement-breakpoint
CREATE INDEX `sms_codes_address` ON `sms_codes` (`address`,`sent_at`);--> statement-breakpoint
CREATE TABLE `transfers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`from_holder_id` integer,
	`to_holder_id` integer NOT NULL,
	`effective_at` integer NOT NULL,
	`recorded_by` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`applied_at` integer,
	`reference` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_holder_id`) REFERENCES `holders`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `transfers_compound` ON `transfers` (`compound_id`,`effective_at`);--> statement-breakpoint
CREATE INDEX `transfers_unit` ON `transfers` (`unit_id`,`id`);--> statement-breakpoint
CREATE TABLE `voter_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`holder_id` integer NOT NULL,
	`new_voter_id` integer NOT NULL,
	`proposed_by` integer NOT NULL,
	`confirmed_by` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`decided_at` integer,
	FOREIGN KEY (`holder_id`) REFERENCES `holders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`new_voter_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `voter_changes_holder` ON `voter_changes` (`holder_id`,`status`);--> statement-breakpoint
ALTER TABLE `compounds` ADD `hotline` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `ends_at` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `privacy_accepted_at` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `privacy_version` integer;