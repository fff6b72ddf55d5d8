-- khabar store, schema version 4: what the web pages sort and slice by, stored once.
-- Lists of stories, events and entities are sorted (latest, most mentioned); sorting by a
-- value inside each record's JSON read every record of the kind at every request (seconds
-- with 30k reports). An article's page needs each entity's mentions in that article only;
-- a country's record holds tens of thousands. Both are kept beside the records here.
ALTER TABLE records ADD COLUMN sort_key TEXT;
UPDATE records SET sort_key =
    coalesce(json_extract(record, '$.last_published'), '')
    || printf('%08d', json_array_length(record, '$.doc_ids'))
    WHERE kind = 'stories';
UPDATE records SET sort_key = coalesce(json_extract(record, '$.event_date'), '')
    WHERE kind = 'events';
UPDATE records SET sort_key = printf('%09d', json_array_length(record, '$.mentions'))
    WHERE kind = 'entities';
CREATE INDEX records_sort ON records (kind, sort_key);
CREATE INDEX records_type ON records (kind, json_extract(record, '$.type'), sort_key);
CREATE INDEX records_story ON records (kind, json_extract(record, '$.story_id'));
ALTER TABLE record_docs ADD COLUMN slice TEXT;
UPDATE record_docs SET slice = (
    SELECT json_object('id', r.id, 'type', json_extract(r.record, '$.type'),
                       'name', json_extract(r.record, '$.name'),
                       'name_en', json_extract(r.record, '$.name_en'),
                       'mentions', (SELECT json_group_array(json(m.value))
                                    FROM json_each(r.record, '$.mentions') m
                                    WHERE json_extract(m.value, '$.doc_id') = record_docs.doc_id))
    FROM records r WHERE r.kind = record_docs.kind AND r.id = record_docs.id)
    WHERE kind = 'entities';
