"""Armed and political actors: their Arabic names (``actors.tsv``) normalized to ACLED's.

«الجيش الوطني الليبي», «قوات حفتر» and «القيادة العامة» are one actor, the Libyan National
Army; «داعش» and «تنظيم الدولة» are the Islamic State. Generic names take a country:
«الجيش» in a report is that country's army, and when the report names exactly one specific
force of that country («الجيش الوطني الليبي»), that force. The entities stage makes one
organization of each actor; the events stage codes actor1 and actor2 with the same names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from functools import cache, lru_cache

from khabar.extract.lexicons import function_words
from khabar.link.geocode import demonym_country, load_gazetteer, place_form
from khabar.model import Statement
from khabar.resources import load_lines, load_tsv
from khabar.text.normalize import normalize
from khabar.text.phrases import PhraseTable, find_phrases, fold_phrase
from khabar.text.quotes import FOLDED_QUOTE_MARKS
from khabar.text.search_form import LAM_LAM, forms_keeping_article, word_forms
from khabar.text.spans import overlaps_any
from khabar.text.tokens import FoldedText, Token, fold_and_tokenize

ACTORS_FILE = "link/actors.tsv"
COUNTRY = "{country}"
FORCE_NOUNS_FILE = "link/force_nouns.tsv"
ARM_WORDS_FILE = "link/arm_words.txt"
COUNTRY_ARTICLE_FILE = "link/country_article.txt"
GROUP_HEADS_FILE = "link/group_heads.txt"
ARMY_HEADS_FILE = "link/army_heads.txt"
MILITIA_WORDS_FILE = "link/militia_words.tsv"
ACTOR_SENSES_FILE = "link/actor_senses.tsv"
OUR_FORCES_FILE = "link/our_forces.txt"
MAX_GROUP_NAME_WORDS = 3  # words after a militia head before the definite one ends the name
UNLISTED_GROUP_INTER = "3"  # ACLED's political militia: an armed group named by its own name
UNIDENTIFIED = "Unidentified"  # ACLED's names for an unknown side start so
SENTENCE_ENDS = frozenset({".", "؟", "?", "!"})
ARMED_GROUPS = frozenset({"2", "3", "4"})  # ACLED inter: rebels, political/identity militias


@dataclass(frozen=True)
class ActorName:
    """An actor named in a text: ``text[start:end] == written``."""

    name: str  # ACLED's name; a template («Military Forces of {country}») when generic
    inter: str  # ACLED's actor type code
    start: int
    end: int
    written: str
    unit: str = ""  # the unit of the actor it names («القوات الخاصة (الصاعقة)»), if any
    country: str | None = None  # a generic name's country, from the adjective after it
    only_in: str | None = None  # the one country where the name means this actor

    @property
    def generic(self) -> bool:
        return COUNTRY in self.name


@cache
def force_nouns() -> dict[str, str]:
    """Folded noun → the actor template it names before a country adjective
    (``force_nouns.tsv``: «القوات العراقية», «غارة أميركية»)."""
    return {row["noun"]: row["actor"] for row in load_tsv(FORCE_NOUNS_FILE)}


@cache
def army_nouns() -> frozenset[str]:
    """«قوات», «القوات»: the nouns that stand before a named army (``force_nouns.tsv``)."""
    return frozenset(row["noun"] for row in load_tsv(FORCE_NOUNS_FILE) if row["army"])


@cache
def actors() -> PhraseTable[tuple[str, str, str, str]]:
    """Folded form → (ACLED actor name, inter code, unit or "", country or ""): a form with
    a country names that actor only in events of that country («المقاومة الشعبية» in Yemen).

    Every specific army's form also stands after «قوات» («قوات الجيش الليبي» is one name,
    not the generic «قوات الجيش» and a stray «الليبي»), and every non-state group's after
    a head word of ``group_heads.txt`` («جماعة أنصار الشريعة»)."""
    rows = [(fold_phrase(row["form"]), (row["actor"], row["inter"], row["unit"],
                                         row["country"]))
            for row in load_tsv(ACTORS_FILE)]
    army_heads = frozenset(load_lines(ARMY_HEADS_FILE))
    forces = [(f"{noun} {form}", value) for form, value in rows
              for noun in sorted(army_nouns()) if not noun.startswith("ال")
              if COUNTRY not in value[0] and form.split()[0] in army_heads]
    heads = [fold_phrase(head) for head in load_lines(GROUP_HEADS_FILE)]
    groups = [(f"{head} {form}", value) for form, value in rows
              for head in heads if value[1] in ARMED_GROUPS
              and not value[0].startswith(UNIDENTIFIED) and form.split()[0] not in heads]
    return PhraseTable([*forces, *groups, *rows])


@cache
def arabic_names() -> dict[str, str]:
    """ACLED actor name → its first Arabic form in the lexicon (the name entities carry)."""
    names: dict[str, str] = {}
    for row in load_tsv(ACTORS_FILE):
        names.setdefault(row["actor"], row["form"])
    return names


def find_actors(folded: FoldedText, offset: int = 0) -> list[ActorName]:
    """The actors a folded text names, in order; spans are shifted by ``offset``.

    A generic noun right before a specific actor is that actor's: «مسلحي داعش» are the
    Islamic State's fighters, not an unidentified armed group. A country adjective after a
    generic name gives its country: «القوات العراقية» are Iraq's forces, «الشرطة المصرية»
    Egypt's police (the adjective is part of the name)."""
    found = []
    hits = find_phrases(folded, actors())
    for hit, following in zip(hits, [*hits[1:], None], strict=False):
        name, inter, unit, only_in = hit.value
        if _other_sense(folded, hit.first, hit.last):
            continue  # «هذه القاعدة», «القاعدة العسكرية»: a base, not al-Qaeda
        if (COUNTRY in name and following is not None and COUNTRY not in following.value[0]
                and following.first == hit.last + 1
                and folded.original[following.start - 1:following.start] != "و"):
            continue  # «مسلحي داعش»; but «جماعة أنصار الشريعة وتنظيم القاعدة» is a list
        actor = ActorName(name, inter, hit.start + offset, hit.end + offset, hit.written, unit,
                          only_in=only_in or None)
        if COUNTRY in name and hit.last + 1 < len(folded.tokens):
            actor = _with_country(actor, folded, hit.last + 1, offset)
        found.append(actor)
    found += _forces_of_countries(folded, found, offset)
    return sorted([*found, *_unlisted_groups(folded, found, offset)],
                  key=lambda actor: actor.start)


