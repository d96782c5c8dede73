"""The metadata sidecar (`--meta FILE`): file name -> outlet, published, url, title."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from storyledger import errors
from storyledger.errors import SidecarError
from storyledger.ingest.dates import parse_date
from storyledger.ingest.notes import checked, note


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

    def __init__(self, entries: dict[str, SidecarEntry], *, path: str = "sidecar") -> None:
        self._entries = entries
        self.path = path

    def lookup(self, source: str) -> SidecarEntry | None:
        """The entry for `source` (e.g. `dir/a.txt` or `dump.jsonl:3`), if the sidecar has one."""
        key = self.key_for(source)
        return self._entries[key] if key is not None else None

    def key_for(self, source: str) -> str | None:
        """The name of the entry `source` matches, if any."""
        candidates = [source]
        path, _, record = source.rpartition(":")
        if record.isdigit() and path:
            candidates.append(f"{Path(path).name}:{record}")
        else:
            candidates.append(Path(source).name)
        return next((key for key in candidates if key in self._entries), None)

    def note_unused(self, matched: set[str], folders: Iterable[Path] = ()) -> None:
        """Warn of each entry that no input matched and that names no file beside the sidecar
        or in a folder the inputs came from (a typo, or a missing file); a file simply not given
        this time is not worth a word."""
        places = {Path(self.path).parent, *folders}
        for name in sorted(set(self._entries) - matched):
            path, _, record = name.rpartition(":")
            file = path if record.isdigit() and path else name
            if not any((place / file).exists() for place in places):
                note(self.path, errors.SIDECAR_UNUSED.format(name=name))

    def __len__(self) -> int:
        return len(self._entries)


def read_json_object(path: str | Path, shape: str) -> dict:
    """A JSON object read from a user's file; `SidecarError` (one line) if it is not one."""
    where = str(path)
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise SidecarError(where, "no such file") from None
    except OSError as exc:
        raise SidecarError(where, f"cannot read ({exc.strerror or type(exc).__name__})") from None
    except RecursionError:
        raise SidecarError(where, "not valid JSON (nested too deeply)") from None
    except ValueError as exc:  # UnicodeDecodeError, JSONDecodeError, a too long integer
        raise SidecarError(where, f"not valid JSON ({str(exc).splitlines()[0]})") from None
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
            outlet=_valid(entry.outlet, "outlet", name, where),
            published=published,
            url=_valid(entry.url, "url", name, where),
            title=_valid(entry.title, "title", name, where),
        )
    return Sidecar(entries, path=where)


def _valid(value: str | None, field: str, name: str, where: str) -> str | None:
    """A sidecar string made storable (lone surrogates replaced, with a warning)."""
    if value is None:
        return None
    return checked(value, field=f"{field} of entry {name!r}", source=where)
