-- The files (of input_files) that had a sidecar, NAME.json, when a run last read them whole.
-- Why: a sidecar deleted leaves its file as it was (same path, size and time), so the file was
-- skipped as unchanged, and its article kept the byline and date the sidecar gave for good
-- (reparse keeps given values), where a sidecar emptied to {} gave them back. A file listed
-- here that has no sidecar now is read again, as for a corrected sidecar.
-- (A table of its own, made IF NOT EXISTS, not a column of input_files: SQLite has no ADD
-- COLUMN IF NOT EXISTS, and this migration may meet a table it made before.)
CREATE TABLE IF NOT EXISTS input_file_sidecars (
    path TEXT PRIMARY KEY
);
-- The files read before this table was made: those that stored an article holding a value only
-- a sidecar gives (a title, byline, date or update of provenance "override"). One listed for a
-- value a copy's sidecar gave is read once more for nothing, then taken off the list. (2 s at
-- 980,069 articles, none of them so.)
INSERT OR IGNORE INTO input_file_sidecars (path)
SELECT sources.location FROM sources JOIN articles ON articles.id = sources.article_id
WHERE sources.status = 'stored'
  AND 'override' IN (articles.title_source, articles.authors_source, articles.published_source, articles.updated_source)
  AND sources.location IN (SELECT path FROM input_files);
