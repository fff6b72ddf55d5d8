"""Event mentions: the sentences of one report that say a physical or strategic event
happened, coded the way ACLED codes events.

A sentence is an event mention when it holds a trigger (``triggers.tsv``: «غارة جوية» →
Explosions/Remote violence, Air/drone strike; «اشتباكات» → Battles, Armed clash;
«اعتقلت» → Strategic developments, Arrests) that is not named as an aim («من أجل السيطرة
على», «لتحرير العاصمة»: ``purpose_words.tsv``) nor told in a clause of the future, intent
or a plan («الأيام المقبلة ستشهد تنفيذ …»: ``not_happened.tsv``) nor an accusation the
report rejects («الاتهامات الموجهة للجيش قصف المطارات … أخبار مزيفة»), or counts fighters killed
without saying how («سقط نحو 31 قتيلا من المسلحين»: an armed clash). Its clauses are
mentions of their own when they tell events of different kinds (``_event_segments``). The
rest of the record comes from what the earlier stages found in the same sentence:

- **actors** from the actor lexicon (``link.actors``) in the order the sentence names
  them: the first before the trigger acts (actor1), the next one is acted on (actor2),
  unless the words around them say otherwise (``role_words.tsv``: «غارات شنها طيران
  التحالف» acted, «مقتل تسعة من قوات النظام» lost people); «الجيش» takes the event's
  country («Military Forces of Syria»); ACLED's rules then apply (protesters are actor1 of
  a protest, arrests are a state force's, ``default_actors.tsv`` when no actor is named);
- **place**: of the towns the sentence names (in or near them), the one nearest the
  trigger; a region or country only when it names no town; never a place after «من»
  (where people or fire came from); else the report's most named place (less precise:
  the sentence did not say where);
- **date**: a date named in the sentence (not an old one after «منذ»: that starts a
  period; nor the day something was said: «أعلنت الوزارة يوم أمس أن …»), else the
  report's news day at week precision (the first day it names in the week up to
  publication, as a daily's «أمس» lead; else the publication date); a
  sentence dated more than a week before its report recalls background («في 26 يونيو
  الماضي»), not news: no event; so is one that counts over weeks or months with no day
  of its own («قتلت 3042 خلال 10 أشهر», «وتدور منذ أسابيع معارك»: an aggregate toll, an
  ongoing situation);
- **fatalities**: the «killed» claims of the sentence, and of the sentences right after it
  that go on telling it («وأسفرت عن مقتل 12 مسلحا»), each kept with who gave it.

A sentence inside a statement is the speaker's account, not the system's: the mention keeps
the statement and speaker (``claimed_by``), and the event's notes say «according to».
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from itertools import pairwise

from khabar.events.air_strikes import aircraft_strikes
from khabar.extract.lexicons import complementizers, reporting_cues
from khabar.extract.numbers import number_words
from khabar.link.actors import (
    UNIDENTIFIED,
    ActorName,
    find_actors,
    inter_of,
    name_of,
    our_forces_in,
    resolve,
    speaker_side,
)
from khabar.link.geocode import (
    CUE_WORDS,
    NEAR_BEFORE_MIN,
    NEAR_WORDS,
    demonym_country,
    load_gazetteer,
    place_form,
)
from khabar.model import Article, Claim, EventSpan, Span, Statement
from khabar.resources import load_tsv
from khabar.text.normalize import normalize
from khabar.text.phrases import PhraseMatch, PhraseTable, find_phrases, fold_phrase
from khabar.text.search_form import LAM_LAM, word_forms
from khabar.text.sentences import sentence_spans
from khabar.text.spans import inside_any
from khabar.text.tokens import FoldedText, fold_and_tokenize

TRIGGERS_FILE = "events/triggers.tsv"
NOT_HAPPENED_FILE = "events/not_happened.tsv"
OTHER_SENSES_FILE = "events/other_senses.tsv"
TOLD_BEFORE_FILE = "events/told_before.tsv"
ROLE_WORDS_FILE = "events/role_words.tsv"
DEFAULT_ACTORS_FILE = "events/default_actors.tsv"
SCENE_WORDS_FILE = "events/scene_words.tsv"
PURPOSE_WORDS_FILE = "events/purpose_words.tsv"
CROWD_WORDS_FILE = "events/crowd_words.tsv"
STATE_FORCES = "1"
FORCES = frozenset({STATE_FORCES, "8"})  # ACLED inter: a state's forces, at home or abroad
CIVILIANS = "7"  # ACLED inter: civilians are only ever the side acted on
REGION = 3  # ACLED geo precision of a region or country
STRATEGIC = "Strategic developments"
HASHTAG_MARKS = frozenset("#_")
QUOTE_AND_SPACE = " \t\"'«»“”"  # «قتل 8 من "القاعدة"»: a quoted name after «من»
WORD = re.compile(r"[^\W_]+")
GENITIVE_LAM = frozenset({"", "ل", "لل"})  # «قادة لميليشيات طرابلس»: leaders of the militias
COMBATANTS = frozenset({"militants", "army", "police"})  # claim subjects who fight


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
    actor1_from: EventSpan | None  # the earlier sentence naming actor1, when this one doesn't
    place: PlaceHit | None
    place_in_sentence: bool
    event_date: str | None
    date_precision: str | None
    date_last: str | None = None  # a period's last day
    date_in_sentence: bool = False  # False: the report's news day stands in
    new_scene: bool = True  # the sentence gives a place, date or «وفي …» scene of its own
    fatalities_reported: list[dict] = field(default_factory=list)
    claimed_by: dict | None = None  # {statement_id, speaker} when a speaker says it
    share: tuple[int, int] = (0, 1)  # this town's place among the towns the sentence lists
    split_among: list[str] = field(default_factory=list)  # those towns, when more than one
    told_before: bool = False  # «أدان الهجوم»: it points back to an event the report told
    definite: bool = False  # «أن الانفجار وقع بمنطقة الخلفاء»: its event word has «ال»


@cache
def triggers() -> PhraseTable[tuple[int, str, str, str]]:
    """Folded form → (row order, event type, sub-event type, the folded word that must
    follow it after its subject: «على» of «سيطرت … على», or "")."""
    rows = []
    for order, row in enumerate(load_tsv(TRIGGERS_FILE)):
        head, _, tail = row["form"].partition(GAP)
        rows.append((fold_phrase(head), (order, row["event_type"], row["sub_event_type"],
                                         fold_phrase(tail))))
    return PhraseTable(rows)


GAP = "…"  # in a trigger's form: its subject stands here («سيطرت القوات العراقية على»)
SUBJECT_WORDS = 6  # words a subject between a trigger and its tail may take


def article_event_mentions(article: Article, claims: list[Claim], places: list[PlaceHit],
                           dates: list[DateHit], statements: list[Statement] = ()
                           ) -> list[EventMention]:
    """The event mentions of one report, in text order (one event a sentence, or a clause:
    ``_event_segments``)."""
    default_place = _main_place(places)
    published = _publication_day(article.published)
    news_day = _news_day(dates, published)
    specific = frozenset(actor.name for actor in find_actors(fold_and_tokenize(article.text))
                         if not actor.generic and not actor.only_in)
    mentions = []
    lead_in = 0  # where the sentence before starts: a date there sets this one's scene
    rejected_before = False  # the sentence before rejects an accusation («… باطلة»)
    counted_over_period = False  # a sentence before counts over weeks («خلال 10 أشهر»)
    tolls = [claim.span[0] for claim in claims
             if claim.quantity == "killed" and not claim.part_of and claim.subject in COMBATANTS]
    for start, end, whole in _event_segments(article.text, tolls,
                                             [place.start for place in places]):
        scene_from, lead_in = lead_in, start
        whole_sentence = article.text[whole[0]:whole[1]]
        long_period = _long_period(whole_sentence, counted_over_period)
        counted_over_period = counted_over_period or long_period
        if "\n" in article.text[scene_from:start]:
            scene_from = start
        sentence = article.text[start:end]
        folded = fold_and_tokenize(sentence)
        killed = [claim for claim in claims if claim.quantity == "killed" and not claim.part_of
                  and start <= claim.span[0] and claim.span[1] <= end
                  and not _running_total(article.text[start:claim.span[0]])]
        named_days = [hit for hit in dates if start <= hit.start and hit.end <= end]
        # «أمس» needs a publication date; an old date after «منذ» starts a period («عدد
        # القتلى منذ 20 يوليو»), it dates no event (a recent one does: «منذ أمس»)
        since_long_ago = [hit for hit in named_days if hit.value and _after_word(
            article.text, hit.start, "since") and _long_before(hit, published)]
        when = [hit for hit in named_days if hit.value and hit not in since_long_ago
                and not _said_on(article.text, hit, statements)]
        if when and _long_before(when[0], published):
            continue  # «في 26 يونيو الماضي»: background, not news of this report
        words = [*aircraft_strikes(folded), *find_phrases(folded, triggers())]
        cues = find_phrases(folded, not_happened_words())
        rejects = any(cue.value == "rejects" for cue in cues)
        if not (rejects or rejected_before):
            cues = [cue for cue in cues if cue.value != "alleged"]
        rejected_before = rejects
        senses = [(sense.start, sense.end) for sense in find_phrases(folded, other_sense_words())]
        found = _match(folded, words, cues, senses + _inside_names(folded))
        if not found and killed and whole == (start, end) and _goes_on(
                article.text, mentions, start, named_days):
            # «… غارات على مواقعهم. وأسفرت عن مقتل 17 مسلحا»: the toll of the event just told
            for told in mentions:
                if told.span == mentions[-1].span:  # every town the sentence listed
                    told.fatalities_reported += [_reported(claim) for claim in killed]
            continue
        if not found:
            found = _combatants_killed([claim for claim in killed if not _unreal(
                sentence, (claim.span[0] - start, claim.span[1] - start), cues)], start)
        # «وخسرت قوات النظام منذ نهاية مارس الماضي عددا من المدن … بعد معارك»: a period
        # before the event words frames them (not «قتل جنديين ليرتفع العدد منذ 20 يوليو»)
        long_period = long_period or any(
            hit.start < start + min(offset for _, offset, *_ in found) for hit in since_long_ago
        ) if found else long_period
        if not found or _not_happened(sentence, words, senses) or (long_period and not any(
                hit.precision == "day" and not _after_word(article.text, hit.start, "until")
                for hit in when)):
            continue
        named_actors = find_actors(folded, start)
        inside = _where_not_whence(article.text, [
            place for place in places if start <= place.start and place.end <= end]
        ) or _where_not_whence(article.text, [  # «…، وتعرضت لاحقا لتفجيرات»: the same place
            place for place in places if whole[0] <= place.start and place.end <= whole[1]])
        # one event a sentence or clause: its earliest trigger row, but not the event a
        # reaction is to while another is there («تجمعوا للتظاهر احتجاجًا على التفجير»: a
        # protest against the bombing)
        reacted_to = _reacted_to(sentence, found)
        _, offset, form, event_type, sub_type = min(
            found, key=lambda hit: (hit[1] in reacted_to, hit))
        causes = _cause_spans(sentence, start, offset)
        inside = _outside(causes, inside)
        place = _event_place(inside, start + offset) or default_place
        statement = _statement_telling(statements, start, end)
        if statement is not None and statement.polarity == "deny":
            continue  # «نفى … استهداف المدنيين»: the speaker says it did not happen
        country = place.country if place else None
        # «المقاومة الشعبية» is a side only in Yemen's war
        named_actors = [actor for actor in named_actors if actor.only_in in (None, country)]
        side = speaker_side(statement, statements) if statement is not None else None
        if side is not None:  # «قواتنا تتقدم»: the speaker's own forces
            named_actors = sorted([*named_actors, *our_forces_in(folded, start, sentence, side)],
                                  key=lambda actor: actor.start)
        roles = _role_words_at(folded, start)
        answered = _answers_fire(named_actors, roles, (start, sentence), offset)
        actor1, actor2 = _roles(named_actors, start + offset, roles, country, specific,
                                (start, sentence), fire_from=event_type in FIRE_FROM_TYPES
                                and sub_type != TERRITORY)
        if sub_type == ARRESTS and _seized_by_group(named_actors, start + offset, form):
            # «اعتقل تنظيم داعش 38 مواطنا»: an armed group's detention is an abduction
            event_type, sub_type = VIOLENCE_AGAINST_CIVILIANS, ABDUCTION
            actor2 = actor2 or (resolve(CIVILIANS_OF, country) if country else None)
        actor1, actor2 = _coded_roles(actor1, actor2, named_actors, event_type, sub_type,
                                      sentence, country, answered)
        if (sub_type == ARMED_CLASH and inter_of(actor2) == CIVILIANS
                and inter_of(actor1) not in FORCES):
            # «أطلق المسلحون النار على المدنيين»: civilians do not fight, they are attacked
            # (not «تبادلت القوات الهندية والباكستانية إطلاق النار»: civilians were hurt)
            event_type, sub_type = VIOLENCE_AGAINST_CIVILIANS, "Attack"
        actor1_from = None
        # «أن تركيا شنت غارات … شمالي العراق»: a country that is who acted, not where
        acting = _acting_country(article.text, places, start, start + offset)
        if actor1 is None and event_type in PHYSICAL and acting and acting not in inside:
            actor1 = resolve(MILITARY_FORCES, acting.country, specific)
        if actor1 is None and event_type in PHYSICAL:
            actor1, actor1_from = _ongoing_actor(mentions, place, actor2)
        if sub_type == TERRITORY:
            sub_type = _territory(actor1)
        elif sub_type == SURRENDER:
            sub_type = "Other"
            if actor2 is None and side is not None:  # a force's spokesman: to his side
                actor2 = name_of(side, specific, country) or resolve(side.name, None)
                actor2 = None if actor2 == actor1 else actor2
        mentions += _one_a_town(EventMention(
            doc_id=article.id, span=(start, end), text=sentence, trigger=form,
            event_type=event_type, sub_event_type=sub_type, actor1=actor1, actor2=actor2,
            actor1_from=actor1_from,
            place=place, place_in_sentence=bool(inside),
            event_date=when[0].value if when else news_day,
            date_precision=when[0].precision if when else ("week" if news_day else None),
            date_last=when[0].last if when else None, date_in_sentence=bool(when),
            # an answer to fire is an event of its own, not more of the fire it answers
            new_scene=bool(inside or _opens_scene(sentence) or answered or any(
                scene_from <= hit.start and hit.end <= end for hit in dates)),
            # ACLED counts no dead in a strategic development: its segment's tolls, if any,
            # are claims of their own (``_event_segments`` parts a toll clause from it)
            fatalities_reported=[] if event_type == STRATEGIC
            else [_reported(claim) for claim in killed],
            told_before=_points_back(sentence, offset, placed=bool(inside)),
            definite=_definite(sentence, offset) and not _opens_scene(sentence),
            claimed_by={"statement_id": statement.id, "speaker": statement.speaker,
                        "speaker_text": statement.speaker_text} if statement else None,
        ), _listed_towns(article.text, inside, place))
    return mentions


# Where a sentence may part into events of their own: «؛», or a comma before a word that
# opens a new clause (``CLAUSE_END`` without the full stop, colon and line break that end
# a sentence or open a quotation).
NEW_CLAUSE_COMMA = r"[،,]\s*(?=و|ف|ثم|حيث|بينما)"  # «، وقتل», «، فيما», «، حيث»
EVENT_CLAUSE_END = re.compile(rf"؛|;|{NEW_CLAUSE_COMMA}")


def _event_segments(text: str, tolls: list[int] = (), place_starts: list[int] = ()
                    ) -> list[tuple[int, int, Span]]:
    """The stretches of a report that each tell one event, with the sentence each is in:
    a sentence, or its clauses when they tell events of different kinds («وسيطرت القوات
    العراقية على مبنى الجامعة، وتعرضت لاحقا لتفجيرات داخل مباني الجامعة»: ground taken,
    then a bombing). A clause without an event word stays with the one before it; so does
    one whose event word is not fresh (``_fresh``: «مسؤولية الهجوم», «إثر انفجار عبوة»,
    «وقالت الشرطة إن قوة الانفجار …»), one of the same kind (one event, or one a town:
    ``_one_a_town``) and police action at a protest or riot (ACLED codes «انتهت بتوقيف
    متظاهرين» as the protest's intervention).

    ``tolls`` are where fighters killed are counted. A clause with a toll and no event word
    parts from a strategic development, which counts no dead («مؤكدا مقتل 31 إرهابيا، مشيرا
    إلى أن أكثر من 22 شخصا سلموا أنفسهم»: fighting, then a surrender); beside any other
    event it is that event's toll.

    A crowd's sentence parts where it tells, at a place of its own, what the crowd reacts
    to (``_crowd_cause``: «تظاهر أنصار الحزب في بلدة سيزر بعد مقتل ثلاثة أشخاص في
    الاشتباكات … ببلدة سيلوبي»: a protest, and the clash before it)."""
    segments = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        folded = fold_and_tokenize(sentence)
        found = _match(folded, find_phrases(folded, triggers()),
                       find_phrases(folded, not_happened_words()),
                       [(sense.start, sense.end)
                        for sense in find_phrases(folded, other_sense_words())])
        cuts = [0]
        kind = None
        for clause_start, clause_end in _clauses(sentence):
            here = min((hit for hit in found if clause_start <= hit[1] < clause_end),
                       default=None)
            if here is not None and _fresh(sentence, here[1]):
                clause_kind = here[3:5]
            elif any(start + clause_start <= toll < start + clause_end for toll in tolls):
                clause_kind = TOLL
            else:
                continue  # «، وحملت السلطات داعش مسؤولية الهجوم»: told, or its cause
            if kind is not None and _parts(kind, clause_kind):
                cuts.append(clause_start)
            elif clause_kind == TOLL and kind is not None:
                continue  # the toll of the event before it
            kind = clause_kind
        if len(cuts) == 1 and (cause := _crowd_cause(
                sentence, folded, found, [at - start for at in place_starts])):
            cuts.append(cause)
        if len(cuts) == 1:
            segments.append((start, end, (start, end)))
            continue
        for first, last in pairwise([*cuts, len(sentence)]):
            piece = sentence[first:last]
            lead = len(piece) - len(piece.lstrip())
            trimmed = len(piece.rstrip(" \t،,؛;"))
            segments.append((start + first + lead, start + first + trimmed, (start, end)))
    return segments


TOLL = ("toll", "")  # the kind of a clause that only counts fighters killed


def _crowd_cause(sentence: str, folded: FoldedText, found: list[tuple[int, int, str, str, str]],
                 place_starts: list[int]) -> int | None:
    """Where a crowd's sentence starts to tell what the crowd reacts to: a cause word
    (``crowd_words.tsv`` cause) after the crowd's event word, with another kind of event
    word and a place of its own after it; else None."""
    first = min(found, default=None)
    if first is None or first[3] not in CROWD_EVENTS:
        return None
    for cause in find_phrases(folded, crowd_causes()):
        if cause.start > first[1] and any(
                hit[1] > cause.start and hit[3] not in CROWD_EVENTS for hit in found) and any(
                at > cause.start for at in place_starts):
            return _word_start(sentence, cause.start)
    return None


@cache
def crowd_causes() -> PhraseTable[str]:
    """Folded words before what a crowd reacts to («بعد», «احتجاجا»: ``crowd_words.tsv``
    cause)."""
    return PhraseTable((fold_phrase(row["form"]), row["kind"])
                       for row in load_tsv(CROWD_WORDS_FILE) if row["kind"] == "cause")


def _parts(before: tuple[str, str], after: tuple[str, str]) -> bool:
    """Whether a clause of kind ``after`` tells another event than the clause before it."""
    if TOLL in (before, after):
        return STRATEGIC in (before[0], after[0])
    return before != after and not CROWD_EVENTS & {before[0], after[0]}


COMMA = re.compile(r"[،,]\s*")


def _clauses(sentence: str) -> list[Span]:
    """A sentence's clauses, each from where the one before it ends: ``EVENT_CLAUSE_END``,
    or a comma before a participle that carries on a speaker's words («، مشيرا إلى أن …»,
    «، مؤكدا مقتل …»: ``reporting_verbs.tsv``, kind participle)."""
    starts = {0, *(match.end() for match in EVENT_CLAUSE_END.finditer(sentence)),
              *(match.end() for match in COMMA.finditer(sentence)
                if _participle_at(sentence, match.end()))}
    return list(pairwise([*sorted(starts), len(sentence)]))


def _participle_at(sentence: str, offset: int) -> bool:
    word = WORD.match(sentence, offset)
    return word is not None and normalize(word.group()) in reporting_participles()


@cache
def reporting_participles() -> frozenset[str]:
    return frozenset(cue.form for cue in reporting_cues().values() if cue.kind == "participle")


def _one_a_town(mention: EventMention, towns: list[PlaceHit]) -> list[EventMention]:
    """One mention for each town a sentence lists as where its event happened: ACLED
    codes an event per location («21 ضربة جوية بالقرب من مخمور والرمادي وبيجي», «بإقليمي
    فان واغري»). Each keeps the sentence's toll, which merge divides among them."""
    if len(towns) < 2:
        return [mention]
    names = [town.name for town in towns]
    return [replace(mention, place=town, share=(index, len(towns)), split_among=names,
                    fatalities_reported=list(mention.fatalities_reported))
            for index, town in enumerate(towns)]


