"""The Dask engine: ``khabar analyze --engine dask``, the same records as the single engine.

An analyst's archive outgrows one process (a year of a few hundred outlets is millions of
reports), so khabar scales out on an existing distributed engine, Dask, rather than a
home-made scheduler. This module only decides *where* khabar's stages run; every stage is
the single engine's own function (``pipeline.prepare``, ``reuse.candidates``,
``reuse.detect.verify_pairs``, ``extract.statements.article_statements``, the
``pipeline.CORPUS_STAGES``), so the two engines cannot drift apart in what they find:

1. **Plan** (driver): the inputs expanded in the single engine's order
   (``ingest.expand_inputs``) and cut into partitions: runs of small files, and large JSONL
   files split into ranges of their items.
2. **Read** (workers, one task per partition): ingest, the per-article stages, passages →
   MinHash → LSH band keys, and each article's statements, names (the NER model) and
   places (the gazetteer). The band keys stay on the
   workers.
3. **Gather** (driver): articles, skipped inputs and statements, in input order; the "same
   text as another input" rule applied here, after gathering, so that the first in input
   order wins exactly as in ``pipeline.read_articles``.
4. **Candidates** (workers): band-key rows shuffled by key (``dask.bag`` groupby, task
   shuffle) into shards that each hold every row of their keys; each shard applies
   ``candidates.pairs_from_keys``, the single engine's bucket rule (``max_bucket_reports``).
5. **Alignment** (workers): the sorted candidate pairs in chunks, each chunk shipped with
   its articles to ``verify_pairs``; chunks concatenated in order, which is the single
   engine's order (``verify_pairs`` walks sorted pairs).
6. **Corpus stages** (driver): entity linking and the rest of ``CORPUS_STAGES`` over the
   whole corpus (they compare every report with every other, so they are not partitioned).
7. **Write**: partitioned Parquet (``write_parquet_parts``), and the store like the single
   engine, plus every article's band keys (table ``lsh_keys``) for incremental runs.

Incremental mode (``incremental=True`` with a store): the band keys of stored articles are
read from ``lsh_keys`` (stored articles that lack them are hashed once, then persisted) and
shuffled with the new batch's, so today's copies of yesterday's reports are found without
re-reading or re-hashing yesterday's. Pairs between two stored articles are not looked at
again (they were found when the later of the two was stored).

Fault tolerance: every task is a pure function of files and settings, so when a worker dies
Dask recomputes what it held; all writes happen after the gather, keyed by article id
(``INSERT OR IGNORE``) or by record id, and Parquet parts are replaced atomically.
"""

from __future__ import annotations

import gzip
import json
import math
import os
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import numpy as np

from khabar.extract.ner import NameSpan, find_names
from khabar.extract.statements import article_statements
from khabar.ingest import JSONL_SUFFIXES, WARC_SUFFIXES, IngestOptions, expand_inputs, ingest
from khabar.link.geocode import ResolvedPlace
from khabar.link.places import resolve_places
from khabar.model import Article, Reuse, Skipped, Statement
from khabar.pipeline import BATCH_SIZE, Analysis, prepare, run_corpus_stages
from khabar.reuse.candidates import band_keys, minhash_signatures, pairs_from_keys, passages_of
from khabar.reuse.detect import verify_pairs
from khabar.settings import Settings
from khabar.store import db

# Articles per partition: large enough that a task's overhead (~ms) is negligible against
# its work (~3 ms per article), small enough to spread a corpus over every worker.
PARTITION_ARTICLES = 2000
# A large JSONL file is split into at most this many ranges per worker thread: a range's
# task re-reads (decompresses and parses) the lines before its start, since ingest reads a
# file from its beginning, so more ranges cost more ingest (~0.3 ms an article).
JSONL_RANGES_PER_THREAD = 2
# Candidate pairs aligned per task: alignment costs ~1 ms a pair; a chunk ships its articles.
PAIRS_PER_CHUNK = 2000
# Shards of the band-key shuffle per worker thread.
SHARDS_PER_THREAD = 2

