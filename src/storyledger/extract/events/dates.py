"""Resolve a date expression of a sentence against the article's publication date.

"on Sunday", "Monday night", "this week", "yesterday", "Oct. 7", "May 19, 2025": each becomes a
calendar date with its precision (day, week, month, year). Without a publication date a
relative expression resolves to nothing: the ingest date is never used. Weekdays are the most
recent such day on or before publication (news reports the past), or the next one after it
when the sentence speaks of the future.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from dateparser.date import DateDataParser

Precision = Literal["day", "week", "month", "year"]
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS_OF_DAY = re.compile(r"\s+(?:night|morning|evening|afternoon)$")
_LEAD = re.compile(r"^(?:on|the|by|since|until|from|in)\s+")
_OFFSETS = {
    "today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
}


@dataclass(frozen=True, slots=True)
class ResolvedDate:
    """A calendar date and how precise the text was about it."""

    date: date
    precision: Precision


def resolve_date(
    expression: str, published: date | None, *, future: bool = False
) -> ResolvedDate | None:
    """The date `expression` means for an article published on `published`, or None."""
    text = _LEAD.sub("", " ".join(expression.lower().replace(",", " , ").split())).replace(
        " ,", ","
    )
    text = _PARTS_OF_DAY.sub("", text).strip()
    if published is None or not text:
        return None
    if text in _OFFSETS:
        return ResolvedDate(published + timedelta(days=_OFFSETS[text]), "day")
    weekday = _weekday(text, published, future=future)
    if weekday is not None:
        return weekday
    relative = _relative_period(text, published)
    if relative is not None:
        return relative
    return _explicit(text, published, future=future)


def _weekday(text: str, published: date, *, future: bool) -> ResolvedDate | None:
    words = text.split()
    if not words or words[-1] not in WEEKDAYS or len(words) > 2:
        return None
    target = WEEKDAYS.index(words[-1])
    modifier = words[0] if len(words) == 2 else ""
    if modifier not in ("", "last", "next", "this"):
        return None
    if modifier == "next" or (future and modifier != "last"):
        ahead = (target - published.weekday()) % 7 or 7
        return ResolvedDate(published + timedelta(days=ahead), "day")
    back = (published.weekday() - target) % 7
    if modifier == "last" and back == 0:
        back = 7
    return ResolvedDate(published - timedelta(days=back), "day")


def _relative_period(text: str, published: date) -> ResolvedDate | None:
    match = re.fullmatch(r"(this|last|next|past) (week|month|year)", text)
    if match is None:
        return None
    step = {"this": 0, "past": 0, "last": -1, "next": 1}[match.group(1)]
    unit = match.group(2)
    if unit == "week":
        monday = published - timedelta(days=published.weekday())
        return ResolvedDate(monday + timedelta(weeks=step), "week")
    if unit == "month":
        month_index = published.year * 12 + published.month - 1 + step
        return ResolvedDate(date(month_index // 12, month_index % 12 + 1, 1), "month")
    return ResolvedDate(date(published.year + step, 1, 1), "year")


def _explicit(text: str, published: date, *, future: bool) -> ResolvedDate | None:
    if not re.search(
        r"\d|january|february|march|april|may|june|july|august|september|"
        r"october|november|december|jan\b|feb\b|mar\b|apr\b|jun\b|jul\b|aug\b|"
        r"sept?\b|oct\b|nov\b|dec\b",
        text,
    ):
        return None
    settings = {
        "RELATIVE_BASE": datetime(published.year, published.month, published.day),
        "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found = DateDataParser(languages=["en"], settings=settings).get_date_data(text)
    if found is None or found.date_obj is None:
        return None
    period = found.period if found.period in ("day", "week", "month", "year") else "day"
    day = found.date_obj.date()
    if period == "month":
        day = day.replace(day=1)
    elif period == "year":
        day = day.replace(month=1, day=1)
    return ResolvedDate(day, period)
