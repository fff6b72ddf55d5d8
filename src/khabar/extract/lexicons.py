"""The word lists the extractors read, loaded once and folded to the normalized view.

The files under ``extract/lexicons/`` are written in ordinary Arabic spelling so a reader can
check them; matching happens on the normalized text (``khabar.text.normalize``), so every
entry is folded the same way here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from khabar.resources import load_lines, load_tsv
from khabar.text.normalize import normalize, skeleton

LEXICONS = "extract/lexicons"


@dataclass(frozen=True)
class Cue:
    """A reporting cue: the verb, participle, verbal noun or phrase that opens a statement."""

    form: str  # folded, words joined by one space
    lemma: str
    kind: str  # verb / participle / masdar / nominal / tail
    object: str  # np / clause
    gender: str  # m / f / pl / any
    polarity: str  # assert / deny


@dataclass(frozen=True)
class SpeakerWord:
    form: str
    kind: str  # title / role / org / unnamed / anaphor
    gender: str


@cache
def reporting_cues() -> dict[str, Cue]:
    """Folded cue form (one or more words) → cue."""
    cues = {}
    for row in load_tsv(f"{LEXICONS}/reporting_verbs.tsv"):
        form = normalize(row["form"])
        cues[form] = Cue(form, row["lemma"], row["kind"], row["object"], row["gender"],
                         row["polarity"])
    return cues


@cache
def cues_by_skeleton() -> dict[str, Cue]:
    """Dotless skeleton → one-word verb cue of four letters or more, when only one cue has
    that skeleton: how a dotting slip («وأصاف» for «وأضاف») is still read as its cue."""
    found: dict[str, list[Cue]] = {}
    for cue in reporting_cues().values():
        key = skeleton(cue.form)
        # Present-tense prefixes ي/ت/ن share one skeleton («وتبين» is «it turned out»), so
        # only forms that do not begin with one are read this way.
        if cue.kind == "verb" and " " not in cue.form and len(cue.form) >= 4 and key[0] != "ٮ":
            found.setdefault(key, []).append(cue)
    return {key: cues[0] for key, cues in found.items()
            if len({cue.lemma for cue in cues}) == 1}


@cache
def cue_first_words() -> frozenset[str]:
    """The first word of every cue: a token that is none of these (with or without a
    one-letter prefix) opens no cue, which spares the full lookup on most tokens."""
    return frozenset(form.split()[0] for form in reporting_cues())


@cache
def longest_cue_words() -> int:
    return max(len(form.split()) for form in reporting_cues())


@cache
def speaker_words() -> dict[str, SpeakerWord]:
    """Folded word → its role in a speaker phrase (title, role, org, unnamed, anaphor)."""
    return {
        normalize(row["form"]): SpeakerWord(normalize(row["form"]), row["kind"], row["gender"])
        for row in load_tsv(f"{LEXICONS}/speaker_words.tsv")
    }


@cache
def complementizers() -> dict[str, str]:
    """Folded word → ``that`` (opens a content clause) or ``lead`` (a preposition before it)."""
    return {normalize(row["form"]): row["kind"]
            for row in load_tsv(f"{LEXICONS}/complementizers.tsv")}


@cache
def venue_heads() -> frozenset[str]:
    return frozenset(normalize(word) for word in load_lines(f"{LEXICONS}/venue_words.txt"))


@cache
def function_words() -> frozenset[str]:
    return frozenset(normalize(word) for word in load_lines(f"{LEXICONS}/function_words.txt"))


@cache
def structure_words(group: str) -> frozenset[str]:
    """Folded words (or phrases) of one closed class in ``structure_words.tsv``: the clause
    openers, time words, venue prepositions … the parsers use to find boundaries."""
    rows = load_tsv(f"{LEXICONS}/structure_words.tsv")
    words = frozenset(normalize(row["form"]) for row in rows if row["group"] == group)
    if not words:
        raise KeyError(f"no structure words in group {group!r}")
    return words


NAME_SHARE = 0.6  # a word tagged as part of a name this often starts or continues one
COMMON_SHARE = 0.2  # a word seen 3+ times and tagged as a name less often is an ordinary word


@cache
def _anercorp_shares() -> dict[str, tuple[int, int]]:
    return {
        row["word"]: (int(row["as_person"]), int(row["total"]))
        for row in load_tsv(f"{LEXICONS}/anercorp_words.tsv")
    }


@cache
def person_name_words() -> frozenset[str]:
    """Folded words ANERcorp tags as part of a person's name most of the time («أحمد»)."""
    return frozenset(
        word for word, (person, total) in _anercorp_shares().items()
        if person / total >= NAME_SHARE
    )


@cache
def common_words() -> frozenset[str]:
    """Folded words ANERcorp shows as ordinary words (seen 3+ times, rarely in a name)."""
    return frozenset(
        word for word, (person, total) in _anercorp_shares().items()
        if total >= 3 and person / total < COMMON_SHARE
    )
