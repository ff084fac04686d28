-- The archive's schema: the one source of truth, applied in order by ingest/migrations.py.
-- Connection settings (WAL, foreign keys) are set on every open, not here, since a PRAGMA
-- like journal_mode cannot run inside the migration's transaction.

CREATE TABLE outlets (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    domain TEXT,
    -- "The Guardian", "the Guardian" and "theguardian.com" share one key, so one row.
    key TEXT NOT NULL UNIQUE
);
CREATE INDEX outlets_domain ON outlets(domain);

CREATE TABLE authors (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    -- case, accents and punctuation folded, so a person is stored once
    key TEXT NOT NULL UNIQUE
);

CREATE TABLE ingest_runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    arguments TEXT,
    stored INTEGER NOT NULL DEFAULT 0,
    duplicate INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0
);

-- INTEGER PRIMARY KEY: the rowid is the id, so VACUUM never moves it under the FTS index.
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    title TEXT,
    description TEXT,
    -- JSON array of author names in byline order, for Datasette's array facet and FTS.
    authors TEXT NOT NULL DEFAULT '[]',
    published TEXT,
    updated TEXT,
    outlet_id INTEGER REFERENCES outlets(id),
    url TEXT,
    language TEXT,
    word_count INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    -- Which signal each value came from: json-ld, meta, byline, url, text, record, override...
    title_source TEXT,
    authors_source TEXT,
    published_source TEXT,
    updated_source TEXT,
    outlet_source TEXT,
    -- Last on purpose: a long body spills into overflow pages, and SQLite must walk past
    -- them to reach any column stored after it (measured: listing, timeline and coverage
    -- queries ran about twice as fast with the body last, on 45,300 articles).
    body TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet_published ON articles(outlet_id, published);
CREATE INDEX articles_language ON articles(language);

CREATE TABLE article_authors (
    article_id INTEGER NOT NULL REFERENCES articles(id),
    author_id INTEGER NOT NULL REFERENCES authors(id),
    position INTEGER NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX article_authors_author ON article_authors(author_id, article_id);

-- Every input ever seen, one row per (location, bytes): where a story ran, and what became of
-- each file. A changed file at the same path is a new row; the old one keeps its history.
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    location TEXT NOT NULL,
    raw_sha256 TEXT NOT NULL,
    format TEXT,
    size INTEGER,
    status TEXT NOT NULL CHECK (status IN ('stored', 'duplicate', 'failed')),
    error TEXT,
    article_id INTEGER REFERENCES articles(id),
    -- what this copy itself said, so syndication shows where and when each copy appeared
    outlet_id INTEGER REFERENCES outlets(id),
    url TEXT,
    title TEXT,
    published TEXT,
    run_id INTEGER REFERENCES ingest_runs(id),
    seen_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    UNIQUE (location, raw_sha256)
);
CREATE INDEX sources_raw_sha256 ON sources(raw_sha256);
CREATE INDEX sources_article ON sources(article_id);
CREATE INDEX sources_status ON sources(status);

-- Full-text search. External content (the text lives once, in articles) kept in step by
-- triggers. The content name is quoted because Datasette only recognises the FTS table of
-- a table when it is (measured with Datasette 0.65.5).
-- Tokenizer: porter stemming over unicode61 so "troop" finds "troops"; remove_diacritics 2
-- so "Zelenskyy"/"Zelénskyy" and "Sao Paulo"/"São Paulo" match. Porter is English-only:
-- other languages still match by whole word, which is what unicode61 alone would give.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, description, authors, body,
    content="articles", content_rowid="id",
    tokenize="porter unicode61 remove_diacritics 2"
);
-- bm25 weights per column, set once so that plain `ORDER BY rank` uses them:
-- a match in the title counts ten times one in the body.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(10.0, 4.0, 2.0, 1.0)');

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, description, authors, body)
    VALUES (new.id, new.title, new.description, new.authors, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body)
    VALUES ('delete', old.id, old.title, old.description, old.authors, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, description, authors, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, description, authors, body)
    VALUES ('delete', old.id, old.title, old.description, old.authors, old.body);
    INSERT INTO articles_fts(rowid, title, description, authors, body)
    VALUES (new.id, new.title, new.description, new.authors, new.body);
END;

-- Views for Datasette: the article list without the long body, and stories seen more than once.
CREATE VIEW article_list AS
SELECT
    articles.id,
    articles.title,
    outlets.name AS outlet,
    articles.authors,
    articles.published,
    articles.language,
    articles.word_count,
    articles.url,
    (SELECT count(*) FROM sources WHERE sources.article_id = articles.id) AS sightings
FROM articles
LEFT JOIN outlets ON outlets.id = articles.outlet_id;
