"""What the web pages and the API read from the store: contract records, filtered and paged.

Every query is parameterized; filters name fields from fixed lists here, never from the
request. Records come back as the contract's JSON (``docs/output.md``), so the API returns
exactly what ``khabar analyze`` writes to its ``*.jsonl`` files.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass
from typing import Any

from khabar.store import db
from khabar.text.search_form import fts_query

Record = dict[str, Any]

# Record fields a list may be filtered on, by kind: request parameter → JSON path.
FILTERS: dict[str, dict[str, str]] = {
    "statements": {"speaker": "$.speaker", "polarity": "$.polarity", "mode": "$.mode",
                   "doc_id": "$.doc_id"},
    "claims": {"quantity": "$.quantity", "doc_id": "$.doc_id",
               "attributed_to": "$.attributed_to"},
    "comparisons": {"story_id": "$.story_id", "verdict": "$.verdict",
                    "quantity": "$.quantity"},
    "entities": {"type": "$.type"},
    "events": {"event_type": "$.event_type", "country": "$.country"},
    "stories": {},
    "reuse": {"kind": "$.kind", "source_id": "$.source_id", "target_id": "$.target_id"},
}
# Kinds listed by their stored ``sort_key`` (``store.db.sort_key``), descending: the latest
# stories and events, the most mentioned entities. Others in the order they were stored.
SORTED_KINDS = frozenset({"stories", "events", "entities"})
KINDS = tuple(FILTERS)


@dataclass(frozen=True)
class Page:
    """One page of a list: ``items`` from ``offset``, of ``total`` matching."""

    items: list[Record]
    total: int
    limit: int
    offset: int

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "items": self.items}


def records(conn: sqlite3.Connection, kind: str, filters: dict[str, str | None],
            limit: int, offset: int, doc_id: str | None = None) -> Page:
    """Records of one kind matching every given filter (exact values), in the kind's order.

    Args:
        kind: a contract kind of ``FILTERS``.
        filters: parameter → value; None values are ignored; names not in ``FILTERS[kind]``
            are an error (the API validates them first).
        doc_id: only records touching this report (``record_docs``).
    """
    allowed = FILTERS[kind]
    where, parameters = ["r.kind = ?"], [kind]
    for name, value in filters.items():
        if value is None:
            continue
        where.append(f"json_extract(r.record, '{allowed[name]}') = ?")
        parameters.append(value)
    source = "records r"
    if doc_id is not None:
        source += " JOIN record_docs d ON d.kind = r.kind AND d.id = r.id AND d.doc_id = ?"
        parameters.insert(0, doc_id)
    condition = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM {source} WHERE {condition}",
                         parameters).fetchone()[0]
    order = "r.sort_key DESC, r.id" if kind in SORTED_KINDS else "r.rowid"
    rows = conn.execute(
        f"SELECT r.record FROM {source} WHERE {condition} ORDER BY {order} LIMIT ? OFFSET ?",
        [*parameters, limit, offset]).fetchall()
    return Page([json.loads(row[0]) for row in rows], total, limit, offset)


def record(conn: sqlite3.Connection, kind: str, record_id: str) -> Record | None:
    row = conn.execute("SELECT record FROM records WHERE kind = ? AND id = ?",
                       (kind, record_id)).fetchone()
    return json.loads(row[0]) if row else None


def of_article(conn: sqlite3.Connection, kind: str, doc_id: str) -> list[Record]:
    """Every record of one kind touching a report."""
    rows = conn.execute(
        "SELECT r.record FROM record_docs d JOIN records r ON r.kind = d.kind AND r.id = d.id "
        "WHERE d.doc_id = ? AND d.kind = ? ORDER BY r.rowid", (doc_id, kind)).fetchall()
    return [json.loads(row[0]) for row in rows]


def entities_in(conn: sqlite3.Connection, doc_id: str) -> list[Record]:
    """The entities a report names, each with only its mentions in that report (the slice
    stored beside ``record_docs``): a country named in thousands of reports is not read
    whole to mark one of them."""
    rows = conn.execute(
        "SELECT d.slice FROM record_docs d JOIN records r ON r.kind = d.kind AND r.id = d.id "
        "WHERE d.doc_id = ? AND d.kind = 'entities' ORDER BY r.rowid", (doc_id,))
    return [json.loads(row[0]) for row in rows if row[0]]


def articles(conn: sqlite3.Connection, limit: int, offset: int, outlet: str | None = None,
             date_from: str | None = None, date_to: str | None = None,
             query: str | None = None) -> Page:
    """Article records, newest first; ``query`` is a full-text search (folded spellings)."""
    where, parameters = [], []
    if outlet:
        where.append("a.outlet = ?")
        parameters.append(outlet)
    if date_from:
        where.append("a.published >= ?")
        parameters.append(date_from)
    if date_to:
        where.append("a.published <= ?")
        parameters.append(date_to + "~")  # a day's timestamps sort before "~"
    source = "articles a"
    if query:
        match = fts_query(query)
        if not match:
            return Page([], 0, limit, offset)
        source += " JOIN articles_search s ON s.rowid = a.rowid"
        where.append("articles_search MATCH ?")
        parameters.append(match)
    condition = " AND ".join(where) or "1"
    total = conn.execute(f"SELECT count(*) FROM {source} WHERE {condition}",
                         parameters).fetchone()[0]
    # NULL dates sort last in DESC; plain ``published`` lets the index order the rows
    order = "s.rank" if query else "a.published DESC, a.rowid"
    rows = conn.execute(f"SELECT a.record FROM {source} WHERE {condition} ORDER BY {order} "
                        "LIMIT ? OFFSET ?", [*parameters, limit, offset]).fetchall()
    return Page([json.loads(row[0]) for row in rows], total, limit, offset)


def article(conn: sqlite3.Connection, doc_id: str) -> Record | None:
    row = conn.execute("SELECT record FROM articles WHERE id = ?", (doc_id,)).fetchone()
    return json.loads(row[0]) if row else None


def article_heads(conn: sqlite3.Connection, ids: list[str]) -> dict[str, Record]:
    """Outlet, date, title and the text's first words of articles by id: what lists and
    graphs show, without loading whole texts (a person may be named in thousands)."""
    found: dict[str, Record] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for row in conn.execute(
                "SELECT id, outlet, published, title, substr(text, 1, 120) FROM articles "
                f"WHERE id IN ({marks})", chunk):
            found[row[0]] = {"id": row[0], "outlet": row[1], "published": row[2],
                             "title": row[3], "lead": row[4]}
    return found


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    outlets: list[tuple[str, int]]
    first_published: str | None
    last_published: str | None


def overview(conn: sqlite3.Connection) -> Overview:
    """The store at a glance: records per kind, articles per outlet, the dates covered."""
    outlets = Counter({row[0] or "?": row[1] for row in conn.execute(
        "SELECT outlet, count(*) FROM articles GROUP BY outlet")})
    first, last = conn.execute(
        "SELECT min(published), max(published) FROM articles").fetchone()
    return Overview(db.counts(conn), outlets.most_common(), first, last)
