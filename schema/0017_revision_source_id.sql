-- Which copy of a story gave a revision's new value: the sources row (a duplicate) whose
-- reading filled a value its article lacked, or whose corrected sidecar changed it (and its
-- own row's `sources.<column>` revisions). NULL when the article's own file gave the value.
-- Why a column, not new_source: new_source is the signal ("override", "record") that the
-- article's <field>_source column takes too, and reparse and ingest decide by that word
-- (a sidecar's value is kept, or taken back when the sidecar drops it); a source id folded
-- into it would read as another signal. Added empty: ALTER TABLE ADD COLUMN rewrites no row.
ALTER TABLE article_revisions ADD COLUMN new_source_id INTEGER REFERENCES sources(id);
