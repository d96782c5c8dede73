"""Numbers that are not figures: parts of names and codes ("Boeing 787", "Chapter 11", "3G",
"737-800"), scores and records ("won 9-3", "(15-17)"), ordinals written in words, telephone
numbers, and numbers inside dates (`dates.py`)."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from storyledger.extract.figures.bounds import GLUED_POSTFIX
from storyledger.extract.figures.dates import (
    ago_after,
    day_of_month,
    decade,
    half_of_a_game,
    is_duration,
    is_year,
    looks_like_date,
)
from storyledger.extract.figures.money import money_word_at, sign_code
from storyledger.extract.figures.numbers import SCALES
from storyledger.extract.figures.reading import glued_at, is_ordinal
from storyledger.extract.figures.units import unit_at

_NOT_FIGURE_ENTS = frozenset(
    {"ORDINAL", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT"}
)
# "7,412.55": grouped or decimal digits name no product or work, whatever the tagger says
# ("Windows 3.1" is caught by the name before it).
_PLAIN_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")


def excluded(token: Token) -> bool:
    """A number token that starts no figure: a date, a name's number, a code, a telephone."""
    if token.text.startswith("+") and token.i + 1 < len(token.doc) and token.nbor(1).text == "-":
        return True  # "+1-222-2222": a telephone number
    if _dialled(token) or _street_number(token) or _letter_after(token) or ago_after(token):
        return True
    glued = glued_at(token)
    previous = token.nbor(-1) if token.i > token.sent.start else None
    if glued is not None and (glued.currency or glued.unit or glued.approx):
        return previous is not None and names_before(previous)
    if day_of_month(token) or half_of_a_game(token) or decade(token):
        return True
    money = previous is not None and sign_code(previous.text) is not None  # "GBP 350"
    if token.ent_type_ in _NOT_FIGURE_ENTS and not _PLAIN_AMOUNT.match(token.text) and not money:
        return True
    if token.ent_type_ in ("DATE", "TIME") and not is_duration(token) and looks_like_date(token):
        return True
    if previous is not None and names_before(previous):
        return True  # "Boeing 787", "Chapter 11", "version 10.4", "No. 1", "iOS 5"
    if _names_listed(token):
        return True  # "Internet Explorer 8 and 9": the second of two named versions
    if (is_year(token) and not money) or _glued_to_letters(token) or _continues_code(token):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        following is not None
        and following.text in ("-", "‑")
        and token.whitespace_ == ""
        and token.i + 2 < len(token.doc)
        and (token.nbor(2).lower_.rstrip("s") in _UNIT_ADJECTIVES or _counted_modifier(token))
        and not _points_measured(token)
    )


def _points_measured(token: Token) -> bool:
    """ "the 8,000-point level", "a 10-point lead", "a 300-point drop": points hyphenated to a
    level or a move measure it (an index, a margin), unlike "a 12-point plan", "a 3-point
    shot", where they count the parts of a thing."""
    doc = token.doc
    return (
        token.i + 3 < len(doc)
        and doc[token.i + 2].lower_ in ("point", "points")
        and doc[token.i + 3].lower_ in _POINT_MEASURES
    )


_POINT_MEASURES = frozenset(
    "level mark barrier threshold limit lead deficit margin advantage drop fall gain rise "
    "decline jump loss plunge slide slump rally swing surge increase decrease cut move".split()
)


def _counted_modifier(token: Token) -> bool:
    """ "an 11-game win streak", "four 100-catch seasons", "a two-man crew": a whole number
    hyphenated to a singular noun that is no unit, modifying the noun after it, describes
    that noun; it reports no quantity ("a 150-hp engine", "a two-percent decline" and "a
    6.1-magnitude quake" do)."""
    doc = token.doc
    if token.i + 3 >= len(doc) or not (token.text.isdecimal() or token.is_alpha):
        return False
    noun, after = doc[token.i + 2], doc[token.i + 3]
    return (
        noun.tag_ == "NN"
        and noun.is_alpha
        and noun.whitespace_ != ""
        and noun.lower_ not in SCALES
        and noun.lower_ not in ("percent", "pc", "pct", *GLUED_POSTFIX)
        and unit_at(noun.text, 0) is None
        and sign_code(noun.text) is None
        and money_word_at(noun.text, 0) is None
        and after.pos_ in ("NOUN", "PROPN", "ADJ")
    )


