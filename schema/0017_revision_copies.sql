-- Which copy of a story gave a revision's new value: the sources row (a duplicate) whose
-- reading filled a value its article lacked, or whose corrected sidecar changed it (and its
-- own row's `sources.<column>` revisions). A revision with no row here was given by the
-- article's own file.
-- Why not in new_source: that is the signal ("override", "record") that the article's
-- <field>_source column takes too, and reparse and ingest decide by that word (a sidecar's
-- value is kept, or taken back when the sidecar drops it). Why not a column of
-- article_revisions: SQLite has no ADD COLUMN IF NOT EXISTS, and an archive whose older
-- article_revisions is made again by 0010 (as the upgrade tests rebuild one) would lack it.
CREATE TABLE IF NOT EXISTS article_revision_copies (
    revision_id INTEGER PRIMARY KEY REFERENCES article_revisions(id),
    source_id INTEGER NOT NULL REFERENCES sources(id)
);
