"""The claims development set: keep it free of third-party text, rebuild it for eval.

Annotators work on full text (see GUIDELINES.md). The repository keeps only offsets, values
and labels: `strip` turns annotators' files into `gold.json` (quoted text dropped, speaker
names kept as the facts scoring needs, notes kept only when they quote no Arabic);
`materialize` rebuilds the articles from the shared corpus and a full gold file (quoted text
cut from the articles by offset) that `khabar eval` reads.

Usage:
  python dev/claims/build.py strip PART.json... > dev/claims/gold.json
  python dev/claims/build.py materialize OUT_DIR
      writes OUT_DIR/articles/<corpus id>.txt (+ .meta.json) and OUT_DIR/gold.json; then
      khabar analyze OUT_DIR/articles --out OUT_DIR/pred --no-db
      khabar eval --gold OUT_DIR/gold.json --pred OUT_DIR/pred
Does not import khabar.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from devset import cut, write_gold_articles  # noqa: E402

ARABIC = re.compile(r"[\u0600-\u06ff]")


def strip(parts: list[Path]) -> dict:
    """Merge annotators' parts and drop every quoted text field (spans stay)."""
    merged: dict = {"about": (HERE / "README.md").name, "documents": [], "claims": [],
                    "not_claims": []}
    for part in parts:
        data = json.loads(part.read_text(encoding="utf-8"))
        merged["documents"] += [{"doc_id": doc["doc_id"], "outlet": doc.get("outlet")}
                                for doc in data["documents"]]
        for claim in data["claims"]:
            claim = {k: v for k, v in claim.items() if k not in {"text", "speaker_text"}}
            if claim.get("note") and ARABIC.search(claim["note"]):
                del claim["note"]
            merged["claims"].append(claim)
        for item in data.get("not_claims", []):
            merged["not_claims"].append({"doc_id": item["doc_id"], "span": item["span"],
                                         "why": None if ARABIC.search(item.get("why") or "")
                                         else item.get("why")})
    return merged


def comparisons(claims: list[dict]) -> list[dict]:
    """The gold comparisons `khabar eval` scores: claims sharing a `same_as` key, two or more."""
    groups: dict[str, list[dict]] = {}
    for claim in claims:
        if claim.get("same_as"):
            groups.setdefault(claim["same_as"], []).append(claim)
    return [{
        "id": key,
        "quantity": key,
        "values": [{"doc": claim["doc_id"], "span": claim["text"], "value": claim["value"],
                    "value_high": claim["value_high"], "char_start": claim["span"][0],
                    "char_end": claim["span"][1]} for claim in members],
    } for key, members in groups.items() if len(members) > 1]


def materialize(out: Path) -> None:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    texts = write_gold_articles(out / "articles", gold)

    for claim in gold["claims"]:
        claim["text"] = cut(texts, claim["doc_id"], claim["span"])
        claim["speaker_text"] = cut(texts, claim["doc_id"], claim.get("speaker_span"))
    for item in gold["not_claims"]:
        item["text"] = cut(texts, item["doc_id"], item["span"])
    gold["comparisons"] = comparisons(gold["claims"])
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    print(f"{len(texts)} articles, {len(gold['claims'])} claims -> {out}")


if __name__ == "__main__":
    if sys.argv[1] == "strip":
        json.dump(strip([Path(p) for p in sys.argv[2:]]), sys.stdout, ensure_ascii=False,
                  indent=1)
    elif sys.argv[1] == "materialize":
        materialize(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
