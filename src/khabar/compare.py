"""Comparisons: one quantity as each source of a story gives it, and whether they agree.

War reporting drifts: 31 killed in one report, 32 in another; 480 km² that a rewrite turns
into «480 كم» and then «أكثر من 400 كم». Inside each story, claims that count the same
thing are put side by side, each with its report, outlet and speaker, and the comparison says
whether the values can all be true together (``agree``) or not (``differ``).

What counts as "the same thing":
1. the same ``quantity`` (killed, arrested, area_controlled …) and unit family; a generic
   measure (a distance, a duration, a sum of money, an uncounted figure) also needs the same
   measured word («5 ضباط» beside «5 ضباط», never beside «100 عمارة»);
2. totals apart from parts («31 قتيلا، بينهم 8 أجانب»: the 8 is compared with other parts);
3. whose (``subject``) when two subjects are named: the army's dead are not the militants';
4. the same period: a figure over «يوم واحد» is not the same quantity as one over «اليوم
   الأول والثاني». A figure without a period joins a period's figures only when its report
   derives from theirs and gives the same value (a rewrite that dropped the window).

Copies never count as confirmation: ``independent_sources`` counts reports joined by reuse
once (``reuse.independence``).
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Iterable

from khabar.extract.lexicons import function_words
from khabar.model import Article, Claim, ComparedValue, Comparison, Reuse, Story
from khabar.reuse.independence import (
    count_independent,
    independent_groups,
    pairs_among,
    reuse_by_doc,
)
from khabar.stories.terms import stem, terms
from khabar.text.normalize import normalize
from khabar.text.tokens import token_spans

# Quantities of claims.py that say only how something is measured, not what is counted.
MEASURES = frozenset({"distance", "duration", "area", "money", "other", "people"})
# Units that are one family for an area controlled: a rewrite drops «مربع» (480 km² → «480 كم»).
AREA_UNITS = frozenset({"km", "km2"})
ABOUT = 0.1  # «نحو 31» is read as 31 ± 10%
MEASURED_WORDS_AFTER = 3
CONTEXT_WORDS = 8  # terms each side of a figure that say which event it counts
CONTEXT_CHARS = 120
CONTEXT_SHARED = 2  # shared terms for two different figures to be of the same event


def compare_claims(stories: list[Story], claims: list[Claim], articles: list[Article],
                   reuse: list[Reuse]) -> list[Comparison]:
    """Every quantity given at least twice inside a story, with its values and verdict.

    Args:
        stories: the stories (``stories.assemble``); claims outside any story are not compared.
        claims: numeric claims (``extract.claims``).
        articles: the reports, for outlets and the words after a figure.
        reuse: reuse pairs, for independent sources and for rewrites that dropped a period.
    RETURNS (list[Comparison]): per story, in the order quantities first appear.
    """
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        by_doc[claim.doc_id].append(claim)
    by_id = {article.id: article for article in articles}
    derived = {(pair.target_id, pair.source_id) for pair in reuse}
    derived |= {(source, target) for target, source in derived}
    reuse_of = reuse_by_doc(reuse)
    comparisons = []
    for story in stories:
        inside = pairs_among(story.doc_ids, reuse_of)
        groups: dict[tuple, list[Claim]] = defaultdict(list)
        for doc_id in story.doc_ids:
            for claim in by_doc.get(doc_id, []):
                key = _key(claim, by_id[doc_id].text)
                if key is not None:
                    groups[key].append(claim)
        for key, members in groups.items():
            for by_period in _by_period(_by_subject(members), derived):
                for same in _one_value_per_report(by_period, by_id):
                    if len(same) >= 2:
                        comparisons.append(_comparison(story, key, same, by_id, inside))
    return comparisons


def over_other_periods(story: Story, claims: list[Claim], articles: dict[str, Article]
                       ) -> list[list[Claim]]:
    """Figures of one kind in a story that count over different periods, from two reports or
    more: not compared (31 killed «في اليوم الأول والثاني» and 32 «خلال يوم واحد» count
    different things), but an analyst should see them side by side."""
    inside = set(story.doc_ids)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.doc_id in inside:
            key = _key(claim, articles[claim.doc_id].text)
            if key is not None:
                groups[key].append(claim)
    found = []
    for members in groups.values():
        for same in _by_subject(members):
            periods = {normalize(claim.period["text"]) if claim.period else "" for claim in same}
            if len(periods) > 1 and len({claim.doc_id for claim in same}) > 1:
                found.append(sorted(same, key=lambda c: (story.doc_ids.index(c.doc_id), c.span)))
    return found


def _key(claim: Claim, text: str) -> tuple | None:
    """What a claim counts, for grouping: quantity, unit family, part or total, measured word."""
    if not claim.quantity:
        return None
    family = "km2" if claim.quantity == "area_controlled" and claim.unit in AREA_UNITS \
        else claim.unit
    measured = ""
    if claim.quantity in MEASURES:
        measured = measured_word(claim, text)
        if not measured:
            return None  # «3 سنوات»: of what? Not comparable with another «4 سنوات».
    return claim.quantity, family, "part" if claim.part_of else "total", measured


def measured_word(claim: Claim, text: str) -> str:
    """The noun a generic figure measures: the last word of its text when that is a noun
    («حوالي 5 ضباط»), else the first content word after it («حوالي 100 عمارة»), as a stem."""
    stop = function_words()
    inside = [normalize(claim.text[a:b]) for a, b in token_spans(claim.text)]
    words = inside[-1:] if inside and inside[-1].isalpha() and len(inside) > 1 else []
    if not words or claim.unit != "count":
        after = text[claim.span[1]: claim.span[1] + 80].split("\n", 1)[0]
        words = [normalize(after[a:b]) for a, b in token_spans(after)][:MEASURED_WORDS_AFTER]
        words = [word for word in words if word.isalpha() and word not in stop][:1]
        if claim.unit != "count" and not words:
            return ""
    return stem(words[0]) if words else ""


def _by_subject(claims: list[Claim]) -> list[list[Claim]]:
    """Split when subjects are named and differ; a claim with no subject joins the largest."""
    named: dict[str, list[Claim]] = defaultdict(list)
    unnamed = []
    for claim in claims:
        (named[claim.subject] if claim.subject else unnamed).append(claim)
    if not named:
        return [unnamed]
    largest = max(named, key=lambda subject: len(named[subject]))
    named[largest].extend(unnamed)
    return list(named.values())


def _by_period(groups: list[list[Claim]], derived: set[tuple[str, str]]
               ) -> Iterable[list[Claim]]:
    """Split by period; ``derived`` holds (doc, doc) pairs joined by reuse, both ways."""
    for claims in groups:
        periods: dict[str, list[Claim]] = defaultdict(list)
        for claim in claims:
            if claim.period:
                periods[normalize(claim.period["text"])].append(claim)
        loose = []
        for claim in claims:
            if claim.period:
                continue
            home = next((members for members in periods.values() if any(
                (claim.doc_id, other.doc_id) in derived and other.value == claim.value
                for other in members)), None)
            (home if home is not None else loose).append(claim)
        yield from periods.values()
        yield loose


def _one_value_per_report(claims: list[Claim], articles: dict[str, Article]
                          ) -> list[list[Claim]]:
    """A report does not disagree with itself: different figures of one quantity in one report
    count different things (two attacks, two towns, two days), unless one is a loose form of
    the other (``_loose_with_exact``). Each such figure opens its own group; a figure of
    another report joins the group giving the same value, else the one whose words around
    the figure it shares most (at least ``CONTEXT_SHARED`` of them), else a group of its own."""
    by_doc: dict[str, dict[tuple, list[Claim]]] = defaultdict(dict)
    for claim in claims:
        by_doc[claim.doc_id].setdefault((claim.value, claim.value_high), []).append(claim)
    if all(len(values) == 1 for values in by_doc.values()):
        return [claims]
    groups: list[tuple[list[Claim], set[str], set[str]]] = []  # claims, docs, context terms
    figures = {doc_id: _loose_with_exact(list(values.values()), articles[doc_id].text)
               for doc_id, values in by_doc.items()}
    for doc_id, buckets in sorted(figures.items(), key=lambda item: -len(item[1])):
        for same_value, context in buckets:
            open_groups = [group for group in groups if doc_id not in group[1]]
            values = {claim.value for claim in same_value}
            home = next((group for group in open_groups if _compatible(group[0] + same_value)
                         and any(claim.value in values for claim in group[0])), None)
            if home is None:
                shared, best = max(((len(context & group[2]), group) for group in open_groups),
                                   key=lambda item: item[0], default=(0, None))
                home = best if shared >= CONTEXT_SHARED else None
            if home is None:
                groups.append((list(same_value), {doc_id}, set(context)))
            else:
                home[0].extend(same_value)
                home[1].add(doc_id)
                home[2].update(context)
    return [group[0] for group in groups]


def _loose_with_exact(buckets: list[list[Claim]], text: str
                      ) -> list[tuple[list[Claim], set[str]]]:
    """One report's figures of a quantity, by value, with their context terms; a loose figure
    («أكثر من 400 كم» in the lead) joins an exact one it fits («480 كم» in the body) when
    their words say the same event (``CONTEXT_SHARED``)."""
    merged: list[tuple[list[Claim], set[str]]] = []
    for bucket in buckets:
        context = set().union(*(_context_terms(claim, text) for claim in bucket))
        loose = any(claim.bound for claim in bucket)
        home = next((other for other in merged
                     if (loose or any(claim.bound for claim in other[0]))
                     and _compatible(other[0] + bucket)
                     and len(context & other[1]) >= CONTEXT_SHARED), None)
        if home is None:
            merged.append((list(bucket), context))
        else:
            home[0].extend(bucket)
            home[1].update(context)
    return merged


def _context_terms(claim: Claim, text: str) -> set[str]:
    """Terms of the words around a figure in its line, the figure's own words left out."""
    start, end = claim.span
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    before = terms(text[max(line_start, start - CONTEXT_CHARS):start])
    after = terms(text[end:min(line_end, end + CONTEXT_CHARS)])
    return set(before[-CONTEXT_WORDS:]) | set(after[:CONTEXT_WORDS])


