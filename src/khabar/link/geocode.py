"""Place names in Arabic news → places with coordinates and ACLED's geo precision.

Two steps, as ACLED codes a location:

1. ``find_places(text)``: every place name of the gazetteer (``link/gazetteer.tsv``, built by
   ``scripts/build_gazetteer.py``) in a text, with its span in the original text and the
   places it may mean. Matching works on the folded text (``khabar.text.normalize``; the
   hamza seats ئ/ؤ are also folded here, so «الفتايح» finds «الفتائح»): a dict keyed by a
   name's first folded word, longest name first («طرابلس الغرب» before «طرابلس», «مطار
   معيتيقة» before «معيتيقة»). A word may carry proclitics («بدرنة», «وطرابلس», «لبنغازي»,
   «وللقاهرة»); the span starts after them. A few safe misspellings are accepted and
   flagged (``corrected``: «طربلس», «مطار معيتقية»). A mention says which cue word
   introduced it («مدينة»), which word puts the event near it («شرق»), and whether it sits
   inside an organization's name («مجلس شورى مجاهدي درنة»: ``within_name``). On request,
   country adjectives («الأمريكية», «أفغاني») are mentions of their country too.
   Many villages are named like ordinary words (النصر، الخمس، البيضاء، الزاوية). The
   gazetteer marks those names (``cue``), found often as ordinary words in a corpus of
   Saudi news that never mentions Libya: ``context`` names are places only after a cue word
   («مدينة»، «بلدة»، «منطقة»، «حي»، «محور» …), in a list right after another place, with a
   demonym of their country after them («البيضاء الليبية»), or after a locative word
   («في»، «من»، «قرب»، «شرق» …) in a text that names the same country elsewhere;
   ``strict`` names only with a cue word, a demonym or in such a list.
2. ``resolve(mentions)``: one place per mention, from the text's other places. طرابلس is
   Libya's unless the article's other places or demonyms point to Lebanon (بيروت، لبنان،
   اللبنانية); a country name that is also its capital (تونس، الجزائر، الكويت) is the
   country unless a cue says city («مدينة تونس», «العاصمة»). Geo precision follows ACLED:
   1 the named town itself; 2 a district or site of a town, or a place «قرب/شرق …» a town,
   with the town's coordinates; 3 a region or a country.

The gazetteer is loaded once (``functools.cache``) through ``khabar.resources``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from khabar.resources import load_tsv
from khabar.text.normalize import normalize
from khabar.text.search_form import word_forms
from khabar.text.tokens import FoldedText, Token, fold_and_tokenize

GAZETTEER_FILE = "link/gazetteer.tsv"
PLACE_WORDS_FILE = "link/place_words.tsv"


def place_words(group: str) -> frozenset[str]:
    """The words of one group of ``place_words.tsv`` (cue words, locatives …)."""
    words = frozenset(row["word"] for row in load_tsv(PLACE_WORDS_FILE) if row["group"] == group)
    if not words:
        raise KeyError(f"no place words in group {group!r}")
    return words


# Folds on top of khabar.text.normalize, for place names only: the hamza's seat varies in
# place names («الفتايح»/«الفتائح»). A bare final hamza is kept: without it «صنعاً» (a
# masdar with tanween) would be «صنعاء».
PLACE_FOLD = str.maketrans({"ئ": "ي", "ؤ": "و"})

# Proclitics a place name may carry (folded): a conjunction, then a preposition. «ف» and «ك»
# alone are left out: «فسرت» and «كسرت» are verbs far more often than «and/like Sirte».
CONJUNCTIONS = ("", "و", "ف")
PREPOSITIONS = ("", "ب", "ل")
MIN_STEM_LETTERS = 3
LONG_VOWELS = frozenset("اوي")
MISSPELLING_MIN_LETTERS = 5

# Words around place names (``place_words.tsv``), folded, proclitics stripped.
SETTLEMENT_CUES = place_words("settlement_cue")
AREA_CUES = place_words("area_cue")
STATE_CUES = place_words("state_cue")
CUE_WORDS = SETTLEMENT_CUES | AREA_CUES | STATE_CUES
CITY_CUES = place_words("city_cue")  # a name both a country and its capital is the city
LOCATIVES = place_words("locative")  # a weak cue, for ``context`` names
NEAR_WORDS = place_words("near")  # the event is near the place (ACLED precision 2)
NEAR_BEFORE_MIN = place_words("near_before_min")  # «بالقرب من درنة»
NAME_HEADS = place_words("name_head")  # «مجلس شورى مجاهدي درنة»: no event is placed there
# Endings of a nisba adjective on a demonym stem: ليبي، ليبية، ليبيون، ليبيين، ليبيتان.
DEMONYM_ENDINGS = ("", "ه", "ون", "ين", "ان", "تان", "تين", "ات")
PEOPLE_ENDINGS = ("ون", "ين")  # a nisba as a plural noun: the country's people
LIST_JOINERS = frozenset({"،", ","})
PERSON_LINKS = place_words("person_link")  # a name followed by these is a person's

# Resolution weights. A name shared by a country and its capital is the country; a Libyan
# place wins a tie (khabar's reference case is Libyan news); each other place or demonym of a
# candidate's country in the text outweighs both.
KIND_PRIOR = {"country": 3.0, "city": 2.5, "region": 2.0, "district": 2.0, "site": 2.0,
              "town": 1.5, "village": 1.0, "hamlet": 0.5}
CAPITAL_BONUS = 0.25
HOME_COUNTRY = "LY"
HOME_BONUS = 0.5
QUALIFIER_BONUS = 3.0  # «طرابلس اللبنانية»
EVIDENCE_WEIGHT = 1.5  # per other place of the candidate's country (at most EVIDENCE_CAP)
EVIDENCE_CAP = 3.0
DEMONYM_EVIDENCE = 0.5  # a demonym counts half a place
NEAR_KM = 50.0  # a candidate this close to another place of the text is preferred...
NEAR_BONUS = 1.0  # ...by this much
CUE_KIND_BONUS = 3.0  # «مدينة تونس» is the city, «دولة قطر» the country

PRECISION_PLACE = 1
PRECISION_NEAR = 2
PRECISION_REGION = 3


@dataclass(frozen=True)
class Place:
    """One row of the gazetteer."""

    id: str
    name: str  # Arabic, as written
    name_en: str
    kind: str  # country / region / city / town / village / hamlet / district / site
    country: str  # ISO 3166 alpha-2; empty for regions beyond one country
    admin1: str
    lat: float | None
    lon: float | None
    parent: str | None  # id of the city a district or site is in
    source: str  # osm / babel / team / team+osm
    capital: bool = False
    cue: str = ""  # "" / context / strict
    demonyms: tuple[str, ...] = ()
    not_prev: frozenset[str] = frozenset()
    not_next: frozenset[str] = frozenset()
    common_variants: frozenset[str] = frozenset()  # misspellings that are ordinary words


@dataclass(frozen=True)
class PlaceMention:
    """A place name in a text: ``text[start:end] == mention.text``."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]
    cue: str | None = None  # the cue word as written («مدينة», «بمنطقة», «محاور»)
    cue_form: str | None = None  # the cue word folded, without proclitics («مدينه»)
    cue_start: int | None = None  # where the cue word starts, after its proclitics
    near: str | None = None  # a word placing the event near the place («شرق», «قرب»)
    qualifier: str | None = None  # country of a demonym right after («طرابلس اللبنانية»)
    within_name: str | None = None  # organization word before («مجاهدي» درنة)
    corrected: str | None = None  # the name as the gazetteer spells it, for a misspelling
    adjective: bool = False  # a country adjective («الأمريكية»), found on request


