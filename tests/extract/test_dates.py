"""Dates in Arabic reports: absolute, relative to publication, weekdays checked, datelines.

Sentences written by the team. PHRASES is also what ``dev/dates/score.py phrases`` reads to
compare these rules with dateparser.
"""

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from khabar.extract.dates import (
    date_from_dateline,
    date_words,
    find_dates,
    publication_date_from_text,
)
from khabar.model import Article
from khabar.resources import load_tsv
from khabar.text.normalize import normalize

PUBLISHED = date(2019, 9, 23)  # a Monday

# (phrase, value, precision, end_value); value None: the phrase holds no date.
PHRASES: list[tuple[str, str | None, str | None, str | None]] = [
    ("وقعت الاشتباكات في 8 مايو/أيار 2018 قرب الميناء.", "2018-05-08", "day", None),
    ("وقعت الاشتباكات في 8 أيار (مايو) 2018 قرب الميناء.", "2018-05-08", "day", None),
    ("وصل الوفد إلى المدينة في 8 مايو.", "2019-05-08", "day", None),
    ("انطلقت الحملة في الرابع من أبريل الماضي.", "2019-04-04", "day", None),
    ("اندلعت المواجهات في الخامس من أكتوبر الماضي.", "2018-10-05", "day", None),
    ("تسلم المجلس التقرير في 20 ديسمبر.", "2018-12-20", "day", None),
    ("تعقد اللجنة جلستها في 10 أكتوبر.", "2019-10-10", "day", None),
    ("سقطت البلدة في 3 كانون الثاني 2019.", "2019-01-03", "day", None),
    ("انسحبت القوات في 15 تشرين الأول الماضي.", "2018-10-15", "day", None),
    ("وقع الاتفاق في 12 يوليوز 2016 بالرباط.", "2016-07-12", "day", None),
    ("تسيطر الجماعة على الوادي منذ عام 2014.", "2014", "year", None),
    ("غادر البلاد في 2011 ولم يعد.", "2011", "year", None),
    ("تلقى الدعم في 2012 و2013 من جهات عدة.", "2012", "year", "2013"),
    ("صدر القرار بتاريخ 2018/5/8 عن المجلس.", "2018-05-08", "day", None),
    ("عقد الاجتماع يوم 8-5-2018 في القاعة.", "2018-05-08", "day", None),
    ("وصلت الشحنة في 8/5 إلى الميناء.", "2019-05-08", "day", None),
    ("بدأت المفاوضات مطلع مايو.", "2019-05", "month", None),
    ("تصاعد القتال أواخر الشهر الماضي.", "2019-08", "month", None),
    ("قال المتحدث اليوم إن القوات تتقدم.", "2019-09-23", "day", None),
    ("وصل الوزير أمس إلى العاصمة.", "2019-09-22", "day", None),
    ("أغلقت الطرق أول أمس بسبب السيول.", "2019-09-21", "day", None),
    ("أغلقت الطرق أمس الأول بسبب السيول.", "2019-09-21", "day", None),
    ("يصل الوفد غدا إلى المدينة.", "2019-09-24", "day", None),
    ("أعلن المتحدث أمس الأحد انتهاء العملية.", "2019-09-22", "day", None),
    ("استأنف المجلس جلساته الأحد الماضي.", "2019-09-22", "day", None),
    ("اعتقلت الشرطة المشتبه به يوم الخميس.", "2019-09-19", "day", None),
    ("تجددت الاشتباكات مساء الجمعة في الحي.", "2019-09-20", "day", None),
    ("زار الوفد المخيم الأسبوع الماضي.", "2019-09-15", "week", "2019-09-21"),
    ("ارتفعت الأسعار الشهر الماضي.", "2019-08", "month", None),
    ("تنتهي المهلة نهاية الشهر الجاري.", "2019-09", "month", None),
    ("شهدت المدينة هدوءا خلال الأيام الماضية.", "2019-09-16", "week", "2019-09-23"),
    ("تراجعت الصادرات العام الماضي.", "2018", "year", None),
    ("فقد الاتصال بالقارب قبل ثلاثة أيام.", "2019-09-20", "day", None),
    ("اعتقل الصحفي قبل يومين.", "2019-09-21", "day", None),
    ("قتل ثلاثة جنود منذ بداية الشهر الجاري.", "2019-09", "month", None),
    ("قتل 8 أشخاص في الهجوم.", None, None, None),
    ("بدأ القصف الساعة 10 صباحا.", None, None, None),
    ("في اليوم الأول سقط نحو 30 قتيلا.", None, None, None),
    ("يحيي الأهالي ذكرى ثورة 17 فبراير في الساحة.", None, None, None),
    ("مارس المجلس ضغوطا على الحكومة.", None, None, None),
    ("تعادل الفريقان 2 - 2 في المباراة.", None, None, None),
]


