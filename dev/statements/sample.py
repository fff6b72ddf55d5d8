"""Pick the statements development sample from the SaudiNewsNet dev corpus and write it out.

Why pairs: person linking is judged across articles, so the sample is up to 18 pairs of
articles from different outlets on one topic (pairs of the reuse development set labelled
`none`, `rewrite` or `partial`: independent reports or rewrites, never verbatim copies),
each article carrying at least three reporting-verb hits and 100-800 words (15 pairs
qualify). Deterministic: the same corpus gives the same sample.

Usage: python dev/statements/sample.py OUT_DIR
Writes OUT_DIR/<corpus id>.txt (the corpus `text`, unchanged, so gold offsets into the file
are offsets into the corpus text) and OUT_DIR/<corpus id>.meta.json (outlet, url, published),
and prints the chosen ids. Does not import khabar.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import choose_pairs, corpus_records, independent_pairs, write_article

N_PAIRS = 18
SEED = "statements-2026"

# A rough screen only (the gold is made by reading): common reporting verbs with و/ف.
VERB_HIT = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|أشار|أشارت|أضاف|أضافت|ذكر|ذكرت|"
    r"أعلن|أعلنت|"
    r"صرح|نفى|نفت|مؤكدا|مشيرا|موضحا|لافتا|مضيفا|بحسب|وفقا)(?!\w)"
)


def main(out_dir: Path) -> None:
    pairs = independent_pairs()
    wanted: dict[str, dict] = {pair[side]: {} for pair in pairs for side in ("a", "b")}
    for record in corpus_records():
        if record["id"] in wanted:
            wanted[record["id"]] = record

    def usable(record: dict) -> bool:
        words = len(record.get("text", "").split())
        return 100 <= words <= 800 and len(VERB_HIT.findall(record["text"])) >= 3

    def order(pair: dict) -> str:
        return hashlib.sha256(f"{SEED}:{pair['a']}:{pair['b']}".encode()).hexdigest()

    chosen = choose_pairs(pairs, wanted, usable, order, N_PAIRS)
    for corpus_id in chosen:
        write_article(out_dir, wanted[corpus_id])
        print(corpus_id, wanted[corpus_id]["outlet"])

if __name__ == "__main__":
    main(Path(sys.argv[1]))
