-- An edited story: the same file, or the same address, ingested again with changed text. Its new
-- text is a new article (the earlier one is kept whole, as every text the archive ever stored),
-- and `previous_version` names the article of that file or address stored before it, so a
-- reader of either sees that they are two versions of one story (ingest/store.py decides).
-- ON DELETE SET NULL: deleting an earlier version by hand must not be refused for the link.
ALTER TABLE articles ADD COLUMN previous_version INTEGER REFERENCES articles(id) ON DELETE SET NULL;
-- The later versions of an article (its page, the `versions` saved query); few rows, so partial.
CREATE INDEX articles_previous_version ON articles(previous_version) WHERE previous_version IS NOT NULL;
-- The articles stored from an address, looked up for each new article that has one.
CREATE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