@dataclass(frozen=True)
class ResolvedPlace:
    """A mention resolved to one place, with ACLED's coordinates and precision."""

    mention: PlaceMention
    place: Place
    lat: float | None  # the coordinates ACLED would code: the town's for a district
    lon: float | None
    geo_precision: int  # 1 the town itself, 2 a part of or near a town, 3 region/country
    location: str  # ACLED's location: the place the coordinates are for
    country: str
    admin1: str
    reason: str  # why this place, for an analyst

    @property
    def start(self) -> int:
        return self.mention.start

    @property
    def end(self) -> int:
        return self.mention.end

    @property
    def text(self) -> str:
        return self.mention.text


@dataclass(frozen=True)
class _Entry:
    """A name in the index: its folded words, the places so named, and, for a misspelling
    the index also accepts («طربلس», «مطار معيتقية»), the spelling it stands for."""

    words: tuple[str, ...]
    places: tuple[Place, ...]
    corrected: str | None = None


@dataclass
class Gazetteer:
    """The places, and the look-ups built from them once."""

    places: tuple[Place, ...]
    by_id: dict[str, Place] = field(default_factory=dict)
    index: dict[str, list[_Entry]] = field(default_factory=dict)  # first word → longest first
    demonyms: dict[str, str] = field(default_factory=dict)  # folded stem → country
    capitals: dict[str, tuple[Place, ...]] = field(default_factory=dict)  # country → capitals

    @classmethod
    def from_places(cls, places: Iterable[Place]) -> Gazetteer:
        places = tuple(places)
        by_name: dict[tuple[str, ...], list[Place]] = {}
        for place in places:
            for words in name_variants(place.name):
                by_name.setdefault(words, []).append(place)
        entries = [_Entry(words, tuple(found)) for words, found in by_name.items()]
        misspelt: dict[tuple[str, ...], list[Place]] = {}
        for place in places:
            for words in misspellings(place):
                if words not in by_name:
                    misspelt.setdefault(words, []).append(place)
        entries += [_Entry(words, tuple(found), found[0].name)
                    for words, found in misspelt.items()]
        index: dict[str, list[_Entry]] = {}
        for entry in entries:
            index.setdefault(entry.words[0], []).append(entry)
        for group in index.values():
            group.sort(key=lambda entry: (-len(entry.words), entry.corrected is not None))
        demonyms = {place_form(normalize(d)): p.country for p in places for d in p.demonyms}
        capitals: dict[str, list[Place]] = {}
        for place in places:
            if place.capital and place.id not in {p.id for p in capitals.get(place.country, [])}:
                capitals.setdefault(place.country, []).append(place)
        return cls(places, {p.id: p for p in places}, index, demonyms,
                   {c: tuple(ps) for c, ps in capitals.items()})


