"""Check a claims gold file against its articles: every span, field and value.

Usage: python dev/claims/check_gold.py GOLD.json ARTICLES_DIR
Exit 0 when the file is sound, 1 with one line per problem otherwise. Does not import khabar.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import SpanCheck

UNITS = {"count", "percent", "km", "km2", "m", "m2", "hectare", "kg", "ton", "liter",
         "barrel", "celsius", "minutes", "hours", "days", "weeks", "months", "years"}
CURRENCY = re.compile(r"^[A-Z]{3}$")
QUANTITIES = {"killed", "wounded", "casualties", "arrested", "surrendered", "captured",
              "missing", "kidnapped", "displaced", "attacks", "cases", "area_controlled",
              "area", "distance", "duration", "money", "people", "score", "other"}
SUBJECTS = {"militants", "army", "civilians", "police", None}


def problems(gold: dict, articles: Path) -> list[str]:
    """Every way the gold disagrees with its articles or with the guidelines' fields."""
    spans = SpanCheck(articles)
    found = spans.problems
    check_span = spans.check
    docs = {doc["doc_id"] for doc in gold.get("documents", [])}
    ids = set()
    for claim in gold.get("claims", []):
        where = f"claim {claim.get('id')}"
        if claim.get("id") in ids:
            found.append(f"{where}: duplicate id")
        ids.add(claim.get("id"))
        doc = claim.get("doc_id", "")
        if doc not in docs:
            found.append(f"{where}: doc {doc} not in documents")
        if not isinstance(claim.get("value"), (int, float)):
            found.append(f"{where}: value {claim.get('value')!r}")
        high = claim.get("value_high")
        if high is not None and (not isinstance(high, (int, float)) or high < claim["value"]):
            found.append(f"{where}: value_high {high!r}")
        if not isinstance(claim.get("approx"), bool):
            found.append(f"{where}: approx must be true or false")
        unit = claim.get("unit")
        if unit not in UNITS and not CURRENCY.match(str(unit)):
            found.append(f"{where}: unit {unit!r}")
        if claim.get("quantity") not in QUANTITIES:
            found.append(f"{where}: quantity {claim.get('quantity')!r}")
        if claim.get("subject") not in SUBJECTS:
            found.append(f"{where}: subject {claim.get('subject')!r}")
        if claim.get("speaker_span") and not claim.get("speaker_name"):
            found.append(f"{where}: a speaker span without speaker_name")
        check_span(where, doc, claim.get("span"), claim.get("text"))
        check_span(where + " speaker", doc, claim.get("speaker_span"),
                   claim.get("speaker_text"))
    for item in gold.get("not_claims", []):
        check_span("not_claim", item.get("doc_id", ""), item.get("span"), item.get("text"))
    return found


def main() -> int:
    gold = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    found = problems(gold, Path(sys.argv[2]))
    for problem in found:
        print(problem)
    print(f"{len(gold.get('claims', []))} claims, {len(gold.get('not_claims', []))} not_claims,"
          f" {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
