"""Write the export document as JSON, or its tables as JSON Lines, CSV or Parquet files."""

from __future__ import annotations

import csv
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyledger.export.build import tables_of
from storyledger.export.contract import arrow_schema, field_names

FORMATS = ("json", "jsonl", "csv", "parquet")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def write_export(document: dict[str, Any], fmt: str, out: str | Path) -> list[Path]:
    """Write `document` in `fmt` to `out` (a file for json, a folder otherwise); return files."""
    if fmt == "json":
        return [
            _atomic(
                Path(out), lambda handle: json.dump(document, handle, ensure_ascii=False, indent=1)
            )
        ]
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    writer = {"jsonl": _jsonl, "csv": _csv, "parquet": _parquet}[fmt]
    return [writer(folder, name, rows) for name, rows in tables_of(document).items()]


def neutralise(value: Any) -> Any:
    """A CSV cell that a spreadsheet will not run as a formula (OWASP: prefix a quote)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _jsonl(folder: Path, name: str, rows: list[dict]) -> Path:
    def write(handle: Any) -> None:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    return _atomic(folder / f"{name}.jsonl", write)


def _csv(folder: Path, name: str, rows: list[dict]) -> Path:
    def write(handle: Any) -> None:
        writer = csv.DictWriter(handle, fieldnames=field_names(name))
        writer.writeheader()
        for row in rows:
            writer.writerow({key: neutralise(_cell(value)) for key, value in row.items()})

    return _atomic(folder / f"{name}.csv", write, newline="")


def _cell(value: Any) -> Any:
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _parquet(folder: Path, name: str, rows: list[dict]) -> Path:
    table = pa.Table.from_pylist(rows, schema=arrow_schema(name))
    path = folder / f"{name}.parquet"
    temporary = path.with_name(path.name + ".tmp")
    pq.write_table(table, temporary)
    os.replace(temporary, path)
    return path


def _atomic(path: Path, write: Callable[[Any], None], *, newline: str | None = None) -> Path:
    """Write to a temporary name beside `path`, then rename: no half-written export."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with temporary.open("w", encoding="utf-8", newline=newline) as handle:
        write(handle)
    os.replace(temporary, path)
    return path
