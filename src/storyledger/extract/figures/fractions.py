"""Fractions written in words: "A third of", "One fourth of", "two-thirds", "three fifths", and
ratios: "one in five", "two out of three".

A fraction is a numerator ("a", "one", "two", "3") and a denominator word ("third", "quarters").
"a fifth" alone may be an ordinal ("a fifth term"), so a singular denominator after "a" counts
only before "of"; "one fifth" and plural denominators ("two thirds") count, but "quarters"
only hyphenated or before "of" ("for two quarters" is half a year).
"""

from __future__ import annotations

from decimal import Decimal

from spacy.tokens import Span

from storyledger.extract.figures.numbers import DENOMINATORS as WORD_DENOMINATORS
from storyledger.extract.figures.numbers import read_decimal
from storyledger.extract.figures.reading import read_at

# The denominator words but "half" and "halves" ("half", "a half" are read as small words).
DENOMINATORS = {word: n for word, n in WORD_DENOMINATORS.items() if n != 2}
_HYPHENS = ("-", "‑")


def fraction_at(sentence: Span, index: int) -> tuple[int, Decimal] | None:
    """The fraction whose numerator is token `index`: its last token and exact value."""
    doc = sentence.doc
    numerator = doc[index]
    lower = numerator.lower_
    if lower in ("a", "an"):
        top = Decimal(1)
    elif numerator.like_num and "." not in numerator.text:
        top = read_decimal(lower)
    else:
        return None
    if top is None or top <= 0:
        return None
    position = index + 1
    if position < sentence.end and doc[position].text in _HYPHENS and not numerator.whitespace_:
        position += 1
    if position >= sentence.end:
        return None
    word = doc[position].lower_
    plural = word.endswith("s") and word[:-1] in DENOMINATORS
    base = word[:-1] if plural else word
    if base not in DENOMINATORS:
        return None
    followed_by_of = position + 1 < sentence.end and doc[position + 1].lower_ == "of"
    if plural != (top > 1) and not (top == 1 and followed_by_of):
        return None  # "two third", "the first fifths": not a fraction
    if lower in ("a", "an") and not followed_by_of:
        return None
    if base == "quarter" and plural and not (followed_by_of or position > index + 1):
        return None  # "for two quarters": periods of a year, not three-quarters
    return position, top / Decimal(DENOMINATORS[base])


_TIME_WORDS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years".split()
)


def ratio_at(sentence: Span, index: int) -> tuple[int, Decimal] | None:
    """ "one in five", "3 in 10 Americans", "two out of three": a share written as a count in
    a whole; its last token and value. Not "5 in 2010", "2 in 10 minutes" or "9 out of 10"
    when the first is not the smaller."""
    doc = sentence.doc
    position = index + 1
    if position < sentence.end and doc[position].lower_ == "in":
        position += 1
    elif position + 1 < sentence.end and (doc[position].lower_, doc[position + 1].lower_) == (
        "out",
        "of",
    ):
        position += 2
    else:
        return None
    if position >= sentence.end or not doc[index].like_num:
        return None
    reading = read_at(sentence, position)
    if reading is None or reading.value is None or reading.currency or reading.unit:
        return None
    part, whole, last = read_decimal(doc[index].lower_), reading.value, reading.end
    after = doc[last + 1].lower_ if last + 1 < sentence.end else ""
    if part is None or whole is None or not 0 < part < whole or after in _TIME_WORDS:
        return None
    if part != int(part) or whole != int(whole) or doc[position].ent_type_ in ("DATE", "TIME"):
        return None
    if len(doc[position].text) == 4 and doc[position].text.isdecimal():
        return None  # "5 in 2010": a year
    return last, part / whole
