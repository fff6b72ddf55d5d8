"""Score reuse detection against the team's development set (dev/reuse/reuse_pairs.jsonl).

Usage:
    python bench/reuse_devset.py [--corpus PATH] [--pairs PATH]

Runs find_reuse over the WHOLE shared corpus (candidates depend on the rest of the corpus:
boilerplate buckets, for one), then, for the labelled pairs only:
- pair precision / recall / F1 of "has reuse" (a labelled pair predicted in either order);
- kind accuracy (duplicate / rewrite / partial) on pairs both call reuse;
- direction accuracy on pairs both call reuse where the label names a source.
Identical texts are ingested once (the second is skipped as "same text"), so a labelled pair
of identical texts counts as a predicted duplicate with unknown direction.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import time
from collections import Counter
from pathlib import Path

from khabar.ingest import IngestOptions
from khabar.pipeline import read_articles
from khabar.reuse.detect import find_reuse

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"
DEFAULT_PAIRS = REPO / "dev" / "reuse" / "reuse_pairs.jsonl"


def corpus_article_ids(corpus: Path) -> dict[str, str]:
    """Corpus record id → khabar article id (the content hash of its text)."""
    ids = {}
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        for line in stream:
            record = json.loads(line)
            text = (record.get("text") or "").replace("\r\n", "\n").replace("\r", "\n")
            text = text.lstrip("\ufeff")
            ids[record["id"]] = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    args = parser.parse_args()
    labels = [json.loads(line) for line in args.pairs.read_text(encoding="utf-8").splitlines()
              if line.strip()]
    to_article = corpus_article_ids(args.corpus)
    articles = read_articles([args.corpus],
                             IngestOptions(field_map={"published": "date_extracted"})).articles
    started = time.perf_counter()
    found = find_reuse(articles)
    print(f"find_reuse over {len(articles)} articles: {len(found)} pairs in "
          f"{time.perf_counter() - started:.0f} s")
    predicted = {frozenset((p.source_id, p.target_id)): p for p in found}

    tp = fp = fn = tn = 0
    kind_right = kind_total = direction_right = direction_total = 0
    confusion: Counter[tuple[str, str]] = Counter()
    misses = []
    for label in labels:
        a, b = to_article[label["a"]], to_article[label["b"]]
        pair = predicted.get(frozenset((a, b)))
        identical = a == b
        said_reuse = identical or pair is not None
        if label["reuse"] and said_reuse:
            tp += 1
            kind = "duplicate" if identical else pair.kind
            confusion[(label["kind"], kind)] += 1
            kind_total += 1
            kind_right += kind == label["kind"]
            if label.get("target_id") and not identical:
                direction_total += 1
                if label.get("direction_basis") == "unknown":
                    direction_right += pair.direction_evidence == ["unknown"]
                else:
                    direction_right += pair.target_id == to_article[label["target_id"]]
        elif label["reuse"]:
            fn += 1
            misses.append((label["a"], label["b"], label["kind"], label["stratum"]))
        elif said_reuse:
            fp += 1
            misses.append((label["a"], label["b"], f"predicted {pair.kind}", label["stratum"]))
        else:
            tn += 1
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"{len(labels)} labelled pairs: tp {tp}, fp {fp}, fn {fn}, tn {tn}")
    print(f"reuse pairs: precision {precision:.3f}, recall {recall:.3f}, F1 {f1:.3f}")
    print(f"kind accuracy: {kind_right}/{kind_total} = {kind_right / max(kind_total, 1):.3f}")
    print(f"direction accuracy: {direction_right}/{direction_total} = "
          f"{direction_right / max(direction_total, 1):.3f}")
    print("kind confusion (gold, predicted):", dict(confusion))
    for miss in misses:
        print("  error:", *miss)


if __name__ == "__main__":
    main()
