"""The records khabar passes between stages and writes out.

Every dataclass here mirrors one file of the output contract (``docs/output.md``); field
names are public interface. A span is ``(start, end)``: character offsets, end exclusive,
into the ``text`` of the article the record belongs to, so ``text[start:end]`` is always
the quoted text.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

Span = tuple[int, int]


@dataclass(frozen=True)
class DroppedLine:
    """A line the cleaner removed from a report, kept so nothing is silently lost."""

    line: int  # 1-based line number in the decoded input text
    text: str
    reason: str  # name of the boilerplate rule that matched


@dataclass(frozen=True)
class Article:
    """One news report, after ingest and cleaning.

    ``text`` is the report's plain text with boilerplate lines dropped; it is never
    normalized, and every offset in every output points into it.
    """

    id: str
    source: str
    outlet: str | None
    url: str | None
    title: str | None
    published: str | None
    text: str
    sha256: str
    dropped: tuple[DroppedLine, ...] = ()
    outlet_evidence: str | None = None
    published_evidence: str | None = None
    encoding: str | None = None

    @property
    def dropped_lines(self) -> list[str]:
        return [line.text for line in self.dropped]

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "published": self.published,
            "text": self.text,
            "dropped_lines": self.dropped_lines,
            "sha256": self.sha256,
            "dropped": [asdict(line) for line in self.dropped],
            "outlet_evidence": self.outlet_evidence,
            "published_evidence": self.published_evidence,
            "encoding": self.encoding,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Article:
        return cls(
            id=record["id"],
            source=record["source"],
            outlet=record.get("outlet"),
            url=record.get("url"),
            title=record.get("title"),
            published=record.get("published"),
            text=record["text"],
            sha256=record["sha256"],
            dropped=tuple(DroppedLine(**line) for line in record.get("dropped", [])),
            outlet_evidence=record.get("outlet_evidence"),
            published_evidence=record.get("published_evidence"),
            encoding=record.get("encoding"),
        )


@dataclass(frozen=True)
class Skipped:
    """An input (file, or one record inside a file) that was not ingested, and why."""

    source: str
    reason: str


@dataclass
class Passage:
    source_span: Span
    target_span: Span
    similarity: float
    source_text: str = ""  # the quoted text of each side, so the spans can be checked
    target_text: str = ""


@dataclass
class Citation:
    span: Span
    text: str


@dataclass
class Reuse:
    """One ordered pair of reports with text reuse: ``target`` derives from ``source``."""

    source_id: str
    target_id: str
    kind: str  # duplicate / rewrite / partial
    similarity: float
    target_coverage: float
    direction_evidence: list[str]
    citation: Citation | None
    passages: list[Passage]
    common_source: str | None = None  # a wire agency both name, when neither cites the other
    reused_words: int = 0  # words of the target in its derived sentences
    source_coverage: float = 0.0  # share of the source's sentences found in the target


@dataclass
class Story:
    id: str
    label: str
    doc_ids: list[str]
    first_published: str | None
    last_published: str | None
    outlets: list[str] = field(default_factory=list)
    key_terms: list[str] = field(default_factory=list)  # folded stems, strongest first
    entity_ids: list[str] = field(default_factory=list)  # linked entities, most mentioned first
    # Episodes inside the story: reports joined by reuse ({id, doc_ids, reuse}).
    sub_stories: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Mention:
    doc_id: str
    span: Span
    text: str


@dataclass
class Entity:
    id: str
    type: str  # PER / ORG / LOC / GPE / MISC
    name: str
    name_en: str | None
    aliases: list[str]
    titles: list[str]
    mentions: list[Mention]
    geo: dict[str, Any] | None = None
    # Extra: each title or office with the articles and dates it was used in, oldest first.
    title_history: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class Statement:
    id: str
    doc_id: str
    speaker: str | None  # entity id, filled by entity linking
    speaker_text: str | None  # null when the cue has no subject of its own («وأضاف»)
    speaker_span: Span | None
    verb: str | None  # null for interview answers
    verb_span: Span | None
    mode: str  # direct / indirect
    polarity: str  # assert / deny
    content: str
    content_span: Span
    venue: str | None = None
    # Extra fields: how the speaker phrase was read, and where a dropped subject comes from.
    speaker_kind: str | None = None  # PER / ORG / UNNAMED / ANAPHOR / OTHER
    speaker_titles: list[str] = field(default_factory=list)
    speaker_role: str | None = None
    speaker_name: str | None = None
    speaker_from: str | None = None  # id of the statement whose speaker this one continues
    in_title: bool = False
    cue_lemma: str | None = None


@dataclass
class Claim:
    id: str
    doc_id: str
    value: float
    value_high: float | None
    approx: bool
    unit: str
    quantity: str | None
    subject: str | None
    span: Span
    text: str
    statement_id: str | None = None
    attributed_to: str | None = None
    # Extra: how an approximate figure leans («أكثر من» at_least, «أقل من» at_most, «نحو»
    # about), the claim this one is a part of («31 قتيلا، بينهم 8»), and the period it
    # counts over as written ({text, span}: «خلال يوم واحد», «في اليوم الأول والثاني»).
    bound: str | None = None
    part_of: str | None = None
    period: dict[str, Any] | None = None


@dataclass
class ComparedValue:
    doc_id: str
    claim_id: str
    value: float
    value_high: float | None
    outlet: str | None
    attributed_to: str | None
    # Extra: the claim as the report gives it, so a reader sees every value in its words.
    unit: str | None = None
    bound: str | None = None
    text: str = ""
    span: Span | None = None
    statement_id: str | None = None


@dataclass
class Comparison:
    story_id: str
    quantity: str
    subject: str | None
    values: list[ComparedValue]
    verdict: str  # agree / differ
    independent_sources: int
    # Extra: an id, the unit family, whether these are parts of a total («بينهم 8»), the
    # measured word of a generic figure, the period when one is named, and notes.
    id: str = ""
    unit: str | None = None
    part: bool = False
    measured: str | None = None
    period: str | None = None
    notes: list[str] = field(default_factory=list)


@dataclass
class EventSpan:
    doc_id: str
    span: Span
    text: str


@dataclass
class Event:
    id: str
    event_date: str | None
    date_precision: str | None
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    location: str | None
    admin1: str | None
    country: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    fatalities: int | None
    fatalities_reported: list[dict[str, Any]] = field(default_factory=list)
    doc_ids: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    spans: list[EventSpan] = field(default_factory=list)
    # Beyond the contract: who says it happened (statements whose content tells it), how
    # many independent reports tell it (copies once), and the trigger words as written.
    claimed_by: list[dict[str, Any]] = field(default_factory=list)
    independent_sources: int = 0
    triggers: list[str] = field(default_factory=list)
    # When the event's own sentences name no actor1: the report's sentence that does.
    actor1_from: EventSpan | None = None
    # When its sentence lists several towns, one event is coded at each: their names (the
    # sentence's toll is divided evenly among them).
    split_among: list[str] = field(default_factory=list)


# The contract's files, in the order the data flows, and the record type of each.
RECORD_KINDS: dict[str, type] = {
    "articles": Article,
    "reuse": Reuse,
    "stories": Story,
    "entities": Entity,
    "statements": Statement,
    "claims": Claim,
    "comparisons": Comparison,
    "events": Event,
}


def to_record(item: Any) -> dict[str, Any]:
    """Turn any contract dataclass into the plain dict written to JSONL."""
    if isinstance(item, Article):
        return item.to_record()
    record = asdict(item)
    return _lists_for_spans(record)


def _lists_for_spans(value: Any) -> Any:
    # JSON has no tuples; spans go out as two-element lists.
    if isinstance(value, dict):
        return {key: _lists_for_spans(inner) for key, inner in value.items()}
    if isinstance(value, list | tuple):
        return [_lists_for_spans(inner) for inner in value]
    return value
