"""Write and read the contract's JSON Lines files (one file per record kind)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from khabar.model import RECORD_KINDS


def contract_path(out_dir: Path, kind: str) -> Path:
    return out_dir / f"{kind}.jsonl"


def write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> int:
    """Write records one per line, atomically: a killed run never leaves half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    count = 0
    with temporary.open("w", encoding="utf-8") as stream:
        for record in records:
            stream.write(json.dumps(record, ensure_ascii=False))
            stream.write("\n")
            count += 1
    os.replace(temporary, path)
    return count


def write_contract(out_dir: Path, records_by_kind: dict[str, list[dict[str, Any]]]) -> None:
    """Write every contract file; a kind with no records still gets its (empty) file."""
    for kind in RECORD_KINDS:
        write_jsonl(contract_path(out_dir, kind), records_by_kind.get(kind, []))


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            if line.strip():
                yield json.loads(line)
