"""Which unit a number's context says: "m" of metres or of millions ("a 25m (82ft) tower",
"outreach is 48m", "5m by 4m"), "pounds" of weight or of sterling ("weighs 4.5 pounds", "40
pounds of cocaine", "shed 30 pounds")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from storyledger.extract.figures.money import (
    Glued,
    glued_at,
    money_word_at,
    sign_code,
    split_glued,
)
from storyledger.extract.figures.numbers import MAX_NUMBER_TOKENS, SCALES

_METRE_WORDS = frozenset(
    "tall high long wide deep away above below across deeper higher taller longer".split()
)
_CONVERSION_UNITS = frozenset({"ft", "feet", "foot", "in", "inches", "yards", "yd"})


def metres_follow(doc: object, end: int, glued: Glued | None) -> bool:
    """ "a 25m (82ft) tower", "25m high", "the 100m sprint": an "m" of metres, not millions.
    Money never is: "£4.1m" is millions."""
    if glued is not None and glued.currency is not None:
        return False
    first = end if glued is not None else end - 1
    while first > 0 and doc[first - 1].like_num and end - first < MAX_NUMBER_TOKENS:
        first -= 1
    if first > 0 and sign_code(doc[first - 1].text):
        return False
    after = doc[end + 1 : end + 4]
    if len(after) >= 3 and after[0].text == "(" and after[2].lower_ in _CONVERSION_UNITS:
        return True
    if len(after) >= 2 and after[0].text == "(" and (g := glued_at(after[1])) is not None:
        return g.unit in ("foot", "inch", "yard")
    if after and after[0].lower_ in _METRE_WORDS:
        return True
    if any(t.lower_ in _DIMENSIONS for t in doc[max(0, first - 4) : first]):
        return True  # "a height of 25m", "the length is 12 m", "outreach is 48m"
    if any(_metric_length(t) for t in doc[max(0, first - 8) : end + 8] if t.i not in (first, end)):
        return True  # "1m is equal to 10 dm": other metric lengths around it
    if _times_sign(doc, first - 1) or (len(after) >= 2 and _times_sign(doc, end + 1)):
        return True  # "1 m x 1 m": the sides of an area
    before = doc[first - 1].lower_ if first > 0 else ""
    return bool(after) and before in ("a", "an", "the") and after[0].tag_ == "NN"


_WEIGHT_WORDS = frozenset(
    "weigh weighs weighed weighing weight weights heavy heavier heaviest lighter overweight "
    "ton tons tonne tonnes kilo kilos kilogram kilograms kilogramme kilogrammes kg ounce ounces "
    "lb lbs stone pounder".split()
)
_WEIGHT_VERBS = frozenset({"lose", "shed", "gain", "drop", "put"})
_MONEY_THINGS = frozenset(
    "money cash fund funding taxpayer public savings aid debt investment spending revenue profit "
    "damage compensation budget income salary wage tax fee price cost bill fine sum amount loan "
    "payment share stake".split()
)


def weighs(sentence: Span, last: int) -> bool:
    """ "25 pounds" of weight, not sterling: a word of weight in the sentence ("weighs", "a
    ton is 2,204.62 pounds"), "pounds of" a thing, or pounds a body loses or gains ("shed 25
    pounds")."""
    doc = sentence.doc
    if any(t.lower_ in _WEIGHT_WORDS for t in sentence):
        return True
    unit = doc[last + 1] if last + 1 < sentence.end else None
    if unit is None:
        return False
    after = doc[unit.i + 1] if unit.i + 1 < sentence.end else None
    if after is not None and after.lower_ == "of" and unit.i + 2 < sentence.end:
        thing = next((t for t in after.children if t.dep_ == "pobj"), doc[unit.i + 2])
        return (
            thing.pos_ in ("NOUN", "ADJ", "PROPN")
            and thing.lemma_.lower() not in _MONEY_THINGS
            and not money_word_at(thing.lower_, 0)
        )
    verb = unit.head
    if (
        unit.dep_ != "dobj"
        or verb.lemma_.lower() not in _WEIGHT_VERBS
        or doc[last].lower_ in SCALES
    ):
        return False
    subjects = [t for t in (*verb.children, *verb.head.children) if t.dep_ == "nsubj"]
    return all(t.pos_ == "PRON" or t.ent_type_ == "PERSON" for t in subjects)


_DIMENSIONS = frozenset(
    "length height width depth breadth thickness diameter radius span wingspan outreach reach "
    "altitude elevation distance circumference perimeter".split()
)


_METRIC_LENGTHS = frozenset({"mm", "cm", "dm", "km"})


def _metric_length(token: Token) -> bool:
    """ "10 dm", "30cm": a metric length other than the metre."""
    glued = split_glued(token.text)
    if glued is not None and glued.suffix.lower() in _METRIC_LENGTHS:
        return True
    return token.text in _METRIC_LENGTHS and token.i > 0 and token.nbor(-1).like_num


def _times_sign(doc: object, index: int) -> bool:
    """ "x", "×" or "by" between two lengths in metres ("5m by 4m", "1 m x 1 m")."""
    if not (1 <= index < len(doc) - 1 and doc[index].lower_ in ("x", "×", "by")):
        return False
    before, after = doc[index - 1], doc[index + 1]
    metres_after = after.text[:1].isdigit() and after.text.rstrip(".").endswith("m")
    if index + 2 < len(doc) and after.like_num and doc[index + 2].text.rstrip(".") == "m":
        metres_after = True
    return (
        (before.text == "m" or before.text[:1].isdigit())
        and before.text.endswith("m")
        and (metres_after)
    )
