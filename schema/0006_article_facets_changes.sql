-- Every change to article_facets, in commit order: the Datasette plugin keeps the facet columns
-- of article_facets in memory (ingest/datasette_plugin/facet_cache.py) and, inside the same read
-- transaction as a search, re-reads only the articles logged after the last change it applied.
-- That is what makes its counts those of the snapshot the search reads, while an ingest writes.
-- AUTOINCREMENT: a sequence number is never reused, even if old entries are deleted (delete them
-- only while no server runs: a server applies only the entries it finds).
-- Cost: one row per article written (10 bytes on disk each, measured on 19,620 articles); the
-- trigger's insert did not show beside FTS indexing (20,000 articles, twice: 9.8 / 13.3 s with
-- it, 10.0 / 14.8 s without, on a loaded machine).
CREATE TABLE article_facets_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id INTEGER NOT NULL
);

CREATE TRIGGER article_facets_changes_insert AFTER INSERT ON article_facets BEGIN
    INSERT INTO article_facets_changes (id) VALUES (new.id);
END;
CREATE TRIGGER article_facets_changes_update AFTER UPDATE ON article_facets BEGIN
    INSERT INTO article_facets_changes (id) VALUES (old.id);
    INSERT INTO article_facets_changes (id) SELECT new.id WHERE new.id != old.id;
END;
CREATE TRIGGER article_facets_changes_delete AFTER DELETE ON article_facets BEGIN
    INSERT INTO article_facets_changes (id) VALUES (old.id);
END;
