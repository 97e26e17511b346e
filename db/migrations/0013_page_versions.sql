ALTER TABLE `compound_versions` ADD `pages` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- The compound pages served again by the production server (topic list, topic, vote, task list)
-- need to know when anything they show has changed, whoever changed it. compound_versions.pages
-- counts, per compound, every write to the rows those pages are made of that migration 0011's
-- `figures` and `ballots` do not already count: discussion (comments, co-signs, follows, reports,
-- positions), meetings, the electorate and options of votes, assemblies and their files, proxies,
-- nominations, households (holders, units, members, transfers, join requests) and the audit trail
-- a topic's timeline reads. Row 0 counts what shows on every compound's pages: people's names and
-- roles, property companies. Notifications, sessions and logins count nothing: a page's stamp
-- carries the viewer's unread notices itself (docs/decisions/0021-compound-page-cache.md).
CREATE TRIGGER `compound_pages_topics_insert` AFTER INSERT ON `topics` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topics_update` AFTER UPDATE ON `topics` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topics_delete` AFTER DELETE ON `topics` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_photos_insert` AFTER INSERT ON `topic_photos` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_photos_update` AFTER UPDATE ON `topic_photos` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_photos_delete` AFTER DELETE ON `topic_photos` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_holders_insert` AFTER INSERT ON `holders` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_holders_update` AFTER UPDATE ON `holders` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_holders_delete` AFTER DELETE ON `holders` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_units_insert` AFTER INSERT ON `units` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_units_update` AFTER UPDATE ON `units` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_units_delete` AFTER DELETE ON `units` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_compound_services_insert` AFTER INSERT ON `compound_services` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_compound_services_update` AFTER UPDATE ON `compound_services` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_compound_services_delete` AFTER DELETE ON `compound_services` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meetings_insert` AFTER INSERT ON `meetings` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meetings_update` AFTER UPDATE ON `meetings` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meetings_delete` AFTER DELETE ON `meetings` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_objections_insert` AFTER INSERT ON `objections` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_objections_update` AFTER UPDATE ON `objections` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_objections_delete` AFTER DELETE ON `objections` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_task_updates_insert` AFTER INSERT ON `task_updates` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_task_updates_update` AFTER UPDATE ON `task_updates` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_task_updates_delete` AFTER DELETE ON `task_updates` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_assemblies_insert` AFTER INSERT ON `assemblies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_assemblies_update` AFTER UPDATE ON `assemblies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_assemblies_delete` AFTER DELETE ON `assemblies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_assembly_files_insert` AFTER INSERT ON `assembly_files` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_assembly_files_update` AFTER UPDATE ON `assembly_files` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_assembly_files_delete` AFTER DELETE ON `assembly_files` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_register_objections_insert` AFTER INSERT ON `register_objections` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_register_objections_update` AFTER UPDATE ON `register_objections` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_register_objections_delete` AFTER DELETE ON `register_objections` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_proxies_insert` AFTER INSERT ON `proxies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_proxies_update` AFTER UPDATE ON `proxies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_proxies_delete` AFTER DELETE ON `proxies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_nomination_calls_insert` AFTER INSERT ON `nomination_calls` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_nomination_calls_update` AFTER UPDATE ON `nomination_calls` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_nomination_calls_delete` AFTER DELETE ON `nomination_calls` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_nominations_insert` AFTER INSERT ON `nominations` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_nominations_update` AFTER UPDATE ON `nominations` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_nominations_delete` AFTER DELETE ON `nominations` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_committee_handovers_insert` AFTER INSERT ON `committee_handovers` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_committee_handovers_update` AFTER UPDATE ON `committee_handovers` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_committee_handovers_delete` AFTER DELETE ON `committee_handovers` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_join_requests_insert` AFTER INSERT ON `join_requests` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_join_requests_update` AFTER UPDATE ON `join_requests` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_join_requests_delete` AFTER DELETE ON `join_requests` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_transfers_insert` AFTER INSERT ON `transfers` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_transfers_update` AFTER UPDATE ON `transfers` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_transfers_delete` AFTER DELETE ON `transfers` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_activation_codes_insert` AFTER INSERT ON `activation_codes` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_activation_codes_update` AFTER UPDATE ON `activation_codes` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_activation_codes_delete` AFTER DELETE ON `activation_codes` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT OLD.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_cosigns_insert` AFTER INSERT ON `topic_cosigns` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_cosigns_update` AFTER UPDATE ON `topic_cosigns` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_cosigns_delete` AFTER DELETE ON `topic_cosigns` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_follows_insert` AFTER INSERT ON `topic_follows` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_follows_update` AFTER UPDATE ON `topic_follows` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_topic_follows_delete` AFTER DELETE ON `topic_follows` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_comments_insert` AFTER INSERT ON `comments` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_comments_update` AFTER UPDATE ON `comments` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_comments_delete` AFTER DELETE ON `comments` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_positions_insert` AFTER INSERT ON `positions` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_positions_update` AFTER UPDATE ON `positions` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = NEW.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_positions_delete` AFTER DELETE ON `positions` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM topics WHERE id = OLD.topic_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meeting_topics_insert` AFTER INSERT ON `meeting_topics` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = NEW.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meeting_topics_update` AFTER UPDATE ON `meeting_topics` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = OLD.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = NEW.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meeting_topics_delete` AFTER DELETE ON `meeting_topics` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = OLD.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meeting_invitees_insert` AFTER INSERT ON `meeting_invitees` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = NEW.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meeting_invitees_update` AFTER UPDATE ON `meeting_invitees` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = OLD.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = NEW.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_meeting_invitees_delete` AFTER DELETE ON `meeting_invitees` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM meetings WHERE id = OLD.meeting_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_comment_reports_insert` AFTER INSERT ON `comment_reports` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM comments c JOIN topics t ON t.id = c.topic_id WHERE c.id = NEW.comment_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_comment_reports_update` AFTER UPDATE ON `comment_reports` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM comments c JOIN topics t ON t.id = c.topic_id WHERE c.id = OLD.comment_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM comments c JOIN topics t ON t.id = c.topic_id WHERE c.id = NEW.comment_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_comment_reports_delete` AFTER DELETE ON `comment_reports` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM comments c JOIN topics t ON t.id = c.topic_id WHERE c.id = OLD.comment_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_position_revisions_insert` AFTER INSERT ON `position_revisions` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM positions p JOIN topics t ON t.id = p.topic_id WHERE p.id = NEW.position_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_position_revisions_update` AFTER UPDATE ON `position_revisions` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM positions p JOIN topics t ON t.id = p.topic_id WHERE p.id = OLD.position_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM positions p JOIN topics t ON t.id = p.topic_id WHERE p.id = NEW.position_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_position_revisions_delete` AFTER DELETE ON `position_revisions` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT t.compound_id FROM positions p JOIN topics t ON t.id = p.topic_id WHERE p.id = OLD.position_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_options_insert` AFTER INSERT ON `vote_options` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_options_update` AFTER UPDATE ON `vote_options` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_options_delete` AFTER DELETE ON `vote_options` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_units_insert` AFTER INSERT ON `vote_units` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_units_update` AFTER UPDATE ON `vote_units` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_units_delete` AFTER DELETE ON `vote_units` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_voters_insert` AFTER INSERT ON `vote_voters` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_voters_update` AFTER UPDATE ON `vote_voters` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_voters_delete` AFTER DELETE ON `vote_voters` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_reminders_insert` AFTER INSERT ON `vote_reminders` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_reminders_update` AFTER UPDATE ON `vote_reminders` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = NEW.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_vote_reminders_delete` AFTER DELETE ON `vote_reminders` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM votes WHERE id = OLD.vote_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_holder_members_insert` AFTER INSERT ON `holder_members` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = NEW.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_holder_members_update` AFTER UPDATE ON `holder_members` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = OLD.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = NEW.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_holder_members_delete` AFTER DELETE ON `holder_members` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = OLD.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_voter_changes_insert` AFTER INSERT ON `voter_changes` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = NEW.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_voter_changes_update` AFTER UPDATE ON `voter_changes` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = OLD.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = NEW.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_voter_changes_delete` AFTER DELETE ON `voter_changes` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM holders WHERE id = OLD.holder_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_correction_requests_insert` AFTER INSERT ON `correction_requests` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM units WHERE id = NEW.unit_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_correction_requests_update` AFTER UPDATE ON `correction_requests` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM units WHERE id = OLD.unit_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM units WHERE id = NEW.unit_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_correction_requests_delete` AFTER DELETE ON `correction_requests` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT (SELECT compound_id FROM units WHERE id = OLD.unit_id) AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_audit_log_insert` AFTER INSERT ON `audit_log` BEGIN
  INSERT INTO compound_versions (compound_id, pages) SELECT c, 1 FROM (SELECT NEW.compound_id AS c) WHERE c IS NOT NULL
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_memberships_insert` AFTER INSERT ON `memberships` BEGIN
  INSERT INTO compound_versions (compound_id, pages) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_memberships_update` AFTER UPDATE ON `memberships` BEGIN
  INSERT INTO compound_versions (compound_id, pages) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_memberships_delete` AFTER DELETE ON `memberships` BEGIN
  INSERT INTO compound_versions (compound_id, pages) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_people_update` AFTER UPDATE OF name, party_member, disabled ON `people` BEGIN
  INSERT INTO compound_versions (compound_id, pages) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_property_companies_insert` AFTER INSERT ON `property_companies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_property_companies_update` AFTER UPDATE ON `property_companies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_pages_property_companies_delete` AFTER DELETE ON `property_companies` BEGIN
  INSERT INTO compound_versions (compound_id, pages) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET pages = pages + 1;
END;
