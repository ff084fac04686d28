-- A narrow copy of what a search filters, sorts and facets by, one row per article, kept in
-- step with articles by triggers (the writer does not know it exists).
-- Why: an article row holds its body (4-5 KB), so looking up the date or outlet of every match
-- of a word reads one or more pages per match; here about 40 articles fit in a page. The saved
-- `search` query filters its matches through this table, and its Datasette page is the faceted
-- search (Datasette 0.65's array facet de-duplicates whole rows, body included, on the articles
-- page: see benchmarks/README.md for both, measured).
CREATE TABLE article_facets (
    id INTEGER PRIMARY KEY,
    title TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    language TEXT
);

INSERT INTO article_facets (id, title, outlet_id, authors, published, language)
SELECT id, title, outlet_id, authors, published, language FROM articles;

CREATE TRIGGER article_facets_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_facets (id, title, outlet_id, authors, published, language)
    VALUES (new.id, new.title, new.outlet_id, new.authors, new.published, new.language);
END;
CREATE TRIGGER article_facets_delete AFTER DELETE ON articles BEGIN
    DELETE FROM article_facets WHERE id = old.id;
END;
CREATE TRIGGER article_facets_update AFTER UPDATE OF title, outlet_id, authors, published, language ON articles BEGIN
    UPDATE article_facets
    SET title = new.title, outlet_id = new.outlet_id, authors = new.authors,
        published = new.published, language = new.language
    WHERE id = old.id;
END;