PartHook = Callable[["Part"], None]
# What a worker finds in one article for the corpus stages: its statements, its names (the
# NER model) and its places (the gazetteer).
Findings = tuple[list[Statement], list[NameSpan], list[ResolvedPlace]]


@dataclass(frozen=True)
class Part:
    """One partition of the inputs: entries (file paths, or a Skipped found while expanding
    the inputs) read in order; for one large JSONL file, the range of its items."""

    index: int
    entries: tuple[str | Skipped, ...]
    start: int = 0
    stop: int | None = None


@dataclass
class PartResult:
    """What a worker made of one partition. ``keys`` rows belong to articles by ``docs``
    (position among the partition's articles)."""

    items: list[Article | Skipped]
    findings: list[Findings]  # per article, in order
    keys: np.ndarray  # (passages, lsh_bands) uint64
    docs: np.ndarray  # (passages,) int64


@dataclass
class DaskRun:
    """Counts of a run, for the CLI's summary and the benchmarks."""

    partitions: int = 0
    candidate_pairs: int = 0
    hashed_articles: int = 0  # articles MinHashed in this run (not those read from the index)
    stored_keys_read: int = 0  # stored articles whose band keys were read from the index
    context_articles: list[str] = field(default_factory=list)  # stored articles loaded back


# --- planning ------------------------------------------------------------------------------


def plan_parts(inputs: Sequence[str | Path], part_articles: int = PARTITION_ARTICLES,
               jsonl_ranges: int = 4) -> list[Part]:
    """Cut the inputs into partitions, keeping the single engine's input order.

    Small files (.txt, .html: one report each) are grouped ``part_articles`` to a part; a
    JSONL file with more items than that is split into up to ``jsonl_ranges`` item ranges;
    a WARC file is a part of its own (its report count is unknown until it is read).
    """
    parts: list[Part] = []
    group: list[str | Skipped] = []

    def flush() -> None:
        if group:
            parts.append(Part(len(parts), tuple(group)))
            group.clear()

    for entry in expand_inputs(inputs):
        if isinstance(entry, Skipped):
            group.append(entry)
            continue
        name = entry.name.lower()
        if name.endswith(JSONL_SUFFIXES):
            flush()
            items = _jsonl_items(entry)
            ranges = max(1, min(jsonl_ranges, math.ceil(items / part_articles)))
            size = math.ceil(items / ranges) if items else 0
            for n in range(ranges):
                last = n == ranges - 1
                parts.append(Part(len(parts), (str(entry),), n * size,
                                  None if last else (n + 1) * size))
        elif name.endswith(WARC_SUFFIXES):
            flush()
            parts.append(Part(len(parts), (str(entry),)))
        else:
            group.append(str(entry))
            if len(group) >= part_articles:
                flush()
    flush()
    return parts


def _jsonl_items(path: Path) -> int:
    """How many items ``ingest.read_jsonl`` yields before any damage note: one per non-blank
    line. 0 (no split) when the file cannot be read through, so it is read whole."""
    opener = gzip.open if path.name.lower().endswith(".gz") else open
    try:
        with opener(path, "rb") as stream:
            return sum(1 for line in stream if line.strip())
    except (OSError, EOFError, ValueError):
        return 0


# --- per-partition work (workers) ----------------------------------------------------------


def read_part(part: Part, options: IngestOptions, settings: Settings,
              hook: PartHook | None = None, statements: bool = True) -> PartResult:
    """Ingest and prepare one partition; its articles' band keys and (unless
    ``statements`` is False: reuse alone, as in bench/million_reuse.py) statements.

    Runs on a worker. ``hook`` (tests: fault injection) is called first.
    """
    if hook is not None:
        hook(part)
    items: list[Article | Skipped] = []
    for entry in part.entries:
        if isinstance(entry, Skipped):
            items.append(entry)
            continue
        stream: Iterator[Article | Skipped] = ingest([entry], options)
        if part.start or part.stop is not None:
            stream = islice(stream, part.start, part.stop)
        items.extend(prepare(item) if isinstance(item, Article) else item for item in stream)
    articles = [item for item in items if isinstance(item, Article)]
    keys, docs = article_keys(articles, settings)
    found: list[Findings] = [(article_statements(article), find_names(article.text),
                              resolve_places([article])[article.id])
                             if statements else ([], [], []) for article in articles]
    return PartResult(items, found, keys, docs)


