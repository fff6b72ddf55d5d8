"""Word spans over a text: every token is a span, never a bare string."""

from __future__ import annotations

import re
from collections.abc import Iterator

from khabar.model import Span

# A word is a run of letters/digits (Arabic included, diacritics and tatweel inside it),
# or a number with its decimal or thousands separators («2.5», «1,200», «٣٫٥»).
WORD = re.compile(r"\d+(?:[.,٫٬]\d+)*|[^\W\d_]+(?:[\u064b-\u065f\u0670\u0640][^\W\d_]*)*")


def token_spans(text: str) -> Iterator[Span]:
    """Yield ``[start, end)`` spans of the words of a text, in order."""
    for match in WORD.finditer(text):
        yield match.start(), match.end()
