"""The whole pipeline on the shared corpus: one process against Dask with 1 and 2 workers.

Usage:
    python bench/dask_throughput.py [CORPUS] [--limit N] [--workers 1,2] [--skip-single]

Each configuration runs in a fresh Python process, so that its memory figures are its own:
- ``single``: ``pipeline.analyze`` (no store), peak RSS of the process;
- ``dask N``: ``dask_engine.analyze_dask`` (no store) on a LocalCluster of N single-threaded
  worker processes; peak RSS of each worker (``ru_maxrss`` read inside it) and of the driver.
For each it prints wall time, articles/s, articles/s per core (single: 1 core; Dask: the N
workers; the driver, which runs the corpus-wide stages while the workers wait, is not
counted), seconds per step, and a digest of each kind's contract records: equal digests
mean the engines wrote the same records (every process runs with PYTHONHASHSEED=6640, the
seed Dask's nanny gives workers: the single engine's stories and alignment tie-breaks
depend on set order). ``--limit N`` takes the corpus's
first N lines (written to /tmp). Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import resource
import subprocess
import sys
import time
from itertools import pairwise
from pathlib import Path

DEFAULT_CORPUS = (Path(__file__).resolve().parents[1].parent / "shared" / "data" / "corpus"
                  / "saudinewsnet_dev.jsonl.gz")
FIELDS = {"published": "date_extracted"}


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def digest(records: object) -> str:
    text = json.dumps(records, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def run_one(corpus: str, engine: str, workers: int) -> dict:
    """One configuration, in this process; returns its figures."""
    from khabar.ingest import IngestOptions
    from khabar.pipeline import analyze

    options = IngestOptions(field_map=FIELDS)
    steps: list[tuple[str, float]] = []

    def on_stage(name: str) -> None:
        steps.append((name, time.perf_counter()))

    start = time.perf_counter()
    steps.append(("read", start))
    worker_peaks: list[float] = []
    if engine == "single":
        analysis = analyze([corpus], options, on_stage=on_stage)
    else:
        from khabar.dask_engine import DaskRun, analyze_dask, dask_client

        info = DaskRun()
        with dask_client(workers=workers) as client:
            steps.clear()
            start = time.perf_counter()
            analysis = analyze_dask([corpus], options, client=client, on_stage=on_stage,
                                    run_info=info)
            end = time.perf_counter()
            worker_peaks = sorted(client.run(peak_mb).values())
    end = time.perf_counter() if engine == "single" else end
    steps.append(("end", end))
    durations: dict[str, float] = {}
    for (name, at), (_next, until) in pairwise(steps):
        durations[name] = durations.get(name, 0.0) + round(until - at, 1)
    articles = len(analysis.articles)
    cores = 1 if engine == "single" else workers
    return {
        "engine": engine if engine == "single" else f"dask {workers}",
        "articles": articles,
        "seconds": round(end - start, 1),
        "articles_per_s": round(articles / (end - start), 1),
        "articles_per_s_per_core": round(articles / (end - start) / cores, 1),
        "driver_peak_mb": round(peak_mb()),
        "worker_peak_mb": [round(mb) for mb in worker_peaks],
        "steps_s": durations,
        "records": {kind: len(items) for kind, items in analysis.contract_records().items()},
        "digest": {kind: digest(items) for kind, items in analysis.contract_records().items()},
    }


def limited(corpus: Path, limit: int | None) -> Path:
    if not limit:
        return corpus
    out = Path("/tmp/khabar-bench") / f"{corpus.name.split('.')[0]}-{limit}.jsonl.gz"
    if not out.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        with gzip.open(corpus, "rt", encoding="utf-8") as source, \
                gzip.open(out, "wt", encoding="utf-8", compresslevel=1) as target:
            for number, line in enumerate(source):
                if number >= limit:
                    break
                target.write(line)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--skip-single", action="store_true")
    parser.add_argument("--one", nargs=2, metavar=("ENGINE", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # a child process: one configuration, figures as JSON on stdout
        print(json.dumps(run_one(str(args.corpus), args.one[0], int(args.one[1])),
                         ensure_ascii=False))
        return
    if not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus} (developer data in ../shared)")
    corpus = limited(args.corpus, args.limit)
    configs = [] if args.skip_single else [("single", 1)]
    configs += [("dask", int(n)) for n in args.workers.split(",") if n]
    print(f"corpus: {corpus}; {os.cpu_count()} cores", flush=True)
    for engine, workers in configs:
        # One hash seed for every process: the single engine's story assembly and alignment
        # tie-breaks depend on set order; 6640 is the seed Dask's nanny gives its workers.
        child = subprocess.run(
            [sys.executable, __file__, str(corpus), "--one", engine, str(workers)],
            capture_output=True, text=True, check=False,
            env={**os.environ, "PYTHONHASHSEED": "6640"})
        if child.returncode:
            print(child.stderr[-3000:], file=sys.stderr)
            continue
        print(child.stdout.strip().splitlines()[-1], flush=True)


if __name__ == "__main__":
    main()
