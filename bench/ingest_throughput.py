"""Ingest throughput on the shared corpus: articles per second on one core.

Usage:
    python bench/ingest_throughput.py [CORPUS] [--limit N] [--store]

Reads the SaudiNewsNet JSONL (../shared/data/corpus/saudinewsnet_dev.jsonl.gz by default)
through ingest and the per-article stages (clean, headline, outlet), and with --store also
writes the SQLite store with its search index, timing each. One process, so one core.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from khabar.ingest import IngestOptions
from khabar.pipeline import read_articles
from khabar.store import db

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
                  / "saudinewsnet_dev.jsonl.gz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--store", action="store_true", help="also write a store")
    args = parser.parse_args()
    options = IngestOptions(field_map={"published": "date_extracted"})
    with tempfile.TemporaryDirectory() as folder:
        conn = db.open_store(Path(folder) / "bench.db") if args.store else None
        started = time.perf_counter()
        analysis = read_articles([args.corpus], options, conn=conn, run_id=1)
        elapsed = time.perf_counter() - started
        n = len(analysis.articles)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        what = "ingest + clean + outlet + store/FTS" if args.store else "ingest + clean + outlet"
        print(f"{what}: {n} articles ({len(analysis.skipped)} skipped) in {elapsed:.1f} s = "
              f"{n / elapsed:,.0f} articles/s on one core; peak RSS {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
