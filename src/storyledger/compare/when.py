"""When an article says things happened: the dates it names, as terms for story grouping.

Two events of one kind (two earthquakes, two rehab stays) are told apart first by when they
happened, and the reports of one event name the same days. Each date the text names becomes
terms at the precisions it was written with: `y:2008`, `m:2008-12`, `d:2008-12-11`, and the
day of the month `md:12-11` (which "Dec. 11" shares with "December 11, 2008" when no year or
publication date is known), and a weekday `wd:tuesday`. Relative days ("yesterday", "last
night", "on Tuesday") resolve against the publication date, as news uses them: a weekday is
the most recent such day on or before publication; without a publication date only the
weekday itself is kept. Hand-written patterns (the few forms news writes dates in), because
dateparser's search is too slow to run over every sentence of a corpus.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?"
_YEAR = r"((?:19|20)\d\d)"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_PATTERN = re.compile(
    rf"\b{_MONTH} {_DAY}(?:,? {_YEAR})?\b(?!:)"  # Dec. 11, 2008 / December 11
    rf"|\b{_DAY} {_MONTH}(?:,? {_YEAR})?\b"  # 11 December 2008
    rf"|\b{_MONTH},? {_YEAR}\b"  # December 2008
    rf"|\b(?:in|of|since|until|during|by|from|early|late|mid-?) {_YEAR}\b"  # in 2008
    r"|\b(yesterday|last night|today|tonight|this morning)\b"
    r"|\b(?:last |on |this |early |late )?(monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)\b",
    re.IGNORECASE,
)
_OFFSETS = {"yesterday": -1, "last night": -1, "today": 0, "tonight": 0, "this morning": 0}


def date_terms(text: str, published: date | None) -> list[str]:
    """The terms of every date `text` names (see the module docstring)."""
    found: list[str] = []
    for match in _PATTERN.finditer(text):
        found += _terms(match, published)
    return found


def _terms(match: re.Match[str], published: date | None) -> list[str]:
    groups = [g.lower() if g else None for g in match.groups()]
    if groups[0] is not None:
        return _day_terms(_month(groups[0]), int(groups[1] or 0), groups[2], published)
    if groups[3] is not None:
        return _day_terms(_month(groups[4] or ""), int(groups[3]), groups[5], published)
    if groups[6] is not None:
        return _month_terms(int(groups[7] or 0), _month(groups[6]))
    if groups[8] is not None:
        return [f"y:{groups[8]}"]
    if groups[9] is not None:
        return _resolved(published + timedelta(days=_OFFSETS[groups[9]])) if published else []
    weekday = groups[10] or ""
    if published is None:
        return [f"wd:{weekday}"]
    back = (published.weekday() - _WEEKDAYS.index(weekday)) % 7
    if back == 0 and match.group(0).lower().startswith("last "):
        back = 7
    return [f"wd:{weekday}", *_resolved(published - timedelta(days=back))]


def _month(word: str) -> int:
    prefix = word.rstrip(".")[:3]
    return next((k + 1 for k, name in enumerate(_MONTHS) if name.startswith(prefix)), 0)


def _day_terms(month: int, day: int, year: str | None, published: date | None) -> list[str]:
    if not month or not 1 <= day <= 31:
        return []
    both = f"md:{month:02d}-{day:02d}"
    if year is not None:
        return [both, *_month_terms(int(year), month), _day(year, month, day)]
    if published is None:
        return [both]
    # no year: the latest such day before publication (news reports the past), or next month
    guess = published.year if month <= published.month + 1 else published.year - 1
    return [both, *_month_terms(guess, month), _day(str(guess), month, day)]


def _day(year: str, month: int, day: int) -> str:
    return f"d:{year}-{month:02d}-{day:02d}"


def _month_terms(year: int, month: int) -> list[str]:
    if not 1900 <= year <= 2099 or not month:
        return []
    return [f"y:{year}", f"m:{year}-{month:02d}"]


def _resolved(day: date) -> list[str]:
    return [
        f"md:{day.month:02d}-{day.day:02d}",
        *_month_terms(day.year, day.month),
        _day(str(day.year), day.month, day.day),
    ]
