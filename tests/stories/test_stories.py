"""Story clustering: terms, the incremental clusterer, labels and the stage."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date

import pytest

from khabar.model import Article, Citation, Reuse
from khabar.settings import Settings
from khabar.stories.assemble import find_stories
from khabar.stories.cluster import StoryClusterer, StoryInput
from khabar.stories.label import is_loaded, story_label
from khabar.stories.terms import cosine, stem, term_counts, term_vector, terms

FLOOD = ("فيضانات تجتاح بلدة الوادي الأخضر وتغمر مئات المنازل",
         "غمرت مياه الفيضانات بلدة الوادي الأخضر بعد أمطار غزيرة، وأعلن الدفاع المدني إجلاء "
         "مئات العائلات من المنازل المنكوبة قرب مجرى النهر.")
FLOOD_2 = ("الدفاع المدني يواصل إجلاء العائلات من الوادي الأخضر بعد الفيضانات",
           "واصلت فرق الدفاع المدني إجلاء العائلات المنكوبة في بلدة الوادي الأخضر، فيما ارتفع "
           "منسوب مياه النهر بعد الفيضانات والأمطار الغزيرة.")
MATCH = ("فريق النجوم يفوز على فريق الأمل في نهائي كأس البطولة",
         "فاز فريق النجوم على فريق الأمل بهدفين مقابل هدف في المباراة النهائية لكأس البطولة "
         "التي أقيمت في الملعب الكبير أمام جمهور غفير.")


def article(doc_id: str, title: str, text: str, published: str | None = "2025-03-10",
            outlet: str | None = "outlet") -> Article:
    return Article(id=doc_id, source=f"{doc_id}.txt", outlet=outlet, url=None, title=title,
                   published=published, text=text, sha256=doc_id)


@pytest.mark.parametrize(("word", "expected"), [
    ("بدرنه", "درن"), ("والجيش", "جيش"), ("الليبيين", "ليبي"), ("المنازل", "منازل"),
])
def test_stem_strips_one_proclitic_and_one_ending(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_terms_leave_out_function_words_dates_and_numbers() -> None:
    found = terms("قال الوزير في 10 أغسطس إن درنة آمنة")
    assert "اغسطس" not in found and "في" not in found and "10" not in found
    assert "درن" in found


def test_rare_terms_weigh_more_than_common_ones() -> None:
    vector = term_vector(term_counts(article("a", "", "قال الوزير إن درنة آمنة")), 40)
    assert vector["درن"] > vector["وزير"]


def test_reports_on_one_event_are_closer_than_reports_on_different_events() -> None:
    vectors = [term_vector(term_counts(article(str(i), *pair)), 40)
               for i, pair in enumerate((FLOOD, FLOOD_2, MATCH))]
    assert cosine(vectors[0], vectors[1]) > 0.3 > cosine(vectors[0], vectors[2])


def vector_input(doc_id: str, pair: tuple[str, str], day: date | None,
                 sources: tuple[str, ...] = ()) -> StoryInput:
    return StoryInput(doc_id, term_vector(term_counts(article(doc_id, *pair)), 40), day,
                      sources=sources)


def test_clusterer_joins_same_story_and_opens_a_new_one_for_another() -> None:
    clusterer = StoryClusterer(replace(Settings(), story_join_similarity=0.3))
    first = clusterer.add(vector_input("a", FLOOD, date(2025, 3, 10)))
    assert clusterer.add(vector_input("b", FLOOD_2, date(2025, 3, 11))) == first
    assert clusterer.add(vector_input("c", MATCH, date(2025, 3, 11))) != first


def test_same_kind_of_event_weeks_later_is_a_new_story() -> None:
    clusterer = StoryClusterer(replace(Settings(), story_join_similarity=0.3))
    first = clusterer.add(vector_input("a", FLOOD, date(2025, 3, 10)))
    assert clusterer.add(vector_input("b", FLOOD_2, date(2025, 4, 20))) != first


def test_a_copy_joins_its_sources_story_whatever_its_words() -> None:
    clusterer = StoryClusterer()
    first = clusterer.add(vector_input("a", FLOOD, date(2025, 3, 10)))
    assert clusterer.add(vector_input("b", MATCH, date(2025, 3, 10), sources=("a",))) == first


def test_a_late_report_still_finds_a_story_left_behind_by_the_gap() -> None:
    clusterer = StoryClusterer(replace(Settings(), story_join_similarity=0.3))
    first = clusterer.add(vector_input("a", FLOOD, date(2025, 3, 10)))
    later = clusterer.add(vector_input("b", FLOOD, date(2025, 4, 20)))  # another flood
    assert clusterer.add(vector_input("d", FLOOD_2, date(2025, 4, 21))) == later
    assert clusterer.add(vector_input("c", FLOOD_2, date(2025, 3, 11))) == first


def test_a_report_is_scored_only_against_the_stories_sharing_most_terms() -> None:
    settings = replace(Settings(), story_join_similarity=0.3, story_candidates=1)
    clusterer = StoryClusterer(settings)
    clusterer.add(vector_input("m", MATCH, date(2025, 3, 10)))
    first = clusterer.add(vector_input("a", FLOOD, date(2025, 3, 10)))
    assert clusterer.add(vector_input("b", FLOOD_2, date(2025, 3, 11))) == first


def test_incremental_adds_give_the_batch_result() -> None:
    reports = [vector_input("a", FLOOD, date(2025, 3, 10)),
               vector_input("b", MATCH, date(2025, 3, 10)),
               vector_input("c", FLOOD_2, date(2025, 3, 11))]
    settings = replace(Settings(), story_join_similarity=0.3)
    batch = StoryClusterer(settings)
    for report in reports:
        batch.add(report)
    today = StoryClusterer(settings)
    for report in reports[:2]:
        today.add(report)
    today.add(reports[2])  # tomorrow's report, against yesterday's state
    assert today.story_of == batch.story_of


def test_find_stories_puts_every_article_in_exactly_one_story() -> None:
    articles = [article("a", *FLOOD), article("b", *FLOOD_2, published="2025-03-11"),
                article("c", *MATCH)]
    stories = find_stories(articles, [], [], replace(Settings(), story_join_similarity=0.3))
    assert sorted(doc for story in stories for doc in story.doc_ids) == ["a", "b", "c"]
    flood = next(story for story in stories if "a" in story.doc_ids)
    assert flood.doc_ids == ["a", "b"]
    assert (flood.first_published, flood.last_published) == ("2025-03-10", "2025-03-11")


def test_find_stories_reuse_makes_sub_stories() -> None:
    copy = article("d", FLOOD[0], FLOOD[1], published="2025-03-11")
    articles = [article("a", *FLOOD), article("b", *FLOOD_2, published="2025-03-11"), copy]
    pair = Reuse("a", "d", "duplicate", 1.0, 1.0, ["date"], Citation((0, 0), ""), [],
                 source_coverage=1.0)
    stories = find_stories(articles, [pair], [], replace(Settings(), story_join_similarity=0.3))
    flood = next(story for story in stories if "a" in story.doc_ids)
    assert set(flood.doc_ids) == {"a", "b", "d"}
    assert [set(sub["doc_ids"]) for sub in flood.sub_stories] == [{"a", "d"}]


@pytest.mark.parametrize("term", ["ارهابي", "ميليشي", "شهيد", "مرتزق"])
def test_loaded_words_are_recognized_in_their_stems(term: str) -> None:
    assert is_loaded(term)


def test_label_names_people_words_and_dates_and_never_a_loaded_word() -> None:
    forms = {"ارهابي": {"الإرهابيين": 3}, "درن": {"درنة": 5}, "جيش": {"الجيش": 2}}
    label = story_label(["أحمد المسماري"], ["ارهابي", "درن", "جيش"],
                        {term: Counter(c) for term, c in forms.items()},
                        "2018-05-14", "2018-06-01")
    assert label == "أحمد المسماري — درنة، الجيش (2018-05-14 – 2018-06-01)"


def reuse_pair(source: str, target: str, coverage: float) -> Reuse:
    return Reuse(source, target, "partial", coverage, coverage, [], None, [],
                 source_coverage=coverage)


def test_a_shared_paragraph_does_not_make_one_story() -> None:
    articles = [article("a", *FLOOD), article("c", *MATCH)]
    stories = find_stories(articles, [reuse_pair("a", "c", 0.2)], [])
    assert len(stories) == 2
    stories = find_stories(articles, [reuse_pair("a", "c", 0.9)], [])
    assert len(stories) == 1


def test_a_template_reused_weeks_later_is_not_the_same_story() -> None:
    articles = [article("a", *FLOOD), article("c", *MATCH, published="2025-04-20")]
    assert len(find_stories(articles, [reuse_pair("a", "c", 0.9)], [])) == 2


def holding(source: str, target: str) -> Reuse:
    """A longer target that holds the short source nearly whole."""
    return Reuse(source, target, "partial", 0.9, 0.2, [], None, [], source_coverage=0.9)


def test_a_longer_report_holding_one_short_report_joins_its_story() -> None:
    articles = [article("a", *FLOOD), article("c", *MATCH)]
    assert len(find_stories(articles, [holding("a", "c")], [])) == 1


def test_a_roundup_holding_several_reports_joins_none_of_them() -> None:
    articles = [article("a", *FLOOD), article("m", *MATCH), article("r", "", MATCH[1])]
    stories = find_stories(articles, [holding("a", "r"), holding("m", "r")], [],
                           replace(Settings(), story_join_similarity=0.3))
    [roundup] = [story for story in stories if "r" in story.doc_ids]
    assert "a" not in roundup.doc_ids  # judged on its words: the match, not the flood
