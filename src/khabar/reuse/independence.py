"""Which reports are independent of each other: copies never count as confirmation.

When Youm7 rewrites Al-Ain, a figure in both is one source, not two. Comparisons and events
count sources through :func:`independent_groups`: reports joined by any reuse (directly, or
through a chain, or as siblings of one wire text) form one group and count once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from khabar.model import Reuse


def independent_groups(article_ids: Iterable[str], reuse: Iterable[Reuse]) -> list[set[str]]:
    """Partition articles into groups of mutually derived reports.

    Args:
        article_ids: the articles to group (e.g. those reporting one figure).
        reuse: reuse pairs found in the corpus (pairs outside ``article_ids`` are ignored).
    RETURNS (list[set[str]]): one set per independent source, in first-seen order.
    """
    ids = list(dict.fromkeys(article_ids))
    parent = {article_id: article_id for article_id in ids}

    def root(article_id: str) -> str:
        while parent[article_id] != article_id:
            parent[article_id] = parent[parent[article_id]]
            article_id = parent[article_id]
        return article_id

    for pair in reuse:
        if pair.source_id in parent and pair.target_id in parent:
            parent[root(pair.target_id)] = root(pair.source_id)
    groups: dict[str, set[str]] = {}
    for article_id in ids:
        groups.setdefault(root(article_id), set()).add(article_id)
    return list(groups.values())


def count_independent(article_ids: Iterable[str], reuse: Iterable[Reuse]) -> int:
    """How many independent sources a set of reports amounts to."""
    return len(independent_groups(article_ids, reuse))


def reuse_by_doc(reuse: Iterable[Reuse]) -> dict[str, list[Reuse]]:
    """Report id → the reuse pairs it is source or target of: the pairs among a story's or
    an event's few reports are then found without reading every pair of the corpus."""
    by_doc: dict[str, list[Reuse]] = defaultdict(list)
    for pair in reuse:
        by_doc[pair.source_id].append(pair)
        by_doc[pair.target_id].append(pair)
    return by_doc


def pairs_among(article_ids: Iterable[str], by_doc: dict[str, list[Reuse]]) -> list[Reuse]:
    """The reuse pairs both of whose reports are among ``article_ids`` (``reuse_by_doc``)."""
    inside = set(article_ids)
    found: dict[int, Reuse] = {}
    for doc_id in inside:
        for pair in by_doc.get(doc_id, ()):
            if pair.source_id in inside and pair.target_id in inside:
                found[id(pair)] = pair
    return list(found.values())
