"""Read article records from a CSV dump (header row first), one row at a time.

The CSV is read strictly: a quote that is not closed where a field should end is an error, not
the start of a field that swallows the rows after it. The bad row is skipped with its line and
reading starts again on the line after its first, so the rows it would have swallowed are kept.
A row with more or fewer fields than the header is skipped too: its columns cannot be trusted.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyledger import errors
from storyledger.errors import InputError
from storyledger.ingest.dumps import TEXT_FIELDS, DumpRecord, record_of
from storyledger.ingest.lines import dump_lines

FIELD_LIMIT = 64 * 1024 * 1024


class _Lines:
    """The lines of a CSV, numbered; the lines of a bad row after its first can be read again."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines = iter(lines)
        self._again: deque[tuple[int, str]] = deque()
        self._count = 0
        self.row: list[tuple[int, str]] = []

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._again:
            number, line = self._again.popleft()
        else:
            line = next(self._lines)
            self._count += 1
            number = self._count
        self.row.append((number, line))
        return line

    def start(self) -> None:
        """A new row begins."""
        self.row = []

    def first_line(self) -> int:
        """The line number the current row began on."""
        return self.row[0][0] if self.row else self._count

    def again(self) -> None:
        """Read the lines of the current row again, all but its first."""
        self._again.extendleft(reversed(self.row[1:]))


def read_csv(path: Path) -> Iterator[DumpRecord | InputError]:
    """Yield each row's record, or an `InputError` for a bad row; never stop early.

    Raises `OSError` or `InputError` (for the whole file) when the file cannot be read as text.
    """
    csv.field_size_limit(FIELD_LIMIT)
    lines = _Lines(dump_lines(path))
    rows = _rows(csv.reader(lines, strict=True), lines)
    header = next(rows, None)
    if header is None:
        yield InputError(str(path), errors.EMPTY)
        return
    if isinstance(header, InputError):
        yield InputError(str(path), header.reason)
        return
    if not set(header[1]) & set(TEXT_FIELDS):
        yield InputError(str(path), errors.CSV_NO_TEXT_COLUMN)
        return
    names = header[1]
    for number, row in enumerate(rows, start=1):
        source = f"{path}:{number}"
        if isinstance(row, InputError):
            yield InputError(source, row.reason)
        elif len(row[1]) != len(names):
            found, expected = len(row[1]), len(names)
            yield InputError(
                source, errors.CSV_FIELD_COUNT.format(line=row[0], found=found, expected=expected)
            )
        else:
            yield record_of(dict(zip(names, row[1], strict=True)), source)


def _rows(
    reader: Iterator[list[str]], lines: _Lines
) -> Iterator[tuple[int, list[str]] | InputError]:
    """`(first line, fields)` of each row that is not blank, or an `InputError` for a bad one."""
    while True:
        lines.start()
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = lines.first_line()
            lines.again()
            yield InputError("", errors.CSV_BAD_ROW.format(line=line, detail=exc))
            continue
        if row:
            yield lines.first_line(), row
