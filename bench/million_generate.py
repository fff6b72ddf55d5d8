"""Generate a large corpus with planted reuse, for bench/million_reuse.py.

Usage:
    python bench/million_generate.py [--articles 1000000] [--out /tmp/khabar-million]
                                     [--reuse 0.05] [--shard 10000] [--seed 1] [CORPUS]

The shared corpus (../shared, never copied into the repository) gives the vocabulary (its
50,000 commonest words, drawn by their frequency) and the shapes of reports (paragraphs
and sentence lengths of a real report, picked at random). A generated report is therefore
new text with Arabic word statistics, so two of them share no passage by chance. A share
``--reuse`` of the reports are planted copies of an earlier generated report (at most
``--window`` reports earlier, dated the same day or later), of three kinds:

- ``duplicate``: the source's text, with a line of the target's own added;
- ``partial``: half of the source's paragraphs, then paragraphs of its own;
- ``rewrite``: every source paragraph with about one word in eight replaced.

Writes ``OUT/shard-00000.jsonl.gz`` … (``--shard`` reports each; fields id, outlet, url,
date, title, text) and ``OUT/planted.jsonl`` (one ``{"source", "target", "kind"}`` per
planted pair, by url). Generated data goes under /tmp, never into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import numpy as np

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
                  / "saudinewsnet_dev.jsonl.gz")
VOCABULARY = 50_000
OUTLETS = [f"outlet-{n:03d}" for n in range(300)]
KINDS = ("duplicate", "partial", "rewrite")


def corpus_model(corpus: Path) -> tuple[np.ndarray, np.ndarray, list[list[list[int]]]]:
    """Vocabulary, its cumulative probabilities, and report shapes (per paragraph, the word
    count of each sentence) from the real corpus."""
    counts: Counter[str] = Counter()
    shapes: list[list[list[int]]] = []
    with gzip.open(corpus, "rt", encoding="utf-8") as stream:
        for line in stream:
            text = json.loads(line).get("text") or ""
            counts.update(word for word in text.split() if word.isalpha())
            shape = []
            for paragraph in text.split("\n"):
                sentences = [len(s.split()) for s in paragraph.split(".") if len(s.split()) > 2]
                if sentences:
                    shape.append(sentences)
            if shape:
                shapes.append(shape)
    words, frequencies = zip(*counts.most_common(VOCABULARY), strict=True)
    probabilities = np.array(frequencies, dtype=np.float64)
    return np.array(words, dtype=object), np.cumsum(probabilities / probabilities.sum()), shapes


class Generator:
    def __init__(self, words: np.ndarray, cumulative: np.ndarray,
                 shapes: list[list[list[int]]], seed: int) -> None:
        self.words, self.cumulative, self.shapes = words, cumulative, shapes
        self.rng = np.random.default_rng(seed)

    def sentence(self, length: int) -> str:
        picks = np.searchsorted(self.cumulative, self.rng.random(length))
        return " ".join(self.words[np.minimum(picks, len(self.words) - 1)]) + "."

    def paragraphs(self) -> list[str]:
        shape = self.shapes[self.rng.integers(len(self.shapes))]
        return [" ".join(self.sentence(min(n, 60)) for n in sentences)
                for sentences in shape[:12]]

    def rewrite(self, paragraph: str) -> str:
        words = paragraph.split(" ")
        replace = self.rng.random(len(words)) < 0.125
        for index in np.flatnonzero(replace):
            words[index] = self.sentence(1)[:-1] + ("." if words[index].endswith(".") else "")
        return " ".join(words)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--out", type=Path, default=Path("/tmp/khabar-million"))
    parser.add_argument("--reuse", type=float, default=0.05)
    parser.add_argument("--window", type=int, default=5000)
    parser.add_argument("--shard", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.perf_counter()
    words, cumulative, shapes = corpus_model(args.corpus)
    print(f"model: {len(words)} words, {len(shapes)} shapes "
          f"({time.perf_counter() - started:.0f} s)", flush=True)
    generator = Generator(words, cumulative, shapes, args.seed)
    rng = generator.rng
    args.out.mkdir(parents=True, exist_ok=True)
    recent: dict[int, tuple[list[str], date]] = {}  # the last --window reports' paragraphs
    first_day = date(2015, 1, 1)
    planted = 0
    with (args.out / "planted.jsonl").open("w", encoding="utf-8") as planted_file:
        for shard_start in range(0, args.articles, args.shard):
            path = args.out / f"shard-{shard_start // args.shard:05d}.jsonl.gz"
            with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as stream:
                for number in range(shard_start, min(shard_start + args.shard, args.articles)):
                    day = first_day + timedelta(days=int(number * 365 / args.articles))
                    paragraphs = generator.paragraphs()
                    if recent and rng.random() < args.reuse:
                        source = int(rng.choice(list(recent)))
                        source_paragraphs, source_day = recent[source]
                        kind = KINDS[rng.integers(len(KINDS))]
                        if kind == "duplicate":
                            paragraphs = [*source_paragraphs, generator.sentence(12)]
                        elif kind == "partial":
                            half = source_paragraphs[: max(1, len(source_paragraphs) // 2)]
                            paragraphs = half + paragraphs[: max(1, len(paragraphs) // 2)]
                        else:
                            paragraphs = [generator.rewrite(p) for p in source_paragraphs]
                        day = max(day, source_day)
                        planted_file.write(json.dumps({"source": f"gen://{source}",
                                                       "target": f"gen://{number}",
                                                       "kind": kind}) + "\n")
                        planted += 1
                    recent[number] = (paragraphs, day)
                    if len(recent) > args.window:
                        recent.pop(number - args.window, None)
                    stream.write(json.dumps({
                        "id": str(number), "outlet": OUTLETS[number % len(OUTLETS)],
                        "url": f"gen://{number}", "date": day.isoformat(),
                        "title": generator.sentence(8)[:-1], "text": "\n".join(paragraphs),
                    }, ensure_ascii=False) + "\n")
            print(f"{path.name}: {min(shard_start + args.shard, args.articles)} reports, "
                  f"{planted} planted pairs ({time.perf_counter() - started:.0f} s)",
                  flush=True)


if __name__ == "__main__":
    main()
