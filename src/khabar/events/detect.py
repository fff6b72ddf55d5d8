"""Event mentions: the sentences of one report that say a physical or strategic event
happened, coded the way ACLED codes events.

A sentence is an event mention when it holds a trigger (``triggers.tsv``: «غارة جوية» →
Explosions/Remote violence, Air/drone strike; «اشتباكات» → Battles, Armed clash;
«اعتقلت» → Strategic developments, Arrests). The rest of the record comes from what the
earlier stages found in the same sentence:

- **actors** from the actor lexicon (``link.actors``) in the order the sentence names
  them: the first before the trigger acts (actor1), the next one is acted on (actor2);
  «الجيش» takes the event's country («Military Forces of Syria»);
- **place**: the most precise place named in the sentence, else the report's most named
  place (less precise: the sentence did not say where);
- **date**: a date named in the sentence, else the publication date at week precision;
- **fatalities**: the «killed» claims of the sentence, each kept with who gave it.

A sentence inside a statement is the speaker's account, not the system's: the mention keeps
the statement and speaker (``claimed_by``), and the event's notes say «according to».
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from khabar.link.actors import ActorName, find_actors, resolve
from khabar.model import Article, Claim, Statement
from khabar.resources import load_tsv
from khabar.text.phrases import PhraseTable, find_phrases, fold_phrase
from khabar.text.sentences import sentence_spans
from khabar.text.tokens import FoldedText, fold_and_tokenize

TRIGGERS_FILE = "events/triggers.tsv"
NOT_HAPPENED_FILE = "events/not_happened.tsv"
TARGET_WORDS_FILE = "events/target_words.tsv"
STATE_FORCES = "1"


@dataclass(frozen=True)
class PlaceHit:
    """A place named in a report, resolved by the geocoder (``link.geocode``)."""

    start: int
    end: int
    name: str  # canonical name
    country: str | None  # English country name
    admin1: str | None
    latitude: float | None
    longitude: float | None
    precision: int  # ACLED geo_precision: 1 the place, 2 near / part of it, 3 region


@dataclass(frozen=True)
class DateHit:
    """A date named in a report, resolved against its publication date (``extract.dates``)."""

    start: int
    end: int
    value: str | None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    precision: str  # day / week / month / year
    last: str | None = None  # the last day of a period («الأيام الماضية»), when it has one


@dataclass
class EventMention:
    """One report's sentence about one event, before reports are merged."""

    doc_id: str
    span: tuple[int, int]  # the sentence
    text: str
    trigger: str
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    place: PlaceHit | None
    place_in_sentence: bool
    event_date: str | None
    date_precision: str | None
    date_last: str | None = None  # a period's last day
    date_in_sentence: bool = False  # False: the report's publication date stands in
    fatalities_reported: list[dict] = field(default_factory=list)
    claimed_by: dict | None = None  # {statement_id, speaker} when a speaker says it


@cache
def triggers() -> PhraseTable[tuple[int, str, str]]:
    """Folded form → (row order, event type, sub-event type)."""
    return PhraseTable((fold_phrase(row["form"]), (order, row["event_type"],
                                                   row["sub_event_type"]))
                       for order, row in enumerate(load_tsv(TRIGGERS_FILE)))


def article_event_mentions(article: Article, claims: list[Claim], places: list[PlaceHit],
                           dates: list[DateHit], statements: list[Statement] = ()
                           ) -> list[EventMention]:
    """The event mentions of one report, in text order (one event a sentence)."""
    default_place = _main_place(places)
    published = _publication_day(article.published)
    specific = frozenset(actor.name for actor in find_actors(fold_and_tokenize(article.text))
                         if not actor.generic)
    mentions = []
    for start, end in sentence_spans(article.text):
        sentence = article.text[start:end]
        folded = fold_and_tokenize(sentence)
        found = _match(folded, triggers())
        if not found or _not_happened(sentence, folded):
            continue
        named_actors = find_actors(folded, start)
        inside = [place for place in places if start <= place.start and place.end <= end]
        place = _most_precise(inside) or default_place
        when = [hit for hit in dates if start <= hit.start and hit.end <= end and hit.value]
        killed = [claim for claim in claims if claim.quantity == "killed" and not claim.part_of
                  and start <= claim.span[0] and claim.span[1] <= end]
        statement = _statement_telling(statements, start, end)
        if statement is not None and statement.polarity == "deny":
            continue  # «نفى … استهداف المدنيين»: the speaker says it did not happen
        _, offset, form, event_type, sub_type = min(found)  # one event a sentence
        actor1, actor2 = _roles(named_actors, start + offset, _targets(folded, start),
                                place.country if place else None, specific)
        if sub_type == "territory":
            sub_type = _territory(named_actors, actor1)
        mentions.append(EventMention(
            doc_id=article.id, span=(start, end), text=sentence, trigger=form,
            event_type=event_type, sub_event_type=sub_type, actor1=actor1, actor2=actor2,
            place=place, place_in_sentence=bool(inside),
            event_date=when[0].value if when else published,
            date_precision=when[0].precision if when else ("week" if published else None),
            date_last=when[0].last if when else None, date_in_sentence=bool(when),
            fatalities_reported=[_reported(claim) for claim in killed],
            claimed_by={"statement_id": statement.id, "speaker": statement.speaker,
                        "speaker_text": statement.speaker_text} if statement else None,
        ))
    return mentions


