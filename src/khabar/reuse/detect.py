"""find_reuse(): candidate pairs → alignment → direction and kind → Reuse records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from khabar.model import Article, Citation, Passage, Reuse
from khabar.reuse.align import Alignment, Sentence, align, sentences
from khabar.reuse.candidates import candidate_pairs
from khabar.reuse.citations import Citation as FoundCitation
from khabar.reuse.citations import find_citations
from khabar.reuse.direction import Direction, decide_direction, reuse_kind
from khabar.settings import Settings


def find_reuse(articles: Sequence[Article], settings: Settings | None = None) -> list[Reuse]:
    """Every pair of reports with text reuse, once, ordered source → target.

    Args:
        articles: the corpus (reuse is looked for between every two of them).
        settings: thresholds (``Settings``' reuse section).
    RETURNS (list[Reuse]): in the order of the articles.
    """
    settings = settings or Settings()
    return verify_pairs(articles, candidate_pairs(articles, settings), settings)


def verify_pairs(articles: Sequence[Article], pairs: Iterable[tuple[int, int]],
                 settings: Settings) -> list[Reuse]:
    """Align candidate pairs of article indexes; keep those with reuse, directed and typed."""
    sentence_cache: dict[int, list[Sentence]] = {}
    citation_cache: dict[int, list[FoundCitation]] = {}

    def sentences_of(index: int) -> list[Sentence]:
        if index not in sentence_cache:
            sentence_cache[index] = sentences(articles[index])
        return sentence_cache[index]

    def citations_of(index: int) -> list[FoundCitation]:
        if index not in citation_cache:
            citation_cache[index] = find_citations(articles[index])
        return citation_cache[index]

    found = []
    for (i, j) in sorted(pairs):
        first, second = articles[i], articles[j]
        first_sentences, second_sentences = sentences_of(i), sentences_of(j)
        second_from_first = align(first, second, settings, first_sentences, second_sentences)
        first_from_second = align(second, first, settings, second_sentences, first_sentences)
        if max(second_from_first.reused_words, first_from_second.reused_words) < (
                settings.min_reused_words):
            continue
        direction = decide_direction(
            first, second,
            citations_of(i), citations_of(j),
            second_from_first, first_from_second, settings)
        if direction.target is second:
            alignment, reverse = second_from_first, first_from_second
        else:
            alignment, reverse = first_from_second, second_from_first
        if alignment.reused_words < settings.min_reused_words:
            continue
        found.append(_record(direction, alignment, reverse, settings))
    return found


def _record(direction: Direction, alignment: Alignment, reverse: Alignment,
            settings: Settings) -> Reuse:
    source, target, citation = direction.source, direction.target, direction.citation
    return Reuse(
        source_id=source.id,
        target_id=target.id,
        kind=reuse_kind(alignment, reverse, settings),
        similarity=round(alignment.similarity, 3),
        target_coverage=round(alignment.target_coverage, 3),
        direction_evidence=direction.evidence,
        citation=Citation(citation.span, citation.text) if citation else None,
        passages=[
            Passage(p.source_span, p.target_span, p.similarity,
                    source_text=source.text[p.source_span[0]:p.source_span[1]],
                    target_text=target.text[p.target_span[0]:p.target_span[1]])
            for p in alignment.passages
        ],
        common_source=direction.common_source,
        reused_words=alignment.reused_words,
        source_coverage=round(reverse.target_coverage, 3),
    )
