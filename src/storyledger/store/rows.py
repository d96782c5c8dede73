"""Turn records into table rows and back: tuples and nested records as JSON, dates as ISO."""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
import types
import typing
from collections.abc import Callable
from datetime import date
from typing import Any

from storyledger import model
from storyledger.model import (
    Block,
    CitedSource,
    Comparison,
    Event,
    Figure,
    Framing,
    Mention,
    Quote,
    Sentence,
)

RECORD_TABLES: dict[str, type] = {
    "blocks": Block,
    "cited_sources": CitedSource,
    "sentences": Sentence,
    "mentions": Mention,
    "quotes": Quote,
    "figures": Figure,
    "events": Event,
    "framing": Framing,
}
"""Per-article record names (as stages produce them) and the record type of their table."""

CORPUS_TABLES: dict[str, type] = {
    "actors": model.Actor,
    "stories": model.Story,
    "comparisons": Comparison,
}


_AS_IS = frozenset({str, int, float, type(None)})
"""Value types SQLite stores as they are (exactly these: a bool is stored as an int)."""


def to_row(record: Any) -> dict[str, Any]:
    """A record as a row: one column per field."""
    return {name: encode(getattr(record, name)) for name in field_names(type(record))}


def insert_many(conn: sqlite3.Connection, table: str, rows: list[dict[str, Any]]) -> None:
    """Insert rows of one table (each with the same columns) with one statement."""
    if not rows:
        return
    columns = ", ".join(f'"{name}"' for name in rows[0])
    marks = ", ".join("?" * len(rows[0]))
    conn.executemany(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", [tuple(r.values()) for r in rows]
    )


@functools.cache
def field_names(cls: type) -> tuple[str, ...]:
    """The field names of a record type, in order (looked up once per type)."""
    return tuple(f.name for f in dataclasses.fields(cls))


def encode(value: Any) -> Any:
    """A field value as SQLite stores it."""
    if type(value) in _AS_IS:
        return value
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return json.dumps([plain(item) for item in value], ensure_ascii=False)
    return value


def plain(value: Any) -> Any:
    """A value as plain JSON data (records become objects)."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def from_row(cls: type, row: Any) -> Any:
    """Rebuild a record of type `cls` from a row read back from the store."""
    keys = set(row.keys())
    values = {}
    for name, convert in _decoders(cls):
        if name in keys:
            value = row[name]
            values[name] = convert(value) if convert and value is not None else value
    return cls(**values)


def decode(hint: Any, value: Any) -> Any:
    """A stored value back as the field's type."""
    if value is None:
        return None
    convert = _decoder(hint)
    return convert(value) if convert else value


@functools.cache
def _decoders(cls: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Per field of `cls`, how its stored value becomes the field's type (None: as it is)."""
    return tuple((name, _decoder(hint)) for name, hint in field_hints(cls).items())


@functools.cache
def _decoder(hint: Any) -> Callable[[Any], Any] | None:
    base = unwrap_optional(hint)
    if base is bool:
        return bool
    if base is date:
        return date.fromisoformat
    if typing.get_origin(base) is tuple:
        (item_type, *_rest) = typing.get_args(base)

        def items(value: Any) -> tuple:
            found = json.loads(value) if isinstance(value, str) else value
            if dataclasses.is_dataclass(item_type):
                return tuple(from_row(item_type, item) for item in found)
            return tuple(found)

        return items
    return None


@functools.cache
def field_hints(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(model))
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def unwrap_optional(hint: Any) -> Any:
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return options[0] if len(options) == 1 else hint
    return hint
