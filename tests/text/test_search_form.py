from khabar.text.search_form import forms_keeping_article, index_form, query_terms, word_forms


def test_a_lam_lam_word_also_reads_with_the_article():
    # «للجيش» is ل + «الجيش» with the article's alef dropped
    assert "الجيش" in word_forms("للجيش")
    assert "الجيش" in word_forms("وللجيش")
    assert "الجيش" in index_form("قال المتحدث للجيش").split()
    assert word_forms("لله") == ["لله"]  # too short to be ل + ال + a word


def test_a_query_word_matches_its_stripped_forms():
    assert query_terms("بدرنة") == [["بدرنه", "درنه"]]


def test_forms_keeping_article_strip_only_proclitics_without_the_article() -> None:
    assert "قاعده" in forms_keeping_article("وقاعده")
    assert "قاعده" in forms_keeping_article("بقاعده")
    for definite in ("القاعده", "للقاعده", "والقاعده", "بالقاعده"):
        assert "قاعده" not in forms_keeping_article(definite), definite
