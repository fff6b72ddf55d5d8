"""One entity per real person or organization across all articles, and every mention of it.

Speakers are written many ways: «العميد أحمد المسماري», «المسمارى» (Egyptian ى), «اللواء
المسماري» a year later, «المتحدث باسم الجيش الليبي» in apposition, «المتحدث» alone. Linking
works in two steps:

1. Within an article: full names (two words or more) are the people; a bare family name
   («المسماري») belongs to the person of that article whose name ends with it; an office
   alone («المتحدث») to the person apposed to that office in the article, else to the
   statement's resolved speaker.
2. Across articles: people whose folded names are equal, or where one name is the other
   with words left out (same first and last word: «خليفة حفتر» = «خليفة بلقاسم حفتر»), are
   one entity; a family name seen alone in an article joins the one person of the corpus
   with that family name, when there is exactly one.

Titles are kept as a history («العميد» in 2018, «اللواء» in 2019), not as separate people.
Organizations link when their folded names are equal. Unnamed sources («مصادر») are no
entity. Every statement gets the id of its speaker's entity.

Besides speakers and titled people, the names the NER model finds (``extract.ner``) are
entities: people named without a title («دونالد ترامب»), organizations («مجلس شورى
مجاهدي درنة») and places the gazetteer lacks («البوانيس»). A name that covers a gazetteer
place is left to the places stage, which knows its coordinates; a one-word name the model
calls a person becomes an entity only when it is the family name of someone named in full.
A person one report names in full with a title is then sought by name in every report,
where the model may have missed it («نظام معمر القذافي»).

Mentions are what an analyst would mark: a titled name («العميد أحمد المسماري»), an office
set off by a comma as a mention of its own («المتحدث باسم الجيش الليبي»), never a name
inside a longer mention of the same person; «الأخير» ("the latter") is a mention of the
person named just before it. Named operations and battles («معركة طرابلس», «طوفان الكرامة»,
``link.operations``) are MISC entities; names in quote marks after a head noun («حي
"البوانيس"», «حزب "النور"», ``link.quoted_names``) are places and organizations.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cache

from khabar.extract.lexicons import function_words, structure_words
from khabar.extract.ner import NameSpan, find_names
from khabar.extract.speakers import KnownNames, parse_speaker, runs, word_kind
from khabar.link.actors import arabic_names, find_actors, name_of, our_forces_in, speaker_side
from khabar.link.operations import find_operations
from khabar.link.quoted_names import find_quoted_names
from khabar.model import Article, Entity, Mention, Span, Statement
from khabar.outlets import find_outlet_mentions
from khabar.resources import load_tsv
from khabar.text.normalize import normalize
from khabar.text.search_form import LAM_LAM, word_forms
from khabar.text.spans import inside_any, overlaps_any
from khabar.text.tokens import FoldedText, Token, fold_and_tokenize

# An organization or place name the NER model returns longer than this has run on into the
# clause around it.
MAX_NAME_WORDS = 6


@dataclass
class _Person:
    """A person or organization as seen in one article, before linking across articles."""

    doc_id: str
    type: str  # PER / ORG / LOC
    name_words: tuple[str, ...]  # folded
    names: list[str] = field(default_factory=list)  # as written
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    published: str | None = None
    only_named: bool = False  # found only as a name by the NER model, never titled or quoted
    actor: str | None = None  # ACLED's name, for an actor of the lexicon (``link.actors``)
    unit: str = ""  # the unit of that actor it is («القوات الخاصة (الصاعقة)»), if one
    name_en: str | None = None  # an English name the project's lists give (operations)


def link_entities(articles: list[Article], statements: list[Statement],
                  places: dict[str, list[Span]] | None = None,
                  use_names: bool = True,
                  names: Mapping[str, list[NameSpan]] | None = None) -> list[Entity]:
    """Entities for the statements' speakers, the titled people and the named people,
    organizations and places of every article.

    Args:
        articles: the corpus.
        statements: their statements; ``Statement.speaker`` is set to the entity id of each
            statement's speaker (inherited through ``speaker_from`` for dropped subjects).
        places: report id → spans of gazetteer places (the places stage's entities), which
            the NER model's names do not duplicate.
        use_names: add the NER model's names (off: speakers and titled people only).
        names: report id → the NER model's names, when an engine found them already (the
            Dask engine, on its workers); reports missing here are tagged now.
    """
    by_doc: dict[str, list[Statement]] = defaultdict(list)
    for statement in statements:
        by_doc[statement.doc_id].append(statement)
    local_of_statement: dict[str, _Person] = {}
    people: list[_Person] = []
    seen: list[tuple[Article, list[_Person]]] = []
    for article in articles:
        found, assigned = _article_people(article, by_doc.get(article.id, []))
        outlets = _outlets(article)
        taken = [*(places or {}).get(article.id, []),
                 *(m.span for p in found if p.actor for m in p.mentions),
                 *(m.span for p in outlets for m in p.mentions)]
        quoted = _quoted(article, taken)
        taken += [m.span for p in quoted for m in p.mentions]
        if use_names:
            tagged = (names or {}).get(article.id)
            found += _named(article, found, taken,
                            tagged if tagged is not None else find_names(article.text))
        _add_latter_mentions(article, found, (places or {}).get(article.id, []))
        found += _operations(article, (places or {}).get(article.id, []))
        found += outlets + quoted
        people.extend(found)
        seen.append((article, found))
        local_of_statement.update(assigned)
    if use_names:
        people += _named_elsewhere(seen)
    groups = [group for group in _link_across(people)
              if not all(p.only_named and len(p.name_words) < 2 for p in group)]
    entities, entity_of = _entities(groups)
    by_id = {statement.id: statement for statement in statements}
    holders = _office_holders(groups, entity_of)
    for statement in statements:
        person = _speaker_person(statement, by_id, local_of_statement)
        statement.speaker = entity_of.get(id(person)) if person else None
    for statement in statements:
        # «وقال المتحدث باسم قيادة العمليات»: an office alone, held by one person of the
        # corpus; a dropped subject follows its source statement.
        if statement.speaker is None and statement.speaker_role and not statement.speaker_name:
            statement.speaker = holders.get(normalize(statement.speaker_role))
    for statement in statements:
        if statement.speaker is None and statement.speaker_from:
            source = by_id.get(statement.speaker_from)
            while source is not None and source.speaker is None and source.speaker_from:
                source = by_id.get(source.speaker_from)
            statement.speaker = source.speaker if source else None
    return entities


def _operations(article: Article, places: list[Span]) -> list[_Person]:
    """The article's named operations and battles (``link.operations``), one each."""
    return _one_each(article, "MISC", [
        ((op.start, op.end), op.written, op.written, op.name_en)
        for op in find_operations(article.text, places)])


