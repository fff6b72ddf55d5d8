"""The Dask engine gives the single engine's records, survives a killed worker, and finds
today's copies of stored reports from the persisted LSH index.

Inputs are the team's invented demo reports and the invented report of conftest.py.
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import sys
from pathlib import Path

import cloudpickle  # installed with distributed
import pytest
from dask.distributed import Client, LocalCluster

from khabar.dask_engine import (
    DaskRun,
    Part,
    analyze_dask,
    plan_parts,
    write_parquet_parts,
)
from khabar.ingest import IngestOptions
from khabar.pipeline import analyze
from khabar.store import db
from khabar.store.export import records_from_store

from .conftest import DEMO, REPORT

DEMO_REPORTS = DEMO / "reports"
# The demo's two reuse pairs are 01 → 02 (a rewrite) and 03 → 04 (a wire copy): yesterday's
# batch holds the sources, today's the copies.
YESTERDAY = ("01_army_statement", "03_wire_toll", "05_displaced", "07_governor_visit")
TODAY = ("02_rewrite_army", "04_wire_copy", "06_group_claim", "08_central_bank")


@pytest.fixture(scope="module")
def client():
    """Two single-threaded in-process workers: partitions, shuffle and chunks are real Dask
    tasks; processes are only the point of the fault-tolerance test."""
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                      dashboard_address=":0") as cluster, Client(cluster) as dask_client:
        yield dask_client


def mixed_corpus(root: Path) -> Path:
    """The demo reports plus what a real archive holds: a JSONL file (split across
    partitions) with a bad line and a repeat of a demo report, a second copy of a .txt report
    (dropped as a duplicate: the first in input order wins), a hidden and an unsupported file.
    """
    folder = root / "corpus"
    shutil.copytree(DEMO_REPORTS, folder / "a_demo")
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEMO_REPORTS.glob("*.txt"))]
    lines = [json.dumps({"id": f"r{n}", "outlet": "وكالة الاختبار", "date": "2025-03-11",
                         "text": text + f"\nتحديث رقم {n}."}, ensure_ascii=False)
             for n, text in enumerate(texts[:5])]
    lines.insert(2, "{not json")
    lines.append(json.dumps({"text": texts[0]}, ensure_ascii=False))  # same as 01's text
    lines.append(json.dumps({"id": "r9", "text": REPORT}, ensure_ascii=False))
    with gzip.open(folder / "b_feed.jsonl.gz", "wt", encoding="utf-8") as stream:
        stream.write("\n".join(lines) + "\n")
    (folder / "c_copy.txt").write_text(texts[2], encoding="utf-8")
    (folder / ".hidden.txt").write_text(REPORT, encoding="utf-8")
    (folder / "d_notes.docx").write_bytes(b"PK\x03\x04")
    return folder


def assert_same_analysis(single, distributed) -> None:
    expected, found = single.contract_records(), distributed.contract_records()
    assert set(found) == set(expected)
    for kind in expected:
        assert found[kind] == expected[kind], kind
    assert distributed.skipped == single.skipped
    assert distributed.stages_run == single.stages_run


def test_dask_engine_gives_the_single_engines_records(client, tmp_path: Path) -> None:
    corpus = mixed_corpus(tmp_path)
    single_store = db.open_store(tmp_path / "single.db")
    dask_store = db.open_store(tmp_path / "dask.db")
    single = analyze([corpus], conn=single_store)
    info = DaskRun()
    distributed = analyze_dask([corpus], conn=dask_store, client=client, part_articles=4,
                               run_info=info)

    parts = plan_parts([corpus], 4, jsonl_ranges=4)
    assert info.partitions == len(parts) >= 4
    assert sum(part.entries == (str(corpus / "b_feed.jsonl.gz"),) for part in parts) == 2
    assert len(single.articles) >= 14 and single.records["reuse"]
    assert any("same text as" in item.reason for item in single.skipped)
    assert any("invalid JSON" in item.reason for item in single.skipped)
    assert_same_analysis(single, distributed)
    # The stores hold the same articles and records; the Dask one also the band keys.
    assert records_from_store(dask_store) == records_from_store(single_store)
    stored_keys = dask_store.execute("SELECT count(*) FROM lsh_keys").fetchone()[0]
    assert stored_keys == len(distributed.articles)


def test_parquet_parts_read_back_as_the_records(client, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    analysis = analyze_dask([DEMO_REPORTS], client=client)
    records = analysis.contract_records()
    written = write_parquet_parts(records, tmp_path / "parquet", rows_per_part=3)
    assert written["articles"] == 3  # 8 articles, 3 to a part
    for kind, items in records.items():
        table = pq.read_table(tmp_path / "parquet" / kind)
        assert table.num_rows == len(items), kind
    ids = pq.read_table(tmp_path / "parquet" / "articles", columns=["id"]).column("id")
    assert ids.to_pylist() == [record["id"] for record in records["articles"]]
    # Rewriting with fewer parts leaves no stale part behind.
    write_parquet_parts(records, tmp_path / "parquet", rows_per_part=100)
    assert sorted(p.name for p in (tmp_path / "parquet" / "articles").iterdir()) == [
        "part-00000.parquet"]


def batch(tmp_path: Path, name: str, stems: tuple[str, ...]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for stem in stems:
        for path in DEMO_REPORTS.glob(stem + ".*"):
            shutil.copy(path, folder / path.name)
    return folder


def reuse_touching(records: list[dict], ids: set[str]) -> list[dict]:
    return [r for r in records if r["source_id"] in ids or r["target_id"] in ids]


@pytest.mark.parametrize("first_engine", ["dask", "single"])
def test_incremental_run_finds_copies_of_stored_reports(client, tmp_path: Path,
                                                        first_engine: str) -> None:
    yesterday, today = batch(tmp_path, "yesterday", YESTERDAY), batch(tmp_path, "today", TODAY)
    conn = db.open_store(tmp_path / "khabar.db")
    if first_engine == "dask":
        analyze_dask([yesterday], conn=conn, client=client)
    else:  # a store without band keys: the incremental run hashes its articles once
        analyze([yesterday], conn=conn)
    info = DaskRun()
    incremental = analyze_dask([today], conn=conn, client=client, incremental=True,
                               run_info=info)

    full = analyze([yesterday, today])
    today_ids = {a.id for a in full.articles if Path(a.source).parent.name == "today"}
    expected = reuse_touching(full.records["reuse"], today_ids)
    assert len(expected) == 2  # 01 → 02 and 03 → 04, across the two days
    assert incremental.records["reuse"] == expected
    assert info.hashed_articles == len(TODAY)  # yesterday's reports were not re-read
    assert info.stored_keys_read == len(YESTERDAY)
    # The two sources came back from the store as context, and nothing was stored twice.
    assert len(info.context_articles) == 2
    assert db.counts(conn)["articles"] == len(YESTERDAY) + len(TODAY)
    assert conn.execute("SELECT count(*) FROM lsh_keys").fetchone()[0] == 8
    stored_reuse = [json.loads(row[0]) for row in
                    conn.execute("SELECT record FROM records WHERE kind = 'reuse'")]
    assert sorted(r["target_id"] for r in stored_reuse) == sorted(
        r["target_id"] for r in expected)


def test_incremental_needs_a_store(client) -> None:
    with pytest.raises(ValueError, match="store"):
        analyze_dask([DEMO_REPORTS], client=client, incremental=True)


def kill_worker_once(part: Part) -> None:
    """Fault injection: the first worker to read partition 1 dies (the whole process, as
    when a machine is lost); the marker file makes it happen once."""
    marker = Path(os.environ["KHABAR_TEST_KILL_MARKER"])
    if part.index == 1:
        try:
            with marker.open("x"):
                pass
        except FileExistsError:
            return
        os._exit(1)


def test_a_killed_worker_loses_and_duplicates_nothing(tmp_path: Path, monkeypatch) -> None:
    corpus = mixed_corpus(tmp_path)
    marker = tmp_path / "killed"
    monkeypatch.setenv("KHABAR_TEST_KILL_MARKER", str(marker))
    # Worker processes unpickle the hook by value: this test module need not be importable.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    single = analyze([corpus], options=IngestOptions())
    conn = db.open_store(tmp_path / "dask.db")
    try:
        with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                          dashboard_address=":0") as cluster, Client(cluster) as process_client:
            distributed = analyze_dask([corpus], conn=conn, client=process_client,
                                       part_hook=kill_worker_once, part_articles=4)
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert marker.exists()  # a worker did die mid-run
    assert_same_analysis(single, distributed)
    ids = [row[0] for row in conn.execute("SELECT id FROM articles")]
    assert sorted(ids) == sorted(a.id for a in single.articles)


def test_inputs_with_nothing_to_read_are_accounted_for(client, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    inputs = [tmp_path / "empty", tmp_path / "missing.txt"]
    distributed = analyze_dask(inputs, client=client)
    assert_same_analysis(analyze(inputs), distributed)
    assert [item.reason for item in distributed.skipped] == ["no such file or folder"]


def test_cli_analyze_with_the_dask_engine(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from khabar.cli import app

    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["analyze", str(DEMO_REPORTS), "--engine", "dask",
                                 "--workers", "1", "--out", str(out), "--db",
                                 str(tmp_path / "k.db"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert (out / "reuse.jsonl").read_text(encoding="utf-8").count("\n") == 2
    assert (out / "parquet" / "events" / "part-00000.parquet").is_file()
    usage = runner.invoke(app, ["analyze", str(DEMO_REPORTS), "--workers", "2"])
    assert usage.exit_code == 2
