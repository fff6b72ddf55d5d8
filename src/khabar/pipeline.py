"""analyze(): every stage of khabar, in the order the data flows.

Per-article stages run as each report is read (so a large corpus streams into the store in
batches); corpus stages run once every article is in, because they compare reports with
each other. Both lists are below, in order: this is the place to see what khabar does.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from khabar.clean.boilerplate import clean
from khabar.clean.headline import headline_from_first_line
from khabar.compare import compare_claims
from khabar.events.assemble import find_events
from khabar.extract.claims import find_claims
from khabar.extract.dates import date_from_dateline
from khabar.extract.statements import find_statements
from khabar.ingest import IngestOptions, ingest
from khabar.link.entities import link_entities
from khabar.link.places import place_entities, resolve_places
from khabar.model import RECORD_KINDS, Article, Skipped, to_record
from khabar.outlets import identify_outlet
from khabar.reuse.detect import find_reuse
from khabar.store import db
from khabar.stories.assemble import find_stories

# Stages applied to each article as it is read: Article -> Article.
ARTICLE_STAGES: tuple[Callable[[Article], Article], ...] = (
    clean,                     # drop web debris lines, keep them in `dropped`
    headline_from_first_line,  # a .txt report's first line, when it is a headline
    identify_outlet,           # outlet from metadata, URL, dateline or self-reference
    date_from_dateline,        # publication date from the dateline, when metadata has none
)

Results = dict[str, list[Any]]


def reuse_stage(articles: list[Article], results: Results) -> Results:
    """Near-duplicates, passages, direction, citations (kept when an engine found them:
    the Dask engine aligns candidate pairs on its workers)."""
    if "reuse" in results:
        return {"reuse": results["reuse"]}
    return {"reuse": find_reuse(articles)}


def places_stage(articles: list[Article], results: Results) -> Results:
    """Place names resolved to the gazetteer, for the entities and the events (kept when an
    engine resolved them already, per report, on its workers)."""
    if "places" in results:
        return {"places": results["places"]}
    return {"places": [resolve_places(articles)]}


def statements_stage(articles: list[Article], results: Results) -> Results:
    """Attributed statements; their speakers, the people, organizations and places named
    linked to one entity each across the corpus."""
    places = results.get("places", [{}])[0]
    # statements are per report: an engine may have found them already, on its workers
    statements = results["statements"] if "statements" in results else find_statements(articles)
    place_spans = {doc_id: [(place.start, place.end) for place in found
                            if not place.mention.within_name]
                   for doc_id, found in places.items()}
    names = results.get("names", [None])[0]  # found already by an engine's workers, if any
    entities = link_entities(articles, statements, place_spans, names=names)
    texts = {article.id: article.text for article in articles}
    return {"statements": statements,
            "entities": [*entities, *place_entities(places, texts)]}


def claims_stage(articles: list[Article], results: Results) -> Results:
    """Numeric claims, each carrying the statement (and speaker) whose content holds it."""
    return {"claims": find_claims(articles, results.get("statements", []))}


def stories_stage(articles: list[Article], results: Results) -> Results:
    """Reports about the same real-world story, grouped; a copy is in its source's story."""
    return {"stories": find_stories(articles, results.get("reuse", []),
                                    results.get("entities", []))}


def compare_stage(articles: list[Article], results: Results) -> Results:
    """The same quantity across the sources of a story: agree or differ, copies once."""
    return {"comparisons": compare_claims(results.get("stories", []), results.get("claims", []),
                                          articles, results.get("reuse", []))}


def events_stage(articles: list[Article], results: Results) -> Results:
    """ACLED-style events: what happened, where, when, between whom, with every toll."""
    places = results.get("places", [{}])[0]
    return {"events": find_events(articles, results.get("claims", []),
                                  results.get("statements", []), results.get("stories", []),
                                  results.get("reuse", []), places)}