def place_form(folded: str) -> str:
    """A folded word in the form place names are matched in (hamza folded)."""
    return folded.translate(PLACE_FOLD)


def name_words(name: str) -> tuple[str, ...]:
    """The folded words of a place name («أبو سليم» → ("ابو", "سليم"))."""
    return tuple(place_form(word) for word in normalize(name).split() if word)


def name_variants(name: str) -> list[tuple[str, ...]]:
    """A name's word tuples as news may write them: «أبو سليم», «أبوسليم», «بوسليم»."""
    words = name_words(name)
    if not words:
        return []
    variants = [words]
    if len(words) >= 2 and words[0] in {"ابو", "بو"}:
        rest = words[1:]
        for head in ("ابو", "بو"):
            for joined in ((head, *rest), (head + rest[0], *rest[1:])):
                if joined not in variants:
                    variants.append(joined)
    return variants


def misspellings(place: Place) -> list[tuple[str, ...]]:
    """Slips of the pen the index accepts for a name, where they are safe: an alef dropped
    inside a country or city name of five letters or more («طربلس»), and in the last word
    of a name of two words or more any long vowel dropped or two neighbouring letters swapped
    («مطار معيتقية»). Shorter names would meet ordinary words, and so do some longer ones
    («نالوت» → «نالت», «الغريفة» → «الغرفة»): the gazetteer lists those (``common_variants``,
    from the reference corpus) and they are left out."""
    words = name_words(place.name)
    if not words:
        return []
    last = words[-1]
    start = 2 if last.startswith("ال") else 0
    if len(last) - start < MISSPELLING_MIN_LETTERS:
        return []
    if len(words) == 1 and place.kind not in {"country", "city"}:
        return []
    found = []
    for n in range(start + 1, len(last) - 1):
        if last[n] == "ا" or (len(words) > 1 and last[n] in LONG_VOWELS):
            found.append(last[:n] + last[n + 1:])
        if len(words) > 1 and last[n] != last[n + 1] and n + 1 < len(last) - 1:
            found.append(last[:n] + last[n + 1] + last[n] + last[n + 2:])
    return [(*words[:-1], variant) for variant in dict.fromkeys(found)
            if variant != last and variant not in place.common_variants]


