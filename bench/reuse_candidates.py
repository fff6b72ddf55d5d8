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
from pathlib import Path

from khabar.ingest import IngestOptions
from khabar.pipeline import read_articles
from khabar.reuse import candidates as khabar_candidates
from khabar.reuse.detect import find_reuse
from khabar.reuse.shingles import shingle_hashes
from khabar.settings import Settings

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
                  / "saudinewsnet_dev.jsonl.gz")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def datasketch_pairs(passages, settings: Settings) -> set[tuple[int, int]]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(num_perm=settings.minhash_permutations,
                     params=(settings.lsh_bands, settings.lsh_rows))
    minhashes = []
    with lsh.insertion_session() as session:
        for index, passage in enumerate(passages):
            shingles = shingle_hashes(passage.words, settings.shingle_words)
            if not len(shingles):
                minhashes.append(None)
                continue
            minhash = MinHash(num_perm=settings.minhash_permutations, seed=settings.minhash_seed,
                              hashfunc=lambda value: int(value) & 0xFFFFFFFF)
            minhash.update_batch(shingles.tolist())
            minhashes.append(minhash)
            session.insert(index, minhash)
    buckets: dict[tuple[int, int], int] = defaultdict(int)
    for index, minhash in enumerate(minhashes):
        if minhash is None:
            continue
        docs = {passages[other].doc_index for other in lsh.query(minhash)}
        if len(docs) > settings.max_bucket_reports:
            continue
        for doc in docs:
            first, second = sorted((passages[index].doc_index, doc))
            if first != second:
                buckets[(first, second)] += 1
    return set(buckets)


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

    if not args.skip_datasketch:
        started = time.perf_counter()
        reference = datasketch_pairs(signatures.passages, settings)
        reference_time = time.perf_counter() - started
        print(f"datasketch MinHash+LSH: {len(reference)} candidate pairs in "
              f"{reference_time:.1f} s = {n / reference_time:,.0f} articles/s "
              f"({reference_time / ours_time:.1f}x khabar's time)")
        common = len(ours & reference)
        print(f"recall of khabar against datasketch: {common / max(len(reference), 1):.3f}; "
              f"of datasketch against khabar: {common / max(len(ours), 1):.3f}")

    if not args.skip_align:
        started = time.perf_counter()
        found = find_reuse(articles, settings)
        align_time = time.perf_counter() - started - ours_time
        kinds = defaultdict(int)
        for pair in found:
            kinds[pair.kind] += 1
        print(f"find_reuse (candidates again + alignment + direction): {len(found)} reuse pairs "
              f"{dict(kinds)}; alignment of {len(ours)} candidates took about "
              f"{align_time:.1f} s = {len(ours) / max(align_time, 1e-9):,.0f} pairs/s, "
              f"{n / max(align_time, 1e-9):,.0f} articles/s")
    print(f"peak RSS {peak_mb():,.0f} MB")


if __name__ == "__main__":
    main()
