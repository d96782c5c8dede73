"""Read the number in a quantity phrase: digits, scale words, number words, vague plurals.

`read_number("2.1 million")` is 2,100,000; `read_number("fifty-seven")` is 57 (number words go
through text2num); `vague_low("hundreds of thousands")` is 200,000, the least the phrase can
mean. No function here looks at the words around the number: qualifiers and ranges are read by
`quantity.py`. Values are computed as `Decimal`s and turned into a float once, at the end, so
"4.1m" is 4,100,000.0 and never 4,099,999.9999999995.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

# The longest number written in words ("nine hundred and ninety-nine billion nine hundred and
# ninety-nine million ... ninety-nine") is 34 tokens; a longer run of numbers is a list, not one
# number, and reading no further keeps the work on a run of n numbers linear, not n squared.
MAX_NUMBER_TOKENS = 64
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "b": 1e9,
    "tn": 1e12,
    "tr": 1e12,
    "mil": 1e6,
    "bln": 1e9,
    "trn": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
    "dozen": 12.0,  # "three dozen", "half a dozen"
    "dozens": 12.0,  # "3 dozens" (alone, "dozens" is vague: `VAGUE`)
}
SMALL_WORDS = {
    "a dozen": 12.0,
    "dozen": 12.0,
    "a score": 20.0,
    "half": 0.5,
    "a half": 0.5,
    "a third": 1 / 3,
    "a quarter": 0.25,
    "two-thirds": 2 / 3,
    "three-quarters": 0.75,
    "a hundred": 100.0,
    "a thousand": 1000.0,
    "a million": 1e6,
    "a billion": 1e9,
    "an hour": 1.0,
    "a day": 1.0,
    "a week": 1.0,
    "a month": 1.0,
    "a year": 1.0,
    "a minute": 1.0,
}
_FRACTIONS = {
    "half": 0.5,
    "a half": 0.5,
    "half a": 0.5,
    "quarter": 0.25,
    "a quarter": 0.25,
    "quarter of a": 0.25,
    "three quarters": 0.75,
    "three-quarters": 0.75,
}
VAGUE = {
    "dozens": 24.0,
    "scores": 40.0,
    "hundreds": 200.0,
    "thousands": 2000.0,
    "tens of thousands": 20000.0,
    "hundreds of thousands": 200000.0,
    "millions": 2e6,
    "tens of millions": 2e7,
    "hundreds of millions": 2e8,
    "billions": 2e9,
}
_DIGITS = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_ATTACHED_SCALE = re.compile(r"^([-+]?\d+(?:\.\d+)?)(k|m|mn|bn|b|tn)$", re.IGNORECASE)


def read_number(phrase: str) -> float | None:
    """The value of a number phrase ("57,575", "2.1 million", "thirteen", "a dozen"), or None."""
    value = read_decimal(phrase)
    return None if value is None else float(value)


def read_decimal(phrase: str) -> Decimal | None:
    """`read_number`, exact: the phrase's value as a `Decimal`."""
    words = _words(phrase)
    if not words:
        return None
    joined = " ".join(words)
    if joined in VAGUE:
        return None
    if joined in SMALL_WORDS:
        return exact(SMALL_WORDS[joined])
    if " and a " in joined and joined.split()[-1] in SCALES:  # "two and a half million"
        head, _, tail = joined.partition(" and a ")
        part = tail.split()
        whole, fraction = read_decimal(head), SMALL_WORDS.get(f"a {part[0]}")
        rest = read_decimal(" ".join(["1", *part[1:]])) if len(part) > 1 else Decimal(1)
        if whole is None or fraction is None or rest is None:
            return None
        if head.split()[-1] in WORD_SCALES:  # "one billion and a half million"
            return whole + exact(fraction) * rest
        return (whole + exact(fraction)) * rest
    if "point" in words[1:-1] and (decimal := _point(words)) is not None:
        return decimal  # "two hundred point zero three", "nought point five"
    if " and " in joined and (mixed := _mixed_fraction(words)) is not None:
        return mixed  # "three and a fifth", "3 million and a half"
    if _grouped(words):  # "40 000", "1 414 021 100": digits grouped by spaces
        return _decimal("".join(words))
    if len(words) <= 2 and (slashed := _slash_fraction(words)) is not None:
        return slashed  # "3/4", "10 1/2"
    if any(word in WORD_SCALES for word in words[:-1]):
        composed = _composed(words)  # "twenty-one trillion three hundred", "4 thousand 300"
        if composed is not None:
            return composed
    scale = Decimal(1)
    while words and words[-1] in SCALES and len(words) > 1:
        scale *= exact(SCALES[words.pop()])
    if scale != 1 and " ".join(words) in _FRACTIONS:  # "half a million", "a quarter million"
        return exact(_FRACTIONS[" ".join(words)]) * scale
    if len(words) == 1:
        single = _single(words[0])
        if single is not None:
            return single * scale
    if words[0] in ("a", "an") and len(words) == 1:
        return scale
    value = _words_value(" ".join(words))
    return value * scale if value is not None else None


