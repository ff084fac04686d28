-- A source's write names its story stale (0027) only when it can change a kept count. 0027's
-- triggers named the article of every source written, though an article alone with one source
-- is one place at most and no story of story_place_counts: a bulk update by hand of every
-- source (323,828 rows of 323,466 articles, 201 stories of two places) left 323,466 stale, and
-- the syndication query, counting those from scratch until the next writer, took 2.2-2.8 s
-- (the 2 s limit; benchmarks/README.md, stop 37). The rule of the kept table's membership: a
-- story of two places or more, and none has fewer than two sources not failed.
--   A source gained (written, or changed to where it now runs): its article's story, if the
--   article is in a near-copy story or now has two sources not failed (one could not be two
--   places).
--   A source lost (removed, or changed from where it ran): its article's story, if the article
--   is in a near-copy story or has a count kept (losing a place cannot make an article seen at
--   one place or none a story of two).
DROP TRIGGER IF EXISTS sources_stale_story_added;
DROP TRIGGER IF EXISTS sources_stale_story_removed;
DROP TRIGGER IF EXISTS sources_stale_story_changed;
DROP TRIGGER IF EXISTS sources_stale_story_replaced;  -- (made below: dropped for an archive whose migrations run again)

CREATE TRIGGER sources_stale_story_added AFTER INSERT ON sources WHEN new.article_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    SELECT coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = new.article_id), new.article_id)
    WHERE EXISTS (SELECT 1 FROM near_copy_stories WHERE article_id = new.article_id)
        OR (SELECT count(*) FROM (SELECT 1 FROM sources
            WHERE article_id = new.article_id AND status != 'failed' LIMIT 2)) = 2;
END;
CREATE TRIGGER sources_stale_story_removed AFTER DELETE ON sources WHEN old.article_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    SELECT coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = old.article_id), old.article_id)
    WHERE EXISTS (SELECT 1 FROM near_copy_stories WHERE article_id = old.article_id)
        OR EXISTS (SELECT 1 FROM story_place_counts WHERE story_id = old.article_id);
END;
-- (not last_seen, which every re-read of a folder writes)
CREATE TRIGGER sources_stale_story_changed
AFTER UPDATE OF article_id, status, outlet_id, url, published ON sources BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    SELECT coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = old.article_id), old.article_id)
    WHERE old.article_id IS NOT NULL AND (EXISTS (SELECT 1 FROM near_copy_stories WHERE article_id = old.article_id)
        OR EXISTS (SELECT 1 FROM story_place_counts WHERE story_id = old.article_id));
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    SELECT coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = new.article_id), new.article_id)
    WHERE new.article_id IS NOT NULL AND (EXISTS (SELECT 1 FROM near_copy_stories WHERE article_id = new.article_id)
        OR (SELECT count(*) FROM (SELECT 1 FROM sources
            WHERE article_id = new.article_id AND status != 'failed' LIMIT 2)) = 2);
END;
-- A source replaced (REPLACE INTO sources, INSERT OR REPLACE): the row it deletes fires the
-- DELETE trigger above only with recursive triggers on, which the sqlite3 shell leaves off, so
-- the story that row ran in was left counted as before, for good. Named here, before the
-- insert deletes it (the rows of the same id, or of the same location and bytes).
CREATE TRIGGER sources_stale_story_replaced BEFORE INSERT ON sources BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    SELECT coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = replaced.article_id), replaced.article_id)
    FROM sources AS replaced
    WHERE (replaced.id = new.id OR (replaced.location = new.location AND replaced.raw_sha256 = new.raw_sha256))
        AND (EXISTS (SELECT 1 FROM near_copy_stories WHERE article_id = replaced.article_id)
            OR EXISTS (SELECT 1 FROM story_place_counts WHERE story_id = replaced.article_id));
END;
