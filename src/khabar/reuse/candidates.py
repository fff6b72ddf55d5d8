"""Which pairs of reports to compare: MinHash signatures of passages, LSH banding.

LSH only proposes pairs; alignment (``reuse/align.py``) verifies them. The MinHash here is
vectorized with numpy over all passages at once: per permutation ``h(x) = (a·x + b) >> 32``
on 64-bit shingle hashes (multiply-shift hashing), the minimum taken per passage with
``np.minimum.reduceat``. ``bench/reuse_candidates.py`` runs datasketch's MinHashLSH on the
same shingles and threshold as the reference for speed and recall.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from khabar.model import Article
from khabar.reuse.shingles import Passage, article_passages, ngram_hashes, word_hashes
from khabar.settings import Settings

# Shingles hashed per block: bounds memory at permutations x block x 8 bytes.
BLOCK_SHINGLES = 250_000


@dataclass(frozen=True)
class Signatures:
    """MinHash signatures of passages: row ``i`` belongs to ``passages[i]``."""

    passages: list[Passage]
    values: np.ndarray  # (passages, permutations) uint32


def permutations(settings: Settings) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(settings.minhash_seed)
    high = np.iinfo(np.uint64).max
    a = rng.integers(1, high, size=settings.minhash_permutations, dtype=np.uint64) | np.uint64(1)
    b = rng.integers(0, high, size=settings.minhash_permutations, dtype=np.uint64)
    return a, b


def passages_of(articles: Sequence[Article], settings: Settings) -> list[Passage]:
    return [passage for index, article in enumerate(articles)
            for passage in article_passages(article, index, settings.passage_min_words)]


def minhash_signatures(passages: list[Passage], settings: Settings) -> Signatures:
    """MinHash every passage's shingles, all passages at once in vectorized blocks.

    Shingles are computed over one flat array of word hashes (n-grams that would cross a
    passage boundary are left out), so the cost is a few numpy passes, not a Python loop per
    passage. Duplicate shingles need no removal: they do not change a minimum. Passages with
    fewer words than a shingle are left out.
    """
    n = settings.shingle_words
    passages = [passage for passage in passages if len(passage.words) >= n]
    if not passages:
        return Signatures([], np.empty((0, settings.minhash_permutations), dtype=np.uint32))
    lengths = np.fromiter((len(p.words) for p in passages), dtype=np.int64, count=len(passages))
    hashes = word_hashes(tuple(word for passage in passages for word in passage.words))
    shingles = ngram_hashes(hashes, n)
    ends = np.cumsum(lengths)
    starts = ends - lengths
    counts = lengths - n + 1
    # Valid n-gram start positions: inside each passage, at least n words before its end.
    valid = np.concatenate([np.arange(start, start + count)
                            for start, count in zip(starts, counts, strict=True)])
    shingles = shingles[valid]
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1]))
    a, b = permutations(settings)
    values = np.empty((len(passages), len(a)), dtype=np.uint32)
    first = 0
    while first < len(passages):
        last = int(np.searchsorted(offsets, offsets[first] + BLOCK_SHINGLES, side="right"))
        last = max(last, first + 1)
        low = offsets[first]
        high = offsets[last] if last < len(passages) else len(shingles)
        block = shingles[low:high]
        with np.errstate(over="ignore"):
            hashed = (a[:, None] * block[None, :] + b[:, None]) >> np.uint64(32)
        values[first:last] = np.minimum.reduceat(hashed, offsets[first:last] - low, axis=1).T
        first = last
    return Signatures(passages, values)


def band_keys(values: np.ndarray, bands: int, rows: int) -> np.ndarray:
    """(passages, bands) uint64 keys: the rows of each band hashed together."""
    if bands * rows != values.shape[1]:
        raise ValueError(f"lsh_bands x lsh_rows = {bands * rows}, but signatures have "
                         f"{values.shape[1]} permutations")
    shaped = values.reshape(len(values), bands, rows).astype(np.uint64)
    keys = np.zeros((len(values), bands), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for row in range(rows):
            keys = keys * np.uint64(0x100000001B3) + shaped[:, :, row]
        keys = keys + np.arange(bands, dtype=np.uint64)[None, :] * np.uint64(0x9E3779B97F4A7C15)
    return keys


def candidate_pairs(articles: Sequence[Article], settings: Settings
                    ) -> dict[tuple[int, int], int]:
    """Pairs of article indexes (i < j) whose passages share an LSH bucket, with the number
    of colliding passage pairs. Buckets spanning more than ``max_bucket_reports`` reports are
    skipped as boilerplate."""
    signatures = minhash_signatures(passages_of(articles, settings), settings)
    return pairs_from_signatures(signatures, settings)


def pairs_from_signatures(signatures: Signatures, settings: Settings
                          ) -> dict[tuple[int, int], int]:
    if not signatures.passages:
        return {}
    keys = band_keys(signatures.values, settings.lsh_bands, settings.lsh_rows).ravel()
    docs = np.repeat([p.doc_index for p in signatures.passages], settings.lsh_bands)
    return pairs_from_keys(keys, docs, settings.max_bucket_reports)


def pairs_from_keys(keys: np.ndarray, docs: np.ndarray, max_bucket_reports: int
                    ) -> dict[tuple[int, int], int]:
    """The bucket rule over flat (band key, article index) rows: every two articles sharing a
    key are a candidate, unless the key's bucket spans more than ``max_bucket_reports``.

    Separate from :func:`pairs_from_signatures` so that the Dask engine applies the same rule
    to each shard of its key shuffle (a shard holds every row of the keys it holds).
    """
    if not len(keys):
        return {}
    order = np.argsort(keys, kind="stable")
    keys, docs = keys[order], docs[order]
    boundaries = np.flatnonzero(np.diff(keys)) + 1
    starts = np.concatenate(([0], boundaries))
    ends = np.concatenate((boundaries, [len(keys)]))
    collisions: dict[tuple[int, int], int] = defaultdict(int)
    for start, end in zip(starts[ends - starts > 1], ends[ends - starts > 1], strict=True):
        members = np.unique(docs[start:end])
        if len(members) < 2 or len(members) > max_bucket_reports:
            continue
        for i, first in enumerate(members):
            for second in members[i + 1:]:
                collisions[(int(first), int(second))] += 1
    return dict(collisions)
