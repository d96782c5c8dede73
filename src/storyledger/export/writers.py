"""Write the export document as JSON, or its tables as JSON Lines, CSV or Parquet files.

A CSV cell never holds JSON: a list of words or ids (an actor's aliases, a story's articles)
is one cell of `; `-joined text, and a list of records (an article's blocks, a comparison's
items, a story's copies, framing's loaded terms) is its own file, one row per record, led by
the id of the row it belongs to: `comparison_items.csv` (`comparison`, then the item's
fields), `article_blocks.csv`, `story_copies.csv`, `framing_loaded_terms.csv` and so on.
"""

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
from storyledger.export.contract import arrow_schema, field_names, nested_fields

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
    if fmt == "csv":
        return [
            file for name, rows in tables_of(document).items() for file in _csv(folder, name, rows)
        ]
    writer = {"jsonl": _jsonl, "parquet": _parquet}[fmt]
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


# The column naming the row a nested record belongs to, and the name its file starts with.
_OWNER = {
    "articles": ("article", "id"),
    "stories": ("story", "id"),
    "comparisons": ("comparison", "id"),
    "framing": ("framing", "article"),
}


def _csv(folder: Path, name: str, rows: list[dict]) -> list[Path]:
    nested = nested_fields(name)
    columns = [field for field in field_names(name) if field not in nested]
    files = [_csv_file(folder / f"{name}.csv", columns, rows)]
    for field in nested:
        owner, key = _OWNER[name]
        head = "article" if owner == "framing" else owner
        children = [{head: row[key], **child} for row in rows for child in row[field] or ()]
        fields = [head, *arrow_schema(name).field(field).type.value_type.names]
        files.append(_csv_file(folder / f"{owner}_{field}.csv", fields, children))
    return files


def _csv_file(path: Path, columns: list[str], rows: list[dict]) -> Path:
    def write(handle: Any) -> None:
        writer = csv.DictWriter(handle, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({key: neutralise(_cell(row.get(key))) for key in columns})

    return _atomic(path, write, newline="")


def _cell(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(str(_cell(item)) for item in value)
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
