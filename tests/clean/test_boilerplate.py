import pytest

from khabar.clean.boilerplate import clean, debris_rule
from khabar.clean.headline import headline_from_first_line
from khabar.model import Article


def article(text: str, title: str | None = None) -> Article:
    return Article(id="x", source="x.txt", outlet=None, url=None, title=title, published=None,
                   text=text, sha256="0")


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Shares", "share_widget"),
        ("125 Shares", "share_widget"),
        ("تعليقات عبر الفيس بوك", "comment_widget"),
        ("التعليقات", "comment_widget"),
        ("مقالات ذات صلة", "related_links"),
        ("اقرأ أيضًا: حفتر يقترب من درنة", "cross_link"),
        ("اقرا ايضا: عنوان آخر", "cross_link"),
        ("الواجهة الرئيسيةشؤون عربية", "breadcrumb"),
        ("الرئيسية » أخبار محلية", "breadcrumb"),
        ("عربي ودولي", "section_label"),
        ("كيو بوست –", "dateline"),
        ("رابط الخبر بصحيفة الوئام: إصابة مقيمين جراء مقذوفات", "cross_link"),
        ("سمات تفجير عسير الطوارئ", "tags"),
    ],
)
def test_debris_lines_are_recognized(line: str, rule: str) -> None:
    assert debris_rule(line) == rule


@pytest.mark.parametrize(
    "line",
    [
        "قال المتحدث إن الجيش سيطر على المدينة.",
        "وأضاف أن التعليقات على القرار كانت إيجابية",
        "اقرأ النص الكامل للبيان في موقع الوزارة الرسمي الذي نشر صباح اليوم",
        "ليبيا – أكد الناطق باسم الجيش أن المعركة مستمرة.",
        "سمات القائد الناجح، كما قال الخبراء، الصبر والحزم.",
    ],
)
def test_report_lines_are_kept(line: str) -> None:
    assert debris_rule(line) is None


def test_clean_drops_lines_and_keeps_them_on_record() -> None:
    text = "عنوان الخبر\n\nفقرة أولى.\n\nاقرأ أيضًا: خبر آخر\n\nفقرة ثانية.\n\nShares"
    cleaned = clean(article(text))
    assert cleaned.text == "عنوان الخبر\n\nفقرة أولى.\n\nفقرة ثانية."
    assert cleaned.dropped_lines == ["اقرأ أيضًا: خبر آخر", "Shares"]
    assert [line.line for line in cleaned.dropped] == [5, 9]


def test_clean_drops_a_caption_printed_twice() -> None:
    text = "عنوان\n\nاللواء أحمد المسماري\nاللواء أحمد المسماري\n\nقال اللواء إن المعركة مستمرة."
    cleaned = clean(article(text))
    assert "المسماري\n" not in cleaned.text
    assert [line.reason for line in cleaned.dropped] == ["repeated_caption"] * 2


def test_clean_keeps_a_repeated_sentence() -> None:
    text = "عنوان\nقال إن الوضع مستقر.\nقال إن الوضع مستقر."
    assert clean(article(text)).text == text


def test_clean_never_changes_kept_lines() -> None:
    text = "عنوانٌ  بمسافات\u00a0غريبة\nسطرٌ ثانٍ فيه «اقتباس»."
    assert clean(article(text)).text == text


def test_headline_is_a_short_first_line() -> None:
    assert headline_from_first_line(article("الجيش يتقدم في درنة\nقال المتحدث.")).title == (
        "الجيش يتقدم في درنة")


def test_a_lead_paragraph_is_not_a_headline() -> None:
    lead = "يواصل الجيش جهوده لتحرير المدينة من قبضة الجماعات المتطرفة منذ أربع سنوات."
    assert headline_from_first_line(article(lead + "\nفقرة ثانية.")).title is None


def test_a_given_title_is_kept() -> None:
    assert headline_from_first_line(article("سطر\nسطر", title="عنوان")).title == "عنوان"


def test_debris_glued_after_the_last_full_stop_of_a_one_line_report_is_cut() -> None:
    report = ("وقال المتحدث إن فرق الدفاع المدني باشرت الحادث. وتم نقل المصاب إلى المستشفى. "
              "رابط الخبر بصحيفة الوئام: إصابة مقيم جراء مقذوف سمات إصابة مقذوف جازان")
    cleaned = clean(article(report))
    assert cleaned.text == ("وقال المتحدث إن فرق الدفاع المدني باشرت الحادث. "
                            "وتم نقل المصاب إلى المستشفى.")
    assert report.startswith(cleaned.text)
    assert cleaned.dropped_lines == [
        "رابط الخبر بصحيفة الوئام: إصابة مقيم جراء مقذوف سمات إصابة مقذوف جازان"]
    assert [line.reason for line in cleaned.dropped] == ["cross_link"]
    tagged = "وتم نقل المصاب إلى المستشفى. سمات إصابة مقذوف جازان"
    assert clean(article(tagged)).text == "وتم نقل المصاب إلى المستشفى."
    # a last sentence of the report's own stays, even one that opens with a debris word
    for kept in ("وتم نقل المصاب إلى المستشفى. وقال إن الحالة مستقرة",
                 "وتم نقل المصاب. سمات القائد الناجح، كما قال الخبراء، الصبر والحزم."):
        assert clean(article(kept)).text == kept