def article_keys(articles: Sequence[Article], settings: Settings
                 ) -> tuple[np.ndarray, np.ndarray]:
    """LSH band keys of the articles' passages, by the single engine's functions: (keys of
    shape passages x bands, article position of each passage)."""
    signatures = minhash_signatures(passages_of(articles, settings), settings)
    keys = band_keys(signatures.values, settings.lsh_bands, settings.lsh_rows)
    docs = np.fromiter((p.doc_index for p in signatures.passages), dtype=np.int64,
                       count=len(signatures.passages))
    return keys, docs


def part_head(result: PartResult) -> tuple[list[Article | Skipped], list[Findings]]:
    """The part of a PartResult the driver needs; the keys stay on the worker."""
    return result.items, result.findings


def route_part(result: PartResult, mapping: np.ndarray, shards: int
               ) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """Flat (key, global article index) rows of a partition, split by shard of key.

    ``mapping`` gives each of the partition's articles its index in the corpus, or -1 for
    an article dropped as a duplicate of an earlier input.
    """
    docs = mapping[result.docs] if len(result.docs) else result.docs
    keep = docs >= 0
    return route_rows(result.keys[keep], docs[keep], shards)


def route_rows(keys: np.ndarray, docs: np.ndarray, shards: int
               ) -> list[tuple[int, np.ndarray, np.ndarray]]:
    """(shard, keys, docs) for each shard: a key's rows all go to shard ``key % shards``."""
    bands = keys.shape[1] if keys.ndim == 2 else 1
    flat = keys.ravel()
    flat_docs = np.repeat(docs, bands)
    shard = (flat % np.uint64(shards)).astype(np.int64)
    order = np.argsort(shard, kind="stable")
    flat, flat_docs, shard = flat[order], flat_docs[order], shard[order]
    bounds = np.searchsorted(shard, np.arange(shards + 1))
    return [(n, flat[bounds[n]:bounds[n + 1]], flat_docs[bounds[n]:bounds[n + 1]])
            for n in range(shards) if bounds[n + 1] > bounds[n]]


def shard_of(row: tuple[int, np.ndarray, np.ndarray]) -> int:
    return row[0]


def shard_pairs(group: tuple[int, list[tuple[int, np.ndarray, np.ndarray]]],
                max_bucket_reports: int, first_stored: int | None
                ) -> list[tuple[tuple[int, int], int]]:
    """Candidate pairs of one shard: every row of its keys is here, so the bucket rule
    (``pairs_from_keys``) sees whole buckets.

    With stored articles (index ``>= first_stored``), only buckets holding a new article
    are looked at, and pairs of two stored articles are left out: they were found before.
    """
    _, rows = group
    keys = np.concatenate([row[1] for row in rows])
    docs = np.concatenate([row[2] for row in rows])
    if first_stored is not None:
        live = np.isin(keys, keys[docs < first_stored])
        keys, docs = keys[live], docs[live]
    pairs = pairs_from_keys(keys, docs, max_bucket_reports)
    if first_stored is not None:
        pairs = {pair: n for pair, n in pairs.items() if pair[0] < first_stored}
    return list(pairs.items())


def verify_chunk(articles: list[Article], pairs: list[tuple[int, int]], settings: Settings
                 ) -> list[Reuse]:
    """``verify_pairs`` on a chunk: ``articles`` are the chunk's, in corpus order, and
    ``pairs`` index into them (so sorted local pairs are in the global pairs' order)."""
    return verify_pairs(articles, pairs, settings)


