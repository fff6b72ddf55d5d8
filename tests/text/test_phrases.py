from khabar.text.phrases import PhraseTable, find_phrases, fold_phrase
from khabar.text.tokens import fold_and_tokenize

TABLE = PhraseTable((fold_phrase(form), form)
                    for form in ("الجيش", "الجيش الوطني الليبي", "قوات الأمن"))


def test_longest_phrase_wins_and_a_proclitic_is_allowed():
    text = "قال والجيش الوطني الليبي إن الجيش وقوات الأمن انتشرت."
    found = find_phrases(fold_and_tokenize(text), TABLE)
    assert [(hit.written, hit.value) for hit in found] == [
        ("الجيش الوطني الليبي", "الجيش الوطني الليبي"),  # the span starts after «و»
        ("الجيش", "الجيش"),
        ("قوات الأمن", "قوات الأمن"),
    ]
    assert all(text[hit.start:hit.end] == hit.written for hit in found)


def test_no_match_inside_a_longer_word():
    assert find_phrases(fold_and_tokenize("الجيشان تقدما"), TABLE) == []


def test_a_lam_lam_proclitic_reads_as_the_article():
    # «للجيش» is ل + «الجيش» with the article's alef dropped
    text = "قال المتحدث باسم القيادة للجيش الوطني الليبي"
    [hit] = find_phrases(fold_and_tokenize(text), TABLE)
    assert hit.value == "الجيش الوطني الليبي" and text[hit.start:hit.end] == hit.written