@cache
def actor_senses() -> dict[str, list[tuple[int, str]]]:
    """Folded name → (side, folded word pattern) of the contexts that give it another sense
    (``actor_senses.tsv``); side is -1 for the word before, 1 for the word after, 0 for any
    word before it in its sentence."""
    senses: dict[str, list[tuple[int, str]]] = {}
    for row in load_tsv(ACTOR_SENSES_FILE):
        side = {"before": -1, "after": 1, "earlier": 0}[row["side"]]
        senses.setdefault(fold_phrase(row["form"]), []).append((side, normalize(row["word"])))
    return senses


def _other_sense(folded: FoldedText, first: int, last: int) -> bool:
    """Whether the words next to a matched name (tokens ``first``..``last``) give it another
    sense than the actor's (``actor_senses.tsv``)."""
    tokens = folded.tokens
    contexts = actor_senses().get(" ".join(token.form for token in tokens[first:last + 1]))
    if not contexts:
        return False
    for side, pattern in contexts:
        if side == 0:
            if _earlier_in_sentence(tokens, first, pattern) and not (
                    first and tokens[first - 1].form in FOLDED_QUOTE_MARKS):
                return True
            continue
        at = first - 1 if side < 0 else last + 1
        if 0 <= at < len(tokens) and tokens[at].is_word and fnmatchcase(tokens[at].form,
                                                                          pattern):
            return True
    return False


def _earlier_in_sentence(tokens: list[Token], first: int, pattern: str) -> bool:
    """Whether a word before token ``first`` in its sentence, after a conjunction or
    preposition but with no article, matches the pattern («قاعدة العند …» before «المطلة
    على القاعدة»: the base; an earlier «القاعدة» is no such word)."""
    for token in reversed(tokens[:first]):
        if token.form in SENTENCE_ENDS:
            return False
        if token.is_word and any(fnmatchcase(form, pattern)
                                 for form in forms_keeping_article(token.form)):
            return True
    return False


def _unlisted_groups(folded: FoldedText, found: list[ActorName], offset: int
                     ) -> list[ActorName]:
    """«ميليشيات البقرة», «كتيبة شهداء الزاوية»: a militia head (``militia_words.tsv``) and
    the name after it are an armed group, though the lexicon does not list it; the group is
    named as the report writes it. The name is a construct chain, so it ends with its first
    definite word («كتيبة الفاروق المتخصصة» would run on into an adjective; «ميليشيات
    مسلحة» has none and names no one); a side's word («ميليشيات النظام») names no group,
    nor does a chain over a listed actor («ميليشيات الحوثي»)."""
    taken = [(actor.start - offset, actor.end - offset) for actor in found]
    tokens = folded.tokens
    skip = _not_in_group_names()
    groups = []
    for k, token in enumerate(tokens):
        head = _militia_head_of(token.form)
        if head is None:
            continue
        last = next((j for j in range(k + 1, min(k + 1 + MAX_GROUP_NAME_WORDS, len(tokens)))
                     if tokens[j].form.startswith("ال")), None)
        if last is None or any(not tokens[j].is_word or tokens[j].form in skip
                               for j in range(k + 1, last + 1)):
            continue
        start, end = folded.span(k, last)
        start += len(token.form) - len(head)  # «وميليشيات» → «ميليشيات»
        if overlaps_any((start, end), taken):
            continue
        written = folded.original[start:end]
        groups.append(ActorName(written, UNLISTED_GROUP_INTER, start + offset, end + offset,
                                written))
    return groups


