"""The form of a text that the full-text index holds, and of a query that searches it.

Arabic glues conjunctions, prepositions and the article onto words: a search for «درنة»
must find «بدرنة», «ودرنه» and «لدرنة». The index holds every folded word and, beside it, the
word with one proclitic stripped; a query word matches its own folded form or its stripped
forms. Stripping both sides alike keeps a wrong strip harmless: «بنغازي» is indexed as
«بنغازي» and «نغازي», and a search for «بنغازي» finds it either way.
"""

from __future__ import annotations

from functools import cache

from khabar.resources import load_lines
from khabar.text.normalize import normalize
from khabar.text.tokens import token_spans

PROCLITIC_FILE = "text/proclitics.txt"
MIN_STEM_LETTERS = 3
LAM_LAM = ("لل", "ولل", "فلل")  # ل (and a conjunction) before the article, its alef dropped


@cache
def proclitics() -> tuple[str, ...]:
    return tuple(sorted(load_lines(PROCLITIC_FILE), key=len, reverse=True))


def word_forms(folded_word: str) -> list[str]:
    """A folded word and its forms with one proclitic stripped; «للقوات» is ل + «القوات»
    with the article's alef dropped, so it also reads «القوات»."""
    forms = [folded_word]
    for prefix in proclitics():
        if folded_word.startswith(prefix) and len(folded_word) - len(prefix) >= MIN_STEM_LETTERS:
            stem = folded_word[len(prefix):]
            if stem not in forms:
                forms.append(stem)
    if folded_word.startswith(LAM_LAM) and len(folded_word) > 4:
        forms.append("ال" + folded_word[folded_word.index("لل") + 2:])
    return forms


def forms_keeping_article(folded_word: str) -> list[str]:
    """A folded word and its forms with a proclitic stripped that holds no article: «وقاعدة»
    also reads «قاعدة»; «القاعدة» and «للقاعدة» never read as the indefinite word."""
    return [folded_word, *(
        folded_word[len(prefix):] for prefix in proclitics()
        if "ال" not in prefix and prefix not in LAM_LAM and folded_word.startswith(prefix)
        and len(folded_word) - len(prefix) >= MIN_STEM_LETTERS)]


def index_form(text: str) -> str:
    """What the full-text index stores for a text: every word form, space-separated."""
    folded = normalize(text)
    return " ".join(
        " ".join(word_forms(folded[start:end])) for start, end in token_spans(folded)
    )


def query_terms(query: str) -> list[list[str]]:
    """For each word of a query, the alternatives any of which may match."""
    folded = normalize(query)
    return [word_forms(folded[start:end]) for start, end in token_spans(folded)]


def fts_query(query: str) -> str:
    """An FTS5 MATCH expression for a user query; every term is quoted, so no query text is
    ever read as FTS syntax."""
    groups = []
    for alternatives in query_terms(query):
        quoted = " OR ".join('"' + term.replace('"', "") + '"' for term in alternatives)
        groups.append(f"({quoted})")
    return " AND ".join(groups)