@cache
def load_gazetteer() -> Gazetteer:
    """The package's gazetteer, read once."""
    return Gazetteer.from_places(_place(row) for row in load_tsv(GAZETTEER_FILE))


def _place(row: dict[str, str]) -> Place:
    def number(value: str) -> float | None:
        return float(value) if value else None

    def words(value: str) -> frozenset[str]:
        return frozenset(place_form(normalize(word)) for word in value.split())

    return Place(
        id=row["id"], name=row["name"], name_en=row["name_en"], kind=row["kind"],
        country=row["country"], admin1=row["admin1"], lat=number(row["lat"]),
        lon=number(row["lon"]), parent=row["parent"] or None, source=row["source"],
        capital=row["capital"] == "1", cue=row["cue"], demonyms=tuple(row["demonym"].split()),
        not_prev=words(row["not_prev"]), not_next=words(row["not_next"]),
        common_variants=frozenset(row.get("common_variants", "").split()),
    )


# --- finding ---------------------------------------------------------------------------


@dataclass
class _Match:
    first: int  # token index of the name's first word
    last: int  # token index of its last word
    prefix: int  # proclitic letters before the name in the first token (folded)
    candidates: tuple[Place, ...]
    capital_of: str | None = None  # «العاصمة الليبية»
    corrected: str | None = None  # the gazetteer's spelling of a misspelt name


def find_places(text: str, *, gazetteer: Gazetteer | None = None, cues: bool = True,
                adjectives: bool = False) -> list[PlaceMention]:
    """Every place name in a text, with the places it may mean.

    Args:
        text (str): the original text; spans point into it.
        gazetteer (Gazetteer | None): another gazetteer (tests, the build script).
        cues (bool): False ignores the ``cue`` marks of common-word names (to measure them).
        adjectives (bool): also return country adjectives («الأمريكية», «أفغاني») as mentions
            of their country (``adjective=True``); off by default: they name no location.
    RETURNS (list[PlaceMention]): in text order, not overlapping.
    """
    if not text or not text.strip():
        return []
    gaz = gazetteer or load_gazetteer()
    folded = fold_and_tokenize(text)
    tokens = folded.tokens
    forms = [place_form(token.form) if token.is_word else token.form for token in tokens]
    options = [_matches_at(gaz, forms, k) for k in range(len(tokens))]
    context = _context_countries(gaz, forms, options)
    mentions: list[PlaceMention] = []
    previous = _List(last=-10, cued=False)
    k = 0
    while k < len(tokens):
        chosen = None
        for match in options[k]:
            if match.capital_of and match.last + 1 < len(tokens) and options[match.last + 1]:
                continue  # «العاصمة الليبية طرابلس»: the name that follows is the mention
            kept = _kept_candidates(gaz, forms, match, context, previous, cues)
            if kept:
                chosen = (match, kept)
                break
        if chosen is None:
            # «درنة الليبية»: an adjective right after a place qualifies it, no mention.
            if adjectives and forms[k][:1].isalpha() and k != previous.last + 1:
                adjective = _adjective(gaz, folded, forms, k)
                if adjective is not None:
                    mentions.append(adjective)
            k += 1
            continue
        match, kept = chosen
        if _adjective_use(gaz, forms, match):
            # «القوات السعودية»: a country named like its adjective qualifies the noun before
            if adjectives and (adjective := _adjective(gaz, folded, forms, k)) is not None:
                mentions.append(adjective)
            k = match.last + 1
            continue
        mention = _mention(gaz, folded, forms, match, kept)
        listed = _after_list(forms, match, previous.last)
        if mentions and mention.within_name is None and listed:
            # «تنظيمات حماية درنة وبوسليم»: a list inside an organization's name
            mention = replace(mention, within_name=mentions[-1].within_name)
        mentions.append(mention)
        previous = _List(match.last, mention.cue is not None or (listed and previous.cued))
        k = match.last + 1
    return mentions