# Scale words written out: a number in words is groups below a thousand, each times a falling
# scale ("twenty-one trillion three hundred"); text2num reads no "trillion", "lakh" or digits.
WORD_SCALES = {
    "hundred": 100,
    "thousand": 10**3,
    "lakh": 10**5,
    "million": 10**6,
    "crore": 10**7,
    "billion": 10**9,
    "trillion": 10**12,
}
DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "hundredth": 100,
    "thousandth": 1000,
}
_GROUPS = (
    re.compile(r"^\d{1,3}$"),
    re.compile(r"^\d{3}$"),
    re.compile(r"^\d{3}$"),
    re.compile(r"^\d{3}(?:\.\d+)?$"),
)
_SLASH = re.compile(r"^(\d+)/(\d+)$")
# "1/2", "3/4", "5/8": a written fraction has a small or binary denominator; "9/11" and "24/7"
# are not fractions.
_SLASH_DENOMINATORS = frozenset({2, 3, 4, 5, 8, 10, 16, 32, 64, 100})


def _grouped(words: list[str]) -> bool:
    return (
        len(words) > 1
        and all(_GROUPS[min(i, 2)].match(word) for i, word in enumerate(words[:-1]))
        and bool(_GROUPS[3].match(words[-1]))
    )


def _composed(words: list[str]) -> Decimal | None:
    """Groups of a number below a thousand, each times a falling scale word; or None."""
    total, group, last = Decimal(0), [], None
    for word in [*words, ""]:
        if word and (word not in WORD_SCALES or word == "hundred"):
            if word != "and":
                group.append(word)
            continue
        if not group:
            return None if word else total
        value = _group_value(group)
        scale = WORD_SCALES.get(word, 1)
        if value is None or (last is not None and scale >= last):
            return None
        total, group, last = total + value * scale, [], scale
    return total


def _group_value(group: list[str]) -> Decimal | None:
    """ "twenty one", "3 hundred 21", "two hundred fifty", "2.5": one group of a number."""
    if "hundred" not in group:
        return _small(group)
    at = group.index("hundred")
    head, tail = group[:at], group[at + 1 :]
    top = Decimal(1) if head in ([], ["a"], ["an"]) else _small(head)
    rest = _small(tail) if tail else Decimal(0)
    if top is None or rest is None or not 0 < top < 100 or not 0 <= rest < 100:
        return None
    return top * 100 + rest


def _small(words: list[str]) -> Decimal | None:
    if len(words) == 1 and _DIGITS.match(words[0]):
        return _decimal(words[0].replace(",", ""))
    if any(char.isdigit() for word in words for char in word):
        return None
    return _words_value(" ".join(words))


