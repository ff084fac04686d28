-- Chinese, Japanese and Korean text searchable by word: the index reads each article's text
-- with an invisible separator (U+200B) between a CJK character and any letter or digit beside it
-- (ingest/cjk.py says why, and why not trigrams or a tokenizer of our own), so each such
-- character is a word of the index, and a search of 東京 is the phrase "東 京" (ingest/search.py).
-- Before, unicode61 read a whole run of them between punctuation as one word, and a search of a
-- word inside a run found nothing.
-- Text with no CJK character is read exactly as before, so every other search finds the same
-- articles in the same order.
--
-- The index's text comes from this view, not from articles: snippet() and highlight() read the
-- text the index was fed, or they would mark the wrong words. cjk_index_text() is an SQL function
-- of ours (ingest.cjk.add_index_function): every connection our code opens has it; a program
-- without it can still search (MATCH, rank read only the index) but not write articles (the
-- triggers below call it) nor read this view or the index's columns.
-- (IF EXISTS: an archive whose migration record was cut back, as a test of an older upgrade
-- does, runs this again.)
DROP VIEW IF EXISTS articles_fts_text;
CREATE VIEW articles_fts_text AS
SELECT
    id,
    cjk_index_text(title) AS title,
    cjk_index_text(description) AS description,
    cjk_index_text(authors) AS authors,
    cjk_index_text(body) AS body,
    published_year_term,
    outlet_term
FROM articles;

DROP TRIGGER articles_fts_insert;
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TABLE articles_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, description, authors, body, published_year_term, outlet_term,
    -- Datasette and sqlite-utils find a table's full-text index by the words content="articles"
    -- in its SQL (their detect_fts), which this comment keeps: its content is the view above.
    content="articles_fts_text", content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
);
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0, 0.0, 0.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES (new.id, cjk_index_text(new.title), cjk_index_text(new.description), cjk_index_text(new.authors),
            cjk_index_text(new.body), new.published_year_term, new.outlet_term);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES ('delete', old.id, cjk_index_text(old.title), cjk_index_text(old.description), cjk_index_text(old.authors),
            cjk_index_text(old.body), old.published_year_term, old.outlet_term);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, authors, body, published, outlet_id ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES ('delete', old.id, cjk_index_text(old.title), cjk_index_text(old.description), cjk_index_text(old.authors),
            cjk_index_text(old.body), old.published_year_term, old.outlet_term);
    INSERT INTO articles_fts(rowid, title, description, authors, body, published_year_term, outlet_term)
    VALUES (new.id, cjk_index_text(new.title), cjk_index_text(new.description), cjk_index_text(new.authors),
            cjk_index_text(new.body), new.published_year_term, new.outlet_term);
END;

INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
