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
CREATE TABLE `assemblies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`title` text NOT NULL,
	`materials` text DEFAULT '' NOT NULL,
	`how_to_vote` text NOT NULL,
	`ballot_box` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`announced_by` integer NOT NULL,
	`announced_at` integer NOT NULL,
	`objections_until` integer NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`notice_days` integer NOT NULL,
	`voting_min_days` integer NOT NULL,
	`max_proxies` integer NOT NULL,
	`committee_alternates` integer DEFAULT 0 NOT NULL,
	`handover_days` integer DEFAULT 7 NOT NULL,
	`opened_at` integer,
	`closed_at` integer,
	`closed_by` integer,
	`close_anchor_id` integer,
	`result_until` integer,
	`created_at` integer DEFAULT (unixepoch() * 1000) NOT NULL,
	FOREIGN KEY (`compound_id`) REFERENCES `compounds`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`announced_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assemblies_compound` ON `assemblies` (`compound_id`,`status`);--> statement-breakpoint
CREATE TABLE `assembly_files` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`assembly_id` integer NOT NULL,
	`kind` text NOT NULL,
	`file` text NOT NULL,
	`mime` text NOT NULL,
	`bytes` integer NOT NULL,
	`name` text NOT NULL,
	`uploaded_by` integer NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`assembly_id`) REFERENCES `assemblies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assembly_files_assembly` ON `assembly_files` (`assembly_id`,`kind`);--> statement-breakpoint
CREATE TABLE `committee_handovers` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`assembly_id` integer NOT NULL,
	`vote_id` integer NOT NULL,
	`elected` text NOT NULL,
	`alternates` text DEFAULT '[]' NOT NULL,
	`takes_office_at` integer NOT NULL,
	`applied_at` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `committee_handovers_due` ON `committee_handovers` (`applied_at`,`takes_office_at`);--> statement-breakpoint
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
CREATE TABLE `nomination_calls` (
	`topic_id` integer PRIMARY KEY NOT NULL,
	`compound_id` integer NOT NULL,
	`opened_by` integer NOT NULL,
	`opened_at` integer NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `nominations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`topic_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`nominated_by` integer NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`answered_by` integer,
	`answered_at` integer,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `topics`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nominated_by`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nominations_topic_candidate` ON `nominations` (`topic_id`,`candidate_id`);--> statement-breakpoint
CREATE TABLE `notification_settings` (
	`person_id` integer PRIMARY KEY NOT NULL,
	`quiet_enabled` integer DEFAULT true NOT NULL,
	`quiet_from` integer DEFAULT 1320 NOT NULL,
	`quiet_to` integer DEFAULT 420 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `person_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` integer NOT NULL,
	`viewer_id` integer NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `person_views_person` ON `person_views` (`person_id`,`at`);--> statement-breakpoint
CREATE TABLE `proxies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`assembly_id` integer NOT NULL,
	`holder_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`grantor_id` integer NOT NULL,
	`agent_id` integer NOT NULL,
	`file_id` integer NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`checked_by` integer,
	`checked_at` integer,
	`confirmed_by` integer,
	`confirmed_at` integer,
	`rejected_by` integer,
	`rejected_at` integer,
	`reason` text,
	`withdrawn_at` integer,
	FOREIGN KEY (`assembly_id`) REFERENCES `assemblies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`grantor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agent_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`file_id`) REFERENCES `assembly_files`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `proxies_assembly_agent` ON `proxies` (`assembly_id`,`agent_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `proxies_one_active` ON `proxies` (`assembly_id`,`voter_key`) WHERE status in ('submitted', 'checked', 'effective');--> statement-breakpoint
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
CREATE TABLE `register_objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer NOT NULL,
	`assembly_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`author_id` integer NOT NULL,
	`kind` text NOT NULL,
	`claimed_area_centi` integer,
	`reason` text NOT NULL,
	`created_at` integer NOT NULL,
	`outcome` text,
	`answer` text,
	`answered_by` integer,
	`answered_at` integer,
	`area_before_centi` integer,
	`area_after_centi` integer,
	FOREIGN KEY (`assembly_id`) REFERENCES `assemblies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `register_objections_assembly` ON `register_objections` (`assembly_id`,`id`);--> statement-breakpoint
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
CREATE TABLE `vote_reminders` (
	`vote_id` integer NOT NULL,
	`voter_key` text NOT NULL,
	`reminded_by` integer NOT NULL,
	`reminded_at` integer NOT NULL,
	PRIMARY KEY(`vote_id`, `voter_key`),
	FOREIGN KEY (`vote_id`) REFERENCES `votes`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
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
ALTER TABLE `ballots` ADD `proxy_id` integer;--> statement-breakpoint
ALTER TABLE `compounds` ADD `assembly_notice_days` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `compounds` ADD `voting_min_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `compounds` ADD `max_proxies` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `compounds` ADD `committee_seats` integer DEFAULT 5 NOT NULL;--> statement-breakpoint
ALTER TABLE `compounds` ADD `committee_alternates` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `compounds` ADD `handover_days` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `compounds` ADD `hotline` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `decisions` ADD `vote_verdict` text;--> statement-breakpoint
ALTER TABLE `districts` ADD `min_assembly_notice_days` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `memberships` ADD `ends_at` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `vote_id` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `assembly_id` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `privacy_accepted_at` integer;--> statement-breakpoint
ALTER TABLE `people` ADD `privacy_version` integer;--> statement-breakpoint
ALTER TABLE `votes` ADD `closing_notice_at` integer;--> statement-breakpoint
ALTER TABLE `votes` ADD `assembly_id` integer REFERENCES assemblies(id);--> statement-breakpoint
ALTER TABLE `votes` ADD `matter_kind` text;--> statement-breakpoint
ALTER TABLE `votes` ADD `seats` integer;--> statement-breakpoint
CREATE INDEX `votes_status_ends` ON `votes` (`status`,`ends_at`);--> statement-breakpoint
CREATE INDEX `votes_assembly` ON `votes` (`assembly_id`);