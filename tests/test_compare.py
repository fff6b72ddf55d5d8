"""Comparisons: which claims are the same quantity, and whether their values agree."""

from __future__ import annotations

from dataclasses import replace

from khabar.compare import compare_claims, over_other_periods
from khabar.model import Article, Citation, Claim, Reuse, Story

TEXT = "قتل 31 مسلحا. قتل 32 مسلحا. بينهم 8 أجانب. خسر الجيش 5 ضباط و100 عمارة."


def article(doc_id: str, outlet: str) -> Article:
    return Article(id=doc_id, source=f"{doc_id}.txt", outlet=outlet, url=None, title=None,
                   published=None, text=TEXT, sha256=doc_id)


def claim(doc_id: str, number: int, value: float, quantity: str = "killed", *,
          subject: str | None = "militants", bound: str | None = None,
          period: str | None = None, part_of: str | None = None, unit: str = "count",
          text: str = "31", span: tuple[int, int] = (4, 6)) -> Claim:
    return Claim(id=f"{doc_id}-c{number}", doc_id=doc_id, value=value, value_high=None,
                 approx=bound is not None, unit=unit, quantity=quantity, subject=subject,
                 span=span, text=text, bound=bound, part_of=part_of,
                 period={"text": period, "span": (0, 3)} if period else None)


STORY = Story("s1", "label", ["a", "b", "c"], None, None)
ARTICLES = [article("a", "الأولى"), article("b", "الثانية"), article("c", "الثالثة")]
COPY = Reuse("a", "b", "rewrite", 0.8, 0.6, ["date"], Citation((0, 0), ""), [])


def test_same_values_from_independent_reports_agree() -> None:
    [comparison] = compare_claims([STORY], [claim("a", 1, 31), claim("c", 1, 31)], ARTICLES, [])
    assert comparison.verdict == "agree" and comparison.independent_sources == 2
    assert [value.outlet for value in comparison.values] == ["الأولى", "الثالثة"]


def test_different_values_differ_and_a_copy_is_not_a_second_source() -> None:
    claims = [claim("a", 1, 31), claim("b", 1, 31), claim("c", 1, 32)]
    [comparison] = compare_claims([STORY], claims, ARTICLES, [COPY])
    assert comparison.verdict == "differ"
    assert comparison.independent_sources == 2


def test_at_least_and_about_are_read_as_intervals() -> None:
    agree = [claim("a", 1, 22, bound="at_least"), claim("c", 1, 34)]
    assert compare_claims([STORY], agree, ARTICLES, [])[0].verdict == "agree"
    about = [claim("a", 1, 31, bound="about"), claim("c", 1, 32)]
    assert compare_claims([STORY], about, ARTICLES, [])[0].verdict == "agree"
    apart = [claim("a", 1, 31, bound="about"), claim("c", 1, 40)]
    assert compare_claims([STORY], apart, ARTICLES, [])[0].verdict == "differ"


def test_figures_over_different_periods_are_not_compared() -> None:
    claims = [claim("a", 1, 31, period="اليوم الأول والثاني"), claim("c", 1, 32, period="يوم واحد")]
    assert compare_claims([STORY], claims, ARTICLES, []) == []


def test_a_rewrite_that_dropped_the_period_joins_its_sources_figure() -> None:
    claims = [claim("a", 1, 31, period="اليوم الأول والثاني"), claim("b", 1, 31),
              claim("c", 1, 32, period="يوم واحد")]
    [comparison] = compare_claims([STORY], claims, ARTICLES, [COPY])
    assert [value.doc_id for value in comparison.values] == ["a", "b"]
    assert comparison.period == "اليوم الأول والثاني"


def test_parts_are_compared_with_parts_and_subjects_kept_apart() -> None:
    claims = [claim("a", 1, 31), claim("a", 2, 8, part_of="a-c1"), claim("c", 1, 8, part_of="c-c0"),
              claim("c", 2, 31, subject="army")]
    comparisons = compare_claims([STORY], claims, ARTICLES, [])
    assert [(c.part, [v.value for v in c.values]) for c in comparisons] == [(True, [8, 8])]


def test_generic_figures_need_the_same_measured_word() -> None:
    officers = TEXT.index("5 ضباط")
    buildings = TEXT.index("100 عمارة")
    claims = [claim("a", 1, 5, "other", text="5 ضباط", span=(officers, officers + 6)),
              claim("c", 1, 5, "other", text="5 ضباط", span=(officers, officers + 6)),
              claim("c", 2, 100, "other", text="100", span=(buildings, buildings + 3))]
    [comparison] = compare_claims([STORY], claims, ARTICLES, [])
    assert [value.value for value in comparison.values] == [5, 5]
    assert comparison.measured == "ضباط"


def test_a_report_does_not_disagree_with_itself_and_figures_pair_by_their_event() -> None:
    first = ("قتل 20 شخصا في هجوم على سوق مدينة الوادي. "
             "وفي بلدة الجبل الأخضر قتل 8 أشخاص في غارة جوية.")
    second = "أسفرت غارة جوية على بلدة الجبل الأخضر عن مقتل 9 أشخاص."
    articles = [replace(ARTICLES[0], text=first), replace(ARTICLES[2], text=second)]

    def at(doc_id: str, number: int, text: str, figure: str) -> Claim:
        start = text.index(figure)
        return claim(doc_id, number, int(figure.split()[0]), text=figure,
                     span=(start, start + len(figure)))

    claims = [at("a", 1, first, "20 شخصا"), at("a", 2, first, "8 أشخاص"),
              at("c", 1, second, "9 أشخاص")]
    [comparison] = compare_claims([STORY], claims, articles, [])
    assert [value.value for value in comparison.values] == [8, 9]
    assert comparison.verdict == "differ"


def test_figures_of_one_report_with_the_same_value_are_one_quantity() -> None:
    claims = [claim("a", 1, 31), claim("a", 2, 31), claim("a", 3, 20), claim("c", 1, 31)]
    [comparison] = compare_claims([STORY], claims, ARTICLES, [])
    assert [(value.doc_id, value.value) for value in comparison.values] == [
        ("a", 31), ("a", 31), ("c", 31)]


def test_figures_over_different_periods_are_listed_side_by_side() -> None:

    claims = [claim("a", 1, 31, period="اليوم الأول والثاني"), claim("c", 1, 32, period="يوم واحد"),
              claim("c", 2, 5, "wounded")]
    articles = {article.id: article for article in ARTICLES}
    [group] = over_other_periods(STORY, claims, articles)
    assert [c.value for c in group] == [31, 32]
    assert over_other_periods(STORY, claims[:1] + claims[2:], articles) == []