def _adjective(gaz: Gazetteer, folded: FoldedText, forms: Sequence[str],
               k: int) -> PlaceMention | None:
    """A country adjective as a mention of its country («وأفغاني» → «أفغاني»)."""
    country = demonym_country(gaz, forms[k])
    if country is None or country not in gaz.by_id or forms[k].endswith(PEOPLE_ENDINGS):
        return None  # «الليبيين» are people of the country, not a mention of it
    prefix = max(n for stem, n in _stems(forms[k]) if demonym_country(gaz, stem) == country)
    token = folded.tokens[k]
    start, end = folded.folded.to_original(token.start + prefix, token.end)
    return PlaceMention(start=start, end=end, text=folded.original[start:end],
                        candidates=(gaz.by_id[country],), adjective=True)


def _adjective_use(gaz: Gazetteer, forms: Sequence[str], match: _Match) -> bool:
    """A one-word country name that is also its adjective («السعودية»), right after a definite
    noun that is no place («القوات السعودية», «بالخارجية السعودية»): the adjective."""
    if match.first != match.last or match.prefix or match.first == 0:
        return False
    country = demonym_country(gaz, forms[match.first])
    if country is None or all(place.id != country for place in match.candidates):
        return False
    definite = any(form.startswith("ال") and len(form) > 3
                   for form in word_forms(forms[match.first - 1]))  # «وبالقوات», «للقوات»
    return definite and not _matches_at(gaz, forms, match.first - 1)


@dataclass(frozen=True)
class _List:
    """The last place found: where it ended, and whether its list opened with a cue word."""

    last: int
    cued: bool


def _stems(form: str) -> list[tuple[str, int]]:
    """A folded word and its stems with proclitics stripped: (stem, letters stripped)."""
    stems = [(form, 0)]
    for conjunction in CONJUNCTIONS:
        for preposition in PREPOSITIONS:
            prefix = conjunction + preposition
            if not prefix or prefix == "ف" or not form.startswith(prefix):
                continue
            stem = form[len(prefix):]
            if len(stem) >= MIN_STEM_LETTERS:
                stems.append((stem, len(prefix)))
            if preposition == "ل" and stem.startswith("ل") and len(stem) > MIN_STEM_LETTERS:
                # «للقاهرة» = ل + القاهرة with the article's alef dropped: the name's span
                # starts at the second lam
                stems.append(("ا" + stem, len(prefix)))
    return stems


