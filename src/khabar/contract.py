"""The output contract's required fields, and a checker that every span round-trips.

The field lists mirror ``docs/output.md`` (a test keeps the two equal). The checker is what
"traceable" means in practice: for every record kind, ``text[start:end]`` of the article a
span points into must equal the text the record quotes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "articles": ("id", "source", "outlet", "url", "title", "published", "text",
                 "dropped_lines", "sha256"),
    "reuse": ("source_id", "target_id", "kind", "similarity", "target_coverage",
              "direction_evidence", "citation", "passages"),
    "stories": ("id", "label", "doc_ids", "first_published", "last_published"),
    "entities": ("id", "type", "name", "name_en", "aliases", "titles", "mentions", "geo"),
    "statements": ("id", "doc_id", "speaker", "speaker_text", "speaker_span", "verb",
                   "verb_span", "mode", "polarity", "content", "content_span", "venue"),
    "claims": ("id", "doc_id", "value", "value_high", "approx", "unit", "quantity", "subject",
               "span", "text", "statement_id", "attributed_to"),
    "comparisons": ("story_id", "quantity", "subject", "values", "verdict",
                    "independent_sources"),
    "events": ("id", "event_date", "date_precision", "event_type", "sub_event_type", "actor1",
               "actor2", "location", "admin1", "country", "latitude", "longitude",
               "geo_precision", "fatalities", "fatalities_reported", "doc_ids", "outlets",
               "spans"),
}

# (span field, quoted-text field) pairs of records that belong to one article (``doc_id``).
DOC_SPAN_FIELDS: dict[str, tuple[tuple[str, str], ...]] = {
    "statements": (("content_span", "content"), ("speaker_span", "speaker_text"),
                   ("verb_span", "verb")),
    "claims": (("span", "text"),),
}


def missing_fields(kind: str, record: dict[str, Any]) -> list[str]:
    return [name for name in REQUIRED_FIELDS[kind] if name not in record]


def span_problems(records: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every span in the records that does not round-trip, described; empty when all do.

    Args:
        records: contract kind → records, as written to the *.jsonl files.
    RETURNS (list[str]): one line per broken span, naming the kind, record and field.
    """
    texts = {article["id"]: article["text"] for article in records.get("articles", [])}
    problems = []
    for kind, record_id, doc_id, span, quoted in _spans(records):
        text = texts.get(doc_id)
        if text is None:
            problems.append(f"{kind} {record_id}: points into unknown article {doc_id}")
        elif not _valid(span, text) or text[span[0]:span[1]] != quoted:
            found = text[span[0]:span[1]] if _valid(span, text) else "(out of range)"
            problems.append(f"{kind} {record_id}: span {span} is {found!r}, record says "
                            f"{quoted!r}")
    return problems


def _spans(records: dict[str, list[dict[str, Any]]]
           ) -> Iterator[tuple[str, str, str, list[int], str]]:
    """(kind, record id, doc id, span, quoted text) for every span of every record kind."""
    for kind, pairs in DOC_SPAN_FIELDS.items():
        for record in records.get(kind, []):
            for span_field, text_field in pairs:
                if record.get(span_field) is not None:
                    yield (kind, record["id"], record["doc_id"], record[span_field],
                           record[text_field])
    for record in records.get("reuse", []):
        pair = f"{record['source_id']}>{record['target_id']}"
        for passage in record.get("passages", []):
            # Passages carry their quoted text too (source_text, target_text): extra fields
            # the contract allows, so that they can be checked like every other span.
            for side, doc_id in (("source", record["source_id"]), ("target", record["target_id"])):
                yield ("reuse", pair, doc_id, passage[f"{side}_span"],
                       passage.get(f"{side}_text"))
        if record.get("citation"):
            yield ("reuse", pair, record["target_id"], record["citation"]["span"],
                   record["citation"]["text"])
    for kind, list_field in (("entities", "mentions"), ("events", "spans"),
                             ("comparisons", "values")):
        for record in records.get(kind, []):
            for item in record.get(list_field, []):
                if item.get("span") is not None:
                    yield kind, record.get("id", ""), item["doc_id"], item["span"], item["text"]
    for record in records.get("events", []):
        if record.get("actor1_from"):  # extra field: the sentence that names actor1
            source = record["actor1_from"]
            yield "events", record["id"], source["doc_id"], source["span"], source["text"]
    for record in records.get("claims", []):
        if record.get("period"):  # extra field: the period a figure counts over, as written
            yield ("claims", record["id"], record["doc_id"], record["period"]["span"],
                   record["period"]["text"])


def _valid(span: list[int], text: str) -> bool:
    return len(span) == 2 and 0 <= span[0] <= span[1] <= len(text)
