"""Figure series: the same figure across a story's articles, and how each value relates.

Two figures measure the same thing when they fall in one story, in the same measure class
("killed", "died" and "death toll" are one class; see `data/compare.json`), count compatible
things ("Palestinians" and "people" are compatible, "miners" and "trucks" are not), with the
same unit and a compatible place. A series is ordered by publication date and each value is
compared with the one before it (so a series of n values makes n - 1 comparisons):

- `agree`: the values are equal within the rounding their wording implies ("2 million" covers
  1.9-2.1 million), or their bounds overlap ("about 300" and "more than 300");
- `update`: a later article gives a larger value of a cumulative count (a death toll that
  grew), or a different value of anything else more than `TIME_FRAME_DAYS` later;
- `conflict`: incompatible values in the same time frame, from different sources, or a
  cumulative count that fell.
Measures outside the lexicon are linked only within the same time frame, since "the Dow fell
340 points" on two different days are two different falls.
"""

from __future__ import annotations

import itertools
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date

from storyledger.compare.items import comparison_item
from storyledger.compare.words import Measure, compare_lexicon, stem, stems, tokens
from storyledger.model import Article, Comparison, ComparisonItem, Figure, Relation, content_id

TIME_FRAME_DAYS = 2
_ABOUT = 0.10
_ROUNDING_CAP = 0.05
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


@dataclass(frozen=True, slots=True)
class _Keyed:
    figure: Figure
    measure: Measure
    counted: str | None
    place: tuple[str, ...]
    published: date | None


def figure_series(
    figures: Iterable[Figure],
    articles: Mapping[str, Article],
    story_of: Mapping[str, str],
    copies: frozenset[frozenset[str]] = frozenset(),
) -> list[Comparison]:
    """The comparisons of every figure series of every story."""
    buckets: dict[tuple, list[_Keyed]] = defaultdict(list)
    for figure in figures:
        keyed = _key(figure, articles.get(figure.article))
        if keyed is not None and figure.article in story_of:
            bucket = (story_of[figure.article], keyed.measure.name, figure.unit or "")
            buckets[bucket].append(keyed)
    comparisons = []
    for (story, _measure, _unit), members in sorted(buckets.items()):
        for series in _series(members):
            comparisons += _compare_series(series, story, articles, copies)
    return comparisons


def _key(figure: Figure, article: Article | None) -> _Keyed | None:
    lexicon = compare_lexicon()
    measure_words = [
        w for w in stems(figure.measure or "") if w not in lexicon.ignored_measure_words
    ]
    counted_words = stems(figure.counted or "")
    named = [w for w in counted_words[-1:] if w in lexicon.event_nouns]  # "deaths", "injuries"
    measure = lexicon.measure_of(measure_words) or lexicon.measure_of(named)
    if measure is None:
        if not measure_words:
            return None
        measure = Measure("~" + " ".join(measure_words), cumulative=False)
    counted = [w for w in counted_words if w not in lexicon.measures]
    head = counted[-1] if counted else None
    if head in lexicon.generic_counted:
        head = None
    place = tuple(w for w in tokens(figure.place or "") if w != "the")
    if lexicon.directional & set(measure_words):
        figure = _magnitude(figure)
    return _Keyed(figure, measure, head, place, article.published if article else None)


def _magnitude(figure: Figure) -> Figure:
    """A change whose word gives its direction, compared by its size ("fell by -3.16%")."""
    values = [v for v in (figure.value, figure.low, figure.high) if v is not None]
    if not values or min(values) >= 0:
        return figure
    flip = [None if v is None else abs(v) for v in (figure.value, figure.high, figure.low)]
    return replace(figure, value=flip[0], low=flip[1], high=flip[2])


def _series(members: list[_Keyed]) -> list[list[_Keyed]]:
    """Members split into series of mutually compatible figures, each in date order."""
    found: list[list[_Keyed]] = []
    for keyed in sorted(members, key=_order):
        home = next((s for s in found if all(_compatible(keyed, m) for m in s)), None)
        if home is None:
            found.append([keyed])
        else:
            home.append(keyed)
    return [series for series in found if len({k.figure.article for k in series}) > 1]


def _order(keyed: _Keyed) -> tuple:
    return (
        keyed.published is None,
        keyed.published or date.min,
        keyed.figure.article,
        keyed.figure.start,
    )


def _compatible(a: _Keyed, b: _Keyed) -> bool:
    if a.counted != b.counted:
        if a.counted and b.counted:
            return False
        if (a.counted or b.counted) in compare_lexicon().subgroups:
            return False  # "15 children" are among the dead, not a count of them
    if a.place and b.place and not (set(a.place) <= set(b.place) or set(b.place) <= set(a.place)):
        return False
    if a.measure.name.startswith("~"):
        # an open bound ("up to 840") overlaps almost any value: on its own it ties nothing
        bounded = all(math.isfinite(v) for f in (a.figure, b.figure) for v in interval(f))
        within = _days_apart(a, b) <= TIME_FRAME_DAYS
        return within or (bounded and _overlap(a.figure, b.figure))
    return True


