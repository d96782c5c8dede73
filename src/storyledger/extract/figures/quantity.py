"""Find quantity phrases in a parsed sentence: the number with its qualifier, range and unit.

A phrase is built around number tokens: the qualifier before it ("at least", "more than",
"nearly", "up to", "fewer than"), a currency sign, scale words ("2.1 million"), a range ("between
30 and 40", "30-40", "80 to 120"), and a unit after it ("%", "percent", "dollars", "hours").
Dates, clock times, ordinals, numbers inside names ("Boeing 787", "Chapter 11") and
hyphenated modifiers ("a 24-hour curfew") are not figures; durations ("six hours") are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Span, Token

from storyledger.extract.figures.bounds import COMPARATIVES, merge_bounds, postfix_after
from storyledger.extract.figures.fractions import fraction_at
from storyledger.extract.figures.money import sign_code
from storyledger.extract.figures.numbers import SCALES, SMALL_WORDS, VAGUE, exact, vague_low
from storyledger.extract.figures.reading import (
    MAX_NUMBER_TOKENS,
    Reading,
    and_a_half,
    glued_at,
    is_ordinal,
    number_end,
    read_at,
    unit_after,
)
from storyledger.extract.figures.units import unit_at

QUALIFIERS: dict[tuple[str, ...], str] = {
    ("at", "least"): "at_least",
    ("no", "fewer", "than"): "at_least",
    ("no", "less", "than"): "at_least",
    ("a", "minimum", "of"): "at_least",
    ("more", "than"): "more_than",
    ("over",): "more_than",
    ("just", "over"): "more_than",
    ("upwards", "of"): "more_than",
    ("in", "excess", "of"): "more_than",
    ("above",): "more_than",
    ("about",): "about",
    ("around",): "about",
    ("approximately",): "about",
    ("roughly",): "about",
    ("nearly",): "about",
    ("almost",): "about",
    ("some",): "about",
    ("an", "estimated"): "about",
    ("estimated",): "about",
    ("close", "to"): "about",
    ("circa",): "about",
    ("up", "to"): "at_most",
    ("as", "many", "as"): "at_most",
    ("as", "much", "as"): "at_most",
    ("at", "most"): "at_most",
    ("no", "more", "than"): "at_most",
    ("fewer", "than"): "less_than",
    ("less", "than"): "less_than",
    ("under",): "less_than",
    ("below",): "less_than",
    ("just", "under"): "less_than",
}
TIME_UNIT_NAMES = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade"})
TIME_UNITS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades".split()
)
_NOT_FIGURE_ENTS = frozenset(
    {"ORDINAL", "PERSON", "ORG", "PRODUCT", "WORK_OF_ART", "LAW", "FAC", "EVENT"}
)
# "7,412.55": grouped or decimal digits name no product or work, whatever the tagger says
# ("Windows 3.1" is caught by the name before it).
_PLAIN_AMOUNT = re.compile(r"^(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)$")
_EXTRA_NUMBER_WORDS = frozenset({"dozen", "half", "quarter", "third", "couple", "score"})


@dataclass(frozen=True, slots=True)
class Quantity:
    """A quantity phrase: its token range and what it says."""

    first: int
    last: int
    number_last: int
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None


def find_quantities(sentence: Span) -> list[Quantity]:
    """Every quantity phrase of a sentence, left to right."""
    found: list[Quantity] = []
    index = sentence.start
    while index < sentence.end:
        token = sentence.doc[index]
        if not _candidate(token):
            index += 1
            continue
        if single := _single_unit(sentence, index):
            found.append(single)
            index += 2
            continue
        if fraction := _fraction(sentence, index):
            found.append(fraction)
            index = fraction.last + 1
            continue
        if (_starts_number(token) or _one_with_unit(sentence, index)) and not _excluded(token):
            quantity = _phrase(sentence, index)
            if quantity is not None:
                found.append(quantity)
                index = quantity.last + 1
                continue
        if ranged := _range_token(sentence, index):
            found.append(ranged)
        index += 1
    return merge_bounds(sentence, found)


_CANDIDATE_WORDS = frozenset({"a", "an", "one", "tens"})


def _candidate(token: Token) -> bool:
    """Cheap test first: only a number-like token or a few words can start a quantity."""
    lower = token.lower_
    return (
        token.like_num
        or any(char.isdigit() or char in "½¼¾⅓⅔⅕⅛" for char in token.text)
        or lower in _CANDIDATE_WORDS
        or lower in VAGUE
        or lower in _EXTRA_NUMBER_WORDS
    )


def _single_unit(sentence: Span, index: int) -> Quantity | None:
    """ "just over an hour", "nearly a year": one unit of time, after a qualifier."""
    doc = sentence.doc
    if doc[index].lower_ not in ("a", "an") or index + 1 >= sentence.end:
        return None
    unit = doc[index + 1]
    if unit.lower_ not in TIME_UNITS:
        return None
    start, qualifier = _qualifier_before(doc, index, sentence.start)
    if qualifier is None or qualifier == "range":
        return None
    low, high = _bounds(qualifier, 1.0, None, None)
    return Quantity(start, index + 1, index, 1.0, low, high, qualifier, unit.lemma_.lower())


def _fraction(sentence: Span, index: int) -> Quantity | None:
    """ "A third of", "two-thirds", "one fifth": a fraction, with a qualifier before it."""
    found = fraction_at(sentence, index)
    if found is None:
        return None
    last, value = found
    start, qualifier = _qualifier_before(sentence.doc, index, sentence.start)
    qualifier = qualifier if qualifier not in (None, "range") else "exact"
    low, high = _bounds(qualifier, float(value), None, None)
    first = start if qualifier != "exact" else index
    return Quantity(first, last, last, float(value), low, high, qualifier, None)


def _one_with_unit(sentence: Span, index: int) -> bool:
    """ "one mile", "one penny", "one-yen": "one" counts when a unit or currency follows (not a
    time unit: "one day" is as often when as how long)."""
    if sentence.doc[index].lower_ != "one":
        return False
    if and_a_half(sentence.doc, index, sentence.end):
        return True  # "one and a half"
    if index > sentence.start and sentence.doc[index - 1].lower_ in _MINUS:
        return True  # "minus one"
    following = sentence.doc[index + 1] if index + 1 < sentence.end else None
    if following is not None and following.lower_ in SCALES and SCALES[following.lower_] >= 100:
        return True  # "one million", "one hundred and six"
    found = unit_after(sentence, index, money=False)
    return found is not None and found[0] not in TIME_UNIT_NAMES


def _starts_number(token: Token) -> bool:
    lower = token.lower_
    if is_ordinal(token) and lower not in _EXTRA_NUMBER_WORDS:
        return False
    return (
        token.like_num
        or lower in VAGUE
        or lower in _EXTRA_NUMBER_WORDS
        or lower in ("tens",)
        or glued_at(token) is not None
    ) and lower not in ("one", "a", "an")


def _excluded(token: Token) -> bool:
    if token.text.startswith("+") and token.i + 1 < len(token.doc) and token.nbor(1).text == "-":
        return True  # "+1-222-2222": a telephone number
    glued = glued_at(token)
    if glued is not None and (glued.currency or glued.unit or glued.approx):
        previous = token.nbor(-1) if token.i > token.sent.start else None
        return previous is not None and _names_before(previous)
    if _day_of_month(token) or _half_of_a_game(token):
        return True
    if token.ent_type_ in _NOT_FIGURE_ENTS and not _PLAIN_AMOUNT.match(token.text):
        return True
    if token.ent_type_ in ("DATE", "TIME") and not _is_duration(token) and _looks_like_date(token):
        return True
    previous = token.nbor(-1) if token.i > token.sent.start else None
    if previous is not None and _names_before(previous):
        return True  # "Boeing 787", "Chapter 11", "version 10.4", "No. 1", "iOS 5"
    if _is_year(token) or _glued_to_letters(token) or _continues_code(token):
        return True
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return (
        following is not None
        and following.text in ("-", "‑")
        and token.whitespace_ == ""
        and (token.i + 2 < len(token.doc) and token.nbor(2).lower_.rstrip("s") in _UNIT_ADJECTIVES)
    )


_MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _day_of_month(token: Token) -> bool:
    """ "10 Nov 2011", "Nov. 10": a day next to a month's name."""
    if not (token.text.isdecimal() and 1 <= int(token.text) <= 31):
        return False
    doc = token.doc
    after = doc[token.i + 1].lower_.rstrip(".") if token.i + 1 < len(doc) else ""
    before = doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
    if before == "" and token.i > 1 and doc[token.i - 1].text == ".":
        before = doc[token.i - 2].lower_
    return after in _MONTHS or before in _MONTHS


