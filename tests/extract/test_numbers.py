"""The number reader: digits, words, scales, ranges; property tests for words and digits."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from khabar.extract.numbers import read_quantity
from khabar.text.tokens import fold_and_tokenize

UNITS = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
HUNDREDS = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة",
            "تسعمئة"]


def words_for(n: int) -> str:
    """Arabic words for 1..999 in the order «مئة وخمسة وعشرون» (hundreds, units, tens)."""
    hundreds, rest = divmod(n, 100)
    tens, units = divmod(rest, 10)
    parts = [HUNDREDS[hundreds]] if hundreds else []
    if tens == 1:
        parts.append(f"{UNITS[units]} عشر" if units else "عشرة")
    else:
        parts += [p for p in (UNITS[units], TENS[tens]) if p]
    return " و".join(parts).replace("و ", "و").replace(" عشر", " عشر")


def read(text: str):
    folded = fold_and_tokenize(text)
    quantity = read_quantity(folded.tokens, 0)
    return None if quantity is None else (quantity.value, quantity.value_high, quantity.fuzzy)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("480 كم", (480, None, False)),
        ("١٬٢٠٠ شخص", (1200, None, False)),
        ("2.5 مليون", (2_500_000, None, False)),
        ("الـ17 هجوما", (17, None, False)),
        ("واحد وثلاثون قتيلا", (31, None, False)),
        ("ثلاثمائة وخمسون ألفا", (350_000, None, False)),
        ("خمسة آلاف", (5000, None, False)),
        ("عشرات القتلى", (10, None, True)),
        ("مئات الأسر", (100, None, True)),
        ("15-20 كيلو متر", (15, 20, False)),
        ("90 إلى 93%", (90, 93, False)),
        ("25 أو 24 كم", (24, 25, False)),
        ("400 متر حتى 550 مترا", (400, 550, False)),
        ("20 يوليو إلى 21 قتيلا", (20, None, False)),  # a date, then a figure
    ],
)
def test_numbers_read(text, expected):
    assert read(text) == expected


def test_numbers_one_of_and_ordinals_are_not_counts():
    assert read("أحد الجنود") is None
    folded = fold_and_tokenize("اليوم الخامس عشر")
    assert read_quantity(folded.tokens, 2) is None


@given(st.integers(min_value=1, max_value=999))
def test_numbers_words_round_trip(n):
    assert read(words_for(n) + " جنديا")[0] == n


@given(st.integers(min_value=0, max_value=10**9))
def test_numbers_digits_round_trip(n):
    assert read(f"{n} ريال")[0] == n
    assert read(f"{n:,} ريال")[0] == n
    assert read(f"{n:,}".translate(str.maketrans("0123456789,", "٠١٢٣٤٥٦٧٨٩٬")))[0] == n


@given(st.text(max_size=80))
def test_numbers_never_raise_on_arbitrary_text(text):
    folded = fold_and_tokenize(text)
    for k in range(len(folded.tokens)):
        read_quantity(folded.tokens, k)
