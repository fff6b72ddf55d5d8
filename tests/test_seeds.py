"""The reference case: ../shared/seeds (skipped when ../shared is absent)."""

from pathlib import Path

import pytest

from khabar.pipeline import analyze

from .conftest import SEEDS, needs_seeds

pytestmark = needs_seeds


@pytest.fixture(scope="module")
def seeds_analysis():
    return analyze([SEEDS])


@pytest.fixture(scope="module")
def seeds(seeds_analysis) -> dict[str, object]:
    return {Path(article.source).name[:3]: article for article in seeds_analysis.articles} | {
        "skipped": seeds_analysis.skipped}


def test_all_five_seeds_are_ingested(seeds) -> None:
    assert seeds["skipped"] == []
    assert sorted(key for key in seeds if key != "skipped") == ["000", "001", "002", "003",
                                                                 "004"]


def test_seed_titles(seeds) -> None:
    assert seeds["000"].title.startswith("المسماري يكشف")
    assert seeds["001"].title is None  # opens with its lead paragraph
    assert seeds["003"].title.startswith("الجيش الليبي يقترب")  # not the breadcrumb
    assert seeds["004"].title.startswith("الجيش الوطني الليبي:")


def test_seed_outlets_where_the_text_reveals_them(seeds) -> None:
    assert seeds["000"].outlet == "العين الإخبارية"
    assert seeds["003"].outlet == "كيو بوست"
    assert seeds["002"].outlet == "المرصد"
    assert seeds["001"].outlet is None  # it cites Al-Ain; citing is not publishing


@pytest.mark.parametrize(
    ("seed", "debris"),
    [
        ("002", ["Shares"]),
        ("003", ["الواجهة الرئيسيةشؤون عربية", "كيو بوست –", "تعليقات عبر الفيس بوك",
                 "التعليقات", "مقالات ذات صلة"]),
        ("004", ["عربي ودولي", "اللواء أحمد المسماري"]),
    ],
)
def test_seed_debris_is_dropped(seeds, seed: str, debris: list[str]) -> None:
    article = seeds[seed]
    for line in debris:
        assert line in article.dropped_lines
        assert line not in article.text.split("\n")
    if seed == "003":
        assert sum(line.startswith("اقرأ أيضًا") for line in article.dropped_lines) == 3


def test_seed_report_text_is_kept_verbatim(seeds) -> None:
    raw = (SEEDS / "004_b4384da33049ec36.txt").read_text(encoding="utf-8")
    for line in seeds["004"].text.split("\n"):
        assert line in raw


def test_seeds_statements_spokesman_is_one_person_with_title_history(seeds_analysis):
    entities = seeds_analysis.records["entities"]
    mismari = [e for e in entities if "المسماري" in e["name"] or "المسمارى" in e["name"]]
    assert len(mismari) == 1
    person = mismari[0]
    assert len({m["doc_id"] for m in person["mentions"]}) == 5
    titles = [entry["title"] for entry in person["title_history"]]
    assert "العميد" in titles and "اللواء" in titles
    statements = seeds_analysis.records["statements"]
    interview = next(a for a in seeds_analysis.articles if Path(a.source).name.startswith("000"))
    answers = [s for s in statements if s["doc_id"] == interview.id and s["verb"] is None]
    assert len(answers) >= 15 and all(s["speaker"] == person["id"] for s in answers)
    denial = next(a for a in seeds_analysis.articles if Path(a.source).name.startswith("002"))
    denials = [s for s in statements if s["doc_id"] == denial.id and s["polarity"] == "deny"]
    assert any("التهم" in s["content"] for s in denials)
    assert all(s["speaker"] == person["id"] for s in denials)
