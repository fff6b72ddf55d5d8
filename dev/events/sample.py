"""Pick the events development sample from the SaudiNewsNet dev corpus and write it out.

Why this sample: events are judged per report sentence, and merged across reports. So the
sample has three parts, all of short articles (80-350 words, so every sentence is read):
- pairs of articles from different outlets on one happening: both report a physical event
  (trigger words and a conflict place), published within a day of each other, sharing many
  words but not copies (word Jaccard 0.25-0.75): these judge cross-report merging;
- single reports of physical events (air strikes, shelling, clashes, bombings, arrests),
  hash-ordered, at most three per outlet;
- articles with event-like words that are not events to code: sports «هجوم/معركة», an
  economic «حرب», threats, plans and anniversaries («سوف/يهدد/ذكرى … هجوم»). These judge
  precision: a system that codes every trigger word fails them.
The screens are rough (the gold is made by reading). Deterministic: the same corpus gives the
same sample.

Usage: python dev/events/sample.py OUT_DIR
       python dev/events/sample.py --held-out OUT_DIR   (the blind held-out sample: another
           seed, no article of dev/events/gold.json, 2 pairs, 12 singles, 4 negatives)
Writes OUT_DIR/articles/<corpus id>.txt (the corpus `text`, unchanged) and .meta.json and
prints the chosen ids with their part. Does not import khabar.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import corpus_records, write_article

SEED = "events-2026"
N_PAIRS = 6
N_SINGLES = 18
N_NEGATIVE = {"sport": 3, "economy": 3, "intent": 4}
# The held-out sample is drawn after the development set was tuned on: a new seed, none of
# the development articles, fewer articles (it is read once, to measure, never to tune).
HELD_OUT = {"seed": "events-heldout-2026", "pairs": 2, "singles": 12,
            "negatives": {"sport": 1, "economy": 1, "intent": 2}}
DEV_GOLD = Path(__file__).resolve().parent / "gold.json"
MIN_WORDS, MAX_WORDS = 80, 350

TRIGGER = re.compile(
    r"غار(?:ة|ات)|قصف|اشتباك|مواجهات|انفجار|تفجير|عبوة|انتحاري|القبض على|اعتقال|سيطر|"
    r"استعاد|تظاهر|مقذوف|كمين|معارك|اغتيال"
)
PLACE = re.compile(
    r"اليمن|صنعاء|عدن|تعز|مأرب|لحج|أبين|الضالع|شبوة|صعدة|حجة|جازان|جيزان|نجران|الحد الجنوبي|"
    r"العراق|بغداد|الأنبار|الرمادي|الفلوجة|بيجي|ديالى|سوري|حلب|دمشق|إدلب|درعا|الزبداني|"
    r"الحسكة|القطيف|الأحساء|سيناء|العريش|ليبيا|بنغازي|درنة|تركيا|أفغانستان|الصومال"
)
CASUALTY = re.compile(r"قتيل|قتلى|مقتل|مصرع|جريح|جرحى|إصابة|القبض|اعتقال|استشهاد")
SPORT = re.compile(r"مباراة|الدوري|المنتخب|اللاعب|المدرب|نادي|الملعب")
SPORT_WAR = re.compile(r"هجوم|معركة|حرب|قصف|انفجار|سيطر|غزو|سلاح|هجمات")
ECONOMY = re.compile(r"الأسعار|النفط|الأسهم|السوق|الاستثمار|الاقتصاد|التضخم")
ECONOMY_WAR = re.compile(r"حرب (?:ال)?(?:أسعار|عملات|تجارية|اقتصادية)|حرب الأسعار|معركة|انهيار")
INTENT = re.compile(
    r"(?:سوف|سي|ست|يهدد|تهدد|تهديد|يعتزم|تعتزم|خطة|خطط|ذكرى|يخطط|تخطط|توعد|يتوعد)\w*\s+"
    r"(?:\S+\s+){0,3}(?:هجوم|هجمات|ضرب|قصف|تفجير|عملية|عمليات|غزو|حرب)"
)
WORD = re.compile(r"[\u0621-\u064a]{4,}")
CLITICS = re.compile(r"^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?")


def hashed(*keys: str) -> str:
    """A stable order that does not follow the corpus's own (outlet, date) order."""
    return hashlib.sha256(":".join((SEED, *keys)).encode()).hexdigest()


def dev_ids() -> set[str]:
    """Corpus ids of the development set's articles (kept out of the held-out sample)."""
    gold = json.loads(DEV_GOLD.read_text(encoding="utf-8"))
    return {doc["doc_id"].removesuffix(".txt") for doc in gold["documents"]}


