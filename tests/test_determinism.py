"""The same inputs give the same records whatever Python's hash seed: ties are broken by
position or id, never by the iteration order of a set (the Dask engine's workers and a
single process hash strings differently)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import DEMO


def test_records_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / seed
        subprocess.run([sys.executable, "-m", "khabar", "analyze", str(DEMO / "reports"),
                        "--out", str(out), "--no-db", "-q"], check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed})
        outputs.append(out)
    files = sorted(path.name for path in outputs[0].glob("*.jsonl"))
    assert "stories.jsonl" in files and "reuse.jsonl" in files
    for name in files:
        assert (outputs[0] / name).read_bytes() == (outputs[1] / name).read_bytes(), name
