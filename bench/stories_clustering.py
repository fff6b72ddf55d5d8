"""Benchmark story clustering on the shared corpus: time and peak memory.

Usage: python bench/stories_clustering.py [--limit N] [--corpus PATH]

Reads the corpus, finds reuse (a copy joins its source's story), then times the stories
stage alone: term vectors, the incremental clustering, labels. Prints reports/s, stories,
the largest story and the peak memory (ru_maxrss) of the whole process. Entities are left
out (their bonus is 0 by default), so statements need not run.
"""

from __future__ import annotations

import argparse
import resource
import time
from pathlib import Path

from khabar.ingest import IngestOptions
from khabar.pipeline import read_articles
from khabar.reuse.detect import find_reuse
from khabar.stories.assemble import find_stories

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    options = IngestOptions(field_map={"published": "date_extracted"})
    started = time.perf_counter()
    articles = read_articles([args.corpus], options).articles[: args.limit]
    read = time.perf_counter()
    reuse = find_reuse(articles)
    reused = time.perf_counter()
    stories = find_stories(articles, reuse, [])
    done = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    multi = [story for story in stories if len(story.doc_ids) > 1]
    print(f"{len(articles)} reports: read {read - started:.1f} s, reuse {reused - read:.1f} s")
    print(f"stories: {done - reused:.1f} s = {len(articles) / (done - reused):.0f} reports/s; "
          f"{len(stories)} stories, {len(multi)} with 2+ reports, largest "
          f"{max(len(story.doc_ids) for story in stories)}; peak memory {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
