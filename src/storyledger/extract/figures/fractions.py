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

# The denominator words but "half" and "halves" ("half", "a half" are read as small words),
# and every ordinal word from "third" to "ninetieth" and of the scales ("three twentieths", "a
# millionth of a second").
_UNIT_ORDINALS = dict(
    zip(
        "first second third fourth fifth sixth seventh eighth ninth".split(),
        range(1, 10),
        strict=True,
    )
)
_TEEN_ORDINALS = dict(
    zip(
        "tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth "
        "eighteenth nineteenth".split(),
        range(10, 20),
        strict=True,
    )
)
_TENS = dict(
    zip(
        "twenty thirty forty fifty sixty seventy eighty ninety".split(),
        range(20, 100, 10),
        strict=True,
    )
)
_TENS_ORDINALS = {word[:-1] + "ieth": n for word, n in _TENS.items()}
_SCALE_ORDINALS = {"millionth": 10**6, "billionth": 10**9, "trillionth": 10**12}
DENOMINATORS = {
    **{word: n for word, n in WORD_DENOMINATORS.items() if n != 2},
    **{word: n for word, n in _UNIT_ORDINALS.items() if n > 2},
    **_TEEN_ORDINALS,
    **_TENS_ORDINALS,
    **_SCALE_ORDINALS,
}
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
    tens, position = _tens_before(sentence, position)
    word = doc[position].lower_
    words = _UNIT_ORDINALS if tens else DENOMINATORS
    plural = word.endswith("s") and word[:-1] in words
    base = word[:-1] if plural else word
    if base not in words:
        return None
    followed_by_of = position + 1 < sentence.end and doc[position + 1].lower_ == "of"
    if plural != (top > 1) and not (top == 1 and followed_by_of):
        return None  # "two third", "the first fifths": not a fraction
    if lower in ("a", "an") and not followed_by_of:
        return None
    if base == "quarter" and plural and not (followed_by_of or position > index + 1):
        return None  # "for two quarters": periods of a year, not three-quarters
    return position, top / Decimal(tens + words[base])


def _tens_before(sentence: Span, position: int) -> tuple[int, int]:
    """ "twenty-fifth", "twenty first": the tens of a compound ordinal denominator, and where
    its unit word is; (0, `position`) when there is none ("twenty seconds" is a time)."""
    doc = sentence.doc
    tens = _TENS.get(doc[position].lower_)
    if tens is None or position + 1 >= sentence.end:
        return 0, position
    unit = position + 1
    hyphen = doc[unit].text in _HYPHENS and not doc[position].whitespace_
    if hyphen and unit + 1 < sentence.end and not doc[unit].whitespace_:
        unit += 1
    word = doc[unit].lower_
    if word.removesuffix("s") not in _UNIT_ORDINALS:
        return 0, position
    if word.startswith("second") and not hyphen:
        return 0, position
    return tens, unit


_DETERMINERS = frozenset("no any every each the this that some".split())
_TIME_WORDS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years".split()
)


def ratio_at(sentence: Span, index: int) -> tuple[int, Decimal] | None:
    """ "one in five", "3 in 10 Americans", "two out of three", "one over three": a share
    written as a count in a whole; its last token and value. Not "5 in 2010", "2 in 10
    minutes" or "9 out of 10" when the first is not the smaller."""
    doc = sentence.doc
    position = index + 1
    if position < sentence.end and doc[position].lower_ == "over":
        return _over(sentence, index)
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


def _over(sentence: Span, index: int) -> tuple[int, Decimal] | None:
    """ "one over three", "1 over 20": a proper fraction said with "over", ending its phrase
    ("120 over 80" is a reading, "10 over 3 days" a period: no fraction)."""
    doc = sentence.doc
    if index + 2 >= sentence.end or not doc[index].like_num:
        return None
    if index > sentence.start and doc[index - 1].lower_ in _DETERMINERS:
        return None  # "no one over 65": a pronoun
    reading = read_at(sentence, index + 2)
    if reading is None or reading.value is None or reading.currency or reading.unit:
        return None
    part, whole, last = read_decimal(doc[index].lower_), reading.value, reading.end
    if part is None or not 0 < part < whole or part != int(part) or whole != int(whole):
        return None
    following = doc[last + 1] if last + 1 < sentence.end else None
    if following is not None and following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM"):
        return None
    return last, part / whole
