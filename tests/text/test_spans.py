"""Spans: half-open (start, end) character ranges; touching ends do not overlap."""

from khabar.text.spans import inside_any, overlaps, overlaps_any


def test_spans_overlap_only_when_they_share_a_character() -> None:
    assert overlaps((0, 5), (4, 9))
    assert not overlaps((0, 5), (5, 9))
    assert overlaps_any((3, 4), [(10, 12), (0, 4)])
    assert not overlaps_any((3, 4), [])


def test_a_span_is_inside_only_when_another_holds_all_of_it() -> None:
    assert inside_any((2, 4), [(0, 4)])
    assert not inside_any((2, 5), [(0, 4), (3, 9)])