@cache
def _militia_words(group: str) -> frozenset[str]:
    return frozenset(row["word"] for row in load_tsv(MILITIA_WORDS_FILE)
                     if row["group"] == group)


@cache
def _not_in_group_names() -> frozenset[str]:
    return function_words() | _militia_words("not_name")


@lru_cache(maxsize=100_000)
def _militia_head_of(form: str) -> str | None:
    """The militia head a folded word is, a proclitic allowed («وميليشيات»), not with the
    article («الميليشيات» names no group of its own)."""
    heads = _militia_words("head")
    return next((reading for reading in word_forms(form) if reading in heads
                 and "ال" not in form[:len(form) - len(reading)]
                 and not form.startswith(LAM_LAM)), None)


def _forces_of_countries(folded: FoldedText, found: list[ActorName], offset: int
                         ) -> list[ActorName]:
    """«القوات العراقية», «مقاتلات تركية», «غارة أميركية», «القصف الجوي التركي»: a noun of
    ``force_nouns.tsv`` and a country adjective are that country's forces, though the noun
    alone names no one."""
    taken = [(actor.start - offset, actor.end - offset) for actor in found]
    tokens = folded.tokens
    forces = []
    for k in range(len(tokens) - 1):
        form = tokens[k].form
        noun = _force_noun_of(form)
        if noun is None:
            continue
        # «وقوات» → «قوات»; «للقوات» keeps its lam, as phrase matches do
        glued = 0 if form.startswith(LAM_LAM) else len(form) - len(noun)
        start, end = folded.folded.to_original(tokens[k].start + glued, tokens[k].end)
        if overlaps_any((start, end), taken):
            continue
        bare = ActorName(force_nouns()[noun], "1", start + offset, end + offset,
                         folded.original[start:end])
        # «القصف الجوي التركي»: an arm's adjective may stand before the country's
        arm = k + 2 < len(tokens) and tokens[k + 1].form in arm_words()
        actor = _with_country(bare, folded, k + 2 if arm else k + 1, offset)
        if actor.country is not None:
            forces.append(actor)
    return forces


@cache
def arm_words() -> frozenset[str]:
    """«الجوي», «الحربية»: an arm's adjectives between a force noun and its country's
    (``arm_words.txt``)."""
    return frozenset(load_lines(ARM_WORDS_FILE))


@lru_cache(maxsize=100_000)
def _force_noun_of(form: str) -> str | None:
    """The noun of ``force_nouns.tsv`` a folded word is, a proclitic allowed («والقوات»)."""
    readings = word_forms(form)
    return next((noun for noun in sorted(force_nouns(), key=len, reverse=True)
                 if noun in readings), None)


def _with_country(actor: ActorName, folded: FoldedText, k: int, offset: int) -> ActorName:
    """A generic actor with the country of the adjective at token k, if it is one."""
    gazetteer = load_gazetteer()
    iso2 = demonym_country(gazetteer, place_form(folded.tokens[k].form))
    place = gazetteer.by_id.get(iso2) if iso2 else None
    if place is None or place.kind != "country" or not place.name_en:
        return actor
    end = folded.span(k, k)[1]
    return replace(actor, end=end + offset, country=place.name_en,
                   written=folded.original[actor.start - offset:end])


@cache
def _forms_of() -> dict[str, list[frozenset[str]]]:
    """ACLED actor name → the folded words of each of its lexicon forms."""
    forms: dict[str, list[frozenset[str]]] = {}
    for form, (name, *_) in actors().items():
        forms.setdefault(name, []).append(frozenset(form.split()))
    return forms


def resolve(name: str, country: str | None, specific: frozenset[str] = frozenset(),
            written: str = "") -> str:
    """A generic name with its country filled in, narrowed to the one specific force of that
    country the report names; a specific name as it is.

    When the report names several forces of the country («الجيش الوطني الليبي» and «قوات
    الوفاق»), «الجيش» is the one that is called an army: the force with a name holding the
    generic's words (``written``) other than «قوات»."""
    if COUNTRY not in name:
        return name
    if country is None:  # «Military Forces (country not known)»
        return name.replace(" of {country}", "").replace(" ({country})", "") + \
            " (country not known)"
    generic = name.replace(COUNTRY, _with_article(country))
    forces = _narrowed([force for force in specific if force.startswith(generic + " (")],
                       written)
    return forces[0] if len(forces) == 1 else generic


