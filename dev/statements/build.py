"""The statements development set: keep it free of third-party text, rebuild it for eval.

Annotators work on full text (see GUIDELINES.md). The repository keeps only offsets, labels
and the facts needed to score (speaker names, cue words): `strip` turns annotators' files
into `gold.json`; `materialize` rebuilds the articles from the shared corpus and a full gold
file (quoted text cut from the articles by offset) that `khabar eval` reads.

Usage:
  python dev/statements/build.py strip PART.json... > dev/statements/gold.json
  python dev/statements/build.py materialize OUT_DIR
      writes OUT_DIR/articles/<corpus id>.txt (+ .meta.json) and OUT_DIR/gold.json; then
      khabar analyze OUT_DIR/articles --out OUT_DIR/pred --no-db
      khabar eval --gold OUT_DIR/gold.json --pred OUT_DIR/pred
Does not import khabar.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from devset import cut, write_gold_articles  # noqa: E402

TEXT_FIELDS = {"content": "content_span", "speaker_text": "speaker_span", "form": "span"}


def strip(parts: list[Path]) -> dict:
    """Merge annotators' parts and drop every quoted text field (spans stay)."""
    merged: dict = {"about": (HERE / "README.md").name, "documents": [], "entities": [],
                    "statements": []}
    for part in parts:
        data = json.loads(part.read_text(encoding="utf-8"))
        merged["documents"] += data["documents"]
        for entity in data["entities"]:
            entity = dict(entity)
            entity["mentions"] = [{"doc": m["doc"], "span": m["span"]} for m in entity["mentions"]]
            merged["entities"].append(entity)
        for statement in data["statements"]:
            statement = {k: v for k, v in statement.items()
                         if k not in {"content", "speaker_text", "note"}}
            merged["statements"].append(statement)
    return merged


def materialize(out: Path) -> None:
    gold = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
    texts = write_gold_articles(out / "articles", gold)

    for entity in gold["entities"]:
        for mention in entity["mentions"]:
            mention["form"] = cut(texts, mention["doc"], mention["span"])
    for statement in gold["statements"]:
        statement["content"] = cut(texts, statement["doc_id"], statement["content_span"])
        statement["speaker_text"] = cut(texts, statement["doc_id"], statement.get("speaker_span"))
    (out / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1),
                                   encoding="utf-8")
    print(f"{len(texts)} articles, {len(gold['statements'])} statements -> {out}")


if __name__ == "__main__":
    if sys.argv[1] == "strip":
        json.dump(strip([Path(p) for p in sys.argv[2:]]), sys.stdout, ensure_ascii=False,
                  indent=1)
    elif sys.argv[1] == "materialize":
        materialize(Path(sys.argv[2]))
    else:
        sys.exit(__doc__)
