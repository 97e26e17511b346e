ALTER TABLE `topics` ADD `reviewed_at` integer;--> statement-breakpoint
CREATE INDEX `escalations_compound` ON `escalations` (`compound_id`,`raised_at`);--> statement-breakpoint
CREATE INDEX `ratings_compound` ON `ratings` (`compound_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `tasks_compound_done` ON `tasks` (`compound_id`,`done_at`);--> statement-breakpoint
-- Topics reviewed before this column existed: the time of their review move, from the audit trail.
UPDATE `topics` SET `reviewed_at` = (
  SELECT min(`at`) FROM `audit_log` a
   WHERE a.`entity` = 'topic' AND a.`entity_id` = `topics`.`id` AND a.`from_state` = 'raised'
) WHERE `status` <> 'raised';
