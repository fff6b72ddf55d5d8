"""The stories stage: which reports are about the same real-world story.

Reports go through ``StoryClusterer`` in publication order; the stories come out with a
neutral label (``label.py``), their outlets and dates, and **sub-stories**: inside a story,
the reports joined by text reuse (an interview and its rewrites) form one episode.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from datetime import date

from khabar.model import Article, Entity, Reuse, Story
from khabar.reuse.independence import independent_groups
from khabar.settings import Settings
from khabar.stories.cluster import StoryClusterer, StoryInput, merge_by_reuse
from khabar.stories.label import LABEL_CANDIDATES, story_label, surface_forms
from khabar.stories.terms import term_counts, term_vector


def find_stories(articles: list[Article], reuse: list[Reuse], entities: list[Entity],
                 settings: Settings | None = None) -> list[Story]:
    """Group the articles into stories (every article in exactly one).

    Args:
        articles: the reports.
        reuse: reuse pairs among them (a copy is always in its source's story: ``_is_copy``).
        entities: linked entities (people and organizations shared count as evidence).
        settings: the ``story_*`` thresholds.
    RETURNS (list[Story]): stories, the largest first.
    """
    settings = settings or Settings()
    entities_of: dict[str, set[str]] = {}
    for entity in entities:
        for mention in entity.mentions:
            entities_of.setdefault(mention.doc_id, set()).add(entity.id)
    published = {article.id: _day(article.published) for article in articles}
    copies = [pair for pair in reuse if _is_copy(pair, published, settings, both=True)]
    sources_of: dict[str, list[str]] = {}
    for pair in copies:
        sources_of.setdefault(pair.target_id, []).append(pair.source_id)
    holding: dict[str, list[str]] = {}  # target -> sources it holds (nearly) whole
    for pair in reuse:
        if _is_copy(pair, published, settings, both=False):
            holding.setdefault(pair.target_id, []).append(pair.source_id)
    for target, sources in holding.items():
        if len(sources) == 1 and target not in sources_of:
            sources_of[target] = sources  # one report retold inside a longer one; not a roundup
    reuse_into: dict[str, list[Reuse]] = {}  # target -> pairs
    for pair in reuse:
        reuse_into.setdefault(pair.target_id, []).append(pair)
    counts = {article.id: term_counts(article) for article in articles}
    clusterer = StoryClusterer(settings)
    for article in sorted(articles, key=_time_order):
        clusterer.add(StoryInput(
            doc_id=article.id,
            vector=term_vector(counts[article.id], settings.story_vector_terms),
            published=published[article.id],
            entities=frozenset(entities_of.get(article.id, ())),
            sources=tuple(sources_of.get(article.id, ())),
        ))
    groups = merge_by_reuse(clusterer, [(pair.source_id, pair.target_id) for pair in copies])
    by_id = {article.id: article for article in articles}
    names = {entity.id: entity for entity in entities}
    stories = [_story([by_id[doc] for doc in group], counts, reuse_into, names, entities_of,
                      settings.story_centroid_terms) for group in groups]
    return sorted(stories, key=lambda story: (-len(story.doc_ids), story.first_published or "",
                                              story.id))


def _story(members: list[Article], counts: dict[str, Counter[str]],
           reuse_into: dict[str, list[Reuse]], names: dict[str, Entity],
           entities_of: dict[str, set[str]], keep: int) -> Story:
    members = sorted(members, key=_time_order)
    doc_ids = [article.id for article in members]
    story_id = "story-" + hashlib.sha256(" ".join(sorted(doc_ids)).encode()).hexdigest()[:12]
    dates = sorted(article.published[:10] for article in members if article.published)
    mentioned = Counter(entity for doc in doc_ids for entity in entities_of.get(doc, ()))
    # most reports first; a tie by id, not by the order of a set (hash seeds differ)
    ranked_entities = sorted(mentioned, key=lambda entity: (-mentioned[entity], entity))
    people = [names[entity].name for entity in ranked_entities
              if names[entity].type in {"PER", "ORG"}]
    reports_with: Counter[str] = Counter()  # in how many of the story's reports
    total: Counter[str] = Counter()
    for article in members:
        reports_with.update(counts[article.id].keys())
        total.update(counts[article.id])
    weights = term_vector(total, keep)
    ranked = sorted(weights, key=lambda term: (-reports_with[term], -weights[term], term))
    first, last = (dates[0], dates[-1]) if dates else (None, None)
    candidates = ranked[:LABEL_CANDIDATES]
    label = story_label(people, candidates, surface_forms(members, set(candidates)), first, last)
    return Story(
        id=story_id, label=label, doc_ids=doc_ids, first_published=first, last_published=last,
        outlets=sorted({article.outlet for article in members if article.outlet}),
        key_terms=ranked[:10], entity_ids=ranked_entities,
        sub_stories=_sub_stories(story_id, doc_ids, reuse_into),
    )


def _sub_stories(story_id: str, doc_ids: list[str],
                 reuse_into: dict[str, list[Reuse]]) -> list[dict]:
    """Episodes inside a story: the reports one reuse chain joins, when the story has more."""
    inside = set(doc_ids)
    pairs = [pair for doc in doc_ids for pair in reuse_into.get(doc, ())
             if pair.source_id in inside]
    groups = [group for group in independent_groups(doc_ids, pairs) if len(group) > 1]
    if len(groups) == 1 and len(groups[0]) == len(doc_ids):
        return []
    return [{
        "id": f"{story_id}.{number}",
        "doc_ids": [doc for doc in doc_ids if doc in group],
        "reuse": [f"{pair.source_id} → {pair.target_id} ({pair.kind})" for pair in pairs
                  if pair.target_id in group],
    } for number, group in enumerate(groups, start=1)]


def _is_copy(pair: Reuse, published: dict[str, date | None], settings: Settings,
             both: bool) -> bool:
    """Whether a reuse pair can put its reports in one story: they are published within the
    story gap, and most of each report is the other's text (``both``), or most of one of them
    (``both=False``: a short report held nearly whole inside a longer one).

    Copies both ways force one story when placed and merge stories afterwards. A longer
    report holding one short report joins that report's story; one holding several is a
    roundup and is judged on its words, else five stories would chain into one. A shared
    paragraph, or a template a week later («يستقبل», «يهنئ», the daily weather), is judged
    on its words like any two reports."""
    coverages = (pair.target_coverage, pair.source_coverage)
    if (min(coverages) if both else max(coverages)) < settings.story_copy_coverage:
        return False
    source, target = published.get(pair.source_id), published.get(pair.target_id)
    return source is None or target is None or abs((target - source).days) <= \
        settings.story_gap_days


def _day(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _time_order(article: Article) -> tuple[bool, str, str]:
    return article.published is None, article.published or "", article.source
