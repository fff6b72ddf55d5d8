"""Events: the same event told by several reports becomes one record listing them all.

Mentions merge inside a story (``stories``), never across: two air strikes on one town a
week apart are two events. Within a story, two mentions of the same ACLED type and sub-type
are one event when:

- their sentences are one passage copied by reuse (a rewrite retelling the same sentence), or
- they come from different reports, both dated, with dates that can be the same day (a
  date's precision makes it a range: «الأسبوع الماضي» is seven days), and name the same
  place (or one of them names none in its sentence, or the region or country the other's
  town is in), or
- they come from one report, both with a date in their sentence that can be the same day and
  the same place named in both sentences (or a region, then a town in it with no day of
  its own: «… بمحافظة شمال سيناء», «… بمدينة رفح التابعة لمحافظة شمال سيناء»), or
- the later one retells the nearest earlier one of its kind in the report: it gives no place,
  date or «وفي …» scene of its own (nor does the sentence before it), and names no other
  side acting («وقال شهود إن الاشتباكات استمرت ساعات»).

A sentence that sets its own scene joins nothing but its copies: one report's «في اليوم
الأول» and «في اليوم الخامس» are different days of fighting, and merging them would merge
their tolls.

Fatalities follow ACLED: a report's toll for an event is the sum of its sentence's killed
figures (the army's and the militants' dead), the event's is the lowest toll among its
reports, and every figure is kept in ``fatalities_reported`` beside who gave it. Copies never
count as separate sources (``independent_sources``).
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict

from khabar.events.detect import REGION, EventMention, PlaceHit, date_range
from khabar.link.actors import UNIDENTIFIED
from khabar.model import Article, Event, EventSpan, Reuse, Story
from khabar.reuse.independence import count_independent, pairs_among, reuse_by_doc
from khabar.text.spans import overlaps

PRECISION_ORDER = {"day": 0, "week": 1, "month": 2, "year": 3}
# sub-types of one strike, blast or attack that a report names again («الانفجار وقع …»)
ATTACKS = frozenset({"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack",
                     "Remote explosive/landmine/IED", "Suicide bomb", "Grenade", "Attack",
                     "Abduction/forced disappearance"})
VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def merge_events(mentions: list[EventMention], stories: list[Story], articles: list[Article],
                 reuse: list[Reuse]) -> list[Event]:
    """One event per group of mentions of the same event; events in date order."""
    story_of = {doc: story.id for story in stories for doc in story.doc_ids}
    copied = _copied_sentences(reuse)
    retold = _retold(mentions)
    groups: list[list[EventMention]] = []
    group_of: dict[int, list[EventMention]] = {}
    in_story: dict[str | None, list[list[EventMention]]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.event_date or "", m.doc_id, m.span)):
        if id(mention) in retold:
            continue
        story = story_of.get(mention.doc_id)
        home = next((group for group in in_story[story]
                     if all(_same_event(other, mention, copied) for other in group)), None)
        if home is None:
            groups.append([mention])
            in_story[story].append(groups[-1])
            home = groups[-1]
        else:
            home.append(mention)
        group_of[id(mention)] = home
    for mention in sorted(mentions, key=lambda m: (m.doc_id, m.span)):
        if id(mention) in retold:  # in text order, so the mention retold has its group
            group_of[id(mention)] = group_of[id(retold[id(mention)])]
            group_of[id(mention)].append(mention)
    outlets = {article.id: article.outlet for article in articles}
    reuse_of = reuse_by_doc(reuse)
    events = [_event(group, outlets, pairs_among({m.doc_id for m in group}, reuse_of))
              for group in groups]
    return sorted(events, key=lambda event: (event.event_date or "", event.id))


def _same_event(a: EventMention, b: EventMention, copied: Copied) -> bool:
    if (a.event_type, a.sub_event_type) != (b.event_type, b.sub_event_type):
        return False
    different_places = bool(a.place and b.place and a.place.name != b.place.name
                            and not _contains(a.place, b.place)
                            and not _contains(b.place, a.place))
    if different_places and (a.split_among or b.split_among):
        return False  # a copied sentence listing towns tells one event at each
    if _is_copy(a, b, copied) or _is_copy(b, a, copied):
        return True
    if different_places:
        return False
    if a.doc_id == b.doc_id:
        # «… بمحافظة شمال سيناء» then «… بمدينة رفح» with no day of its own: the bombing
        # told again where it was
        both_dated = a.date_in_sentence and b.date_in_sentence
        nested = bool(a.place and b.place and a.place.name != b.place.name)
        # «انفجار عبوة ناسفة … يوم الأحد بمدينة العريش», then «أن الانفجار وقع بمنطقة
        # الخلفاء … بالعريش»: the bombing named again, with its place and no day
        # (not ground taken: «السيطرة على» names each stretch of an advance)
        later = max(a, b, key=lambda mention: mention.span)
        named_again = (later.definite and not later.date_in_sentence
                       and later.sub_event_type in ATTACKS)
        return (a.place_in_sentence and b.place_in_sentence and _dates_overlap(a, b)
                and (both_dated or nested or named_again))
    return _dates_overlap(a, b)


def _retold(mentions: list[EventMention]) -> dict[int, EventMention]:
    """Mentions that retell an event their report told before → that mention: one with no
    place, date or scene of its own («وأسفر التفجير عن …» after the bombing) and the same
    kind of event and side as the nearest earlier mention of that kind; one pointing back
    («إدانته للتفجير الانتحاري الذي استهدف …», ``told_before``) to the nearest earlier
    mention of its event type at its place, or else of another violent type."""
    retold: dict[int, EventMention] = {}
    by_doc: dict[str, list[EventMention]] = defaultdict(list)
    for mention in sorted(mentions, key=lambda m: (m.doc_id, m.span)):
        earlier = next((other for other in reversed(by_doc[mention.doc_id])
                        if (other.event_type, other.sub_event_type)
                        == (mention.event_type, mention.sub_event_type)), None)
        if earlier is not None and not mention.new_scene and _same_side(earlier, mention):
            retold[id(mention)] = retold.get(id(earlier), earlier)
        elif mention.told_before:
            # «نفذت الهجوم» after a suicide bombing: a retelling may name the event it
            # retells with a word of another kind; one of its own kind comes first
            placed = [other for other in reversed(by_doc[mention.doc_id])
                      if not mention.place_in_sentence or _within(other, mention)]
            earlier = next((other for other in placed
                            if other.event_type == mention.event_type), None) or next(
                (other for other in placed
                 if {other.event_type, mention.event_type} <= VIOLENT_TYPES), None)
            if earlier is not None:
                retold[id(mention)] = retold.get(id(earlier), earlier)
        by_doc[mention.doc_id].append(mention)
    return retold


def _contains(region: PlaceHit, town: PlaceHit) -> bool:
    """Whether a region or country is where a town lies («بمحافظة شمال سيناء» of «بمدينة
    رفح التابعة لمحافظة شمال سيناء»): one place for an event told at both. A governorate
    is named in the gazetteer as news names it («Jazan Region»), its admin1 as ACLED does
    («Jazan»): the town's admin1 may be either."""
    return region.precision >= REGION > town.precision and (
        town.admin1 in {region.name, region.admin1} - {None, ""}
        or town.country == region.name)


