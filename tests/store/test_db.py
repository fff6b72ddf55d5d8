import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from khabar.ingest import IngestOptions
from khabar.pipeline import read_articles
from khabar.store import db

ARABIC = "قال المتحدث باسم الجيش إن القوات سيطرت على مدينة {place} بعد معارك استمرت {n} أيام."


def test_store_is_created_with_the_latest_schema(tmp_path: Path) -> None:
    conn = db.open_store(tmp_path / "k.db")
    assert db.schema_version(conn) == max(version for version, _ in db.migrations())
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_reingesting_the_same_inputs_adds_no_rows(report_folder: Path, tmp_path: Path) -> None:
    conn = db.open_store(tmp_path / "k.db")
    read_articles([report_folder], conn=conn, run_id=1)
    read_articles([report_folder], conn=conn, run_id=2)
    assert db.counts(conn)["articles"] == 1
    assert conn.execute("SELECT count(*) FROM articles_search").fetchone()[0] == 1


def test_stored_article_round_trips(report_folder: Path, tmp_path: Path) -> None:
    conn = db.open_store(tmp_path / "k.db")
    analysis = read_articles([report_folder], conn=conn, run_id=1)
    assert db.load_articles(conn) == analysis.articles


@pytest.mark.parametrize("query", ["درنة", "درنه", "بدرنة", "الليبي"])
def test_search_folds_spelling_and_prefixes(tmp_path: Path, query: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("عنوان\nوصلت القوات إلى مشارف بدرنه بعد معارك مع الجيش الليبى.",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("عنوان آخر\nارتفعت أسعار النفط في الأسواق العالمية اليوم.",
                                  encoding="utf-8")
    conn = db.open_store(tmp_path / "k.db")
    read_articles([folder], conn=conn, run_id=1)
    hits = db.search(conn, query)
    assert [hit.title for hit in hits] == ["عنوان"]
    assert "بدرنه" in hits[0].snippet


def test_search_treats_query_syntax_as_words(tmp_path: Path, report_folder: Path) -> None:
    conn = db.open_store(tmp_path / "k.db")
    read_articles([report_folder], conn=conn, run_id=1)
    assert db.search(conn, '"الساحل" * (') == db.search(conn, "الساحل")
    assert db.search(conn, "***") == []


def test_read_only_store_refuses_writes(tmp_path: Path, report_folder: Path) -> None:
    conn = db.open_store(tmp_path / "k.db")
    read_articles([report_folder], conn=conn, run_id=1)
    reader = db.open_store(tmp_path / "k.db", read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        reader.execute("DELETE FROM articles")


def _write_corpus(path: Path, n: int) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for i in range(n):
            text = ARABIC.format(place=f"رقم {i}", n=i) + " " + "وأضاف أن الوضع مستقر. " * 30
            stream.write(json.dumps({"id": str(i), "title": f"خبر {i}", "text": text},
                                    ensure_ascii=False) + "\n")


def test_a_killed_ingest_leaves_a_consistent_store_that_a_rerun_completes(tmp_path: Path
                                                                         ) -> None:
    corpus = tmp_path / "corpus.jsonl"
    total = 6000
    _write_corpus(corpus, total)
    store = tmp_path / "k.db"
    command = [sys.executable, "-m", "khabar", "ingest", str(corpus), "--db", str(store), "-q"]
    process = subprocess.Popen(command, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 60
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.05)
        try:
            with sqlite3.connect(f"file:{store}?mode=ro", uri=True) as probe:
                stored = probe.execute("SELECT count(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            continue
        if stored >= 500:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 0 < stored < total, "the ingest finished before it could be killed"

    conn = db.open_store(store)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert articles % 500 == 0  # only whole batches were committed
    assert conn.execute("SELECT count(*) FROM articles_search").fetchone()[0] == articles

    read_articles([corpus], IngestOptions(), conn=conn, run_id=2)
    assert db.counts(conn)["articles"] == total
    assert conn.execute("SELECT count(DISTINCT sha256) FROM articles").fetchone()[0] == total


def test_a_read_only_store_may_be_used_from_another_thread(tmp_path: Path) -> None:
    """The web app opens a connection in one worker thread and queries it in another."""
    import threading

    db.open_store(tmp_path / "k.db").close()
    conn = db.open_store(tmp_path / "k.db", read_only=True)
    found: list[int] = []
    worker = threading.Thread(target=lambda: found.append(db.counts(conn)["articles"]))
    worker.start()
    worker.join()
    assert found == [0]
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("CREATE TABLE nothing (x)")  # still read-only
