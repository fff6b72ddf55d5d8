"""Exports: ACLED's CSV columns, valid GeoJSON, Parquet tables, and the CLI around them."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
from typer.testing import CliRunner

from khabar.cli import app
from khabar.store.export import ACLED_COLUMNS, acled_rows, event_notes, export, geojson
from khabar.store.jsonl import write_contract

ARTICLE = {"id": "a1", "source": "a1.txt", "outlet": "الأولى", "url": None, "title": None,
           "published": "2025-03-10", "text": "نص", "dropped_lines": [], "sha256": "x"}
EVENT = {
    "id": "evt-0123456789ab", "event_date": "2025-03-09", "date_precision": "day",
    "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Libya (2014-) Libyan National Army",
    "actor2": "Civilians (Libya)", "location": "الكفرة", "admin1": "Kufra",
    "country": "Libya", "latitude": 24.18, "longitude": 23.29, "geo_precision": 1,
    "fatalities": 12, "doc_ids": ["a1"], "outlets": ["الأولى"], "spans": [],
    "fatalities_reported": [{"value": 12, "text": "12 مدنيا", "doc_id": "a1",
                             "attributed_to": None}],
    "independent_sources": 1,
}
UNLOCATED = {**EVENT, "id": "evt-ffffffffffff", "latitude": None, "longitude": None,
             "location": None, "country": None, "fatalities": None, "fatalities_reported": []}


def test_acled_rows_have_acleds_columns_in_order_and_codes() -> None:
    [row] = acled_rows([EVENT], [ARTICLE])
    assert tuple(row) == ACLED_COLUMNS
    assert row["event_id_cnty"].startswith("LBY") and row["iso"] == 434
    assert (row["year"], row["time_precision"], row["disorder_type"]) == (
        "2025", 1, "Political violence")
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "7", "17")
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["region"] == "Northern Africa" and row["source"] == "الأولى"


def test_notes_attribute_every_figure_and_never_state_it() -> None:
    notes = event_notes(EVENT)
    assert "«12 مدنيا» killed, according to the outlet" in notes
    said = {**EVENT, "fatalities_reported": [{**EVENT["fatalities_reported"][0],
                                              "attributed_to": "ent-1"}]}
    [row] = acled_rows([said], [ARTICLE], [{"id": "ent-1", "name": "نادر الصافي"}])
    assert "«12 مدنيا» killed, according to نادر الصافي (report a1)" in row["notes"]


def test_geojson_is_a_feature_collection_of_located_events() -> None:
    collection = json.loads(json.dumps(geojson([EVENT, UNLOCATED])))
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [23.29, 24.18]}
    assert feature["properties"]["id"] == EVENT["id"]


def test_parquet_tables_read_back(tmp_path: Path) -> None:
    records = {"articles": [ARTICLE], "events": [EVENT, UNLOCATED]}
    export(records, "parquet", tmp_path / "tables")
    table = pq.read_table(tmp_path / "tables" / "events.parquet")
    assert table.num_rows == 2
    assert table.column("sub_event_type").to_pylist() == ["Air/drone strike"] * 2


def test_cli_exports_an_analysis_folder(tmp_path: Path) -> None:
    write_contract(tmp_path / "run", {"articles": [ARTICLE], "events": [EVENT]})
    result = CliRunner().invoke(app, ["export", "--from", str(tmp_path / "run"), "--format",
                                      "acled-csv", "--out", str(tmp_path / "events.csv")])
    assert result.exit_code == 0, result.output
    with (tmp_path / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [row["location"] for row in rows] == ["الكفرة"]


def test_cli_refuses_an_unknown_format_and_a_missing_folder(tmp_path: Path) -> None:
    write_contract(tmp_path / "run", {"articles": [ARTICLE], "events": [EVENT]})
    runner = CliRunner()
    bad = runner.invoke(app, ["export", "--from", str(tmp_path / "run"), "--format", "xls",
                              "--out", str(tmp_path / "x")])
    assert bad.exit_code == 2 and "unknown format" in bad.output
    missing = runner.invoke(app, ["export", "--from", str(tmp_path / "nope"), "--format",
                                  "jsonl", "--out", str(tmp_path / "y")])
    assert missing.exit_code == 2
