-- The sources a `news-archive reparse --all` has read while it runs (with the version that is
-- their extractor then): one stopped (Ctrl-C, kill, a power cut) goes on where it stopped when
-- run again, where it started again from the first article, hours of a large archive read twice.
-- Emptied when a run of it finishes. (A reparse without --all needs none: it skips the sources
-- this version has read, and --all reads those too.) IF NOT EXISTS: applied again, where its
-- record was taken back, it finds its table there (as 0017 does).
CREATE TABLE IF NOT EXISTS reparse_all_read (
    source_id INTEGER PRIMARY KEY
);