def _outlets(article: Article) -> list[_Person]:
    """The news outlets the article names («لـ"العين الإخبارية"», «صحيفة الرياض»), one
    organization each under its canonical name (``outlets.tsv``)."""
    return _one_each(article, "ORG", [
        (found.span, found.text, found.outlet.name, found.outlet.name_en)
        for found in find_outlet_mentions(article.text)])


def _quoted(article: Article, taken: list[Span]) -> list[_Person]:
    """The places and organizations the article names in quotes after a head noun
    (``link.quoted_names``: «حي "البوانيس"»), one each, where no gazetteer place, actor or
    outlet is."""
    found = [name for name in find_quoted_names(article.text)
             if not overlaps_any((name.start, name.end), taken)]
    return [person for kind in ("LOC", "ORG") for person in _one_each(article, kind, [
        ((name.start, name.end), name.written, name.name, None)
        for name in found if name.type == kind])]


def _one_each(article: Article, kind: str,
              found: list[tuple[Span, str, str, str | None]]) -> list[_Person]:
    """One organization or name per name in the article, from (span, written, name, English
    name) mentions; mentions of one name join it."""
    people: dict[tuple[str, ...], _Person] = {}
    for span, written, name, name_en in found:
        key = _name_key(name)
        person = people.get(key)
        if person is None:
            person = people[key] = _Person(article.id, kind, key, name_en=name_en,
                                           published=article.published)
        _note(person, article, span, written, name, [], None)
    return list(people.values())


