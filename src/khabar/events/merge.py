"""Events: the same event told by several reports becomes one record listing them all.

Mentions merge inside a story (``stories``), never across: two air strikes on one town a
week apart are two events. Within a story, mentions merge when they have the same ACLED type
and sub-type, name the same place (or one names none), and their dates can be the same day
(a date's precision makes it a range: «الأسبوع الماضي» is seven days).

Fatalities follow ACLED: the most conservative reported figure, with every figure kept in
``fatalities_reported`` beside who gave it. Copies never count as separate sources
(``independent_sources``).
"""

from __future__ import annotations

import calendar
import hashlib
from collections import Counter
from datetime import date, timedelta

from khabar.events.detect import EventMention
from khabar.model import Article, Event, EventSpan, Reuse, Story
from khabar.reuse.independence import count_independent

PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}


def merge_events(mentions: list[EventMention], stories: list[Story], articles: list[Article],
                 reuse: list[Reuse]) -> list[Event]:
    """One event per group of mentions of the same event; events in date order."""
    story_of = {doc: story.id for story in stories for doc in story.doc_ids}
    groups: list[list[EventMention]] = []
    for mention in sorted(mentions, key=lambda m: (m.event_date or "", m.doc_id, m.span)):
        home = next((group for group in groups
                     if story_of.get(group[0].doc_id) == story_of.get(mention.doc_id)
                     and all(_same_event(other, mention) for other in group)), None)
        if home is None:
            groups.append([mention])
        else:
            home.append(mention)
    outlets = {article.id: article.outlet for article in articles}
    events = [_event(group, outlets, reuse) for group in groups]
    return sorted(events, key=lambda event: (event.event_date or "", event.id))


def _same_event(a: EventMention, b: EventMention) -> bool:
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    if a.place_in_sentence and b.place_in_sentence and a.place and b.place and \
            a.place.name != b.place.name:
        return False
    if (a.place and b.place) and not (a.place_in_sentence and b.place_in_sentence) and \
            a.place.name != b.place.name:
        return False
    return _dates_overlap(a, b)


def _dates_overlap(a: EventMention, b: EventMention) -> bool:
    if not a.event_date or not b.event_date:
        return True
    first_a, last_a = date_range(a.event_date, a.date_precision)
    first_b, last_b = date_range(b.event_date, b.date_precision)
    return first_a <= last_b and first_b <= last_a


def date_range(value: str, precision: str | None) -> tuple[date, date]:
    """The days a date of some precision may stand for; a week ends on its date (an
    undated event reported on a day happened in the days before)."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    if len(parts) == 2 or precision == "month":
        year, month = parts[0], parts[1]
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(*parts[:3])
    if precision == "week":
        return day - timedelta(days=6), day
    return day, day


def _event(group: list[EventMention], outlets: dict[str, str | None],
           reuse: list[Reuse]) -> Event:
    first = group[0]
    dated = sorted((m for m in group if m.event_date),
                   key=lambda m: PRECISION_ORDER.get(m.date_precision or "year", 3))
    placed = sorted((m for m in group if m.place),
                    key=lambda m: (not m.place_in_sentence, m.place.precision))
    place = placed[0].place if placed else None
    doc_ids = list(dict.fromkeys(m.doc_id for m in group))
    reported = [figure for m in group for figure in m.fatalities_reported]
    spans = [EventSpan(m.doc_id, m.span, m.text) for m in group]
    fingerprint = " ".join(f"{m.doc_id}:{m.span[0]}:{m.sub_event_type}" for m in group)
    claimed = [m.claimed_by for m in group if m.claimed_by]
    return Event(
        id="evt-" + hashlib.sha256(fingerprint.encode()).hexdigest()[:12],
        event_date=dated[0].event_date if dated else None,
        date_precision=dated[0].date_precision if dated else None,
        event_type=first.event_type, sub_event_type=first.sub_event_type,
        actor1=_commonest(m.actor1 for m in group), actor2=_commonest(m.actor2 for m in group),
        location=place.name if place else None, admin1=place.admin1 if place else None,
        country=place.country if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=(place.precision if placed[0].place_in_sentence else max(place.precision, 2))
        if place else None,
        fatalities=min((int(figure["value"]) for figure in reported), default=None),
        fatalities_reported=reported, doc_ids=doc_ids,
        outlets=sorted({outlets[doc] for doc in doc_ids if outlets.get(doc)}),
        spans=spans,
        claimed_by=claimed, independent_sources=count_independent(doc_ids, reuse),
        triggers=sorted({m.trigger for m in group}),
    )


def _commonest(values) -> str | None:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else None