def _half_of_a_game(token: Token) -> bool:
    """ "the second half", "the first quarter": a period of play or of a year."""
    return token.lower_ in ("half", "quarter") and token.i > 0 and is_ordinal(token.nbor(-1))


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


_DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan jan. feb feb. mar mar. apr apr. jun jun. jul jul. aug aug. sep sep. sept sept. oct "
    "oct. nov nov. dec dec. monday tuesday wednesday thursday friday saturday sunday ago last "
    "next this today yesterday tomorrow century era am pm a.m. p.m. morning night evening "
    "noon midnight o'clock".split()
)


def entity_span(token: Token, *, reach: int | None = None) -> Span:
    """The whole named-entity span a token belongs to (the token alone outside entities); with
    `reach`, only its part within `reach` tokens of the token."""
    doc = token.doc
    start, end = token.i, token.i
    first = 0 if reach is None else max(0, token.i - reach)
    stop = len(doc) if reach is None else min(len(doc), token.i + reach + 1)
    while start > first and doc[start].ent_iob_ == "I":
        start -= 1
    while end + 1 < stop and doc[end + 1].ent_iob_ == "I":
        end += 1
    return doc[start : end + 1]


def _looks_like_date(token: Token) -> bool:
    """A DATE or TIME entity that really is one: a month, weekday, year, clock time or "ago"
    (looked for near the number: a long run of numbers may be one entity)."""
    entity = entity_span(token, reach=MAX_NUMBER_TOKENS)
    return any(
        t.lower_ in _DATE_WORDS
        or (t.text.isdecimal() and len(t.text) == 4 and 1800 <= int(t.text) <= 2100)
        or t.lower_.endswith("0s")
        or ":" in t.text
        for t in entity
    )


