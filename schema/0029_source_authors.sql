-- The byline each copy itself carried (a JSON array of names in byline order, as
-- articles.authors), so the archive keeps who a story ran under at each place: a wire story a
-- paper ran under a staff byline, a copy that named the writer the first file left out. The
-- article's own `authors` stays the byline of its text (a later copy only fills one it lacks).
-- NULL: not recorded, a source seen before this column (the upgrade cannot know what its file
-- said; `reparse` fills the stored source and its byte-identical copies when it reads the file
-- again). '[]': the copy had no byline.
-- (0029 after 0026, with or without 0027 and 0028: migrations apply by name, each once,
-- whichever are missing; a number left out is nothing pending.)
ALTER TABLE sources ADD COLUMN authors TEXT;
-- The copies that carried a byline, by it: a search of an author whom no article's byline
-- names says which stories ran under that name elsewhere (search.names_not_in_archive), reading
-- these alone, not every source. Partial: most sources are no such copy.
CREATE INDEX IF NOT EXISTS sources_copy_bylines ON sources(authors, article_id)
    WHERE status = 'duplicate' AND authors != '[]';
-- A count the copies' bylines bump when one changes in place (a corrected sidecar, a reparse
-- filling one, an UPDATE or DELETE by hand), or when an older row at a location is seen again
-- (its byline is the latest sighting's once more): the served copy note, kept by the names it
-- was asked of, is kept by this count too, as a new source is seen in the largest id. One row.
CREATE TABLE IF NOT EXISTS source_bylines_changed (changes INTEGER NOT NULL);
INSERT INTO source_bylines_changed (changes) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM source_bylines_changed);
CREATE TRIGGER IF NOT EXISTS source_bylines_update AFTER UPDATE OF authors, status, article_id, location ON sources
WHEN old.authors IS NOT new.authors OR old.status IS NOT new.status OR old.article_id IS NOT new.article_id
  OR old.location IS NOT new.location BEGIN
    UPDATE source_bylines_changed SET changes = changes + 1;
END;
CREATE TRIGGER IF NOT EXISTS source_bylines_seen_again AFTER UPDATE OF last_seen ON sources
WHEN new.status = 'duplicate' AND new.authors != '[]'
  AND EXISTS (SELECT 1 FROM sources AS other WHERE other.location = new.location AND other.id != new.id) BEGIN
    UPDATE source_bylines_changed SET changes = changes + 1;
END;
CREATE TRIGGER IF NOT EXISTS source_bylines_delete AFTER DELETE ON sources WHEN old.authors IS NOT NULL BEGIN
    UPDATE source_bylines_changed SET changes = changes + 1;
END;
