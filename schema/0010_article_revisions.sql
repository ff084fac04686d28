-- What `news-archive reparse` changed: one row per field of an article it read differently
-- with a newer version's rules, holding the value (and the signal it came from) that was
-- there before, so an upgrade never loses what was stored and a user can see, or undo, it.
CREATE TABLE article_revisions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id),
    -- title, description, authors (a JSON array), published, updated, outlet (its name),
    -- url or language
    field TEXT NOT NULL,
    old_value TEXT,
    old_source TEXT,
    new_value TEXT,
    new_source TEXT,
    revised_at TEXT NOT NULL,
    -- the versions that read the old and the new value (as sources.extractor)
    old_extractor TEXT,
    new_extractor TEXT NOT NULL
);
CREATE INDEX article_revisions_article ON article_revisions(article_id);
