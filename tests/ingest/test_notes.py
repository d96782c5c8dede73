"""Strings made storable, and one-line display of names with control characters."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.ingest import Skipped
from storyledger.ingest.notes import printable, repaired


@pytest.mark.parametrize(
    ("text", "fixed", "count"),
    [
        ("plain", "plain", 0),
        ("a\ud800b", "a\ufffdb", 1),
        ("\udfff\ud800", "\ufffd\ufffd", 2),
        ("\ud83d\ude00", "\U0001f600", 0),  # a pair kept as one character
        ("already \ufffd", "already \ufffd", 0),
    ],
)
def test_lone_surrogates_are_replaced_and_counted(text, fixed, count):
    assert repaired(text) == (fixed, count)


@given(st.text())
def test_repaired_text_always_encodes(text):
    fixed, _ = repaired(text)
    fixed.encode("utf-8")
    if fixed == text:
        assert repaired(text)[1] == 0


@pytest.mark.issue(20)
def test_a_skip_prints_on_one_line():
    skipped = Skipped("in/a\nb\u2028c\x1b.txt", "empty file")
    assert str(skipped) == "in/a\\nb\\u2028c\\x1b.txt: empty file"
    assert printable("café ✓ שלום") == "café ✓ שלום"
