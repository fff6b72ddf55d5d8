"""A story's label in the system's own voice: its main people and terms, and its dates.

Not a headline copied from one outlet (that would adopt the outlet's framing), and never a
loaded word («إرهابي», «ميليشيا», «شهيد»: ``loaded_words.tsv``): the label names who and what
the reports are about, as the reports spell them, and when they were published.
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from khabar.model import Article
from khabar.resources import load_tsv
from khabar.stories.terms import BODY_WORDS, stem
from khabar.text.normalize import normalize
from khabar.text.tokens import fold_and_tokenize

LOADED_FILE = "stories/loaded_words.tsv"
LABEL_PEOPLE = 2
LABEL_TERMS = 3
LABEL_CANDIDATES = 20  # strongest terms looked at for the label's words
FORM_REPORTS = 10  # reports read for how a term is written
LEAD_CHARS = 8 * BODY_WORDS  # enough characters for the lead's BODY_WORDS words


@cache
def loaded_stems() -> tuple[str, ...]:
    return tuple(stem(normalize(row["word"])) for row in load_tsv(LOADED_FILE))


def is_loaded(term: str) -> bool:
    """Whether a term is a loaded word; a stem's last letter may differ by its ending
    («ميليشيا» / «الميليشيات» → «ميليشي»)."""
    return any(term.startswith(loaded[:-1] if len(loaded) >= 5 else loaded)
               for loaded in loaded_stems())


def surface_forms(articles: list[Article], wanted: set[str]) -> dict[str, Counter[str]]:
    """For each wanted term, the words as written that give it in the headlines and leads of
    the first ``FORM_REPORTS`` reports (the label shows the commonest: «ليبيا», not a stem
    cut at a letter that looks glued)."""
    forms: dict[str, Counter[str]] = {}
    for article in articles[:FORM_REPORTS]:
        for text in (article.title or "", article.text):
            folded = fold_and_tokenize(text[:LEAD_CHARS])
            words = [i for i, token in enumerate(folded.tokens) if token.form.isalpha()]
            for index in words[:BODY_WORDS]:
                term = stem(folded.tokens[index].form)
                if term in wanted:
                    _, written = folded.quote(index, index)
                    forms.setdefault(term, Counter())[written] += 1
    return forms


def story_label(people: list[str], terms: list[str], forms: dict[str, Counter[str]],
                first: str | None, last: str | None) -> str:
    """«name، name — word، word، word (first – last)»; loaded words left out."""
    named = {stem(normalize(part)) for person in people for part in person.split()}
    words: list[str] = []
    for term in terms:
        if term in named or is_loaded(term) or term not in forms:
            continue
        words.append(forms[term].most_common(1)[0][0])
        if len(words) == LABEL_TERMS:
            break
    label = "، ".join(people[:LABEL_PEOPLE])
    if words:
        label = (label + " — " if label else "") + "، ".join(words)
    if first:
        label += f" ({first}" + (f" – {last})" if last and last != first else ")")
    return label or "(no distinctive terms)"
