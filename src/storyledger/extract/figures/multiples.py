"""Multiples: "twice as many", "three times higher", "nearly twice the size", "double the speed",
"triple its size": a figure whose unit is "times" (a ratio to something else), not a count. "7
times since Monday" stays a count, "a double room" and "doubled" are no figures."""

from __future__ import annotations

from spacy.tokens import Span

MULTIPLE_WORDS = {"twice": 2.0, "thrice": 3.0, "double": 2.0, "triple": 3.0, "quadruple": 4.0}
# "double", "triple" say a multiple only before what they multiply: "double the speed", "triple
# its size" (not "a double room", "a triple jump", "double as").
_BEFORE_MULTIPLIED = frozenset("the that this what its their his her our your".split())
_COMPARISONS = frozenset(
    "as more less fewer higher lower larger smaller bigger greater faster slower longer shorter "
    "the that".split()
)


def multiple_at(sentence: Span, index: int) -> float | None:
    """The value of "twice"/"thrice" at `index` when a comparison follows ("twice as many")."""
    doc = sentence.doc
    word = doc[index].lower_
    value = MULTIPLE_WORDS.get(word)
    following = doc[index + 1].lower_ if index + 1 < sentence.end else ""
    wanted = _COMPARISONS if word in ("twice", "thrice") else _BEFORE_MULTIPLIED
    return value if value is not None and following in wanted else None


def times_after(sentence: Span, last: int) -> int | None:
    """The "times" token of "three times as many" or "five times higher" after token `last`."""
    doc = sentence.doc
    if last + 2 >= sentence.end or doc[last + 1].lower_ != "times":
        return None
    return last + 1 if doc[last + 2].lower_ in _COMPARISONS else None