def _add_latter_mentions(article: Article, found: list[_Person], places: list[Span]) -> None:
    """«الأخير» ("the latter") as a mention of the person named last before it.

    «اتصل الرئيس دونالد ترامب بالمشير خليفة حفتر …، مثنيا على جهود الأخير»: the praise is
    for Haftar. The word is an anaphor only where it does not qualify a definite noun («الأسبوع
    الأخير»), and only when the nearest name before it, in the same paragraph and close by,
    is a person's (not an organization or place, which «الأخير» may as well mean)."""
    text = article.text
    named = [(m.span, p) for p in found for m in p.mentions if m.doc_id == article.id]
    named += [(span, None) for span in places]
    for match in _LATTER.finditer(text):
        start, end = match.span("word")
        before = text[max(0, match.start() - 40):match.start()].split()
        previous = normalize(before[-1].strip(_MARKS)) if before else ""
        if "ب" not in match.group("glued") and "ل" not in match.group("glued") and (
                any(form.startswith("ال") for form in word_forms(previous))
                or previous.endswith(_latter_words("possessive")) or previous[-1:].isdigit()
                or not set(_latter_words("not_before")).isdisjoint(word_forms(previous))):
            continue  # «الأسبوع الأخير», «خطابه الأخير», «الثاني والأخير»: an adjective
        window = text[max(0, start - LATTER_REACH):start]
        reach = start - len(window) + (window.rfind("\n") + 1)
        earlier = [(span, p) for span, p in named if reach <= span[0] and span[1] <= start]
        # A name inside a longer mention («الجيش» in «قائد الجيش») is part of that mention.
        earlier = [(span, p) for span, p in earlier
                   if not any(other != span and inside_any(span, [other]) for other, _ in earlier)]
        if not earlier:
            continue
        last_end = max(span[1] for span, _ in earlier)
        nearest = [p for span, p in earlier if span[1] == last_end]
        person = nearest[0]
        if person is not None and person.type == "PER" and len(set(map(id, nearest))) == 1:
            person.mentions.append(Mention(article.id, (start, end), text[start:end]))


# «الأخير» with a conjunction or preposition glued on; «للأخير» keeps its lam.
_LATTER = re.compile(r"(?<!\w)(?P<glued>[وف]?[بل]?|[وف]?)(?P<word>ال[أا]خير|ل[أا]خير)(?!\w)")
LATTER_WORDS_FILE = "link/latter_words.tsv"


@cache
def _latter_words(group: str) -> tuple[str, ...]:
    """The words of one group of ``latter_words.tsv`` (after which «الأخير» is no anaphor)."""
    return tuple(row["word"] for row in load_tsv(LATTER_WORDS_FILE) if row["group"] == group)


_MARKS = "«»\"“”'()[]،,.:؛"
LATTER_REACH = 250  # characters back to look for the person «الأخير» means


def _office_holders(groups: list[list[_Person]], entity_of: dict[int, str]) -> dict[str, str]:
    """Folded office → the one entity apposed to it anywhere in the corpus."""
    holders: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        for person in group:
            for role in person.roles:
                holders[normalize(role)].add(entity_of[id(person)])
    return {role: next(iter(ids)) for role, ids in holders.items() if len(ids) == 1}


def _speaker_person(statement: Statement, by_id: dict[str, Statement],
                    local: dict[str, _Person]) -> _Person | None:
    seen: set[str] = set()
    current: Statement | None = statement
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current.id in local:
            return local[current.id]
        current = by_id.get(current.speaker_from) if current.speaker_from else None
    return None


def _article_people(article: Article, statements: list[Statement]
                    ) -> tuple[list[_Person], dict[str, _Person]]:
    folded = fold_and_tokenize(article.text)
    phrases = _titled_phrases(folded)
    people: dict[tuple[str, ...], _Person] = {}
    for phrase_span, text, name, titles, role in phrases:
        key = _name_key(name)
        if len(key) >= 2:
            person = people.setdefault(key, _Person(article.id, "PER", key,
                                                    published=article.published))
            _note(person, article, phrase_span, text, name, titles, role)
    for phrase_span, text, name, titles, role in phrases:
        # «المشير حفتر»: a title before one name is the person the report names in full
        # with that family name («المشير خليفة حفتر»); alone the word may be anything
        key = _name_key(name)
        if len(key) == 1 and (person := _local_match(people, key, None)) is not None:
            _note(person, article, phrase_span, text, name, titles, role)
    assigned: dict[str, _Person] = {}
    orgs: dict[tuple[str, ...], _Person] = {}
    named_actors = _actor_people(article, folded, statements)
    for statement in statements:
        if statement.speaker_span is None or statement.speaker_kind in {None, "UNNAMED",
                                                                        "ANAPHOR"}:
            continue
        name = statement.speaker_name or ""
        key = _name_key(name)
        actor = next((person for person in named_actors.values()
                      if overlaps_any(tuple(statement.speaker_span),
                                      [m.span for m in person.mentions])), None)
        if statement.speaker_kind == "ORG" and actor is not None:
            assigned[statement.id] = actor  # «الجيش الليبي» said: the actor of that name
            continue
        if statement.speaker_kind == "ORG":
            if key:
                org = orgs.setdefault(key, _Person(article.id, "ORG", key,
                                                   published=article.published))
                _note(org, article, statement.speaker_span, statement.speaker_text, name, [],
                      None)
                assigned[statement.id] = org
            continue
        person = _local_match(people, key, statement.speaker_role)
        if person is None and key:
            person = people.setdefault(key, _Person(article.id, "PER", key,
                                                    published=article.published))
        if person is None:
            continue
        _note(person, article, statement.speaker_span, statement.speaker_text, name,
              statement.speaker_titles, statement.speaker_role)
        assigned[statement.id] = person
    found = [*people.values(), *orgs.values()]
    for person in found:
        _add_name_mentions(person, article, folded)
    return [*found, *named_actors.values()], assigned