def _matches_at(gaz: Gazetteer, forms: Sequence[str], k: int) -> list[_Match]:
    """Names starting at token k, longest first (fewer stripped letters first on a tie)."""
    found: list[_Match] = []
    if not forms[k][:1].isalpha():
        return found
    for stem, prefix in _stems(forms[k]):
        for entry in gaz.index.get(stem, ()):
            words = entry.words
            last = k + len(words) - 1
            if last < len(forms) and all(forms[k + n] == words[n] for n in range(1, len(words))):
                found.append(_Match(k, last, prefix, entry.places, corrected=entry.corrected))
        if stem in {"العاصمه", "عاصمه"} and k + 1 < len(forms):
            country = demonym_country(gaz, forms[k + 1])
            if country and country in gaz.capitals:
                found.append(_Match(k, k + 1, prefix, gaz.capitals[country], country))
    found.sort(key=lambda m: (-(m.last - m.first), m.corrected is not None, m.prefix))
    return found


def demonym_country(gaz: Gazetteer, form: str) -> str | None:
    """The country of a nisba adjective («الليبية», «والأمريكي», «اللبنانيين»), or None."""
    if gaz is load_gazetteer():  # every word of every report is asked: remember answers
        return _packaged_demonym_country(form)
    return _demonym_country(gaz, form)


@lru_cache(maxsize=200_000)
def _packaged_demonym_country(form: str) -> str | None:
    return _demonym_country(load_gazetteer(), form)


def _demonym_country(gaz: Gazetteer, form: str) -> str | None:
    for stem, _ in _stems(form):
        word = stem[2:] if stem.startswith("ال") else stem
        for ending in DEMONYM_ENDINGS:
            if ending and not word.endswith(ending):
                continue
            base = word[: len(word) - len(ending)] if ending else word
            if base in gaz.demonyms:
                return gaz.demonyms[base]
    return None


def _context_countries(gaz: Gazetteer, forms: Sequence[str], options: Sequence[list[_Match]]
                       ) -> tuple[Counter[str], dict[int, str]]:
    """Countries a text is about: its demonyms, and names that need no cue and whose places
    all lie in one country (evidence for the common-word names of that country). Also which
    token's name counted for which country, so a name is not its own evidence."""
    counts: Counter[str] = Counter()
    counted: dict[int, str] = {}
    for k, form in enumerate(forms):
        if form[:1].isalpha():
            country = demonym_country(gaz, form)
            if country:
                counts[country] += 1
        for match in options[k][:1]:
            free = {p.country for p in match.candidates if not p.cue and p.country}
            if len(free) == 1 and len({p.country for p in match.candidates}) == 1:
                counted[k] = next(iter(free))
                counts[counted[k]] += 1
    return counts, counted


def _word_before(forms: Sequence[str], k: int) -> int | None:
    """Index of the word before token k, across one quotation mark («حي "البوانيس"»)."""
    j = k - 1
    if j >= 0 and forms[j] in {'"', "'"}:
        j -= 1
    return j if j >= 0 and forms[j][:1].isalpha() else None


def _bare(form: str) -> str:
    """A word without a leading conjunction or preposition («بمدينة» → «مدينه»)."""
    for stem, prefix in _stems(form):
        if prefix and stem in CUE_WORDS | NEAR_WORDS | NAME_HEADS:
            return stem
    return form


def _cue_word(forms: Sequence[str], match: _Match) -> int | None:
    j = _word_before(forms, match.first)
    if j is not None and _bare(forms[j]) in CUE_WORDS:
        return j
    return None


def _after_list(forms: Sequence[str], match: _Match, previous_last: int) -> bool:
    """The name follows another place in a list: «محاور صلاح الدين والخلة وعين زارة»."""
    if previous_last < 0 or forms[match.first][: match.prefix] != "و":
        return False
    return all(form in LIST_JOINERS for form in forms[previous_last + 1: match.first])


