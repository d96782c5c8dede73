"""Powers of ten and scientific notation: "1.2 x 10^6", "1.3×10⁶", "3.5e6", "10 to the power
of 3", "ten to the power of six": one figure, its value computed exactly.

The tokenizer splits these forms in many ways ("1.2x10", "^", "6"; "3.5e6" whole), so the
texts of up to `_WINDOW` tokens are joined and matched as one string.
"""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.tokens import Span

from storyledger.extract.figures.numbers import read_decimal

_WINDOW = 6
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_RAISED = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
_OPERATORS = ("x", "X", "×", "*", "^")
_MANTISSA = r"([-+]?\d+(?:\.\d+)?)"
_TIMES_TEN = re.compile(_MANTISSA + r"[x×*·]10(?:\^|\*\*)([-+]?\d{1,3})$", re.IGNORECASE)
_TEN_TO = re.compile(r"10\^([-+]?\d{1,3})$")
_E_NOTATION = re.compile(_MANTISSA + r"e([-+]?\d{1,3})$", re.IGNORECASE)
_POWER_WORDS = ("to", "the", "power", "of")


def power_at(sentence: Span, index: int) -> tuple[int, Decimal] | None:
    """The power of ten (or of another base, said in words) that starts at token `index`: its
    last token and exact value."""
    doc = sentence.doc
    if not doc[index].text[:1].isdigit() and not doc[index].like_num:
        return None
    worded = _power_of(sentence, index)
    if worded is not None:
        return worded
    found = None
    text = ""
    for last in range(index, min(sentence.end, index + _WINDOW)):
        apart = last > index and doc[last - 1].whitespace_ != ""
        if apart and doc[last].text not in _OPERATORS and doc[last - 1].text not in _OPERATORS:
            break  # only the operators may stand apart: "1.2 x 10^6"
        text += _RAISED.sub(lambda m: "^" + m[0].translate(_SUPERSCRIPTS), doc[last].text)
        value = _notation(text)
        if value is not None:
            found = (last, value)
    return found


def _notation(text: str) -> Decimal | None:
    if match := _TIMES_TEN.match(text):
        return Decimal(match[1]) * Decimal(10) ** int(match[2])
    if match := _TEN_TO.match(text):
        return Decimal(10) ** int(match[1])
    if (match := _E_NOTATION.match(text)) and _scientific(match[1], match[2]):
        return Decimal(match[1]) * Decimal(10) ** int(match[2])
    return None


def _scientific(mantissa: str, exponent: str) -> bool:
    """ "3.5e6", "1e10", "-12e-1" are E notation; "the 7E7" (a digit, a letter, a digit) names
    a model."""
    return "." in mantissa or exponent[:1] in "+-" or len(exponent) > 1


def _power_of(sentence: Span, index: int) -> tuple[int, Decimal] | None:
    """ "10 to the power of 3", "ten to the power of six"."""
    doc = sentence.doc
    words = index + 1 + len(_POWER_WORDS)
    if words >= sentence.end:
        return None
    if tuple(t.lower_ for t in doc[index + 1 : words]) != _POWER_WORDS:
        return None
    base, exponent = read_decimal(doc[index].lower_), read_decimal(doc[words].lower_)
    if base is None or exponent is None or exponent != int(exponent) or abs(exponent) > 100:
        return None
    return words, base ** int(exponent)
