"""Build khabar/extract/lexicons/anercorp_words.tsv from ANERcorp's training split.

A speaker phrase such as «مدير مكتب الإعلام خليفة العبيدي» has no capital letters to say
where the office ends and the name begins. ANERcorp's annotators tell us, word by word, how
often a word is part of a person's name («خليفة», «أحمد», «عبد») and how often it is an
ordinary word («سيطرة», «دعم»). The file keeps, for each folded word tagged B-PERS/I-PERS at
least once or seen at least 3 times, both counts; ``khabar.extract.lexicons`` reads the
shares. Reproducible: the same corpus gives the same file.

Usage: python scripts/build_name_words.py [ANERcorp_train.txt]
(default ../shared/data/ner/ANERcorp_train.txt beside the repository)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from khabar.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = ROOT.parent / "shared" / "data" / "ner" / "ANERcorp_train.txt"
OUT = ROOT / "src" / "khabar" / "extract" / "lexicons" / "anercorp_words.tsv"
MIN_TOTAL = 3

HEADER = """\
# Word counts from ANERcorp (Benajiba et al. 2007), training split (CAMeL Lab split),
# CC BY-SA 4.0 per its public mirror: for each normalized word, how often it is tagged as
# part of a person's name (B-PERS/I-PERS) and how often it occurs. Built by
# scripts/build_name_words.py; do not edit by hand. Used to tell where a title or office
# ends and a name begins.
"""


def main(corpus: Path) -> None:
    person: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for line in corpus.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) != 2:
            continue
        word, tag = normalize(parts[0]), parts[1]
        if not word.isalpha() or len(word) < 2:
            continue
        total[word] += 1
        if tag.endswith("PERS"):
            person[word] += 1
    rows = sorted(
        (word, count, total[word])
        for word in total
        for count in [person[word]]
        if count or total[word] >= MIN_TOTAL
    )
    lines = [HEADER + "word\tas_person\ttotal"]
    lines += [f"{word}\t{count}\t{all_}" for word, count, all_ in rows]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} words -> {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)
