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

import gzip
import hashlib
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"
PAIRS = ROOT / "dev" / "reuse" / "reuse_pairs.jsonl"
N_PAIRS = 18
SEED = "statements-2026"

# A rough screen only (the gold is made by reading): common reporting verbs with و/ف.
VERB_HIT = re.compile(
    r"(?<!\w)[وف]?(?:قال|قالت|أكد|أكدت|أوضح|أوضحت|أشار|أشارت|أضاف|أضافت|ذكر|ذكرت|"
    r"أعلن|أعلنت|"
    r"صرح|نفى|نفت|مؤكدا|مشيرا|موضحا|لافتا|مضيفا|بحسب|وفقا)(?!\w)"
)


def main(out_dir: Path) -> None:
    wanted: dict[str, dict] = {}
    pairs = []
    for line in PAIRS.read_text(encoding="utf-8").splitlines():
        pair = json.loads(line)
        if pair["kind"] in {"none", "rewrite", "partial"}:
            pairs.append(pair)
            wanted[pair["a"]] = wanted[pair["b"]] = {}
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            if record["id"] in wanted:
                wanted[record["id"]] = record

    def usable(record: dict) -> bool:
        words = len(record.get("text", "").split())
        return 100 <= words <= 800 and len(VERB_HIT.findall(record["text"])) >= 3

    def order(pair: dict) -> str:
        return hashlib.sha256(f"{SEED}:{pair['a']}:{pair['b']}".encode()).hexdigest()

    chosen: list[str] = []
    for pair in sorted(pairs, key=order):
        a, b = wanted[pair["a"]], wanted[pair["b"]]
        if a["outlet"] == b["outlet"] or not (usable(a) and usable(b)):
            continue
        if pair["a"] in chosen or pair["b"] in chosen:
            continue
        chosen += [pair["a"], pair["b"]]
        if len(chosen) == 2 * N_PAIRS:
            break
    out_dir.mkdir(parents=True, exist_ok=True)
    for corpus_id in chosen:
        record = wanted[corpus_id]
        (out_dir / f"{corpus_id}.txt").write_text(record["text"], encoding="utf-8")
        meta = {
            "outlet": record["outlet"],
            "url": record.get("url"),
            "published": (record.get("date_extracted") or "")[:10] or None,
        }
        (out_dir / f"{corpus_id}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
        print(corpus_id, record["outlet"])


if __name__ == "__main__":
    main(Path(sys.argv[1]))
