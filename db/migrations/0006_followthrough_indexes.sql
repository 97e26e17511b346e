CREATE INDEX `objections_topic` ON `objections` (`topic_id`,`id`);--> statement-breakpoint
CREATE INDEX `task_updates_topic` ON `task_updates` (`topic_id`,`id`);--> statement-breakpoint
CREATE INDEX `topic_photos_update` ON `topic_photos` (`update_id`);