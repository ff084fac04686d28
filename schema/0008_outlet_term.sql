-- Each article's outlet as one more word of its full-text index ("1o42" for outlet 42), so that
-- a search within one outlet is narrowed inside FTS5 ("words AND outlet"), as a date range is by
-- the year words of 0007, instead of fetching every match of the words and walking the outlet's
-- articles (benchmarks/README.md, stop 19).
-- A virtual generated column, as the year's: computed when read, never stored, and absent
-- from PRAGMA table_info.
ALTER TABLE articles ADD COLUMN outlet_term TEXT GENERATED ALWAYS AS (
    iif(outlet_id IS NOT NULL, '1o' || outlet_id, NULL)
) VIRTUAL;

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, description, authors, body, published_year_term, outlet_term,
    content="articles", content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
);
-- The outlet weighs nothing in bm25, as the year does.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0, 0.0, 0.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES (new.id, new.title, new.description, new.authors, new.body, new.published_year_term, new.outlet_term);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES ('delete', old.id, old.title, old.description, old.authors, old.body, old.published_year_term, old.outlet_term);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, authors, body, published, outlet_id ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES ('delete', old.id, old.title, old.description, old.authors, old.body, old.published_year_term, old.outlet_term);
    INSERT INTO articles_fts(rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES (new.id, new.title, new.description, new.authors, new.body, new.published_year_term, new.outlet_term);
END;

INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
