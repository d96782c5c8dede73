"""Decode the bytes of a text file: byte-order marks, UTF-8, else detected by charset-normalizer."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from storyledger import errors
from storyledger.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_NEAR_EQUAL_CHAOS = 0.1
_CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t", "\f", "\v"}


def decode_bytes(data: bytes, *, source: str) -> tuple[str, str]:
    """Return `(text, encoding)`; raise `InputError` for empty, binary or undecodable data."""
    if not data.strip():
        raise InputError(source, errors.EMPTY)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="strict"), encoding, source)
    if b"\x00" in data[:65536]:
        raise InputError(source, errors.BINARY)
    try:
        return _checked(data.decode("utf-8"), "utf-8", source)
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches:
        raise InputError(source, errors.UNDECODABLE)
    best = matches[0]
    # On short texts several legacy code pages fit equally well; windows-1252 is the
    # WHATWG default for Western text, so it wins among near-equal candidates.
    western = next((m for m in matches if m.encoding == "cp1252"), None)
    if western is not None and western.chaos <= best.chaos + _NEAR_EQUAL_CHAOS:
        best = western
    return _checked(str(best), best.encoding, source)


def _checked(text: str, encoding: str, source: str) -> tuple[str, str]:
    sample = text[:65536]
    if sample and sum(char in _CONTROL for char in sample) / len(sample) > 0.01:
        raise InputError(source, errors.BINARY)
    return text, encoding


def normalise_newlines(text: str) -> str:
    """The stored form of an article text: Unix newlines, no NULs, outer blank space removed."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "").strip()
