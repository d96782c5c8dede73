"""Bounds written around a number: "50 or more", "greater than or equal to 30", and two bounds
that make one range ("more than 10 and less than 40", "at most 100 and at least 20")."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from spacy.tokens import Span

# Qualifiers written before a number, besides those of `qualifiers.QUALIFIERS`.
COMPARATIVES: dict[tuple[str, ...], str] = {
    ("greater", "than", "or", "equal", "to"): "at_least",
    ("more", "than", "or", "equal", "to"): "at_least",
    ("less", "than", "or", "equal", "to"): "at_most",
    ("fewer", "than", "or", "equal", "to"): "at_most",
    ("greater", "or", "equal", "than"): "at_least",
    ("higher", "or", "equal", "than"): "at_least",
    ("bigger", "or", "equal", "than"): "at_least",
    ("larger", "or", "equal", "than"): "at_least",
    ("at", "least", "or", "equal", "to"): "at_least",
    ("less", "or", "equal", "than"): "at_most",
    ("lower", "or", "equal", "than"): "at_most",
    ("smaller", "or", "equal", "than"): "at_most",
    ("at", "most", "or", "equal", "to"): "at_most",
    ("greater", "than"): "more_than",
    ("larger", "than"): "more_than",
    ("higher", "than"): "more_than",
    ("bigger", "than"): "more_than",
    ("smaller", "than"): "less_than",
    ("lower", "than"): "less_than",
    ("exceeding",): "more_than",
    ("exceeds",): "more_than",
    ("exceed",): "more_than",
    ("surpass",): "more_than",
    ("surpassing",): "more_than",
    ("a", "maximum", "of"): "at_most",
    ("not", "more", "than"): "at_most",
    ("not", "less", "than"): "at_least",
    (">",): "more_than",
    (">", "="): "at_least",
    (">=",): "at_least",
    ("≥",): "at_least",
    ("well", "over"): "more_than",
    ("well", "above"): "more_than",
    ("just", "above"): "more_than",
    ("north", "of"): "more_than",
    ("upward", "of"): "more_than",
    ("well", "under"): "less_than",
    ("well", "below"): "less_than",
    ("just", "below"): "less_than",
    ("just", "shy", "of"): "less_than",
    ("as", "high", "as"): "at_most",
    ("in", "the", "region", "of"): "about",
    ("on", "the", "order", "of"): "about",
    ("somewhere", "around"): "about",
    ("<",): "less_than",
    ("<", "="): "at_most",
    ("<=",): "at_most",
    ("≤",): "at_most",
}
POSTFIX: dict[tuple[str, str], str] = {
    ("or", "so"): "about",
    ("or", "more"): "at_least",
    ("or", "over"): "at_least",
    ("or", "above"): "at_least",
    ("or", "greater"): "at_least",
    ("or", "higher"): "at_least",
    ("and", "over"): "at_least",
    ("and", "above"): "at_least",
    ("and", "more"): "at_least",
    ("or", "less"): "at_most",
    ("or", "fewer"): "at_most",
    ("or", "under"): "at_most",
    ("or", "below"): "at_most",
    ("or", "lower"): "at_most",
    ("and", "under"): "at_most",
    ("and", "below"): "at_most",
}
_LOWER = ("at_least", "more_than")
_UPPER = ("at_most", "less_than")
_LINKS = frozenset({"and", "but", ",", "yet"})


GLUED_POSTFIX = {"odd": "about", "plus": "at_least"}


def postfix_after(sentence: Span, last: int) -> tuple[str, int] | None:
    """ "50 or more", "20 or so", "20-odd", "30-plus", "40+": the qualifier written after the
    number, and its last token."""
    doc = sentence.doc
    if last + 1 < sentence.end and doc[last + 1].text == "+" and not doc[last].whitespace_:
        return "at_least", last + 1
    if last + 2 >= sentence.end:
        return None
    dash, word = doc[last + 1], doc[last + 2]
    if dash.text in ("-", "‑") and not doc[last].whitespace_ and not dash.whitespace_:
        found = GLUED_POSTFIX.get(word.lower_)
        return (found, last + 2) if found else None
    words = (doc[last + 1].lower_, doc[last + 2].lower_)
    if words not in POSTFIX:
        return None
    following = doc[last + 3] if last + 3 < sentence.end else None
    if following is not None and following.like_num:
        return None  # "50 or more than 60": not a bound of 50
    return POSTFIX[words], last + 2


def merge_bounds(sentence: Span, found: list[Any]) -> list[Any]:
    """Two bounds joined by "and"/"but" that close a range from both sides make one range:
    "more than 10 and less than 40" is (10, 40)."""
    doc = sentence.doc
    merged: list[Any] = []
    for quantity in found:
        previous = merged[-1] if merged else None
        if (
            previous is not None
            and {previous.qualifier, quantity.qualifier} & set(_LOWER)
            and {previous.qualifier, quantity.qualifier} & set(_UPPER)
            and previous.qualifier != quantity.qualifier
            and previous.unit == quantity.unit
            and all(t.lower_ in _LINKS for t in doc[previous.last + 1 : quantity.first])
            and quantity.first > previous.last + 1
        ):
            low = previous if previous.qualifier in _LOWER else quantity
            high = quantity if low is previous else previous
            if low.value is not None and high.value is not None and low.value < high.value:
                merged[-1] = replace(
                    previous,
                    last=quantity.last,
                    number_last=quantity.number_last,
                    value=None,
                    low=low.value,
                    high=high.value,
                    qualifier="range",
                )
                continue
        merged.append(quantity)
    return merged


_BOUNDS = frozenset({"about", "at_least", "more_than", "at_most", "less_than"})


def carry_to_conversions(sentence: Span, found: list[Any]) -> list[Any]:
    """A measure converted in brackets right after a bounded one takes its bound: "less than
    50 km (30 miles)" is less than 30 miles too, "about two metres (6.6 feet)" about 6.6 feet."""
    doc = sentence.doc
    carried: list[Any] = []
    for quantity in found:
        previous = carried[-1] if carried else None
        if (
            previous is not None
            and previous.qualifier in _BOUNDS
            and quantity.qualifier == "exact"
            and previous.unit is not None
            and quantity.unit is not None
            and quantity.value is not None
            and quantity.first == previous.last + 2
            and doc[quantity.first - 1].text == "("
        ):
            value = quantity.value
            low = value if previous.qualifier in ("at_least", "more_than") else None
            high = value if previous.qualifier in ("at_most", "less_than") else None
            quantity = replace(quantity, qualifier=previous.qualifier, low=low, high=high)
        carried.append(quantity)
    return carried