def values(text: str, published: date | None = PUBLISHED) -> list[str | None]:
    return [m.value for m in find_dates(text, published)]


@pytest.mark.parametrize(("phrase", "value", "precision", "end"), PHRASES)
def test_phrase(phrase, value, precision, end):
    mentions = find_dates(phrase, PUBLISHED)
    if value is None:
        assert mentions == []
        return
    assert len(mentions) == 1, mentions
    mention = mentions[0]
    assert (mention.value, mention.precision, mention.end_value) == (value, precision, end)
    assert phrase[mention.start:mention.end] == mention.text


def test_kinds():
    [absolute] = find_dates("وقعت الاشتباكات في 8 مايو 2018.", PUBLISHED)
    [relative] = find_dates("وصل الوزير أمس.", PUBLISHED)
    assert (absolute.kind, relative.kind) == ("absolute", "relative")
    assert absolute.weekday_ok is None and relative.weekday_ok is None


def test_weekday_checked_against_relative_day():
    [agrees] = find_dates("أعلن المتحدث أمس الأحد انتهاء العملية.", PUBLISHED)
    assert agrees.weekday_ok is True
    # Published on a Monday, «أمس الخميس» cannot be yesterday: the named weekday wins, its
    # latest occurrence before publication (the metadata date is what is often off).
    [disagrees] = find_dates("أعلن المتحدث أمس الخميس انتهاء العملية.", PUBLISHED)
    assert (disagrees.text, disagrees.weekday_ok, disagrees.value) == (
        "أمس الخميس", False, "2019-09-19")
    [bracketed] = find_dates("قال الوزير اليوم (الاثنين) إن الحوار مستمر.", PUBLISHED)
    assert (bracketed.text, bracketed.weekday_ok, bracketed.value) == (
        "اليوم (الاثنين)", True, "2019-09-23")


def test_weekday_checked_against_absolute_date():
    [wrong] = find_dates("الأحد 8 مايو 2018", PUBLISHED)  # 8 May 2018 was a Tuesday
    [right] = find_dates("الثلاثاء 8 مايو 2018", PUBLISHED)
    assert (wrong.weekday_ok, right.weekday_ok) == (False, True)
    assert wrong.value == right.value == "2018-05-08"


def test_weekday_alone_is_latest_on_or_before_publication():
    assert values("تجتمع اللجنة الاثنين.") == ["2019-09-23"]
    assert values("اجتمعت اللجنة الاثنين الماضي.") == ["2019-09-16"]
    assert values("تجتمع اللجنة الاثنين المقبل.") == ["2019-09-30"]
    assert values("يتوقف العمل يومي الثلاثاء والخميس من كل أسبوع.") == []
    assert values("أدى المصلون صلاة الجمعة في الساحة.") == []


def test_anaphora_counts_from_the_date_before():
    text = "انطلقت الحملة في الرابع من أبريل الماضي، وشهد الخامس عشر من الشهر نفسه اتصالا."
    assert values(text) == ["2019-04-04", "2019-04-15"]
    assert values("تسيطر الجماعة على المدينة منذ عام 2015. وقبل ذلك بعام، سيطر تنظيم آخر.") == [
        "2015", "2014"]


def test_periods_ending_at_publication():
    [three] = find_dates("تراجعت الاشتباكات خلال الأيام الثلاثة الأخيرة.", PUBLISHED)
    assert (three.value, three.end_value, three.precision) == ("2019-09-20", "2019-09-23", "week")
    assert values("تضاعف العدد خلال السنوات الماضية.") == []  # too vague to date
    [later] = find_dates("وقع الانفجار في 8 مايو 2018، وبعد ذلك بيومين انسحبت القوات.",
                         PUBLISHED)[1:]
    assert (later.text, later.value) == ("وبعد ذلك بيومين", "2018-05-10")


