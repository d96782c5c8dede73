"""Long texts in pieces: together exactly the text, cut where the text allows, joined exactly."""

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.pieces import PARSE_CHARS, RUN_CHARS, join, pieces
from tests.steps import growth

texts = st.lists(st.sampled_from(["word", " ", "\n", ". ", '"', "((", "\n\n"]), max_size=80).map(
    "".join
)


@given(texts, st.integers(2, 40), st.integers(1, 12))
def test_pieces_are_the_whole_text_in_order_and_within_the_limits(text, limit, run):
    found = pieces(text, limit=limit, run=run)
    assert found[0][0] == 0 and found[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(found))
    assert all(0 < end - start <= limit for start, end in found) or text == ""
    assert all(len(m) <= run for s, e in found for m in re.findall(r"\S+", text[s:e]))


@pytest.mark.parametrize(
    "text, limit, first_end",
    [
        ("One block here.\nAnother block of text that goes on.", 30, 16),  # after the line break
        ("A sentence ends. Then another one goes on and on.", 30, 17),  # after the sentence
        ("words and words and words and words and more", 28, 26),  # after the last space
        ("x" * 50, 30, 30),  # no space at all: at the limit
        ("Short text.", 30, 11),  # within the limit: one piece
    ],
)
def test_a_piece_ends_at_a_line_break_else_a_sentence_else_a_space(text, limit, first_end):
    assert pieces(text, limit=limit, run=1000)[0] == (0, first_end)


def test_a_long_run_without_spaces_is_read_in_short_pieces():
    text = "He said " + '"' * (RUN_CHARS * 3 + 5) + " and left."
    found = pieces(text)
    assert [end - start for start, end in found] == [8, RUN_CHARS, RUN_CHARS, RUN_CHARS, 5, 10]


def test_the_defaults_leave_a_news_article_whole():
    article = ("A paragraph of an ordinary news article, one of many.\n\n" * 150).strip()
    assert len(article) < PARSE_CHARS and pieces(article) == [(0, len(article))]


@pytest.mark.issue(20)
def test_cutting_takes_linear_work():
    def cut(size):
        return pieces(("word " * 30 + "\n" + "(" * 1500 + " ") * size, limit=5000)

    assert growth(cut, 20) < 5


def test_joined_pieces_have_exactly_the_texts_characters(nlp):
    text = 'First block.\n\nSecond one, "quoted".\n' + "(" * 2500 + "\nLast words"
    found = pieces(text, limit=20, run=1000)
    doc = join([nlp.make_doc(text[start:end]) for start, end in found])
    assert doc.text == text
    assert [t.idx for t in doc] == sorted(t.idx for t in doc)
