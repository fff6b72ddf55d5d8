"""Passages of a report as hashed word n-gram shingles, ready for MinHash.

Reuse in Arabic news is mostly partial: an outlet rewrites five of an interview's twenty
sentences, or reprints a wire item and adds background. Over whole reports such a pair has a
Jaccard similarity near 0.1 (the seeds' 000 → 001 rewrite: 0.10 on word 5-grams), too low
for MinHash LSH to find without drowning in noise. Over *passages* (a sentence, short ones
merged with the next) a copied sentence keeps a high similarity, so khabar hashes passages,
and a pair of reports becomes a candidate when any of their passages collide.

Words are compared in the normalized view (الليبى = الليبي), with every digit read as 0:
a copy that changes a figure is still a copy, and page templates that differ only in their
numbers («ارتفاع أسهم 94 شركة» / «81 شركة», a columnist's SMS code) then share one LSH
bucket, which the bucket-size limit recognizes as boilerplate. Words are hashed with crc32,
which is stable across processes and machines (Python's ``hash`` is salted per process).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np

from khabar.model import Article, Span
from khabar.text.normalize import normalize_with_offsets
from khabar.text.sentences import sentence_spans
from khabar.text.tokens import token_spans

DIGITS_AS_ZERO = str.maketrans("123456789", "000000000")
# Odd 64-bit constants for combining word hashes into an n-gram hash (from splitmix64).
NGRAM_MULTIPLIERS = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB,
                     0xD6E8FEB86659FD93, 0xA0761D6478BD642F, 0xE7037ED1A0B428DB)


@dataclass(frozen=True)
class Passage:
    """A passage of one article: its span in ``Article.text`` and its folded words."""

    doc_index: int
    span: Span
    words: tuple[str, ...]


def article_passages(article: Article, doc_index: int, min_words: int) -> list[Passage]:
    """Sentences of an article as passages; a sentence shorter than ``min_words`` is joined
    to the next one, so that short formulae («وأضاف أن الوضع مستقر») do not stand alone."""
    view = normalize_with_offsets(article.text)
    passages: list[Passage] = []
    pending_start: int | None = None
    pending_words: list[str] = []
    for start, end in sentence_spans(article.text):
        folded = view.text[view.to_normalized(start):view.to_normalized(end)]
        words = [folded[s:e].translate(DIGITS_AS_ZERO) for s, e in token_spans(folded)]
        if pending_start is None:
            pending_start = start
        pending_words += words
        if len(pending_words) >= min_words:
            passages.append(Passage(doc_index, (pending_start, end), tuple(pending_words)))
            pending_start, pending_words = None, []
    if pending_words and passages:
        last = passages[-1]
        passages[-1] = Passage(doc_index, (last.span[0], len(article.text.rstrip())),
                               last.words + tuple(pending_words))
    elif pending_words and len(pending_words) >= max(3, min_words // 2):
        passages.append(Passage(doc_index, (pending_start or 0, len(article.text.rstrip())),
                                tuple(pending_words)))
    return passages


def word_hashes(words: tuple[str, ...]) -> np.ndarray:
    """crc32 of each word; each distinct word is hashed once (news vocabularies repeat)."""
    table = {word: zlib.crc32(word.encode("utf-8")) for word in set(words)}
    return np.fromiter(map(table.__getitem__, words), dtype=np.uint64, count=len(words))


def ngram_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """64-bit hashes of every run of ``n`` consecutive word hashes (len - n + 1 of them)."""
    count = len(hashes) - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    combined = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for offset in range(n):
            multiplier = np.uint64(NGRAM_MULTIPLIERS[offset % len(NGRAM_MULTIPLIERS)])
            combined = combined + hashes[offset: offset + count] * multiplier
    return combined


def shingle_hashes(words: tuple[str, ...], n: int) -> np.ndarray:
    """The distinct shingle hashes of one passage (empty when it has fewer than n words)."""
    return np.unique(ngram_hashes(word_hashes(words), n))
