-- Near-copy stories: the articles near_copies links, each with the story it is a copy of, so that
-- the places a story ran (the syndication query, search's places, the article page, stats) take
-- in the places its edited copies ran. A story is every article linked to another, directly or
-- through others: one outlet's copy of a wire story may be linked to a second outlet's copy
-- only through a third's (a text is confirmed against at most 20 candidates, and two outlets'
-- edits may each be near the wire text and less near each other). story_id: the story's first
-- stored article, the least id among them.
--
-- Kept here, not worked out when read: walking the links of every story at each request took
-- 0.7 s at 140,440 pairs (80,105 articles linked, 323,466 stored), above what the syndication
-- query may take in all; kept up to date by the triggers below on every link written or
-- removed, whoever writes it (ingest, link-copies, an outlet corrected, SQL by hand).
CREATE TABLE IF NOT EXISTS near_copy_stories (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id),
    story_id INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS near_copy_stories_story ON near_copy_stories(story_id, article_id);

-- A link joins the stories of its two articles into one: the larger story id takes the least
-- (min(abs()): see the split below, which marks the articles it rebuilds with negative ids).
-- Also after an update, which the split uses to join the links it keeps again, one at a time.
CREATE TRIGGER IF NOT EXISTS near_copies_join_stories AFTER INSERT ON near_copies BEGIN
    INSERT OR IGNORE INTO near_copy_stories (article_id, story_id) VALUES (new.article_id, new.article_id);
    INSERT OR IGNORE INTO near_copy_stories (article_id, story_id) VALUES (new.copy_of, new.copy_of);
    UPDATE near_copy_stories
    SET story_id = (SELECT min(abs(story_id)) FROM near_copy_stories WHERE article_id IN (new.article_id, new.copy_of))
    WHERE story_id IN (SELECT story_id FROM near_copy_stories WHERE article_id IN (new.article_id, new.copy_of));
END;
CREATE TRIGGER IF NOT EXISTS near_copies_join_stories_again AFTER UPDATE ON near_copies BEGIN
    UPDATE near_copy_stories
    SET story_id = (SELECT min(abs(story_id)) FROM near_copy_stories WHERE article_id IN (new.article_id, new.copy_of))
    WHERE story_id IN (SELECT story_id FROM near_copy_stories WHERE article_id IN (new.article_id, new.copy_of));
END;

-- A link removed (an outlet corrected, an article deleted, a pair unlinked by hand) may split its
-- story: an article linked to the rest only through it is no longer one story with them. The
-- story's articles are each made a story of their own (a negative id: told from every other
-- story's), each link left among them joins them again (an update, through the trigger above),
-- and those left with no link are no near copy of anything.
CREATE TRIGGER IF NOT EXISTS near_copies_split_stories AFTER DELETE ON near_copies BEGIN
    UPDATE near_copy_stories SET story_id = -article_id
    WHERE story_id = (SELECT story_id FROM near_copy_stories WHERE article_id = old.article_id);
    UPDATE near_copies SET shared = shared
    WHERE article_id IN (SELECT article_id FROM near_copy_stories WHERE story_id < 0);
    DELETE FROM near_copy_stories WHERE story_id < 0;
END;

-- The stories of the links stored before this (an archive linked by 0024's ingest or link-copies):
-- every article reached from each first article of a story (one linked to no earlier article), its
-- story the least of those that reach it. (An article no longer stored, which a link could name
-- only if foreign keys and 0024's trigger were both bypassed, is left out: with foreign keys on,
-- its row would stop the upgrade.)
INSERT OR IGNORE INTO near_copy_stories (article_id, story_id)
WITH RECURSIVE reach(story_id, article_id) AS (
    SELECT DISTINCT copy_of, copy_of FROM near_copies WHERE copy_of NOT IN (SELECT article_id FROM near_copies)
    UNION
    SELECT reach.story_id, near_copies.article_id FROM reach JOIN near_copies ON near_copies.copy_of = reach.article_id
    UNION
    SELECT reach.story_id, near_copies.copy_of FROM reach JOIN near_copies ON near_copies.article_id = reach.article_id
)
SELECT article_id, min(story_id) FROM reach WHERE article_id IN (SELECT id FROM articles) GROUP BY article_id;
