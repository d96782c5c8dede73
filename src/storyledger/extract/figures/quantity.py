"""Find quantity phrases in a parsed sentence: the number with its qualifier, range and unit.

A phrase is built around number tokens: the qualifier before it ("at least", "more than",
"nearly", "up to", "fewer than"), a currency sign, scale words ("2.1 million"), a range ("between
30 and 40", "30-40", "80 to 120"), and a unit after it ("%", "percent", "dollars", "hours").
Dates, clock times, ordinals, numbers inside names ("Boeing 787", "Chapter 11") and
hyphenated modifiers ("a 24-hour curfew") are not figures (`names.py`, `dates.py`); durations
("six hours") are. Qualifiers are read by `qualifiers.py` and `bounds.py`, ranges by `ranges.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from spacy.tokens import Span, Token

from storyledger.extract.figures.bounds import carry_to_conversions, merge_bounds, postfix_after
from storyledger.extract.figures.compounds import merge_compounds
from storyledger.extract.figures.dates import TIME_UNIT_NAMES, TIME_UNITS
from storyledger.extract.figures.fractions import fraction_at, ratio_at
from storyledger.extract.figures.money import sign_code
from storyledger.extract.figures.multiples import MULTIPLE_WORDS, multiple_at, times_after
from storyledger.extract.figures.names import (
    counts_singular,
    excluded,
    in_brackets,
    names_a_model,
    names_apart,
    ordinal_after,
)
from storyledger.extract.figures.numbers import SCALES, SMALL_WORDS, VAGUE, exact, vague_low
from storyledger.extract.figures.powers import power_at
from storyledger.extract.figures.qualifiers import bounds_of, qualifier_before
from storyledger.extract.figures.ranges import range_after, shared_scale, token_range
from storyledger.extract.figures.reading import (
    Reading,
    and_a_fraction,
    and_a_half,
    glued_at,
    is_ordinal,
    number_end,
    read_at,
    unit_after,
)
from storyledger.extract.figures.temperatures import temperature_at

# "a couple of" is vague, as "several" and "a few" ("a couple of weeks" may be three): no figure.
_EXTRA_NUMBER_WORDS = frozenset({"dozen", "half", "quarter", "third", "score"})


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
        if power := _power(sentence, index):
            found.append(power)
            index = power.last + 1
            continue
        if multiple := _multiple(sentence, index):
            found.append(multiple)
            index += 1
            continue
        if temperature := _temperature(sentence, index):
            found.append(temperature)
            index = temperature.last + 1
            continue
        if fraction := _fraction(sentence, index) or _ratio(sentence, index):
            found.append(fraction)
            index = fraction.last + 1
            continue
        if (_starts_number(token) or _one_with_unit(sentence, index)) and not excluded(token):
            quantity = _phrase(sentence, index)
            if quantity is not None:
                found.append(quantity)
                index = quantity.last + 1
                continue
        if ranged := _range_token(sentence, index):
            found.append(ranged)
        index += 1
    return carry_to_conversions(sentence, merge_bounds(sentence, merge_compounds(sentence, found)))


_CANDIDATE_WORDS = frozenset({"a", "an", "one", "tens", *MULTIPLE_WORDS, "nought", "naught"})


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
    start, qualifier = qualifier_before(doc, index, sentence.start)
    if qualifier is None or qualifier == "range":
        return None
    low, high = bounds_of(qualifier, 1.0, None, None)
    return Quantity(start, index + 1, index, 1.0, low, high, qualifier, unit.lemma_.lower())


def _fraction(sentence: Span, index: int) -> Quantity | None:
    """ "A third of", "two-thirds", "one fifth": a fraction, with a qualifier before it."""
    found = fraction_at(sentence, index)
    return None if found is None else _qualified(sentence, index, *found, None)


def _power(sentence: Span, index: int) -> Quantity | None:
    """ "1.2 x 10^6 cells", "3.5e6", "10 to the power of 3": a power of ten, with a qualifier
    before it and a unit after it."""
    found = power_at(sentence, index)
    if found is None:
        return None
    last, value = found
    unit, factor, end = _unit_after(sentence, last, None)
    quantity = _qualified(sentence, index, end, value * factor, unit)
    return quantity if unit is None or len(unit) != 3 or not unit.isupper() else None


def _temperature(sentence: Span, index: int) -> Quantity | None:
    """ "40C", "-5C", "104F" where the sentence speaks of heat or cold."""
    found = temperature_at(sentence, index)
    if found is None:
        return None
    last, value, unit = found
    if index > sentence.start and sentence.doc[index - 1].lower_ in _MINUS:
        low = high = float(-value)  # "minus 5C"
        return Quantity(index - 1, last, last, float(-value), low, high, "exact", unit)
    return _qualified(sentence, index, last, value, unit)


def _multiple(sentence: Span, index: int) -> Quantity | None:
    """ "twice as many", "nearly twice the size": a multiple, with a qualifier before it."""
    value = multiple_at(sentence, index)
    return None if value is None else _qualified(sentence, index, index, value, "times")


def _ratio(sentence: Span, index: int) -> Quantity | None:
    """ "one in five", "two out of three": a share, with a qualifier before it."""
    found = ratio_at(sentence, index)
    return None if found is None else _qualified(sentence, index, *found, None)


def _qualified(
    sentence: Span, index: int, last: int, value: Decimal | float, unit: str | None
) -> Quantity:
    """The quantity of tokens `index`..`last` worth `value`, with the qualifier before it."""
    start, qualifier = qualifier_before(sentence.doc, index, sentence.start)
    qualifier = qualifier if qualifier not in (None, "range") else "exact"
    low, high = bounds_of(qualifier, float(value), None, None)
    first = start if qualifier != "exact" else index
    return Quantity(first, last, last, float(value), low, high, qualifier, unit)


def _one_with_unit(sentence: Span, index: int) -> bool:
    """ "one mile", "one penny", "one-yen": "one" counts when a unit or currency follows (not a
    time unit: "one day" is as often when as how long)."""
    if sentence.doc[index].lower_ != "one":
        return False
    start, qualifier = qualifier_before(sentence.doc, index, sentence.start)
    if qualifier in _COUNT_BOUNDS and index - start >= 2:
        return True  # "at least one soldier", "more than one": a bound makes "one" a count
    if and_a_half(sentence.doc, index, sentence.end) or and_a_fraction(
        sentence.doc, index, sentence.end
    ):
        return True  # "one and a half", "one and a fourth", "one and three quarters"
    if index > sentence.start and sentence.doc[index - 1].lower_ in _MINUS:
        return True  # "minus one"
    following = sentence.doc[index + 1] if index + 1 < sentence.end else None
    if following is not None and following.lower_ in SCALES and SCALES[following.lower_] >= 100:
        return True  # "one million", "one hundred and six"
    found = unit_after(sentence, index, money=False)
    if found is not None and found[0] == "point" and sentence.doc[index - 1].lower_ == "at":
        return False  # "at one point": once, not a score
    if (
        found is not None
        and found[2] + 1 < sentence.end
        and sentence.doc[found[2] + 1].lower_ == "old"
    ):
        return True  # "one year old": an age
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
        or _nought_point(token)
    ) and lower not in ("one", "a", "an")


def _nought_point(token: Token) -> bool:
    """ "nought point five": "nought" and "naught" say zero only before a decimal point ("all
    for naught" is nothing)."""
    doc = token.doc
    return (
        token.lower_ in ("nought", "naught")
        and token.i + 2 < len(doc)
        and doc[token.i + 1].lower_ == "point"
        and (doc[token.i + 2].like_num or doc[token.i + 2].lower_ in ("nought", "naught", "oh"))
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
    if words in SCALES and SCALES[words] >= 1000 and first == index:
        return None  # "euro22 billion": a scale word alone is no number
    currency, first = currency_before(doc, first, sentence.start, reading)
    value = reading.value if reading is not None else None
    low = high = None
    qualifier = "exact"
    vague = vague_low(words)
    if words == "scores" and (end + 1 >= sentence.end or doc[end + 1].lower_ != "of"):
        return None  # "Scores are smaller", "he scores": only "scores of" is a vague number
    if vague is not None:
        qualifier, low, value = "vague", exact(vague), None
    elif value is None or reading is None or (reading.needs_scale and currency is None):
        return None
    currency = currency or (reading.currency if reading else None)
    unit = reading.unit if reading else None
    last = end
    other = range_after(sentence, end, first)
    if (
        other is not None
        and doc[end + 1].text in ("-", "‑")
        and doc[end].whitespace_ == ""
        and (counts_singular(doc[end]) or counts_singular(doc[other.end]))
    ):
        return None  # "the 737-800 range": a model code, not a range
    negative = first > sentence.start and doc[first - 1].lower_ in _MINUS
    sign = -1 if negative else 1
    if other is not None and value is not None:
        scale = shared_scale(words, doc[end + 2 : other.end + 1])
        if in_brackets(doc, first, other.end) and doc[end + 1].text in ("-", "–"):
            return None  # "the Bulldogs (15-17)": a win-loss record
        if not sign * value * exact(scale) < other.value:
            if doc[end + 1].text in ("-", "‑", "–"):
                return None  # "787-8", "won 9-3": a model code or a score, not a range
            other = None
    if other is not None and value is not None:
        low, high, value = sign * value * exact(scale), other.value, None
        qualifier, last = "range", other.end
        first -= negative  # "minus 10 to minus 5", "between minus 5 and 10"
        currency = currency or other.currency
        unit = other.unit or unit
    qualifier_start, said = qualifier_before(doc, first, sentence.start)
    if said and said != "range" and qualifier == "exact":
        qualifier, first = said, qualifier_start
    if said == "range" and qualifier == "range":
        first = qualifier_start
    if reading is not None and reading.approx and qualifier == "exact":
        qualifier = "about"
    if ordinal_after(sentence, end):
        return None  # "twenty-fifth", "one hundred twenty fifth": an ordinal
    if qualifier == "exact" and first > sentence.start and doc[first - 1].lower_ in _MINUS:
        first, value = first - 1, -value
    factor = Decimal(1)
    if unit is None:
        unit, factor, last = _unit_after(sentence, last, currency)
        if unit is not None and len(unit) == 3 and unit.isupper():
            currency, unit = unit, None
    if unit == "%" and currency is not None and first < index:
        currency, first = None, index  # "AMD +0.26%": a ticker, not a currency; a share
    if unit is None and currency is None and (times := times_after(sentence, last)) is not None:
        unit, last = "times", times  # "three times as many"
    aged = first > 0 and doc[first - 1].lower_ in _AGED
    if first > 1 and doc[first - 1].lower_ == "of" and doc[first - 2].lower_ == "age":
        aged = True  # "at the age of 85"
    if unit is None and currency is None and (aged or _age_after_name(doc, first, last)):
        unit = "year"  # "aged 87", "at age 65", "Andrew Lopez, 20,": years of age
    if qualifier == "exact" and (postfix := postfix_after(sentence, last)):
        qualifier, last = postfix  # "50 or more"
    if unit is None and currency is None and qualifier == "exact" and names_a_model(doc[end]):
        return None
    value, low, high = (_times(v, factor) for v in (value, low, high))
    low, high = bounds_of(qualifier, value, low, high)
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
_COUNT_BOUNDS = frozenset({"at_least", "more_than", "at_most", "less_than"})
_AGED = frozenset({"aged", "age"})


def _range_token(sentence: Span, index: int) -> Quantity | None:
    """ "1000–5000": a range the tokenizer kept in one token."""
    found = token_range(sentence, index)
    if found is None:
        return None
    return Quantity(index, index, index, None, found[0], found[1], "range", None)


def _times(value: Decimal | None, factor: Decimal) -> float | None:
    return None if value is None else float(value * factor)


def currency_before(
    doc: object, first: int, sentence_start: int, reading: Reading | None
) -> tuple[str | None, int]:
    """A sign or code before the number ("$", "£", "US$", "Rs", "INR"), and where it starts."""
    if first - 1 < sentence_start:
        return None, first
    previous = doc[first - 1]
    code = sign_code(previous.text)
    before = doc[first - 2] if first - 2 >= sentence_start else None
    if previous.text == "$" and before is not None and _sign_apart(before):
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
    doc = sentence.doc
    if len(name) == 3 and name.isupper() and token + 1 < sentence.end:
        scale = SCALES.get(doc[token + 1].lower_, 0)
        if scale >= 1000 and doc[token + 1].is_alpha:
            return name, factor * exact(scale), token + 1  # "75 USD million"
    return name, factor, token


def _sign_apart(before: Token) -> bool:
    """ "c $ 1.34", "hk $ 10": letters of a dollar sign written apart; not the article of "a
    $100" nor the possessive "s" of "music ' s $ 500 million"."""
    return before.is_alpha and before.lower_ not in ("a", "an") and not names_apart(before)


def _age_after_name(doc: object, first: int, last: int) -> bool:
    """ "Andrew Lopez, 20, is ...", "his daughter Katie, 20.": a whole number set off by commas
    right after a person's name is the person's age (the news convention)."""
    if first < 2 or last + 1 >= len(doc) or first != last or not doc[first].text.isdecimal():
        return False
    name, after = doc[first - 2], doc[last + 1]
    return (
        doc[first - 1].text == ","
        and name.ent_type_ == "PERSON"
        and after.text in (",", ".", ";", ")")
        and 0 < int(doc[first].text) < 120
    )