def _comparison(story: Story, key: tuple, claims: list[Claim], articles: dict[str, Article],
                reuse: list[Reuse]) -> Comparison:
    claims = sorted(claims, key=lambda claim: (story.doc_ids.index(claim.doc_id), claim.span))
    doc_ids = list(dict.fromkeys(claim.doc_id for claim in claims))
    quantity, family, part, measured = key
    subjects = sorted({claim.subject for claim in claims if claim.subject})
    periods = sorted({claim.period["text"] for claim in claims if claim.period})
    units = sorted({claim.unit for claim in claims})
    notes = []
    if len(units) > 1:
        notes.append("units as written differ: " + ", ".join(units))
    groups = independent_groups(doc_ids, reuse)
    if len(groups) < len(doc_ids):
        notes.append(f"{len(doc_ids)} reports, of which some derive from others: "
                     f"{len(groups)} independent source" + ("s" if len(groups) != 1 else ""))
    fingerprint = " ".join([story.id, *map(str, key), *(claim.id for claim in claims)])
    return Comparison(
        story_id=story.id, quantity=quantity, subject=subjects[0] if subjects else None,
        values=[ComparedValue(doc_id=claim.doc_id, claim_id=claim.id, value=claim.value,
                              value_high=claim.value_high,
                              outlet=articles[claim.doc_id].outlet,
                              attributed_to=claim.attributed_to, unit=claim.unit,
                              bound=claim.bound, text=claim.text, span=claim.span,
                              statement_id=claim.statement_id)
                for claim in claims],
        verdict="agree" if _compatible(claims) else "differ",
        independent_sources=count_independent(doc_ids, reuse),
        id="cmp-" + hashlib.sha256(fingerprint.encode()).hexdigest()[:12],
        unit=family, part=part == "part", measured=measured or None,
        period=periods[0] if len(periods) == 1 else None, notes=notes,
    )


def _compatible(claims: list[Claim]) -> bool:
    """Can every value be true at once? Ranges, «نحو» (±10%), «أكثر من» and «أقل من» are
    read as intervals; the values agree when the intervals share a point."""
    low, high = -math.inf, math.inf
    for claim in claims:
        first = float(claim.value)
        last = float(claim.value_high) if claim.value_high is not None else first
        if claim.bound == "at_least":
            last = math.inf
        elif claim.bound == "at_most":
            first = 0.0
        elif claim.bound == "about" or (claim.approx and claim.bound is None):
            first, last = first * (1 - ABOUT), last * (1 + ABOUT)
        low, high = max(low, first), min(high, last)
    return low <= high