# A longer list sums up a campaign («غارات على مقار التنظيم في محافظات حماه وحلب وحمص
# والحسكة والرقة ودير الزور»): it stays one event, at the town nearest the event word.
MAX_LISTED_TOWNS = 3


def _listed_towns(text: str, places: list[PlaceHit], chosen: PlaceHit | None
                  ) -> list[PlaceHit]:
    """The distinct towns of the list the event's place is in: places joined by nothing but
    «و» or a comma («مدينتي الرمادي والفلوجة»); parts of one town count once. Empty when the
    place is not a town or is alone."""
    if chosen is None or chosen.precision >= REGION or chosen not in places:
        return []
    runs: list[list[PlaceHit]] = []
    previous_end = None
    for place in sorted(places, key=lambda p: p.start):
        if _joined(text, previous_end, place.start):
            runs[-1].append(place)
        else:
            runs.append([place])
        previous_end = place.end
    run = next(run for run in runs if chosen in run)
    towns = {place.name: place for place in run if place.precision < REGION}
    return list(towns.values()) if 1 < len(towns) <= MAX_LISTED_TOWNS else []


@cache
def not_happened_words() -> PhraseTable[str]:
    """Folded form → the event words it governs in its clause (``not_happened.tsv``:
    after, before, clause)."""
    return PhraseTable((fold_phrase(row["form"]), row["scope"])
                       for row in load_tsv(NOT_HAPPENED_FILE))


