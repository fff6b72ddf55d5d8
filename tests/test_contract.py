"""The output contract: field names agree with docs/output.md; every span round-trips."""

import re
from pathlib import Path

import pytest

from khabar.contract import REQUIRED_FIELDS, missing_fields, span_problems
from khabar.model import RECORD_KINDS
from khabar.pipeline import analyze
from khabar.store.jsonl import read_jsonl, write_contract

from .conftest import DEMO, REPO, SEEDS, needs_seeds


def documented_fields() -> dict[str, tuple[str, ...]]:
    table = (REPO / "docs" / "output.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `(\w+)\.jsonl` \|[^|]+\| (.+) \|$", table, flags=re.MULTILINE)
    return {kind: tuple(re.findall(r"`(\w+)`", fields)) for kind, fields in rows}


def test_docs_and_code_list_the_same_contract() -> None:
    assert documented_fields() == REQUIRED_FIELDS
    assert list(REQUIRED_FIELDS) == list(RECORD_KINDS)


def analyze_to(folder: Path, out: Path) -> dict[str, list[dict]]:
    write_contract(out, analyze([folder]).contract_records())
    return {kind: list(read_jsonl(out / f"{kind}.jsonl")) for kind in RECORD_KINDS}


def check_output(records: dict[str, list[dict]]) -> None:
    for kind, kind_records in records.items():
        for record in kind_records:
            assert missing_fields(kind, record) == [], (kind, record.get("id"))
    assert span_problems(records) == []


def test_demo_output_meets_the_contract(tmp_path: Path) -> None:
    records = analyze_to(DEMO / "reports", tmp_path)
    assert len(records["articles"]) == 8
    assert records["statements"] and records["claims"]  # the span check below has work
    check_output(records)


@needs_seeds
def test_seeds_output_meets_the_contract(tmp_path: Path) -> None:
    check_output(analyze_to(SEEDS, tmp_path))


ARTICLE = {"id": "a", "text": "قال المتحدث إن 12 مسلحا قتلوا"}


@pytest.mark.parametrize(
    ("kind", "record"),
    [
        ("claims", {"id": "c", "doc_id": "a", "span": [15, 17], "text": "13"}),
        ("statements", {"id": "s", "doc_id": "a", "content_span": [12, 30], "content": "x",
                        "speaker_span": None, "verb_span": None}),
        ("reuse", {"source_id": "a", "target_id": "a", "citation": None,
                   "passages": [{"source_span": [0, 3], "target_span": [0, 3],
                                 "source_text": "قال", "target_text": "قا"}]}),
        ("entities", {"id": "e", "mentions": [{"doc_id": "a", "span": [4, 11], "text": "متحدث"}]}),
        ("events", {"id": "v", "spans": [{"doc_id": "b", "span": [0, 3], "text": "قال"}]}),
        ("events", {"id": "v", "spans": [],
                    "actor1_from": {"doc_id": "a", "span": [0, 3], "text": "قتل"}}),
        ("claims", {"id": "c", "doc_id": "a", "span": [15, 99], "text": "12"}),
        ("claims", {"id": "c", "doc_id": "a", "span": [15, 17], "text": "12",
                    "period": {"span": [0, 3], "text": "قتل"}}),
        ("comparisons", {"id": "k", "values": [{"doc_id": "a", "span": [15, 17], "text": "13"}]}),
    ],
)
def test_span_checker_catches_every_kind_of_broken_span(kind: str, record: dict) -> None:
    assert len(span_problems({"articles": [ARTICLE], kind: [record]})) == 1


def test_span_checker_passes_good_spans() -> None:
    claim = {"id": "c", "doc_id": "a", "span": [15, 17], "text": "12"}
    assert span_problems({"articles": [ARTICLE], "claims": [claim]}) == []
