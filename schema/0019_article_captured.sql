-- When a text was captured, where its input says: a web archive record's WARC-Date, a saved
-- MHTML page's Date, a record's captured (fetched, crawled) time, the time a feed says it was
-- last built (ISO 8601, as normalise.iso_date writes it; NULL where nothing says). With the
-- text's own update (or publication) date it is the evidence of which of two texts of an edited
-- story is the later one (store.later_text), whatever order they were ingested in: an archivist
-- ingests a later crawl before an earlier one, a JSON Lines export in any order.
-- An archive made before this has none for the texts it holds: its versions are put in order
-- by their own dates alone (0020_order_versions_by_evidence).
ALTER TABLE articles ADD COLUMN captured TEXT;