# Where a clause ends: a full stop, «؛», «:», a line break, or a comma before a word that
# opens a new clause («، وقتل», «، فيما», «، حيث»). A bare comma may only set off a phrase.
CLAUSE_END = re.compile(rf"[.؛;:\n]|{NEW_CLAUSE_COMMA}")
CUE_REACH = 1  # words between an event word and a cue that follows it («هجوم إرهابي محتمل»)
# words between an accusation and the event word it names («الإتهامات الموجهة للجيش قصف»)
ALLEGED_REACH = 3


def _clause_of(text: str, span: Span) -> Span:
    """The clause of a sentence that holds a span (``CLAUSE_END``)."""
    first = max((m.end() for m in CLAUSE_END.finditer(text, 0, span[0])), default=0)
    last = next((m.start() for m in CLAUSE_END.finditer(text, span[1])), len(text))
    return first, last


def _unreal(text: str, span: Span, cues: list[PhraseMatch]) -> bool:
    """Whether a cue of ``not_happened.tsv`` says the event word at ``span`` tells
    something that has not happened: a cue of the future, intent or a plan governs its own
    clause and all that follows it («الأيام القليلة المقبلة ستشهد تنفيذ المرحلة الثانية من
    عملية تحرير …», «فتح ممرات آمنة تمهيدا لاقتحام المدينة»), a time to come its clause, a
    «محتمل» the word before it, a rejected accusation («الإتهامات الموجهة للجيش قصف
    المطارات … أخبار مزيفة») the word it names. A past event told in a clause before the
    cue's stands («قتل 5 في هجوم، وسيواصل الجيش عملياته»)."""
    start, end = span
    first, last = _clause_of(text, span)
    return any(
        (cue.value == "after" and cue.start < last)
        or (cue.value == "clause" and first <= cue.start and cue.end <= last)
        or (cue.value == "before" and end <= cue.start
            and len(text[end:cue.start].split()) <= CUE_REACH)
        or (cue.value == "alleged" and first <= cue.start and cue.end <= start
            and len(text[cue.end:start].split()) <= ALLEGED_REACH)
        for cue in cues)


