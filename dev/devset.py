"""What the development-set scripts share: the corpus, the reuse pairs, article files and
the span check. Imported by `dev/*/sample.py`, `build.py` and `check_gold.py`; does not
import khabar (a bug there must not shape its own gold)."""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"
PAIRS = ROOT / "dev" / "reuse" / "reuse_pairs.jsonl"


def corpus_records() -> Iterator[dict]:
    """Every article of the SaudiNewsNet development corpus, as its JSON record."""
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            yield json.loads(line)


def independent_pairs() -> list[dict]:
    """Reuse development pairs that are not verbatim copies: one topic in two outlets' words."""
    pairs = (json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines())
    return [pair for pair in pairs if pair["kind"] in {"none", "rewrite", "partial"}]


def write_article(directory: Path, record: dict) -> None:
    """``<id>.txt`` (the corpus text, unchanged, so gold offsets are corpus offsets) and
    ``<id>.meta.json`` (outlet, url, title, published) for ``khabar analyze``."""
    directory.mkdir(parents=True, exist_ok=True)
    (directory / f"{record['id']}.txt").write_text(record["text"], encoding="utf-8")
    meta = {"outlet": record["outlet"], "url": record.get("url"), "title": record.get("title"),
            "published": (record.get("date_extracted") or "")[:10] or None}
    (directory / f"{record['id']}.meta.json").write_text(json.dumps(meta), encoding="utf-8")


def write_gold_articles(directory: Path, gold: dict) -> dict[str, str]:
    """Write the corpus articles a gold file's ``documents`` name (``write_article``).
    RETURNS: ``<id>.txt`` → text, for putting quoted text back with :func:`cut`."""
    wanted = {doc["doc_id"].removesuffix(".txt") for doc in gold["documents"]}
    texts: dict[str, str] = {}
    for record in corpus_records():
        if record["id"] in wanted:
            texts[record["id"] + ".txt"] = record["text"]
            write_article(directory, record)
    return texts


def cut(texts: dict[str, str], doc: str, span: list | None) -> str | None:
    """The text a span of an article holds (None for no span)."""
    return None if span is None else texts[doc][span[0]:span[1]]


class SpanCheck:
    """Collects every way a gold file's spans disagree with its articles."""

    def __init__(self, articles: Path) -> None:
        self.articles = articles
        self.problems: list[str] = []
        self._texts: dict[str, str | None] = {}

    def text_of(self, doc: str) -> str | None:
        if doc not in self._texts:
            path = self.articles / doc
            self._texts[doc] = path.read_text(encoding="utf-8") if path.exists() else None
        return self._texts[doc]

    def check(self, where: str, doc: str, span: list | None, quoted: str | None) -> None:
        if span is None and quoted is None:
            return
        text = self.text_of(doc)
        if text is None:
            self.problems.append(f"{where}: no article {doc}")
        elif span is None or quoted is None:
            self.problems.append(f"{where}: span and text must both be given or both be null")
        elif text[span[0] : span[1]] != quoted:
            self.problems.append(f"{where}: text[{span[0]}:{span[1]}] = "
                                 f"{text[span[0]:span[1]]!r} != {quoted!r}")


def choose_pairs(pairs: list[dict], records: dict[str, dict], usable: Callable[[dict], bool],
                 order: Callable[[dict], Any], n_pairs: int) -> list[str]:
    """Ids of up to ``n_pairs`` pairs in ``order``: two outlets, both articles ``usable``, no
    article in two pairs."""
    chosen: list[str] = []
    for pair in sorted(pairs, key=order):
        a, b = records[pair["a"]], records[pair["b"]]
        if a["outlet"] == b["outlet"] or not (usable(a) and usable(b)):
            continue
        if pair["a"] in chosen or pair["b"] in chosen:
            continue
        chosen += [pair["a"], pair["b"]]
        if len(chosen) == 2 * n_pairs:
            break
    return chosen