def key_rows(result: PartResult, mapping: np.ndarray, ids: list[str], params: str
             ) -> list[tuple[str, str, int, bytes]]:
    """Rows of the ``lsh_keys`` table for a partition's kept articles."""
    rows = []
    order = np.argsort(result.docs, kind="stable")
    docs, keys = result.docs[order], result.keys[order]
    bounds = np.searchsorted(docs, np.arange(len(mapping) + 1))
    for local, index in enumerate(mapping):
        if index >= 0:
            block = keys[bounds[local]:bounds[local + 1]]
            rows.append((ids[local], params, len(block), block.astype("<u8").tobytes()))
    return rows


def hash_articles(articles: list[Article], settings: Settings, params: str
                  ) -> list[tuple[str, str, int, bytes]]:
    """``lsh_keys`` rows for stored articles that have none yet (a store the single engine
    filled): hashed once, then read from the index by later runs."""
    keys, docs = article_keys(articles, settings)
    result = PartResult([], [], keys, docs)
    return key_rows(result, np.arange(len(articles)), [a.id for a in articles], params)


def index_params(settings: Settings) -> str:
    """The settings band keys depend on: keys made with others are not comparable."""
    names = ("shingle_words", "passage_min_words", "minhash_permutations", "lsh_bands",
             "lsh_rows", "minhash_seed")
    return json.dumps({name: getattr(settings, name) for name in names}, sort_keys=True)


# --- the driver ----------------------------------------------------------------------------


@contextmanager
def dask_client(scheduler: str | None = None, workers: int | None = None,
                processes: bool = True) -> Iterator[Any]:
    """A client of the scheduler at ``scheduler``, or of a LocalCluster of ``workers``
    single-threaded worker processes (one per core by default) that is closed afterwards."""
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                           processes=processes, dashboard_address=":0")
    client = Client(cluster)
    try:
        yield client
    finally:
        client.close()
        cluster.close()


def analyze_dask(
    inputs: Sequence[str | Path],
    options: IngestOptions | None = None,
    conn: sqlite3.Connection | None = None,
    *,
    client: Any = None,
    scheduler: str | None = None,
    workers: int | None = None,
    incremental: bool = False,
    settings: Settings | None = None,
    on_stage: Callable[[str], None] | None = None,
    part_hook: PartHook | None = None,
    part_articles: int = PARTITION_ARTICLES,
    run_info: DaskRun | None = None,
) -> Analysis:
    """Analyze the inputs on Dask; the same Analysis as ``pipeline.analyze``.

    Args:
        inputs: files and folders to read.
        options: how to read them.
        conn: an open store, or None; with it, everything is stored as the single engine
            stores it, plus the articles' LSH band keys.
        client: a ``dask.distributed.Client`` to use; else one is made from ``scheduler``
            (an address) or a LocalCluster of ``workers`` processes, and closed after.
        incremental: find reuse against the articles already in the store (needs ``conn``).
        settings: thresholds; the single engine's defaults when None.
        on_stage: called with each step's name as it starts (progress display).
        part_hook: called on the worker at the start of each partition (fault injection
            in tests).
        part_articles: articles per partition.
        run_info: filled with counts of the run when given.
    RETURNS (Analysis): articles, skipped inputs and contract records, as the single engine.
    """
    if incremental and conn is None:
        raise ValueError("incremental analysis needs a store")
    if client is None:
        with dask_client(scheduler, workers) as own:
            return analyze_dask(inputs, options, conn, client=own, incremental=incremental,
                                settings=settings, on_stage=on_stage, part_hook=part_hook,
                                part_articles=part_articles, run_info=run_info)
    options = options or IngestOptions()
    settings = settings or Settings()
    info = run_info if run_info is not None else DaskRun()
    inputs = [str(path) for path in inputs]
    found = find_reuse_dask(client, inputs, options, settings, conn if incremental else None,
                            on_stage=on_stage, part_hook=part_hook,
                            part_articles=part_articles, run_info=info)
    analysis, heads, mappings, reuse, context = (
        found.analysis, found.heads, found.mappings, found.reuse, found.context)
    stage = on_stage or (lambda _name: None)
    kept = list(_kept_findings(heads, mappings))
    statements = [statement for found_statements, _, _ in kept
                  for statement in found_statements]
    # the batch's articles come first, in the order of ``kept``; stored context after
    batch = list(zip(analysis.articles, kept, strict=False))
    names = {article.id: found_names for article, (_, found_names, _) in batch}
    places = {article.id: found_places for article, (_, _, found_places) in batch}
    if context:
        stored = [context[i] for i in sorted(context)]
        statements += [statement for article in stored
                       for statement in article_statements(article)]
        places.update(resolve_places(stored))
    run_corpus_stages(analysis, on_stage, found={"reuse": reuse, "statements": statements,
                                                 "names": [names], "places": [places]})

    if conn is not None:
        stage("store")
        _store(client, conn, analysis, inputs, found.results, mappings, heads, settings,
               exclude=set(info.context_articles))
    return analysis


