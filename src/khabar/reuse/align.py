"""Align the sentences of two reports: which of the target's sentences derive from the source.

A rewrite edits words («الجيش» → «الجيش الوطنى الليبى»), spells them the Egyptian way,
reorders sentences, merges several into one or splits one in two. So a target sentence is
compared, in the normalized view, with the source sentences by the share of its word bigrams
found there (containment: a split half is still wholly inside its source sentence); when one
source sentence does not explain it, up to ``MAX_MERGED`` source sentences that each add
clearly new bigrams are taken together (a merge: the seeds' 001 folds four of 000's
sentences about losses into one). Sentences found above
``Settings.sentence_match`` are derived; runs of derived sentences that follow the source's
order become passages. Cost: one bigram index per pair, so it grows with candidate pairs.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass

from khabar.model import Article, Span
from khabar.settings import Settings
from khabar.text.normalize import normalize_with_offsets
from khabar.text.sentences import sentence_spans
from khabar.text.tokens import token_spans

# Sentences shorter than this (a lone dateline, «نعم») neither count nor align.
MIN_SENTENCE_WORDS = 4
# A merged target sentence may draw on at most this many source sentences, each adding at
# least MIN_NEW_BIGRAMS bigrams the others did not explain.
MAX_MERGED = 4
MIN_NEW_BIGRAMS = 4


@dataclass(frozen=True)
class Sentence:
    span: Span
    words: tuple[str, ...]
    bigrams: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class SentenceMatch:
    target: int  # index into the target's sentences
    sources: tuple[int, ...]  # source sentences it derives from, in source order
    score: float  # share of the target sentence's bigrams the sources hold together
    parts: tuple[float, ...] = ()  # share each source sentence holds alone

    @property
    def source_first(self) -> int:
        return self.sources[0]

    @property
    def source_last(self) -> int:
        return self.sources[-1]


@dataclass(frozen=True)
class AlignedPassage:
    source_span: Span
    target_span: Span
    similarity: float
    words: int  # target words in the passage


@dataclass(frozen=True)
class Alignment:
    passages: list[AlignedPassage]
    target_coverage: float  # share of the target's sentences derived from the source
    similarity: float  # mean containment of the derived sentences, weighted by words
    reused_words: int


def sentences(article: Article) -> list[Sentence]:
    """The article's sentences with their folded words, skipping very short ones."""
    view = normalize_with_offsets(article.text)
    found = []
    for start, end in sentence_spans(article.text):
        folded = view.text[view.to_normalized(start):view.to_normalized(end)]
        words = tuple(folded[s:e] for s, e in token_spans(folded))
        if len(words) >= MIN_SENTENCE_WORDS:
            found.append(Sentence((start, end), words, frozenset(itertools.pairwise(words))))
    return found


def match_sentences(source: list[Sentence], target: list[Sentence], threshold: float
                    ) -> list[SentenceMatch]:
    """For each target sentence, the source sentences it derives from, when the share of its
    bigrams they hold reaches ``threshold``."""
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for position, sentence in enumerate(source):
        for bigram in sentence.bigrams:
            index[bigram].append(position)
    matches = []
    for position, sentence in enumerate(target):
        if not sentence.bigrams:
            continue
        overlap: dict[int, int] = defaultdict(int)
        for bigram in sentence.bigrams:
            for source_position in index.get(bigram, ()):
                overlap[source_position] += 1
        if not overlap:
            continue
        chosen, explained = _cover(sentence, source, overlap)
        score = len(explained) / len(sentence.bigrams)
        if score >= threshold:
            chosen.sort()
            parts = tuple(overlap[s] / len(sentence.bigrams) for s in chosen)
            matches.append(SentenceMatch(position, tuple(chosen), score, parts))
    return matches


def _cover(sentence: Sentence, source: list[Sentence], overlap: dict[int, int]
           ) -> tuple[list[int], set[tuple[str, str]]]:
    """Greedily pick the source sentences that explain most of a target sentence's bigrams."""
    # ties by position: the order of a set of bigrams must not decide (hash seeds differ)
    candidates = sorted(overlap, key=lambda s: (-overlap[s], s))[: MAX_MERGED * 3]
    chosen: list[int] = []
    explained: set[tuple[str, str]] = set()
    while len(chosen) < MAX_MERGED:
        gains = {s: len((sentence.bigrams & source[s].bigrams) - explained)
                 for s in candidates if s not in chosen}
        if not gains:
            break
        best = max(gains, key=lambda s: gains[s])
        if chosen and gains[best] < MIN_NEW_BIGRAMS:
            break
        chosen.append(best)
        explained |= sentence.bigrams & source[best].bigrams
    return chosen, explained


def align(source: Article, target: Article, settings: Settings,
          source_sentences: list[Sentence] | None = None,
          target_sentences: list[Sentence] | None = None) -> Alignment:
    """Align ``target`` against ``source``: passages, coverage and similarity."""
    source_sentences = source_sentences if source_sentences is not None else sentences(source)
    target_sentences = target_sentences if target_sentences is not None else sentences(target)
    matches = match_sentences(source_sentences, target_sentences, settings.sentence_match)
    passages = _passages(matches, source_sentences, target_sentences)
    words = sum(len(target_sentences[m.target].words) for m in matches)
    weighted = sum(m.score * len(target_sentences[m.target].words) for m in matches)
    return Alignment(
        passages=passages,
        target_coverage=len(matches) / len(target_sentences) if target_sentences else 0.0,
        similarity=weighted / words if words else 0.0,
        reused_words=words,
    )


def _passages(matches: list[SentenceMatch], source: list[Sentence], target: list[Sentence]
              ) -> list[AlignedPassage]:
    """Join runs of adjacent target sentences whose sources are adjacent too; a merged
    sentence gives one passage per source sentence it draws on."""
    runs: list[list[SentenceMatch]] = []
    merged: list[AlignedPassage] = []
    for match in matches:
        if len(match.sources) > 1:
            words = len(target[match.target].words)
            merged += [AlignedPassage(source[s].span, target[match.target].span, round(part, 3),
                                      words) for s, part in zip(match.sources, match.parts,
                                                                strict=True)]
            continue
        previous = runs[-1][-1] if runs else None
        if (previous and match.target == previous.target + 1
                and 0 <= match.source_first - previous.source_last <= 1):
            runs[-1].append(match)
        else:
            runs.append([match])
    passages = []
    for run in runs:
        words = sum(len(target[m.target].words) for m in run)
        passages.append(AlignedPassage(
            source_span=(min(source[m.source_first].span[0] for m in run),
                         max(source[m.source_last].span[1] for m in run)),
            target_span=(target[run[0].target].span[0], target[run[-1].target].span[1]),
            similarity=round(sum(m.score * len(target[m.target].words) for m in run) / words, 3),
            words=words,
        ))
    return sorted(passages + merged, key=lambda p: (p.target_span, p.source_span))
