"""Drop web debris lines from a report and keep them on record.

Reports scraped from news sites carry page furniture that is not the report: «Shares»,
«اقرأ أيضًا: …» cross-links, comment widgets, breadcrumbs glued together
(«الواجهة الرئيسيةشؤون عربية»), section labels («عربي ودولي»), photo captions printed twice.
Left in, they pollute reuse detection (every page of a site shares them) and extraction.
Dropping is by whole line only, so the text that stays is character-for-character the
report's own; every dropped line is kept in ``Article.dropped`` with the rule that matched.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from khabar.model import Article, DroppedLine
from khabar.resources import load_tsv
from khabar.text.normalize import PATTERN_RULES, normalize

PATTERN_FILE = "clean/boilerplate.tsv"

# A caption is short and has no sentence-ending mark; printed twice in a row it is layout.
CAPTION_MAX_WORDS = 14
SENTENCE_MARKS = ".!?؟؛"


@cache
def boilerplate_rules() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The (rule name, compiled whole-line pattern) pairs of ``boilerplate.tsv``."""
    return tuple(
        (row["rule"], re.compile(normalize(row["pattern"], PATTERN_RULES)))
        for row in load_tsv(PATTERN_FILE)
    )


def debris_rule(line: str) -> str | None:
    """Name of the boilerplate rule a line matches as a whole, or None."""
    folded = " ".join(normalize(line).split())
    if not folded:
        return None
    for rule, pattern in boilerplate_rules():
        if pattern.fullmatch(folded):
            return rule
    return None


def clean(article: Article) -> Article:
    """Return the article with debris lines dropped and recorded in ``dropped``.

    Blank lines left in a row by a dropped line collapse to one, so the text keeps its
    paragraph breaks without holes; nothing inside a kept line changes.
    """
    lines = article.text.split("\n")
    drop_reasons: dict[int, str] = {}
    for index, line in enumerate(lines):
        rule = debris_rule(line)
        if rule:
            drop_reasons[index] = rule
    for index in _repeated_captions(lines):
        drop_reasons.setdefault(index, "repeated_caption")

    kept: list[str] = []
    for index, line in enumerate(lines):
        if index in drop_reasons:
            continue
        if not line.strip() and (not kept or not kept[-1].strip()):
            continue
        kept.append(line.rstrip("\r"))
    while kept and not kept[-1].strip():
        kept.pop()

    dropped = tuple(
        DroppedLine(line=index + 1, text=lines[index].strip(), reason=reason)
        for index, reason in sorted(drop_reasons.items())
    )
    return dataclasses.replace(article, text="\n".join(kept), dropped=article.dropped + dropped)


def _repeated_captions(lines: list[str]) -> list[int]:
    """Indexes of short caption-like lines printed twice or more in a row (blank lines between)."""
    repeated: list[int] = []
    previous_index: int | None = None
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if (previous_index is not None and stripped == lines[previous_index].strip()
                and _looks_like_caption(stripped)):
            if previous_index not in repeated:
                repeated.append(previous_index)
            repeated.append(index)
        previous_index = index
    return repeated


def _looks_like_caption(line: str) -> bool:
    return len(line.split()) <= CAPTION_MAX_WORDS and line[-1] not in SENTENCE_MARKS
