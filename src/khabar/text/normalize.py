"""The normalized view of Arabic text used for matching, with a map back to the original.

Arabic news spells the same word many ways: أحمد/احمد, الليبي/الليبى (Egyptian final ya),
درنة/درنه, with or without diacritics and tatweel, with ٣ or 3. Matching (search, reuse,
gazetteer look-ups) works on a folded copy; everything the system *outputs* points into the
original ``Article.text``, so each folded character remembers where it came from.

The folding table is data (``normalize.json``), grouped by rule so a caller can pick rules.
Every rule maps one character to at most one character, except Arabic presentation forms
(ﻻ → لا), which expand; both halves of an expansion point at the same original character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from khabar.model import Span
from khabar.resources import load_json

TABLE_FILE = "text/normalize.json"

# Folding rules applied by default, in the groups of normalize.json.
DEFAULT_RULES: tuple[str, ...] = (
    "alef",
    "alef_maksura",
    "teh_marbuta",
    "persian_letters",
    "diacritics",
    "tatweel",
    "digits",
    "quotes",
    "invisible",
    "spaces",
    "dashes",
    "latin_case",
)

# Rules for folding regular expressions written in ordinary spelling: no case folding,
# which would turn the escapes \S and \W into \s and \w.
PATTERN_RULES: tuple[str, ...] = tuple(rule for rule in DEFAULT_RULES if rule != "latin_case")

# Arabic presentation forms (FB50–FDFF, FE70–FEFF) are decomposed by NFKC before folding.
PRESENTATION_FORM_RANGES: tuple[tuple[int, int], ...] = ((0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@dataclass(frozen=True)
class NormalizedText:
    """A folded copy of a text and, for each folded character, its original offset."""

    text: str
    offsets: tuple[int, ...]  # len(text) + 1 entries; the last is len(original)

    def to_original(self, start: int, end: int) -> Span:
        """Map a ``[start, end)`` span of the folded text back to the original text."""
        if start >= end:
            position = self.offsets[start]
            return position, position
        return self.offsets[start], self.offsets[end - 1] + 1

    def to_normalized(self, original_offset: int) -> int:
        """First folded position at or after an original offset (for mapping spans in)."""
        return bisect_left(self.offsets, original_offset, 0, len(self.offsets) - 1)


@cache
def fold_table(rules: tuple[str, ...] = DEFAULT_RULES) -> dict[int, str]:
    """Build the ``str.translate`` table for the chosen folding rules.

    Args:
        rules (tuple[str, ...]): names of groups in ``normalize.json``.
    RETURNS (dict[int, str]): code point → replacement ("" deletes).
    """
    data = load_json(TABLE_FILE)
    table: dict[int, str] = {}
    for rule in rules:
        if rule == "latin_case":
            table.update({code: chr(code).lower() for code in range(ord("A"), ord("Z") + 1)})
            continue
        for key, replacement in data[rule].items():
            for code_point in _code_points(key):
                table[code_point] = replacement
    for low, high in PRESENTATION_FORM_RANGES:
        for code_point in range(low, high + 1):
            decomposed = unicodedata.normalize("NFKC", chr(code_point))
            if decomposed != chr(code_point):
                table[code_point] = decomposed.translate(table)
    return table


def normalize(text: str, rules: tuple[str, ...] = DEFAULT_RULES) -> str:
    """Fold a text for matching (fast path: no offsets)."""
    return text.translate(fold_table(rules))


@cache
def _resizing_chars(rules: tuple[str, ...]) -> re.Pattern[str]:
    """The characters whose folded form is not exactly one character (deleted or expanded)."""
    codes = sorted(code for code, value in fold_table(rules).items() if len(value) != 1)
    return re.compile("[" + "".join(re.escape(chr(code)) for code in codes) + "]")


def normalize_with_offsets(text: str, rules: tuple[str, ...] = DEFAULT_RULES) -> NormalizedText:
    """Fold a text and keep, for every folded character, the offset it came from.

    Most characters fold one-to-one, so the text is translated in runs between the few that
    are deleted (diacritics, tatweel) or expanded (presentation forms); only those are
    handled one by one.
    """
    table = fold_table(rules)
    pieces: list[str] = []
    offsets: list[int] = []
    position = 0
    for match in _resizing_chars(rules).finditer(text):
        index = match.start()
        pieces.append(text[position:index].translate(table))
        offsets.extend(range(position, index))
        replacement = table[ord(text[index])]
        pieces.append(replacement)
        offsets.extend([index] * len(replacement))
        position = index + 1
    pieces.append(text[position:].translate(table))
    offsets.extend(range(position, len(text) + 1))
    return NormalizedText("".join(pieces), tuple(offsets))


def _code_points(key: str) -> Iterable[int]:
    # Keys are one character, or an inclusive range written "A-B".
    if len(key) == 3 and key[1] == "-":
        return range(ord(key[0]), ord(key[2]) + 1)
    if len(key) != 1:
        raise ValueError(f"{TABLE_FILE}: key {key!r} is neither a character nor a range A-B")
    return (ord(key),)


# Letters that differ only by their dots share one skeleton letter (the rasm).
_DOTLESS = str.maketrans({
    "ب": "ٮ", "ت": "ٮ", "ث": "ٮ", "ن": "ٮ", "ي": "ٮ", "ى": "ٮ",
    "ج": "ح", "خ": "ح", "ذ": "د", "ز": "ر", "ش": "س", "ض": "ص", "ظ": "ط", "غ": "ع",
    "ق": "ف", "ة": "ه",
})


def skeleton(form: str) -> str:
    """The dotless skeleton of a word: «وأصاف» and «وأضاف» share one. Web text has dotting
    slips; matching a known word by its skeleton finds them."""
    return form.translate(_DOTLESS)
