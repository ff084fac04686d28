-- An article deleted with SQL (`delete from articles where ...`, a user cleaning the archive with
-- sqlite-utils) takes with it what names it: its sources, byline rows and revisions. Before,
-- they stayed: its file was found unchanged by the sources it had given and never stored again,
-- stats still counted its copies, and the next article stored took its id (one past the
-- largest), with its byline rows (the insert failed: the run stopped) and its copies' sources.
-- A trigger, not foreign keys' ON DELETE CASCADE: SQLite applies those only on a connection
-- that turns foreign keys on, and sqlite-utils, Python's sqlite3 and the sqlite3 shell do not.
-- Its file, read again, is then new to the archive, and stored again (input_files still lists it
-- with the sources it gave, so it is read, not skipped).
-- BEFORE: an edit of it (previous_version naming it) is linked to the text it replaced in turn,
-- so the story stays one story; after the delete, on a connection with foreign keys on, the
-- column's ON DELETE SET NULL had already cut the link. A failed source names no article, and
-- stays. IF NOT EXISTS: applied again where its record was taken back (as 0017 is).
-- The copies' revisions found by their source too: without an index on it each delete read
-- every row of article_revision_copies (200 deletes with 300,000 rows: 4.76 s, against 0.13 s).
CREATE INDEX IF NOT EXISTS article_revision_copies_source ON article_revision_copies(source_id);
CREATE TRIGGER IF NOT EXISTS articles_forget_deleted BEFORE DELETE ON articles BEGIN
    UPDATE articles SET previous_version = old.previous_version WHERE previous_version = old.id;
    DELETE FROM article_revision_copies
    WHERE revision_id IN (SELECT id FROM article_revisions WHERE article_id = old.id)
       OR source_id IN (SELECT id FROM sources WHERE article_id = old.id);
    DELETE FROM article_revisions WHERE article_id = old.id;
    DELETE FROM reparse_all_read WHERE source_id IN (SELECT id FROM sources WHERE article_id = old.id);
    DELETE FROM sources WHERE article_id = old.id;
    DELETE FROM article_authors WHERE article_id = old.id;
END;

-- What articles deleted before this left behind, once. Each gone article found from an index's
-- distinct article ids, read in order (each table's rows in byline order probed the articles at
-- random: 11 s at 980,069 articles, warm, against 1.3 s).
CREATE TEMP TABLE gone_articles AS
SELECT article_id AS id FROM (SELECT DISTINCT article_id FROM sources WHERE article_id IS NOT NULL)
WHERE article_id NOT IN (SELECT id FROM articles)
UNION
SELECT article_id FROM (SELECT DISTINCT article_id FROM article_authors)
WHERE article_id NOT IN (SELECT id FROM articles)
UNION
SELECT article_id FROM article_revisions WHERE article_id NOT IN (SELECT id FROM articles);
DELETE FROM article_revision_copies
WHERE revision_id IN (SELECT id FROM article_revisions WHERE article_id IN (SELECT id FROM temp.gone_articles))
   OR source_id IN (SELECT id FROM sources WHERE article_id IN (SELECT id FROM temp.gone_articles));
DELETE FROM article_revisions WHERE article_id IN (SELECT id FROM temp.gone_articles);
DELETE FROM reparse_all_read
WHERE source_id IN (SELECT id FROM sources WHERE article_id IN (SELECT id FROM temp.gone_articles));
DELETE FROM sources WHERE article_id IN (SELECT id FROM temp.gone_articles);
DELETE FROM article_authors WHERE article_id IN (SELECT id FROM temp.gone_articles);
DROP TABLE temp.gone_articles;
-- And the sources left on an id given again (the newest article deleted, the next one stored
-- took its id): a source last seen before its article was first seen is not a copy of it. A
-- source's article and last_seen are written together, when (or after) that article is stored,
-- and last_seen only moves on. Not found so: those read again since the id was given again (a
-- run over the deleted article's folder refreshed their last_seen), and the deleted article's
-- byline rows and revisions (their rows carry no time to tell them by). Ten minutes before, not
-- a second: a run waiting for the write lock (up to 60 s) took its clock before it, so its copy
-- of a story another run stored meanwhile can be last seen a little before that story's first
-- seen (review35e); a source left on a reused id is as old as the deleted article's last run.
CREATE TEMP TABLE stale_sources AS
SELECT sources.id FROM sources JOIN articles ON articles.id = sources.article_id
WHERE sources.last_seen < strftime('%Y-%m-%dT%H:%M:%S', articles.first_seen, '-10 minutes');
DELETE FROM article_revision_copies WHERE source_id IN (SELECT id FROM temp.stale_sources);
DELETE FROM reparse_all_read WHERE source_id IN (SELECT id FROM temp.stale_sources);
DELETE FROM sources WHERE id IN (SELECT id FROM temp.stale_sources);
DROP TABLE temp.stale_sources;
UPDATE articles SET previous_version = NULL
WHERE previous_version IS NOT NULL AND previous_version NOT IN (SELECT id FROM articles);
