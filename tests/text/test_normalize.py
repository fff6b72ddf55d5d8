import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.text.normalize import fold_table, normalize, normalize_with_offsets


@pytest.mark.parametrize(
    ("variant", "folded"),
    [
        ("أحمد", "احمد"),
        ("إسلام", "اسلام"),
        ("آمال", "امال"),
        ("الليبى", "الليبي"),
        ("درنة", "درنه"),
        ("مُحَمَّد", "محمد"),
        ("الـــجيش", "الجيش"),
        ("٣٫٥", "3.5"),
        ("۱۲", "12"),
        ("«قال»", '"قال"'),
        ("“الحرة”", '"الحره"'),
        ("ليبيا\u200f", "ليبيا"),
        ("ﻻ", "لا"),
        ("Shares", "shares"),
        ("a\u00a0b", "a b"),
    ],
)
def test_normalize_folds_spelling_variants(variant: str, folded: str) -> None:
    assert normalize(variant) == folded


def test_normalize_maps_folded_spans_back_to_the_original() -> None:
    text = "قال العميدُ أحمد المسمارى إن الجيش سيطر على ٤٨٠ كم"
    view = normalize_with_offsets(text)
    start = view.text.index("المسماري")
    original = view.to_original(start, start + len("المسماري"))
    assert text[original[0]:original[1]] == "المسمارى"
    start = view.text.index("480")
    assert text[slice(*view.to_original(start, start + 3))] == "٤٨٠"


def test_normalize_span_over_deleted_diacritics_keeps_them() -> None:
    text = "العميدُ سالم"
    view = normalize_with_offsets(text)
    start, end = view.to_original(0, len("العميد"))
    assert text[start:end] == "العميدُ"[:-1]  # the span ends at the last letter it covers


def test_presentation_form_expansion_points_at_one_character() -> None:
    view = normalize_with_offsets("ﻻ بد")
    assert view.text.startswith("لا")
    assert view.to_original(0, 2) == (0, 1)


@given(st.text(alphabet=st.sampled_from(list("أإآاىيةهـًٌٍَُِّْ٠١٢ abc«»“”\u200f\u00a0ﻻﷲ\n.")),
               max_size=60))
def test_fast_and_offset_paths_agree(text: str) -> None:
    view = normalize_with_offsets(text)
    assert view.text == normalize(text)
    assert len(view.offsets) == len(view.text) + 1
    assert list(view.offsets) == sorted(view.offsets)
    table = fold_table()
    for position, char in enumerate(view.text):
        source = text[view.offsets[position]]
        assert char in table.get(ord(source), source)
