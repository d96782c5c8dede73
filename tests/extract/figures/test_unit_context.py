"""The unit a number's context says: metres or millions after a glued "m"."""

import pytest
import spacy
from spacy.tokens import Doc

from storyledger.extract.figures.money import glued_at
from storyledger.extract.figures.unit_context import metres_follow
from storyledger.model import Article
from storyledger.pipeline import analyse


def _metres(words: list[str]) -> bool:
    """`metres_follow` on the glued "…m" token of `words`, the words one sentence."""
    doc = Doc(spacy.blank("en").vocab, words=words, sent_starts=[True] + [False] * (len(words) - 1))
    index = next(i for i, word in enumerate(words) if word[:1].isdigit())
    return metres_follow(doc, index, glued_at(doc[index]))


@pytest.mark.issue(16)
@pytest.mark.parametrize(
    ("words", "metres"),
    [
        # a conversion in feet, inches or yards whose token keeps the sentence's full stop
        (["A", "wave", "of", "25m", "(", "82ft."], True),
        (["A", "run", "of", "90m", "(", "98yds."], True),
        (["A", "wave", "of", "25m", "(", "82ft", ")"], True),
        # negatives: what follows is no length, or the stop is not the sentence's
        (["A", "fund", "of", "25m", "(", "12%."], False),
        (["A", "fund", "of", "25m", "(", "2020."], False),
    ],
)
def test_a_glued_conversion_keeps_its_sentence_stop_out(words, metres):
    assert _metres(words) is metres


@pytest.mark.issue(16)
def test_a_full_stop_inside_the_sentence_is_part_of_the_token():
    words = ["A", "fund", "of", "25m", "(", "82ft.", ")", "grew", "."]
    assert _metres(words) is False


@pytest.mark.issue(16)
@pytest.mark.parametrize("text", ["The wall was 25m (", "A wave of 25m ("])
def test_an_opening_bracket_that_ends_the_text_is_read_without_error(nlp, text):
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    assert [figure.text for figure in analysis.get("figures")] == ["25m"]
