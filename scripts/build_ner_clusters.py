"""Build khabar/extract/lexicons/ner_clusters.tsv: word classes learned from ANERcorp's words.

A name the tagger has never seen is often written in the same places as names it has seen:
after «الرئيس», before «إن», between «بين» and «و». Words that share their neighbours are
grouped here, at three granularities, and the tagger (``khabar.extract.ner``) reads a word's
groups as features, so what it learned of «شيراك» carries a little to «بوتين» when both sit
in one group.

Only the words of ANERcorp's training split are read, never its tags (the classes are
unsupervised: no label is in the table). Each word (folded, ``khabar.text.normalize``;
tokenized as the tagger tokenizes) seen ``MIN_COUNT`` times or more is described by the
words right before and after it (the ``CONTEXTS`` most frequent ones, by side), weighted by
positive pointwise mutual information, reduced to ``DIMENSIONS`` dimensions (truncated SVD)
and grouped by k-means with fixed seeds, on one thread. Deterministic: the same corpus gives
a byte-identical file.

Usage: python scripts/build_ner_clusters.py [ANERcorp_train.txt]
(default ../shared/data/ner/ANERcorp_train.txt beside the repository)
"""

from __future__ import annotations

import os

# One BLAS / OpenMP thread: the same sums in the same order, so the same file every time.
for _name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_name] = "1"

import sys  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402

from khabar.extract.ner import tokenize  # noqa: E402
from khabar.text.normalize import normalize  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ner" / "ANERcorp_train.txt"
OUT = ROOT / "src" / "khabar" / "extract" / "lexicons" / "ner_clusters.tsv"
MIN_COUNT = 2
CONTEXTS = 1500
DIMENSIONS = 100
GRANULARITIES = (32, 128, 512)

HEADER = """\
# Word classes for the named-entity tagger (khabar/extract/ner.py), learned from the words of
# ANERcorp (Benajiba et al. 2007), training split (CAMeL Lab split), CC BY-SA 4.0 per its
# public mirror; its tags are not read. Each folded word seen {min_count}+ times is grouped
# with the words that have the same neighbours (PPMI of the words before and after it, SVD,
# k-means) at {granularities} classes. Built by scripts/build_ner_clusters.py; do not edit
# by hand.
"""


def corpus_sentences(corpus: Path) -> list[list[str]]:
    """Folded tokens of each sentence, tokenized as the tagger tokenizes (tags dropped)."""
    sentences: list[list[str]] = []
    words: list[str] = []
    for line in [*corpus.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) != 2:
            if words:
                sentences.append(words)
            words = []
            continue
        token = parts[0]
        words.extend(normalize(token[start:end]) for start, end in tokenize(token))
    return sentences


def word_vectors(sentences: list[list[str]]) -> tuple[list[str], np.ndarray]:
    counts = Counter(word for words in sentences for word in words)
    vocabulary = sorted((w for w, n in counts.items() if n >= MIN_COUNT),
                        key=lambda w: (-counts[w], w))
    index = {word: i for i, word in enumerate(vocabulary)}
    contexts = sorted(counts, key=lambda w: (-counts[w], w))[:CONTEXTS]
    context_index = {word: i for i, word in enumerate(["<s>", "</s>", *contexts])}
    width = len(context_index)
    matrix = np.zeros((len(vocabulary), 2 * width))
    for words in sentences:
        padded = ["<s>", *words, "</s>"]
        for position in range(1, len(padded) - 1):
            row = index.get(padded[position])
            if row is None:
                continue
            before = context_index.get(padded[position - 1])
            after = context_index.get(padded[position + 1])
            if before is not None:
                matrix[row, before] += 1
            if after is not None:
                matrix[row, width + after] += 1
    total = matrix.sum()
    expected = matrix.sum(axis=1, keepdims=True) @ matrix.sum(axis=0, keepdims=True) / total
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.where(matrix > 0, np.log(matrix / expected), 0.0)
    ppmi = np.maximum(ppmi, 0.0)
    left, singular, _ = np.linalg.svd(ppmi, full_matrices=False)
    vectors = left[:, :DIMENSIONS] * np.sqrt(singular[:DIMENSIONS])
    # The sign of a singular vector is arbitrary: fix it so the largest entry is positive.
    signs = np.sign(vectors[np.abs(vectors).argmax(axis=0), range(vectors.shape[1])])
    vectors *= np.where(signs == 0, 1.0, signs)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vocabulary, vectors / np.where(norms == 0, 1.0, norms)


def main(corpus: Path) -> None:
    vocabulary, vectors = word_vectors(corpus_sentences(corpus))
    columns = []
    for k in GRANULARITIES:
        labels = KMeans(n_clusters=k, n_init=3, random_state=0).fit_predict(vectors)
        # Number the classes by their most frequent word, not by k-means' arbitrary order.
        first: dict[int, int] = {}
        for row, label in enumerate(labels):
            first.setdefault(int(label), row)
        order = {label: rank for rank, label in enumerate(sorted(first, key=first.get))}
        columns.append([order[int(label)] for label in labels])
    lines = [HEADER.format(min_count=MIN_COUNT,
                           granularities="/".join(map(str, GRANULARITIES))),
             "word\t" + "\t".join(f"c{k}" for k in GRANULARITIES)]
    for row, word in enumerate(vocabulary):
        if word.startswith("#"):  # a comment line to the reader (khabar.resources.load_tsv)
            continue
        lines.append(word + "\t" + "\t".join(str(column[row]) for column in columns))
    OUT.write_text(lines[0] + "\n".join(lines[1:]) + "\n", encoding="utf-8")
    print(f"{len(lines) - 2} words -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
