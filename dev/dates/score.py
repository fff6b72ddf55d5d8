"""Score ``khabar.extract.dates`` on the development material.

  python dev/dates/score.py seeds      # the seeds gold (../shared/gold/seeds_gold.json)
  python dev/dates/score.py seeds --dateparser   # the same score for dateparser
  python dev/dates/score.py phrases    # own rules against dateparser on the test phrases
  python dev/dates/score.py weekdays   # «أمس/اليوم + weekday» against SaudiNewsNet dates

seeds: the gold ``dates`` list (dates written as numeric claims: absolute dates, years and
two anaphoric ones) against ``find_dates`` run on the raw seed files, each with its
document's ``publication_date_estimate.best_guess`` (None when that is not a date). A gold
date is found when a mention overlaps its span, resolved right when that mention's value is
the gold's. The gold annotates no date relative to publication («أمس الأحد», «الأيام
الماضية»), so those mentions count as spurious here; they are listed for a look.

phrases: each phrase of ``tests/extract/test_dates.py`` (PHRASES), read by ``find_dates`` and
by ``dateparser.search.search_dates`` (languages=['ar'], RELATIVE_BASE the publication
date). Right when a date found in the phrase has the expected value at the expected
precision (a week: any day of it), or, for a phrase that holds no date, when none is found.

weekdays: how often a weekday written with «أمس»/«اليوم» agrees with the date the corpus
gives its article (SaudiNewsNet ``date_extracted``), and by how many days it is off when it
does not: the evidence for resolving a disagreement to the weekday (see dates.py).
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from khabar.extract.dates import DateMention, find_dates  # noqa: E402

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def _f1(right: int, predicted: int, gold: int) -> str:
    p = right / predicted if predicted else 0.0
    r = right / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.2f}  R {r:.2f}  F1 {f:.2f}"


def _gold_value(item: dict) -> str | None:
    """The gold's date as ISO: the detail's «2018-05-08», a year value, or «(2014)»."""
    detail = str(item.get("detail") or "")
    if match := ISO_DAY.search(detail):
        return match.group()
    if isinstance(item.get("value"), int) and 1900 <= item["value"] <= 2100:
        return str(item["value"])
    match = YEAR.search(detail)
    return match.group() if match else None


def _published(document: dict) -> date | None:
    guess = ((document.get("detail") or {}).get("publication_date_estimate") or {}).get(
        "best_guess") or ""
    match = ISO_DAY.match(guess)
    return date.fromisoformat(match.group()) if match else None


def _dateparser_mentions(raw: str, published: date | None) -> list[DateMention]:
    """dateparser's finds as mentions: located by their text in order, valued at the
    precision the gold asks for (dateparser has none: compared leniently, by prefix)."""
    from dateparser.search import search_dates

    settings = {"RELATIVE_BASE": datetime(published.year, published.month, published.day,
                                          12)} if published else {}
    mentions, at = [], 0
    for quoted, moment in search_dates(raw, languages=["ar"], settings=settings) or []:
        start = raw.find(quoted, at)
        if start < 0:
            continue
        at = start + len(quoted)
        mentions.append(DateMention(start, at, quoted, moment.date().isoformat(), "day",
                                    "absolute"))
    return mentions


def seeds(use_dateparser: bool = False) -> None:
    gold = json.loads((SHARED / "gold" / "seeds_gold.json").read_text(encoding="utf-8"))
    published = {doc["doc_id"]: _published(doc) for doc in gold["documents"]}
    by_doc: dict[str, list[dict]] = {}
    for item in gold["dates"]:
        by_doc.setdefault(item["doc_id"], []).append(item)
    found = right = predicted = offsets_off = 0
    absolute = absolute_right = absolute_found = 0
    spurious: list[tuple[str, DateMention]] = []
    missed: list[dict] = []
    for doc_id in sorted(published):
        raw = (SHARED / "seeds" / doc_id).read_text(encoding="utf-8")
        items = by_doc.get(doc_id, [])
        for item in items:
            start, end = item["span"]
            offsets_off += raw[start:end] != item["text"]
        mentions = (_dateparser_mentions if use_dateparser else find_dates)(
            raw, published[doc_id])
        predicted += len(mentions)
        absolute += sum(m.kind == "absolute" for m in mentions)
        used: set[int] = set()
        for item in items:
            start, end = item["span"]
            match = next((i for i, m in enumerate(mentions)
                          if i not in used and m.start < end and start < m.end), None)
            if match is None:
                missed.append(item)
                continue
            used.add(match)
            mention = mentions[match]
            found += 1
            absolute_found += mention.kind == "absolute"
            expected = _gold_value(item) or "?"
            ok = mention.value == expected or (use_dateparser and mention.value is not None
                                               and mention.value.startswith(expected))
            right += ok
            absolute_right += ok and mention.kind == "absolute"
            print(f"  {'right' if ok else 'WRONG'}  {doc_id[:3]}  {mention.text!r} → "
                  f"{mention.value} (gold {_gold_value(item)})")
        spurious += [(doc_id, m) for i, m in enumerate(mentions) if i not in used]
    total = len(gold["dates"])
    print(f"gold spans checked against the raw files: {total - offsets_off}/{total} match")
    print(f"gold {total}  predicted {predicted}  found {found}  resolved right {right}  "
          f"missed {len(missed)}  spurious {len(spurious)}")
    print(f"span overlap:  {_f1(found, predicted, total)}")
    print(f"span + value:  {_f1(right, predicted, total)}")
    print(f"absolute mentions only ({absolute} predicted): "
          f"span {_f1(absolute_found, absolute, total)};  "
          f"value {_f1(absolute_right, absolute, total)}")
    for item in missed:
        print(f"  missed    {item['doc_id'][:3]}  {item['text']!r}")
    for doc_id, mention in spurious:
        print(f"  spurious  {doc_id[:3]}  {mention.text!r} → {mention.value} "
              f"({mention.kind}, {mention.precision}, weekday_ok={mention.weekday_ok})")


def _dateparser_value(phrase: str, published: date, expected: str | None,
                      precision: str | None, end: str | None) -> bool:
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day, 12)
    found = search_dates(phrase, languages=["ar"], settings={"RELATIVE_BASE": base}) or []
    if expected is None:
        return not found
    return any(_same(moment.date(), expected, precision, end) for _, moment in found)


def _same(day: date, expected: str, precision: str | None, end: str | None) -> bool:
    if precision == "week" and end:
        return expected <= day.isoformat() <= end
    return day.isoformat()[:len(expected)] == expected


def _rules_value(phrase: str, published: date, expected: str | None) -> bool:
    mentions = find_dates(phrase, published)
    if expected is None:
        return not mentions
    return any(m.value == expected for m in mentions)


def phrases() -> None:
    sys.path.insert(0, str(ROOT / "tests" / "extract"))
    from test_dates import PHRASES, PUBLISHED  # the tests' own phrase list

    rules = parser = 0
    for phrase, expected, precision, end in PHRASES:
        by_rules = _rules_value(phrase, PUBLISHED, expected)
        by_parser = _dateparser_value(phrase, PUBLISHED, expected, precision, end)
        rules += by_rules
        parser += by_parser
        print(f"  rules {'✓' if by_rules else '✗'}  dateparser {'✓' if by_parser else '✗'}  "
              f"{phrase}  → {expected}")
    print(f"{len(PHRASES)} phrases: rules right {rules}, dateparser right {parser}")


def weekdays(limit: int = 30_391) -> None:
    path = SHARED / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"
    agree: Counter[str] = Counter()
    offsets: Counter[int] = Counter()
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for n, line in enumerate(lines):
            if n >= limit:
                break
            record = json.loads(line)
            published = date.fromisoformat(record["date_extracted"][:10])
            for mention in find_dates(record["text"], published):
                if mention.kind != "relative" or mention.weekday_ok is None or \
                        mention.text.split()[0].strip("(") in WEEKDAY_FIRST:
                    continue
                agree[str(mention.weekday_ok)] += 1
                if not mention.weekday_ok and mention.value:
                    offsets[(date.fromisoformat(mention.value) - published).days] += 1
    print(f"relative day + weekday: agree {agree['True']}, disagree {agree['False']}")
    print("named weekday's date − date_extracted when they disagree:",
          dict(sorted(offsets.items())))


# A mention that starts with the weekday itself was resolved by it; only «أمس/اليوم» + weekday
# phrases test the metadata date.
WEEKDAY_FIRST = frozenset({"الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس",
                           "الجمعة", "السبت", "يوم", "مساء", "صباح"})


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "seeds"
    if command == "seeds":
        seeds(use_dateparser="--dateparser" in sys.argv)
    else:
        {"phrases": phrases, "weekdays": weekdays}[command]()
