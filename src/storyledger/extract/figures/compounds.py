"""Amounts written in two units: "3 dollars 50 cents", "thirteen dollars and forty-five cents",
"17 USD 25", "5 feet 2 inches", "6ft 2in", "7 pounds 3 ounces", "1hr 4 mins" are one figure in
the larger unit; "$1 million and 200,000", "3 billion and 500 million dollars" one amount.

A whole amount takes the smaller unit after it (with "and" or without); a bare number after money
is its cents only where the sentence or clause ends there ("15 dollars and 50."), and after feet
its inches ("6 feet 2") only below twelve.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal
from typing import Any

from spacy.tokens import Span

from storyledger.extract.figures.money import SUBUNITS
from storyledger.extract.figures.numbers import SCALES
from storyledger.extract.figures.reading import read_at

# The smaller unit of a unit of measure: its written forms and its share of the larger unit.
_MINOR: dict[str, tuple[frozenset[str], Decimal, int]] = {
    "foot": (frozenset({"in", "in.", "inch", "inches", '"', "″"}), Decimal(1) / 12, 12),
    "pound": (frozenset({"oz", "oz.", "ounce", "ounces"}), Decimal(1) / 16, 16),
    "hour": (frozenset({"min", "mins", "minute", "minutes"}), Decimal(1) / 60, 60),
    "minute": (frozenset({"sec", "secs", "second", "seconds"}), Decimal(1) / 60, 60),
}
_NO_BARE = frozenset({"pound", "hour", "minute"})  # "7 pounds 3" is no weight in news
_GLUED_INCHES = re.compile(r'^(\d+(?:\.\d+)?)(?:in|"|″)$')
_STOPS = frozenset({".", ",", ";", ":", "!", "?", ")"})


def merge_compounds(sentence: Span, found: list[Any]) -> list[Any]:
    """`found` with each amount in two units made one quantity."""
    merged: list[Any] = []
    reach = -1  # the last token of the last amount made of two
    for quantity in found:
        if quantity.first <= reach:
            continue  # "USD 25" of "17 USD 25", read into the amount before it
        compound = _compound(sentence, quantity)
        reach = compound.last if compound is not None else reach
        if merged and (joined := _scaled_and(sentence, merged[-1], quantity)) is not None:
            merged[-1] = joined
            continue
        merged.append(compound or quantity)
    return merged


def _scaled_and(sentence: Span, before: Any, after: Any) -> Any | None:
    """ "1 million and 200,000 people", "$1 million and 200,000": an amount with a scale word
    and a smaller one joined by "and" are one amount; not after "between", and not money and a
    count of something else ("$1 million and 200,000 shares")."""
    doc = sentence.doc
    scale = SCALES.get(doc[before.number_last].lower_, 0)
    if scale < 1000 or before.qualifier != "exact" or after.qualifier != "exact":
        return None
    if after.first != before.last + 2 or doc[before.last + 1].lower_ != "and":
        return None
    if after.value is None or before.value is None or not 0 < after.value < scale:
        return None
    if any(
        t.lower_ == "between" for t in doc[max(sentence.start, before.first - 3) : before.first]
    ):
        return None
    unit = before.unit or after.unit
    if before.unit is not None and after.unit not in (None, before.unit):
        return None
    following = doc[after.last + 1] if after.last + 1 < sentence.end else None
    counts_else = following is not None and following.pos_ in ("NOUN", "PROPN")
    if before.unit is not None and after.unit is None and counts_else:
        return None
    value = float(Decimal(repr(before.value)) + Decimal(repr(after.value)))
    return replace(
        before,
        last=after.last,
        number_last=after.number_last,
        value=value,
        low=value,
        high=value,
        unit=unit,
    )


def _compound(sentence: Span, quantity: Any) -> Any | None:
    if quantity.value is None or quantity.qualifier == "range" or quantity.unit is None:
        return None
    minor = _minor_units(quantity.unit)
    if minor is None:
        return None
    words, share, below = minor
    whole = Decimal(repr(quantity.value))
    if whole != whole.to_integral_value():
        return None
    doc, position = sentence.doc, quantity.last + 1
    if not doc[quantity.last].is_alpha and quantity.unit not in _MINOR:
        return None  # "10 $ 30": the sign may be the next amount's
    joined = position < sentence.end and doc[position].lower_ == "and"
    position += joined
    if position >= sentence.end:
        return None
    glued = _GLUED_INCHES.match(doc[position].text) if quantity.unit == "foot" else None
    if glued is not None:
        value, last = Decimal(glued[1]), position
    else:
        reading = read_at(sentence, position)
        if reading is None or reading.value is None or reading.currency or reading.unit:
            return None
        value, last = reading.value, reading.end
        if last + 1 < sentence.end and doc[last + 1].lower_ in words:
            last += 1
        elif quantity.unit in _NO_BARE or not _bare_minor(sentence, last, value, below, joined):
            return None
    if not 0 < value < below:
        return None
    total = float(whole + value * share)
    low = total if quantity.low is not None else None
    high = total if quantity.high is not None else None
    return replace(quantity, last=last, number_last=last, value=total, low=low, high=high)


def _minor_units(unit: str) -> tuple[frozenset[str], Decimal, int] | None:
    """The smaller unit's words, its share of `unit` and how many make one `unit`."""
    if unit in _MINOR:
        return _MINOR[unit]
    words = frozenset(word for word, (code, _) in SUBUNITS.items() if code == unit)
    shares = {factor for word, (code, factor) in SUBUNITS.items() if code == unit}
    if not words or shares != {Decimal("0.01")}:
        return None
    return words, Decimal("0.01"), 100


def _bare_minor(sentence: Span, last: int, value: Decimal, below: int, joined: bool) -> bool:
    """A bare whole number as the smaller unit: "15 dollars 50", "15 dollars and 50.", "6 feet
    2"; never a count of something ("$500 and 20 arrests") or a number in a list."""
    if value != value.to_integral_value() or not 0 < value < below:
        return False
    doc = sentence.doc
    following = doc[last + 1] if last + 1 < sentence.end else None
    if following is None or following.text in _STOPS:
        return True
    return not joined and following.pos_ not in ("NOUN", "PROPN", "NUM") and not following.like_num