def _actor_people(article: Article, folded: FoldedText, statements: list[Statement] = ()
                  ) -> dict[str, _Person]:
    """ACLED actor → the organization it is in this article, with every name it goes by
    («قوات حفتر», «القيادة العامة»). A generic name («الجيش») is the one specific force
    that fits it among those the article names; otherwise it is no entity. A unit of an
    actor («قوات الصاعقة») is an organization of its own. «قواتنا» in a spokesman's
    statement is the force he speaks for (``link.actors.speaker_side``)."""
    named = find_actors(folded)
    specific = frozenset(actor.name for actor in named if not actor.generic)
    for statement in statements:
        first, last = statement.content_span
        side = speaker_side(statement, statements)
        if side is not None:
            content = fold_and_tokenize(article.text[first:last])
            named += our_forces_in(content, first, article.text[first:last], side)
    people: dict[str, _Person] = {}
    for actor in named:
        name = name_of(actor, specific)
        if name is None:
            continue
        # «القوات العراقية»: a generic name made specific by its adjective is named so
        arabic = actor.unit or arabic_names().get(name) or actor.written
        person = people.get(arabic)
        if person is None:
            person = people[arabic] = _Person(article.id, "ORG", _name_key(arabic),
                                              published=article.published, actor=name,
                                              unit=actor.unit)
        _note(person, article, (actor.start, actor.end), actor.written, arabic, [], None)
    return people


def _named(article: Article, found: list[_Person], taken: list[Span],
           names: list[NameSpan]) -> list[_Person]:
    """The article's names from the NER model: each joins the article's person it names
    (same name, or its family name), else becomes a new person, organization or place.
    Names over ``taken`` spans (gazetteer places, lexicon actors) are already entities, but
    for a person inside an actor's name («حكومة فايز السراج»)."""
    people = {p.name_words: p for p in found if p.type == "PER"}
    actor_spans = {m.span for p in found if p.actor for m in p.mentions}
    taken_but_actors = [span for span in taken if span not in actor_spans]
    others = {(p.type, p.name_words): p for p in found if p.type != "PER"}
    new: list[_Person] = []
    for name in names:
        span, text = _without_proclitic(article.text, name)
        key = _name_key(text)
        # a person an actor is named after («حكومة فايز السراج») is an entity of its own
        named_after = name.type == "PER" and any(
            start < span[0] and span[1] <= end for start, end in actor_spans)
        if not key or overlaps_any(span, taken_but_actors if named_after else taken) or (
                name.type != "PER" and not _plausible_name(key)) or (
                name.type == "PER" and any(char.isdigit() for char in text)):
            continue
        if name.type == "PER":
            # «عبد العزيز» at the start of «عبد العزيز الشيخ»: the model cut the name short
            # (not «خالد» of «فيصل بن خالد», his father)
            person = _local_match(people, key, None) or next(
                (p for p in people.values() if p.name_words[:len(key)] == key
                 and len(key) < len(p.name_words)
                 and any(m.span[0] == span[0] and span[1] < m.span[1] for m in p.mentions)),
                None)
            if person is None:
                person = people[key] = _Person(article.id, "PER", key,
                                               published=article.published, only_named=True)
                new.append(person)
        elif name.type in {"ORG", "LOC"}:
            person = others.get((name.type, key))
            if person is None:
                person = others[(name.type, key)] = _Person(
                    article.id, name.type, key, published=article.published, only_named=True)
                new.append(person)
        else:
            continue
        if not inside_any(span, [m.span for m in person.mentions]):
            _note(person, article, span, text, text, [], None)
    return new


