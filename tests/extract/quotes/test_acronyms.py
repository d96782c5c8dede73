"""Initials that stand for a longer organisation name (Schwartz and Hearst's test)."""

import pytest

from storyledger.extract.quotes.acronyms import is_acronym, stands_for


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("short", "long", "expected"),
    [
        ("USGS", "U.S. Geological Survey", True),
        ("GM", "General Motors", True),
        ("UAW", "United Auto Workers", True),
        ("SIA", "Singapore Airlines", True),  # letters in order, each word gives its initial
        ("UN", "United Nations", True),
        # negatives: a word that gives no initial, letters that are not there, no initials
        ("AP", "Apple Inc", False),
        ("IBM", "Apple Inc.", False),
        ("Reid", "Harry Reid", False),
        ("GM", "Motors", False),
    ],
)
def test_initials_stand_for_a_longer_name(short, long, expected):
    assert stands_for(short, long) is expected


@pytest.mark.issue(18)
@pytest.mark.parametrize(
    ("name", "expected"),
    [("USGS", True), ("U.N.", True), ("SIA", True), ("Apple", False), ("A", False)],
)
def test_what_initials_look_like(name, expected):
    assert is_acronym(name) is expected
