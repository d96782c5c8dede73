"""Figure series: which figures are linked across articles, and how each pair is labelled."""

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.compare.figures import figure_series, interval
from storyledger.model import Article, Figure

A, B = "art-a", "art-b"


def _article(article_id, published):
    return Article(id=article_id, text="x" * 200, source=article_id, published=published)


def _figure(
    article,
    text,
    value,
    *,
    qualifier="exact",
    counted="people",
    measure="killed",
    place=None,
    attributed_to=None,
    unit=None,
    start=0,
):
    low = value if qualifier != "at_most" else None
    high = value if qualifier in ("exact",) else None
    return Figure(
        article=article,
        start=start,
        end=start + len(text),
        text=text,
        id=f"{article}-{start}-{text}",
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        counted=counted,
        measure=measure,
        place=place,
        attributed_to=attributed_to,
        unit=unit,
    )


def _relations(first, second, *, days=7):
    start = date(2026, 5, 1)
    articles = {A: _article(A, start), B: _article(B, start + timedelta(days=days))}
    found = figure_series([first, second], articles, {A: "s", B: "s"})
    return [c.relation for c in found]


# (earlier figure, later figure, days apart, expected relations)
PAIRS = [
    pytest.param(
        _figure(
            A,
            "more than 55,000",
            55000,
            qualifier="more_than",
            counted="Palestinians",
            attributed_to="the health ministry",
        ),
        _figure(B, "at least 57,575", 57575, qualifier="at_least", counted="Palestinians"),
        50,
        ["update"],
        id="toll-grew-is-an-update-not-a-conflict",
    ),
    pytest.param(
        _figure(A, "2 million", 2e6, counted="Palestinians", measure="population", place="Gaza"),
        _figure(B, "2.1 million", 2.1e6, counted="residents", measure="population"),
        50,
        ["agree"],
        id="population-within-rounding",
    ),
    pytest.param(
        _figure(A, "2 million", 2e6, measure="population"),
        _figure(B, "2.4 million", 2.4e6, measure="population"),
        50,
        ["update"],
        id="population-beyond-rounding-later-is-an-update",
    ),
    pytest.param(
        _figure(A, "32", 32, counted="miners", measure="trapped", attributed_to="the company"),
        _figure(B, "38", 38, counted="miners", measure="were trapped", attributed_to="the union"),
        1,
        ["conflict"],
        id="same-time-frame-different-count",
    ),
    pytest.param(
        _figure(A, "23", 23, measure="died"),
        _figure(B, "19", 19, measure="were killed"),
        5,
        ["conflict"],
        id="cumulative-count-cannot-fall",
    ),
    pytest.param(
        _figure(A, "about 300", 300, qualifier="about", counted="rescuers", measure="evacuated"),
        _figure(
            B, "more than 300", 300, qualifier="more_than", counted="rescuers", measure="evacuated"
        ),
        3,
        ["agree"],
        id="overlapping-bounds-agree",
    ),
    pytest.param(
        _figure(A, "12", 12, counted="trucks", measure="entered"),
        _figure(B, "12", 12, counted="people", measure="killed"),
        0,
        [],
        id="negative-different-measures",
    ),
    pytest.param(
        _figure(A, "40", 40, counted="trucks", measure="killed"),
        _figure(B, "40", 40, counted="soldiers", measure="killed"),
        0,
        [],
        id="negative-different-counted-things",
    ),
    pytest.param(
        _figure(A, "14", 14, measure="killed", place="Gaza"),
        _figure(B, "9", 9, measure="killed", place="Khan Younis"),
        0,
        [],
        id="negative-different-places",
    ),
    pytest.param(
        _figure(A, "340 points", 340, counted="points", measure="fell"),
        _figure(B, "500 points", 500, counted="points", measure="fell"),
        30,
        [],
        id="negative-unknown-measure-on-other-days-is-another-event",
    ),
    pytest.param(
        _figure(A, "340 points", 340, counted="points", measure="fell"),
        _figure(B, "360 points", 360, counted="points", measure="fell"),
        0,
        ["conflict"],
        id="unknown-measure-same-day-is-compared",
    ),
    pytest.param(
        _figure(A, "$5 billion", 5e9, counted=None, measure="lost", unit="USD"),
        _figure(B, "5 percent", 5, counted="percent", measure="lost", unit="%"),
        0,
        [],
        id="negative-different-units",
    ),
]


