import pytest

from khabar.text.sentences import sentence_spans
from khabar.text.tokens import token_spans


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("قال إنه بخير. ثم غادر", ["قال إنه بخير.", "ثم غادر"]),
        ("هل انتهت المعركة؟ نعم", ["هل انتهت المعركة؟", "نعم"]),
        ("أولا؛ ثانيا", ["أولا؛", "ثانيا"]),
        ("سطر أول\nسطر ثان", ["سطر أول", "سطر ثان"]),
        ("ارتفعت النسبة إلى 2.5 في المئة", ["ارتفعت النسبة إلى 2.5 في المئة"]),
        ("بدأت في 8.5.2018 وانتهت", ["بدأت في 8.5.2018 وانتهت"]),
        ("وقال د. محمد إنه بخير.", ["وقال د. محمد إنه بخير."]),
        ("نقلت أ.ف.ب الخبر.", ["نقلت أ.ف.ب الخبر."]),
        ("وقال :”الوضع جيد.” ثم غادر", ["وقال :”الوضع جيد.”", "ثم غادر"]),
        ("انتهى عام 2014. وبدأ", ["انتهى عام 2014.", "وبدأ"]),
        ("أعلنت السلطات المحلية.في غضون ذلك اعتقل", ["أعلنت السلطات المحلية.",
                                                    "في غضون ذلك اعتقل"]),
        ("وقال د.محمد إنه بخير", ["وقال د.محمد إنه بخير"]),
        ("نشر موقع www.alarabiya.net الخبر", ["نشر موقع www.alarabiya.net الخبر"]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_sentence_spans_skip_blank_lines_and_trim() -> None:
    text = "  عنوان  \n\n\nفقرة أولى.  "
    assert sentences(text) == ["عنوان", "فقرة أولى."]


def test_token_spans_keep_numbers_and_diacritics_whole() -> None:
    text = "قالَ إن 1,200 شخص و٣٫٥ كم"
    words = [text[start:end] for start, end in token_spans(text)]
    assert words == ["قالَ", "إن", "1,200", "شخص", "و", "٣٫٥", "كم"]
