"""Find where a report names the outlet or agency its text came from.

«فى حوار مع موقع "العين الإخبارية" الإماراتى», «نقلا عن سكاي نيوز», «وفقاً لـ "سكاي نيوز
عربية"», «(واس)»: the strongest evidence of who copied whom is the target saying so. Cue
phrases are data (``citations.tsv``); the name after a cue is the quoted string, or the
longest run of up to four words that names a known outlet (``outlets.py``), or those words as
written so they can still be matched to the other report's outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from khabar.model import Article, Span
from khabar.outlets import find_outlet, fold_name, outlet_kind_words
from khabar.resources import load_tsv
from khabar.text.normalize import PATTERN_RULES, NormalizedText, normalize, normalize_with_offsets

CUE_FILE = "reuse/citations.tsv"
NAME_WORDS = 4
# Words naming the kind of outlet before its name («موقع "العين"», «صحيفة الشرق الأوسط»).
QUOTED_NAME = re.compile(r'"\s*([^"\n]{2,50}?)\s*"')
WORD = re.compile(r"[^\s،,.:؛;()\"]+")


@dataclass(frozen=True)
class Citation:
    """A place where a report names its source."""

    span: Span  # in Article.text: the cue and the name
    text: str
    name: str  # the cited name as written (folded)
    outlet: str | None  # canonical name when it is a known outlet


@cache
def outlet_kind_pattern() -> re.Pattern[str]:
    """«موقع», «صحيفة» … before a cited name (``outlet_kinds.txt``)."""
    return re.compile("(?:" + "|".join(map(re.escape, outlet_kind_words())) + r")\s+")


@cache
def cue_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((row["kind"], re.compile(normalize(row["pattern"], PATTERN_RULES)))
                 for row in load_tsv(CUE_FILE))


def find_citations(article: Article) -> list[Citation]:
    """Every citation of a source in the article, in text order."""
    view = normalize_with_offsets(article.text)
    found: dict[Span, Citation] = {}
    for kind, pattern in cue_patterns():
        for match in pattern.finditer(view.text):
            if kind == "tag":
                name = match.group(1) if match.lastindex else match.group()
                citation = _citation(article, view, match.start(), match.end(), name)
            else:
                citation = _cited_after(article, view, match.start(), match.end())
            if citation and citation.span not in found:
                found[citation.span] = citation
    return sorted(found.values(), key=lambda c: c.span)


def cites(citation: Citation, outlet: str | None) -> bool:
    """Whether a citation names this outlet (by canonical name, or by its words)."""
    if not outlet:
        return False
    if citation.outlet and citation.outlet == outlet:
        return True
    wanted = fold_name(outlet)
    return bool(wanted) and (wanted in citation.name or citation.name.startswith(wanted))


def _cited_after(article: Article, view: NormalizedText, cue_start: int, cue_end: int
                 ) -> Citation | None:
    rest = view.text[cue_end: cue_end + 120]
    kind = outlet_kind_pattern().match(rest)
    offset = kind.end() if kind else 0
    quoted = QUOTED_NAME.match(rest, offset)
    if quoted:
        return _citation(article, view, cue_start, cue_end + quoted.end(), quoted.group(1))
    words = list(WORD.finditer(rest, offset))[:NAME_WORDS]
    for count in range(len(words), 0, -1):
        name = rest[offset: words[count - 1].end()]
        if find_outlet(name):
            return _citation(article, view, cue_start, cue_end + words[count - 1].end(), name)
    if words and kind:  # «نقلا عن موقع نبأ الساحل»: an outlet we do not know
        name = rest[offset: words[min(len(words), 2) - 1].end()]
        return _citation(article, view, cue_start, cue_end + words[min(len(words), 2) - 1].end(),
                         name)
    return None


def _citation(article: Article, view: NormalizedText, start: int, end: int, name: str
              ) -> Citation:
    original = view.to_original(start, end)
    known = find_outlet(name)
    return Citation(original, article.text[original[0]:original[1]], fold_name(name),
                    known.name if known else None)