def _is_duration(token: Token) -> bool:
    """ "six hours", "four years": a number right before a time unit, not "2008" or "Oct. 7"."""
    following = [t for t in token.doc[token.i + 1 : token.i + 3]]
    return any(t.lower_ in TIME_UNITS for t in following[:2]) and not (
        len(token.text) == 4 and token.text.isdecimal()
    )


def _phrase(sentence: Span, index: int) -> Quantity | None:
    doc = sentence.doc
    reading = read_at(sentence, index)
    end = reading.end if reading is not None else number_end(sentence, index)
    words = " ".join(t.lower_ for t in doc[index : end + 1])
    first = index
    if (
        index > sentence.start
        and doc[index - 1].lower_ in ("a", "an")
        and (f"a {words}" in SMALL_WORDS or words in SCALES)
    ):
        first = index - 1
        words = f"a {words}"
        reading = Reading(end=end, value=exact(SMALL_WORDS.get(words) or SCALES[words[2:]]))
    currency, first = _currency_before(doc, first, sentence.start, reading)
    value = reading.value if reading is not None else None
    low = high = None
    qualifier = "exact"
    vague = vague_low(words)
    if vague is not None:
        qualifier, low, value = "vague", exact(vague), None
    elif value is None or reading is None or (reading.needs_scale and currency is None):
        return None
    currency = currency or (reading.currency if reading else None)
    unit = reading.unit if reading else None
    last = end
    other = _range_after(sentence, end, first)
    if (
        other is not None
        and doc[end + 1].text in ("-", "‑")
        and doc[end].whitespace_ == ""
        and (_counts_singular(doc[end]) or _counts_singular(doc[other.end]))
    ):
        return None  # "the 737-800 range": a model code, not a range
    if other is not None and value is not None:
        scale = _shared_scale(words, doc[end + 2 : other.end + 1])
        if _in_brackets(doc, first, other.end) and doc[end + 1].text in ("-", "–"):
            return None  # "the Bulldogs (15-17)": a win-loss record
        if not value * exact(scale) < other.value:
            if doc[end + 1].text in ("-", "‑", "–"):
                return None  # "787-8", "won 9-3": a model code or a score, not a range
            other = None
    if other is not None and value is not None:
        low, high, value = value * exact(scale), other.value, None
        qualifier, last = "range", other.end
        currency = currency or other.currency
        unit = other.unit or unit
    qualifier_start, said = _qualifier_before(doc, first, sentence.start)
    if said and said != "range" and qualifier == "exact":
        qualifier, first = said, qualifier_start
    if said == "range" and qualifier == "range":
        first = qualifier_start
    if reading is not None and reading.approx and qualifier == "exact":
        qualifier = "about"
    if _ordinal_after(sentence, end):
        return None  # "twenty-fifth", "one hundred twenty fifth": an ordinal
    if qualifier == "exact" and first > sentence.start and doc[first - 1].lower_ in _MINUS:
        first, value = first - 1, -value
    factor = Decimal(1)
    if unit is None:
        unit, factor, last = _unit_after(sentence, last, currency)
        if unit is not None and len(unit) == 3 and unit.isupper():
            currency, unit = unit, None
    if qualifier == "exact" and (postfix := postfix_after(sentence, last)):
        qualifier, last = postfix  # "50 or more"
    if unit is None and currency is None and qualifier == "exact" and _names_a_model(doc[end]):
        return None
    value, low, high = (_times(v, factor) for v in (value, low, high))
    low, high = _bounds(qualifier, value, low, high)
    return Quantity(
        first,
        last,
        end if other is None else other.end,
        value,
        low,
        high,
        qualifier,
        unit if unit is not None else currency,
    )


