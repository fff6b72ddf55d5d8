"""Invented reports for statement and speaker tests (written by the team, not third-party)."""

import dataclasses

from khabar.model import Article
from khabar.pipeline import prepare


def make(text: str, **fields) -> Article:
    base = Article(id=str(abs(hash(text)))[:16], source="x.txt", outlet=None, url=None,
                   title=None, published=None, text=text, sha256="0")
    return prepare(dataclasses.replace(base, **fields))
