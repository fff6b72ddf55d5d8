"""Read the data files that ship inside the package (lexicons, patterns, tables).

Files are read on first use, never at import, and cached: they are read-only data.
Every text data file is UTF-8 with ``#`` comment lines; TSV files have a header row.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


def read_text(relative_path: str) -> str:
    """Return the text of a package data file, e.g. ``"clean/boilerplate.tsv"``."""
    return resources.files("khabar").joinpath(relative_path).read_text(encoding="utf-8")


@cache
def load_json(relative_path: str) -> Any:
    return json.loads(read_text(relative_path))


@cache
def load_tsv(relative_path: str) -> tuple[dict[str, str], ...]:
    """Rows of a TSV data file as dicts keyed by its header; ``#`` lines are comments."""
    lines = [
        line
        for line in read_text(relative_path).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    if not lines:
        return ()
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:]:
        cells = line.split("\t")
        cells += [""] * (len(header) - len(cells))
        rows.append({name: cell.strip() for name, cell in zip(header, cells, strict=False)})
    return tuple(rows)


@cache
def load_lines(relative_path: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a list file, stripped."""
    return tuple(
        line.strip()
        for line in read_text(relative_path).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    )