@cache
def told_before_words(where: str = "before") -> frozenset[str]:
    """Folded words that point back to an event already told (``told_before.tsv``): from
    one or two words before a definite event word, or as the event word itself."""
    wanted = {where, "reaction"} if where == "before" else {where}
    return frozenset(fold_phrase(row["form"]) for row in load_tsv(TOLD_BEFORE_FILE)
                     if row["where"] in wanted)


def _points_back(sentence: str, trigger_offset: int, placed: bool) -> bool:
    """Whether the event word is definite and names an event already told: after a word
    pointing back («إدانته للتفجير الانتحاري …»), or by itself in a sentence that names no
    place of its own («قتلوا في الغارة»; «تعرض مخيم خان الشيح بريف دمشق للقصف» is more)."""
    return _definite(sentence, trigger_offset) and (
        _after_pointer(sentence, trigger_offset) or (not placed and any(
            form in told_before_words("itself") for form in _readings(sentence, trigger_offset))))


def _fresh(sentence: str, trigger_offset: int) -> bool:
    """Whether the event word may tell an event not told yet: it is indefinite and no word
    of ``told_before.tsv`` comes right before it (that one is an event told, or the cause
    of the one told: «إثر انفجار عبوة ناسفة»)."""
    return not (_definite(sentence, trigger_offset) or _after_pointer(sentence, trigger_offset))


def _definite(sentence: str, offset: int) -> bool:
    """Whether the word holding ``offset`` has the article («للتفجير», «الهجوم»)."""
    return any(form.startswith("ال") for form in _readings(sentence, offset))


def _readings(sentence: str, offset: int) -> tuple[str, ...]:
    """The folded readings of the word holding ``offset``, with and without proclitics."""
    start = end = offset  # the run of letters around it: «الهجوم.», «و«الهجوم»»
    while start > 0 and _in_word(sentence[start - 1]):
        start -= 1
    while end < len(sentence) and _in_word(sentence[end]):
        end += 1
    return tuple(word_forms(fold_phrase(sentence[start:end])))


def _in_word(char: str) -> bool:
    return char.isalpha() or unicodedata.category(char) == "Mn"  # a letter or a vowel mark


def _word_start(sentence: str, offset: int) -> int:
    """Where the word holding ``offset`` starts: a match starts after the word's proclitics
    and article."""
    while offset > 0 and not sentence[offset - 1].isspace():
        offset -= 1
    return offset


def _after_pointer(sentence: str, offset: int, where: str = "before") -> bool:
    """Whether one of the two words before the word at ``offset`` is a word of
    ``told_before.tsv`` («عقب هجوم انتحاري», «ضد التفجير»), of its ``where`` group."""
    word_start = _word_start(sentence, offset)
    before = fold_phrase(" ".join(sentence[:word_start].split()[-2:])).split()
    pointers = told_before_words(where)
    return any(form in pointers for word in before for form in word_forms(word))


def _reacted_to(sentence: str, found: list[tuple[int, int, str, str, str]]) -> set[int]:
    """Offsets of the event words a reaction word points at («احتجاجا على التفجير
    الانتحاري»): right after it, or in the run of event words that follows it."""
    reacted_to: set[int] = set()
    for _, offset, *_ in sorted(found, key=lambda hit: hit[1]):
        word_before = _word_start(sentence, len(sentence[:_word_start(sentence, offset)].rstrip()))
        in_run = any(_word_start(sentence, other) == word_before for other in reacted_to)
        if in_run or _after_pointer(sentence, offset, "reaction"):
            reacted_to.add(offset)
    return reacted_to


@cache
def other_sense_words() -> PhraseTable[str]:
    """Folded form → the form as listed (``other_senses.tsv``)."""
    return PhraseTable((fold_phrase(row["form"]), row["form"])
                       for row in load_tsv(OTHER_SENSES_FILE))


def _inside_names(folded: FoldedText) -> list[Span]:
    """Where an event word is part of an actor's name, past its first word: «جبهة جيش
    تحرير الشعب الثوري», «هيئة تحرير الشام» liberate nothing. A name that starts with its
    event word still tells it («سلاح الجو الليبي» strikes)."""
    return [(_next_word(folded.original, actor.start), actor.end)
            for actor in find_actors(folded)]


def _next_word(text: str, offset: int) -> int:
    """Where the word after the one at ``offset`` starts (the end of the text if none)."""
    space = re.search(r"\s+", text[offset:])
    return offset + space.end() if space else len(text)


def _not_happened(sentence: str, words: list[PhraseMatch], senses: list[Span]) -> bool:
    """A question, or a sentence whose event words are used in another sense: a context
    word of ``other_senses.tsv`` («مباراة») that holds none of the event words ``words``.
    The future, intent, a condition or a plan is judged clause by clause (``_unreal``); a
    phrase holding an event word («يرأس تحرير») only that word (``_match``)."""
    if sentence.rstrip().endswith(("؟", "?")):
        return True
    return any(not any(inside_any((word.start, word.end), [sense]) for word in words)
               for sense in senses)


def _match(folded: FoldedText, words: list[PhraseMatch], cues: list[PhraseMatch],
           senses: list[Span]) -> list[tuple[int, int, str, str, str]]:
    """Of a sentence's trigger forms ``words``, those that tell something that happened
    (not another sense, a hashtag, an aim or the future): (row order, original offset,
    form, type, sub)."""
    text = folded.original
    return [(hit.value[0], hit.start, hit.written, *hit.value[1:3])
            for hit in words
            if not inside_any((hit.start, hit.end), senses)
            and (not hit.value[3] or _subject_then(folded, hit, hit.value[3]))
            # «#تفجير_طوارئ_عسير»: a hashtag names a topic, it tells no event
            and text[max(0, hit.start - 1):hit.start] not in HASHTAG_MARKS
            and text[hit.end:hit.end + 1] not in HASHTAG_MARKS and not _aimed_at(folded, hit)
            and not _unreal(text, (hit.start, hit.end), cues)]


def _subject_then(folded: FoldedText, hit: PhraseMatch, tail: str) -> bool:
    """Whether a trigger written with a gap («سيطرت … على») has an actor right after it
    and then its tail, in its clause: «وسيطرت القوات العراقية قبل أيام على مبنى الجامعة»
    tells ground taken, «سيطر الهدوء على المدينة» does not."""
    text, tokens = folded.original, folded.tokens
    subject = next((actor for actor in find_actors(folded) if actor.start >= hit.end), None)
    if subject is None or text[hit.end:subject.start].strip():
        return False
    for k in range(hit.last + 1, min(len(tokens), hit.last + 2 + SUBJECT_WORDS)):
        start, _ = folded.span(k, k)
        if CLAUSE_END.search(text, hit.end, start):
            return False
        if tokens[k].form == tail and start >= subject.end:
            return True
    return False


