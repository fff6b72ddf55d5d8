import dataclasses

from khabar.clean.boilerplate import clean
from khabar.model import Article
from khabar.outlets import find_outlet, find_outlet_mentions, identify_outlet, outlet_for_url


def article(text: str, **fields) -> Article:
    base = Article(id="x", source="x.txt", outlet=None, url=None, title=None, published=None,
                   text=text, sha256="0")
    return clean(dataclasses.replace(base, **fields))


def test_metadata_outlet_is_canonicalized() -> None:
    assert identify_outlet(article("نص", outlet="aawsat")).outlet == "الشرق الأوسط"


def test_unknown_metadata_outlet_is_kept_as_given() -> None:
    result = identify_outlet(article("نص", outlet="نبأ الساحل"))
    assert (result.outlet, result.outlet_evidence) == ("نبأ الساحل", "metadata")


def test_outlet_from_url_domain() -> None:
    result = identify_outlet(article("نص", url="https://www.youm7.com/story/2018/6/1/x"))
    assert (result.outlet, result.outlet_evidence) == ("اليوم السابع", "url")
    assert outlet_for_url("https://www.bbc.com/arabic/x").key == "bbcarabic"
    assert outlet_for_url("https://www.bbc.com/news/x") is None


def test_outlet_from_a_dateline_line_naming_an_unknown_outlet() -> None:
    result = identify_outlet(article("عنوان\n\nصدى الوادي –\n\nقال المتحدث إن المعركة مستمرة."))
    assert (result.outlet, result.outlet_evidence) == ("صدى الوادي", "dateline")


def test_a_place_dateline_is_not_an_outlet() -> None:
    result = identify_outlet(article("عنوان\n\nالقاهرة –\n\nقال المتحدث إن المعركة مستمرة."))
    assert result.outlet is None


def test_house_dateline_signature() -> None:
    result = identify_outlet(article("عنوان\n\nليبيا – أكد المتحدث أن المعركة مستمرة."))
    assert (result.outlet, result.outlet_evidence) == ("المرصد", "dateline signature")


def test_outlet_that_conducted_the_interview() -> None:
    text = 'عنوان\n\nجاء ذلك في حوار أجرته "العين الإخبارية" معه، عبر الهاتف.'
    result = identify_outlet(article(text))
    assert (result.outlet, result.outlet_evidence) == ("العين الإخبارية", "self-reference")


def test_a_cited_outlet_is_not_the_publisher() -> None:
    text = 'عنوان\n\nوكشف المتحدث فى حوار مع موقع "العين الإخبارية" الإماراتى تفاصيل العملية.'
    assert identify_outlet(article(text)).outlet is None


def test_find_outlet_folds_spelling_and_prefixes() -> None:
    assert find_outlet('موقع "العين الاخبارية"').key == "alain"
    assert find_outlet("سكاى نيوز عربية").key == "skynewsarabia"


def test_outlet_mentions_in_quotes_after_a_kind_word_or_by_a_distinctive_name() -> None:
    text = ("وقال المتحدث لـ«الشرق الأوسط» إن المعارك في الشرق الأوسط مستمرة، وذكرت صحيفة "
            "الرياض أن الوفد وصل إلى الرياض، وفقا لسكاي نيوز عربية.")
    found = find_outlet_mentions(text)
    assert [(m.text, m.outlet.name_en) for m in found] == [
        ("الشرق الأوسط", "Asharq Al-Awsat"), ("الرياض", "Al Riyadh"),
        ("سكاي نيوز عربية", "Sky News Arabia")]
    assert [text[m.span[0]:m.span[1]] for m in found] == [m.text for m in found]
    # the same words bare are the region and the city
    assert found[0].span[0] < text.index("في الشرق") and found[1].span[0] < text.index("إلى الرياض")
