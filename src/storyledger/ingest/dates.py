"""Read publication dates written in any common form into `datetime.date`."""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_SETTINGS = {"RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}


def parse_date(value: object) -> date | None:
    """A date from an ISO string, a free-form string ("May 20, 2025") or a date; else None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text:
        return None
    if _ISO.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None
