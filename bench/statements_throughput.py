"""Statements and entity linking on the shared corpus: articles per second on one core.

Usage:
    python bench/statements_throughput.py [CORPUS] [--limit N]

Reads the corpus (ingest + clean, not timed here: see bench/ingest_throughput.py), then
times ``find_statements`` (cues, speakers, content, venues) and ``link_entities`` (people and
organizations across all articles) separately. Prints articles/s, statements found, entities,
and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from khabar.extract.statements import find_statements
from khabar.ingest import IngestOptions
from khabar.link.entities import link_entities
from khabar.pipeline import read_articles

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
                  / "saudinewsnet_dev.jsonl.gz")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="use the first N articles")
    args = parser.parse_args()
    articles = read_articles([args.corpus],
                             IngestOptions(field_map={"published": "date_extracted"})).articles
    if args.limit:
        articles = articles[: args.limit]
    start = time.perf_counter()
    statements = find_statements(articles)
    found = time.perf_counter() - start
    start = time.perf_counter()
    entities = link_entities(articles, statements)
    linked = time.perf_counter() - start
    n = len(articles)
    print(f"articles: {n}")
    print(f"statements: {len(statements)} in {found:.1f} s = {n / found:,.0f} articles/s")
    print(f"entities: {len(entities)} in {linked:.1f} s = {n / linked:,.0f} articles/s")
    print(f"both: {n / (found + linked):,.0f} articles/s on one core")
    print(f"peak memory: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")


if __name__ == "__main__":
    main()
