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
        # a name after «عبد», a family name before an apposed office
        ("عبد الله الفلاني رئيس لجنة المسابقات أن", "", "رئيس لجنه المسابقات",
         "عبد الله الفلاني"),
        # an office with ب-phrases, and a name the lexicon does not know shown by «بن»
        ("الناطق الإعلامي بصحة المنطقة بالنيابة عيضة بن حمد أن", "",
         "الناطق الاعلامي بصحه المنطقه بالنيابه", "عيضه بن حمد"),
        # descriptors between a title and the name
        ("الناشط الإعلامي المعارض أبو محمد الحلبي أن", "الناشط الاعلامي المعارض", "",
         "ابو محمد الحلبي"),
        # a nationality before the title; «علي» folds to the preposition على
        ("الأردني الأمير علي بن الحسين أن", "الاردني الامير", "", "علي بن الحسين"),
        # a two-word title and a foreign name beginning with ك
        ("البريجادير جنرال الأمريكي كيفين كيلي إن", "البريجادير جنرال الامريكي", "",
         "كيفين كيلي"),
        # an office's team word that is also a rank is no title here
        ("مدير الفريق الأول بالنادي عبدالله الدخيل أن", "", "مدير الفريق الاول بالنادي",
         "عبدالله الدخيل"),
        # a blessing after the name ends it
        ("وزير الخارجية السابق سعود الفيصل رحمه الله", "", "وزير الخارجيه السابق",
         "سعود الفيصل"),
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


def test_speakers_a_nisba_after_a_title_is_the_name_when_nothing_follows():
    assert parts("اللواء المسماري أشار إلى")[1:] == ("اللواء", "", "المسماري")


def test_speakers_a_family_name_alone_before_that():
    assert parts("البرقان أن الأمر")[::3] == ("PER", "البرقان")
    folded = fold_and_tokenize("البيان أن الأمر")
    assert parse_speaker(folded, 0, KnownNames()) is None  # an ordinary word is no name


def test_speakers_an_ordinary_word_after_a_title_is_no_name():
    folded = fold_and_tokenize("اللاعب البالغ من العمر")
    assert parse_speaker(folded, 0, KnownNames()) is None


def test_speakers_a_verbal_noun_with_a_particle_ends_the_name():
    assert parts("خالد المحجوب باستهداف مخزن")[3] == "خالد المحجوب"
