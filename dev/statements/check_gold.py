"""Check a statements gold file against its articles: every span, field and value.

Usage: python dev/statements/check_gold.py GOLD.json ARTICLES_DIR
Exit 0 when the file is sound, 1 with one line per problem otherwise. Does not import khabar.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import SpanCheck

MODES = {"direct", "indirect"}
POLARITIES = {"assert", "deny"}
TYPES = {"PER", "ORG"}


def problems(gold: dict, articles: Path) -> list[str]:
    """Every way the gold disagrees with its articles or with the guidelines' fields."""
    spans = SpanCheck(articles)
    found = spans.problems
    check_span = spans.check
    entity_ids = set()
    for entity in gold.get("entities", []):
        where = f"entity {entity.get('id')}"
        entity_ids.add(entity.get("id"))
        if entity.get("type") not in TYPES:
            found.append(f"{where}: type {entity.get('type')!r}")
        if not entity.get("name"):
            found.append(f"{where}: no name")
        for mention in entity.get("mentions", []):
            check_span(where, mention["doc"], mention.get("span"), mention.get("form"))
    ids = set()
    for statement in gold.get("statements", []):
        where = f"statement {statement.get('id')}"
        if statement.get("id") in ids:
            found.append(f"{where}: duplicate id")
        ids.add(statement.get("id"))
        doc = statement.get("doc_id", "")
        for speaker in str(statement.get("speaker") or "").split("+"):
            if speaker and speaker not in entity_ids:
                found.append(f"{where}: speaker {speaker} is not an entity")
        if statement.get("mode") not in MODES:
            found.append(f"{where}: mode {statement.get('mode')!r}")
        if statement.get("polarity") not in POLARITIES:
            found.append(f"{where}: polarity {statement.get('polarity')!r}")
        if not statement.get("content"):
            found.append(f"{where}: no content")
        check_span(where + " content", doc, statement.get("content_span"),
                   statement.get("content"))
        check_span(where + " speaker", doc, statement.get("speaker_span"),
                   statement.get("speaker_text"))
        check_span(where + " verb", doc, statement.get("verb_span"), statement.get("verb"))
    return found


def main() -> int:
    gold = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    found = problems(gold, Path(sys.argv[2]))
    for problem in found:
        print(problem)
    n_statements = len(gold.get("statements", []))
    n_entities = len(gold.get("entities", []))
    print(f"{n_statements} statements, {n_entities} entities, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
