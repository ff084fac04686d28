-- The addresses of the duplicates (a story's text seen again elsewhere), by index: an edit
-- stored from an address where the story's earlier text was seen only as a duplicate is linked
-- to that text (store.Archive._link_versions), and no article row has that address. Partial:
-- only duplicates are looked up, and most sources are not.
CREATE INDEX IF NOT EXISTS sources_duplicate_url ON sources(url) WHERE status = 'duplicate';