def name_of(actor: ActorName, specific: frozenset[str], country: str | None = None
            ) -> str | None:
    """The actor a name in a report means, its generic names narrowed in this order: by the
    country its adjective gives («القوات العراقية»); to a force the report names of
    ``country`` (the event's, when known); to the one force of any country the report names
    («القوات المسلحة» in a report naming only the LNA, even in a sentence placed «من قطر»);
    else the template filled with ``country``. None when nothing narrows a generic name and
    no country is known (the entities stage then makes no organization of it). A name that
    means its actor only in one country (``only_in``) means none elsewhere."""
    if actor.only_in and actor.only_in != country:
        return None
    if actor.country:
        return resolve(actor.name, actor.country, specific, actor.written)
    if country is not None:
        placed = resolve(actor.name, country, specific, actor.written)
        if placed in specific or not actor.generic:
            return placed
    return force_of(actor.name, specific, actor.written) or (
        resolve(actor.name, country, specific, actor.written) if country else None)


def _with_article(country: str) -> str:
    """«the United States», «the Netherlands»: ACLED's names keep the English article."""
    return f"the {country}" if country.startswith(_article_countries()) else country


@cache
def _article_countries() -> tuple[str, ...]:
    """Starts of the English country names ACLED writes with «the» (``country_article.txt``)."""
    return load_lines(COUNTRY_ARTICLE_FILE)


def force_of(name: str, specific: frozenset[str], written: str = "") -> str | None:
    """The one specific force a generic name means in a report whose country is not known:
    the only named force that fits the template in any country («الجيش» in a report naming
    only the Libyan National Army), else None. Among several, the one called an army, as
    in ``resolve``."""
    if COUNTRY not in name:
        return name
    before, after = name.split(COUNTRY)
    pattern = re.compile(re.escape(before) + r"[^()]+" + re.escape(after) + r" \(")
    forces = _narrowed([force for force in specific if pattern.match(force)], written)
    return forces[0] if len(forces) == 1 else None


def _narrowed(forces: list[str], written: str) -> list[str]:
    """Of several forces, those with a name holding the generic's words besides «قوات»
    («القوات المسلحة» is the force one of whose names is «القوات المسلحة الليبية»)."""
    if len(forces) <= 1 or not written:
        return forces
    words = [set(word_forms(word)) for word in fold_phrase(written).split()
             if word not in army_nouns()]
    return [force for force in forces
            if words and any(all(readings & form for readings in words)
                             for form in _forms_of().get(force, ()))]


def inter_of(actor: str | None) -> str:
    """ACLED's actor type code of a resolved actor name (templates included); a militia
    the lexicon does not list, named as written («ميليشيات البقرة»), is a political
    militia."""
    if not actor:
        return ""
    for name, inter, *_ in actors().values():
        if name == actor or (COUNTRY in name
                             and actor.startswith(name.split(COUNTRY)[0].rstrip(" ("))):
            return inter
    first = fold_phrase(actor).split(" ", 1)[0]
    return UNLISTED_GROUP_INTER if first and _militia_head_of(first) else ""


def speaker_side(statement: Statement, statements: list[Statement]) -> ActorName | None:
    """The force a statement's speaker speaks for, named in his role («المتحدث باسم الجيش
    الليبي», «قائد قوات الصاعقة»): the role of this statement, of the one whose speaker it
    carries on («وأضاف»), or of another statement of the same speaker in the report. A
    speaker with no role speaks for no force: «تنظيم داعش» said, or a witness."""
    by_id = {other.id: other for other in statements}
    told: list[Statement] = []
    while statement is not None and statement not in told:
        told.append(statement)
        statement = by_id.get(statement.speaker_from)
    speaker = next((said.speaker for said in told if said.speaker), None)
    told += [other for other in statements if speaker and other.speaker == speaker]
    for said in told:
        named = find_actors(fold_and_tokenize(said.speaker_role)) if said.speaker_role else []
        if named:
            return named[0]
    return None


@cache
def our_forces() -> PhraseTable[str]:
    return PhraseTable((fold_phrase(form), form) for form in load_lines(OUR_FORCES_FILE))


def our_forces_in(folded: FoldedText, offset: int, text: str, side: ActorName
                  ) -> list[ActorName]:
    """A speaker's own forces where a text of his names them in the first person
    («قواتنا»: ``our_forces.txt``), each as the force he speaks for; ``text`` is what
    ``folded`` folds, and spans are shifted by ``offset``."""
    return [replace(side, start=hit.start + offset, end=hit.end + offset,
                    written=text[hit.start:hit.end])
            for hit in find_phrases(folded, our_forces())]
