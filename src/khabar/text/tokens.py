"""Word spans over a text: every token is a span, never a bare string."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from khabar.model import Span
from khabar.text.normalize import NormalizedText, normalize_with_offsets

# A word is a run of letters/digits (Arabic included, diacritics and tatweel inside it),
# or a number with its decimal or thousands separators («2.5», «1,200», «٣٫٥»).
WORD = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:[\u064b-\u065f\u0670\u0640][^\W\d_]*)*")


def token_spans(text: str) -> Iterator[Span]:
    """Yield ``[start, end)`` spans of the words of a text, in order."""
    for match in WORD.finditer(text):
        yield match.start(), match.end()


# Tokens that end a sentence in the folded view.
SENTENCE_END = frozenset({".", "؟", "?", "!", "..", "..."})

# Words and single punctuation marks of the folded text; ".." and "..." stay one mark.
FOLDED_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+|\.{2,}|[^\w\s]")


class Token(NamedTuple):
    """One word or punctuation mark of the normalized text, with its normalized span.

    A named tuple, not a dataclass: an article has thousands, and building them is the
    tokenizer's main cost."""

    form: str
    start: int
    end: int

    @property
    def is_word(self) -> bool:
        return self.form[0].isalnum()


@dataclass(frozen=True)
class FoldedText:
    """An article's text folded for matching, its tokens, and the way back to the original."""

    original: str
    folded: NormalizedText
    tokens: tuple[Token, ...]

    def span(self, first: int, last: int) -> Span:
        """Original ``[start, end)`` of tokens ``first..last`` (inclusive)."""
        return self.folded.to_original(self.tokens[first].start, self.tokens[last].end)

    def quote(self, first: int, last: int) -> tuple[Span, str]:
        start, end = self.span(first, last)
        return (start, end), self.original[start:end]


def fold_and_tokenize(text: str) -> FoldedText:
    """Fold a text (``normalize_with_offsets``) and split the folded copy into tokens."""
    folded = normalize_with_offsets(text)
    tokens = tuple(
        Token(match.group(), *match.span()) for match in FOLDED_TOKEN.finditer(folded.text)
    )
    return FoldedText(text, folded, tokens)
