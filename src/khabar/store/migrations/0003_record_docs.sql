-- khabar store, schema version 3: which reports every record touches, for the web pages.
-- An article's page lists its statements, claims, reuse both ways, the entities it names,
-- its stories and events; records keep their reports inside their JSON (doc_ids, mentions,
-- values), so this table indexes them. Rows of records stored before this version are
-- filled in here from that JSON.
CREATE TABLE record_docs (
    kind    TEXT NOT NULL,
    id      TEXT NOT NULL,
    doc_id  TEXT NOT NULL,
    PRIMARY KEY (kind, id, doc_id)
) WITHOUT ROWID;
CREATE INDEX record_docs_doc ON record_docs (doc_id, kind);
INSERT OR IGNORE INTO record_docs SELECT kind, id, doc_id FROM records WHERE doc_id IS NOT NULL;
INSERT OR IGNORE INTO record_docs
    SELECT r.kind, r.id, j.value FROM records r, json_each(r.record, '$.doc_ids') j
    WHERE r.kind IN ('stories', 'events');
INSERT OR IGNORE INTO record_docs
    SELECT r.kind, r.id, json_extract(j.value, '$.doc_id')
    FROM records r, json_each(r.record, '$.mentions') j WHERE r.kind = 'entities';
INSERT OR IGNORE INTO record_docs
    SELECT r.kind, r.id, json_extract(j.value, '$.doc_id')
    FROM records r, json_each(r.record, '$.values') j WHERE r.kind = 'comparisons';
INSERT OR IGNORE INTO record_docs
    SELECT kind, id, json_extract(record, '$.source_id') FROM records WHERE kind = 'reuse';
-- Statements by speaker: a person's page.
CREATE INDEX records_speaker ON records (kind, json_extract(record, '$.speaker'));