@cache
def purpose_words() -> PhraseTable[str]:
    """Folded form → the form as listed (``purpose_words.tsv``)."""
    return PhraseTable((fold_phrase(row["form"]), row["form"])
                       for row in load_tsv(PURPOSE_WORDS_FILE))


def _aimed_at(folded: FoldedText, hit: PhraseMatch) -> bool:
    """Whether an event word is an aim or a speciality, not an event: right after «من
    أجل», «بهدف», «المتخصصة ب» (``purpose_words.tsv``), or a ground-taking word with a
    glued lam («لتحرير العاصمة»)."""
    if hit.value[2] == TERRITORY and _glued_lam(folded.tokens[hit.first].form):
        return True
    before = [aim for aim in find_phrases(folded, purpose_words()) if aim.end <= hit.start]
    word_start = folded.span(hit.first, hit.first)[0]  # «بالتفجير»: with its proclitic
    return bool(before) and not folded.original[before[-1].end:word_start].strip()


def _glued_lam(form: str) -> bool:
    """Whether the proclitic stripped to read a word as a trigger ends in a lam: «لتحرير»,
    «للسيطرة» (``search_form.word_forms``)."""
    if form.startswith(LAM_LAM):
        return True
    reading = next((r for r in word_forms(form) if r in triggers().widths), form)
    return form[:len(form) - len(reading)].endswith("ل")


def _goes_on(text: str, mentions: list[EventMention], start: int, when: list[DateHit]) -> bool:
    """Whether a sentence goes on telling the event before it: same paragraph, no date of
    its own, and no «وفي …» opening a new scene («وفي اليوم الخامس قتل 8»)."""
    if (not mentions or "\n" in text[mentions[-1].span[1]:start] or when
            or mentions[-1].event_type == STRATEGIC):
        return False  # an arrest or a surrender has no toll to add to
    return not _opens_scene(text[start:])


def _combatants_killed(killed: list[Claim], start: int) -> list[tuple[int, int, str, str, str]]:
    """A sentence that only counts fighters killed («سقط نحو 31 قتيلا من المسلحين», «قتل 8
    من القاعدة») reports fighting whose means it does not say: ACLED codes it an armed
    clash. Civilians killed are left out: without a cause they may be a crime or an
    accident."""
    return [(len(triggers()), claim.span[0] - start, claim.text, "Battles", "Armed clash")
            for claim in killed if claim.subject in COMBATANTS][:1]


def _roles(named: list[ActorName], trigger_at: int, roles: dict[str, list[Span]],
           country: str | None, specific: frozenset[str] = frozenset(),
           sentence: tuple[int, str] = (0, ""), fire_from: bool = False
           ) -> tuple[str | None, str | None]:
    """actor1: the actor the sentence says acted («شنها طيران التحالف»; with ``fire_from``,
    an attack's first actor after it when «من» comes right before it: «17 هجوماً على
    مطار معيتيقة منذ عام 2017 من ميليشيات البقرة»), else the actor that
    is the trigger, else the last actor named before the trigger, else the first after it;
    actor2: the next different actor. An actor after the trigger and a target word («غارة
    استهدفت مسلحي داعش»), one right after a target word anywhere («تكبيد الإرهابيين
    خسائر»), or one that lost people («مقتل تسعة من قوات النظام», «مقتل عسكريين
    تركيين») is acted on: with no other actor, actor1 is unknown. A name in a parenthesis
    right after another only glosses it. A generic name («الجيش») is narrowed by
    ``link.actors``; role words are ``role_words.tsv``."""
    def name(actor: ActorName) -> str:
        return name_of(actor, specific, country) or resolve(actor.name, None)

    named = _without_backers(_without_glosses(named, sentence), roles, sentence)
    # «شنها طيران التحالف»: an agent of this event word, in its clause (not «الذين قتلوا
    # من قبل الإرهابيين» in a relative clause further on)
    offset, text = sentence
    first, last = _clause_of(text, (trigger_at - offset, trigger_at - offset))
    agents = [actor for actor in named if first <= actor.start - offset <= last
              and any(0 <= actor.start - end <= AGENT_REACH for _, end in roles["agent"])]
    victims = _victims(named, roles, sentence)
    following = [actor for actor in named
                 if trigger_at < actor.start and actor.start - offset <= last]
    if fire_from and following and following[0] not in victims and FROM.search(
            text[:following[0].start - offset].rstrip(QUOTE_AND_SPACE)):
        agents = agents or following[:1]
    acted_on = [actor for actor in named if actor not in victims]
    # an actor that is the event word itself acts: «سلاح الجو الليبي» (an air strike)
    acting = [actor for actor in acted_on if actor.start == trigger_at]
    # «قطع إمدادات الإرهابيين», «تكبيد الإرهابيين خسائر»: acted on, wherever it stands
    hit = [actor for actor in acted_on
           if any(0 <= actor.start - end <= AGENT_REACH for _, end in roles["target"])]
    before = [actor for actor in acted_on if actor.start < trigger_at and actor not in hit]
    after = [actor for actor in acted_on if actor.start > trigger_at]
    targets = [start for start, _ in roles["target"]]
    targeted = (not before and not acting and after
                and any(trigger_at < at < after[0].start for at in targets))
    hit_before = [actor for actor in hit if actor.start < trigger_at]
    ordered = (agents[:1] + acting + ([before[-1]] if before else []) + after + before[:-1]
               + hit_before + victims)
    distinct = list(dict.fromkeys(name(actor) for actor in ordered))
    if not agents and not acting and not before and (targeted or not after) and distinct:
        return None, distinct[0]
    if not distinct:
        return None, None
    # «أن الإخوان والقاعدة وداعش تحالفوا ضد الجيش»: the side hit is actor2, not an ally
    # listed with actor1 («نجح الجيش الوطني والمقاومة الشعبية في السيطرة على …»)
    partners = {name(actor) for actor in _listed_with(ordered[0], named, sentence,
                                                      roles["side"])}
    others = [name(actor) for actor in hit if actor.start > trigger_at] + [
        other for other in distinct[1:] if other not in partners]
    return distinct[0], next((other for other in others if other != distinct[0]), None)


def _listed_with(actor: ActorName, named: list[ActorName], sentence: tuple[int, str],
                 sides: list[Span]) -> list[ActorName]:
    """The actors listed with ``actor`` by «و» («الجيش الوطني والمقاومة الشعبية»): one
    side, unless «بين» comes shortly before the list («اشتباكات بين الحوثيين والمقاومة
    الشعبية») and no word of a side (``role_words.tsv`` side) closes it («بين القوات
    العراقية ومليشيا الحشد من جهة، وتنظيم الدولة من جهة أخرى»)."""
    start, text = sentence
    at = named.index(actor)
    first = last = at
    while first > 0 and _and_between(sentence, named[first - 1], named[first]):
        first -= 1
    while last + 1 < len(named) and _and_between(sentence, named[last], named[last + 1]):
        last += 1
    one_side = any(not text[named[last].end - start:side_start - start].strip()
                   for side_start, _ in sides)
    if not one_side and "بين" in text[:named[first].start - start].split()[-BETWEEN_REACH:]:
        return []  # «بين أفراد يعتقد أنهم من المقاومة الشعبية وجماعة الحوثيين»
    return [other for other in named[first:last + 1] if other is not actor]


def _without_backers(named: list[ActorName], roles: dict[str, list[Span]],
                     sentence: tuple[int, str]) -> list[ActorName]:
    """The actors, less those named as backing another side («المقاومة المسنودة بقوات
    الجيش الوطني وطيران التحالف»; ``role_words.tsv`` ally): ACLED's associated actors,
    neither actor1 nor actor2."""
    backers = _and_listed(named, sentence, lambda actor: any(
        0 <= actor.start - end <= AGENT_REACH for _, end in roles["ally"]))
    return [actor for actor in named if actor not in backers]


