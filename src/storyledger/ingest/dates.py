"""Read publication dates written in any common form into `datetime.date`.

Only absolute dates with a four-digit year and a month are read: "yesterday", "2 days ago" or
"May 5" would give a date that depends on the day of the run (a re-run would change it), and in
"May 20" dateparser takes 20 for the year.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import dateparser

_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_SETTINGS = {
    "RETURN_AS_TIMEZONE_AWARE": False,
    "PREFER_DAY_OF_MONTH": "first",
    "PARSERS": ["custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["year", "month"],
}
MAX_CHARS = 200
"""A longer string is not a date (and dateparser would take its time to say so)."""


def parse_date(value: object) -> date | None:
    """A date from an ISO string, a free-form string ("May 20, 2025") or a date; else None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    if not text or len(text) > MAX_CHARS or not _YEAR.search(text):
        return None
    if _ISO.match(text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    parsed = dateparser.parse(text, languages=["en"], settings=_SETTINGS)
    return parsed.date() if parsed else None