_STREETS = frozenset(
    "Street St Avenue Ave Road Rd Boulevard Blvd Drive Dr Lane Ln Way Place Pl Court Ct Terrace "
    "Parkway Pkwy Highway Hwy Square Sq Plaza Crescent Close Row Alley".split()
)


def _street_number(token: Token) -> bool:
    """ "4 Yawkey Way", "10 Downing Street", "1600 Pennsylvania Ave.", "40 East 5th Ave.": a
    house number; "the 22000 block of Joliet Avenue": a block of a street (US police style)."""
    doc = token.doc
    if (
        token.text.isdecimal()
        and token.i + 2 < len(doc)
        and doc[token.i + 1].lower_ == "block"
        and doc[token.i + 2].lower_ == "of"
    ):
        return True
    for offset in range(1, 4):
        if token.i + offset >= len(doc):
            return False
        word = doc[token.i + offset]
        if word.text.rstrip(".") in _STREETS and offset > 1:
            return True
        if not (word.is_title or _NUMBERED_STREET.match(word.text)):
            return False
    return False


_NUMBERED_STREET = re.compile(r"^\d+(?:st|nd|rd|th)$")


def _names_listed(token: Token) -> bool:
    """The number after "and", "or" or "&" following a number that a name claims ("Internet
    Explorer 8 and 9", "iOS 5 or 6"): a second version, not a count. Versions are written in
    digits ("the Mitchells four or five times a week" is a count)."""
    doc, index = token.doc, token.i
    if index < 3 or doc[index - 1].lower_ not in ("and", "or", "&"):
        return False
    number, name = doc[index - 2], doc[index - 3]
    return token.text.isdecimal() and number.text.isdecimal() and names_before(name)


def _letter_after(token: Token) -> bool:
    """ "3-D", "4-H": a number and a capital letter joined by a hyphen name a thing."""
    doc, index = token.doc, token.i
    if index + 2 >= len(doc) or token.whitespace_ or doc[index + 1].text not in ("-", "‑"):
        return False
    letter = doc[index + 2].text
    return not doc[index + 1].whitespace_ and len(letter) == 1 and letter.isupper()


def _dialled(token: Token) -> bool:
    """ "0845 125 222", "MS08-078": digits with a leading zero are a telephone number or a
    code, and so are the digit groups after them ("0000" is a number: zero)."""
    doc, index = token.doc, token.i
    while index > max(0, token.i - 4) and doc[index - 1].text.isdecimal():
        index -= 1
        if _zero_led(doc[index].text):
            return True
    return _zero_led(token.text)


def _zero_led(text: str) -> bool:
    return len(text) >= 3 and text.isdecimal() and text[0] == "0" and text.strip("0") != ""


_UNIT_ADJECTIVES = frozenset(
    {
        "hour",
        "day",
        "week",
        "month",
        "year",
        "minute",
        "storey",
        "story",
        "point",
        "member",
        "time",
    }
)


def in_brackets(doc: object, first: int, last: int) -> bool:
    """The phrase alone in brackets: "(15-17)", "(9-7, 0-3)"."""
    return (
        first > 0
        and doc[first - 1].text == "("
        and last + 1 < len(doc)
        and doc[last + 1].text in (")", ",")
    )


def ordinal_after(sentence: Span, end: int) -> bool:
    """A spelled number followed by an ordinal word ("twenty-fifth", "hundred twenty fifth")."""
    doc = sentence.doc
    if not doc[end].is_alpha or SCALES.get(doc[end].lower_, 0) >= 1000:
        return False  # "$ 280 million first preferred notes": no "millionth" is written so
    following = end + 1
    if following < sentence.end and doc[following].text in ("-", "‑"):
        following += 1
    return (
        following < sentence.end
        and is_ordinal(doc[following])
        and doc[following].lower_ not in ("last", "next")
    )


_NAME_NOUNS = frozenset(
    "version no. no number model chapter article section page route flight room level phase "
    "stage series generation gen vol. volume episode season act clause paragraph week game round "
    "lap".split()
)


_PLACES = ("GPE", "NORP", "LOC")


def _acronym(token: Token) -> bool:
    """An acronym in mixed-case text ("USB"), not a word of a headline in capitals."""
    text = token.text
    if not (len(text) >= 2 and text.isalpha() and text.isupper()) or token.ent_type_ in _PLACES:
        return False
    if token.is_stop:  # "ALL 5 solutions": a word in capitals
        return False
    before = token.nbor(-1) if token.i > 0 else None
    return before is None or not (before.text.isalpha() and before.text.isupper())


