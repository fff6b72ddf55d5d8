"""Score story clustering on a gold file for a grid of thresholds (how the defaults in
``khabar.settings`` were chosen).

Usage: python dev/stories/tune.py ARTICLES_DIR GOLD_JSON [name=v1,v2 ...]
e.g.   python dev/stories/tune.py /tmp/devsto/articles /tmp/devsto/gold.json \
           story_join_similarity=0.25,0.3,0.35 story_gap_days=3,5

Runs khabar's stages up to entities once, then only the stories stage per setting, and
prints pairwise and B-cubed precision/recall/F1 (the measures of ``khabar eval``).
"""

from __future__ import annotations

import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path

from khabar.pipeline import read_articles, reuse_stage, statements_stage
from khabar.settings import Settings
from khabar.stories.assemble import find_stories


def scores(gold: list[set[str]], predicted: list[set[str]]) -> tuple[float, ...]:
    def pairs(clusters: list[set[str]]) -> set[tuple[str, str]]:
        return {(a, b) for c in clusters for a in c for b in c if a < b}

    gold_pairs, pred_pairs = pairs(gold), pairs(predicted)
    hit = len(gold_pairs & pred_pairs)
    p = hit / len(pred_pairs) if pred_pairs else 1.0
    r = hit / len(gold_pairs) if gold_pairs else 1.0
    want = {d: c for c in gold for d in c}
    got = {d: c for c in predicted for d in c}
    docs = [d for d in want if d in got]
    bp = sum(len(want[d] & got[d]) / len(got[d]) for d in docs) / len(docs)
    br = sum(len(want[d] & got[d]) / len(want[d]) for d in docs) / len(docs)
    f = lambda a, b: 2 * a * b / (a + b) if a + b else 0.0  # noqa: E731
    return p, r, f(p, r), bp, br, f(bp, br)


def main(articles_dir: Path, gold_path: Path, grid: list[str]) -> None:
    analysis = read_articles([articles_dir])
    results = reuse_stage(analysis.articles, {})
    results.update(statements_stage(analysis.articles, results))
    name_of = {a.id: Path(a.source).name for a in analysis.articles}
    gold = [set(story["docs"]) for story in json.loads(gold_path.read_text())["stories"]
            if not str(story.get("story_id", "")).startswith("T")]
    axes = [(item.split("=")[0], [type(getattr(Settings(), item.split("=")[0]))(v)
                                  for v in item.split("=")[1].split(",")]) for item in grid]
    print("setting", "pair P R F1", "B3 P R F1", sep="\t")
    for values in itertools.product(*[vals for _, vals in axes]) if axes else [()]:
        chosen = {name: v for (name, _), v in zip(axes, values, strict=True)}
        settings = replace(Settings(), **chosen)
        stories = find_stories(analysis.articles, results["reuse"], results["entities"], settings)
        predicted = [{name_of[d] for d in story.doc_ids} for story in stories]
        p, r, f, bp, br, bf = scores(gold, predicted)
        print(dict(zip([n for n, _ in axes], values, strict=True)), f"{p:.3f} {r:.3f} {f:.3f}",
              f"{bp:.3f} {br:.3f} {bf:.3f}", sep="\t")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3:])
