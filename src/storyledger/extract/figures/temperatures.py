"""Temperatures written with a bare letter ("40C", "-5C", "104F", "40 C"): Celsius or
Fahrenheit only where the sentence speaks of heat or cold, since "3C" is otherwise a name."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.tokens import Span

_GLUED = re.compile(r"^([-−]?\d+(?:\.\d+)?)([CF])\.?$")
_DIGITS = re.compile(r"^[-−]?\d+(?:\.\d+)?$")
_UNITS = {"C": "celsius", "F": "fahrenheit"}
_HEAT_WORDS = frozenset(
    "temperature temperatures degree degrees heat heatwave hot hottest cold coldest warm warmest "
    "warmer colder cool cooler freezing frost chill thermometer mercury celsius fahrenheit high "
    "highs low lows weather forecast".split()
)


def temperature_at(sentence: Span, index: int) -> tuple[int, Decimal, str] | None:
    """The temperature whose number is token `index`: its last token, value and unit."""
    doc = sentence.doc
    token = doc[index]
    found = _GLUED.match(token.text)
    last = index
    if found is not None:
        digits, letter = found.groups()
    elif (
        _DIGITS.match(token.text)
        and index + 1 < sentence.end
        and doc[index + 1].text.rstrip(".") in _UNITS
        and token.whitespace_
    ):
        digits, letter, last = token.text, doc[index + 1].text.rstrip("."), index + 1
    else:
        return None
    if not any(t.lower_ in _HEAT_WORDS for t in sentence):
        return None
    return last, Decimal(digits.replace("−", "-")), _UNITS[letter]
