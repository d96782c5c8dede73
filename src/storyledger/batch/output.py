"""A shard's outputs: one Parquet file per table, written a batch at a time into a temporary
folder of its own that becomes the shard's folder when the shard is complete, with a
`_done.json` marker written last (`batch/done.py`), so a re-run knows which shards are
finished and a shard's memory stays bounded by one batch. A row Parquet refuses (a lone
surrogate, a value of the wrong type) makes its article an error row, never a failed shard."""

from __future__ import annotations

import functools
import re
import shutil
import typing
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyledger import errors
from storyledger.batch.done import DONE, is_done, partial_folder, publish, read_summary
from storyledger.model import Article
from storyledger.store.rows import RECORD_TABLES, field_hints, unwrap_optional

STAMP_COLUMNS = (
    ("pipeline_version", pa.string()),
    ("model_version", pa.string()),
)
ARTICLE_COLUMNS = (("error", pa.string()), ("capped_from_chars", pa.int64()))
_ARROW = {str: pa.string(), int: pa.int64(), bool: pa.int64(), float: pa.float64()}
_REFUSED = (pa.ArrowException, TypeError, ValueError, OverflowError)
"""What Arrow raises on a value it cannot store (UnicodeEncodeError is a ValueError)."""
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def to_arrow(rows_by_table: dict[str, list[dict[str, Any]]]) -> dict[str, pa.Table]:
    """One batch's rows as tables of the batch schemas. An article with a row Arrow refuses
    keeps its `articles` row, with the `error` and unstorable values blanked, and no records."""
    try:
        return {name: _table(name, rows) for name, rows in rows_by_table.items()}
    except _REFUSED:
        pass
    refused = _refused(rows_by_table)
    tables = {}
    for name, rows in rows_by_table.items():
        if name == "articles":
            kept = [_error_row(r, refused[r["id"]]) if r["id"] in refused else r for r in rows]
        else:
            kept = [row for row in rows if row["article"] not in refused]
        tables[name] = _table(name, kept)
    return tables


def _table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, batch_schema(name))


def _refused(rows_by_table: dict[str, list[dict[str, Any]]]) -> dict[str, str]:
    """The articles with a row Arrow refuses, and why."""
    refused: dict[str, str] = {}
    for name, rows in rows_by_table.items():
        for row in rows:
            article = row["id"] if name == "articles" else row["article"]
            if article in refused:
                continue
            try:
                _table(name, [row])
            except _REFUSED as exc:
                detail = _SURROGATE.sub("\ufffd", f"{type(exc).__name__}: {exc}")
                refused[article] = errors.UNWRITABLE.format(table=name, detail=detail)
    return refused


def _error_row(row: dict[str, Any], reason: str) -> dict[str, Any]:
    """An `articles` row that Arrow takes: lone surrogates become U+FFFD (so offsets still
    hold), other values it refuses become nulls, and the `error` says why."""
    fixed = {}
    for field in batch_schema("articles"):
        value = row.get(field.name)
        if isinstance(value, str):
            value = _SURROGATE.sub("\ufffd", value)
        try:
            pa.array([value], field.type)
        except _REFUSED:
            value = None
        fixed[field.name] = value
    fixed["error"] = "; ".join(filter(None, (fixed["error"], reason)))
    return fixed


class ShardWriter:
    """Writes one shard's tables batch by batch; `finish` makes them visible at once."""

    def __init__(self, folder: Path, tables: tuple[str, ...]) -> None:
        self.folder = folder
        self.tables = tables
        self.partial = partial_folder(folder)
        self.partial.mkdir(parents=True)
        self.writers: dict[str, pq.ParquetWriter] = {}
        self.rows: Counter[str] = Counter()

    def write(self, tables: dict[str, pa.Table]) -> None:
        """Append one batch's tables (a row group each)."""
        for name, table in tables.items():
            if table.num_rows:
                self._writer(name).write_table(table)
                self.rows[name] += table.num_rows

    def finish(self, summary: dict[str, Any]) -> None:
        """Close every file (empty tables too), then publish them with the marker, which
        counts each table's rows."""
        for name in self.tables:
            self._writer(name).close()
        counts = {name: self.rows[name] for name in self.tables}
        publish(self.partial, self.folder, {**summary, "tables": counts})

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


__all__ = ["DONE", "ShardWriter", "batch_schema", "is_done", "read_summary", "to_arrow"]