def _compare_series(
    series: list[_Keyed], story: str, articles: Mapping[str, Article], copies: frozenset
) -> list[Comparison]:
    comparisons = []
    for earlier, later in itertools.pairwise(series):
        a, b = earlier.figure, later.figure
        if a.article == b.article and not (
            a.attributed_to and b.attributed_to and a.attributed_to != b.attributed_to
        ):
            continue  # one article repeating itself (a headline and its body, say)
        if frozenset((a.article, b.article)) in copies:
            continue  # a syndicated copy says nothing new
        relation, note = _relation(earlier, later)
        topic = _topic(series)
        comparisons.append(
            Comparison(
                id=content_id("comparison", "figure", a.id, b.id),
                kind="figure",
                story=story,
                topic=topic,
                relation=relation,
                note=note,
                items=(_item(a, articles), _item(b, articles)),
            )
        )
    return comparisons


def _relation(earlier: _Keyed, later: _Keyed) -> tuple[Relation, str]:
    a, b = earlier.figure, later.figure
    apart = _days_apart(earlier, later)
    grew = (b.point or 0.0) > (a.point or 0.0)
    if apart > 0 and earlier.measure.cumulative and grew:
        return "update", f"{apart} days later the cumulative count rose: {a.text} → {b.text}"
    if _overlap(a, b):
        return "agree", f"{a.text!r} and {b.text!r} agree within their wording's rounding"
    if apart > 0 and earlier.measure.cumulative:
        return "conflict", f"a cumulative count fell {apart} days later: {a.text} → {b.text}"
    if apart > TIME_FRAME_DAYS:
        return "update", f"{apart} days later a different value: {a.text} → {b.text}"
    when = "the same day" if apart == 0 else f"{apart} days apart"
    return "conflict", f"incompatible values {when}: {a.text} vs {b.text}"


def _days_apart(a: _Keyed, b: _Keyed) -> int:
    if a.published is None or b.published is None:
        return 0
    return abs((b.published - a.published).days)


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure's wording allows: bounds as stated, exact values widened by the
    rounding the wording implies ("2 million" is 1.9-2.1 million; "32" is 31.5-32.5)."""
    value = figure.value if figure.value is not None else figure.low
    if value is None:
        return (-math.inf, math.inf)
    low = figure.low if figure.low is not None else value
    high = figure.high if figure.high is not None else value
    spread = _rounding(figure, value)
    match figure.qualifier:
        case "at_least" | "more_than" | "vague" if figure.high is None or figure.high == low:
            return (low - spread, math.inf)
        case "at_most" | "less_than":
            return (-math.inf, high + spread)
        case "about":
            return (value * (1 - _ABOUT), value * (1 + _ABOUT))
    return (low - spread, high + spread)


def _rounding(figure: Figure, value: float) -> float:
    """Half the last significant unit of the number as written, at most 5 % of the value."""
    words = tokens(figure.text)
    scale = next((_SCALES[w] for w in words if w in _SCALES), 1.0)
    digits = "".join(ch for ch in figure.text if ch.isdigit() or ch == ".")
    if not digits:
        return 0.0
    whole, _dot, fraction = digits.partition(".")
    if fraction:
        unit = scale / 10 ** len(fraction.rstrip("."))
    else:
        trailing = len(whole) - len(whole.rstrip("0"))
        unit = scale * 10**trailing
    return min(unit / 2, abs(value) * _ROUNDING_CAP)


def _overlap(a: Figure, b: Figure) -> bool:
    low_a, high_a = interval(a)
    low_b, high_b = interval(b)
    return low_a <= high_b and low_b <= high_a


def _topic(series: list[_Keyed]) -> str:
    first = series[0]
    counted = next((k.figure.counted for k in series if k.counted), None)
    measure = first.measure.name
    if measure.startswith("~"):  # no measure of the lexicon: its words as written, not stems
        lexicon = compare_lexicon()
        written = tokens(first.figure.measure or "")
        measure = " ".join(w for w in written if stem(w) not in lexicon.ignored_measure_words)
    words = [counted or "", measure]
    place = next((k.figure.place for k in series if k.figure.place), None)
    if place:
        words.append(f"in {place}")
    if first.figure.unit and not counted:
        words.insert(0, first.figure.unit)
    return " ".join(w for w in words if w)


def _item(figure: Figure, articles: Mapping[str, Article]) -> ComparisonItem:
    return comparison_item(
        articles,
        article=figure.article,
        record=figure.id,
        text=figure.text,
        start=figure.start,
        end=figure.end,
        source=figure.attributed_to,
    )
