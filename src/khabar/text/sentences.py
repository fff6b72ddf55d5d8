"""Sentence spans over ``Article.text``.

Arabic news ends sentences with . ؟ ! ؛ (and their Latin twins) and, very often, with
nothing but a line break. A full stop is not an end when it sits inside a number («2.5»,
«8.5.2018») or after a one-letter abbreviation («د. محمد», «أ.ف.ب»); closing quote marks and
brackets after the stop belong to the sentence that ends there (:”… نجاح.”). Web text
often drops the space after a stop: a mark between two Arabic words still ends a sentence
(«المحلية.في غضون ذلك»).
"""

from __future__ import annotations

import re

from khabar.model import Span

SENTENCE_END = re.compile(
    r"""(?:\.\.\.|…|[.!?؟؛;])   # the terminal mark
        [\"'”’»)\]]*            # closing quotes or brackets that belong to this sentence
        (?=\s|$|[\u0621-\u064a]) # an end before space, the end of text, or an Arabic
                                # letter glued on («المحلية.في غضون ذلك»)
    """,
    re.VERBOSE,
)
LINE_BREAK = re.compile(r"\n+")
# A single letter just before a full stop is an abbreviation, not a sentence («د. محمد»).
ABBREVIATION_BEFORE = re.compile(r"(?:^|[\s.])[\u0621-\u064a]$")
ARABIC_LETTER = re.compile(r"[\u0621-\u064a]")


def sentence_spans(text: str) -> list[Span]:
    """Split a text into sentence spans, trimmed of surrounding white space.

    Args:
        text (str): an ``Article.text``.
    RETURNS (list[Span]): ``[start, end)`` spans in text order; none is empty.
    """
    spans: list[Span] = []
    for line_start, line_end in _line_spans(text):
        start = line_start
        for match in SENTENCE_END.finditer(text, line_start, line_end):
            mark = match.group()
            if (mark.startswith(".") and not mark.startswith("...")
                    and ABBREVIATION_BEFORE.search(text, start, match.start())):
                continue
            glued = match.end() < line_end and not text[match.end()].isspace()
            if glued and not (match.start() > start and ARABIC_LETTER.match(
                    text[match.start() - 1])):
                continue  # «2.5», «www.site.net»: a glued mark ends a sentence of words only
            _append_trimmed(spans, text, start, match.end())
            start = match.end()
        _append_trimmed(spans, text, start, line_end)
    return spans


def _line_spans(text: str) -> list[Span]:
    spans = []
    start = 0
    for match in LINE_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return spans


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))
