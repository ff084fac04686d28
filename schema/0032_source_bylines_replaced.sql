-- A source replaced (REPLACE INTO sources, INSERT OR REPLACE, as the sqlite3 shell runs them with
-- recursive triggers off): the row it deletes fires 0029's source_bylines_delete only with
-- recursive triggers on, and a replacement that keeps the row's id leaves the largest id as it
-- was, so the served note of the copies that ran under a name (kept by both) went on naming a
-- byline no row carried any more. Counted here, before the insert deletes the row (one of the
-- same id, or of the same location and bytes), when either carries a byline; 0030's
-- sources_stale_story_replaced does the same for the story counts. An ordinary insert finds no
-- such row and counts nothing.
CREATE TRIGGER IF NOT EXISTS source_bylines_replaced BEFORE INSERT ON sources
WHEN EXISTS (SELECT 1 FROM sources AS replaced
             WHERE (replaced.id = new.id OR (replaced.location = new.location AND replaced.raw_sha256 = new.raw_sha256))
               AND (replaced.authors IS NOT NULL OR new.authors IS NOT NULL)) BEGIN
    UPDATE source_bylines_changed SET changes = changes + 1;
END;
