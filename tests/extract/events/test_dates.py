"""Event dates resolved against the publication date, never the ingest date."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.extract.events.dates import WEEKDAYS, resolve_date

TUESDAY = date(2025, 5, 20)


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("expression", "future", "expected", "precision"),
    [
        ("on Sunday", False, date(2025, 5, 18), "day"),
        ("Monday night", False, date(2025, 5, 19), "day"),
        ("on Tuesday", False, TUESDAY, "day"),
        ("last Tuesday", False, date(2025, 5, 13), "day"),
        ("on Sunday", True, date(2025, 5, 25), "day"),
        ("next Monday", False, date(2025, 5, 26), "day"),
        ("yesterday", False, date(2025, 5, 19), "day"),
        ("tonight", False, TUESDAY, "day"),
        ("this week", False, date(2025, 5, 19), "week"),
        ("last week", False, date(2025, 5, 12), "week"),
        ("last month", False, date(2025, 4, 1), "month"),
        ("May 19, 2025", False, date(2025, 5, 19), "day"),
        ("Oct. 7", False, date(2024, 10, 7), "day"),
        ("in 2023", False, date(2023, 1, 1), "year"),
    ],
)
def test_resolves_against_publication(expression, future, expected, precision):
    resolved = resolve_date(expression, TUESDAY, future=future)
    assert (resolved.date, resolved.precision) == (expected, precision)


@pytest.mark.parametrize(
    "expression", ["on Sunday", "this week", "yesterday", "Oct. 7", "", "the talks", "soon"]
)
def test_nothing_without_a_publication_date_or_a_date(expression):
    assert resolve_date(expression, None) is None
    if expression in ("", "the talks", "soon"):
        assert resolve_date(expression, TUESDAY) is None


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(WEEKDAYS),
    st.booleans(),
)
def test_weekdays_land_within_a_week_on_the_right_side(published, weekday, future):
    resolved = resolve_date(f"on {weekday.title()}", published, future=future)
    assert resolved.date.weekday() == WEEKDAYS.index(weekday)
    gap = resolved.date - published
    if future:
        assert timedelta(days=1) <= gap <= timedelta(days=7)
    else:
        assert timedelta(days=-6) <= gap <= timedelta(0)