def _mixed_fraction(words: list[str]) -> Decimal | None:
    """ "three and a fifth", "one and three quarters", "3 million and a half" (a half of a
    million: a fraction after a scale word of a thousand or more is of that scale)."""
    at = len(words) - 1 - words[::-1].index("and")
    head, tail = words[:at], words[at + 1 :]
    if len(tail) != 2 or not head:
        return None
    top = Decimal(1) if tail[0] in ("a", "an", "one") else _small(tail[:1])
    plural = tail[1].endswith("s") and tail[1][:-1] in DENOMINATORS
    bottom = DENOMINATORS.get(tail[1][:-1] if plural else tail[1])
    if tail[1] == "halves":
        bottom, plural = 2, True
    whole = read_decimal(" ".join(head))
    if top is None or bottom is None or whole is None or plural != (top > 1) or top >= bottom:
        return None
    scale = WORD_SCALES.get(head[-1], 1) if len(head) > 1 else 1
    scale = scale if scale >= 1000 else 1
    return whole + top / Decimal(bottom) * scale


_DIGIT_WORDS = {
    "zero": "0",
    "nought": "0",
    "naught": "0",
    "oh": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
}


def _point(words: list[str]) -> Decimal | None:
    """A decimal said in words: the whole part, "point", then digits one by one ("zero three")
    or one number ("seventy-one")."""
    at = words.index("point")
    head, tail = words[:at], words[at + 1 :]
    whole = Decimal(0) if head in (["nought"], ["naught"]) else read_decimal(" ".join(head))
    if all(word in _DIGIT_WORDS for word in tail):
        digits = "".join(_DIGIT_WORDS[word] for word in tail)
    else:
        value = _words_value(" ".join(tail))
        digits = str(value) if value is not None else ""
    if whole is None or not digits.isdecimal() or whole != whole.to_integral_value():
        return None
    return Decimal(f"{'-' if whole < 0 else ''}{abs(whole)}.{digits}")


def _slash_fraction(words: list[str]) -> Decimal | None:
    """ "3/4", "10 1/2": a written fraction, alone or after a whole number."""
    match = _SLASH.match(words[-1])
    if match is None:
        return None
    top, bottom = int(match[1]), int(match[2])
    if not (0 < top < bottom and bottom in _SLASH_DENOMINATORS):
        return None
    whole = Decimal(0)
    if len(words) == 2:
        if not words[0].isdecimal():
            return None
        whole = Decimal(words[0])
    return whole + Decimal(top) / Decimal(bottom)


def vague_low(phrase: str) -> float | None:
    """The least a vague amount means ("thousands" -> 2,000), or None if it is not one."""
    return VAGUE.get(" ".join(_words(phrase)))


def exact(value: float | int | str) -> Decimal:
    """A number as the `Decimal` it was written as: 0.1 is Decimal("0.1"), not its binary float;
    a repeating fraction (1/3) keeps its float's 17 significant digits."""
    if isinstance(value, float) and value != int(value):
        return Decimal(repr(value))
    return Decimal(value if not isinstance(value, float) else int(value))


def _single(word: str) -> Decimal | None:
    if _DIGITS.match(word):
        return _decimal(word.replace(",", ""))
    attached = _ATTACHED_SCALE.match(word)
    if attached:
        return _decimal(attached.group(1)) * exact(SCALES[attached.group(2).lower()])
    if word in SCALES and SCALES[word] >= 100:
        return exact(SCALES[word])
    return _words_value(word)


def _decimal(digits: str) -> Decimal | None:
    try:
        return Decimal(digits)
    except InvalidOperation:
        return None


def _words_value(words: str) -> Decimal | None:
    try:
        return Decimal(text2num(words.replace("-", " "), "en"))
    except ValueError:
        return None


def _words(phrase: str) -> list[str]:
    cleaned = phrase.lower().replace("\u2011", "-").replace("’", "'")
    return [word for word in re.split(r"\s+", cleaned.strip()) if word]
