"""Exports: khabar's records in the formats analysts merge with their own data.

- ``acled-csv``: ACLED's columns in ACLED's order, so khabar's events load beside ACLED's
  own. ``source`` lists the outlets (copies of one report once), ``notes`` says who gave
  each figure, in the system's neutral voice.
- ``geojson``: a FeatureCollection, one Point per located event; properties are the event.
- ``jsonl``: the contract files; ``parquet``: one table per record kind (pyarrow).

Records come from an analysis folder (``khabar analyze --out``) or from the store.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from khabar.link.actors import inter_of
from khabar.model import RECORD_KINDS
from khabar.resources import load_tsv
from khabar.store.jsonl import contract_path, read_jsonl, write_jsonl

FORMATS = ("acled-csv", "geojson", "jsonl", "parquet")
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
    "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
    "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
    "source_scale", "notes", "fatalities", "tags", "timestamp",
)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
DISORDER = {"Battles": "Political violence", "Explosions/Remote violence": "Political violence",
            "Violence against civilians": "Political violence", "Protests": "Demonstrations",
            "Riots": "Demonstrations", "Strategic developments": "Strategic developments"}
REGIONS_FILE = "store/acled_regions.tsv"


class ExportError(ValueError):
    """An export that cannot be written (unknown format, missing records)."""


def records_from_folder(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """The contract records an analysis folder holds (kinds it lacks are empty)."""
    if not folder.is_dir():
        raise ExportError(f"{folder} is not a folder written by `khabar analyze --out`")
    records = {kind: list(read_jsonl(contract_path(folder, kind)))
               if contract_path(folder, kind).exists() else [] for kind in RECORD_KINDS}
    if not records["articles"]:
        raise ExportError(f"{folder} has no articles.jsonl: not an analysis folder")
    return records


def records_from_store(conn) -> dict[str, list[dict[str, Any]]]:
    """The contract records of a store (``khabar.store.db``)."""
    records: dict[str, list[dict[str, Any]]] = {kind: [] for kind in RECORD_KINDS}
    for kind, record in conn.execute("SELECT kind, record FROM records ORDER BY kind, id"):
        records.setdefault(kind, []).append(json.loads(record))
    columns = ("id", "source", "outlet", "url", "title", "published", "text", "sha256")
    for row in conn.execute(f"SELECT {', '.join(columns)} FROM articles ORDER BY id"):
        records["articles"].append(dict(zip(columns, row, strict=True)))
    return records


def export(records: dict[str, list[dict[str, Any]]], fmt: str, out: Path) -> Path:
    """Write one format; RETURNS the file or folder written."""
    if fmt == "acled-csv":
        write_acled_csv(records["events"], records["articles"], out,
                        records.get("entities", []))
    elif fmt == "geojson":
        write_geojson(records["events"], out)
    elif fmt == "jsonl":
        out.mkdir(parents=True, exist_ok=True)
        for kind, items in records.items():
            write_jsonl(contract_path(out, kind), items)
    elif fmt == "parquet":
        write_parquet(records, out)
    else:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return out


def acled_rows(events: Iterable[dict[str, Any]], articles: Iterable[dict[str, Any]],
               entities: Iterable[dict[str, Any]] = ()) -> list[dict[str, Any]]:
    """Events as ACLED rows (every column, in order; unknown values empty); ``entities``
    name the speakers in the notes."""
    outlets = {article["id"]: article.get("outlet") for article in articles}
    names = {entity["id"]: entity.get("name") or entity["id"] for entity in entities}
    rows = []
    for event in events:
        country = event.get("country")
        codes = _country_codes(country)
        inter1, inter2 = inter_of(event.get("actor1")), inter_of(event.get("actor2"))
        date = event.get("event_date") or ""
        rows.append({
            "event_id_cnty": f"{codes[0] or 'XXX'}{event['id'].removeprefix('evt-')}",
            "event_date": date, "year": date[:4],
            "time_precision": TIME_PRECISION.get(event.get("date_precision") or "", ""),
            "disorder_type": DISORDER.get(event["event_type"], ""),
            "event_type": event["event_type"], "sub_event_type": event["sub_event_type"],
            "actor1": event.get("actor1") or "", "assoc_actor_1": "", "inter1": inter1,
            "actor2": event.get("actor2") or "", "assoc_actor_2": "", "inter2": inter2,
            "interaction": f"{inter1}{inter2}" if inter1 else "",
            "civilian_targeting": "Civilian targeting" if inter2 == "7" else "",
            "iso": codes[1] or "", "region": _region(codes[0]), "country": country or "",
            "admin1": event.get("admin1") or "", "admin2": "", "admin3": "",
            "location": event.get("location") or "",
            "latitude": event.get("latitude") if event.get("latitude") is not None else "",
            "longitude": event.get("longitude") if event.get("longitude") is not None else "",
            "geo_precision": event.get("geo_precision") or "",
            "source": "; ".join(event.get("outlets") or sorted(
                {outlets.get(doc) or doc for doc in event.get("doc_ids") or []})),
            "source_scale": "", "notes": event_notes(event, names),
            "fatalities": event["fatalities"] if event.get("fatalities") is not None else 0,
            "tags": "", "timestamp": "",
        })
    return rows


def event_notes(event: dict[str, Any], names: dict[str, str] | None = None) -> str:
    """A neutral summary: what kind of event, how many reports, and every figure with who
    gave it («according to …, as reported by …»), never a figure in the system's voice.
    ``names``: entity id → name, for the speakers figures are attributed to."""
    reports = len(event.get("doc_ids") or [])
    independent = event.get("independent_sources") or reports
    parts = [f"{event['sub_event_type']} reported in {reports} report"
             f"{'s' if reports != 1 else ''} ({independent} independent)"]
    if event.get("actor1") and event.get("actor1_from"):
        parts.append("actor1 is named in an earlier sentence of the report, not in the "
                     "event's own")
    if len(towns := event.get("split_among") or []) > 1:
        parts.append(f"its sentence tells one event at each of {len(towns)} places "
                     f"({', '.join(towns)}); the sentence's toll is divided evenly among them")
    for figure in event.get("fatalities_reported") or []:
        speaker = figure.get("attributed_to")
        source = (names or {}).get(speaker, speaker) if speaker else "the outlet"
        parts.append(f"«{figure['text']}» killed, according to {source} "
                     f"(report {figure['doc_id']})")
    return "; ".join(parts) + "."


def write_acled_csv(events: list[dict[str, Any]], articles: list[dict[str, Any]],
                    out: Path, entities: list[dict[str, Any]] = ()) -> None:
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        writer.writerows(acled_rows(events, articles, entities))


def geojson(events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """A FeatureCollection of the located events (unlocated ones have no geometry to give)."""
    features = [{
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [event["longitude"], event["latitude"]]},
        "properties": event,
    } for event in events if event.get("latitude") is not None
        and event.get("longitude") is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: list[dict[str, Any]], out: Path) -> None:
    out.write_text(json.dumps(geojson(events), ensure_ascii=False), encoding="utf-8")


def write_parquet(records: dict[str, list[dict[str, Any]]], out: Path) -> None:
    """One Parquet file per record kind; nested fields (spans, values) stay nested."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    for kind, items in records.items():
        if items:
            pq.write_table(pa.Table.from_pylist([_parquet_safe(item) for item in items]),
                           out / f"{kind}.parquet")


def _parquet_safe(record: dict[str, Any]) -> dict[str, Any]:
    """Fields whose shape varies between records (a span or null, mixed lists) as JSON text:
    a Parquet column has one type."""
    return {key: json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict))
            else value for key, value in record.items()}


@cache
def _country_codes(country: str | None) -> tuple[str | None, int | None]:
    """ISO alpha-3 and numeric codes of an English country name."""
    if not country:
        return None, None
    import pycountry

    try:
        found = pycountry.countries.lookup(country)
    except LookupError:
        return None, None
    return found.alpha_3, int(found.numeric)


@cache
def _regions() -> dict[str, str]:
    return {row["iso3"]: row["region"] for row in load_tsv(REGIONS_FILE)}


def _region(iso3: str | None) -> str:
    return _regions().get(iso3 or "", "")
