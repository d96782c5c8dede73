"""Qualifiers written before a number ("at least", "more than", "nearly", "up to", "between")
and the bounds a qualifier gives a value."""

from __future__ import annotations

from storyledger.extract.figures.bounds import COMPARATIVES

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


def qualifier_before(doc: object, first: int, sentence_start: int) -> tuple[int, str | None]:
    """The qualifier written right before token `first` and where it starts ("range" after
    "between" or "from")."""
    if first - 1 >= sentence_start and doc[first - 1].lower_ in ("between", "from"):
        return first - 1, "range"
    for length in (5, 4, 3, 2, 1):
        start = first - length
        if start < sentence_start:
            continue
        words = tuple(t.lower_ for t in doc[start:first])
        if words == ("over",) and _after_quantity(doc, start, sentence_start):
            return first, None  # "rose 5% over three years", "120 over 80": not "more than"
        if words in QUALIFIERS or words in COMPARATIVES:
            return start, QUALIFIERS.get(words) or COMPARATIVES[words]
    return first, None


def _after_quantity(doc: object, over: int, sentence_start: int) -> bool:
    """ "over" right after a quantity ("5% over", "10 people over", "12 points over", "120
    over") is the preposition of a period or a reading, not the bound "more than"."""
    if over - 1 < sentence_start:
        return False
    previous = doc[over - 1]
    if previous.text == "%" or (previous.like_num and previous.lower_ != "one"):
        return True  # not "no one over 65"
    counted = any(c.dep_ == "nummod" and c.like_num for c in previous.children)
    return previous.pos_ == "NOUN" and counted


def bounds_of(
    qualifier: str, value: float | None, low: float | None, high: float | None
) -> tuple[float | None, float | None]:
    """The low and high bounds a qualifier gives a value ("at_least 5" is 5 and None)."""
    if qualifier in ("range", "vague"):
        return low, high
    if qualifier == "exact":
        return value, value
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return None, value
    return None, None
