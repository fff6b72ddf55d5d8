"""Build khabar/stories/background_df.tsv: in how many reports of a reference corpus each
story term occurs.

Story clustering weighs a term by how rare it is in news in general (``khabar.stories.terms``).
The reference is the SaudiNewsNet corpus (30k Arabic reports from 14 outlets, July-August
2015; github.com/parallelfold/SaudiNewsNet, CC BY-NC-SA 4.0): only counts of terms are kept,
no text, and only terms found in at least ``MIN_DF`` reports (names and rare words are left
out; an absent term counts as rarest). Reproducible: the same corpus gives the same file.

Usage: python scripts/build_story_background.py [saudinewsnet_dev.jsonl.gz]
"""

from __future__ import annotations

import gzip
import json
import sys
from collections import Counter
from pathlib import Path

from khabar.stories.terms import terms

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"
OUT = ROOT / "src" / "khabar" / "stories" / "background_df.tsv"
MIN_DF = 5

HEADER = """\
# Document frequencies of story terms (khabar.stories.terms.terms: folded stems, function
# words and numbers left out) over the SaudiNewsNet corpus (github.com/parallelfold/SaudiNewsNet,
# CC BY-NC-SA 4.0; 30k Arabic news reports, 2015). Counts only; terms in at least {min_df}
# reports. Built by scripts/build_story_background.py; do not edit by hand.
# documents: {documents}
"""


def main(corpus: Path) -> None:
    frequency: Counter[str] = Counter()
    documents = 0
    with gzip.open(corpus, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            documents += 1
            frequency.update(set(terms((record.get("title") or "") + "\n" + record["text"])))
    rows = sorted((term, df) for term, df in frequency.items() if df >= MIN_DF)
    with OUT.open("w", encoding="utf-8") as out:
        out.write(HEADER.format(min_df=MIN_DF, documents=documents))
        out.write("term\tdf\n")
        out.writelines(f"{term}\t{df}\n" for term, df in rows)
    print(f"{len(rows)} terms from {documents} reports -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