@cache
def not_happened_words() -> PhraseTable[str]:
    """Folded form → the form as listed (``not_happened.tsv``)."""
    return PhraseTable((fold_phrase(row["form"]), row["form"])
                       for row in load_tsv(NOT_HAPPENED_FILE))


def _not_happened(sentence: str, folded: FoldedText) -> bool:
    """A question, or a sentence of the future, intent or condition (``not_happened.tsv``)."""
    return sentence.rstrip().endswith(("؟", "?")) or bool(
        find_phrases(folded, not_happened_words()))


def _match(folded: FoldedText, table: PhraseTable[tuple[int, str, str]]
           ) -> list[tuple[int, int, str, str, str]]:
    """Longest trigger forms in a sentence: (row order, original offset, form, type, sub)."""
    return [(hit.value[0], hit.start, hit.written, *hit.value[1:])
            for hit in find_phrases(folded, table)]


def _roles(named: list[ActorName], trigger_at: int, targets: list[int],
           country: str | None, specific: frozenset[str] = frozenset()
           ) -> tuple[str | None, str | None]:
    """actor1: the actor that is the trigger, else the last actor named before the trigger,
    else the first after it; actor2: the next different actor. An actor after the trigger
    and a target word («غارة استهدفت مسلحي داعش») is acted on: with no actor before the
    trigger, actor1 is unknown. A generic name («الجيش») is narrowed by ``link.actors``."""
    def name(actor: ActorName) -> str:
        return resolve(actor.name, actor.country or country, specific, actor.written)

    # an actor that is the event word itself acts: «سلاح الجو الليبي» (an air strike)
    acting = [actor for actor in named if actor.start == trigger_at]
    before = [actor for actor in named if actor.start < trigger_at]
    after = [actor for actor in named if actor.start > trigger_at]
    targeted = (not before and not acting and after
                and any(trigger_at < at < after[0].start for at in targets))
    ordered = acting + ([before[-1]] if before else []) + after + before[:-1]
    distinct = list(dict.fromkeys(name(actor) for actor in ordered))
    if targeted:
        return None, distinct[0]
    return (distinct[0] if distinct else None), (distinct[1] if len(distinct) > 1 else None)


@cache
def target_words() -> PhraseTable[str]:
    """Folded form → the form as listed (``target_words.tsv``)."""
    return PhraseTable((fold_phrase(row["form"]), row["form"])
                       for row in load_tsv(TARGET_WORDS_FILE))


def _targets(folded: FoldedText, offset: int) -> list[int]:
    """Where the sentence's target words start (original offsets)."""
    return [hit.start + offset for hit in find_phrases(folded, target_words())]


def _territory(named: list[ActorName], actor1: str | None) -> str:
    """Who took the ground decides the sub-type; unknown takers are coded as a clash."""
    inter = next((actor.inter for actor in named
                  if actor1 and actor.name.split(" (")[0] in actor1), None)
    if inter is None:
        return "Armed clash"
    return ("Government regains territory" if inter == STATE_FORCES
            else "Non-state actor overtakes territory")


def _statement_telling(statements: list[Statement], start: int, end: int) -> Statement | None:
    """The statement whose content holds most of the sentence (at least half of it)."""
    def overlap(statement: Statement) -> int:
        first, last = statement.content_span
        return min(end, last) - max(start, first)

    best = max(statements, key=overlap, default=None)
    return best if best is not None and 2 * overlap(best) >= end - start else None


def _reported(claim: Claim) -> dict:
    return {"value": claim.value, "value_high": claim.value_high, "bound": claim.bound,
            "claim_id": claim.id, "doc_id": claim.doc_id, "text": claim.text,
            "span": claim.span, "attributed_to": claim.attributed_to,
            "statement_id": claim.statement_id}


def _most_precise(places: list[PlaceHit]) -> PlaceHit | None:
    return min(places, key=lambda place: (place.precision, place.start), default=None)


def _main_place(places: list[PlaceHit]) -> PlaceHit | None:
    """The report's most named town or city (not a country or region), for sentences that
    do not say where; its precision drops to 2 (near the place named)."""
    towns = [place for place in places if place.precision < 3]
    if not towns:
        return None
    name, _ = Counter(place.name for place in towns).most_common(1)[0]
    first = next(place for place in towns if place.name == name)
    return PlaceHit(first.start, first.end, first.name, first.country, first.admin1,
                    first.latitude, first.longitude, max(first.precision, 2))


def _publication_day(published: str | None) -> str | None:
    try:
        return date.fromisoformat(published[:10]).isoformat() if published else None
    except ValueError:
        return None