def _and_listed(named: list[ActorName], sentence: tuple[int, str],
                picks: Callable[[ActorName], bool]) -> list[ActorName]:
    """The actors ``picks`` picks, and those listed right after a picked one with «و»."""
    picked: list[ActorName] = []
    for actor in named:
        if (picked and _and_between(sentence, picked[-1], actor)) or picks(actor):
            picked.append(actor)
    return picked


def _and_between(sentence: tuple[int, str], before: ActorName, after: ActorName) -> bool:
    """Whether nothing but «و» stands between two actors of a sentence."""
    start, text = sentence
    return text[before.end - start:after.start - start].strip() == "و"


def _without_glosses(named: list[ActorName], sentence: tuple[int, str]) -> list[ActorName]:
    """The actors, less those named in a parenthesis right after another, which only say
    what it is: «جبهة النصرة (ذراع القاعدة في سورية)» names one side, not two."""
    start, text = sentence
    kept = named[:1]
    for before, actor in pairwise(named):
        between = text[before.end - start:actor.start - start]
        if not (between.lstrip().startswith("(") and ")" not in between):
            kept.append(actor)
    return kept


BETWEEN_REACH = 6  # words back from a list of actors to a «بين» that makes them two sides
AGENT_REACH = 3  # characters from an agent word («شنها») to the actor that acted
FROM = re.compile(r"(?:^|\s)من$")  # «… من ميليشيات البقرة»: where an attack came from
FIRE_FROM_TYPES = frozenset({"Battles", "Explosions/Remote violence"})
VICTIM_REACH = 40  # characters back from «من <actor>» to a casualty word («مقتل»)


def _victims(named: list[ActorName], roles: dict[str, list[Span]],
             sentence: tuple[int, str]) -> list[ActorName]:
    """The actors named as sides that lost people (``_lost_people``), and those listed
    right after one with «و»: «سقط مزيد من القتلى من القوات العراقية وتنظيم داعش»."""
    return _and_listed(named, sentence, lambda actor: _lost_people(actor, roles, sentence))


def _lost_people(actor: ActorName, roles: dict[str, list[Span]],
                 sentence: tuple[int, str]) -> bool:
    """Whether the actor is named as the side that lost people: a casualty word, then a
    partitive («من», «في صفوف») right before the actor («سقط عشرات القتلى من الحوثيين»),
    or the actor counted right after the casualty word («مقتل ثلاثة جنود», «مقتل عسكريين
    تركيين»). ``sentence``: (start, text)."""
    start, text = sentence
    counted = [(end, _number_words(text[end - start:actor.start - start]))
               for _, end in roles["victim"] if end <= actor.start]
    casualty_nouns = {end for _, end in roles["casualty"]}
    if any(count or (count == 0 and end in casualty_nouns) for end, count in counted):
        return True
    if _counted_then_hurt(actor, roles, sentence):
        return True
    return any(actor.start - VICTIM_REACH <= end <= actor.start
               for _, end in roles["victim"]) and any(
        first < actor.start < end  # «من عناصر» overlaps the actor «عناصر الأمن»
        or (end <= actor.start and text[end - start:actor.start - start].strip(
            QUOTE_AND_SPACE) in GENITIVE_LAM)
        for first, end in roles["partitive"])


def _counted_then_hurt(actor: ActorName, roles: dict[str, list[Span]],
                       sentence: tuple[int, str]) -> bool:
    """Whether the actor is counted and then said to be hurt: «18 مجندا بالشرطة على الأقل
    أصيبوا». A count right before it (a noun between allowed), a casualty word soon after
    («داعش قتل 5 جنود» is no count: there the actor killed)."""
    start, text = sentence
    before = normalize(re.sub(r"\S*$", "", text[:actor.start - start])).split()[-2:]
    if not any(word.isdigit() or word in number_words() for word in before):
        return False
    return any(0 <= first - actor.end <= HURT_REACH for first, _ in roles["victim"])


HURT_REACH = 16  # characters from a counted actor to the casualty word («على الأقل أصيبوا»)


def _number_words(between: str) -> int | None:
    """How many words a stretch of text holds when they are all numbers, in digits or words
    («ثلاثة», «3»); None when another word is among them."""
    words = normalize(between).split()
    return len(words) if all(word.isdigit() or word in number_words() for word in words) \
        else None


@cache
def role_words() -> PhraseTable[str]:
    """Folded form → its role (``role_words.tsv``: target, agent, victim, partitive)."""
    return PhraseTable((fold_phrase(row["form"]), row["role"])
                       for row in load_tsv(ROLE_WORDS_FILE))


def _role_words_at(folded: FoldedText, offset: int) -> dict[str, list[Span]]:
    """Role → the original spans of the sentence's role words."""
    found: dict[str, list[Span]] = {"target": [], "agent": [], "answer": [], "victim": [],
                                    "casualty": [], "partitive": [], "ally": [],
                                    "side": [], "seizes": []}
    for hit in find_phrases(folded, role_words()):
        span = (hit.start + offset, hit.end + offset)
        found[hit.value].append(span)
        if hit.value == "casualty":
            found["victim"].append(span)
        elif hit.value == "answer":
            found["agent"].append(span)
    return found


def _answers_fire(named: list[ActorName], roles: dict[str, list[Span]],
                  sentence: tuple[int, str], trigger_offset: int) -> bool:
    """Whether the event word's forces answer fire («وردت القوات … بالمدفعية»): an answer
    word (``role_words.tsv`` answer) in the event word's clause, before it, with an actor
    named right after it (not «وردا على سؤال»)."""
    start, text = sentence
    clause_start, _ = _clause_of(text, (trigger_offset, trigger_offset))
    return any(clause_start <= at - start < trigger_offset and any(
        0 <= actor.start - end <= AGENT_REACH for actor in named)
        for at, end in roles["answer"])


def _seized_by_group(named: list[ActorName], trigger_at: int, form: str) -> bool:
    """Whether an arrest verb has an armed group for subject, right after it («اعتقل
    تنظيم داعش 38 مواطنا», «اعتقلت ميليشيات الحوثي»; ``role_words.tsv`` seizes). Not a
    verbal noun or a group's members: in «اعتقال عناصر داعش» the group is arrested."""
    words = role_words()
    if words.get(fold_phrase(form)) != "seizes":
        return False
    end = trigger_at + len(form)
    subject = next((actor for actor in named if actor.start >= end), None)
    return (subject is not None and subject.start - end <= 1
            and subject.inter not in (*FORCES, CIVILIANS, "")
            and words.get(fold_phrase(subject.written).split(" ", 1)[0]) != "partitive")


