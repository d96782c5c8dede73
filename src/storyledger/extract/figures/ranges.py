"""Ranges around a number: "30-40", "30 to 40", "between 3% and 4%", "from $2.5 million to $3
million", "1000–5000" in one token; but "fell 12p to 845p" is a change, two values."""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from spacy.tokens import Span

from storyledger.extract.figures.dates import is_year
from storyledger.extract.figures.money import sign_code
from storyledger.extract.figures.names import excluded
from storyledger.extract.figures.numbers import SCALES
from storyledger.extract.figures.reading import Reading, glued_at, is_ordinal, read_at

_RANGE_TOKEN = re.compile(
    r"^(\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)(k|m|bn)?[-–—~](\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)(k|m|bn)?$"
)


_JOINERS = ("-", "‑", "–", "—", "--", "to", "and", "through", "thru")
_CHANGE_VERBS = frozenset(
    "rise rose risen fall fell fallen increase decrease climb drop jump grow grew cut raise reduce "
    "lift lower slip surge soar plunge slide slump tumble gain lose lost shed add boost trim "
    "narrow widen go move change revise up down".split()
)


def range_after(sentence: Span, end: int, first: int) -> Reading | None:
    """ "30-40", "30 to 40", "30 -- 40", "between 3% and 4%", "from $2.5 million to $3
    million", "20-40W": the second number (its unit, if written on it, is the range's)."""
    doc = sentence.doc
    joiner = end + 1
    percent = joiner < sentence.end and doc[joiner].lower_ in ("%", "percent")
    joiner += percent
    if joiner + 1 >= sentence.end or doc[joiner].text.lower() not in _JOINERS:
        return None
    second = joiner + 1
    negative = doc[second].lower_ in ("minus", "negative") and second + 1 < sentence.end
    second += negative  # "minus 10 to minus 5"
    if sign_code(doc[second].text) and second + 1 < sentence.end:
        second += 1
    if not (doc[second].like_num or glued_at(doc[second])) or is_ordinal(doc[second]):
        return None
    if doc[second].lower_ in SCALES:
        return None  # "SGD1.75-billion": a scale word, not a second number
    if doc[joiner].text == "and" and not _between_before(sentence, end):
        return None
    if doc[joiner].text == "to" and _changes(sentence, first):
        return None  # "fell 12p to 845p": a change from one value to another, not a range
    other = read_at(sentence, second)
    if other is None or other.value is None:
        return None
    if negative:
        other = replace(other, value=-other.value)
    after = doc[other.end + 1] if other.end + 1 < sentence.end else None
    if percent and other.unit != "%" and (after is None or after.lower_ not in ("%", "percent")):
        return None  # "2.62% to 9694.73": a share and a level, not one range
    return other


def _changes(sentence: Span, first: int) -> bool:
    """A verb of change just before the first number ("rose from 5% to 6%")."""
    doc = sentence.doc
    window = doc[max(sentence.start, first - 3) : first]
    return any(t.lemma_.lower() in _CHANGE_VERBS or t.lower_ in _CHANGE_VERBS for t in window)


def _between_before(sentence: Span, end: int) -> bool:
    window = sentence.doc[max(sentence.start, end - 4) : end]
    return any(t.lower_ == "between" for t in window)


def shared_scale(first_words: str, second: Span) -> float:
    """ "between 80 and 120 million": the first number shares the second's scale word."""
    if any(word in SCALES for word in first_words.split()):
        return 1.0
    scale = 1.0
    for token in second:
        if token.lower_ in SCALES and SCALES[token.lower_] >= 100:
            scale *= SCALES[token.lower_]
    return scale


def token_range(sentence: Span, index: int) -> tuple[float, float] | None:
    """ "1000–5000", "50—60", "5k-20k", "20~100": a range the tokenizer kept in one token (its
    bounds)."""
    token = sentence.doc[index]
    match = _RANGE_TOKEN.match(token.text)
    if match is None or excluded(token) or is_year(token) or token.ent_type_ == "DATE":
        return None
    low_digits, low_scale, high_digits, high_scale = match.groups()
    low = Decimal(low_digits.replace(",", "")) * _SUFFIX_SCALES[(low_scale or high_scale or "")]
    high = Decimal(high_digits.replace(",", "")) * _SUFFIX_SCALES[high_scale or ""]
    if not low < high:
        return None
    return float(low), float(high)


_SUFFIX_SCALES = {"": Decimal(1), "k": Decimal(1000), "m": Decimal(10**6), "bn": Decimal(10**9)}
