"""Money and glued numbers: currency signs and codes, currency names, sub-units, scale words.

"US$2.5m", "INR3", "RM4.10", "12p", "3pc", "40W", "~60": spaCy keeps such a number in one token
with letters before or after it; `split_glued` reads the token's parts. The tables are
`storyledger/data/currencies.json` (ISO 4217 codes) and `units.json`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from storyledger.data_files import read_data
from storyledger.extract.figures.units import unit_at

if TYPE_CHECKING:
    from spacy.tokens import Token

_DATA = read_data("currencies.json")
SIGNS: dict[str, str] = _DATA["signs"]
SCALE_ONLY_SIGNS: dict[str, str] = _DATA["after_scale_only"]
CODES = frozenset(_DATA["codes"].split()) - frozenset(_DATA["excluded_codes"].split())
_LOWER_CODES = {
    code: "XBT" if code == "btc" else code.upper() for code in _DATA["lowercase_codes"].split()
}
_LOWER_CODES["rmb"] = "CNY"
WORDS: dict[str, str] = _DATA["words"]
SUBUNITS: dict[str, tuple[str, Decimal]] = {
    word: (code, Decimal(factor)) for word, (code, factor) in _DATA["subunits"].items()
}
MONEY_SCALES: dict[str, Decimal] = {word: Decimal(v) for word, v in _DATA["scales"].items()}
PERCENT_SUFFIXES = frozenset({"%", "pc", "pct"})
_GLUED = re.compile(
    r"^(?P<approx>[~≈])?(?P<prefix>[A-Za-z]{0,3}[$€£¥₹₩₽₺₦₱₪฿₫₴₡₿]?(?:[A-Za-z]{1,2}|Y=)?)"
    r"(?P<core>[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[-+−]?\.\d+)(?P<suffix>[^\d\s]*)$"
)
_VULGARS = {
    "½": Decimal(1) / 2,
    "¼": Decimal(1) / 4,
    "¾": Decimal(3) / 4,
    "⅓": Decimal(1) / 3,
    "⅔": Decimal(2) / 3,
    "⅕": Decimal(1) / 5,
    "⅛": Decimal(1) / 8,
}
_VULGAR = re.compile(r"(\d*)([½¼¾⅓⅔⅕⅛])")
_WORD_PATTERN = re.compile(
    r"(?i:"
    + "|".join(re.escape(w) for w in sorted({**WORDS, **SUBUNITS}, key=len, reverse=True))
    + r")(?![\w])"
)


_MILLIONS_CODE = re.compile(r"M([A-Z]{3})(?![\w$])")  # financial reports: "MUSD" is millions
_CODE_AFTER = re.compile(r"(?:[A-Za-z]{3}|[$€£¥₹₩₽₺₦₱₪฿₫₴₡₿₾₭元₨])(?![\w$])")


@dataclass(frozen=True, slots=True)
class Glued:
    """The parts of a token that holds a number: "US$2.5m" is currency USD, core 2.5, scale 1e6."""

    core: str
    currency: str | None = None
    approx: bool = False
    scale: Decimal = Decimal(1)
    factor: Decimal = Decimal(1)
    unit: str | None = None
    suffix: str = ""
    needs_scale: bool = False


def sign_code(text: str) -> str | None:
    """The currency a sign or code written before a number names ("£", "US$", "INR"), or None."""
    if text in CODES:
        return text
    return SIGNS.get(text.lower()) or _LOWER_CODES.get(text.lower())


@lru_cache(maxsize=4096)
def split_glued(text: str) -> Glued | None:
    """A token holding a number with a sign, code, approximation or unit glued to it; None when
    the token is a plain number or not a number at all."""
    vulgar = _VULGAR.search(text)
    if vulgar is not None:  # "3½", "½": the fraction sign read as a decimal
        whole = Decimal(vulgar.group(1) or 0) + _VULGARS[vulgar.group(2)]
        text = text[: vulgar.start()] + str(whole) + text[vulgar.end() :]
    match = _GLUED.match(text)
    if match is None or not (
        match["prefix"] or match["suffix"] or match["approx"] or vulgar is not None
    ):
        return None
    prefix, suffix = match["prefix"], match["suffix"]
    if prefix and match["core"][:1] in "-−":
        return None  # "CVE-2013": a code; negative money is "-$5", not "USD-5"
    currency = None
    if prefix:
        currency = sign_code(prefix) or SCALE_ONLY_SIGNS.get(prefix.lower())
        if currency is None and prefix.upper() == "US":
            currency = "USD"  # "$US40": the "$" is the token before
        if currency is None:
            return None
    glued = Glued(
        core=match["core"].replace("−", "-"),
        currency=currency,
        approx=bool(match["approx"]),
        needs_scale=prefix.lower() in SCALE_ONLY_SIGNS,
    )
    glued = _with_suffix(glued, suffix) if suffix else glued
    if glued is not None and glued.needs_scale and glued.scale != 1:
        return Glued(**{**_fields(glued), "needs_scale": False})
    return glued


def glued_at(token: Token) -> Glued | None:
    """The glued parts of a number token ("US$2.5m", "~60", "12p"), or None; a sentence's full
    stop kept on the token is not part of it ("give you 10M.")."""
    glued = split_glued(token.text)
    if glued is None and token.text.endswith(".") and len(token.text) > 2 and token.is_sent_end:
        return split_glued(token.text[:-1])
    return glued


def _with_suffix(glued: Glued, suffix: str) -> Glued | None:
    lower = suffix.lower()
    if suffix == "MM":  # "$20MM": millions in financial writing, never millimetres
        return Glued(**{**_fields(glued), "scale": Decimal(10**6), "suffix": suffix})
    if lower in MONEY_SCALES:
        return Glued(**{**_fields(glued), "scale": MONEY_SCALES[lower], "suffix": suffix})
    if lower in PERCENT_SUFFIXES:
        return Glued(**{**_fields(glued), "unit": "%", "suffix": suffix})
    if lower in SUBUNITS and glued.currency is None:
        code, factor = SUBUNITS[lower]
        return Glued(**{**_fields(glued), "currency": code, "factor": factor, "suffix": suffix})
    unit = unit_at(suffix, 0)
    if unit is not None and unit[1] == len(suffix):
        return Glued(**{**_fields(glued), "unit": unit[0], "suffix": suffix})
    if lower in CODES or suffix in CODES:
        return Glued(**{**_fields(glued), "currency": suffix.upper(), "suffix": suffix})
    return None


def _fields(glued: Glued) -> dict:
    return {name: getattr(glued, name) for name in Glued.__slots__}


def money_word_at(text: str, position: int) -> tuple[str, Decimal, int] | None:
    """A currency name, sub-unit, code or sign written at `position` ("euros", "Hong Kong
    dollars", "pence", "USD", "€"): its ISO code, the factor to that currency, and its end."""
    match = _WORD_PATTERN.match(text, position)
    millions = _MILLIONS_CODE.match(text, position)
    if match is None and millions is not None and millions.group(1) in CODES:
        return millions.group(1), Decimal(10**6), millions.end()  # "30 MUSD", "120 MEUR"
    if match is None:
        code = _CODE_AFTER.match(text, position)
        if code is not None and (sign := sign_code(code.group(0))) is not None:
            return sign, Decimal(1), code.end()
        return None
    word = match.group(0).lower()
    if word in SUBUNITS:
        code, factor = SUBUNITS[word]
        return code, factor, match.end()
    return WORDS[word], Decimal(1), match.end()
