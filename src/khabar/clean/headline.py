"""Take a report's headline from its first line when the input gave none.

A plain-text report usually opens with its headline; but some open straight with the lead
paragraph, and a lead is not a title. A first line counts as a headline when it is short and
does not end like a sentence, and more text follows it.
"""

from __future__ import annotations

import dataclasses

from khabar.model import Article

HEADLINE_MAX_WORDS = 25
SENTENCE_END_MARKS = ".،,؛;"


def headline_from_first_line(article: Article) -> Article:
    """Return the article with ``title`` set from its first line if that line is a headline."""
    if article.title:
        return article
    lines = [line.strip() for line in article.text.split("\n") if line.strip()]
    if len(lines) < 2:
        return article
    first = lines[0]
    if len(first.split()) > HEADLINE_MAX_WORDS or first[-1] in SENTENCE_END_MARKS:
        return article
    return dataclasses.replace(article, title=first)