@dataclass
class Found:
    """The read and reuse steps' results (``find_reuse_dask``)."""

    analysis: Analysis  # articles and skipped inputs, in input order; no records yet
    results: list[Any]  # futures of each partition's PartResult (band keys stay there)
    heads: list[tuple[list[Article | Skipped], list[list[Statement]]]]
    mappings: list[np.ndarray]  # per partition: article position → corpus index or -1
    reuse: list[Reuse]
    context: dict[int, Article]  # stored articles some reuse pair needs (incremental)
    pairs: list[tuple[int, int]] = field(default_factory=list)


def find_reuse_dask(client: Any, inputs: Sequence[str], options: IngestOptions,
                    settings: Settings, index: sqlite3.Connection | None = None, *,
                    statements: bool = True, on_stage: Callable[[str], None] | None = None,
                    part_hook: PartHook | None = None,
                    part_articles: int = PARTITION_ARTICLES,
                    run_info: DaskRun | None = None) -> Found:
    """Steps 1-5: read every partition on the workers, gather the articles in input order,
    find the candidate pairs by shuffling band keys, align them.

    With ``index`` (a store), stored articles' band keys join the shuffle (incremental).
    """
    info = run_info if run_info is not None else DaskRun()
    stage = on_stage or (lambda _name: None)
    threads = max(1, sum(client.nthreads().values()))

    stage("read")
    parts = plan_parts(inputs, part_articles, JSONL_RANGES_PER_THREAD * threads)
    info.partitions = len(parts)
    results = client.map(read_part, parts, options=options, settings=settings, hook=part_hook,
                         statements=statements, pure=False)
    heads = client.gather(client.map(part_head, results))
    analysis, mappings = _gather_articles(heads)
    info.hashed_articles = sum(len(head[1]) for head in heads)

    stage("reuse")
    stored: list[str] = []
    stored_rows: list[Any] = []
    if index is not None:
        stored, stored_rows = _stored_keys(client, index, analysis.articles, settings, threads,
                                           len(analysis.articles))
        info.stored_keys_read = len(stored)
    shards = SHARDS_PER_THREAD * threads
    pairs = _candidate_pairs(client, results, mappings, stored_rows, shards, settings,
                             len(analysis.articles) if index is not None else None)
    info.candidate_pairs = len(pairs)
    context = _load_stored(index, stored, pairs, len(analysis.articles)) if stored else {}
    reuse = _verify(client, analysis.articles, context, pairs, settings, threads)
    if context:
        # Stored reports that share text with the batch join it, so that stories, comparisons
        # and events see a copy and its source together.
        info.context_articles = [article.id for article in context.values()]
        analysis.articles.extend(context[position] for position in sorted(context))

    return Found(analysis, results, heads, mappings, reuse, context, pairs)


def _gather_articles(heads: list[tuple[list[Article | Skipped], list[Findings]]]
                     ) -> tuple[Analysis, list[np.ndarray]]:
    """Articles and skipped inputs in input order, the same text kept once (first wins, as
    ``pipeline.read_articles``), and each partition's article → corpus index mapping."""
    analysis = Analysis()
    seen: dict[str, str] = {}
    mappings = []
    for items, _findings in heads:
        mapping = []
        for item in items:
            if isinstance(item, Article):
                if item.id in seen:
                    analysis.skipped.append(
                        Skipped(item.source, f"same text as {seen[item.id]} (ingested once)"))
                    mapping.append(-1)
                else:
                    seen[item.id] = item.source
                    mapping.append(len(analysis.articles))
                    analysis.articles.append(item)
            else:
                analysis.skipped.append(item)
        mappings.append(np.array(mapping, dtype=np.int64))
    return analysis, mappings


