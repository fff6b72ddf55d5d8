"""Crowd events: how a protest went, read from its sentence and the sentences after it.

ACLED codes a protest by what happened to it. A report tells the crowd in one sentence and
what followed in the next («وتجمهر أنصار الحركة وسط نواكشوط … وعلى إثر ذلك، تدخلت وحدات
من مكافحة الشغب لتفريق المتظاهرين»), so the words of ``crowd_words.tsv`` are read over the
protest's sentence and up to ``FOLLOWING`` sentences after it, until the next event told:

- police dispersal (tear gas, water cannon, «تفريق») makes it a «Protest with intervention»,
  the force that intervened (else the country's police) its actor2;
- live fire or «القوة المفرطة» against it makes it «Excessive force against protesters»;
- the crowd's own violence (stones, petrol bombs, arson) makes it a riot, a «Violent
  demonstration» with «Rioters (country)» as actor1;
- protesters arrested («اعتقال نحو 50 متظاهراً») are police intervention at a protest, not
  an arrest of their own: that protest, told again when the report told it before.

ACLED codes one crowd event a place and day: the report's crowd mentions at one place (or
naming none) on days that can be one are one protest, coded as the most it became
(a riot, else a protest with intervention), its later mentions retelling the first.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from khabar.events.detect import (
    ARRESTS,
    CROWD_EVENTS,
    CROWD_WORDS_FILE,
    FORCES,
    EventMention,
    crowd_causes,
    date_range,
    default_actors,
)
from khabar.link.actors import find_actors, inter_of, resolve
from khabar.model import Span
from khabar.resources import load_tsv
from khabar.text.phrases import PhraseTable, find_phrases, fold_phrase
from khabar.text.sentences import sentence_spans
from khabar.text.tokens import fold_and_tokenize

FOLLOWING = 2  # sentences after a protest's own that may tell how it went
PROTESTS, RIOTS = "Protests", "Riots"
INTERVENTION = "Protest with intervention"
VIOLENT_DEMONSTRATION = "Violent demonstration"
POLICE = "Police Forces of {country}"
PROTESTERS = "Protesters"
EXCESSIVE_FORCE = "Excessive force against protesters"
CROWD_INTERS = frozenset({"5", "6"})  # ACLED inter: rioters, protesters
# the more a protest became, the later in this order: a crowd event is coded as its most
ESCALATION = ("Peaceful protest", INTERVENTION, EXCESSIVE_FORCE, VIOLENT_DEMONSTRATION)


@cache
def crowd_words() -> PhraseTable[str]:
    """Folded form → its kind: intervention, lethal or violence (``crowd_words.tsv``)."""
    return PhraseTable((fold_phrase(row["form"]), row["kind"])
                       for row in load_tsv(CROWD_WORDS_FILE) if row["kind"] != "cause")


def crowd_outcomes(text: str, mentions: list[EventMention]) -> list[EventMention]:
    """One report's event mentions, its protests coded by how they went and its arrests of
    protesters coded as the protests they ended."""
    sentences = sentence_spans(text)
    coded: list[EventMention] = []
    for index, mention in enumerate(mentions):
        arrested = _protesters_arrested(mention)
        if mention.event_type not in CROWD_EVENTS and not arrested:
            coded.append(mention)
            continue
        country = mention.place.country if mention.place else None
        window = _window(text, mention, mentions[index + 1:], sentences)
        kinds = _kinds_told(text, window)
        actor1, actor2 = mention.actor1, mention.actor2
        if arrested:  # the police arrested them: the protest, the police as actor2
            kinds.add("intervention")
            actor1, actor2 = mention.actor2, mention.actor1
        if actor2 is not None and inter_of(actor2) not in FORCES:
            actor2 = None  # «تظاهر أنصار حزب العمال»: whom a crowd supports is no side
        event_type, sub_type = mention.event_type, mention.sub_event_type
        if "violence" in kinds:
            event_type, sub_type = RIOTS, VIOLENT_DEMONSTRATION
            actor1 = resolve(default_actors()[(RIOTS, "")], country)
        elif "lethal" in kinds:
            event_type, sub_type = PROTESTS, EXCESSIVE_FORCE
        elif "intervention" in kinds:
            event_type, sub_type = PROTESTS, INTERVENTION
        if kinds & {"intervention", "lethal"} and actor2 is None:
            actor2 = resolve(POLICE, country)
        told_before = mention.told_before or (arrested and any(
            other.event_type in CROWD_EVENTS for other in coded))
        coded.append(replace(mention, event_type=event_type, sub_event_type=sub_type,
                             actor1=actor1, actor2=actor2, told_before=told_before,
                             fatalities_reported=_own_tolls(text, mention)))
    return _one_a_place_and_day(coded)


def _one_a_place_and_day(mentions: list[EventMention]) -> list[EventMention]:
    """The report's crowd mentions of one place and day as one protest: each coded as the
    most the protest became, with the force that intervened, every later one a retelling
    of the first."""
    groups: list[list[int]] = []
    for index, mention in enumerate(mentions):
        if mention.event_type not in CROWD_EVENTS:
            continue
        home = next((group for group in groups
                     if _same_crowd(mentions[group[0]], mention)), None)
        if home is None:
            groups.append([index])
        else:
            home.append(index)
    coded = list(mentions)
    for group in groups:
        members = [mentions[index] for index in group]
        most = max(members, key=lambda m: _escalation(m.sub_event_type))
        actor2 = next((m.actor2 for m in members if m.actor2), None)
        for rank, index in enumerate(group):
            coded[index] = replace(
                mentions[index], event_type=most.event_type, sub_event_type=most.sub_event_type,
                actor1=most.actor1, actor2=actor2,
                told_before=mentions[index].told_before or rank > 0)
    return coded


def _escalation(sub_type: str) -> int:
    return ESCALATION.index(sub_type) if sub_type in ESCALATION else 0


def _same_crowd(first: EventMention, later: EventMention) -> bool:
    """Whether two crowd mentions of a report can be one protest: one place (or one of
    them names none in its sentence) and days that can be one."""
    if first.place_in_sentence and later.place_in_sentence and (
            first.place is None or later.place is None or first.place.name != later.place.name):
        return False
    if not first.event_date or not later.event_date:
        return not later.new_scene
    first_from, first_to = date_range(first.event_date, first.date_precision, first.date_last)
    later_from, later_to = date_range(later.event_date, later.date_precision, later.date_last)
    return first_from <= later_to and later_from <= first_to


def _own_tolls(text: str, mention: EventMention) -> list[dict]:
    """The crowd's own dead: not a toll told after a word of what it reacts to («بعد مقتل
    ثلاثة أشخاص»)."""
    start = mention.span[0]
    folded = fold_and_tokenize(text[start:mention.span[1]])
    causes = [start + match.start for match in find_phrases(folded, crowd_causes())]
    return [figure for figure in mention.fatalities_reported
            if not any(cause < figure["span"][0] for cause in causes)]


def _protesters_arrested(mention: EventMention) -> bool:
    return mention.sub_event_type == ARRESTS and bool(mention.actor2) and \
        mention.actor2.startswith(PROTESTERS)


def _window(text: str, mention: EventMention, later: list[EventMention],
            sentences: list[Span]) -> Span:
    """The protest's sentence and up to ``FOLLOWING`` sentences after it that still tell of
    the crowd (name protesters or rioters: «لتفريق المتظاهرين الذين رشقوا القوات»), cut
    where a later sentence tells the report's next event."""
    end = mention.span[1]
    own_end = next((sentence_end for start, sentence_end in sentences
                    if start <= mention.span[0] < sentence_end), end)
    # the clause after it in its sentence («… بعد مقتل ثلاثة أشخاص في الاشتباكات») does not
    # end the crowd's story; the next sentence's event does
    stop = next((other.span[0] for other in later if other.span[0] >= own_end), len(text))
    after = [span for span in sentences if span[0] >= own_end][:FOLLOWING]
    for start, sentence_end in after:
        if start >= stop or not _names_crowd(text[start:sentence_end]):
            break
        end = sentence_end
    return mention.span[0], end


def _names_crowd(sentence: str) -> bool:
    return any(actor.inter in CROWD_INTERS for actor in find_actors(fold_and_tokenize(sentence)))


def _kinds_told(text: str, window: tuple[int, int]) -> set[str]:
    folded = fold_and_tokenize(text[window[0]:window[1]])
    return {match.value for match in find_phrases(folded, crowd_words())}
