-- Each story's places, counted once and kept: the syndication query counted every story's places
-- at each request (the sources of every linked article read and grouped by outlet, address and
-- day), 0.9-1.1 s at 323,466 articles with a quarter of them near copies (benchmarks/README.md,
-- stops 36 and 37). It now reads this table.
--
-- A story here is what the syndication query lists with its edited copies: a near-copy story
-- (near_copy_stories, 0026) under its story_id, or an article no near copy is linked to, alone,
-- under its own id. One row a story seen at two places or more: copies (its places), outlets
-- (their outlets), edited (the places that ran an edited copy, not the story's own text).
CREATE TABLE IF NOT EXISTS story_place_counts (
    story_id INTEGER PRIMARY KEY,
    copies INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    edited INTEGER NOT NULL
);

-- The stories whose counts a write may have changed, to count again. Triggers cannot count them
-- themselves: a place's address is compared by same_address_key, a Python function, which a
-- connection without it (the sqlite3 shell, a script deleting an article) does not have, and
-- a trigger calling it would make that connection's write fail. So every write only names
-- the stories it touched, in plain SQL; whoever has the function counts them again
-- (near_copies.recount_story_places: each batch ingest commits, each archive opened to write),
-- and until then the syndication query counts these few from scratch, as it did every story.
CREATE TABLE IF NOT EXISTS story_place_counts_stale (
    story_id INTEGER PRIMARY KEY
);

-- The counts of the stale stories, from scratch: the one definition of a story's counts (the
-- recount writes it into story_place_counts; the syndication query reads it for the stories
-- not yet counted again). A place: the same outlet, address (same_address_key) and day is one
-- place; a failed source, or one naming neither outlet nor address (a clipping), is none.
-- (The counts kept are same_address_key's answers stored: a change to it, or to this view, needs
-- a migration naming every story stale, as the last statements below do, to count them again.)
CREATE VIEW IF NOT EXISTS stale_story_place_counts AS
WITH members(article_id, story_id) AS (
    SELECT near_copy_stories.article_id, near_copy_stories.story_id
    FROM story_place_counts_stale JOIN near_copy_stories ON near_copy_stories.story_id = story_place_counts_stale.story_id
    UNION ALL
    SELECT story_id, story_id FROM story_place_counts_stale
    WHERE story_id NOT IN (SELECT article_id FROM near_copy_stories)
),
placed AS (
    SELECT members.story_id, sources.outlet_id, sum(sources.article_id = members.story_id) > 0 AS same
    FROM members
    JOIN sources ON sources.article_id = members.article_id AND sources.status != 'failed'
        AND (sources.outlet_id IS NOT NULL OR sources.url IS NOT NULL)
    GROUP BY members.story_id, sources.outlet_id, same_address_key(sources.url), substr(sources.published, 1, 10)
)
SELECT story_id, count(*) AS copies, count(DISTINCT outlet_id) AS outlets, count(*) - sum(same) AS edited
FROM placed GROUP BY story_id HAVING count(*) >= 2;

-- A source written, removed or changed where it ran (its article, status, outlet, address or
-- day; not last_seen, which every re-read of a folder writes): its story's places changed.
CREATE TRIGGER IF NOT EXISTS sources_stale_story_added AFTER INSERT ON sources WHEN new.article_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    VALUES (coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = new.article_id), new.article_id));
END;
CREATE TRIGGER IF NOT EXISTS sources_stale_story_removed AFTER DELETE ON sources WHEN old.article_id IS NOT NULL BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    VALUES (coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = old.article_id), old.article_id));
END;
CREATE TRIGGER IF NOT EXISTS sources_stale_story_changed
AFTER UPDATE OF article_id, status, outlet_id, url, published ON sources BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    SELECT coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = old.article_id), old.article_id)
    WHERE old.article_id IS NOT NULL;
    INSERT OR IGNORE INTO story_place_counts_stale (story_id)
    SELECT coalesce((SELECT story_id FROM near_copy_stories WHERE article_id = new.article_id), new.article_id)
    WHERE new.article_id IS NOT NULL;
END;

-- A story joined or split (0026's triggers): the stories before and after, and an article that
-- leaves a story, now a story alone. (A split marks its articles with negative ids for a moment:
-- those are no story. An article joining a story needs no trigger of its own: 0026 inserts it
-- as a story of its own, and then the rows of one of the two stories at least take the
-- other's id, naming both.)
CREATE TRIGGER IF NOT EXISTS near_copy_stories_stale_changed AFTER UPDATE ON near_copy_stories
WHEN old.story_id != new.story_id BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id) SELECT old.story_id WHERE old.story_id > 0;
    INSERT OR IGNORE INTO story_place_counts_stale (story_id) SELECT new.story_id WHERE new.story_id > 0;
END;
CREATE TRIGGER IF NOT EXISTS near_copy_stories_stale_removed AFTER DELETE ON near_copy_stories BEGIN
    INSERT OR IGNORE INTO story_place_counts_stale (story_id) VALUES (old.article_id);
    INSERT OR IGNORE INTO story_place_counts_stale (story_id) SELECT old.story_id WHERE old.story_id > 0;
END;

-- Every story of an archive upgraded: the stories, and each article seen at two sources or more
-- (no fewer can be two places); migration 0028 counts them (near_copies.recount_story_places).
INSERT OR IGNORE INTO story_place_counts_stale (story_id)
SELECT DISTINCT story_id FROM near_copy_stories;
INSERT OR IGNORE INTO story_place_counts_stale (story_id)
SELECT article_id FROM sources WHERE article_id IS NOT NULL AND status != 'failed'
GROUP BY article_id HAVING count(*) >= 2;
