"""The SQLite store: open with migrations, write results in transactions, read them back.

SQLite in WAL mode, one transaction per batch: a run killed mid-way leaves every batch it
committed and none of the batch it was writing, and the next run, finding those articles
already there by their content id, completes the rest without duplicating any.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from khabar.model import Article, Skipped
from khabar.text.normalize import normalize_with_offsets
from khabar.text.search_form import fts_query, index_form, query_terms

MIGRATIONS_PACKAGE = "khabar.store.migrations"


def open_store(path: str | Path, read_only: bool = False) -> sqlite3.Connection:
    """Open (and create or upgrade) the store at ``path``.

    Args:
        path: database file; created when missing unless ``read_only``.
        read_only: open with ``mode=ro`` and ``query_only``, for serving and search.
    RETURNS (sqlite3.Connection): in autocommit mode; write through :func:`transaction`.
    """
    if read_only:
        if not Path(path).exists():
            raise FileNotFoundError(f"no khabar store at {path}")
        # A web request opens it in one worker thread and uses it in another (one at a
        # time): read-only, so nothing is written from two threads.
        conn = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True, isolation_level=None,
                               check_same_thread=False)
        conn.execute("PRAGMA query_only = ON")
    else:
        if str(path) != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(str(path), isolation_level=None)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA busy_timeout = 10000")
        migrate(conn)
    conn.row_factory = sqlite3.Row
    return conn


def schema_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every migration shipped, in order; file ``0002_x.sql`` is version 2."""
    found = []
    for entry in resources.files(MIGRATIONS_PACKAGE).iterdir():
        if entry.name.endswith(".sql"):
            found.append((int(entry.name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(found)


def migrate(conn: sqlite3.Connection) -> None:
    """Apply the migrations newer than the store's ``user_version``, each atomically."""
    current = schema_version(conn)
    for version, sql in migrations():
        if version <= current:
            continue
        with transaction(conn):
            for statement in _split_sql(sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version:d}")


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def start_run(conn: sqlite3.Connection, command: str, inputs: Iterable[str]) -> int:
    with transaction(conn):
        cursor = conn.execute(
            "INSERT INTO runs (command, inputs, started_at) VALUES (?, ?, ?)",
            (command, json.dumps(list(inputs), ensure_ascii=False), _now()),
        )
    return int(cursor.lastrowid)


def finish_run(conn: sqlite3.Connection, run_id: int, ingested: int, skipped: int) -> None:
    with transaction(conn):
        conn.execute(
            "UPDATE runs SET finished_at = ?, ingested = ?, skipped = ? WHERE id = ?",
            (_now(), ingested, skipped, run_id),
        )


def add_articles(conn: sqlite3.Connection, articles: Iterable[Article], run_id: int) -> int:
    """Insert articles not yet stored (by content id) with their search entry, in one
    transaction. RETURNS (int): how many were new."""
    added = 0
    with transaction(conn):
        for article in articles:
            record = article.to_record()
            cursor = conn.execute(
                "INSERT OR IGNORE INTO articles (id, sha256, source, outlet, url, title, "
                "published, text, record, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article.id, article.sha256, article.source, article.outlet, article.url,
                 article.title, article.published, article.text,
                 json.dumps(record, ensure_ascii=False), run_id),
            )
            if cursor.rowcount:
                conn.execute(
                    "INSERT INTO articles_search (rowid, title, body) VALUES (?, ?, ?)",
                    (cursor.lastrowid, index_form(article.title or ""), index_form(article.text)),
                )
                added += 1
    return added


def add_skipped(conn: sqlite3.Connection, skipped: Iterable[Skipped], run_id: int) -> None:
    with transaction(conn):
        conn.executemany(
            "INSERT OR REPLACE INTO skipped (source, reason, run_id) VALUES (?, ?, ?)",
            [(item.source, item.reason, run_id) for item in skipped],
        )


def replace_records(conn: sqlite3.Connection, kind: str, records: Iterable[dict[str, Any]],
                    run_id: int) -> None:
    """Store contract records of one kind; a record with the same id replaces the old one.
    Every report a record touches is indexed in ``record_docs`` (for an article's page)."""
    rows = [(record_id(kind, record), record) for record in records]
    with transaction(conn):
        conn.executemany(
            "INSERT OR REPLACE INTO records (kind, id, doc_id, record, run_id, sort_key) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [(kind, key, _record_doc(record), json.dumps(record, ensure_ascii=False), run_id,
              sort_key(kind, record)) for key, record in rows],
        )
        conn.executemany("DELETE FROM record_docs WHERE kind = ? AND id = ?",
                         [(kind, key) for key, _ in rows])
        conn.executemany(
            "INSERT OR IGNORE INTO record_docs (kind, id, doc_id, slice) VALUES (?, ?, ?, ?)",
            [(kind, key, doc_id, record_slice(kind, record, doc_id))
             for key, record in rows for doc_id in record_doc_ids(record)],
        )


def sort_key(kind: str, record: dict[str, Any]) -> str | None:
    """What lists of a kind sort by, descending: stories by their latest report, then size;
    events by date; entities by mentions (``web.queries``)."""
    if kind == "stories":
        return f"{record.get('last_published') or ''}{len(record.get('doc_ids') or []):08d}"
    if kind == "events":
        return record.get("event_date") or ""
    if kind == "entities":
        return f"{len(record.get('mentions') or []):09d}"
    return None