def _within(told: EventMention, retelling: EventMention) -> bool:
    """Whether the retelling's place is the told event's, or a region or country it may
    lie in («ضد التفجير» «في السعودية» of a bombing in Asir)."""
    return bool(told.place and retelling.place) and (
        told.place.name == retelling.place.name or retelling.place.precision >= REGION)



def _same_side(a: EventMention, b: EventMention) -> bool:
    """Whether two mentions can have one actor1 (a retaliation has the other side's); an
    unidentified group is anyone's."""
    def known(actor: str | None) -> bool:
        return bool(actor) and not actor.startswith(UNIDENTIFIED)

    return not known(a.actor1) or not known(b.actor1) or a.actor1 == b.actor1


Copied = dict[tuple[str, str], list[tuple[tuple[int, int], tuple[int, int]]]]


def _copied_sentences(reuse: list[Reuse]) -> Copied:
    """(source doc, target doc) → (source span, target span) of each reused passage."""
    copied: Copied = defaultdict(list)
    for pair in reuse:
        for passage in pair.passages:
            copied[(pair.source_id, pair.target_id)].append(
                (tuple(passage.source_span), tuple(passage.target_span)))
    return copied


def _is_copy(source: EventMention, target: EventMention, copied: Copied) -> bool:
    """Whether the target's sentence retells the source's through a reused passage."""
    return any(overlaps(span, source.span) and overlaps(to_span, target.span)
               for span, to_span in copied.get((source.doc_id, target.doc_id), ()))


def _dates_overlap(a: EventMention, b: EventMention) -> bool:
    if not a.event_date or not b.event_date:
        return False
    first_a, last_a = date_range(a.event_date, a.date_precision, a.date_last)
    first_b, last_b = date_range(b.event_date, b.date_precision, b.date_last)
    return first_a <= last_b and first_b <= last_a


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
    fingerprint = " ".join(f"{m.doc_id}:{m.span[0]}:{m.sub_event_type}"
                           + (f":{m.place.name}" if m.split_among else "") for m in group)
    claimed = [m.claimed_by for m in group if m.claimed_by]
    actor1 = _commonest(m.actor1 for m in group)
    return Event(
        id="evt-" + hashlib.sha256(fingerprint.encode()).hexdigest()[:12],
        event_date=dated[0].event_date if dated else None,
        date_precision=dated[0].date_precision if dated else None,
        event_type=first.event_type, sub_event_type=first.sub_event_type,
        actor1=actor1, actor2=_commonest(m.actor2 for m in group if m.actor2 != actor1),
        location=place.name if place else None, admin1=place.admin1 if place else None,
        country=place.country if place else None,
        latitude=place.latitude if place else None, longitude=place.longitude if place else None,
        geo_precision=(place.precision if placed[0].place_in_sentence else max(place.precision, 2))
        if place else None,
        fatalities=min((toll for m in group if (toll := _toll(m)) is not None), default=None),
        fatalities_reported=reported, doc_ids=doc_ids,
        outlets=sorted({outlets[doc] for doc in doc_ids if outlets.get(doc)}),
        spans=spans,
        claimed_by=claimed, independent_sources=count_independent(doc_ids, reuse),
        triggers=sorted({m.trigger for m in group}),
        split_among=next((m.split_among for m in group if m.split_among), []),
        actor1_from=None if any(m.actor1 == actor1 and not m.actor1_from for m in group)
        else next((m.actor1_from for m in group if m.actor1 == actor1), None),
    )


def _toll(mention: EventMention) -> int | None:
    """One sentence's dead: the sum of its killed figures (they count different people);
    for one of the towns a sentence lists, an even share of it (the first towns take what
    does not divide), so the towns' tolls add up to the sentence's."""
    values = [int(figure["value"]) for figure in mention.fatalities_reported]
    if not values:
        return None
    index, count = mention.share
    whole, rest = divmod(sum(values), count)
    return whole + (index < rest)


def _commonest(values) -> str | None:
    counted = Counter(value for value in values if value)
    return counted.most_common(1)[0][0] if counted else None
