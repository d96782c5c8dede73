"""The metadata sidecar (`--meta FILE`): file name -> outlet, published, url, title."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from storyledger.errors import SidecarError
from storyledger.ingest.dates import parse_date


class _Entry(BaseModel):
    model_config = ConfigDict(extra="ignore")
    outlet: str | None = None
    published: str | None = None
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class SidecarEntry:
    """What a sidecar says of one input; None where it says nothing."""

    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    title: str | None = None


class Sidecar:
    """Looks up an input's entry by its source string, its path, or its file name."""

    def __init__(self, entries: dict[str, SidecarEntry]) -> None:
        self._entries = entries

    def lookup(self, source: str) -> SidecarEntry | None:
        """The entry for `source` (e.g. `dir/a.txt` or `dump.jsonl:3`), if the sidecar has one."""
        candidates = [source]
        path, _, record = source.rpartition(":")
        if record.isdigit() and path:
            candidates.append(f"{Path(path).name}:{record}")
        else:
            candidates.append(Path(source).name)
        for key in candidates:
            if key in self._entries:
                return self._entries[key]
        return None

    def __len__(self) -> int:
        return len(self._entries)


def read_json_object(path: str | Path, shape: str) -> dict:
    """A JSON object read from a user's file; `SidecarError` (one line) if it is not one."""
    where = str(path)
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SidecarError(where, "no such file") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SidecarError(where, f"not valid JSON ({exc})") from None
    if not isinstance(raw, dict):
        raise SidecarError(where, f"must be a JSON object of {shape}")
    return raw


def load_sidecar(path: str | Path) -> Sidecar:
    """Read and validate a sidecar file; raise `SidecarError` with a one-line reason."""
    where = str(path)
    raw = read_json_object(path, "file name -> metadata")
    entries: dict[str, SidecarEntry] = {}
    for name, value in raw.items():
        try:
            entry = _Entry.model_validate(value)
        except ValidationError as exc:
            problem = exc.errors()[0]
            field = ".".join(str(part) for part in problem["loc"]) or "entry"
            raise SidecarError(where, f"entry {name!r}: {field}: {problem['msg']}") from None
        published = parse_date(entry.published)
        if entry.published and published is None:
            raise SidecarError(where, f"entry {name!r}: unreadable date {entry.published!r}")
        entries[name] = SidecarEntry(
            outlet=entry.outlet, published=published, url=entry.url, title=entry.title
        )
    return Sidecar(entries)