def record_slice(kind: str, record: dict[str, Any], doc_id: str) -> str | None:
    """An entity as one report sees it: its name and type, and its mentions there only."""
    if kind != "entities":
        return None
    return json.dumps({"id": record.get("id"), "type": record.get("type"),
                       "name": record.get("name"), "name_en": record.get("name_en"),
                       "mentions": [m for m in record.get("mentions") or []
                                    if m.get("doc_id") == doc_id]}, ensure_ascii=False)


def record_doc_ids(record: dict[str, Any]) -> set[str]:
    """Every report a contract record points into: its own, its sources, its mentions'."""
    found = {record.get(field) for field in ("doc_id", "source_id", "target_id")}
    found.update(record.get("doc_ids") or [])
    for field in ("mentions", "values"):
        found.update(item.get("doc_id") for item in record.get(field) or [])
    return {doc_id for doc_id in found if isinstance(doc_id, str) and doc_id}


def add_lsh_keys(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, int, bytes]]) -> None:
    """Persist articles' LSH band keys: (article id, params, passages, uint64 key bytes).

    Keyed by article id, so writing the same article twice (a retried or repeated run) keeps
    one row.
    """
    with transaction(conn):
        conn.executemany(
            "INSERT OR REPLACE INTO lsh_keys (article_id, params, passages, keys) "
            "VALUES (?, ?, ?, ?)", rows)


def lsh_keys(conn: sqlite3.Connection, params: str) -> Iterator[tuple[str, int, bytes]]:
    """(article id, passages, key bytes) of every stored article hashed with ``params``,
    in store order."""
    for row in conn.execute(
            "SELECT k.article_id, k.passages, k.keys FROM lsh_keys k JOIN articles a "
            "ON a.id = k.article_id WHERE k.params = ? ORDER BY a.rowid", (params,)):
        yield row[0], row[1], row[2]


def record_id(kind: str, record: dict[str, Any]) -> str:
    """The key of a contract record; kinds without an ``id`` field are keyed by content."""
    if "id" in record:
        return str(record["id"])
    if kind == "reuse":
        return f"{record['source_id']}>{record['target_id']}"
    if kind == "comparisons":
        return f"{record['story_id']}:{record['quantity']}:{record.get('subject')}"
    return json.dumps(record, sort_keys=True, ensure_ascii=False)


def _record_doc(record: dict[str, Any]) -> str | None:
    return record.get("doc_id") or record.get("target_id")


def load_articles(conn: sqlite3.Connection, ids: Iterable[str] | None = None) -> list[Article]:
    if ids is None:
        rows = conn.execute("SELECT record FROM articles ORDER BY rowid").fetchall()
    else:
        wanted = list(ids)
        placeholders = ",".join("?" * len(wanted))
        rows = conn.execute(
            f"SELECT record FROM articles WHERE id IN ({placeholders}) ORDER BY rowid", wanted
        ).fetchall()
    return [Article.from_record(json.loads(row["record"])) for row in rows]


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Rows per table and per record kind: the store at a glance."""
    result = {
        "articles": conn.execute("SELECT count(*) FROM articles").fetchone()[0],
        "skipped": conn.execute("SELECT count(*) FROM skipped").fetchone()[0],
        "runs": conn.execute("SELECT count(*) FROM runs").fetchone()[0],
    }
    for row in conn.execute("SELECT kind, count(*) AS n FROM records GROUP BY kind"):
        result[row["kind"]] = row["n"]
    return result


@dataclass(frozen=True)
class SearchHit:
    id: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str  # from Article.text, around the first matching word


def search(conn: sqlite3.Connection, query: str, limit: int = 20,
           outlet: str | None = None) -> list[SearchHit]:
    """Articles matching every word of ``query`` (spelling and proclitics folded), best first."""
    match = fts_query(query)
    if not match:
        return []
    sql = (
        "SELECT a.id, a.title, a.outlet, a.published, a.text FROM articles_search s "
        "JOIN articles a ON a.rowid = s.rowid WHERE articles_search MATCH ? "
    )
    parameters: list[Any] = [match]
    if outlet:
        sql += "AND a.outlet = ? "
        parameters.append(outlet)
    sql += "ORDER BY s.rank LIMIT ?"
    parameters.append(limit)
    terms = [term for group in query_terms(query) for term in group]
    return [
        SearchHit(row["id"], row["title"], row["outlet"], row["published"],
                  snippet(row["text"], terms))
        for row in conn.execute(sql, parameters)
    ]


def snippet(text: str, folded_terms: list[str], width: int = 80) -> str:
    """A window of the original text around the first occurrence of any folded term."""
    view = normalize_with_offsets(text)
    positions = [view.text.find(term) for term in folded_terms]
    found = [position for position in positions if position >= 0]
    if not found:
        return text[: 2 * width].replace("\n", " ")
    start, _ = view.to_original(min(found), min(found) + 1)
    left = max(0, start - width)
    return ("…" if left else "") + text[left: start + width].replace("\n", " ") + "…"


def _split_sql(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    return [statement.strip() for statement in "\n".join(lines).split(";") if statement.strip()]


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
