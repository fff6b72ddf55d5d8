"""Check an events gold file against its articles: every span, code, date and coordinate.

Why: the gold is typed by hand from full text; a span that does not round-trip, a sub-type
ACLED does not have or a swapped latitude would silently score khabar wrong.

Usage: python dev/events/check_gold.py GOLD.json ARTICLES_DIR
Exit 0 when the file is sound, 1 with one line per problem otherwise. Does not import khabar.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devset import SpanCheck

# ACLED's event types and sub-event types (ACLED Codebook, 2019 onwards).
SUB_TYPES = {
    "Battles": {"Armed clash", "Government regains territory",
                "Non-state actor overtakes territory"},
    "Explosions/Remote violence": {"Chemical weapon", "Air/drone strike", "Suicide bomb",
                                   "Shelling/artillery/missile attack",
                                   "Remote explosive/landmine/IED", "Grenade"},
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {"Peaceful protest", "Protest with intervention",
                 "Excessive force against protesters"},
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {"Agreement", "Arrests", "Change to group/activity",
                               "Disrupted weapons use", "Headquarters or base established",
                               "Looting/property destruction",
                               "Non-violent transfer of territory", "Other"},
}
DAY = r"\d{4}-\d{2}-\d{2}"
DATE = re.compile(rf"^{DAY}(/{DAY})?$")
REQUIRED = ("id", "event_type", "sub_event_type", "actor1", "location", "country",
            "event_date", "date_precision", "geo_precision", "spans", "acled_codable")


def event_problems(event: dict, docs: set[str], spans: SpanCheck) -> list[str]:
    """What is wrong with one event: missing fields, codes, date, place, toll, spans."""
    where = f"event {event.get('id')}"
    found = [f"{where}: no {key}" for key in REQUIRED if key not in event]
    subs = SUB_TYPES.get(event.get("event_type", ""))
    if subs is None:
        found.append(f"{where}: event_type {event.get('event_type')!r}")
    elif event.get("sub_event_type") not in subs:
        found.append(f"{where}: sub_event_type {event.get('sub_event_type')!r}")
    date = str(event.get("event_date"))
    if not DATE.match(date) or ("/" in date and date.split("/")[0] > date.split("/")[1]):
        found.append(f"{where}: event_date {date!r}")
    lat, lon = event.get("latitude"), event.get("longitude")
    if (lat is None) != (lon is None):
        found.append(f"{where}: latitude and longitude must both be given or both be null")
    elif lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        found.append(f"{where}: coordinates {lat}, {lon}")
    if event.get("geo_precision") not in {1, 2, 3}:
        found.append(f"{where}: geo_precision {event.get('geo_precision')!r}")
    deaths = event.get("fatalities")
    if deaths is not None and (not isinstance(deaths, int) or deaths < 0):
        found.append(f"{where}: fatalities {deaths!r}")
    if not isinstance(event.get("acled_codable"), bool):
        found.append(f"{where}: acled_codable must be true or false")
    if not event.get("spans"):
        found.append(f"{where}: no spans")
    for span in event.get("spans") or []:
        if span.get("doc_id") not in docs:
            found.append(f"{where}: doc {span.get('doc_id')} not in documents")
        spans.check(where, span.get("doc_id", ""), span.get("span"), span.get("text"))
    if sorted(set(event.get("doc_ids") or [])) != sorted({s.get("doc_id")
                                                         for s in event.get("spans") or []}):
        found.append(f"{where}: doc_ids differ from the spans' documents")
    return found


def problems(gold: dict, articles: Path) -> list[str]:
    """Every way the gold disagrees with its articles or with the guidelines' fields."""
    spans = SpanCheck(articles)
    docs = {doc["doc_id"] for doc in gold.get("documents", [])}
    found: list[str] = []
    ids: set[str] = set()
    for event in gold.get("events", []):
        if event.get("id") in ids:
            found.append(f"event {event.get('id')}: duplicate id")
        ids.add(event.get("id"))
        found += event_problems(event, docs, spans)
    for item in gold.get("not_events", []):
        if not item.get("why"):
            found.append(f"not_event at {item.get('doc_id')} {item.get('span')}: no why")
        spans.check("not_event", item.get("doc_id", ""), item.get("span"), item.get("text"))
    return found + spans.problems


def main() -> int:
    gold = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
    found = problems(gold, Path(sys.argv[2]))
    for problem in found:
        print(problem)
    print(f"{len(gold.get('events', []))} events, {len(gold.get('not_events', []))} not_events,"
          f" {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
