"""What a report is about, as weighted terms: the meaning signal of story clustering.

A term is a folded word with one proclitic and a plural or feminine ending stripped, so
«بدرنة», «درنه» and «لدرنة» are one term, and «الليبية», «الليبيين» and «الليبي» another.
Each term is weighted by TF-IDF against a fixed background of document frequencies
(``background_df.tsv``, counted over 30k Arabic news reports) rather than the batch being
analyzed: a report's weights do not change with what else is in the batch, so a report
added tomorrow is compared with yesterday's stories on the same scale (incremental
clustering), and a batch of five reports still knows that «قال» is common and «درنة» rare.

The headline counts more than the body (it says what the report is about), and only the
strongest terms are kept: that is enough to compare and makes candidate search cheap.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache

from khabar.extract.lexicons import function_words
from khabar.model import Article
from khabar.resources import load_tsv, read_text
from khabar.text.normalize import normalize
from khabar.text.search_form import proclitics
from khabar.text.tokens import token_spans

BACKGROUND_FILE = "stories/background_df.tsv"
DATELINE_FILE = "stories/dateline_words.tsv"
MIN_STEM_LETTERS = 3
SUFFIXES = ("ات", "ون", "ين", "ه")  # folded: ة is ه; «الليبيين» → «ليبي», as «الليبي»
TITLE_WEIGHT = 3.0
BODY_WORDS = 400  # the lead says what a report is about; its tail wanders


@dataclass(frozen=True)
class Background:
    """Document frequencies of terms in a reference corpus of ``documents`` reports."""

    documents: int
    frequency: dict[str, int]

    def idf(self, term: str) -> float:
        return math.log((self.documents + 1) / (self.frequency.get(term, 0) + 1)) + 1.0


@cache
def background() -> Background:
    first = next(line for line in read_text(BACKGROUND_FILE).splitlines()
                 if line.startswith("# documents:"))
    documents = int(first.split(":", 1)[1])
    return Background(documents, {row["term"]: int(row["df"]) for row in load_tsv(BACKGROUND_FILE)})


def glued_prefix(folded_word: str) -> str:
    """The conjunction, preposition and/or article glued to a folded word («وال», «ب»), or ""."""
    for prefix in proclitics():
        if folded_word.startswith(prefix) and len(folded_word) - len(prefix) >= MIN_STEM_LETTERS:
            return prefix
    return ""


@lru_cache(maxsize=1 << 18)
def stem(folded_word: str) -> str:
    """A folded word without one proclitic and one plural/feminine ending."""
    folded_word = folded_word[len(glued_prefix(folded_word)):]
    for suffix in SUFFIXES:
        if folded_word.endswith(suffix) and len(folded_word) - len(suffix) >= MIN_STEM_LETTERS:
            return folded_word[: -len(suffix)]
    return folded_word


@cache
def ignored_words() -> frozenset[str]:
    """Function words and dateline words (months, weekdays, agency credits), folded."""
    datelines = {normalize(word) for row in load_tsv(DATELINE_FILE)
                 for word in row["word"].split()}
    return function_words() | datelines


def terms(text: str, limit: int | None = None) -> list[str]:
    """The terms of a text in order: stems of its words, without function words, dateline
    words and numbers."""
    folded = normalize(text)
    stop = ignored_words()
    found = []
    for start, end in token_spans(folded):
        word = folded[start:end]
        if word in stop or not word.isalpha() or len(word) < MIN_STEM_LETTERS:
            continue
        found.append(stem(word))
        if limit is not None and len(found) >= limit:
            break
    return found


def term_counts(article: Article) -> Counter[str]:
    """Term counts of a report, its headline counted ``TITLE_WEIGHT`` times."""
    counts: Counter[str] = Counter(terms(article.text, BODY_WORDS))
    for term in terms(article.title or ""):
        counts[term] += TITLE_WEIGHT
    return counts


def term_vector(counts: Counter[str], keep: int) -> dict[str, float]:
    """The ``keep`` strongest terms by TF-IDF (sublinear tf), L2-normalized."""
    reference = background()
    weights = {term: (1.0 + math.log(count)) * reference.idf(term)
               for term, count in counts.items() if count > 0}
    strongest = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:keep]
    norm = math.sqrt(sum(weight * weight for _, weight in strongest)) or 1.0
    return {term: weight / norm for term, weight in strongest}


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two L2-normalized term vectors (a set intersection first: they share few)."""
    return sum(a[term] * b[term] for term in a.keys() & b.keys())
