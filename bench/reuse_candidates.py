"""Reuse on the shared corpus: candidates (khabar vs datasketch) and alignment throughput.

Usage:
    python bench/reuse_candidates.py [CORPUS] [--limit N] [--skip-datasketch] [--skip-align]

1. Reads the corpus (ingest + clean, not timed here: see bench/ingest_throughput.py).
2. khabar candidates: passages → shingles → vectorized MinHash → LSH bands → report pairs.
3. datasketch reference on the SAME passages, shingles, permutation count and bands x rows:
   MinHash.update_batch per passage, MinHashLSH insert + query → report pairs.
4. Recall of each candidate set against the other.
5. Alignment + direction (find_reuse's verification step) over khabar's candidate pairs.
Prints articles/s (one process, one core), pairs, and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import time
from collections import defaultdict
from itertools import combinations
from pathlib import Path

from khabar.ingest import IngestOptions
from khabar.pipeline import read_articles
from khabar.reuse import candidates as khabar_candidates
from khabar.reuse.detect import verify_pairs
from khabar.reuse.shingles import shingle_hashes
from khabar.settings import Settings

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
                  / "saudinewsnet_dev.jsonl.gz")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def datasketch_pairs(passages, settings: Settings) -> set[tuple[int, int]]:
    """The same candidate rule with datasketch: MinHash per passage, MinHashLSH buckets,
    buckets spanning more than ``max_bucket_reports`` reports skipped (as khabar does)."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=settings.minhash_permutations,
                     params=(settings.lsh_bands, settings.lsh_rows))
    with lsh.insertion_session() as session:
        for index, passage in enumerate(passages):
            shingles = shingle_hashes(passage.words, settings.shingle_words)
            minhash = MinHash(num_perm=settings.minhash_permutations, seed=settings.minhash_seed,
                              hashfunc=lambda value: int(value) & 0xFFFFFFFF)
            minhash.update_batch(shingles.tolist())
            session.insert(index, minhash)
    pairs: set[tuple[int, int]] = set()
    for table in lsh.hashtables:
        for key in table.keys():  # noqa: SIM118 - datasketch storage is not iterable
            docs = sorted({passages[index].doc_index for index in table.get(key)})
            if 2 <= len(docs) <= settings.max_bucket_reports:
                pairs.update(combinations(docs, 2))
    return pairs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=0, help="use the first N articles")
    parser.add_argument("--skip-datasketch", action="store_true")
    parser.add_argument("--skip-align", action="store_true")
    args = parser.parse_args()
    settings = Settings()
    articles = read_articles([args.corpus],
                             IngestOptions(field_map={"published": "date_extracted"})).articles
    if args.limit:
        articles = articles[: args.limit]
    n = len(articles)
    print(f"{n} articles; settings: {settings.shingle_words}-word shingles, "
          f"{settings.minhash_permutations} permutations, {settings.lsh_bands} bands x "
          f"{settings.lsh_rows} rows, passages >= {settings.passage_min_words} words")

    started = time.perf_counter()
    passages = khabar_candidates.passages_of(articles, settings)
    passage_time = time.perf_counter() - started
    started = time.perf_counter()
    signatures = khabar_candidates.minhash_signatures(passages, settings)
    ours = set(khabar_candidates.pairs_from_signatures(signatures, settings))
    ours_time = time.perf_counter() - started
    print(f"passages: {len(passages)} in {passage_time:.1f} s ({n / passage_time:,.0f} "
          "articles/s; shared by both implementations)")
    print(f"khabar MinHash+LSH: {len(ours)} candidate pairs in {ours_time:.1f} s = "
          f"{n / ours_time:,.0f} articles/s; peak RSS {peak_mb():,.0f} MB")

    reference: set[tuple[int, int]] = set()
    if not args.skip_datasketch:
        started = time.perf_counter()
        reference = datasketch_pairs(signatures.passages, settings)
        reference_time = time.perf_counter() - started
        print(f"datasketch MinHash+LSH: {len(reference)} candidate pairs in "
              f"{reference_time:.1f} s = {n / reference_time:,.0f} articles/s "
              f"({reference_time / ours_time:.1f}x khabar's time)")

    if not args.skip_align:
        started = time.perf_counter()
        verified = verify_pairs(articles, ours, settings)
        align_time = time.perf_counter() - started
        kinds = defaultdict(int)
        for pair in verified:
            kinds[pair.kind] += 1
        print(f"alignment + direction of khabar's {len(ours)} candidates: {len(verified)} "
              f"reuse pairs {dict(kinds)} in {align_time:.1f} s = "
              f"{len(ours) / align_time:,.0f} pairs/s, {n / align_time:,.0f} articles/s")
        if reference:
            index = {article.id: i for i, article in enumerate(articles)}
            extra = verify_pairs(articles, reference - ours, settings)
            true_pairs = {tuple(sorted((index[p.source_id], index[p.target_id])))
                          for p in verified + extra}
            for name, found in (("khabar", ours), ("datasketch", reference)):
                print(f"recall of {name}'s candidates against the {len(true_pairs)} verified "
                      f"reuse pairs of both: {len(true_pairs & found) / len(true_pairs):.3f}")
    print(f"peak RSS {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