def _kept_candidates(gaz: Gazetteer, forms: Sequence[str], match: _Match,
                     context: tuple[Counter[str], dict[int, str]], previous: _List,
                     cues: bool) -> tuple[Place, ...]:
    """The candidates a name keeps in its place in the text (``cue`` marks, not_prev/next)."""
    before = _word_before(forms, match.first)
    prev = _bare(forms[before]) if before is not None else ""
    nxt = forms[match.last + 1] if match.last + 1 < len(forms) else ""
    if cues and nxt in PERSON_LINKS:
        return ()  # «سلطان بن سلمان», «عمر بن الخطاب»: a person's name
    qualifier = demonym_country(gaz, nxt) if nxt[:1].isalpha() else None
    listed = _after_list(forms, match, previous.last)
    proclitics = forms[match.first][: match.prefix]
    locative = prev in LOCATIVES or prev in NEAR_WORDS or "ب" in proclitics or "ل" in proclitics
    counts, counted = context
    kept = []
    for place in match.candidates:
        if prev in place.not_prev or nxt in place.not_next:
            continue
        if cues and place.cue:
            # «دولة» announces a country, «مدينة»/«منطقة»/«محور» a place inside one
            right_cue = prev in CUE_WORDS and (prev in STATE_CUES) == (place.kind == "country")
            in_list = listed and (previous.cued or place.cue == "context")
            cued = right_cue or in_list or match.capital_of is not None
            cued = cued or qualifier == place.country
            own = 1 if counted.get(match.first) == place.country else 0
            in_context = counts[place.country] - own > 0
            if not cued and (place.cue == "strict" or not (locative and in_context)):
                continue
        kept.append(place)
    return tuple(kept)


def _mention(gaz: Gazetteer, folded: FoldedText, forms: Sequence[str], match: _Match,
             kept: tuple[Place, ...]) -> PlaceMention:
    tokens: tuple[Token, ...] = folded.tokens
    start, end = folded.folded.to_original(tokens[match.first].start + match.prefix,
                                           tokens[match.last].end)
    cue = _cue_word(forms, match)
    before = _word_before(forms, match.first)
    # the word that places the event near the place may stand before its cue word:
    # «شرق درنة», «شرق مدينة درنة», «وديان مدينة درنة», «بالقرب من مدينة درنة»
    near = None
    at = _word_before(forms, cue) if cue is not None else before
    if at is not None:
        if _bare(forms[at]) in NEAR_WORDS:
            near = folded.quote(at, at)[1]
        elif forms[at] == "من" and at >= 1 and forms[at - 1] in NEAR_BEFORE_MIN:
            near = folded.quote(at - 1, at)[1]
    nxt = forms[match.last + 1] if match.last + 1 < len(forms) else ""
    qualifier = match.capital_of or (demonym_country(gaz, nxt) if nxt[:1].isalpha() else None)
    within = None
    if before is not None and _bare(forms[before]) in NAME_HEADS:
        within = folded.quote(before, before)[1]
    cue_start = None
    if cue is not None:
        stripped = len(forms[cue]) - len(_bare(forms[cue]))
        cue_start = folded.folded.to_original(tokens[cue].start + stripped, tokens[cue].end)[0]
    return PlaceMention(
        start=start, end=end, text=folded.original[start:end], candidates=kept,
        cue=folded.quote(cue, cue)[1] if cue is not None else None,
        cue_form=_bare(forms[cue]) if cue is not None else None, cue_start=cue_start,
        near=near,
        qualifier=qualifier, within_name=within, corrected=match.corrected,
    )


# --- resolving -------------------------------------------------------------------------


