-- Near copies: articles at different outlets whose texts are evidently one story (a wire story
-- with a "Read more" line, a changed verb or a byline left in its body at each outlet), which
-- the content hash stores as separate articles. Ingest links each article it stores to the
-- stored articles of other outlets it is a near copy of (store.Store._link_near_copies).
--
-- article_sketches: each stored body's sketch, the NEAR_COPY_SKETCH smallest hashes of its
-- three-word runs (store.text_sketch), one row a hash. Candidates for a new text are the
-- articles sharing several of its hashes, found by one seek a hash of this primary key, so
-- finding them does not grow with the archive (never a comparison with every article).
-- WITHOUT ROWID: the key is the table (one b-tree, not a table and an index of it).
CREATE TABLE IF NOT EXISTS article_sketches (
    hash INTEGER NOT NULL,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    PRIMARY KEY (hash, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS article_sketches_article ON article_sketches(article_id);

-- One row a pair, the later article first: article_id was stored after copy_of. shared: the
-- share of the shorter text's three-word runs found in the other (the same-story measure).
CREATE TABLE IF NOT EXISTS near_copies (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    copy_of INTEGER NOT NULL REFERENCES articles(id),
    shared REAL NOT NULL,
    PRIMARY KEY (article_id, copy_of)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS near_copies_copy_of ON near_copies(copy_of);

-- An article deleted with SQL takes its sketch and links with it (as 0023 does for its sources):
-- a trigger, as foreign keys are off on most connections that delete.
CREATE TRIGGER IF NOT EXISTS articles_forget_near_copies BEFORE DELETE ON articles BEGIN
    DELETE FROM article_sketches WHERE article_id = old.id;
    DELETE FROM near_copies WHERE article_id = old.id OR copy_of = old.id;
END;
