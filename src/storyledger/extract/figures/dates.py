"""Numbers that are dates or periods, not figures: days of a month, years, clock times,
the halves and quarters of a game, and numbers inside a DATE or TIME entity."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storyledger.extract.figures.numbers import MAX_NUMBER_TOKENS
from storyledger.extract.figures.reading import is_ordinal

TIME_UNIT_NAMES = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades".split()
)

_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


_SLASHED = re.compile(r"^\d{1,2}/\d{1,2}$")
_WHEN = frozenset({"on", "since", "until", "till", "before", "after", "by"})


def day_of_month(token: Token) -> bool:
    """ "10 Nov 2011", "Nov. 10", "on 3/4": a day next to a month's name, or a day and month
    written with a slash after a preposition of time."""
    if _SLASHED.match(token.text) and token.i > 0 and token.nbor(-1).lower_ in _WHEN:
        return True
    if not (token.text.isdecimal() and 1 <= int(token.text) <= 31):
        return False
    doc = token.doc
    after = doc[token.i + 1].lower_.rstrip(".") if token.i + 1 < len(doc) else ""
    before = doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
    if before == "" and token.i > 1 and doc[token.i - 1].text == ".":
        before = doc[token.i - 2].lower_
    return after in _MONTHS or before in _MONTHS


def half_of_a_game(token: Token) -> bool:
    """ "the second half", "the first quarter": a period of play or of a year; "after half",
    "at half.": half-time (not "cut by half")."""
    if token.lower_ not in ("half", "quarter") or token.i == 0:
        return False
    if is_ordinal(token.nbor(-1)):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        token.lower_ == "half"
        and token.nbor(-1).lower_ in _HALF_TIME
        and (following is None or following.is_punct or following.is_space)
    )


_HALF_TIME = frozenset({"after", "at", "before", "until", "since"})


_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct "
    "oct. nov nov. dec dec. monday tuesday wednesday thursday friday saturday sunday ago last "
    "next this today yesterday tomorrow century era am pm a.m. p.m. morning night evening "
    "noon midnight o'clock".split()
)


def entity_span(token: Token, *, reach: int | None = None) -> Span:
    """The whole named-entity span a token belongs to (the token alone outside entities); with
    `reach`, only its part within `reach` tokens of the token."""
    doc = token.doc
    start, end = token.i, token.i
    first = 0 if reach is None else max(0, token.i - reach)
    stop = len(doc) if reach is None else min(len(doc), token.i + reach + 1)
    while start > first and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < stop and doc[end + 1].ent_iob_ == "I":
        end += 1
    return doc[start : end + 1]


_DECADES = frozenset(
    "twenties thirties forties fifties sixties seventies eighties nineties".split()
)


def decade(token: Token) -> bool:
    """ "the late nineteen eighties", "in his early 20's": a decade of the calendar or of a
    life, not a count."""
    doc = token.doc
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if after is not None and after.lower_ in _DECADES:
        return True
    before = doc[token.i - 1].lower_ if token.i > 0 else ""
    return (
        before in ("early", "mid", "late")
        and after is not None
        and after.lower_ in ("'s", "’s", "s")
        and token.text.isdecimal()
    )


def looks_like_date(token: Token) -> bool:
    """A DATE or TIME entity that really is one: a month, weekday, year, clock time or "ago"
    (looked for near the number: a long run of numbers may be one entity)."""
    entity = entity_span(token, reach=MAX_NUMBER_TOKENS)
    return any(
        t.lower_ in _DATE_WORDS
        or (t.text.isdecimal() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100)
        or t.lower_.endswith("0s")
        or ":" in t.text
        for t in entity
    )


def is_duration(token: Token) -> bool:
    """ "six hours", "four years": a number right before a time unit, not "2008" or "Oct. 7"."""
    following = token.doc[token.i + 1 : token.i + 3]
    return any(t.lower_ in TIME_UNITS for t in following) and not (
        len(token.text) == 4 and token.text.isdecimal()
    )


def ago_after(token: Token) -> bool:
    """ "nine days ago", "two and a half years ago": a point in time counted back from now,
    not a duration."""
    doc = token.doc
    index = token.i + 1
    while index < min(len(doc), token.i + 6) and (
        doc[index].like_num or doc[index].lower_ in ("and", "a", "half", "-")
    ):
        index += 1
    return (
        index + 1 < len(doc) and doc[index].lower_ in TIME_UNITS and doc[index + 1].lower_ == "ago"
    )


def is_year(token: Token) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless it counts a plural noun."""
    if not (token.text.isdecimal() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100):
        return False
    return not (token.head.tag_ in ("NNS", "NNPS") and token.dep_ == "nummod")
