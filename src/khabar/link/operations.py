"""Named military operations and battles: entities of type MISC.

Analysts follow a campaign by its name: «عملية "طوفان الكرامة"», «معركة طرابلس», «عملية
تحرير مدينة درنة». A name is a head word («عملية», «معركة», «حملة») followed by a quoted
name, or by an aim word («تحرير») and a place the gazetteer knows, or an operation listed
by its name alone (``operations.tsv``). The quoted name is the mention («طوفان الكرامة»);
for a place, the whole phrase is («معركة درنة»), with a year after it when given («عملية
تحرير بنغازي عام 2014»). Two names of one campaign («معركة طرابلس», «طوفان الكرامة») stay
two entities: nothing in the words says they are one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.model import Span
from khabar.resources import load_tsv
from khabar.text.normalize import normalize, normalize_with_offsets
from khabar.text.phrases import PhraseTable, find_phrases, fold_phrase
from khabar.text.quotes import quoted_after
from khabar.text.tokens import fold_and_tokenize

OPERATIONS_FILE = "link/operations.tsv"
MAX_QUOTED_NAME = 40  # characters; longer quoted text after «عملية» is a quotation


@dataclass(frozen=True)
class OperationName:
    """A named operation in a text: ``text[start:end] == written``."""

    start: int
    end: int
    written: str
    name_en: str | None = None


@cache
def _words(group: str) -> list[str]:
    return [row["form"] for row in load_tsv(OPERATIONS_FILE) if row["group"] == group]


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    heads = "|".join(map(re.escape, _words("head")))
    aims = "|".join(map(re.escape, _words("aim")))
    quoted = quoted_after((normalize(head) for head in _words("head")), MAX_QUOTED_NAME)
    before_place = re.compile(
        rf"(?<!\w)[وفبل]?(?P<head>(?:{heads})\s+(?:(?:{aims})\s+(?:\S+\s+)?)?)$")
    return quoted, before_place


@cache
def _known() -> PhraseTable[str]:
    """Folded name → English name of the operations known by name alone."""
    return PhraseTable((fold_phrase(row["form"]), row["name_en"])
                       for row in load_tsv(OPERATIONS_FILE) if row["group"] == "name")


_YEAR_AFTER = re.compile(r"^\s+عام\s+\d{4}")


def find_operations(text: str, places: list[Span]) -> list[OperationName]:
    """The named operations of a text, in order; ``places`` are its gazetteer places'
    spans (with their kind word: «مدينة درنة»)."""
    quoted, before_place = _patterns()
    found: list[OperationName] = []
    view = normalize_with_offsets(text)
    for match in quoted.finditer(view.text):
        start, end = view.to_original(*match.span("name"))
        found.append(OperationName(start, end, text[start:end],
                                   _known().get(fold_phrase(text[start:end]))))
    for place_start, place_end in places:
        match = before_place.search(text, max(0, place_start - 40), place_start)
        if match is None:
            continue
        end = place_end
        if year := _YEAR_AFTER.match(text[end:end + 12]):
            end += year.end()
        start = match.start("head")
        found.append(OperationName(start, end, text[start:end]))
    for hit in find_phrases(fold_and_tokenize(text), _known()):
        found.append(OperationName(hit.start, hit.end, hit.written, hit.value))
    kept: list[OperationName] = []
    for name in sorted(found, key=lambda n: (n.start, -n.end)):
        if not any(other.start <= name.start < other.end for other in kept):
            kept.append(name)
    return kept
