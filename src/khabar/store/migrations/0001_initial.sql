-- khabar store, schema version 1: articles, skipped inputs, runs, contract records, search.
CREATE TABLE articles (
    id          TEXT PRIMARY KEY,          -- content hash prefix, stable across runs
    sha256      TEXT NOT NULL UNIQUE,
    source      TEXT NOT NULL,
    outlet      TEXT,
    url         TEXT,
    title       TEXT,
    published   TEXT,                      -- ISO date or NULL
    text        TEXT NOT NULL,             -- Article.text: every span points into it
    record      TEXT NOT NULL,             -- the articles.jsonl record, as JSON
    run_id      INTEGER NOT NULL
);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published);

-- Search over the normalized text (khabar/text/search_form.py); rowid = articles.rowid.
CREATE VIRTUAL TABLE articles_search USING fts5 (title, body, tokenize = 'unicode61');

CREATE TABLE skipped (
    source  TEXT PRIMARY KEY,
    reason  TEXT NOT NULL,
    run_id  INTEGER NOT NULL
);

CREATE TABLE runs (
    id           INTEGER PRIMARY KEY,
    command      TEXT NOT NULL,
    inputs       TEXT NOT NULL,            -- JSON list of input paths
    started_at   TEXT NOT NULL,
    finished_at  TEXT,                     -- NULL while running or after a crash
    ingested     INTEGER NOT NULL DEFAULT 0,
    skipped      INTEGER NOT NULL DEFAULT 0
);

-- Every other contract record (reuse, stories, entities, statements, claims, comparisons,
-- events) as its JSON, keyed by kind and id.
CREATE TABLE records (
    kind    TEXT NOT NULL,
    id      TEXT NOT NULL,
    doc_id  TEXT,
    record  TEXT NOT NULL,
    run_id  INTEGER NOT NULL,
    PRIMARY KEY (kind, id)
);
CREATE INDEX records_doc ON records (kind, doc_id);
