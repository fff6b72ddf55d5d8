"""Copy the seeds into a folder with the gold's publication-date estimates beside them.

  python dev/dates/seeds_published.py /tmp/seeds-dated
  khabar analyze /tmp/seeds-dated --out /tmp/seeds-dated-out --no-db
  khabar eval --gold ../shared/gold/seeds_gold.json --pred /tmp/seeds-dated-out

The seed files carry no publication date, so ``events_dated`` on the plain seeds is 0 and
says nothing about the date rules. The gold estimates each report's date from its text and
outside sources (``documents[].detail.publication_date_estimate.best_guess``); this writes
that day as a ``NAME.meta.json`` sidecar (``{"published": …}``) for every seed whose best
guess is a day (002's is not: «أمس الأحد» stays unresolved there, as it should).
"""

from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared"
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def main(out: Path) -> None:
    gold = json.loads((SHARED / "gold" / "seeds_gold.json").read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    for document in gold["documents"]:
        seed = SHARED / "seeds" / document["doc_id"]
        shutil.copyfile(seed, out / seed.name)
        guess = document["detail"]["publication_date_estimate"]["best_guess"]
        if match := ISO_DAY.match(guess):
            sidecar = out / (seed.stem + ".meta.json")
            sidecar.write_text(json.dumps({"published": match.group()}), encoding="utf-8")
            print(f"{seed.name}\t{match.group()}")
        else:
            print(f"{seed.name}\tno day ({guess[:60]})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
