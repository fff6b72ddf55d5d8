"""The CRF name finder on sentences written for these tests (none is from ANERcorp)."""

import dataclasses
import time

import pytest

from khabar.extract.ner import (
    NameSpan,
    _phrases,
    entity_counts,
    entity_table,
    find_names,
    phrase_tags,
    spans_of_tags,
    tag_words,
    tokenize,
    variants,
    word_classes,
)
from khabar.extract.ner import model_path as ner_model_path
from khabar.text.normalize import normalize

needs_model = pytest.mark.skipif(
    ner_model_path() is None,
    reason="khabar/extract/models/ner.crfsuite not built (python scripts/train_ner.py)",
)

SPOKESMAN = (
    "قال العميد أحمد المسماري المتحدث باسم الجيش الوطني الليبي في بنغازي إن القوات تقدمت."
)
VISIT = "وصَلَ الرئيسُ الفرنسيُّ إيمانويل ماكـــرون إلى بيروت صباح اليوم."
CLASHES = "واندلعت اشتباكات عنيفة ببنغازي وطرابلس مساء الأحد."
UNION = "ورحب الاتحاد الأوروبي بالاتفاق الذي وقع في الرباط."
UN = "وقالت الأمم المتحدة إن آلاف المدنيين نزحوا من سرت."


def found(text: str) -> set[tuple[str, str]]:
    return {(name.type, name.text) for name in find_names(text)}


def assert_round_trip(text: str, names: list[NameSpan]) -> None:
    previous_end = 0
    for name in names:
        assert 0 <= name.start < name.end <= len(text)
        assert text[name.start:name.end] == name.text
        assert name.start >= previous_end  # in order, never overlapping
        assert name.type in {"PER", "ORG", "LOC", "MISC"}
        previous_end = name.end


# --- without the model ------------------------------------------------------------------


def test_tokens_keep_marks_and_drop_lone_tatweel():
    text = "قال: «أحمد» ـ 2.5%"
    assert [text[start:end] for start, end in tokenize(text)] == [
        "قال", ":", "«", "أحمد", "»", "2.5", "%"]


def test_a_proclitic_is_a_reading_not_a_decision():
    assert "بنغازي" in variants("ببنغازي")
    assert "بنغازي" in variants("بنغازي")  # the bare name keeps its own reading
    assert "مسماري" in variants("والمسماري")


def test_spans_of_tags_is_conlleval():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "B-ORG", "I-LOC", "B-MISC"]
    assert spans_of_tags(tags) == [
        (0, 1, "PERS"), (3, 3, "LOC"), (4, 4, "ORG"), (5, 5, "LOC"), (6, 6, "MISC")]


# --- with the model ---------------------------------------------------------------------


@needs_model
def test_a_person_after_a_title():
    assert ("PER", "أحمد المسماري") in found(SPOKESMAN)
    assert ("LOC", "بنغازي") in found(SPOKESMAN)


@needs_model
def test_a_person_written_with_diacritics_and_tatweel():
    assert found(VISIT) >= {("PER", "إيمانويل ماكـــرون"), ("LOC", "بيروت")}


@needs_model
def test_places_with_a_proclitic():
    assert found(CLASHES) >= {("LOC", "ببنغازي"), ("LOC", "وطرابلس")}


@needs_model
def test_organizations():
    assert ("ORG", "الاتحاد الأوروبي") in found(UNION)
    assert ("ORG", "الأمم المتحدة") in found(UN)


@needs_model
def test_ordinary_words_are_not_names():
    names = found("وارتفعت أسعار الخبز والوقود في الأسواق خلال الأسبوع الماضي.")
    assert names == set()


@needs_model
def test_tag_words_gives_one_tag_per_word():
    words = ["وصل", "إيمانويل", "ماكرون", "إلى", "بيروت", "."]
    tags = tag_words(words)
    assert len(tags) == len(words)
    assert tags[1] == "B-PERS" and tags[2] == "I-PERS"
    assert tags[4] == "B-LOC"
    assert tag_words([]) == []


@needs_model
def test_spans_round_trip_in_a_report():
    text = "\n".join([SPOKESMAN, VISIT, "", CLASHES + "  " + UNION, UN, "ﻻ شيء ـ هنا\u200f."])
    names = find_names(text)
    assert len(names) >= 8
    assert_round_trip(text, names)


@needs_model
def test_name_span_is_frozen():
    name = find_names(VISIT)[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        name.start = 0  # type: ignore[misc]


@needs_model
@pytest.mark.parametrize("text", ["", "   \n\n", "Hello world, 123 and 4.5%.", "ـ ً ، .", "؟"])
def test_text_without_arabic_words(text):
    assert find_names(text) == []


@needs_model
def test_very_long_text():
    # One stopless line of 10,000 words, then a report repeated 150 times: chunked
    # sequences and a bounded look at a word's other occurrences keep this fast.
    text = "كلمة " * 10_000 + "\n" + (SPOKESMAN + "\n") * 150
    began = time.perf_counter()
    names = find_names(text)
    assert time.perf_counter() - began < 5
    assert_round_trip(text, names)
    assert sum(name.text == "أحمد المسماري" for name in names) >= 120


# --- phrase and class tables --------------------------------------------------------------


def _phrase_marks(sentence: str, table) -> list[tuple[str, ...]]:
    folded = [normalize(word) for word in sentence.split()]
    return phrase_tags(folded, [variants(form) for form in folded], table)


def test_places_of_the_gazetteer_are_marked_as_phrases():
    marks = _phrase_marks("وصل إلى والمملكة العربية السعودية ثم ببنغازي", _phrases())
    assert "B-country" in marks[2] and "I-country" in marks[3] and "I-country" in marks[4]
    assert any(tag.startswith("B-city") for tag in marks[6])  # after a proclitic
    assert marks[0] == marks[1] == ()


def test_entity_phrases_are_counted_and_typed():
    sentences = [
        ["قال", "محمد", "حسني", "مبارك", "إن", "الأمم", "المتحدة", "تدعم"],
        ["ورحبت", "الأمم", "المتحدة", "بـ", "محمد"],
        ["وقال", "سلام", "إن", "السلام", "قريب"],
        ["ودعا", "إلى", "سلام", "عادل", "و", "سلام", "دائم"],
    ]
    tags = [
        ["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-ORG", "I-ORG", "O"],
        ["O", "B-ORG", "I-ORG", "O", "B-PERS"],
        ["O", "B-PERS", "O", "O", "O"],
        ["O", "O", "O", "O", "O", "O", "O"],
    ]
    counts = entity_counts(sentences, tags)
    assert counts["الامم", "المتحده"] == {"ORG": 2, "": 2}  # «ورحبت» is no reading of it
    assert counts["محمد",] == {"PERS": 1, "": 1}  # inside a longer name: not counted
    table = entity_table(counts)
    assert _phrase_marks("وقالت والأمم المتحدة", table)[1:] == [("B-ORG",), ("I-ORG",)]
    assert counts["سلام",] == {"PERS": 1, "": 3}  # «السلام» is a reading of it, not it
    assert _phrase_marks("قال سلام", table) == [(), ("B-PERS~",)]  # seldom a name


def test_word_classes_come_from_the_packaged_table():
    assert word_classes("بيروت")  # a word of ANERcorp's text
    assert word_classes("وبيروت") == word_classes("بيروت")  # unseen, but its bare reading is
    assert word_classes("zzzqqq") == ()
