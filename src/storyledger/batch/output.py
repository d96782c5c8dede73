"""A shard's outputs: one Parquet file per table, written a batch at a time into a temporary
folder that is renamed when the shard is complete, with a `_done.json` marker written last, so
a re-run knows which shards are finished and a shard's memory stays bounded by one batch."""

from __future__ import annotations

import functools
import json
import shutil
import typing
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyledger.model import Article
from storyledger.store.rows import RECORD_TABLES, field_hints, unwrap_optional

DONE = "_done.json"
STAMP_COLUMNS = (
    ("pipeline_version", pa.string()),
    ("model_version", pa.string()),
)
ARTICLE_COLUMNS = (("error", pa.string()), ("capped_from_chars", pa.int64()))
_ARROW = {str: pa.string(), int: pa.int64(), bool: pa.int64(), float: pa.float64()}


@functools.cache
def record_schema(cls: type) -> pa.Schema:
    """A record type's fields as the store keeps them (tuples as JSON text, dates as ISO
    text, flags as integers)."""
    return pa.schema([(name, _arrow_type(hint)) for name, hint in field_hints(cls).items()])


@functools.cache
def batch_schema(table: str) -> pa.Schema:
    """The Parquet schema of one batch table: its record's fields, the article's `error` and
    cap, and the versions."""
    schema = record_schema(Article if table == "articles" else RECORD_TABLES[table])
    extra = (*ARTICLE_COLUMNS, *STAMP_COLUMNS) if table == "articles" else STAMP_COLUMNS
    return pa.schema([*schema, *(pa.field(name, kind) for name, kind in extra)])


def _arrow_type(hint: Any) -> pa.DataType:
    base = unwrap_optional(hint)
    if typing.get_origin(base) is typing.Literal or base is date:
        return pa.string()
    return _ARROW.get(base, pa.string())


class ShardWriter:
    """Writes one shard's tables batch by batch; `finish` makes them visible at once."""

    def __init__(self, folder: Path, tables: tuple[str, ...]) -> None:
        self.folder = folder
        self.tables = tables
        self.partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(self.partial, ignore_errors=True)
        self.partial.mkdir(parents=True)
        self.writers: dict[str, pq.ParquetWriter] = {}

    def write(self, rows_by_table: dict[str, list[dict[str, Any]]]) -> None:
        """Append one batch's rows (a row group per table)."""
        for name, rows in rows_by_table.items():
            if rows:
                self._writer(name).write_table(pa.Table.from_pylist(rows, batch_schema(name)))

    def finish(self, summary: dict[str, Any]) -> None:
        """Close every file (empty tables too), write the marker, replace the old outputs."""
        for name in self.tables:
            self._writer(name).close()
        (self.partial / DONE).write_text(json.dumps(summary, indent=1) + "\n", encoding="utf-8")
        shutil.rmtree(self.folder, ignore_errors=True)
        self.partial.rename(self.folder)

    def abort(self) -> None:
        """Drop what was written; the shard's earlier outputs, if any, stay as they were."""
        for writer in self.writers.values():
            writer.close()
        shutil.rmtree(self.partial, ignore_errors=True)

    def _writer(self, name: str) -> pq.ParquetWriter:
        if name not in self.writers:
            path = self.partial / f"{name}.parquet"
            self.writers[name] = pq.ParquetWriter(path, batch_schema(name))
        return self.writers[name]


def is_done(folder: Path) -> bool:
    """Whether a shard's outputs are complete."""
    return (folder / DONE).exists()


def read_summary(folder: Path) -> dict[str, Any]:
    """The marker of a finished shard: its counts and versions."""
    return json.loads((folder / DONE).read_text(encoding="utf-8"))
