"""Pick the stories development sample from the SaudiNewsNet dev corpus and write it out.

Why this sample: story clustering is judged on which reports go together, so the sample
needs groups of reports that may be about one story, plus the traps that make clustering
hard (the same topic words about a different story, a week or more apart) and plenty of
reports about nothing else in the sample (most reports of a day are alone in their story).

How (deterministic, and not khabar's own similarity, so a bug there cannot shape its gold):
- title words: folded, prefix «و/ال» stripped, at least three letters, the 400 most common
  title words of the corpus dropped;
- anchors in hash order; an anchor's close neighbours are the reports within 3 days whose
  title shares at least two of its words; an anchor with 3-12 such neighbours gives a group
  of itself and up to 6 neighbours (other outlets first), plus up to 2 traps: reports 6-25
  days away whose title shares at least one of the anchor's words;
- 36 groups, no report in two groups, then 60 single reports in hash order.

Usage: python dev/stories/sample.py OUT_DIR
Writes OUT_DIR/<corpus id>.txt and .meta.json (see devset.write_article) and prints
``group<TAB>role<TAB>id<TAB>outlet<TAB>date``. Does not import khabar.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import corpus_records, write_article

SEED = "stories-2026"
N_GROUPS = 36
N_SINGLES = 60
COMMON_TITLE_WORDS = 400
NEAR_DAYS, TRAP_DAYS = (0, 3), (6, 25)
NEIGHBOURS = (3, 12)
GROUP_SIZE, TRAPS = 7, 2

FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
WORD = re.compile(r"[\u0621-\u064a]+")


def title_words(title: str) -> set[str]:
    words = set()
    for word in WORD.findall((title or "").translate(FOLD)):
        word = re.sub(r"^(و|ف)?(ب|ل|ك)?(ال)?", "", word) or word
        if len(word) >= 3:
            words.add(word)
    return words


def day(record: dict) -> date | None:
    try:
        return date.fromisoformat((record.get("date_extracted") or "")[:10])
    except ValueError:
        return None


def hashed(key: str) -> str:
    return hashlib.sha256(f"{SEED}:{key}".encode()).hexdigest()


def main(out_dir: Path) -> None:
    records = [r for r in corpus_records() if r.get("title") and day(r) and
               50 <= len(r.get("text", "").split()) <= 900]
    counts = Counter(word for r in records for word in title_words(r["title"]))
    common = {word for word, _ in counts.most_common(COMMON_TITLE_WORDS)}
    words = {r["id"]: title_words(r["title"]) - common for r in records}
    by_word: dict[str, list[dict]] = defaultdict(list)
    for record in records:
        for word in words[record["id"]]:
            by_word[word].append(record)

    used: set[str] = set()
    groups: list[list[tuple[str, dict]]] = []
    for anchor in sorted(records, key=lambda r: hashed(r["id"])):
        if len(groups) == N_GROUPS:
            break
        if anchor["id"] in used or len(words[anchor["id"]]) < 2:
            continue
        shared: Counter = Counter()
        for word in words[anchor["id"]]:
            for other in by_word[word]:
                if other["id"] != anchor["id"] and other["id"] not in used:
                    shared[other["id"]] += 1
        near, traps = [], []
        index = {r["id"]: r for w in words[anchor["id"]] for r in by_word[w]}
        for other_id, n in shared.items():
            gap = abs((day(index[other_id]) - day(anchor)).days)
            if n >= 2 and NEAR_DAYS[0] <= gap <= NEAR_DAYS[1]:
                near.append(index[other_id])
            elif TRAP_DAYS[0] <= gap <= TRAP_DAYS[1]:
                traps.append(index[other_id])
        if not NEIGHBOURS[0] <= len(near) <= NEIGHBOURS[1]:
            continue
        near.sort(key=lambda r: (r["outlet"] == anchor["outlet"], hashed(r["id"])))
        traps.sort(key=lambda r: hashed(r["id"]))
        group = [("anchor", anchor)] + [("near", r) for r in near[: GROUP_SIZE - 1]]
        group += [("trap", r) for r in traps[:TRAPS]]
        used.update(r["id"] for _, r in group)
        groups.append(group)
    singles = [r for r in sorted(records, key=lambda r: hashed("single:" + r["id"]))
               if r["id"] not in used][:N_SINGLES]
    groups.append([("single", r) for r in singles])
    for number, group in enumerate(groups):
        for role, record in group:
            write_article(out_dir, record)
            print(number, role, record["id"], record["outlet"], day(record), sep="\t")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
