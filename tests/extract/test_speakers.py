import pytest

from khabar.extract.speakers import KnownNames, parse_speaker
from khabar.text.tokens import fold_and_tokenize


def parts(text: str) -> tuple[str, str, str, str]:
    folded = fold_and_tokenize(text)
    phrase = parse_speaker(folded, 0, KnownNames())
    assert phrase is not None

    def words(indices):
        return " ".join(folded.tokens[k].form for k in indices)

    return phrase.kind, words(phrase.titles), words(phrase.role), words(phrase.name)


@pytest.mark.parametrize(
    ("text", "titles", "role", "name"),
    [
        ("العقيد نادر الصافي المتحدث باسم قيادة العمليات أن", "العقيد",
         "المتحدث باسم قياده العمليات", "نادر الصافي"),
        ("المتحدث باسم الجيش اللواء سالم الفيتوري أن", "اللواء", "المتحدث باسم الجيش",
         "سالم الفيتوري"),
        ("مدير مكتب الإعلام للقيادة العامة خليفة العبيدي أن", "",
         "مدير مكتب الاعلام للقياده العامه", "خليفه العبيدي"),
        ("رئيس مجلس أعيان المدينة، عبد العزيز الشيخ، أن", "", "رئيس مجلس اعيان المدينه",
         "عبد العزيز الشيخ"),
        ("الرئيس التركي رجب طيب أردوغان دعم بلاده", "الرئيس التركي", "", "رجب طيب اردوغان"),
    ],
)
def test_speakers_person_parts(text, titles, role, name):
    assert parts(text) == ("PER", titles, role, name)


def test_speakers_name_stops_before_the_content_noun():
    # «أكد العميد أحمد المسمارى سيطرة الجيش»: سيطرة is the content, not part of the name.
    assert parts("العميد أحمد المسمارى سيطرة الجيش")[3] == "احمد المسماري"


@pytest.mark.parametrize(
    ("text", "kind"),
    [("وزارة الداخلية أن", "ORG"), ("مصادر عسكرية أن", "UNNAMED"), ("معاليه أن", "ANAPHOR")],
)
def test_speakers_kinds(text, kind):
    assert parts(text)[0] == kind


def test_speakers_none_for_ordinary_words():
    folded = fold_and_tokenize("أن القوات تقدمت")
    assert parse_speaker(folded, 0, KnownNames()) is None