@pytest.mark.issue(6)
@pytest.mark.parametrize(("first", "second", "days", "expected"), PAIRS)
def test_figure_pairs(first, second, days, expected):
    assert _relations(first, second, days=days) == expected


def test_one_article_repeating_itself_is_not_compared():
    articles = {A: _article(A, date(2026, 5, 1))}
    headline = _figure(A, "14", 14, start=0)
    body = _figure(A, "at least 14", 14, qualifier="at_least", attributed_to="officials", start=50)
    assert figure_series([headline, body], articles, {A: "s"}) == []


def test_two_sources_in_one_article_are_compared():
    articles = {A: _article(A, date(2026, 5, 2)), B: _article(B, date(2026, 5, 1))}
    company = _figure(A, "32", 32, measure="trapped", attributed_to="the company", start=0)
    union = _figure(A, "38", 38, measure="trapped", attributed_to="the union", start=50)
    other = _figure(B, "32", 32, measure="trapped", start=0)
    found = figure_series([company, union, other], articles, {A: "s", B: "s"})
    assert sorted(c.relation for c in found) == ["agree", "conflict"]


def test_figures_of_different_stories_are_never_linked():
    articles = {A: _article(A, date(2026, 5, 1)), B: _article(B, date(2026, 5, 2))}
    found = figure_series(
        [_figure(A, "14", 14), _figure(B, "14", 14)], articles, {A: "one", B: "two"}
    )
    assert found == []


def test_items_name_the_records_and_who_reported_them():
    articles = {A: _article(A, date(2026, 5, 1)), B: _article(B, date(2026, 5, 9))}
    first = _figure(A, "14", 14, attributed_to="the ministry")
    second = _figure(B, "23", 23)
    (comparison,) = figure_series([first, second], articles, {A: "s", B: "s"})
    assert [i.record for i in comparison.items] == [first.id, second.id]
    assert [i.reported_by for i in comparison.items] == ["the ministry", None]
    assert [i.published for i in comparison.items] == [date(2026, 5, 1), date(2026, 5, 9)]
    assert comparison.story == "s" and "rose" in comparison.note


@pytest.mark.parametrize(
    ("text", "value", "inside", "outside"),
    [
        ("2 million", 2e6, 2.1e6, 2.2e6),
        ("15,000", 15000, 15200, 15600),
        ("32", 32, 32.4, 33),
        ("2.36%", 2.36, 2.364, 2.38),
    ],
)
def test_rounding_the_wording_implies(text, value, inside, outside):
    low, high = interval(_figure(A, text, value))
    assert low <= inside <= high
    assert not low <= outside <= high


@given(st.integers(min_value=1, max_value=10**9))
def test_a_value_lies_in_its_own_interval(value):
    text = f"{value:,}"
    for qualifier in ("exact", "at_least", "more_than", "about"):
        low, high = interval(_figure(A, text, float(value), qualifier=qualifier))
        assert low <= value <= high


@pytest.mark.issue(17)
def test_a_sign_repeating_the_direction_of_a_fall_is_agreement():
    """MEANTIME: "has fallen by 3.16%" and "has fallen by -3.16%", the same passage."""
    first = _figure(A, "3.16%", 3.16, counted="percent", measure="fallen", unit="%")
    second = _figure(B, "-3.16%", -3.16, counted="percent", measure="fallen", unit="%")
    assert _relations(first, second, days=0) == ["agree"]


@pytest.mark.issue(17)
def test_an_open_bound_alone_does_not_tie_figures_months_apart():
    """MEANTIME: "carry up to 840 people" (an A380) and "carries between 305 and 550
    passengers" (a Boeing 777), three months apart, are no series."""
    first = _figure(A, "up to 840", 840.0, qualifier="at_most", measure="carry")
    second = _figure(B, "between 305 and 550", None, counted="passengers", measure="carries")
    second = replace(second, low=305.0, high=550.0, qualifier="range")
    assert _relations(first, second, days=99) == []
