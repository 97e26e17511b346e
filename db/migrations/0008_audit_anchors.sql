CREATE TABLE `audit_anchors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`compound_id` integer,
	`entry_id` integer NOT NULL,
	`hash` text NOT NULL,
	`at` integer NOT NULL,
	`reason` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_anchors_compound` ON `audit_anchors` (`compound_id`,`id`);--> statement-breakpoint
-- INSERT OR REPLACE over an existing id removes the old entry without firing the delete trigger of
-- 0001, so an insert may not name an id at or below the newest one. SQLite shows an id left for it
-- to choose as -1 before the insert; an explicit -1 is caught after it (audit_log_newest_last).
CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
WHEN NEW.id <> -1 AND NEW.id <= (SELECT max(id) FROM audit_log)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_log_newest_last AFTER INSERT ON audit_log
WHEN NEW.id < (SELECT max(id) FROM audit_log)
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
--> statement-breakpoint
-- The published anchors are as append-only as the trail they anchor.
CREATE TRIGGER audit_anchors_no_update BEFORE UPDATE ON audit_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_delete BEFORE DELETE ON audit_anchors
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_no_replace BEFORE INSERT ON audit_anchors
WHEN NEW.id <> -1 AND NEW.id <= (SELECT max(id) FROM audit_anchors)
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is append-only');
END;
--> statement-breakpoint
CREATE TRIGGER audit_anchors_newest_last AFTER INSERT ON audit_anchors
WHEN NEW.id < (SELECT max(id) FROM audit_anchors)
BEGIN
  SELECT RAISE(ABORT, 'audit_anchors is append-only');
END;