_MINUS = frozenset({"minus", "negative"})
_RANGE_TOKEN = re.compile(
    r"^(\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)(k|m|bn)?[-–~](\d+(?:\.\d+)?|\d{1,3}(?:,\d{3})+)(k|m|bn)?$"
)


def _in_brackets(doc: object, first: int, last: int) -> bool:
    """The phrase alone in brackets: "(15-17)", "(9-7, 0-3)"."""
    return (
        first > 0
        and doc[first - 1].text == "("
        and last + 1 < len(doc)
        and doc[last + 1].text in (")", ",")
    )


def _ordinal_after(sentence: Span, end: int) -> bool:
    """A spelled number followed by an ordinal word ("twenty-fifth", "hundred twenty fifth")."""
    doc = sentence.doc
    if not doc[end].is_alpha:
        return False
    following = end + 1
    if following < sentence.end and doc[following].text in ("-", "‑"):
        following += 1
    return (
        following < sentence.end
        and is_ordinal(doc[following])
        and doc[following].lower_ not in ("last", "next")
    )


def _range_token(sentence: Span, index: int) -> Quantity | None:
    """ "1000–5000", "5k-20k", "20~100": a range the tokenizer kept in one token."""
    token = sentence.doc[index]
    match = _RANGE_TOKEN.match(token.text)
    if match is None or _excluded(token) or _is_year(token) or token.ent_type_ == "DATE":
        return None
    low_digits, low_scale, high_digits, high_scale = match.groups()
    low = Decimal(low_digits.replace(",", "")) * _SUFFIX_SCALES[(low_scale or high_scale or "")]
    high = Decimal(high_digits.replace(",", "")) * _SUFFIX_SCALES[high_scale or ""]
    if not low < high:
        return None
    return Quantity(index, index, index, None, float(low), float(high), "range", None)


_SUFFIX_SCALES = {"": Decimal(1), "k": Decimal(1000), "m": Decimal(10**6), "bn": Decimal(10**9)}


def _times(value: Decimal | None, factor: Decimal) -> float | None:
    return None if value is None else float(value * factor)


_NAME_NOUNS = frozenset(
    "version no. no number model chapter article section page route flight room level phase "
    "stage series generation gen vol. volume episode season act clause paragraph".split()
)