def _coded_roles(actor1: str | None, actor2: str | None, named: list[ActorName],
                 event_type: str, sub_type: str, sentence: str, country: str | None,
                 answered: bool = False) -> tuple[str | None, str | None]:
    """ACLED's coding rules over the sentence's roles: protesters and rioters are always
    actor1 (the police that dispersed them is actor2); civilians never are; an arrest is
    made by a state force, so a group named in it is the one arrested; fire that came from
    another country («من داخل الأراضي اليمنية») was fired by a group of that country, not by
    the state forces the sentence names, unless they answered it («ردت القوات السعودية …
    على مصدر إطلاق المقذوفات»: that group is then actor2); with no actor named, the actor
    of the event's kind (``_unnamed_actor1``); only a state's forces fly air strikes, so
    the rebels who hold the town struck («أريحا … التي تسيطر عليها فصائل المعارضة») are
    not who struck it."""
    if event_type in CROWD_EVENTS and country:
        crowd = resolve(default_actors()[(event_type, "")], country)
        return crowd, actor1 if actor1 != crowd else actor2
    if actor1 and inter_of(actor1) == CIVILIANS:
        # «ندين … قصف المدنيين»: ACLED never codes civilians as the side that acted
        actor1, actor2 = None, actor2 if actor2 and inter_of(actor2) != CIVILIANS else actor1
    if sub_type == ARRESTS and actor1 and inter_of(actor1) != STATE_FORCES:
        actor1, actor2 = None, actor1
    if sub_type == AIR_STRIKE and actor1 and inter_of(actor1) not in FORCES:
        actor1 = None
    if sub_type == SURRENDER and actor1 and inter_of(actor1) in FORCES:
        # «أكثر من 22 شخصا سلموا أنفسهم» to the army: the side that gave itself up acts
        surrendered = actor2 if actor2 and inter_of(actor2) not in FORCES else resolve(
            UNIDENTIFIED_GROUP, country)
        actor1, actor2 = surrendered, actor1
    source = _fire_source(sentence) if event_type == EXPLOSIONS else None
    if source and actor1 and inter_of(actor1) in FORCES:
        if answered:
            # «ردت القوات السعودية بالمدفعية على مصدر إطلاق المقذوفات … من الأراضي اليمنية»
            actor2 = actor2 or resolve(UNIDENTIFIED_GROUP, source)
        elif source not in actor1:
            # «تعرض مركز المسيال لقذائف من داخل الأراضي اليمنية … والتنسيق مع القوات
            # البرية»: the forces named are the side fired on, or the one that answered
            actor1, actor2 = resolve(UNIDENTIFIED_GROUP, source), actor1
    if actor1 is None:
        actor1 = _unnamed_actor1(sentence, event_type, sub_type, country)
    return actor1, actor2 if actor2 != actor1 else None


CROWD_EVENTS = frozenset({"Protests", "Riots"})
EXPLOSIONS = "Explosions/Remote violence"
ARRESTS = "Arrests"
ARMED_CLASH = "Armed clash"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
ABDUCTION = "Abduction/forced disappearance"
CIVILIANS_OF = "Civilians ({country})"
AIR_STRIKE = "Air/drone strike"
# triggers.tsv's own sub-types: ground taken is resolved by who took it (``_territory``), a
# surrender is ACLED's «Other» with the side that gave itself up as actor1
TERRITORY = "territory"
SURRENDER = "surrender"


@cache
def default_actors() -> dict[tuple[str, str], str]:
    """(event type, sub-type or "") → the actor1 ACLED codes when the report names none
    (``default_actors.tsv``)."""
    return {(row["event_type"], row["sub_event_type"]): row["actor"]
            for row in load_tsv(DEFAULT_ACTORS_FILE)}


def _unnamed_actor1(sentence: str, event_type: str, sub_type: str,
                    country: str | None) -> str | None:
    """actor1 when the sentence names no actor: the country shells came from («سقوط
    مقذوفات من داخل الأراضي اليمنية» → an unidentified armed group of Yemen), else the
    actor ACLED codes for the kind of event (protesters of the country, its police for
    arrests)."""
    source = _fire_source(sentence) if event_type == EXPLOSIONS else None
    if source is not None:
        return resolve(UNIDENTIFIED_GROUP, source)
    defaults = default_actors()
    template = defaults.get((event_type, sub_type)) or defaults.get((event_type, ""))
    return resolve(template, country) if template and country else None


UNIDENTIFIED_GROUP = "Unidentified Armed Group ({country})"


def _fire_source(sentence: str) -> str | None:
    """The country named as where fire came from: «من داخل الأراضي اليمنية» (an origin
    word, land words, a country adjective: ``scene_words.tsv`` origin, land)."""
    words = WORD.findall(normalize(sentence))
    gazetteer = load_gazetteer()
    for i, word in enumerate(words):
        if word.removeprefix("و") not in scene_words("origin"):
            continue
        j = i + 1
        while j < len(words) and words[j] in scene_words("land"):
            j += 1
        if j == i + 1 or j == len(words):
            continue
        iso2 = demonym_country(gazetteer, place_form(words[j]))
        place = gazetteer.by_id.get(iso2) if iso2 else None
        if place is not None and place.kind == "country":
            return place.name_en
    return None


def _territory(actor1: str | None) -> str:
    """Who took the ground decides the sub-type; unknown takers are coded as a clash."""
    inter = inter_of(actor1)
    if not inter:
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


@cache
def scene_words(group: str) -> frozenset[str]:
    """The folded words of one group of ``scene_words.tsv`` (scene, origin, since, …)."""
    return frozenset(normalize(row["word"]) for row in load_tsv(SCENE_WORDS_FILE)
                     if row["group"] == group)


TOTAL_VERB_REACH = 12  # words from «ليرتفع» to its «إلى 21»: «عدد قتلى … منذ 20 يوليو»


def _running_total(before: str) -> bool:
    """Whether a killed figure is a running total over a period, not the dead of this
    sentence's event: it comes right after the «إلى» of a rise counted since a date or over
    a period («ليرتفع عدد القتلى منذ 20 يوليو إلى 21»; ``scene_words.tsv`` total_verb,
    since, period). A rise with no period is the event's own toll, updated («ارتفعت حصيلة
    التفجير إلى 15»)."""
    words = normalize(before).split()[-TOTAL_VERB_REACH:]
    if not words or "الي" not in word_forms(words[-1]):  # «إلى», «وإلى»
        return False
    rise = next((at for at, word in enumerate(words)
                 if set(word_forms(word)) & scene_words("total_verb")), None)
    return rise is not None and any(
        word.removeprefix("و") in scene_words("since") | scene_words("period")
        for word in words[rise + 1:-1])


def _opens_scene(sentence: str) -> bool:
    """Whether a sentence opens with a scene word («وفي اليوم الخامس»), a «و/ف» allowed."""
    words = normalize(sentence[:40]).split()
    first = words[0] if words else ""
    return first in scene_words("scene") or (
        first[:1] in {"و", "ف"} and first[1:] in scene_words("scene"))


def _long_period(sentence: str, told_before: bool = False) -> bool:
    """Whether a sentence counts over weeks or more («قتلت 3042 من داعش خلال 10 أشهر»,
    «وتدور منذ أسابيع معارك»): a period word, a number or none, a long unit
    (``scene_words.tsv`` period, long_unit), or a phrase of one (long_span: «خلال أسبوع»,
    «ومنذ ذلك الحين تشن القوات غارات»); or, when the report ``told_before`` of such a
    period, a period word pointing back to it («قتل 170 مدنيا … خلال هذه الفترة»:
    period_back)."""
    words = [word.removeprefix("و") for word in WORD.findall(normalize(sentence))]
    leads, units = scene_words("period"), scene_words("long_unit")
    for i, word in enumerate(words):
        two = " ".join(words[i:i + 2])
        if two in scene_words("long_span") or " ".join(words[i:i + 3]) in scene_words(
                "long_span"):
            return True
        lead = 2 if two in leads else 1 if word in leads else 0
        if not lead:
            continue
        after = words[i + lead:i + lead + 2]
        if told_before and " ".join(after) in scene_words("period_back"):
            return True
        if after and after[0].isdigit():
            after = after[1:]
        if after and after[0] in units:
            return True
    return False


def _after_word(text: str, start: int, group: str) -> bool:
    """Whether the words right before ``start`` are one of a ``scene_words.tsv`` group,
    a «و» allowed («ومنذ»)."""
    words = normalize(text[max(0, start - 30):start]).split()
    if group == "origin" and len(words) >= 2 and fold_phrase(words[-2]) in NEAR_BEFORE_MIN:
        return False  # «بالقرب من درنة» is near it
    if group == "origin" and len(words) >= 3 and _place_cue(words[-1]):
        # «تضامنا مع مدينة كوباني»: a phrase's cue word before the name («من مدينة» is
        # left as it was: «انسحبوا من مدينة درنة» is where)
        return " ".join(words[-3:-1]).removeprefix("و") in scene_words(group)
    return any(" ".join(words[-size:]).removeprefix("و") in scene_words(group)
               for size in (1, 2) if len(words) >= size)