def _kept_findings(heads: list[tuple[list[Article | Skipped], list[Findings]]],
                   mappings: list[np.ndarray]) -> Iterator[Findings]:
    """Each kept article's statements and names, in the order of ``analysis.articles``."""
    for (_items, findings), mapping in zip(heads, mappings, strict=True):
        for per_article, index in zip(findings, mapping, strict=True):
            if index >= 0:
                yield per_article


def _candidate_pairs(client: Any, results: list[Any], mappings: list[np.ndarray],
                     stored_rows: list[Any], shards: int, settings: Settings,
                     first_stored: int | None) -> list[tuple[int, int]]:
    """Candidate pairs of corpus indexes, sorted: band keys shuffled by key on Dask."""
    import dask.bag
    from dask import delayed

    routed = [delayed(route_part)(result, mapping, shards)
              for result, mapping in zip(results, mappings, strict=True)]
    routed += [delayed(route_rows)(keys, docs, shards) for keys, docs in stored_rows]
    if not routed:  # nothing was ingested: no partition to shuffle
        return []
    bag = dask.bag.from_delayed(routed)
    found = (bag.groupby(shard_of, shuffle="tasks", npartitions=max(1, min(shards, 64)))
             .map(shard_pairs, settings.max_bucket_reports, first_stored)
             .flatten())
    collisions: dict[tuple[int, int], int] = defaultdict(int)
    for pair, count in client.compute(found, sync=True):
        collisions[pair] += count
    return sorted(collisions)


def _verify(client: Any, articles: list[Article], context: dict[int, Article],
            pairs: list[tuple[int, int]], settings: Settings, threads: int) -> list[Reuse]:
    """Align the sorted pairs in chunks on the workers; concatenated in the pairs' order."""
    if not pairs:
        return []

    def article_at(index: int) -> Article:
        return articles[index] if index < len(articles) else context[index]

    size = max(50, min(PAIRS_PER_CHUNK, math.ceil(len(pairs) / (4 * threads))))
    futures = []
    for first in range(0, len(pairs), size):
        chunk = pairs[first:first + size]
        involved = sorted({index for pair in chunk for index in pair})
        local = {index: position for position, index in enumerate(involved)}
        futures.append(client.submit(
            verify_chunk, [article_at(index) for index in involved],
            [(local[i], local[j]) for i, j in chunk], settings, pure=False))
    return [reuse for found in client.gather(futures) for reuse in found]


# --- incremental: the persisted index ------------------------------------------------------


def _stored_keys(client: Any, conn: sqlite3.Connection, batch: list[Article],
                 settings: Settings, threads: int, first_index: int
                 ) -> tuple[list[str], list[Any]]:
    """Band keys of the stored articles not in this batch, from ``lsh_keys``; articles
    stored without keys (by the single engine) are hashed on the workers first, once.

    RETURNS: the stored article ids (corpus index ``first_index + position``) and their key
    rows, scattered to the workers in blocks, as (keys, docs) futures.
    """
    params = index_params(settings)
    in_batch = {article.id for article in batch}
    missing = [row[0] for row in conn.execute(
        "SELECT id FROM articles WHERE id NOT IN (SELECT article_id FROM lsh_keys "
        "WHERE params = ?) ORDER BY rowid", (params,)) if row[0] not in in_batch]
    for first in range(0, len(missing), PARTITION_ARTICLES):
        chunk = db.load_articles(conn, missing[first:first + PARTITION_ARTICLES])
        rows = client.submit(hash_articles, chunk, settings, params, pure=False).result()
        db.add_lsh_keys(conn, rows)
    ids: list[str] = []
    blocks: list[np.ndarray] = []
    counts: list[int] = []
    for article_id, passages, blob in db.lsh_keys(conn, params):
        if article_id in in_batch:
            continue
        ids.append(article_id)
        blocks.append(np.frombuffer(blob, dtype="<u8").reshape(passages, settings.lsh_bands))
        counts.append(passages)
    if not ids:
        return [], []
    keys = np.concatenate(blocks).astype(np.uint64)
    docs = np.repeat(np.arange(first_index, first_index + len(ids), dtype=np.int64), counts)
    step = max(1, math.ceil(len(keys) / (2 * threads)))
    rows = [client.scatter((keys[n:n + step], docs[n:n + step]))
            for n in range(0, len(keys), step)]
    return ids, [(_item(row, 0), _item(row, 1)) for row in rows]


