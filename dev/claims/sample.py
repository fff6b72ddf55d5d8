"""Pick the claims development sample from the SaudiNewsNet dev corpus and write it out.

Why this sample: numeric claims are judged per article, comparisons across articles of one
story. So the sample is pairs of articles from different outlets on one topic (reuse
development set pairs labelled `none`, `rewrite` or `partial`: never verbatim copies), each
with at least four numbers (digits or number words) and 80-700 words, and with the war,
casualty and arrest reports of the corpus first (at least one counted-noun hit in the pair),
12 pairs. The corpus's war reports (Yemen, Syria, Iraq, attacks and arrests in the Kingdom)
are seldom in those pairs, so 14 single articles with at least three counted-noun hits
(قتيل، جريح، اعتقال …) and three numbers, from a hash-ordered pass over the whole corpus,
are added, at most three per outlet. Deterministic: the same corpus gives the same sample.

Usage: python dev/claims/sample.py OUT_DIR
Writes OUT_DIR/<corpus id>.txt (the corpus `text`, unchanged) and OUT_DIR/<corpus id>.meta.json
and prints the chosen ids. Does not import khabar.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import choose_pairs, corpus_records, independent_pairs, write_article

N_PAIRS = 12
N_SINGLES = 14
SEED = "claims-2026"

# Rough screens only (the gold is made by reading).
NUMBER = re.compile(
    r"[0-9٠-٩]+|(?<!\w)(?:عشرات|مئات|آلاف|ثلاث|أربع|خمس|ست|سبع|ثماني|تسع|عشر)\w*"
)
COUNTED = re.compile(r"(?:قتيل|قتلى|مقتل|مصرع|جريح|جرحى|إصاب|اعتقال|القبض|نازح|أسرى|شهيد)")


def main(out_dir: Path) -> None:
    pairs = independent_pairs()
    wanted: dict[str, dict] = {pair[side]: {} for pair in pairs for side in ("a", "b")}
    war: list[dict] = []
    for record in corpus_records():
        if record["id"] in wanted:
            wanted[record["id"]] = record
        words = len(record.get("text", "").split())
        if (100 <= words <= 600 and len(COUNTED.findall(record["text"])) >= 3
                and len(NUMBER.findall(record["text"])) >= 3):
            war.append(record)

    def usable(record: dict) -> bool:
        words = len(record.get("text", "").split())
        return 80 <= words <= 700 and len(NUMBER.findall(record["text"])) >= 4

    def order(pair: dict) -> tuple[int, str]:
        texts = wanted[pair["a"]].get("text", "") + wanted[pair["b"]].get("text", "")
        war_first = 0 if COUNTED.search(texts) else 1
        return war_first, hashlib.sha256(f"{SEED}:{pair['a']}:{pair['b']}".encode()).hexdigest()

    chosen = choose_pairs(pairs, wanted, usable, order, N_PAIRS)
    per_outlet: dict[str, int] = {}
    singles = 0
    def hashed(record: dict) -> str:
        return hashlib.sha256(f"{SEED}:{record['id']}".encode()).hexdigest()

    for record in sorted(war, key=hashed):
        if singles == N_SINGLES:
            break
        if record["id"] in chosen or per_outlet.get(record["outlet"], 0) == 3:
            continue
        per_outlet[record["outlet"]] = per_outlet.get(record["outlet"], 0) + 1
        wanted[record["id"]] = record
        chosen.append(record["id"])
        singles += 1
    for corpus_id in chosen:
        record = wanted[corpus_id]
        write_article(out_dir, record)
        print(corpus_id, record["outlet"], len(NUMBER.findall(record["text"])),
              len(COUNTED.findall(record["text"])))

if __name__ == "__main__":
    main(Path(sys.argv[1]))
