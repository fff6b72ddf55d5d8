-- khabar store, schema version 2: the persisted LSH index (issue 8, incremental analysis).
-- Every stored article's passage band keys (reuse/candidates.py band_keys), so that a later
-- batch finds copies of stored reports without re-reading or re-hashing them.
CREATE TABLE lsh_keys (
    article_id  TEXT PRIMARY KEY,          -- articles.id
    params      TEXT NOT NULL,             -- the reuse settings the keys were made with
    passages    INTEGER NOT NULL,          -- rows of the key matrix
    keys        BLOB NOT NULL              -- uint64 little-endian, passages x lsh_bands
);
CREATE INDEX lsh_keys_params ON lsh_keys (params);
