"""Load check of `khabar serve` on loopback: concurrent clients, errors and latency.

Usage:
    python bench/serve_load.py STORE [--clients 50] [--requests 20] [--seed 1]

1. Starts `khabar serve --db STORE` on a free loopback port (a separate process, as users
   run it: uvicorn, one worker).
2. Picks pages and API calls from the store with a fixed seed: the overview, story pages,
   article pages, person pages, events, search, and the paged API lists.
3. Runs CLIENTS concurrent clients (asyncio + httpx), each making REQUESTS requests in turn.
4. Prints errors (any status other than 200, or a failed connection), p50/p95/p99 latency
   per kind of page and overall, and requests per second.

Build a store of the 30k corpus first, e.g.:
    khabar analyze ../shared/data/corpus/saudinewsnet_dev.jsonl.gz \\
        --field published=date_extracted --out /tmp/k30/out --db /tmp/k30/khabar.db
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import quote

import httpx

SEARCH_WORDS = ["السعودية", "الرياض", "وزير", "مجلس", "الأمن", "الاقتصاد", "درنة", "مكة"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def sample(conn: sqlite3.Connection, sql: str, count: int, rng: random.Random) -> list[str]:
    ids = [row[0] for row in conn.execute(sql)]
    return rng.sample(ids, min(count, len(ids)))


def urls(store: Path, rng: random.Random) -> list[tuple[str, str]]:
    """(kind, path) of the requests to make, drawn from the store."""
    conn = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    articles = sample(conn, "SELECT id FROM articles", 200, rng)
    stories = sample(conn, "SELECT id FROM records WHERE kind = 'stories' AND "
                           "json_array_length(record, '$.doc_ids') > 1", 100, rng)
    people = sample(conn, "SELECT id FROM records WHERE kind = 'entities' AND "
                          "json_extract(record, '$.type') = 'PER'", 100, rng)
    conn.close()
    picked = [("overview", "/"), ("events", "/events"), ("stories list", "/stories"),
              ("api articles", "/api/articles?limit=50"), ("api events", "/api/events")]
    picked += [("article", f"/articles/{i}") for i in articles]
    picked += [("story", f"/stories/{i}") for i in stories]
    picked += [("person", f"/entities/{i}") for i in people]
    picked += [("api statements", f"/api/statements?speaker={i}") for i in people[:30]]
    picked += [("search", f"/search?q={quote(word)}") for word in SEARCH_WORDS]
    return picked


async def client(base: str, plan: list[tuple[str, str]], times: dict[str, list[float]],
                 errors: list[str]) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=60) as http:
        for kind, path in plan:
            start = time.perf_counter()
            try:
                response = await http.get(path)
                if response.status_code != 200:
                    errors.append(f"{response.status_code} {path}")
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__} {path}")
            times[kind].append(time.perf_counter() - start)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("store", type=Path)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    choices = urls(args.store, rng)
    plans = [[rng.choice(choices) for _ in range(args.requests)] for _ in range(args.clients)]
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "khabar", "serve", "--db", str(args.store),
                               "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                httpx.get(base + "/api/stories?limit=1", timeout=2)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        times: dict[str, list[float]] = defaultdict(list)
        errors: list[str] = []
        start = time.perf_counter()

        async def run_all() -> None:
            await asyncio.gather(*(client(base, plan, times, errors) for plan in plans))

        asyncio.run(run_all())
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        server.wait(timeout=10)
    every = [t for values in times.values() for t in values]
    print(f"{args.clients} clients x {args.requests} requests = {len(every)} requests in "
          f"{elapsed:.1f} s ({len(every) / elapsed:.1f} requests/s); errors: {len(errors)}")
    for error in errors[:10]:
        print("  ", error)
    print(f"{'kind':<16}{'n':>6}{'p50 ms':>10}{'p95 ms':>10}{'p99 ms':>10}")
    for kind, values in [*sorted(times.items()), ("all", every)]:
        print(f"{kind:<16}{len(values):>6}{statistics.median(values) * 1000:>10.0f}"
              f"{percentile(values, 0.95) * 1000:>10.0f}{percentile(values, 0.99) * 1000:>10.0f}")


if __name__ == "__main__":
    main()