def resolve(mentions: Sequence[PlaceMention], text: str | None = None, *,
            gazetteer: Gazetteer | None = None) -> list[ResolvedPlace]:
    """One place per mention, chosen from the text's other places.

    Args:
        mentions (Sequence[PlaceMention]): the mentions of one text (``find_places``).
        text (str | None): the text itself; its demonyms («اللبناني») then count as context.
        gazetteer (Gazetteer | None): another gazetteer (tests).
    RETURNS (list[ResolvedPlace]): in mention order; mentions without candidates are skipped.
    """
    gaz = gazetteer or load_gazetteer()
    evidence: Counter[str] = Counter()
    for mention in mentions:
        countries = {p.country for p in mention.candidates if p.country}
        if len(countries) == 1:
            evidence[next(iter(countries))] += 1.0
    if text:
        folded = fold_and_tokenize(text)
        for token in folded.tokens:
            if token.is_word:
                country = demonym_country(gaz, place_form(token.form))
                if country:
                    evidence[country] += DEMONYM_EVIDENCE
    anchors = [p for m in mentions if len(m.candidates) == 1 for p in m.candidates
               if p.kind not in {"country", "region"}]
    chosen: list[Place | None] = [m.candidates[0] if len(m.candidates) == 1 else None
                                  for m in mentions]
    reasons: list[str] = ["only place of that name" if c else "" for c in chosen]
    for _ in range(2):  # a second pass lets places resolved in the first count as context
        extra: Counter[str] = Counter()
        for mention, place in zip(mentions, chosen, strict=True):
            if place is not None and len(mention.candidates) > 1:
                extra[place.country] += 1.0
        for n, mention in enumerate(mentions):
            if len(mention.candidates) <= 1:
                continue
            own = chosen[n].country if chosen[n] is not None else None
            context = evidence + extra
            if own:
                context[own] -= 1.0
            scored = [(_score(gaz, mention, place, context, anchors), -i, place)
                      for i, place in enumerate(mention.candidates)]
            best = max(scored, key=lambda item: (item[0][0], item[1]))
            chosen[n] = best[2]
            reasons[n] = best[0][1]
    resolved = []
    for mention, place, reason in zip(mentions, chosen, reasons, strict=True):
        if place is not None:
            resolved.append(_resolved(gaz, mention, place, reason))
    return resolved


def _score(gaz: Gazetteer, mention: PlaceMention, place: Place, context: Counter[str],
           anchors: Sequence[Place]) -> tuple[float, str]:
    score = KIND_PRIOR.get(place.kind, 1.0) + (CAPITAL_BONUS if place.capital else 0.0)
    why = [f"{place.kind}"]
    if place.country == HOME_COUNTRY:
        score += HOME_BONUS
    if mention.qualifier and mention.qualifier == place.country:
        score += QUALIFIER_BONUS
        why.append(f"qualified as {place.country}")
    seen = max(context[place.country], 0.0) if place.country else 0.0
    if seen:
        score += EVIDENCE_WEIGHT * min(seen, EVIDENCE_CAP)
        why.append(f"{seen:g} other mention(s) in {place.country}")
    cue = _bare(place_form(normalize(mention.cue))) if mention.cue else ""
    is_country = place.kind == "country"
    if (cue in CITY_CUES and not is_country) or (cue in STATE_CUES and is_country):
        score += CUE_KIND_BONUS
        why.append(f"cue «{mention.cue}»")
    if place.lat is not None and place.lon is not None and any(
            a.lat is not None and a.lon is not None and a.id != place.id
            and distance_km(place.lat, place.lon, a.lat, a.lon) <= NEAR_KM for a in anchors):
        score += NEAR_BONUS
        why.append(f"within {NEAR_KM:g} km of another place named")
    return score, "; ".join(why)


def _resolved(gaz: Gazetteer, mention: PlaceMention, place: Place,
              reason: str) -> ResolvedPlace:
    parent = gaz.by_id.get(place.parent) if place.parent else None
    if place.kind in {"country", "region"}:
        precision, at = PRECISION_REGION, place
    elif parent is not None:
        precision, at = PRECISION_NEAR, parent
    else:
        precision = PRECISION_NEAR if mention.near else PRECISION_PLACE
        at = place
    lat, lon = (at.lat, at.lon) if at.lat is not None else (place.lat, place.lon)
    return ResolvedPlace(
        mention=mention, place=place, lat=lat, lon=lon, geo_precision=precision,
        location=at.name_en or at.name, country=place.country,
        admin1=place.admin1 or (parent.admin1 if parent else ""), reason=reason,
    )


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))
