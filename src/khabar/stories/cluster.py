"""Group reports into stories: one pass in time order, each report joining the story it is
closest to or opening a new one.

Why this way: it is how an analyst's desk works (today's report joins yesterday's story), so
the same code clusters a batch and, keeping its state, takes the next batch incrementally;
its cost grows with the stories a report shares strong terms with, not with the square of
the corpus. The signals, strongest first:

1. **text reuse**: a report that derives from another is in its source's story, always;
2. **meaning**: cosine between the report's term vector and the story's centroid
   (``khabar.stories.terms``), plus a bonus for each entity (a linked speaker) they share;
3. **time**: a dated report may join a story only within ``story_gap_days`` of the story's
   reports, so the same kind of event a week later opens a new story.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

from khabar.settings import Settings
from khabar.stories.terms import cosine


@dataclass(frozen=True)
class StoryInput:
    """What clustering needs of one report."""

    doc_id: str
    vector: dict[str, float]  # term -> weight, L2-normalized (terms.term_vector)
    published: date | None
    entities: frozenset[str] = frozenset()  # linked entity ids mentioned in the report
    sources: tuple[str, ...] = ()  # reports this one derives from (reuse)


@dataclass
class StoryDraft:
    """A story while clustering: its reports and their summed term weights."""

    number: int
    doc_ids: list[str] = field(default_factory=list)
    weights: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    entities: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    first: date | None = None
    last: date | None = None
    centroid: dict[str, float] = field(default_factory=dict)
    vectors: list[dict[str, float]] = field(default_factory=list)

    def add(self, report: StoryInput, keep: int) -> None:
        self.doc_ids.append(report.doc_id)
        self.vectors.append(report.vector)
        for term, weight in report.vector.items():
            self.weights[term] += weight
        for entity in report.entities:
            self.entities[entity] += 1
        if report.published:
            self.first = min(filter(None, (self.first, report.published)))
            self.last = max(filter(None, (self.last, report.published)))
        strongest = heapq.nlargest(keep, self.weights.items(), key=lambda item: item[1])
        norm = math.sqrt(sum(weight * weight for _, weight in strongest)) or 1.0
        self.centroid = {term: weight / norm for term, weight in strongest}


class StoryClusterer:
    """Incremental story clustering; ``add`` reports in publication order.

    Args:
        settings: thresholds (``story_*`` in ``khabar.settings``).
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.stories: list[StoryDraft] = []
        self.story_of: dict[str, int] = {}
        # term -> stories among whose strongest terms it is; "live" holds the stories a report
        # published now can still join, "archive" those left behind by the time gap (only a
        # report older than the latest, or undated, looks there).
        self._live: dict[str, set[int]] = defaultdict(set)
        self._archive: dict[str, set[int]] = defaultdict(set)
        self._latest: date | None = None

    def add(self, report: StoryInput) -> int:
        """Place one report; RETURNS (int): the number of the story it is now in."""
        story = self._source_story(report)
        if story is None:
            story = self._closest_story(report)
        if story is None:
            story = StoryDraft(len(self.stories))
            self.stories.append(story)
        story.add(report, self.settings.story_centroid_terms)
        self.story_of[report.doc_id] = story.number
        for term in list(story.centroid)[: self.settings.story_index_terms]:
            self._live[term].add(story.number)
        if report.published and (self._latest is None or report.published > self._latest):
            self._latest = report.published
        return story.number

    def similarity(self, report: StoryInput, story: StoryDraft) -> float:
        """Cosine with the story's centroid plus the shared-entity bonus."""
        shared = sum(1 for entity in report.entities if entity in story.entities)
        bonus = min(shared, 2) * self.settings.story_entity_bonus
        if self.settings.story_linkage == "average":
            members = story.vectors[-self.settings.story_linkage_members:]
            return sum(cosine(report.vector, member) for member in members) / len(members) + bonus
        return cosine(report.vector, story.centroid) + bonus

    def _source_story(self, report: StoryInput) -> StoryDraft | None:
        for source in report.sources:
            if source in self.story_of:
                return self.stories[self.story_of[source]]
        return None

    def _closest_story(self, report: StoryInput) -> StoryDraft | None:
        settings = self.settings
        best, best_score = None, settings.story_join_similarity
        for number in self._candidates(report):
            story = self.stories[number]
            score = self.similarity(report, story)
            if score > best_score or (score == best_score and best is None):
                best, best_score = story, score
        return best

    def _candidates(self, report: StoryInput) -> list[int]:
        """The in-time stories sharing most of the report's strongest terms, at most
        ``story_candidates`` of them, so a report's cost does not grow with the corpus."""
        gap = self.settings.story_gap_days
        recent = (report.published is not None and self._latest is not None
                  and (self._latest - report.published).days <= gap)
        shared: Counter[int] = Counter()
        for term in list(report.vector)[: self.settings.story_index_terms]:
            live = self._live.get(term)
            if live:
                self._archive_stale(term, live)
                shared.update(live)
            if not recent and term in self._archive:
                shared.update(self._archive[term] - (live or set()))
        in_time = [(count, -number) for number, count in shared.items()
                   if self._in_time(report.published, self.stories[number])]
        return [-number for _, number in heapq.nlargest(self.settings.story_candidates, in_time)]

    def _archive_stale(self, term: str, live: set[int]) -> None:
        """Move out of the live postings the stories whose last report is more than twice
        the gap before the latest report: no report within a gap of the latest can join them."""
        if self._latest is None:
            return
        horizon = 2 * self.settings.story_gap_days
        stale = {number for number in live if self.stories[number].last is not None
                 and (self._latest - self.stories[number].last).days > horizon}
        if stale:
            live -= stale
            self._archive[term] |= stale

    def _in_time(self, published: date | None, story: StoryDraft) -> bool:
        if published is None or story.first is None or story.last is None:
            return True
        gap = self.settings.story_gap_days
        return (story.first - published).days <= gap and (published - story.last).days <= gap


def merge_by_reuse(clusterer: StoryClusterer, pairs: list[tuple[str, str]]) -> list[list[str]]:
    """The stories' reports, with stories joined wherever a reuse pair crosses two of them
    (a source placed after its copy, e.g. when the copy is dated and the source is not)."""
    parent = list(range(len(clusterer.stories)))

    def root(number: int) -> int:
        while parent[number] != number:
            parent[number] = parent[parent[number]]
            number = parent[number]
        return number

    for source, target in pairs:
        if source in clusterer.story_of and target in clusterer.story_of:
            a, b = root(clusterer.story_of[source]), root(clusterer.story_of[target])
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[str]] = defaultdict(list)
    for story in clusterer.stories:
        groups[root(story.number)].extend(story.doc_ids)
    return [groups[number] for number in sorted(groups)]
