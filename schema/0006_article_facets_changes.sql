-- Every change to article_facets, in commit order: the Datasette plugin keeps the facet columns
-- of article_facets in memory (ingest/datasette_plugin/facet_cache.py) and, inside the same read
-- transaction as a search, re-reads only the articles logged after the last change it applied.
-- That is what makes its counts those of the snapshot the search reads, while an ingest writes.
-- AUTOINCREMENT: a sequence number is never reused, even if old entries are deleted.
-- Cost: one small row per article written (about 12 bytes), and one insert per trigger.
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
