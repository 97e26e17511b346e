-- Dashboards served from caches need to know when what they show has changed, whoever changed it:
-- a server action, the clock, a script, another worker process. Every write to the rows a
-- dashboard's figures are made of counts one more for its compound in compound_versions (ballots
-- apart: only a compound's own dashboard shows them, as live turnout). A cached dashboard carries
-- the counts of its compounds and is used only while they are unchanged
-- (docs/decisions/0019-performance.md). Writes that no dashboard shows (comments, co-signs,
-- sessions, notifications) count nothing, so they invalidate nothing. Row 0 counts changes to the
-- places themselves (a compound added, renamed or moved, a community or street renamed or moved):
-- a scope's version is its compounds' counts with row 0's, so a scope that lost or gained a
-- compound never comes back to a version it had before.
CREATE TRIGGER `compound_versions_tasks_insert` AFTER INSERT ON `tasks` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_tasks_update` AFTER UPDATE ON `tasks` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_tasks_delete` AFTER DELETE ON `tasks` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_ratings_insert` AFTER INSERT ON `ratings` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_ratings_update` AFTER UPDATE ON `ratings` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_ratings_delete` AFTER DELETE ON `ratings` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_escalations_insert` AFTER INSERT ON `escalations` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_escalations_update` AFTER UPDATE ON `escalations` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_escalations_delete` AFTER DELETE ON `escalations` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_decisions_insert` AFTER INSERT ON `decisions` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_decisions_update` AFTER UPDATE ON `decisions` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_decisions_delete` AFTER DELETE ON `decisions` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_votes_insert` AFTER INSERT ON `votes` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_votes_update` AFTER UPDATE ON `votes` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_votes_delete` AFTER DELETE ON `votes` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_buildings_insert` AFTER INSERT ON `buildings` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_buildings_update` AFTER UPDATE ON `buildings` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_buildings_delete` AFTER DELETE ON `buildings` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_topics_insert` AFTER INSERT ON `topics` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_topics_update` AFTER UPDATE OF compound_id, status, category, building_id, title, created_at, reviewed_at ON `topics` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_topics_delete` AFTER DELETE ON `topics` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.compound_id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_ballots_insert` AFTER INSERT ON `ballots` BEGIN
  INSERT INTO compound_versions (compound_id, ballots) SELECT compound_id, 1 FROM votes WHERE id = NEW.vote_id
    ON CONFLICT (compound_id) DO UPDATE SET ballots = ballots + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_ballots_update` AFTER UPDATE ON `ballots` BEGIN
  INSERT INTO compound_versions (compound_id, ballots) SELECT compound_id, 1 FROM votes WHERE id = NEW.vote_id
    ON CONFLICT (compound_id) DO UPDATE SET ballots = ballots + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_ballots_delete` AFTER DELETE ON `ballots` BEGIN
  INSERT INTO compound_versions (compound_id, ballots) SELECT compound_id, 1 FROM votes WHERE id = OLD.vote_id
    ON CONFLICT (compound_id) DO UPDATE SET ballots = ballots + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_compounds_insert` AFTER INSERT ON `compounds` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_compounds_update` AFTER UPDATE OF community_id, name ON `compounds` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (OLD.id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (NEW.id, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_communities_update` AFTER UPDATE OF street_id, name ON `communities` BEGIN
  INSERT INTO compound_versions (compound_id, figures)
    SELECT c.id, 1 FROM compounds c WHERE c.community_id = NEW.id
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_streets_update` AFTER UPDATE OF district_id, name ON `streets` BEGIN
  INSERT INTO compound_versions (compound_id, figures)
    SELECT c.id, 1 FROM compounds c WHERE c.community_id IN (SELECT m.id FROM communities m WHERE m.street_id = NEW.id)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
  INSERT INTO compound_versions (compound_id, figures) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `compound_versions_districts_update` AFTER UPDATE OF name ON `districts` BEGIN
  INSERT INTO compound_versions (compound_id, figures) VALUES (0, 1)
    ON CONFLICT (compound_id) DO UPDATE SET figures = figures + 1;
END;
