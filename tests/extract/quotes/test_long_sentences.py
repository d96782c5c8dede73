"""Quotes in very long sentences and blocks: the same answers, in work linear in the length."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.extract.quotes.direct import Found
from storyledger.extract.quotes.indirect import _outermost
from storyledger.extract.quotes.marks import QuoteCover, Quoted
from storyledger.extract.quotes.stage import quote_stage
from storyledger.model import Article
from storyledger.pipeline import analyse
from tests.steps import count_steps

# (name, text of a block `size` units long) - each once made the quotes stage superlinear
LONG = [
    (
        "headline-like block, then a pronoun speaker",
        lambda n: " ".join(["he", "said", "the", "minister"] * n) + "\n\nHe said it was fine.\n",
    ),
    ("said said said", lambda n: "He said " + " ".join(["said"] * 4 * n) + ".\n"),
    ("many quotes in one sentence", lambda n: "He said " + " ".join(f'"w{i}"' for i in range(n))),
    (
        "many quotes after 'as'",
        lambda n: "They dismissed it " + ", ".join(f'as "w{i} w"' for i in range(n)) + ".\n",
    ),
    (
        "according to, again and again",
        lambda n: ", ".join(f"according to officer {i} the road was shut" for i in range(n)),
    ),
    (
        "pronoun speakers in one paragraph",
        lambda n: "Mr Smith met the envoy. He said talks went well. " * n + "\n",
    ),
]


def _quoted(bounds):
    return [Quoted(start=a + 1, end=b - 1, block=0, outer_start=a, outer_end=b) for a, b in bounds]


def _apart(draw_list):
    """Quote extents one after another, as `find_quoted` makes them."""
    position, bounds = 0, []
    for gap, length in draw_list:
        bounds.append((position + gap, position + gap + length))
        position += gap + length
    return bounds


@given(st.lists(st.tuples(st.integers(0, 5), st.integers(2, 6)), max_size=12), st.data())
def test_quote_cover_answers_like_a_scan_of_every_quote(pairs, data):
    quoted = _quoted(_apart(pairs))
    cover = QuoteCover(quoted)
    start = data.draw(st.integers(0, 90))
    end = data.draw(st.integers(0, 90))
    assert (start in cover) == any(q.outer_start <= start < q.outer_end for q in quoted)
    covered = sum(max(0, min(end, q.outer_end) - max(start, q.outer_start)) for q in quoted)
    assert cover.covered(start, end) == covered


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 30)), max_size=15, unique=True))
def test_outermost_keeps_exactly_the_reports_no_longer_one_contains(extents):
    found = [Found(start, start + length, "indirect", None, None) for start, length in extents]
    expected = [
        item
        for item in found
        if not any(
            other.start <= item.start
            and item.end <= other.end
            and other.end - other.start > item.end - item.start
            for other in found
        )
    ]
    assert _outermost(found) == expected


@pytest.mark.issue(20)
@pytest.mark.parametrize("make", [text for _, text in LONG], ids=[name for name, _ in LONG])
def test_quote_stage_work_grows_linearly_with_the_sentence(nlp, make):
    """Four times the words, about four times the work (not 16 or 64 times); the 2,000-word
    headline-like block took 85 s before."""
    small, large = (
        next(analyse([Article(id=str(n), text=make(n), source=str(n))], nlp)) for n in (40, 160)
    )
    small_steps, small_quotes = count_steps(lambda: quote_stage(small))
    large_steps, large_quotes = count_steps(lambda: quote_stage(large))
    assert large_steps / small_steps < 5.5
    for analysis, quotes in ((small, small_quotes), (large, large_quotes)):
        text = analysis.article.text
        assert all(text[q.start : q.end] == q.text for q in quotes)
