"""Show and write a benchmark's results: a table on the terminal, indented JSON into
bench/results/ (or where asked), with the machine it ran on."""

from __future__ import annotations

import json
import platform
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any


def write_json(path: str | Path, payload: dict[str, Any]) -> Path:
    """`payload` as indented JSON at `path` (folders made as needed)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(payload, indent=1) + "\n", encoding="utf-8")
    return out


def machine() -> dict[str, str]:
    """The Python and platform a benchmark ran on."""
    return {"python": platform.python_version(), "platform": platform.platform()}


def print_table(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> None:
    """`rows` under `columns`, each cell 12 characters wide (a missing cell is blank)."""
    print("  ".join(f"{c:<12}" for c in columns))
    for row in rows:
        print("  ".join(f"{row.get(c, '')!s:<12}" for c in columns))
