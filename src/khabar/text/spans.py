"""Character spans (start, end) of one text: whether they overlap or one holds another.

Every stage keeps spans into its report's text; these tests are shared so that "overlaps"
means the same thing everywhere (half-open spans: touching ends do not overlap)."""

from __future__ import annotations

from collections.abc import Iterable

from khabar.model import Span


def overlaps(span: Span, other: Span) -> bool:
    """Whether two spans share a character."""
    return span[0] < other[1] and other[0] < span[1]


def overlaps_any(span: Span, others: Iterable[Span]) -> bool:
    """Whether a span shares a character with any of the others."""
    return any(overlaps(span, other) for other in others)


def inside_any(span: Span, others: Iterable[Span]) -> bool:
    """Whether one of the others holds the whole span."""
    return any(start <= span[0] and span[1] <= end for start, end in others)
