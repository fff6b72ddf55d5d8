"""Longest matches of a phrase table (triggers, actor names) over a text's folded words.

Tables are keyed by folded phrases («الجيش الوطني الليبي»); a text's first word may carry a
proclitic («والجيش»), so each of its readings (``search_form.word_forms``) is tried, and the
longest phrase starting at a word wins, so «الجيش الوطني الليبي» is not read as «الجيش».
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import Generic, NamedTuple, TypeVar

from khabar.text.search_form import word_forms
from khabar.text.tokens import FoldedText, fold_and_tokenize

Value = TypeVar("Value")


def fold_phrase(phrase: str) -> str:
    """The table key of a phrase as a lexicon writes it: its folded words, space-joined."""
    return " ".join(token.form for token in fold_and_tokenize(phrase).tokens)


class PhraseTable(dict[str, Value]):
    """Folded phrase → value, with the longest phrase starting with each first word, so a
    text's words that start no phrase are passed over at once (most words of a report)."""

    def __init__(self, entries: Iterable[tuple[str, Value]]) -> None:
        super().__init__(entries)
        self.widths: dict[str, int] = {}
        for phrase in self:
            first, *rest = phrase.split(" ")
            self.widths[first] = max(self.widths.get(first, 0), 1 + len(rest))


class PhraseMatch(NamedTuple, Generic[Value]):
    """A phrase of a table found in a text: ``original[start:end] == written``; the span
    starts after a proclitic («والجيش» → «الجيش»)."""

    first: int  # first and last token
    last: int
    start: int
    end: int
    written: str
    value: Value


def longest_at(folded: FoldedText, k: int, table: PhraseTable[Value]
               ) -> PhraseMatch[Value] | None:
    """The longest phrase of ``table`` starting at token ``k`` (any reading of its first
    word), or None."""
    tokens = folded.tokens
    if not tokens[k].is_word:
        return None
    readings = [(first, table.widths[first]) for first in _readings(tokens[k].form)
                if first in table.widths]
    if not readings:
        return None
    longest = min(max(width for _, width in readings), len(tokens) - k)
    for size in range(longest, 0, -1):
        rest = [token.form for token in tokens[k + 1:k + size]]
        for first, width in readings:
            form = " ".join([first, *rest])
            if size <= width and form in table:
                stripped = len(tokens[k].form) - len(first)
                start, end = folded.folded.to_original(tokens[k].start + stripped,
                                                       tokens[k + size - 1].end)
                return PhraseMatch(k, k + size - 1, start, end, folded.original[start:end],
                                   table[form])
    return None


_readings = lru_cache(maxsize=200_000)(word_forms)  # a word and its proclitic-less forms


def find_phrases(folded: FoldedText, table: PhraseTable[Value]) -> list[PhraseMatch[Value]]:
    """Every longest, non-overlapping match in text order."""
    found, k = [], 0
    while k < len(folded.tokens):
        hit = longest_at(folded, k, table)
        if hit is None:
            k += 1
            continue
        found.append(hit)
        k = hit.last + 1
    return found