def words(record: dict) -> int:
    return len(record.get("text", "").split())


def is_event_report(record: dict) -> bool:
    """Reads like a report of a physical event: triggers, a conflict place, a toll or arrest."""
    text = record["text"]
    return (len(TRIGGER.findall(text)) >= 2 and PLACE.search(text) is not None
            and CASUALTY.search(text) is not None)


def negative_kind(record: dict) -> str | None:
    """Which kind of event-like-but-not-an-event article this may be, or None."""
    text = record["text"]
    if is_event_report(record) or CASUALTY.search(text):
        return None
    if len(SPORT.findall(text)) >= 3 and SPORT_WAR.search(text):
        return "sport"
    if len(ECONOMY.findall(text)) >= 3 and ECONOMY_WAR.search(text):
        return "economy"
    if INTENT.search(text) and PLACE.search(text):
        return "intent"
    return None


def title_stems(record: dict) -> set[str]:
    """Title words without leading و/ف/ب/ل/ك/ال: «بقذائف» and «لقذائف» are one word here."""
    stems = (CLITICS.sub("", word) for word in WORD.findall(record.get("title") or ""))
    return {stem for stem in stems if len(stem) >= 4}


def day(record: dict) -> str:
    return (record.get("date_extracted") or "")[:10]


def same_event_pairs(reports: list[dict]) -> list[tuple[str, str]]:
    """Pairs of event reports from two outlets, a day apart at most, sharing many words but
    not copies of each other, and a title word (two stories of one day share words without
    the title's what), in hash order; no article in two pairs."""
    vocab = {r["id"]: set(WORD.findall(r["text"])) for r in reports}
    by_day: dict[str, list[dict]] = {}
    for record in reports:
        by_day.setdefault(day(record), []).append(record)
    found = []
    for record in reports:
        near = [r for d in by_day for r in by_day[d]
                if d and day(record) and abs(int(d.replace("-", "")) -
                                              int(day(record).replace("-", ""))) <= 1]
        for other in near:
            if other["id"] <= record["id"] or other["outlet"] == record["outlet"]:
                continue
            a, b = vocab[record["id"]], vocab[other["id"]]
            jaccard = len(a & b) / max(1, len(a | b))
            if 0.25 <= jaccard <= 0.75 and title_stems(record) & title_stems(other):
                found.append((record["id"], other["id"]))
    chosen: list[tuple[str, str]] = []
    used: set[str] = set()
    for a, b in sorted(found, key=lambda pair: hashed(*pair)):
        if a in used or b in used:
            continue
        chosen.append((a, b))
        used |= {a, b}
        if len(chosen) == N_PAIRS:
            break
    return chosen


def main(out_dir: Path, excluded: set[str]) -> None:
    reports: list[dict] = []
    negatives: dict[str, list[dict]] = {kind: [] for kind in N_NEGATIVE}
    for record in corpus_records():
        if not MIN_WORDS <= words(record) <= MAX_WORDS or record["id"] in excluded:
            continue
        if is_event_report(record):
            reports.append(record)
        elif kind := negative_kind(record):
            negatives[kind].append(record)
    by_id = {record["id"]: record for record in reports}
    chosen: list[tuple[str, str]] = []
    for a, b in same_event_pairs(reports):
        chosen += [(a, "pair"), (b, "pair")]
    used = {corpus_id for corpus_id, _ in chosen}
    per_outlet: dict[str, int] = {}
    singles = 0
    for record in sorted(reports, key=lambda r: hashed(r["id"])):
        if singles == N_SINGLES:
            break
        if record["id"] in used or per_outlet.get(record["outlet"], 0) == 3:
            continue
        per_outlet[record["outlet"]] = per_outlet.get(record["outlet"], 0) + 1
        chosen.append((record["id"], "single"))
        singles += 1
    for kind, wanted in N_NEGATIVE.items():
        for record in sorted(negatives[kind], key=lambda r: hashed(r["id"]))[:wanted]:
            by_id[record["id"]] = record
            chosen.append((record["id"], f"negative-{kind}"))
    for corpus_id, part in chosen:
        record = by_id[corpus_id]
        write_article(out_dir / "articles", record)
        print(corpus_id, part, record["outlet"], day(record), words(record))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--held-out", action="store_true",
                        help="draw the blind held-out sample instead of the development one")
    args = parser.parse_args()
    excluded: set[str] = set()
    if args.held_out:
        SEED, N_PAIRS, N_SINGLES = HELD_OUT["seed"], HELD_OUT["pairs"], HELD_OUT["singles"]
        N_NEGATIVE = HELD_OUT["negatives"]
        excluded = dev_ids()
    main(args.out_dir, excluded)
