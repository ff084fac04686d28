-- The stories each outlet ran as a copy (a duplicate source of that outlet), by index: a search
-- of one outlet says what the outlet ran that is kept under another outlet
-- (search.copies_at_outlet), on every served search that names an outlet, and without it read
-- every duplicate of the archive. Partial: only duplicates are looked up so.
CREATE INDEX IF NOT EXISTS sources_duplicate_outlet ON sources(outlet_id, article_id) WHERE status = 'duplicate';
