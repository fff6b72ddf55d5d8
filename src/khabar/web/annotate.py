"""An article's text cut into segments, each carrying the marks that cover it.

Statements, speakers, numbers, places and reused passages overlap freely (a number inside a
statement inside a reused passage), and HTML links cannot nest. So the text is cut at every
mark's edge; each segment knows all the marks over it and links to the most specific one
(a number before a place before a speaker before a statement before a reused passage).
Segments are plain text: the template escapes them.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Most specific first: a segment links to the first kind of mark it carries.
PRIORITY = ("claim", "place", "speaker", "statement", "reuse", "copied")


@dataclass(frozen=True)
class Mark:
    """A span of the text that is (part of) a record: ``kind`` is a CSS class."""

    start: int
    end: int
    kind: str
    href: str
    title: str


@dataclass
class Segment:
    text: str
    start: int
    marks: list[Mark] = field(default_factory=list)

    @property
    def classes(self) -> str:
        return " ".join(sorted({mark.kind for mark in self.marks}))

    @property
    def link(self) -> Mark | None:
        for kind in PRIORITY:
            for mark in self.marks:
                if mark.kind == kind:
                    return mark
        return None

    @property
    def title(self) -> str:
        return " · ".join(dict.fromkeys(mark.title for mark in self.marks if mark.title))


def segments(text: str, marks: Iterable[Mark]) -> list[Segment]:
    """The text in order, cut at every mark edge; marks outside the text are dropped."""
    kept = [mark for mark in marks if 0 <= mark.start < mark.end <= len(text)]
    edges = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    found = []
    for start, end in itertools.pairwise(edges):
        covering = [mark for mark in kept if mark.start <= start and end <= mark.end]
        found.append(Segment(text[start:end], start, covering))
    return found


def article_marks(doc_id: str, statements: list[dict[str, Any]], claims: list[dict[str, Any]],
                  entities: list[dict[str, Any]], reuse: list[dict[str, Any]]) -> list[Mark]:
    """The marks of one article from its records (contract JSON)."""
    marks: list[Mark] = []
    for statement in statements:
        href = f"/statements/{statement['id']}"
        if statement.get("content_span"):
            start, end = statement["content_span"]
            marks.append(Mark(start, end, "statement", href,
                              f"قول {statement.get('speaker_text') or ''}".strip()))
        if statement.get("speaker_span"):
            start, end = statement["speaker_span"]
            speaker = statement.get("speaker")
            marks.append(Mark(start, end, "speaker",
                              f"/entities/{speaker}" if speaker else href, "المتكلم"))
    for claim in claims:
        start, end = claim["span"]
        marks.append(Mark(start, end, "claim", f"/claims/{claim['id']}",
                          f"رقم: {claim.get('quantity') or ''}"))
    for entity in entities:
        if entity.get("type") not in {"GPE", "LOC"}:
            continue
        for mention in entity.get("mentions") or []:
            if mention.get("doc_id") == doc_id:
                start, end = mention["span"]
                marks.append(Mark(start, end, "place", f"/entities/{entity['id']}",
                                  entity.get("name_en") or entity.get("name") or ""))
    for pair in reuse:
        for passage in pair.get("passages") or []:
            if pair.get("target_id") == doc_id:  # taken from the source: link to it there
                start, end = passage["target_span"]
                marks.append(Mark(start, end, "reuse",
                                  f"/articles/{pair['source_id']}#c{passage['source_span'][0]}",
                                  f"مأخوذ من تقرير سابق ({pair.get('kind')})"))
            elif pair.get("source_id") == doc_id:  # taken by a later report
                start, end = passage["source_span"]
                marks.append(Mark(start, end, "copied",
                                  f"/articles/{pair['target_id']}#c{passage['target_span'][0]}",
                                  "نقله تقرير لاحق"))
    return marks
