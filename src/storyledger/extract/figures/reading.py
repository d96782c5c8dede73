"""Read one number in a sentence, with what is written on it: sign, scale, currency and unit.

`read_at` reads "US$2.5m", "INR3 trillion", "thirty-four thousand five hundred twenty-one",
"12p", "40W", "25m (82ft)" (metres, not millions: the words after decide) and returns a
`Reading`. `unit_after` reads the unit written after a number ("%", "per cent", "euros", "Hong
Kong dollars", "sq m", "hp", "degrees Celsius"), hyphenated or not ("a 150-hp engine").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Span, Token

from storyledger.extract.figures.money import glued_at, money_word_at
from storyledger.extract.figures.numbers import (
    DENOMINATORS,
    MAX_NUMBER_TOKENS,
    SCALES,
    read_decimal,
)
from storyledger.extract.figures.unit_context import metres_follow, weighs
from storyledger.extract.figures.units import unit_at

ORDINAL_WORDS = frozenset(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twentieth thirtieth hundredth thousandth millionth last next".split()
)
_ORDINAL_DIGITS = re.compile(r"^\d+(?:st|nd|rd|th)$", re.IGNORECASE)
TENS = frozenset("twenty thirty forty fifty sixty seventy eighty ninety".split())
_BEFORE_ONE = TENS | {"hundred"}  # "twenty one", "a hundred one": "one" goes on the number
_UNIT_WORDS = frozenset("one two three four five six seven eight nine".split())
_HYPHENS = ("-", "‑", "–")
_SLASHED = re.compile(r"^\d+/\d+$")
_NARROW_SPACES = ("\u202f", "\u2009", "\u00a0")
_GROUP = re.compile(r"^\d{3}(?:\.\d+)?$")
PERCENT = (("percentage points", "%"), ("percentage point", "%"), ("per cent", "%"))
_PERCENT_WORDS = frozenset({"%", "percent", "percents", "percentage", "pc", "pct"})
_UNIT_WINDOW = 6  # tokens read for a unit: "degrees Celsius", "square kilometres per ..."


@dataclass(frozen=True, slots=True)
class Reading:
    """One number: its last token, its exact value, and the currency or unit written on it."""

    end: int
    value: Decimal | None
    currency: str | None = None
    unit: str | None = None
    approx: bool = False
    needs_scale: bool = False


def is_ordinal(token: Token) -> bool:
    """ "first", "30th": an ordinal word, never a count."""
    return token.lower_ in ORDINAL_WORDS or bool(_ORDINAL_DIGITS.match(token.text))


def read_at(sentence: Span, index: int) -> Reading | None:
    """The number that starts at token `index`, or None when there is none."""
    doc = sentence.doc
    glued = glued_at(doc[index])
    if glued is not None and glued.suffix:
        end, words = index, [glued.core]
    else:
        end, whole = _walk(sentence, index)
        if not whole:
            return None  # a run of numbers longer than any one number
        words = [t.lower_ for t in doc[index : end + 1] if t.text not in _HYPHENS or t.i == index]
        words[-1] = words[-1].rstrip(".") if len(words) > 1 else words[-1]
        if glued is not None:
            words[0] = glued.core
        if len(words) > 1 and _in_list(doc, index, words):
            return None  # "252 259 266 ...": a list of numbers, not digits grouped by spaces
    unit = glued.unit if glued is not None else None
    scale = glued.scale if glued is not None else Decimal(1)
    if glued is not None and glued.suffix.lower() == "m" and metres_follow(doc, end, glued):
        unit, scale = "metre", Decimal(1)
    elif words[-1] == "m" and len(words) > 1 and metres_follow(doc, end, glued):
        unit, words = "metre", words[:-1]
    value = read_decimal(" ".join(words))
    if value is None:
        return None
    factor = glued.factor if glued is not None else Decimal(1)
    needs_scale = glued is not None and glued.needs_scale
    if needs_scale and (scale != 1 or words[-1] in SCALES):
        needs_scale = False
    return Reading(
        end=end,
        value=value * scale * factor,
        currency=glued.currency if glued is not None else None,
        unit=unit,
        approx=glued is not None and glued.approx,
        needs_scale=needs_scale,
    )


def number_end(sentence: Span, index: int) -> int:
    """The last token of the number itself: "2.1 million", "two hundred and fifty",
    "thirty-four thousand five hundred twenty-one" (at most `MAX_NUMBER_TOKENS` on)."""
    return _walk(sentence, index)[0]


def _walk(sentence: Span, index: int) -> tuple[int, bool]:
    """`number_end`, and whether the number ended within `MAX_NUMBER_TOKENS` tokens."""
    doc = sentence.doc
    end = index
    while end + 1 < sentence.end:
        if end - index >= MAX_NUMBER_TOKENS:
            return end, False
        following = doc[end + 1]
        if _blank(following):
            over = _over_blank(doc, end, sentence.end)
            if over is None:
                break
            end = over  # "fifty   two", "three hundred  and  thirty one": extra spaces
            continue
        lower = following.lower_
        if following.i == sentence.end - 1 or doc[following.i + 1].is_punct:
            lower = lower.rstrip(".")  # "lent US$2.5m.": the sentence's full stop
        spelled = not doc[end].text[:1].isdigit()
        if glued_at(following) is not None:
            break
        if (lower in SCALES and SCALES[lower] >= 100) or (
            following.like_num
            and not is_ordinal(following)
            and (lower != "one" or (spelled and doc[end].lower_ in _BEFORE_ONE))
        ):
            end += 1
        elif lower in ("dozen", "dozens") and doc[end].like_num and not is_ordinal(doc[end]):
            end += 1  # "three dozen", "3 dozens"
        elif (
            lower == "point"
            and _digits_after_point(doc, end + 2, sentence.end) > 0
            and not (end > 0 and doc[end - 1].lower_ == "at")  # "at one point"
        ):
            end += 1 + _digits_after_point(doc, end + 2, sentence.end)  # "five point five"
        elif following.text in _NARROW_SPACES and _digit_group(doc, end, sentence.end):
            end += 2  # "40\u202f000": digits grouped by a narrow space
        elif and_a_half(doc, end, sentence.end) or and_a_fraction(doc, end, sentence.end):
            end += 3
        elif (
            doc[end].lower_ == "half"
            and lower in ("a", "an")
            and end + 2 < sentence.end
            and doc[end + 2].lower_ in SCALES
        ):
            end += 2  # "half a million"
        elif (
            doc[end].lower_ == "half"
            and following.text in _HYPHENS
            and end + 4 < sentence.end
            and doc[end + 2].lower_ in ("a", "an")
            and doc[end + 3].text in _HYPHENS
            and doc[end + 4].lower_ in SCALES
            and not (following.whitespace_ or doc[end + 2].whitespace_ or doc[end + 3].whitespace_)
        ):
            end += 4  # "half-a-dozen", "half-a-million"
        elif (
            _hyphenated_words(doc, end, sentence.end)
            or (
                lower == "and"
                and end + 2 < sentence.end
                and doc[end + 2].like_num
                and not is_ordinal(doc[end + 2])
                and (not doc[end + 2].text[0].isdigit() or _hundred_and(doc, end))
                and spelled
            )
            or (
                lower == "of"
                and end + 2 < sentence.end
                and f"{doc[end].lower_} of {doc[end + 2].lower_}"
                in {
                    "tens of thousands",
                    "hundreds of thousands",
                    "tens of millions",
                    "hundreds of millions",
                }
            )
        ):
            end += 2
        else:
            break
    return end, True


def and_a_half(doc: object, end: int, stop: int) -> bool:
    """ "two and a half", "1 and a quarter": a whole number and a fraction of one."""
    return (
        end + 3 < stop
        and doc[end].lower_ not in SCALES
        and doc[end + 1].lower_ == "and"
        and doc[end + 2].lower_ in ("a", "an")
        and doc[end + 3].lower_ in ("half", "quarter")
    )


def and_a_fraction(doc: object, end: int, stop: int) -> bool:
    """ "three and a fifth", "3 million and a half", "one and three quarters": a whole number
    and a fraction written in words."""
    if end + 3 >= stop or doc[end + 1].lower_ != "and" or not doc[end].like_num:
        return False
    top, bottom = doc[end + 2], doc[end + 3].lower_
    numerator = top.lower_ in ("a", "an") or (top.like_num and not is_ordinal(top))
    return numerator and (bottom in DENOMINATORS or bottom.removesuffix("s") in DENOMINATORS)


_SPOKEN_DIGITS = frozenset(
    "zero nought naught oh one two three four five six seven eight nine".split()
)


def _digits_after_point(doc: object, start: int, stop: int) -> int:
    """How many tokens from `start` say the digits after a decimal "point": digits one by
    one ("zero three") or one number in words ("seventy-one": three tokens)."""
    count = 0
    while start + count < stop and doc[start + count].lower_ in _SPOKEN_DIGITS:
        count += 1
    if count or start >= stop or not doc[start].is_alpha or not doc[start].like_num:
        return count
    return 3 if _hyphenated_words(doc, start, stop) else 1


def _blank(token: Token) -> bool:
    """A token of extra spaces between words (not a line break)."""
    return token.is_space and token.text.strip(" ") == ""


def _over_blank(doc: object, end: int, stop: int) -> int | None:
    """Where the number goes on over extra spaces after token `end`, or None."""
    if end + 2 >= stop:
        return None
    after, spelled = doc[end + 2], not doc[end].text[:1].isdigit()
    if after.lower_ in SCALES and SCALES[after.lower_] >= 100:
        return end + 2
    if after.like_num and not is_ordinal(after) and after.lower_ != "one":
        return end + 2
    joined = end + 4 < stop and _blank(doc[end + 3]) and doc[end + 4].like_num
    if after.lower_ == "and" and joined and spelled and not is_ordinal(doc[end + 4]):
        return end + 4
    return None


def _in_list(doc: object, index: int, words: list[str]) -> bool:
    """Digit groups that follow another number, or more groups than a trillion has."""
    if not all(word.replace(".", "").isdecimal() for word in words):
        return False
    return len(words) > 5 or (index > 0 and doc[index - 1].text.isdecimal())


def _digit_group(doc: object, end: int, stop: int) -> bool:
    return end + 2 < stop and doc[end].text.isdecimal() and bool(_GROUP.match(doc[end + 2].text))


def _hundred_and(doc: object, end: int) -> bool:
    """ "3 hundred and 21": digits after "hundred and" (below a hundred) end the number."""
    after = doc[end + 2].text
    return doc[end].lower_ == "hundred" and after.isdecimal() and 0 < int(after) < 100


def _hyphenated_words(doc: object, end: int, stop: int) -> bool:
    """ "thirty-four", "1.75-billion", "2-1/2": a tens word and a unit word, a number and its
    scale word, or a whole number and a fraction, joined by a hyphen."""
    if end + 2 >= stop:
        return False
    dash, unit = doc[end + 1], doc[end + 2]
    joined = dash.text in _HYPHENS and doc[end].whitespace_ == "" and dash.whitespace_ == ""
    spelled = doc[end].lower_ in TENS and unit.lower_ in _UNIT_WORDS
    if doc[end].text.isdecimal() and _SLASHED.match(unit.text):
        return joined  # "2-1/2 years"
    scaled = unit.lower_ in SCALES and SCALES[unit.lower_] >= 1e6
    return joined and (spelled or scaled)


def unit_after(sentence: Span, last: int, *, money: bool) -> tuple[str, Decimal, int] | None:
    """The unit written right after token `last`: its name ("%", an ISO code, a unit), the
    factor to it (pence to pounds), and its last token. `money`: a currency is known already."""
    doc = sentence.doc
    if last + 1 >= sentence.end:
        return None
    following = doc[last + 1]
    window = doc[last + 1 : min(sentence.end, last + _UNIT_WINDOW)]
    text, base = window.text, window.start_char  # a few tokens, not the whole text
    hyphen = (
        following.text in _HYPHENS and doc[last].whitespace_ == "" and not following.whitespace_
    )
    position = 0
    if hyphen:
        if last + 2 >= sentence.end:
            return None
        position = doc[last + 2].idx - base
    lower = text[position : position + 20].lower()
    found: tuple[str, Decimal, int] | None = None
    for phrase, name in PERCENT:  # the longest first: "percentage points", not "... point"
        if lower.startswith(phrase):
            found = (name, Decimal(1), position + len(phrase))
            break
    if found is None and not hyphen and following.lower_ in _PERCENT_WORDS:
        found = ("%", Decimal(1), len(following.text))
    if found is None and not money:
        found = money_word_at(text, position)
        pound = found is not None and text[position : found[2]].lower().startswith("pound")
        if pound and (hyphen or weighs(sentence, last)):
            found = ("pound", Decimal(1), found[2])  # "a 200-pound man": weight, not money
    if found is None and not money:
        measured = unit_at(text, position)
        found = (measured[0], Decimal(1), measured[1]) if measured else None
    if found is None:
        return None
    token = next(
        (t for t in window if t.idx - base + len(t.text.rstrip(".")) == found[2]), None
    )  # "98.6 degrees F.": the unit's token may hold the full stop
    return (found[0], found[1], token.i) if token is not None else None
