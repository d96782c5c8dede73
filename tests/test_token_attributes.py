"""The memoised pipeline (attribute ruler, lemmatizer, word embeddings) gives every token the
values, labels, heads and entities the pipeline as shipped gives."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyledger.nlp import load_model, load_plain_model
from storyledger.token_attributes import NAME
from tests.conftest import EXAMPLES, MEANTIME, SEEDS, need

TRICKY = (
    "There is a plan. There were two. I'm gonna go, y'all. Let's see; c'mon! He ain't nothin' "
    "but trouble.\n\n  It is there. I gave it to you and you gave it to me. Did they? They did. "
    "The data were clear; the media was not. Whether or not, that's that."
)
WORDS = [
    *"there is are was were it i you me let 's gon na got ta ai n't c'm on y' all y'all nothin' "
    "do does did have has had be not that if while data media news left right said says "
    "officials police killed 12 1,200 at least more than percent the a an of to .".split(),
    ",",
    "\n",
    "  ",
    "\n\n",
    "Gaza",
    "Smith",
    "WHO",
]


@pytest.fixture(scope="module")
def models():
    plain, memoised = load_plain_model(), load_model()
    assert NAME in memoised.pipe_names
    assert "attribute_ruler" not in memoised.pipe_names
    assert "attribute_ruler" in plain.pipe_names
    return plain, memoised


def differences(plain, memoised, texts: list[str]) -> list[tuple]:
    found = []
    for one, other in zip(plain.pipe(texts), memoised.pipe(texts), strict=True):
        assert len(one) == len(other)
        for a, b in zip(one, other, strict=True):
            left, right = _values(a), _values(b)
            if left != right:
                found.append((a.text, left, right))
    return found


def _values(token) -> tuple:
    return (
        token.pos_,
        str(token.morph),
        token.lemma_,
        token.tag_,
        token.dep_,
        token.head.i,
        token.ent_iob_,
        token.ent_type_,
        token.is_sent_start,
    )


def test_same_values_on_hard_text(models):
    assert differences(*models, [TRICKY, "", " ", "\n\n\n", "gon na"]) == []


def test_same_values_on_real_news(models):
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(SEEDS).glob("*.txt"))]
    rows = need(MEANTIME).read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in rows[::4]]
    texts += [p.read_text(encoding="utf-8") for p in sorted((EXAMPLES / "story").iterdir())]
    assert differences(*models, texts) == []


@settings(max_examples=60)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=40))
def test_same_values_on_generated_text(models, words):
    assert differences(*models, [" ".join(words)]) == []
