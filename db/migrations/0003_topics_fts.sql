-- Full-text search over topic titles and descriptions that works for Chinese: the trigram tokenizer
-- matches any 3+ character substring. Shorter queries use LIKE on the base table (see db/queries/topics.ts).
CREATE VIRTUAL TABLE topics_fts USING fts5(title, description, content='topics', content_rowid='id', tokenize='trigram');
--> statement-breakpoint
CREATE TRIGGER topics_fts_insert AFTER INSERT ON topics BEGIN
  INSERT INTO topics_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER topics_fts_delete AFTER DELETE ON topics BEGIN
  INSERT INTO topics_fts(topics_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER topics_fts_update AFTER UPDATE OF title, description ON topics BEGIN
  INSERT INTO topics_fts(topics_fts, rowid, title, description) VALUES ('delete', old.id, old.title, old.description);
  INSERT INTO topics_fts(rowid, title, description) VALUES (new.id, new.title, new.description);
END;