def _named_elsewhere(seen: list[tuple[Article, list[_Person]]]) -> list[_Person]:
    """People a report names in full that another report names too, where nothing found
    them: the NER model misses in one report a name it found in another («نظام معمر
    القذافي»), and a person's name inside an organization's is a mention of that person
    too («حكومة فايز السراج»). Only the names of people a report gives a title («العقيد
    معمر القذافي») are sought: the model's names and bare speaker phrases would spread
    their errors («رحمه الله»). And only names of two words or more, not a compound given
    name alone («عبد العزيز»: many people)."""
    known = {person.name_words for _, found in seen for person in found
             if person.type == "PER" and person.titles and _full_name(person.name_words)}
    if not known:
        return []
    by_first: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in sorted(known, key=len, reverse=True):
        by_first[key[0]].append(key)
    # the folded text holds a known name: only then is the report tokenized again
    any_name = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(" ".join(key)) for key in known)
                          + r")(?!\w)")
    new: list[_Person] = []
    for article, found in seen:
        if not any_name.search(normalize(article.text)):
            continue
        have = {person.name_words for person in found if person.type == "PER"}
        taken = [m.span for person in found if person.type == "PER" for m in person.mentions]
        folded = fold_and_tokenize(article.text)
        tokens = folded.tokens
        added: dict[tuple[str, ...], _Person] = {}
        for k, token in enumerate(tokens):
            for key in by_first.get(token.form, ()):
                if key in have or tuple(t.form for t in tokens[k:k + len(key)]) != key:
                    continue
                span, text = folded.quote(k, k + len(key) - 1)
                if overlaps_any(span, taken):
                    continue
                person = added.setdefault(key, _Person(article.id, "PER", key,
                                                       published=article.published,
                                                       only_named=True))
                _note(person, article, span, text, text, [], None)
                taken.append(span)
                break
        new += added.values()
    return new


def _full_name(key: tuple[str, ...]) -> bool:
    """Two words or more, not a compound given name alone («عبد العزيز», «أبو بكر»: the
    head is a ``structure_words.tsv`` name connector)."""
    return len(key) >= 2 and not (len(key) == 2 and key[0] in structure_words("name_connector"))


def _without_proclitic(text: str, name: NameSpan) -> tuple[Span, str]:
    """«والجيش الليبي» → «الجيش الليبي»: a conjunction or preposition glued to «ال» is not
    part of the name («للجيش» has lost its alef and stays as written)."""
    start = name.start
    if name.text[:1] in "وفب" and name.text[1:3] == "ال" and len(name.text.split()[0]) > 4:
        start += 1
    return (start, name.end), text[start:name.end]


def _plausible_name(key: tuple[str, ...]) -> bool:
    """An organization or place name holds no preposition or verb-like function word: the
    model sometimes runs a name on into the clause («القاعدة وداعش ضد الجيش»)."""
    skip = function_words()
    return len(key) <= MAX_NAME_WORDS and not any(word in skip for word in key[1:])


def _titled_phrases(folded: FoldedText) -> list[tuple[tuple[int, int], str, str, list[str],
                                                        str | None]]:
    """Every person named with a title or office in an article: (span, text, name, titles,
    role), so people who never speak («المشير خليفة حفتر») are entities too."""
    known = KnownNames()
    phrases = []
    k = 0
    while k < len(folded.tokens):
        if (start_here := _title_start(folded, k)) is not None:
            phrase = parse_speaker(start_here, k, known)
            if phrase is not None and phrase.kind == "PER" and phrase.name:
                span, text = start_here.quote(phrase.first, phrase.last)
                name = start_here.quote(phrase.name[0], phrase.name[-1])[1]
                titles = [start_here.quote(run[0], run[-1])[1] for run in runs(phrase.titles)]
                role = start_here.quote(phrase.role[0], phrase.role[-1])[1] if phrase.role else None
                phrases.append((span, text, name, titles, role))
                k = phrase.last + 1
                continue
        k += 1
    return phrases


