"""find_reuse(): candidate pairs → alignment → direction and kind → Reuse records."""

from __future__ import annotations

from collections.abc import Sequence

from khabar.model import Article, Citation, Passage, Reuse
from khabar.reuse.align import Alignment, align, sentences
from khabar.reuse.candidates import candidate_pairs
from khabar.reuse.citations import find_citations
from khabar.reuse.direction import decide_direction, reuse_kind
from khabar.settings import Settings


def find_reuse(articles: Sequence[Article], settings: Settings | None = None) -> list[Reuse]:
    """Every pair of reports with text reuse, once, ordered source → target.

    Args:
        articles: the corpus (reuse is looked for between every two of them).
        settings: thresholds (``Settings``' reuse section).
    RETURNS (list[Reuse]): in the order of the articles.
    """
    settings = settings or Settings()
    sentence_cache: dict[int, list] = {}
    citation_cache: dict[int, list] = {}
    found = []
    for (i, j) in sorted(candidate_pairs(articles, settings)):
        first, second = articles[i], articles[j]
        first_sentences = sentence_cache.setdefault(i, sentences(first))
        second_sentences = sentence_cache.setdefault(j, sentences(second))
        second_from_first = align(first, second, settings, first_sentences, second_sentences)
        first_from_second = align(second, first, settings, second_sentences, first_sentences)
        if max(second_from_first.reused_words, first_from_second.reused_words) < (
                settings.min_reused_words):
            continue
        direction = decide_direction(
            first, second,
            citation_cache.setdefault(i, find_citations(first)),
            citation_cache.setdefault(j, find_citations(second)),
            second_from_first, first_from_second)
        alignment = second_from_first if direction.target is second else first_from_second
        if alignment.reused_words < settings.min_reused_words:
            continue
        found.append(_record(direction.source, direction.target, alignment, direction,
                             settings))
    return found


def _record(source: Article, target: Article, alignment: Alignment, direction, settings
            ) -> Reuse:
    citation = direction.citation
    return Reuse(
        source_id=source.id,
        target_id=target.id,
        kind=reuse_kind(alignment, settings),
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
    )