# Stages over the whole corpus, in order: (name, function(articles, results so far) ->
# {contract kind: records}). Each later capability (claims, stories, compare, events) adds
# its line here and may read what the stages before it produced.
CORPUS_STAGES: tuple[tuple[str, Callable[[list[Article], Results], Results]], ...] = (
    ("reuse", reuse_stage),
    ("places", places_stage),
    ("statements", statements_stage),
    ("claims", claims_stage),
    ("stories", stories_stage),
    ("comparisons", compare_stage),
    ("events", events_stage),
)

BATCH_SIZE = 500


@dataclass
class Analysis:
    """What one run produced: the articles, the inputs skipped, and the contract records."""

    articles: list[Article] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    results: Results = field(default_factory=dict)  # the same records as dataclasses
    stages_run: list[str] = field(default_factory=list)

    def contract_records(self) -> dict[str, list[dict[str, Any]]]:
        return {"articles": [article.to_record() for article in self.articles], **self.records}


def prepare(article: Article) -> Article:
    """Run the per-article stages on one freshly ingested article."""
    for stage in ARTICLE_STAGES:
        article = stage(article)
    return article


def read_articles(
    inputs: Iterable[str | Path],
    options: IngestOptions | None = None,
    conn: sqlite3.Connection | None = None,
    run_id: int | None = None,
    on_item: Callable[[Article | Skipped], None] | None = None,
) -> Analysis:
    """Ingest and prepare every input; with a store, write it there in batches as it goes.

    The same content met twice in one run is kept once; the second copy is reported as
    skipped, naming the first, so the input is still accounted for.
    """
    analysis = Analysis()
    seen: dict[str, str] = {}
    batch: list[Article] = []
    for item in ingest(inputs, options):
        if isinstance(item, Article):
            if item.id in seen:
                item = Skipped(item.source, f"same text as {seen[item.id]} (ingested once)")
            else:
                seen[item.id] = item.source
                item = prepare(item)
                analysis.articles.append(item)
                batch.append(item)
        if isinstance(item, Skipped):
            analysis.skipped.append(item)
        if on_item:
            on_item(item)
        if conn is not None and len(batch) >= BATCH_SIZE:
            db.add_articles(conn, batch, run_id or 0)
            batch = []
    if conn is not None:
        db.add_articles(conn, batch, run_id or 0)
        db.add_skipped(conn, analysis.skipped, run_id or 0)
    return analysis


def run_corpus_stages(analysis: Analysis,
                      on_stage: Callable[[str], None] | None = None,
                      found: Results | None = None) -> Analysis:
    """Run every corpus stage over the analysis's articles, filling ``records``.

    ``found``: results an engine computed already for exactly these articles («reuse»,
    «statements», «names», «places»); the stages keep them instead of computing them
    again."""
    analysis.results.update(found or {})
    for name, stage in CORPUS_STAGES:
        if on_stage:
            on_stage(name)
        produced = stage(analysis.articles, analysis.results)
        analysis.results.update(produced)
        for kind, items in produced.items():
            if kind in RECORD_KINDS:  # others («places») are for later stages only
                analysis.records[kind] = [to_record(item) for item in items]
        analysis.stages_run.append(name)
    return analysis


def analyze(
    inputs: Iterable[str | Path],
    options: IngestOptions | None = None,
    conn: sqlite3.Connection | None = None,
    on_item: Callable[[Article | Skipped], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Analysis:
    """Ingest, prepare and analyze the inputs; store everything when given a store.

    Args:
        inputs: files and folders to read.
        options: how to read them (JSONL field names, limits).
        conn: an open store (``khabar.store.db.open_store``), or None for no store.
        on_item: called with each Article or Skipped as it is read (progress display).
        on_stage: called with a corpus stage's kind as it starts (progress display).
    RETURNS (Analysis): the articles, skipped inputs and contract records of this run.
    """
    inputs = [str(path) for path in inputs]
    run_id = db.start_run(conn, "analyze", inputs) if conn is not None else None
    analysis = read_articles(inputs, options, conn, run_id, on_item)
    run_corpus_stages(analysis, on_stage)
    if conn is not None and run_id is not None:
        for kind, records in analysis.records.items():
            db.replace_records(conn, kind, records, run_id)
        db.finish_run(conn, run_id, len(analysis.articles), len(analysis.skipped))
    return analysis
