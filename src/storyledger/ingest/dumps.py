"""Read article records from JSON Lines and CSV dumps, one record at a time."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from storyledger import errors
from storyledger.errors import InputError

_FIELD_ALIASES = {
    "text": ("text", "body", "content"),
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date"),
    "outlet": ("outlet", "site", "source_name", "media_name"),
    "url": ("url", "link"),
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
    """Yield each line's record, or an `InputError` for a malformed line; never stop early."""
    with path.open("r", encoding="utf-8", errors="replace", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            source = f"{path}:{number}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                yield InputError(source, errors.MALFORMED_JSON.format(detail=exc.msg))
                continue
            if not isinstance(raw, dict):
                yield InputError(source, errors.NOT_AN_OBJECT)
                continue
            yield _record(raw, source)


def read_csv(path: Path) -> Iterator[DumpRecord | InputError]:
    """Yield each row's record (header row first in the file), or an `InputError`."""
    csv.field_size_limit(64 * 1024 * 1024)
    with path.open("r", encoding="utf-8-sig", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        number = 0
        while True:
            number += 1
            source = f"{path}:{number}"
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield InputError(source, errors.BAD_CSV.format(detail=exc))
                return
            yield _record(row, source)


def _record(raw: dict, source: str) -> DumpRecord | InputError:
    fields = {name: _first(raw, aliases) for name, aliases in _FIELD_ALIASES.items()}
    if not fields["text"]:
        return InputError(source, errors.NO_TEXT_FIELD)
    return DumpRecord(source=source, **fields)


def _first(raw: dict, names: tuple[str, ...]) -> str | None:
    for name in names:
        value = raw.get(name)
        if value is not None and str(value).strip():
            return str(value)
    return None