def _said_on(text: str, hit: DateHit, statements: list[Statement]) -> bool:
    """Whether a date is the day something was said, not the day of the event told: it
    stands between a statement's speaker or verb and its content, or right before the
    «أن» that opens it («أعلنت وزارة الدفاع يوم أمس أن قياديا قتل في غارة»), or right
    after a word of publishing («وفقا للبيان الذي أذيع اليوم الاثنين»; ``scene_words.tsv``
    announced). The event then takes the report's news day: it happened on or before."""
    if _after_word(text, hit.start, "announced"):
        return True
    following = normalize(text[hit.end:hit.end + 20]).split()[:1]
    if following and complementizers().get(following[0].removeprefix("ب")) == "that":
        return True  # «أعلنت الوزارة يوم أمس أن …»: the content opens after the date
    for statement in statements:
        cue = [span[0] for span in (statement.speaker_span, statement.verb_span) if span]
        if cue and min(cue) <= hit.start and hit.end <= statement.content_span[0]:
            return True
    return False


def _cause_spans(sentence: str, start: int, offset: int) -> list[Span]:
    """The clauses before a sentence's event word that tell what led to it («وبعد إقدام
    عناصر الحزب على قتل شرطيين في سروج، شنت الحكومة غارات … في شمالي سورية»): from a
    cause word (``crowd_words.tsv``) to the clause's comma."""
    causes = []
    for cause in find_phrases(fold_and_tokenize(sentence[:offset]), crowd_causes()):
        comma = COMMA.search(sentence, cause.end, offset)
        if comma is not None:
            causes.append((start + cause.start, start + comma.start()))
    return causes


def _outside(causes: list[Span], places: list[PlaceHit]) -> list[PlaceHit]:
    """The places a sentence names outside its cause clauses, unless none is."""
    kept = [place for place in places if not inside_any((place.start, place.end), causes)]
    return kept or places


def _place_cue(word: str) -> bool:
    """Whether a word is a cue before a place's name («مدينة», «محافظة»)."""
    return any(form in CUE_WORDS for form in word_forms(fold_phrase(word)))


def _where_not_whence(text: str, places: list[PlaceHit]) -> list[PlaceHit]:
    """The places a sentence may put its event in: not those after «من» ("from"), which say
    where people or fire came from («8 أجانب من مصر وتونس», «قذائف من اليمن»), nor the
    rest of a list they open, nor a country that opens a reported clause as its subject
    when the sentence names another place."""
    kept: list[PlaceHit] = []
    whence = False
    previous_end = None
    for place in sorted(places, key=lambda p: p.start):
        listed = _joined(text, previous_end, place.start)
        whence = _after_word(text, place.start, "origin") or (listed and whence)
        if not whence:
            kept.append(place)
        previous_end = place.end
    # «أن الولايات المتحدة وحلفاءها نفذوا 29 ضربة … في العراق وسوريا»: a country opening
    # a reported clause is who acted; it is the place only if the sentence names no other
    acting = [place for place in kept if place.precision >= REGION
              and _after_complementizer(text, place.start)]
    kept = [place for place in kept if place not in acting] or kept
    # «في محافظة لحج شمال عدن»: a place that says where the one before it lies is not where
    ordered = sorted(places, key=lambda p: p.start)
    landmarks = [place for before, place in pairwise(ordered)
                 if _lies_by(text, before.end, place.start)]
    return [place for place in kept if place not in landmarks] or kept


MILITARY_FORCES = "Military Forces of {country}"


def _acting_country(text: str, places: list[PlaceHit], start: int, trigger_at: int
                    ) -> PlaceHit | None:
    """The country that opens a reported clause before the event word, as its subject:
    «أن تركيا شنت … غارات» (its forces acted, if the sentence puts the event elsewhere;
    «إن تركيا شهدت اشتباكات» is where)."""
    return next((place for place in places
                 if start <= place.start < trigger_at and place.precision >= REGION
                 and place.country and _after_complementizer(text, place.start)), None)


def _after_complementizer(text: str, start: int) -> bool:
    words = normalize(text[max(0, start - 12):start]).split()
    return bool(words) and complementizers().get(words[-1].removeprefix("ب")) == "that"


def _lies_by(text: str, previous_end: int, start: int) -> bool:
    """Whether only words of where a place lies by another («شمال», «في جنوب شرق», «قرب»:
    ``place_words.tsv`` near) stand between a place and the one before it."""
    words = [word for word in fold_phrase(text[previous_end:start]).split() if word != "في"]
    return 0 < len(words) <= 2 and all(
        any(form in NEAR_WORDS for form in word_forms(word)) for word in words)


def _joined(text: str, previous_end: int | None, start: int) -> bool:
    """Whether a place follows the one before it in a list: only «و» or a comma between."""
    return previous_end is not None and text[previous_end:start].strip(" ،,") in {"", "و"}


def _event_place(places: list[PlaceHit], trigger_at: int) -> PlaceHit | None:
    """The town the sentence puts the event in: of the towns it names (in or near them), the
    one nearest the trigger («المعارك الجارية بأطراف مدينتي الرمادي والفلوجة» → Ramadi);
    a region or country only when it names no town."""
    best = min((place.precision >= REGION for place in places), default=None)
    return min((place for place in places if (place.precision >= REGION) == best),
               key=lambda place: (abs(place.start - trigger_at), place.start), default=None)


PHYSICAL = frozenset({"Battles", "Explosions/Remote violence"})


def _ongoing_actor(mentions: list[EventMention], place: PlaceHit | None,
                   actor2: str | None) -> tuple[str | None, EventSpan | None]:
    """actor1 of a fight whose sentence names no side, from the report's context: the side
    of its nearest earlier fight, at the same place, named in the report («قصف الجيش مواقع
    المسلحين في درنة. ... الضربات الجوية أدت إلى مقتل 32» — the air strikes are the
    army's). ACLED's coders read a report whole the same way. Returns the actor and the
    sentence that names it; nothing when that side is the one acted on here, or is an
    unidentified group."""
    earlier = next((m for m in reversed(mentions) if m.event_type in PHYSICAL), None)
    if (earlier is None or not earlier.actor1 or earlier.actor1 == actor2
            or earlier.actor1.startswith(UNIDENTIFIED)
            or (place and earlier.place and place.name != earlier.place.name)):
        return None, None
    return earlier.actor1, earlier.actor1_from or EventSpan(earlier.doc_id, earlier.span,
                                                            earlier.text)


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


def date_range(value: str, precision: str | None, last: str | None = None
               ) -> tuple[date, date]:
    """The days a date of some precision may stand for: a period from its first to its
    ``last`` day; else a week ending on its date (an undated event reported on a day
    happened in the days before), a month, a year."""
    if last and len(value) == len(last) == len("2018-05-08"):
        return date.fromisoformat(value), date.fromisoformat(last)
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


BACKGROUND_DAYS = 7  # ACLED codes a recalled event as news when it is at most a week old


def _long_before(when: DateHit, published: str | None) -> bool:
    """Whether a date named in a sentence ends more than a week before the report was
    published: the sentence recalls an earlier event as background («بعد تفجير استهدف …
    أواخر الشهر الماضي»), it is not news of this report."""
    if not published or not when.value:
        return False
    _, last = date_range(when.value, when.precision, when.last)
    return (date.fromisoformat(published) - last).days > BACKGROUND_DAYS


def _news_day(dates: list[DateHit], published: str | None) -> str | None:
    """The day a report's news happened, for its sentences that name none: the first day
    it names in the week up to its publication («أمس الجمعة» in a daily's lead), else the
    publication day. A daily reports yesterday; its later sentences rarely repeat «أمس»."""
    if not published:
        return None
    first = date.fromisoformat(published) - timedelta(days=BACKGROUND_DAYS)
    return next((hit.value for hit in dates if hit.precision == "day" and not hit.last
                 and hit.value and len(hit.value) == len(published)
                 and first.isoformat() <= hit.value <= published), published)


def _publication_day(published: str | None) -> str | None:
    try:
        return date.fromisoformat(published[:10]).isoformat() if published else None
    except ValueError:
        return None
