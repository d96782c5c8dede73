"""A shard's outputs: one Parquet file per table, written to a temporary name and renamed,
and a `_done.json` marker written last, so a re-run knows which shards are finished."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

DONE = "_done.json"


def is_done(folder: Path) -> bool:
    """Whether a shard's outputs are complete."""
    return (folder / DONE).exists()


def write_shard(
    folder: Path, tables: dict[str, list[dict[str, Any]]], summary: dict[str, Any]
) -> None:
    """Replace a shard's outputs whole: a half-written shard is never taken as done."""
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name, rows in tables.items():
        table = pa.Table.from_pylist(rows) if rows else pa.table({})
        pq.write_table(table, partial / f"{name}.parquet")
    (partial / DONE).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)


def read_summary(folder: Path) -> dict[str, Any]:
    """The marker of a finished shard: its counts and versions."""
    return json.loads((folder / DONE).read_text(encoding="utf-8"))
