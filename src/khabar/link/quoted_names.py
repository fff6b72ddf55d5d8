"""Names a report sets in quote marks after the noun that says what they are.

Arabic news quotes a proper name the reader may not know and puts its kind before it: «حي
"البوانيس"», «معسكر "بشر"», «غابة "أبومسافر"» are places; «حزب "النور"», «خلية "حماس"»,
«قوات "الردع"» are organizations. The quotes mark where the name starts and ends, which
nothing else in unvowelled Arabic does, and the head noun its kind; neither the gazetteer
nor the NER model needs to know the name. The mention is what an analyst would mark, the
head with the quoted name («حي "البوانيس"», without a proclitic «و»); the entity's name is
the same words without the quote marks («حي البوانيس»).

Head nouns are ``name_heads.tsv``; quoted names after «عملية/معركة» are operations
(``link.operations``), after «صحيفة/قناة» outlets (``outlets``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.resources import load_tsv
from khabar.text.normalize import normalize_with_offsets
from khabar.text.quotes import quoted_after

HEADS_FILE = "link/name_heads.tsv"
MAX_NAME_CHARS = 40  # longer quoted text after a head is a quotation, not a name
MAX_NAME_WORDS = 5


@dataclass(frozen=True)
class QuotedName:
    """A head noun and the quoted name after it: ``text[start:end] == written``."""

    start: int
    end: int
    written: str  # «حي "البوانيس"»
    name: str  # «حي البوانيس»
    type: str  # LOC or ORG


@cache
def _heads() -> dict[str, str]:
    """Folded head noun → the entity type of the name it heads."""
    return {row["word"]: row["type"] for row in load_tsv(HEADS_FILE)}


@cache
def _pattern() -> re.Pattern[str]:
    return quoted_after(_heads(), MAX_NAME_CHARS)


def find_quoted_names(text: str) -> list[QuotedName]:
    """The quoted names of a text with a head noun before them, in text order."""
    view = normalize_with_offsets(text)
    found = []
    for match in _pattern().finditer(view.text):
        name = match.group("name").strip()
        if not name or len(name.split()) > MAX_NAME_WORDS:
            continue
        start, end = view.to_original(match.start("head"), match.end())
        head_end = view.to_original(match.start("head"), match.end("head"))[1]
        name_start, name_end = view.to_original(match.start("name"), match.end("name"))
        written = text[start:end]
        found.append(QuotedName(start, end, written,
                                f"{text[start:head_end]} {text[name_start:name_end].strip()}",
                                _heads()[match.group("head")]))
    return found