def _title_start(folded: FoldedText, k: int) -> FoldedText | None:
    """``folded`` with token k read as the title or office it is, or None when it is none.

    Where a preposition or conjunction is glued to the title («بالمشير خليفة حفتر», «والرئيس
    …»), token k is replaced by the title alone and starts after the proclitic, so the person
    is found and the mention leaves the preposition out; «للرئيس» keeps its «لل», which holds
    the article's lam."""
    token = folded.tokens[k]
    for form in word_forms(token.form):
        if word_kind(form) not in {"title", "role"}:
            continue
        if form == token.form:
            return folded
        glued = len(token.form) - len(form) if not token.form.startswith(LAM_LAM) else 0
        tokens = list(folded.tokens)
        tokens[k] = Token(form, token.start + glued, token.end)
        return replace(folded, tokens=tuple(tokens))
    return None


def _name_key(name: str) -> tuple[str, ...]:
    return tuple(word for word in normalize(name).replace('"', " ").split() if word)


def _local_match(people: dict[tuple[str, ...], _Person], key: tuple[str, ...],
                 role: str | None) -> _Person | None:
    """The article's person a partial mention means: same family name, or same office."""
    if key in people:
        return people[key]
    if len(key) == 1:
        matches = [p for k, p in people.items() if k[-1] == key[0]]
        return matches[0] if len(matches) == 1 else None
    if not key and role:
        folded_role = normalize(role)
        matches = [p for p in people.values()
                   if any(normalize(r).startswith(folded_role) for r in p.roles)]
        return matches[0] if len(matches) == 1 else None
    return None


def _note(person: _Person, article: Article, span: tuple[int, int] | list[int], text: str,
          name: str, titles: list[str], role: str | None) -> None:
    for start, end in _mention_parts(article.text, (span[0], span[1]), name, titles, role):
        person.mentions.append(Mention(article.id, (start, end), article.text[start:end]))
    if name and len(_name_key(name)) >= len(person.name_words):
        person.names.append(name)
    person.titles.extend(t for t in titles if t not in person.titles)
    if role and role not in person.roles:
        person.roles.append(role)


def _mention_parts(text: str, span: Span, name: str, titles: list[str], role: str | None
                   ) -> list[Span]:
    """The mentions one titled phrase makes: the name with the titles before it, the whole
    phrase up to a comma, and an office set off by a comma as a mention of its own.

    «المتحدث باسم الجيش الليبي، العميد أحمد المسماري» is two mentions of one person, «العميد
    أحمد المسماري» and «المتحدث باسم الجيش الليبي» (an apposition is a mention, as in ACE);
    «مدير إدارة التوجيه المعنوي العميد خالد المحجوب», one phrase, is itself a mention and
    holds the titled name «العميد خالد المحجوب». Appositions that are neither the name nor
    the office (a second office after «و») stay out."""
    start, end = span
    phrase = text[start:end]
    at = phrase.rfind(name) if name else -1
    if at < 0:
        return [span]
    core = at
    title_runs = sorted(set(titles), key=len, reverse=True)
    while found := next((t for t in title_runs if t and phrase[:core].rstrip().endswith(t)),
                        None):
        core = len(phrase[:core].rstrip()) - len(found)
    name_end = at + len(name)
    cut_before = max(phrase.rfind(mark, 0, core) for mark in _APPOSITION_MARKS)
    cut_after = min((i for mark in _APPOSITION_MARKS if (i := phrase.find(mark, name_end)) >= 0),
                    default=len(phrase))
    segment = _trimmed(phrase, cut_before + 1, cut_after)
    parts = [(start + segment[0], start + segment[1]), (start + core, start + name_end)]
    role = _trimmed_text(re.split("|".join(_APPOSITION_MARKS), role)[0]) if role else None
    if role and (role_at := phrase.find(role)) >= 0 and not (
            segment[0] <= role_at < segment[1]):
        parts.append((start + role_at, start + role_at + len(role)))
    return sorted(set(parts))


_APPOSITION_MARKS = ("،", ",")


def _trimmed_text(text: str) -> str:
    start, end = _trimmed(text, 0, len(text))
    return text[start:end]


def _trimmed(phrase: str, start: int, end: int) -> Span:
    while start < end and phrase[start].isspace():
        start += 1
    while end > start and phrase[end - 1].isspace():
        end -= 1
    return start, end


