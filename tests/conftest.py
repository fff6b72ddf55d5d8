"""Shared fixtures: tiny Arabic reports written here, and ../shared when it is present."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
SEEDS_GOLD = SHARED / "gold" / "seeds_gold.json"
CORPUS = SHARED / "data" / "corpus" / "saudinewsnet_dev.jsonl.gz"
DEMO = REPO / "demo"

needs_seeds = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/seeds is absent (developer data, not in the repo)"
)
needs_corpus = pytest.mark.skipif(
    not CORPUS.is_file(), reason="../shared corpus is absent (developer data, not in the repo)"
)

REPORT = (
    "الجيش يعلن السيطرة على حي الساحل\n"
    "\n"
    "قال المتحدث باسم الجيش العقيد سالم الهادي إن قواته سيطرت على حي الساحل بعد معارك "
    "استمرت 3 أيام.\n"
    "\n"
    "وأضاف أن 12 مسلحا سلموا أنفسهم.\n"
)


@pytest.fixture
def report_folder(tmp_path: Path) -> Path:
    """A folder holding one short invented report and its metadata sidecar."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "report.meta.json").write_text(
        '{"outlet": "نبأ الساحل", "url": "https://naba.example/1", "published": "2025-03-10"}',
        encoding="utf-8",
    )
    return folder
