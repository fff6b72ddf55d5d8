"""Drop web debris lines from a report and keep them on record.

Reports scraped from news sites carry page furniture that is not the report: «Shares»,
«اقرأ أيضًا: …» cross-links, comment widgets, breadcrumbs glued together
(«الواجهة الرئيسيةشؤون عربية»), section labels («عربي ودولي»), photo captions printed twice.
Left in, they pollute reuse detection (every page of a site shares them) and extraction.
Dropping is by whole line, or the debris sentence that ends a report's last line (a corpus
that joined a page into one line), so the text that stays is character-for-character the
report's own; every dropped line is kept in ``Article.dropped`` with the rule that matched.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from functools import cache

from khabar.model import Article, DroppedLine
from khabar.resources import load_tsv
from khabar.text.normalize import PATTERN_RULES, normalize

PATTERN_FILE = "clean/boilerplate.tsv"

# A caption is short and has no sentence-ending mark; printed twice in a row it is layout.
# (Three or more in a row is a refrain or a list, not a caption.)
CAPTION_MAX_WORDS = 14
SENTENCE_MARKS = ".!?؟؛"
TAIL_START = re.compile(r"[.!?؟]\s+(?=\S)")  # a sentence's end, another one after it
# Rules marked `head` apply only to the first lines of a report that have text.
HEAD_LINES = 6


@dataclass(frozen=True)
class BoilerplateRule:
    name: str
    head_only: bool
    pattern: re.Pattern[str]


@cache
def boilerplate_rules() -> tuple[BoilerplateRule, ...]:
    """The rules of ``boilerplate.tsv``, patterns compiled in the normalized spelling."""
    return tuple(
        BoilerplateRule(row["rule"], row["where"] == "head",
                        re.compile(normalize(row["pattern"], PATTERN_RULES)))
        for row in load_tsv(PATTERN_FILE)
    )


def debris_rule(line: str, in_head: bool = True) -> str | None:
    """Name of the boilerplate rule a line matches as a whole, or None.

    Args:
        line (str): one line of a report.
        in_head (bool): whether the line is among the report's first lines.
    """
    folded = " ".join(normalize(line).split())
    if not folded:
        return None
    for rule in boilerplate_rules():
        if (in_head or not rule.head_only) and rule.pattern.fullmatch(folded):
            return rule.name
    return None


def clean(article: Article) -> Article:
    """Return the article with debris lines dropped and recorded in ``dropped``.

    Blank lines left in a row by a dropped line collapse to one, so the text keeps its
    paragraph breaks without holes; nothing inside a kept line changes, except that debris
    glued after the last line's final full stop is cut off (``_debris_tail``).
    """
    lines = article.text.split("\n")
    drop_reasons: dict[int, str] = {}
    lines_with_text = 0
    for index, line in enumerate(lines):
        lines_with_text += bool(line.strip())
        rule = debris_rule(line, in_head=lines_with_text <= HEAD_LINES)
        if rule:
            drop_reasons[index] = rule
    for index in _repeated_captions(lines):
        drop_reasons.setdefault(index, "repeated_caption")

    kept: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        if index in drop_reasons:
            continue
        if not line.strip() and (not kept or not kept[-1][1].strip()):
            continue
        kept.append((index, line.rstrip("\r")))
    while kept and not kept[-1][1].strip():
        kept.pop()

    dropped = [DroppedLine(line=index + 1, text=lines[index].strip(), reason=reason)
               for index, reason in sorted(drop_reasons.items())]
    while kept and (cut := _debris_tail(kept[-1][1])) is not None:
        index, line = kept[-1]
        rule, at = cut
        dropped.append(DroppedLine(line=index + 1, text=line[at:].strip(), reason=rule))
        kept[-1] = (index, line[:at].rstrip())
    return dataclasses.replace(article, text="\n".join(line for _, line in kept),
                               dropped=article.dropped + tuple(dropped))


def _debris_tail(line: str) -> tuple[str, int] | None:
    """(rule, offset) when the last sentence of a report's last line is debris glued to it:
    a corpus that joined a page's paragraphs into one line keeps its «رابط الخبر بصحيفة
    …: headline» link and «سمات …» tags after the report's final full stop."""
    ends = [match.end() for match in TAIL_START.finditer(line)]
    if not ends:
        return None
    rule = debris_rule(line[ends[-1]:], in_head=False)
    return (rule, ends[-1]) if rule else None


def _repeated_captions(lines: list[str]) -> list[int]:
    """Indexes of a short caption-like line printed exactly twice in a row (blank lines
    between them allowed)."""
    runs: list[list[int]] = []
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            continue
        if runs and stripped == lines[runs[-1][0]].strip():
            runs[-1].append(index)
        else:
            runs.append([index])
    return [index for run in runs if len(run) == 2 and _looks_like_caption(lines[run[0]].strip())
            for index in run]


def _looks_like_caption(line: str) -> bool:
    return len(line.split()) <= CAPTION_MAX_WORDS and line[-1] not in SENTENCE_MARKS
