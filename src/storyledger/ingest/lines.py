"""The lines of a dump file, decoded the way a text file is (`decode`), streamed when UTF-8."""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path

from storyledger.ingest.decode import SAMPLE, decode, utf16_without_bom

_CHUNK = 1 << 20
_WIDE_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def dump_lines(path: Path) -> Iterator[str]:
    """Each line of `path` with its line end (`\\n`, `\\r\\n` or `\\r`), a leading BOM removed.

    A file that is valid UTF-8 is streamed; any other is read whole and decoded like a text file
    (UTF-16, a few bad bytes replaced with a warning, or a detected code page). Raises `OSError`
    when the file cannot be read and `InputError` when it is no text.
    """
    if _is_utf8(path):
        with path.open("r", encoding="utf-8-sig", newline="") as handle:
            yield from handle
        return
    decoded = decode(path.read_bytes(), source=str(path))
    yield from io.StringIO(decoded.text, newline="")


def _is_utf8(path: Path) -> bool:
    """True when the whole file decodes as UTF-8 (read a chunk at a time) and is not UTF-16/32."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with path.open("rb") as handle:
        head = handle.read(SAMPLE)
        if head.startswith(_WIDE_BOMS) or utf16_without_bom(head) or b"\x00" in head:
            return False
        chunk = head
        while chunk:
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError:
                return False
            chunk = handle.read(_CHUNK)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True
