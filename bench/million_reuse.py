"""Reuse through Dask on the generated corpus: time, memory, recall of the planted pairs.

Usage:
    python bench/million_generate.py --articles 1000000        # once: /tmp/khabar-million
    python bench/million_reuse.py [FOLDER] [--workers 2] [--shards K] [--profile]

Runs ``dask_engine.find_reuse_dask`` (statements off: reuse alone) over the first K shards
(all by default) on a LocalCluster of single-threaded worker processes: ingest, cleaning,
passages, MinHash and LSH band keys per partition on the workers; band keys shuffled by key;
candidate pairs aligned in chunks on the workers. Prints seconds per step, end-to-end time,
peak memory of the driver and of each worker, the size of the LSH index (the band keys and
their article numbers, as held in memory and as the store's ``lsh_keys`` table holds them),
and recall of the planted pairs: as candidates, and as reuse records.

``--profile`` instead runs one shard's worker functions in this process under pyinstrument
(``pip install pyinstrument``) and prints where the time goes.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from itertools import pairwise
from pathlib import Path

import numpy as np

from khabar.dask_engine import (
    DaskRun,
    PartResult,
    dask_client,
    find_reuse_dask,
    plan_parts,
    read_part,
    verify_chunk,
)
from khabar.ingest import IngestOptions
from khabar.reuse.candidates import pairs_from_keys
from khabar.settings import Settings


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def index_bytes(result: PartResult) -> int:
    return int(result.keys.nbytes + result.docs.nbytes)


def planted_pairs(folder: Path, urls: set[str]) -> list[tuple[str, str, str]]:
    with (folder / "planted.jsonl").open(encoding="utf-8") as stream:
        pairs = [json.loads(line) for line in stream]
    return [(p["source"], p["target"], p["kind"]) for p in pairs
            if p["source"] in urls and p["target"] in urls]


def profile(shards: list[Path], settings: Settings) -> None:
    from pyinstrument import Profiler

    part = plan_parts([shards[0]], part_articles=10**9, jsonl_ranges=1)[0]
    profiler = Profiler()
    profiler.start()
    result = read_part(part, IngestOptions(), settings, statements=False)
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))
    articles = [item for item in result.items if hasattr(item, "text")]

    pairs = sorted(pairs_from_keys(result.keys.ravel(),
                                   np.repeat(result.docs, settings.lsh_bands),
                                   settings.max_bucket_reports))
    profiler = Profiler()
    profiler.start()
    verify_chunk(articles, pairs, settings)
    profiler.stop()
    print(f"alignment of {len(pairs)} candidate pairs of one shard:")
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("/tmp/khabar-million"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shards", type=int, default=None)
    parser.add_argument("--part-articles", type=int, default=10_000,
                        help="articles per partition (a shard of 10,000 is one partition)")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    shards = sorted(args.folder.glob("shard-*.jsonl.gz"))[: args.shards]
    if not shards:
        raise SystemExit(f"no shards in {args.folder}: run bench/million_generate.py first")
    settings = Settings()
    if args.profile:
        profile(shards, settings)
        return
    steps: list[tuple[str, float]] = []
    info = DaskRun()
    with dask_client(workers=args.workers) as client:
        started = time.perf_counter()
        found = find_reuse_dask(client, [str(path) for path in shards], IngestOptions(),
                                settings, statements=False, run_info=info,
                                part_articles=args.part_articles,
                                on_stage=lambda name: steps.append((name, time.perf_counter())))
        ended = time.perf_counter()
        sizes = client.gather(client.map(index_bytes, found.results))
        worker_peaks = sorted(round(mb) for mb in client.run(peak_mb).values())
    steps.append(("end", ended))
    articles = found.analysis.articles
    url_of = {article.id: article.source for article in articles}
    index_of = {article.source: n for n, article in enumerate(articles)}
    planted = planted_pairs(args.folder, set(index_of))
    candidates = set(found.pairs)
    records = {frozenset((url_of[r.source_id], url_of[r.target_id])) for r in found.reuse}
    as_candidates = sum(tuple(sorted((index_of[s], index_of[t]))) in candidates
                        for s, t, _ in planted)
    as_reuse = {kind: [0, 0] for kind in ("duplicate", "partial", "rewrite")}
    for source, target, kind in planted:
        as_reuse[kind][1] += 1
        as_reuse[kind][0] += frozenset((source, target)) in records
    passages = sum(size for size in sizes) // (8 * (settings.lsh_bands + 1))
    print(json.dumps({
        "articles": len(articles), "shards": len(shards), "workers": args.workers,
        "partitions": info.partitions,
        "seconds": round(ended - started, 1),
        "articles_per_s": round(len(articles) / (ended - started), 1),
        "steps_s": {name: round(until - at, 1)
                    for (name, at), (_, until) in pairwise(steps)},
        "driver_peak_mb": round(peak_mb()), "worker_peak_mb": worker_peaks,
        "passages": passages,
        "index_mb": round(sum(sizes) / 1e6, 1),
        "candidate_pairs": len(candidates), "reuse_records": len(found.reuse),
        "planted": len(planted),
        "candidate_recall": round(as_candidates / max(len(planted), 1), 4),
        "reuse_recall": round(sum(v[0] for v in as_reuse.values()) / max(len(planted), 1), 4),
        "reuse_recall_by_kind": {kind: f"{found_}/{total}"
                                 for kind, (found_, total) in as_reuse.items()},
    }, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