def names_apart(token: Token) -> bool:
    """The "s" of a possessive written apart ("july ' s")."""
    return token.text == "s" and token.i > 0 and token.nbor(-1).text in ("'", "’")


def names_before(previous: Token) -> bool:
    """A word that makes the number after it part of a name, not a count."""
    text = previous.text
    if sign_code(text):
        return False  # "Rs 500 crore": a currency, not a name
    if names_apart(previous):
        return False  # "july ' s 1,458,000 tons": a possessive written apart
    if previous.lower_ in _NAME_NOUNS:
        return True
    if text == "." and previous.i > 0 and f"{previous.nbor(-1).lower_}." in _NAME_NOUNS:
        return True  # "No. 1" split as "No", ".", "1"
    if text[:1].islower() and any(char.isupper() for char in text[1:]):
        return True  # "iPhone 4", "iOS 5"
    if _acronym(previous) and previous.nbor(1).text[:1].isdigit():
        return True  # "USB 3.0", "AK 47": digits after an acronym name a thing
    return previous.pos_ == "PROPN" and previous.ent_type_ not in ("GPE", "NORP", "LOC")


def _glued_to_letters(token: Token) -> bool:
    """ "3G", "4K": a number glued to letters is a name."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        following is not None
        and token.whitespace_ == ""
        and following.text[:1].isalpha()
        and following.text.lower().rstrip(".") not in _GLUED_UNITS
        and unit_at(following.text, 0) is None
    )


_GLUED_UNITS = frozenset(
    "bn m k mn tn s gb mb kb tb km kg mm cm ft lb lbs mph ghz mhz kw mw gw kwh mwh".split()
)


def _continues_code(token: Token) -> bool:
    """The "800" of "737-800" once "737-800" was left out as a model code (a real range
    such as "150-200" is read whole and never reaches its second number)."""
    if token.i < 2:
        return False
    dash, before = token.nbor(-1), token.nbor(-2)
    return (
        dash.text in ("-", "‑")
        and dash.whitespace_ == ""
        and before.whitespace_ == ""
        and (before.like_num or (before.text[-1:].isdigit() and not before.text.isdecimal()))
    )  # "CVE-2013-3893": the digits end a code


def counts_singular(number: Token) -> bool:
    """A three- or four-digit bare number on a singular noun after it ("737 range")."""
    head = number.head
    return (
        number.text.isdecimal()
        and 3 <= len(number.text) <= 4
        and number.dep_ in ("nummod", "compound")
        and head.i > number.i
        and head.tag_ in ("NN", "NNP")
        and head.lower_ not in _COLLECTIVE
    )


def names_a_model(number: Token) -> bool:
    """ "its 777 airliner", "the 787 Dreamliner", "the 737-800": a whole number above one on a
    singular noun, or glued to a code, names a model; a count takes a plural noun."""
    if not number.text.isdecimal() or not 3 <= len(number.text) <= 4:
        return False
    following = number.nbor(1) if number.i + 1 < len(number.doc) else None
    if following is not None and following.text in ("-", "‑") and number.whitespace_ == "":
        return True
    previous = number.nbor(-1) if number.i > 0 else None
    if (
        number.dep_ not in ("nummod", "compound", "quantmod")
        and previous is not None
        and previous.lower_ in ("'s", "’s")
    ):
        return True  # "Boeing's 787", "Standard & Poor's 500"
    head = number.head
    if head.i > number.i and number.dep_ in ("nummod", "compound"):
        counts = [c for c in head.children if c.i < number.i and c.dep_ == "nummod" and c.like_num]
        if any(not t.like_num for c in counts for t in number.doc[c.i + 1 : number.i]):
            return True  # "five new 737 aircraft": the count is "five", 737 names the model
        before = number.doc[max(0, number.i - 3) : number.i]
        if any(t.lower_ in ("'s", "’s") for t in before) and before[-1].pos_ == "ADJ":
            return True  # "Boeing's larger 777 planes" (not "the parliament's 125 seats")
    return (
        number.dep_ in ("nummod", "compound")
        and head.i > number.i
        and head.tag_ in ("NN", "NNP")
        and head.lower_ not in _COLLECTIVE
    )


_COLLECTIVE = frozenset(
    {
        "percent",
        "people",
        "police",
        "staff",
        "personnel",
        "cattle",
        "livestock",
        "crew",
        "aircraft",
        "equipment",
        "mark",
        "level",
        "barrier",
        "threshold",
        "limit",
    }
)
