DROP INDEX `vote_voters_person`;--> statement-breakpoint
CREATE INDEX `vote_voters_person` ON `vote_voters` (`person_id`,`vote_id`);