"""Longest matches of a phrase table (triggers, actor names) over a text's folded words.

Tables are keyed by folded phrases («الجيش الوطني الليبي»); a text's first word may carry a
proclitic («والجيش»), so each of its readings (``search_form.word_forms``) is tried, and the
longest phrase starting at a word wins, so «الجيش الوطني الليبي» is not read as «الجيش».
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Generic, NamedTuple, TypeVar

from khabar.text.search_form import word_forms
from khabar.text.tokens import FoldedText, fold_and_tokenize

Value = TypeVar("Value")


def fold_phrase(phrase: str) -> str:
    """The table key of a phrase as a lexicon writes it: its folded words, space-joined."""
    return " ".join(token.form for token in fold_and_tokenize(phrase).tokens)


class PhraseMatch(NamedTuple, Generic[Value]):
    """A phrase of a table found in a text: ``original[start:end] == written``; the span
    starts after a proclitic («والجيش» → «الجيش»)."""

    first: int  # first and last token
    last: int
    start: int
    end: int
    written: str
    value: Value


def longest_at(folded: FoldedText, k: int, table: Mapping[str, Value], max_words: int
               ) -> PhraseMatch[Value] | None:
    """The longest phrase of ``table`` starting at token ``k``, or None."""
    tokens = folded.tokens
    if not tokens[k].is_word:
        return None
    for width in range(min(max_words, len(tokens) - k), 0, -1):
        rest = [token.form for token in tokens[k + 1:k + width]]
        for first in word_forms(tokens[k].form):
            form = " ".join([first, *rest])
            if form in table:
                stripped = len(tokens[k].form) - len(first)
                start, end = folded.folded.to_original(tokens[k].start + stripped,
                                                       tokens[k + width - 1].end)
                return PhraseMatch(k, k + width - 1, start, end, folded.original[start:end],
                                   table[form])
    return None


def find_phrases(folded: FoldedText, table: Mapping[str, Value], max_words: int
                 ) -> list[PhraseMatch[Value]]:
    """Every longest, non-overlapping match in text order."""
    found, k = [], 0
    while k < len(folded.tokens):
        hit = longest_at(folded, k, table, max_words)
        if hit is None:
            k += 1
            continue
        found.append(hit)
        k = hit.last + 1
    return found
