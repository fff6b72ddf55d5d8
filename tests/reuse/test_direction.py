import dataclasses

import pytest

from khabar.model import to_record
from khabar.reuse.citations import cites, find_citations
from khabar.reuse.detect import find_reuse
from khabar.reuse.independence import count_independent, independent_groups
from khabar.settings import Settings

from ..conftest import SEEDS, needs_seeds
from .conftest import ORIGINAL, make


@pytest.mark.parametrize(
    ("sentence", "cited", "outlet"),
    [
        ('وكشف المسمارى فى حوار مع موقع "العين الإخبارية" الإماراتى تفاصيل', "العين الإخبارية",
         "العين الإخبارية"),
        ("وأوضح المحجوب، وفقاً لـ \"سكاي نيوز عربية\" أنه", "سكاي نيوز عربية", "سكاي نيوز عربية"),
        ("أعلن الديوان الملكي اليوم (واس) أن", "(واس)", "وكالة الأنباء السعودية"),
        ("وقال المسؤول نقلا عن رويترز إن", "رويترز", "رويترز"),
        ("ذكرت صحيفة الشرق الأوسط أن الوزير", "الشرق الأوسط", "الشرق الأوسط"),
    ],
)
def test_citations_are_found_and_resolved(sentence: str, cited: str, outlet: str) -> None:
    citations = find_citations(make("عنوان\n" + sentence + " الخبر."))
    assert any(cited in c.text and c.outlet == outlet for c in citations), citations


def test_citation_of_an_unknown_outlet_matches_its_name() -> None:
    (citation,) = find_citations(make('عنوان\nوذلك نقلا عن موقع "نبأ الساحل" صباح اليوم.'))
    assert citation.outlet is None
    assert cites(citation, "نبأ الساحل") and not cites(citation, "الضفة اليوم")


def test_no_citation_in_plain_reporting_speech() -> None:
    assert find_citations(make("عنوان\nقال الوزير إن الحكومة ستواصل دعم المزارعين.")) == []


def test_rewrite_direction_by_citation(original, rewrite, unrelated) -> None:
    (pair,) = find_reuse([rewrite, unrelated, original])
    assert (pair.source_id, pair.target_id) == ("a", "b")
    assert pair.direction_evidence == ["citation", "date"]
    assert pair.citation.text == 'نقلا عن موقع "نبأ الساحل"'
    assert pair.kind == "rewrite"


def test_direction_by_date_without_citation(original, rewrite) -> None:
    uncited = dataclasses.replace(rewrite, text=rewrite.text.replace("نقلا عن موقع", "كما نشر"))
    (pair,) = find_reuse([uncited, original])
    assert (pair.source_id, pair.direction_evidence) == ("a", ["date"])


def test_direction_by_containment_when_undated(original) -> None:
    longer = make(ORIGINAL + "وأشار مراقبون إلى أن العملية قد تستمر عدة أسابيع أخرى قبل أن "
                  "تعلن القيادة انتهاءها رسميا في المنطقة كلها.\n", id="z")
    shorter = dataclasses.replace(original, published=None)
    (pair,) = find_reuse([longer, shorter])
    assert (pair.source_id, pair.target_id, pair.direction_evidence) == (
        "a", "z", ["containment"])
    assert pair.kind == "duplicate"


def test_siblings_of_one_wire_item_record_the_agency() -> None:
    wire = ("عنوان\nقال مصدر طبي (واس) إن حصيلة ضحايا الاشتباكات في البلدة ارتفعت إلى 17 "
            "قتيلا بينهم ثلاث نساء وطفل، وإن المستشفى استقبل عشرات الجرحى منذ الفجر.\n")
    first = make(wire + "وأضافت الصحيفة أن الوضع هادئ.", id="p", published="2025-03-10",
                 outlet="الرياض")
    second = make(wire + "وتابعت عكاظ الحدث ميدانيا.", id="q", published="2025-03-11",
                  outlet="عكاظ")
    (pair,) = find_reuse([first, second])
    assert pair.direction_evidence == ["unknown"]
    assert pair.common_source == "وكالة الأنباء السعودية"


def test_unrelated_reports_give_no_reuse(original, unrelated) -> None:
    assert find_reuse([original, unrelated]) == []


def test_independent_groups_join_copies_and_chains(original, rewrite, unrelated) -> None:
    pairs = find_reuse([original, rewrite, unrelated])
    assert independent_groups(["a", "b", "c"], pairs) == [{"a", "b"}, {"c"}]
    assert count_independent(["b", "c"], pairs) == 2  # the copy's source is not in the set
    assert count_independent([], pairs) == 0


@needs_seeds
def test_seeds_hold_one_rewrite_000_to_001_citing_al_ain() -> None:
    from khabar.pipeline import analyze

    articles = analyze([SEEDS]).articles
    name = {article.id: article.source.rsplit("/", 1)[-1][:3] for article in articles}
    (pair,) = find_reuse(articles, Settings())
    assert (name[pair.source_id], name[pair.target_id]) == ("000", "001")
    assert "العين الإخبارية" in pair.citation.text and pair.direction_evidence == ["citation"]
    assert pair.kind == "rewrite" and 0.3 <= pair.target_coverage <= 0.55
    assert len(pair.passages) >= 4
    record = to_record(pair)
    target = next(a for a in articles if a.id == pair.target_id)
    assert target.text[slice(*record["citation"]["span"])] == record["citation"]["text"]