def _item(future: Any, position: int) -> Any:
    from dask import delayed

    return delayed(lambda pair, n: pair[n])(future, position)


def _load_stored(conn: sqlite3.Connection | None, stored: list[str],
                 pairs: list[tuple[int, int]], first_index: int) -> dict[int, Article]:
    """The stored articles some candidate pair needs, by corpus index."""
    if conn is None:
        return {}
    needed = sorted({index for pair in pairs for index in pair if index >= first_index})
    by_id = {article.id: article
             for article in db.load_articles(conn, [stored[i - first_index] for i in needed])}
    return {index: by_id[stored[index - first_index]] for index in needed}


# --- writing -------------------------------------------------------------------------------


def _store(client: Any, conn: sqlite3.Connection, analysis: Analysis, inputs: list[str],
           results: list[Any], mappings: list[np.ndarray],
           heads: list[tuple[list[Article | Skipped], list[list[Statement]]]],
           settings: Settings, exclude: set[str]) -> None:
    """Store the run as ``pipeline.analyze`` does, and the articles' band keys. Every write
    is keyed by article or record id, so a retried or repeated run duplicates nothing."""
    run_id = db.start_run(conn, "analyze", inputs)
    new = [article for article in analysis.articles if article.id not in exclude]
    for first in range(0, len(new), BATCH_SIZE):
        db.add_articles(conn, new[first:first + BATCH_SIZE], run_id)
    db.add_skipped(conn, analysis.skipped, run_id)
    params = index_params(settings)
    futures = [client.submit(key_rows, result, mapping,
                             [item.id for item in items if isinstance(item, Article)], params)
               for result, mapping, (items, _findings) in zip(results, mappings, heads,
                                                               strict=True)]
    for future in futures:
        db.add_lsh_keys(conn, future.result())
    for kind, records in analysis.records.items():
        db.replace_records(conn, kind, records, run_id)
    db.finish_run(conn, run_id, len(new), len(analysis.skipped))


def write_parquet_parts(records_by_kind: dict[str, list[dict[str, Any]]], out: Path,
                        rows_per_part: int = 10_000) -> dict[str, int]:
    """``OUT/<kind>/part-00000.parquet``…: each kind's records in parts of
    ``rows_per_part``, with one schema per kind (inferred over all its records, so every
    part reads as one dataset). A part is written beside its name and renamed, so a killed
    run never leaves half a file; old parts beyond the new count are removed.

    RETURNS: parts written per kind.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    from khabar.store.export import _parquet_safe

    written = {}
    for kind, records in records_by_kind.items():
        folder = out / kind
        folder.mkdir(parents=True, exist_ok=True)
        table = pa.Table.from_pylist([_parquet_safe(record) for record in records])
        count = 0
        for first in range(0, max(len(records), 1), rows_per_part):
            if not records:
                break
            path = folder / f"part-{count:05d}.parquet"
            temporary = path.with_name(path.name + ".part")
            pq.write_table(table.slice(first, rows_per_part), temporary)
            os.replace(temporary, path)
            count += 1
        for stale in folder.glob("part-*.parquet"):
            if int(stale.stem.split("-")[1]) >= count:
                stale.unlink()
        written[kind] = count
    return written
