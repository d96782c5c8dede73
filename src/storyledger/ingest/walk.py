"""Walk a folder for input files, saying what it cannot read instead of passing it over.

Hidden files and folders are left out. A folder that cannot be listed, and a file of a read
suffix that is not a regular file (a FIFO, a broken or looping link), come back as problems;
a symbolic link to a folder is not followed (a link loop would never end) and is noted.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from storyledger import errors
from storyledger.ingest.notes import note

_KINDS = (
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def walk_folder(root: Path, suffixes: frozenset[str]) -> Iterator[tuple[Path, str | None]]:
    """`(path, None)` for each file of `suffixes` under `root`, or `(path, reason)` for each
    one (or folder) that cannot be read, in sorted path order."""
    found: list[tuple[Path, str | None]] = []
    _scan(root, suffixes, found)
    yield from sorted(found, key=lambda item: item[0])


def _scan(folder: Path, suffixes: frozenset[str], found: list[tuple[Path, str | None]]) -> None:
    try:
        with os.scandir(folder) as entries:
            children = sorted(entries, key=lambda entry: entry.name)
    except OSError as exc:
        found.append((folder, errors.UNREADABLE_FOLDER.format(detail=reason(exc))))
        return
    for entry in children:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            _scan(path, suffixes, found)
        elif entry.is_symlink() and path.is_dir():
            note(str(path), errors.LINKED_FOLDER)
        elif path.suffix.lower() in suffixes:
            found.append((path, file_problem(path)))


def file_problem(path: Path) -> str | None:
    """Why `path` cannot be read as a file (it is missing, a FIFO, a loop...), or None."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return (
            errors.NOT_FOUND
            if not path.is_symlink()
            else errors.UNREADABLE.format(detail="broken symbolic link")
        )
    except OSError as exc:
        return errors.UNREADABLE.format(detail=reason(exc))
    except ValueError as exc:  # a path with a NUL in it
        return errors.UNREADABLE.format(detail=str(exc))
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return errors.NOT_REGULAR.format(kind=kind)


def reason(exc: OSError) -> str:
    """The short reason of an OS error ("Permission denied"), without the path."""
    return exc.strerror or type(exc).__name__