def _add_name_mentions(person: _Person, article: Article, folded: FoldedText) -> None:
    """Each occurrence of the person's name, or family name alone, in the article."""
    words = person.name_words
    if not words:
        return
    tokens = folded.tokens
    have = [tuple(m.span) for m in person.mentions]
    family = words[-1] if person.type == "PER" else None
    first = words[0]
    for k, token in enumerate(tokens):
        form = token.form
        if form != first and form != family:
            continue
        if tuple(t.form for t in tokens[k:k + len(words)]) == words:
            span, text = folded.quote(k, k + len(words) - 1)
        elif family and form == family and len(family) > 3:
            span, text = folded.quote(k, k)
        else:
            continue
        # A name inside a titled phrase already noted is part of that mention.
        if not inside_any(span, have):
            have.append(span)
            person.mentions.append(Mention(article.id, span, text))


def _link_across(people: list[_Person]) -> list[list[_Person]]:
    """Union people of different articles that are one person (see the module docstring)."""
    parent = list(range(len(people)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        parent[find(i)] = find(j)

    full = [i for i, p in enumerate(people) if len(p.name_words) >= 2 or p.type != "PER"]
    by_key: dict[tuple[str, tuple[str, ...]], int] = {}
    by_ends: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for i in full:
        person = people[i]
        key = (person.type, person.name_words)
        if person.actor:  # one organization per actor (or unit), whatever it was called
            key = ("ACTOR", (person.actor, person.unit))
        if key in by_key:
            union(i, by_key[key])
        else:
            by_key[key] = i
        if person.type == "PER":
            by_ends[("PER", person.name_words[0], person.name_words[-1])].append(i)
    for members in by_ends.values():
        for i in members[1:]:
            a, b = people[i].name_words, people[members[0]].name_words
            if _subsequence(a, b) or _subsequence(b, a):
                union(i, members[0])
    by_family: dict[str, set[int]] = defaultdict(set)
    for i in full:
        if people[i].type == "PER":
            by_family[people[i].name_words[-1]].add(find(i))
    for i, person in enumerate(people):
        if person.type == "PER" and len(person.name_words) == 1:
            roots = by_family.get(person.name_words[0], set())
            if len({find(r) for r in roots}) == 1:
                union(i, next(iter(roots)))
    groups: dict[int, list[_Person]] = defaultdict(list)
    for i, person in enumerate(people):
        groups[find(i)].append(person)
    return list(groups.values())


def _subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    iterator = iter(long)
    return all(word in iterator for word in short)


def _entities(groups: list[list[_Person]]) -> tuple[list[Entity], dict[int, str]]:
    entities: list[Entity] = []
    entity_of: dict[int, str] = {}
    for group in groups:
        names = [n for p in group for n in p.names] or [" ".join(group[0].name_words)]
        name = max(names, key=lambda n: (len(_name_key(n)), names.count(n)))
        kind = group[0].type
        entity_id = "ent-" + hashlib.sha1(f"{kind}:{' '.join(_name_key(name))}".encode()
                                          ).hexdigest()[:12]
        mentions = sorted({(m.doc_id, tuple(m.span), m.text) for p in group for m in p.mentions})
        titles: list[str] = []
        for person in sorted(group, key=lambda p: p.published or ""):
            titles.extend(t for t in [*person.titles, *person.roles] if t not in titles)
        entity = Entity(
            id=entity_id,
            type=kind,
            name=name,
            name_en=next((p.actor or p.name_en for p in group if p.actor or p.name_en), None),
            aliases=sorted({text for _, _, text in mentions} - {name}),
            titles=titles,
            mentions=[Mention(doc, span, text) for doc, span, text in mentions],
            title_history=_title_history(group),
        )
        entities.append(entity)
        for person in group:
            entity_of[id(person)] = entity_id
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return entities, entity_of


def _title_history(group: list[_Person]) -> list[dict[str, object]]:
    """Each title with the articles (and their dates) it was used in, oldest first."""
    history: dict[str, dict[str, object]] = {}
    for person in group:
        for title in person.titles:
            entry = history.setdefault(title, {"title": title, "doc_ids": [], "first": None,
                                               "last": None})
            entry["doc_ids"].append(person.doc_id)  # type: ignore[union-attr]
            if person.published:
                first, last = entry["first"], entry["last"]
                entry["first"] = min(filter(None, [first, person.published]))
                entry["last"] = max(filter(None, [last, person.published]))
    return sorted(history.values(), key=lambda e: (e["first"] or "", str(e["title"])))
