CREATE TABLE `notification_settings` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`quiet_enabled` integer DEFAULT true NOT NULL,
	`quiet_from` integer DEFAULT 1320 NOT NULL,
	`quiet_to` integer DEFAULT 420 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `push_outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer NOT NULL,
	`person_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`send_after` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `push_outbox_due` ON `push_outbox` (`send_after`);--> statement-breakpoint
CREATE TABLE `push_subscriptions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`endpoint` text NOT NULL,
	`p256dh` text NOT NULL,
	`auth` text NOT NULL,
	`locale` text DEFAULT 'zh-CN' NOT NULL,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	`last_sent_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `push_subscriptions_endpoint_unique` ON `push_subscriptions` (`endpoint`);--> statement-breakpoint
CREATE INDEX `push_subscriptions_person` ON `push_subscriptions` (`person_id`);--> statement-breakpoint
CREATE TABLE `vote_reminders` (
	`vote_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`reminded_by` integer NOT NULL,
	`reminded_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `voter_key`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `notifications` ADD `vote_id` integer;--> statement-breakpoint
ALTER TABLE `votes` ADD `closing_notice_at` integer;--> statement-breakpoint
CREATE INDEX `votes_status_ends` ON `votes` (`status`,`ends_at`);