"""When a shard is done, and making it so in an order that survives `kill -9` and power loss.

A shard's files are written into a `.partial-PID-TOKEN` folder of its own (no two writers ever
share one), synced, renamed into place, and only then is the `_done.json` marker written and
the folders synced. A shard is done when its marker is there and every table file the marker
lists is present, readable (its Parquet footer parses) and holds the rows the marker counts;
anything less is redone by the next run, and `import` skips it with the reason. The output
folder's `_shards.json` lists every shard a run was asked for, so a shard killed before it
began is known to be missing too. One run at a time writes an output folder: a run begins by
removing the `.partial` folders earlier runs left behind.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyledger import errors
from storyledger.store.rows import RECORD_TABLES

DONE = "_done.json"
MANIFEST = "_shards.json"
PARTIAL = ".partial"
TABLE_NAMES = ("articles", *RECORD_TABLES)


def partial_folder(folder: Path) -> Path:
    """A fresh, unshared temporary folder beside a shard's folder."""
    token = f"{os.getpid()}-{secrets.token_hex(3)}"
    return folder.with_name(f"{folder.name}{PARTIAL}-{token}")


def publish(partial: Path, folder: Path, summary: dict[str, Any]) -> None:
    """Make a finished temporary folder the shard's outputs: its files synced, the old outputs
    retired, the folder renamed into place, then the marker, then the directories synced."""
    for path in partial.iterdir():
        _fsync(path)
    _fsync(partial)
    retire(folder)
    partial.rename(folder)
    write_json(folder / DONE, summary)
    _fsync(folder.parent)


def retire(folder: Path) -> None:
    """Remove a shard's outputs, its marker first (so a half-removed shard is never done)."""
    if folder.exists():
        (folder / DONE).unlink(missing_ok=True)
        _fsync(folder)
        shutil.rmtree(folder)


def check_done(folder: Path) -> str | None:
    """None when the shard in `folder` is complete, else what is wrong with it."""
    try:
        summary = read_summary(folder)
    except FileNotFoundError:
        return "no done marker"
    except (OSError, ValueError) as exc:
        return f"unreadable {DONE} ({type(exc).__name__})"
    if not isinstance(summary, dict):
        return f"unreadable {DONE} (not an object)"
    expected = dict(summary.get("tables") or dict.fromkeys(TABLE_NAMES))
    if expected.get("articles") is None:  # a marker written before tables were counted
        expected["articles"] = summary.get("articles")
    for name, rows in expected.items():
        path = folder / f"{name}.parquet"
        try:
            found = pq.read_metadata(path).num_rows
        except FileNotFoundError:
            return f"{path.name} missing"
        except (OSError, ValueError, pa.ArrowException) as exc:
            return f"{path.name} unreadable ({type(exc).__name__})"
        if rows is not None and found != rows:
            return f"{path.name} has {found} rows, {DONE} says {rows}"
    return None


def is_done(folder: Path) -> bool:
    """Whether a shard's outputs are complete."""
    return check_done(folder) is None


def read_summary(folder: Path) -> dict[str, Any]:
    """The marker of a finished shard: its counts and versions."""
    return json.loads((folder / DONE).read_text(encoding="utf-8"))


def record_shards(output: Path, shards: dict[str, str]) -> None:
    """Add a run's shards (folder name: input path) to the output folder's list."""
    known = _manifest(output)
    if not shards.keys() - known.keys():
        return
    write_json(output / MANIFEST, {**known, **shards})


def incomplete_shards(output: str | Path) -> dict[str, str]:
    """The shards of an output folder that are not done (folder name: reason)."""
    out = Path(output)
    names = set(_manifest(out))
    for path in out.iterdir():
        if path.is_dir() and not path.name.startswith("_"):
            names.add(path.name.split(PARTIAL)[0])
    found = {}
    for name in sorted(names):
        folder = out / name
        reason = check_done(folder) if folder.is_dir() else "never finished"
        if reason is not None:
            found[name] = errors.INCOMPLETE_SHARD.format(detail=reason)
    return found


def remove_stale_partials(output: Path) -> None:
    """Remove the temporary folders of runs that are over."""
    for path in output.glob(f"*{PARTIAL}*"):
        if path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def write_json(path: Path, document: dict[str, Any]) -> None:
    """Write a JSON file whole or not at all: a synced temporary file renamed over it."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps(document, indent=1) + "\n", encoding="utf-8")
    _fsync(temporary)
    temporary.replace(path)
    _fsync(path.parent)


def _manifest(output: Path) -> dict[str, str]:
    path = output / MANIFEST
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}


def _fsync(path: Path) -> None:
    if os.name == "nt" and path.is_dir():  # Windows cannot open a directory to sync it
        return
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
