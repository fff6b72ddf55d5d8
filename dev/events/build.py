"""The events development set: keep it free of third-party text, rebuild it for eval.

Annotators work on full text (see GUIDELINES.md). The repository keeps only corpus ids,
offsets, ACLED codes, English actor names, coordinates and numbers: `strip` turns
annotators' files into `gold.json` (quoted text and titles dropped; any Arabic left in a free
text field, such as a relative date word quoted in `date_precision`, is replaced by «…»);
`materialize` rebuilds the articles from the shared corpus and a full gold file (quoted text
cut from the articles by offset) that `khabar eval` reads.

Usage:
  python dev/events/build.py strip PART.json... > dev/events/gold.json
  python dev/events/build.py materialize OUT_DIR [GOLD]   (GOLD: dev/events/gold.json, or
      dev/events/heldout/gold.json for the blind held-out set)
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

ARABIC = re.compile(r"[\u0600-\u06ff][\u0600-\u06ff\s]*")


def no_arabic(value: object) -> object:
    """A free-text field with any quoted Arabic replaced, so no third-party words remain."""
    return ARABIC.sub("…", value) if isinstance(value, str) else value


def strip(parts: list[Path]) -> dict:
    """Merge annotators' parts and drop every quoted text field (spans stay)."""
    merged: dict = {"about": (HERE / "README.md").name, "documents": [], "events": [],
                    "not_events": []}
    for part in parts:
        data = json.loads(part.read_text(encoding="utf-8"))
        merged["documents"] += [{"doc_id": doc["doc_id"], "outlet": doc.get("outlet"),
                                 "published": doc.get("published")}
                                for doc in data["documents"]]
        for event in data["events"]:
            kept = {key: no_arabic(value) for key, value in event.items() if key != "spans"}
            kept["spans"] = [{"doc_id": s["doc_id"], "span": s["span"]}
                             for s in event["spans"]]
            merged["events"].append(kept)
        merged["not_events"] += [{"doc_id": item["doc_id"], "span": item["span"],
                                  "why": no_arabic(item.get("why"))}
                                 for item in data.get("not_events", [])]
    return merged


def materialize(out: Path, gold_path: Path = HERE / "gold.json") -> None:
    """Articles from the corpus and a gold file with each span's text cut back out."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    texts = write_gold_articles(out / "articles", gold)
    for event in gold["events"]:
        for span in event["spans"]:
            span["text"] = cut(texts, span["doc_id"], span["span"])
    for item in gold["not_events"]:
        item["text"] = cut(texts, item["doc_id"], item["span"])
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    print(f"{len(texts)} articles, {len(gold['events'])} events, "
          f"{len(gold['not_events'])} not_events -> {out}")


if __name__ == "__main__":
    if sys.argv[1] == "strip":
        json.dump(strip([Path(p) for p in sys.argv[2:]]), sys.stdout, ensure_ascii=False,
                  indent=1)
    elif sys.argv[1] == "materialize":
        materialize(Path(sys.argv[2]), *(Path(arg) for arg in sys.argv[3:4]))
    else:
        sys.exit(__doc__)
