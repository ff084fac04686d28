-- Each article's publication year as one more word of its full-text index, so that a search
-- limited to a few years is narrowed inside FTS5 ("words AND year") instead of looking up the
-- date of every match of the words.
-- Why: with a date range the saved `search` query found a word's matches, then looked each one
-- up in article_facets to test its date: 14,668 look-ups (about 25 ms) for a word in 1.5% of
-- 980,069 articles, to keep the 1,445 of one year. FTS5 intersects two lists of ids far faster
-- (benchmarks/README.md, stop 14). The exact dates are still tested, on what is left.
-- The word is "1y" and the year ("1y2024"): a word no text of ours holds (unicode61 keeps it
-- whole, porter leaves words with digits alone), so a search for "2024" never meets it.
-- It is a virtual generated column: computed when read, never stored, and absent from PRAGMA
-- table_info, so sqlite-utils and Datasette list the articles' columns as before.
ALTER TABLE articles ADD COLUMN published_year_term TEXT GENERATED ALWAYS AS (
    iif(published GLOB '[0-9][0-9][0-9][0-9]*', '1y' || substr(published, 1, 4), NULL)
) VIRTUAL;

-- FTS5 cannot add a column to a table: it is made again, with the same tokenizer, and filled
-- from the articles ('rebuild': about as long as indexing them the first time).
DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, description, authors, body, published_year_term,
    content="articles", content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
);
-- The year weighs nothing in bm25: a search narrowed to a year ranks its matches as before.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0, 0.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, description, authors, body, published_year_term)
    VALUES (new.id, new.title, new.description, new.authors, new.body, new.published_year_term);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body, published_year_term)
    VALUES ('delete', old.id, old.title, old.description, old.authors, old.body, old.published_year_term);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, authors, body, published ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body, published_year_term)
    VALUES ('delete', old.id, old.title, old.description, old.authors, old.body, old.published_year_term);
    INSERT INTO articles_fts(rowid, title, description, authors, body, published_year_term)
    VALUES (new.id, new.title, new.description, new.authors, new.body, new.published_year_term);
END;

INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
