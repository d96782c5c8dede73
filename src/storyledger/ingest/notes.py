"""Strings safe to leave ingest, and the warnings of inputs that were read but changed on the way.

Every string ingest hands on must encode as UTF-8 (SQLite and Parquet refuse lone surrogates).
A change made to an input (replaced bytes, a dropped field) is never silent: it is logged as a
warning by the `storyledger.ingest` logger, one line naming the input; without logging set up,
Python prints warnings on stderr.
"""

from __future__ import annotations

import logging
import re

from storyledger import errors

log = logging.getLogger("storyledger.ingest")

_SURROGATE = re.compile("[\ud800-\udfff]")
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def note(source: str, message: str) -> None:
    """Log a warning about one input: `source: message`, on one line."""
    shown = printable(valid(source))
    log.warning("%s: %s", shown, message, extra={"source": valid(source), "reason": message})


def repaired(text: str) -> tuple[str, int]:
    """`text` with each lone surrogate replaced by U+FFFD (pairs are joined), and their count."""
    if not _SURROGATE.search(text):
        return text, 0
    fixed = text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
    return fixed, fixed.count("\ufffd") - text.count("\ufffd")


def valid(text: str) -> str:
    """`text` made encodable as UTF-8 (lone surrogates replaced), without a word."""
    return repaired(text)[0]


def checked(text: str, *, field: str, source: str) -> str:
    """`text` made encodable as UTF-8; a warning names `field` of `source` if it had to be."""
    fixed, count = repaired(text)
    if count:
        note(source, errors.LONE_SURROGATES.format(count=count, field=field))
    return fixed


def printable(text: str) -> str:
    """`text` on one line: control characters and line separators shown as escapes."""
    return _UNPRINTABLE.sub(lambda match: ascii(match.group())[1:-1], text)