def _names_before(previous: Token) -> bool:
    """A word that makes the number after it part of a name, not a count."""
    text = previous.text
    if sign_code(text):
        return False  # "Rs 500 crore": a currency, not a name
    if previous.lower_ in _NAME_NOUNS:
        return True
    if text == "." and previous.i > 0 and f"{previous.nbor(-1).lower_}." in _NAME_NOUNS:
        return True  # "No. 1" split as "No", ".", "1"
    if text[:1].islower() and any(char.isupper() for char in text[1:]):
        return True  # "iPhone 4", "iOS 5"
    return previous.pos_ == "PROPN" and previous.ent_type_ not in ("GPE", "NORP", "LOC")


def _is_year(token: Token) -> bool:
    """A bare four-digit number from 1800 to 2100 is a year unless it counts a plural noun."""
    if not (token.text.isdecimal() and len(token.text) == 4 and 1800 <= int(token.text) <= 2100):
        return False
    return not (token.head.tag_ in ("NNS", "NNPS") and token.dep_ == "nummod")


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
        and before.like_num
    )


def _counts_singular(number: Token) -> bool:
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


def _names_a_model(number: Token) -> bool:
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


_JOINERS = ("-", "‑", "–", "to", "and")
_CHANGE_VERBS = frozenset(
    "rise rose risen fall fell fallen increase decrease climb drop jump grow grew cut raise reduce "
    "lift lower slip surge soar plunge slide slump tumble gain lose lost shed add boost trim "
    "narrow widen go move change revise up down".split()
)


def _range_after(sentence: Span, end: int, first: int) -> Reading | None:
    """ "30-40", "30 to 40", "between 3% and 4%", "from $2.5 million to $3 million", "20-40W":
    the second number (its unit, if written on it, is the range's)."""
    doc = sentence.doc
    joiner = end + 1
    percent = joiner < sentence.end and doc[joiner].lower_ in ("%", "percent")
    joiner += percent
    if joiner + 1 >= sentence.end or doc[joiner].text.lower() not in _JOINERS:
        return None
    second = joiner + 1
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


def _shared_scale(first_words: str, second: Span) -> float:
    """ "between 80 and 120 million": the first number shares the second's scale word."""
    if any(word in SCALES for word in first_words.split()):
        return 1.0
    scale = 1.0
    for token in second:
        if token.lower_ in SCALES and SCALES[token.lower_] >= 100:
            scale *= SCALES[token.lower_]
    return scale


def _qualifier_before(doc: object, first: int, sentence_start: int) -> tuple[int, str | None]:
    if first - 1 >= sentence_start and doc[first - 1].lower_ in ("between", "from"):
        return first - 1, "range"
    for length in (5, 4, 3, 2, 1):
        start = first - length
        if start < sentence_start:
            continue
        words = tuple(t.lower_ for t in doc[start:first])
        if words in QUALIFIERS or words in COMPARATIVES:
            return start, QUALIFIERS.get(words) or COMPARATIVES[words]
    return first, None


def _currency_before(
    doc: object, first: int, sentence_start: int, reading: Reading | None
) -> tuple[str | None, int]:
    """A sign or code before the number ("$", "£", "US$", "Rs", "INR"), and where it starts."""
    if first - 1 < sentence_start:
        return None, first
    previous = doc[first - 1]
    code = sign_code(previous.text)
    if previous.text == "$" and first - 2 >= sentence_start and doc[first - 2].lower_ != "a":
        joined = sign_code(doc[first - 2].text + "$")  # "c $ 1.34", "hk $ 10": tokenised signs
        if joined is not None and joined != "USD":
            return joined, first - 2
    if code == "USD" and reading is not None and reading.currency == "USD":
        return code, first - 1  # "$US40": "$" and "US40"
    if code is not None and (reading is None or reading.currency is None):
        return code, first - 1
    return None, first


def _unit_after(sentence: Span, last: int, currency: str | None) -> tuple[str | None, Decimal, int]:
    """The unit after the number, its factor (pence are hundredths of a pound) and the new
    last token; the currency's code when money is written as words ("250 million euros")."""
    found = unit_after(sentence, last, money=currency is not None)
    if found is None:
        return None, Decimal(1), last
    name, factor, token = found
    return name, factor, token


def _bounds(
    qualifier: str, value: float | None, low: float | None, high: float | None
) -> tuple[float | None, float | None]:
    if qualifier in ("range", "vague"):
        return low, high
    if qualifier == "exact":
        return value, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return None, value
    return None, None
