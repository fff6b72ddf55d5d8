"""Train khabar's named-entity recognizer (a CRF) on ANERcorp's training split.

ANERcorp (Benajiba et al. 2007; CAMeL Lab train split; CC BY-SA 4.0 per its public mirror)
has one ``token TAG`` per line, BIO tags over PERS/LOC/ORG/MISC, a blank line between
sentences. Each corpus token is re-split with the tagger's own tokenizer
(``khabar.extract.ner.tokenize``: «و6» → «و» «6», «ق.م.» → «ق» «.» «م» «.») so the model is
trained on the tokens it will see in news text; the pieces of an entity token stay inside
the entity, marks before or after it are O. Features come from
``khabar.extract.ner`` (``sentence_features``, ``add_document_features``), the functions
the tagger uses.

No label leaks into a score. The person-share feature, which the tagger reads from
``lexicons/anercorp_words.tsv`` (built from this very file), and the entity-phrase feature
(``lexicons/anercorp_entities.tsv``, written here with the model) are recounted from the
training part of each fold only, and for a training sentence from the other parts of it
(``build_features``); neither tsv is ever read here. Non-local features look only at the
sentences of a sentence's own fold. The word classes (``lexicons/ner_clusters.tsv``,
``scripts/build_ner_clusters.py``) are learned from all of this file's words, no tag read.

    python scripts/train_ner.py            # train on all of it, write the model and
                                           # lexicons/anercorp_entities.tsv
    python scripts/train_ner.py --cv 5     # 5-fold cross-validation, entity-level P/R/F1

Folds are contiguous blocks of sentences (``--split block``): ANERcorp is a sequence of
articles, and a block keeps most of an article's sentences, and its repeated names, on one
side. ``--split interleaved`` (sentence i in fold i mod k) lets an article's names appear on
both sides and scores higher; it is there for comparison. Training is deterministic (L-BFGS
from zero weights, fixed c1/c2 and iterations).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path

import pycrfsuite

from khabar.extract.ner import (
    PhraseTable,
    add_document_features,
    entity_counts,
    entity_table,
    person_counts,
    sentence_features,
    spans_of_tags,
    tokenize,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ner" / "ANERcorp_train.txt"
DEFAULT_OUT = ROOT / "src" / "khabar" / "extract" / "models" / "ner.crfsuite"
ENTITIES_OUT = ROOT / "src" / "khabar" / "extract" / "lexicons" / "anercorp_entities.tsv"
ENTITIES_HEADER = """\
# Entity phrases of ANERcorp (Benajiba et al. 2007), training split (CAMeL Lab split),
# CC BY-SA 4.0 per its public mirror: each phrase (folded words, as the tagger tokenizes)
# tagged as a named entity, its type, and how often it is tagged so (`count`); the row of
# type `-` is how often the phrase occurs other than inside a longer entity, tagged or not.
# Built by scripts/train_ner.py with the model; do not edit by hand. The tagger
# (khabar/extract/ner.py) marks these phrases in a sentence as a feature.
"""
TYPES = ("PERS", "LOC", "ORG", "MISC")

C1 = 0.05
C2 = 0.01
MAX_ITERATIONS = 100
MIN_FREQ = 1
# The person-share feature of a training sentence is counted on the other parts only.
SHARE_PARTS = 5


@dataclass(frozen=True)
class Sentence:
    words: list[str]
    tags: list[str]


def read_corpus(path: Path) -> list[Sentence]:
    """Sentences of an ANERcorp file, re-tokenized as the tagger tokenizes."""
    result: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if len(parts) != 2:
            if words:
                result.append(Sentence(words, tags))
            words, tags = [], []
            continue
        token, tag = parts
        pieces = [token[start:end] for start, end in tokenize(token)]
        words.extend(pieces)
        tags.extend(_piece_tags(pieces, tag))
    return result


def _piece_tags(pieces: list[str], tag: str) -> list[str]:
    """Tags for the pieces of one corpus token: marks outside its first and last word are O,
    everything between is the entity (B on its first piece)."""
    if tag == "O" or not pieces:  # a lone tatweel has no piece
        return ["O"] * len(pieces)
    label = tag[2:]
    is_word = [piece[0].isalnum() for piece in pieces]
    if not any(is_word):
        return [tag] + [f"I-{label}"] * (len(pieces) - 1)
    first = is_word.index(True)
    last = len(pieces) - 1 - is_word[::-1].index(True)
    tags = ["O"] * len(pieces)
    tags[first] = tag
    for i in range(first + 1, last + 1):
        tags[i] = f"I-{label}"
    return tags


def build_features(sentences: list[Sentence], train_part: list[int],
                   groups: list[int] | None = None) -> list[list[list[str]]]:
    """Features of every sentence when ``train_part`` (indices) is what the model learns from.

    The person-share table (``anercorp_words.tsv`` at tagging time) and the entity-phrase
    table (``anercorp_entities.tsv``) are counted from labels, so a sentence must never see
    its own: a training sentence gets the table of the other
    ``SHARE_PARTS - 1`` parts of the training data, any other sentence the table of all of
    it. The CRF thus learns how far the tables hold for words it has not counted."""
    words = [s.words for s in sentences]
    held_out = set(range(len(sentences))) - set(train_part)
    rows: list[list[list[str]]] = [[] for _ in sentences]
    part_of = {index: rank * SHARE_PARTS // len(train_part)
               for rank, index in enumerate(train_part)}
    for part in range(SHARE_PARTS):
        others = [i for i in train_part if part_of[i] != part]
        shares = _counts(sentences, others)
        entities = _entities(sentences, others)
        for i in train_part:
            if part_of[i] == part:
                rows[i] = sentence_features(words[i], shares, entities)
    shares = _counts(sentences, train_part)
    entities = _entities(sentences, train_part)
    for i in held_out:
        rows[i] = sentence_features(words[i], shares, entities)
    add_document_features(words, rows, groups)
    return rows


def _counts(sentences: list[Sentence], indices: list[int]) -> dict[str, tuple[int, int]]:
    return person_counts((w for i in indices for w in sentences[i].words),
                         (t for i in indices for t in sentences[i].tags))


def _entities(sentences: list[Sentence], indices: list[int]) -> PhraseTable:
    return entity_table(entity_counts([sentences[i].words for i in indices],
                                      [sentences[i].tags for i in indices]))


@dataclass(frozen=True)
class Settings:
    c1: float = C1
    c2: float = C2
    max_iterations: int = MAX_ITERATIONS
    min_freq: float = MIN_FREQ


def train(features: list[list[list[str]]], tags: list[list[str]], settings: Settings,
          out: Path) -> None:
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for xseq, yseq in zip(features, tags, strict=True):
        trainer.append(xseq, yseq)
    trainer.set_params({
        "c1": settings.c1,
        "c2": settings.c2,
        "max_iterations": settings.max_iterations,
        "feature.minfreq": settings.min_freq,
        # Transitions between every pair of labels, so I-X after O is learned as unlikely.
        "feature.possible_transitions": True,
    })
    trainer.train(str(out))


# Shared with the fold workers through fork; set by cross_validate.
_DATA: tuple[list[Sentence], list[int], Settings] | None = None


def _run_fold(fold: int) -> Counter[tuple[str, str]]:
    """Train on every fold but one, tag that one; counts of (type, tp/fp/fn)."""
    assert _DATA is not None
    sentences, assignment, settings = _DATA
    train_part = [i for i, f in enumerate(assignment) if f != fold]
    # Non-local features look only within a sentence's own fold: the held-out fold is
    # tagged as unseen reports are, from its own words.
    features = build_features(sentences, train_part, groups=assignment)
    tags = [s.tags for s in sentences]
    train_x = [x for x, f in zip(features, assignment, strict=True) if f != fold]
    train_y = [y for y, f in zip(tags, assignment, strict=True) if f != fold]
    counts: Counter[tuple[str, str]] = Counter()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fold.crfsuite"
        train(train_x, train_y, settings, path)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        for xseq, yseq, f in zip(features, tags, assignment, strict=True):
            if f != fold:
                continue
            gold = set(spans_of_tags(yseq))
            guess = set(spans_of_tags(tagger.tag(xseq)))
            for _, _, kind in gold & guess:
                counts[kind, "tp"] += 1
            for _, _, kind in guess - gold:
                counts[kind, "fp"] += 1
            for _, _, kind in gold - guess:
                counts[kind, "fn"] += 1
        tagger.close()
    return counts


def write_entities(sentences: list[Sentence], out: Path) -> None:
    """The packaged phrase table the tagger reads (``entity_phrases``), from all the data."""
    counts = entity_counts([s.words for s in sentences], [s.tags for s in sentences])
    lines = ["phrase\ttype\tcount"]
    for phrase in sorted(counts):
        for kind, count in sorted(counts[phrase].items()):
            lines.append(f"{' '.join(phrase)}\t{kind or '-'}\t{count}")
    out.write_text(ENTITIES_HEADER + "\n".join(lines) + "\n", encoding="utf-8")


def fold_assignment(count: int, folds: int, split: str) -> list[int]:
    """Fold of each sentence: contiguous blocks, or sentence i in fold i mod k."""
    if split == "interleaved":
        return [i % folds for i in range(count)]
    return [i * folds // count for i in range(count)]


def cross_validate(sentences: list[Sentence], folds: int, split: str,
                   settings: Settings) -> Counter[tuple[str, str]]:
    global _DATA
    _DATA = (sentences, fold_assignment(len(sentences), folds, split), settings)
    with Pool(min(folds, os.cpu_count() or 1)) as pool:
        results = pool.map(_run_fold, range(folds))
    return sum(results, Counter())


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def print_scores(counts: Counter[tuple[str, str]]) -> None:
    print(f"{'type':<6} {'gold':>6} {'P':>7} {'R':>7} {'F1':>7}")
    for kind in (*TYPES, "micro"):
        kinds = TYPES if kind == "micro" else (kind,)
        tp, fp, fn = (sum(counts[k, what] for k in kinds) for what in ("tp", "fp", "fn"))
        precision, recall, f1 = prf(tp, fp, fn)
        print(f"{kind:<6} {tp + fn:>6} {precision:>7.4f} {recall:>7.4f} {f1:>7.4f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cv", type=int, default=0, metavar="K",
                        help="K-fold cross-validation instead of training the model file")
    parser.add_argument("--split", choices=("block", "interleaved"), default="block")
    parser.add_argument("--c1", type=float, default=C1)
    parser.add_argument("--c2", type=float, default=C2)
    parser.add_argument("--max-iterations", type=int, default=MAX_ITERATIONS)
    parser.add_argument("--min-freq", type=float, default=MIN_FREQ)
    args = parser.parse_args(argv)
    if not args.corpus.is_file():
        sys.exit(f"corpus not found: {args.corpus}")
    settings = Settings(args.c1, args.c2, args.max_iterations, args.min_freq)
    sentences = read_corpus(args.corpus)
    tokens = sum(len(s.words) for s in sentences)
    print(f"{len(sentences)} sentences, {tokens} tokens; {settings}")
    began = time.perf_counter()
    if args.cv:
        counts = cross_validate(sentences, args.cv, args.split, settings)
        print(f"{args.cv}-fold cross-validation ({args.split} split), entity level:")
        print_scores(counts)
    else:
        write_entities(sentences, ENTITIES_OUT)
        args.out.parent.mkdir(parents=True, exist_ok=True)
        features = build_features(sentences, list(range(len(sentences))))
        train(features, [s.tags for s in sentences], settings, args.out)
        print(f"model -> {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    print(f"{time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
