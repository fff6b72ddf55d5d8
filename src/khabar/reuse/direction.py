"""Which of two reports with shared text is the source, on what evidence, and what kind.

Evidence, strongest first (the order of the issue and of newsroom practice):
1. citation: the target names the other report's outlet («فى حوار مع موقع "العين الإخبارية"»);
2. date: one was published earlier;
3. containment: one holds nearly all of the other's sentences plus more of its own.
When both name the same wire agency and neither names the other, they are siblings of a
common source: the agency is recorded and the direction between them is ``unknown``, since a
shared wire text is not one paper copying the other.
"""

from __future__ import annotations

from dataclasses import dataclass

from khabar.model import Article
from khabar.reuse.align import Alignment
from khabar.reuse.citations import Citation, cites
from khabar.settings import Settings


@dataclass(frozen=True)
class Direction:
    source: Article
    target: Article
    evidence: list[str]  # citation / date / containment, or ["unknown"]
    citation: Citation | None
    common_source: str | None


def decide_direction(first: Article, second: Article, first_citations: list[Citation],
                     second_citations: list[Citation], second_from_first: Alignment,
                     first_from_second: Alignment, settings: Settings) -> Direction:
    """Direction of reuse between two reports, with the evidence that decided it.

    Args:
        second_from_first: alignment of ``second`` (as target) against ``first``.
        first_from_second: alignment of ``first`` (as target) against ``second``.
    """
    second_cites = next((c for c in second_citations if cites(c, first.outlet)), None)
    first_cites = next((c for c in first_citations if cites(c, second.outlet)), None)
    votes = {
        "citation": _vote(second_cites is not None, first_cites is not None),
        "date": _vote(*_earlier(first, second)),
        "containment": _vote(
            _contains(first_from_second.target_coverage, second_from_first.target_coverage,
                      settings),
            _contains(second_from_first.target_coverage, first_from_second.target_coverage,
                      settings)),
    }
    common = _common_agency(first, second, first_citations, second_citations)
    decided = next((vote for kind, vote in votes.items() if vote), None)
    if decided is None or (common and not votes["citation"]):
        source, target = _by_coverage(first, second, second_from_first, first_from_second)
        return Direction(source, target, ["unknown"], None, common)
    source, target = (first, second) if decided == "first" else (second, first)
    evidence = [kind for kind, vote in votes.items() if vote == decided]
    citation = second_cites if decided == "first" else first_cites
    return Direction(source, target, evidence, citation if votes["citation"] else None, common)


def reuse_kind(one_way: Alignment, other_way: Alignment, settings: Settings) -> str:
    """duplicate / rewrite / partial, from how much of the more-copied report is shared.

    The kind describes the pair, whichever way it points: a wire item reprinted whole inside
    a longer report is a duplicate of it, even though the longer report, if it is the target,
    has a low ``target_coverage``. (The team's development set labels pairs this way.)
    """
    alignment = max(one_way, other_way, key=lambda a: (a.target_coverage, a.similarity))
    if (alignment.target_coverage >= settings.duplicate_coverage
            and alignment.similarity >= settings.duplicate_similarity):
        return "duplicate"
    if alignment.target_coverage >= settings.rewrite_coverage:
        return "rewrite"
    return "partial"


def _vote(first_is_source: bool, second_is_source: bool) -> str | None:
    if first_is_source == second_is_source:
        return None  # neither, or contradictory evidence: this rule does not decide
    return "first" if first_is_source else "second"


def _earlier(first: Article, second: Article) -> tuple[bool, bool]:
    if not first.published or not second.published or first.published == second.published:
        return False, False
    return first.published < second.published, second.published < first.published


def _contains(contained_coverage: float, container_coverage: float, settings: Settings
              ) -> bool:
    """The contained report is the source: nearly all of it is in the container, which has
    clearly more text of its own."""
    return (contained_coverage >= settings.contained_coverage
            and container_coverage <= contained_coverage - settings.containment_margin)


def _common_agency(first: Article, second: Article, first_citations: list[Citation],
                   second_citations: list[Citation]) -> str | None:
    named_first = {c.outlet or c.name for c in first_citations}
    for citation in second_citations:
        name = citation.outlet or citation.name
        if name in named_first and name not in {first.outlet, second.outlet}:
            return citation.outlet or citation.text
    return None


def _by_coverage(first: Article, second: Article, second_from_first: Alignment,
                 first_from_second: Alignment) -> tuple[Article, Article]:
    # Undecided: report the pair with the more-derived report as target, ties by id.
    if second_from_first.target_coverage != first_from_second.target_coverage:
        if second_from_first.target_coverage > first_from_second.target_coverage:
            return first, second
        return second, first
    return (first, second) if first.id < second.id else (second, first)