def test_hijri_recognised_without_value():
    [month] = find_dates("تبدأ الدورة في رمضان 1440 هـ", PUBLISHED)
    assert (month.value, month.precision, month.text) == (None, "month", "رمضان 1440 هـ")
    [paired] = find_dates("يوم الثلاثاء 12/10/1436هـ الموافق 28/7/2015م", PUBLISHED)
    assert (paired.value, paired.weekday_ok) == ("2015-07-28", True)


def test_without_publication_date():
    assert values("وصل الوزير أمس.", None) == [None]
    assert values("وصل الوفد في 8 مايو.", None) == [None]
    assert values("وقعت الاشتباكات في 8 مايو 2018.", None) == ["2018-05-08"]


def test_numbers_that_are_not_dates():
    assert values("قتل 8 أشخاص وأصيب 12 آخرون.") == []
    assert values("بدأ القصف الساعة 10 واستمر حتى الساعة 14.") == []
    assert values("سيطرت القوات على أكثر من 2000 كم مربع.") == []
    assert values("انتهت المباراة بالتعادل 1 / 1.") == []
    assert values("صدر القرار رقم 12/5 عن المجلس.") == []


def test_spans_round_trip_with_diacritics_and_tatweel():
    text = "يصل الوفد غداً، وكان قد أعلن أمـس الأحد أن الجلسة في 8 مايو/أيار."
    mentions = find_dates(text, PUBLISHED)
    assert [m.text for m in mentions] == ["غداً", "أمـس الأحد", "8 مايو/أيار"]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_publication_date_from_text():
    dated = publication_date_from_text("الأحد 22 سبتمبر 2019\nقال المتحدث إن القوات تتقدم.")
    assert dated is not None and (dated.value, dated.weekday_ok) == ("2019-09-22", True)
    cue = publication_date_from_text("عنوان الخبر\nنشر في: 2019-09-22 10:30\nقال المتحدث …")
    assert cue is not None and cue.value == "2019-09-22"
    dateline = publication_date_from_text(
        "بنغازي - 8 مايو 2018 - قال المتحدث باسم القوات إن العمليات مستمرة في المدينة.")
    assert dateline is not None and dateline.value == "2018-05-08"
    body = "قال المتحدث إن القوات التي دخلت المدينة في 8 مايو 2018 ما زالت تتقدم نحو الميناء."
    assert publication_date_from_text(body) is None
    assert publication_date_from_text("الأحد 8 مايو 2018\nقال المتحدث …") is None  # a Tuesday
    assert publication_date_from_text("") is None


def test_lexicon_has_every_month_and_weekday():
    rows = load_tsv("extract/lexicons/date_words.tsv")
    for calendar in ("gregorian", "hijri"):
        months = {int(r["value"]) for r in rows if r["kind"] == "month" and r["unit"] == calendar}
        assert months == set(range(1, 13))
    assert {int(r["value"]) for r in rows if r["kind"] == "weekday"} == set(range(1, 8))
    assert "مايو" in date_words()
    # spellings that fold together («أبريل»/«إبريل») are listed once
    folded = [(normalize(r["form"]), r["kind"]) for r in rows]
    assert len(folded) == len(set(folded))


VOCABULARY = [*sorted({form for forms in date_words() for form in forms.split()}),
              "8", "2018", "1436", "31", "0", "/", "-", "(", ")", "،", "من", "في", "قتل", "\n",
              "ـ", "ً"]


@settings(max_examples=300, deadline=None)
@given(st.text(), st.one_of(st.none(), st.dates()))
def test_never_raises_on_any_text(text, published):
    for mention in find_dates(text, published):
        assert text[mention.start:mention.end] == mention.text
    publication_date_from_text(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join),
       st.one_of(st.none(), st.dates()))
def test_never_raises_on_date_words(text, published):
    for mention in find_dates(text, published):
        assert text[mention.start:mention.end] == mention.text
        assert mention.precision in {"day", "week", "month", "year"}
    publication_date_from_text(text)


def test_a_report_without_a_date_takes_its_datelines() -> None:
    text = "القاهرة - الأحد 6 مايو 2018 -\nأعلنت الحكومة اليوم خطة جديدة للنقل."
    bare = Article(id="a", source="a.txt", outlet=None, url=None, title=None, published=None,
                   text=text, sha256="a")
    dated = date_from_dateline(bare)
    assert (dated.published, dated.published_evidence) == ("2018-05-06", "dateline")
    kept = date_from_dateline(replace(bare, published="2018-05-07"))
    assert kept.published == "2018-05-07"
