"""Read article records from JSON Lines dumps, one record at a time, and check their fields.

A record whose text is missing or not a string is skipped with the reason. An optional field
(title, published, outlet, url) that is not a string is dropped with a logged warning, and the
article kept: one bad field should not cost the article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyledger import errors
from storyledger.errors import InputError
from storyledger.ingest.lines import dump_lines
from storyledger.ingest.notes import checked, note

_FIELD_ALIASES = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date"),
    "outlet": ("outlet", "site", "source_name", "media_name"),
    "url": ("url", "link"),
}
TEXT_FIELDS = _FIELD_ALIASES["text"]
DOCUMENT_BYTES = 64 * 1024 * 1024
"""A larger `.jsonl` is not read whole to see whether it is one JSON document."""
_KINDS = {
    bool: "a boolean",
    int: "a number",
    float: "a number",
    list: "an array",
    dict: "an object",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class DumpRecord:
    """One record of a dump: its source string (`path:N`) and its fields as given."""

    source: str
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


def read_jsonl(path: Path) -> Iterator[DumpRecord | InputError]:
    """Yield each line's record, or an `InputError` for a malformed line; never stop early.

    Raises `OSError` or `InputError` (for the whole file) when the file cannot be read as text.
    """
    records = 0
    for number, line in enumerate(dump_lines(path), start=1):
        if not line.strip():
            continue
        records += 1
        source = f"{path}:{number}"
        raw = _parsed(line.rstrip("\r\n"), source)
        if records == 1 and not isinstance(raw, dict) and _one_document(path, line):
            yield InputError(str(path), errors.JSON_DOCUMENT)
            return
        if isinstance(raw, InputError):
            yield raw
        elif not isinstance(raw, dict):
            yield InputError(source, errors.NOT_AN_OBJECT)
        else:
            yield record_of(raw, source)
    if not records:
        yield InputError(str(path), errors.EMPTY)


def _parsed(line: str, source: str) -> object:
    """The JSON value of one line, or an `InputError` saying why it is none."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        detail = f"{exc.msg}: column {exc.colno}"
        return InputError(source, errors.MALFORMED_JSON.format(detail=detail))
    except RecursionError:
        return InputError(source, errors.JSON_TOO_DEEP)
    except ValueError as exc:  # e.g. an integer longer than Python converts
        return InputError(source, errors.MALFORMED_JSON.format(detail=str(exc).split(":")[0]))


def _one_document(path: Path, first: str) -> bool:
    """True when the whole file (of at most `DOCUMENT_BYTES`) is one JSON array or object."""
    if not first.lstrip().startswith(("[", "{")) or path.stat().st_size > DOCUMENT_BYTES:
        return False
    text = "".join(dump_lines(path))
    try:
        json.loads(text)
    except (ValueError, RecursionError):
        return False
    return True


def record_of(raw: dict, source: str) -> DumpRecord | InputError:
    """The record of one dump row; an `InputError` when its text is missing or not a string."""
    fields: dict[str, str] = {}
    for name, aliases in _FIELD_ALIASES.items():
        found = _first(raw, aliases)
        if found is None:
            continue
        key, value = found
        if not isinstance(value, str):
            kind = _KINDS.get(type(value), type(value).__name__)
            problem = errors.WRONG_TYPE.format(field=key, kind=kind)
            if name == "text":
                return InputError(source, problem)
            note(source, errors.FIELD_DROPPED.format(problem=problem))
            continue
        fields[name] = checked(value, field=repr(key), source=source)
    if "text" not in fields:
        return InputError(source, errors.NO_TEXT_FIELD)
    return DumpRecord(source=source, **fields)


def _first(raw: dict, names: tuple[str, ...]) -> tuple[str, object] | None:
    """The first of `names` that `raw` gives a value (a blank string is no value)."""
    for name in names:
        value = raw.get(name)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        return name, value
    return None
