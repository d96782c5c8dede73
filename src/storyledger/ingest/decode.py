"""Decode the bytes of a text file: byte-order marks, UTF-16 without one, UTF-8 (also with a few
bad bytes, replaced and said so), else the code page charset-normalizer detects."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from storyledger import errors
from storyledger.errors import InputError
from storyledger.ingest.notes import note

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEAR_EQUAL_CHAOS = 0.1
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f", "\v"}
_ASCII_TEXT = frozenset(range(32, 127)) | {9, 10, 13}
SAMPLE = 65536
"""Bytes looked at to tell binary data and UTF-16 without a byte-order mark."""


@dataclass(frozen=True, slots=True, kw_only=True)
class Decoded:
    """A decoded text, its encoding, and how many bad byte sequences became U+FFFD."""

    text: str
    encoding: str
    replaced: int = 0


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str]:
    """Return `(text, encoding)`; raise `InputError` for empty, binary or undecodable data."""
    decoded = decode(data, source=source)
    return decoded.text, decoded.encoding


def decode(data: bytes, *, source: str) -> Decoded:
    """Decode `data`, logging a warning if bytes were replaced; `InputError` if it is no text."""
    if not data.strip():
        raise InputError(source, errors.EMPTY)
    decoded = _checked(_decode(data, source), source)
    if decoded.replaced:
        message = errors.REPLACED_BYTES.format(count=decoded.replaced, encoding=decoded.encoding)
        note(source, message)
    return decoded


def _decode(data: bytes, source: str) -> Decoded:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _lenient(data, encoding)
    wide = utf16_without_bom(data[:SAMPLE])
    if wide:
        return _lenient(data, wide)
    if b"\x00" in data[:SAMPLE]:
        raise InputError(source, errors.BINARY)
    utf8 = _lenient(data, "utf-8")
    if not utf8.replaced or _mostly_utf8(utf8):
        return utf8
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(source, errors.UNDECODABLE)
    best = matches[0]
    # On short texts several legacy code pages fit equally well; windows-1252 is the
    # WHATWG default for Western text, so it wins among near-equal candidates.
    western = next((m for m in matches if m.encoding == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos + _NEAR_EQUAL_CHAOS:
        best = western
    return Decoded(text=str(best), encoding=best.encoding)


def utf16_without_bom(sample: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when most 2-byte units of `sample` are a printable ASCII
    character or line break in that byte order (Latin text), and no unit is NUL-heavy the other way.
    """
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    first, second = sample[0 : 2 * pairs : 2], sample[1 : 2 * pairs : 2]
    for codec, low, high in (("utf-16-le", first, second), ("utf-16-be", second, first)):
        latin = sum(1 for lo, hi in zip(low, high, strict=True) if hi == 0 and lo in _ASCII_TEXT)
        if latin >= 0.7 * pairs and low.count(0) <= 0.05 * pairs:
            return codec
    return None


def _lenient(data: bytes, encoding: str) -> Decoded:
    """Decode with `encoding`; bytes it cannot read become U+FFFD, and are counted."""
    text = data.decode(encoding, errors="replace")
    replaced = 0
    if "\ufffd" in text:
        replaced = len(text) - len(data.decode(encoding, errors="ignore"))
    return Decoded(text=text, encoding=encoding, replaced=replaced)


def _mostly_utf8(decoded: Decoded) -> bool:
    """More well-formed non-ASCII UTF-8 characters than bad byte sequences: stray bytes in a
    UTF-8 text (a legacy code page would garble every accented letter), not a legacy text."""
    text = decoded.text
    good = len(text) - len(text.encode("ascii", errors="ignore")) - text.count("\ufffd")
    return good >= decoded.replaced


def _checked(decoded: Decoded, source: str) -> Decoded:
    sample = decoded.text[:SAMPLE]
    if sample and sum(char in _CONTROL for char in sample) / len(sample) > 0.01:
        raise InputError(source, errors.BINARY)
    return decoded


def normalise_newlines(text: str) -> str:
    """The stored form of an article text: Unix newlines, no NULs, outer blank space removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
