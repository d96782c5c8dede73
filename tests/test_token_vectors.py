"""The memoised word embeddings are bitwise the plain layer's, cold and warm, within capacity."""

from __future__ import annotations

import json

import numpy as np
import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from thinc.api import Model

from storyledger.nlp import load_model, load_plain_model
from storyledger.token_vectors import EmbeddingMemo, is_hash_embedding, memoise_embeddings, memos
from tests.conftest import MEANTIME, SEEDS, need


@pytest.fixture(scope="module")
def plain():
    return load_plain_model()


def embeddings(nlp) -> list:
    """The pure hash embedding layers of a plain pipeline: shared and the recogniser's own."""
    models = [getattr(component, "model", None) for _name, component in nlp.pipeline]
    return [
        node
        for model in models
        if isinstance(model, Model)
        for node in model.walk()
        if is_hash_embedding(node)
    ]


def real_docs(nlp) -> list:
    texts = [p.read_text(encoding="utf-8") for p in sorted(need(SEEDS).glob("*.txt"))]
    rows = need(MEANTIME).read_text(encoding="utf-8").splitlines()
    texts += [json.loads(line)["text"] for line in rows[::10]]
    return [nlp.make_doc(text) for text in texts]


def assert_same(memo: EmbeddingMemo, embed, docs: list) -> None:
    expected = embed.predict(docs)
    got, _backprop = memo(docs, is_train=False)
    assert len(got) == len(expected)
    for one, other in zip(got, expected, strict=True):
        assert one.shape == other.shape
        assert np.array_equal(one, other)


def test_the_shipped_model_has_two_pure_hash_embeddings(plain):
    assert len(embeddings(plain)) == 2
    assert len(memos(load_model())) == 2


def test_bitwise_equal_on_real_news_cold_then_warm(plain):
    docs = real_docs(plain)
    for embed in embeddings(plain):
        memo = EmbeddingMemo(embed)
        assert_same(memo, embed, docs[:6])
        cold = len(memo.rows)
        assert cold > 0
        assert_same(memo, embed, docs)
        assert_same(memo, embed, docs[:6])
        assert len(memo.rows) > cold


def test_capacity_bounds_the_table_and_keeps_answers_right(plain):
    docs = real_docs(plain)[:4]
    for embed in embeddings(plain):
        memo = EmbeddingMemo(embed, capacity=50)
        assert_same(memo, embed, docs)
        assert_same(memo, embed, docs[::-1])
        assert len(memo.rows) == 50
        assert len(memo.vectors) <= 50


def test_empty_documents(plain):
    for embed in embeddings(plain):
        memo = EmbeddingMemo(embed)
        docs = [plain.make_doc(""), plain.make_doc("Rain."), plain.make_doc("")]
        assert_same(memo, embed, docs)
        assert_same(memo, embed, [plain.make_doc("")])


@settings(max_examples=40)
@given(st.lists(st.text(min_size=0, max_size=60), min_size=1, max_size=5))
def test_bitwise_equal_on_generated_text(plain, texts):
    docs = [plain.make_doc(text) for text in texts]
    for embed in embeddings(plain)[:1]:
        assert_same(EmbeddingMemo(embed, capacity=64), embed, docs)


def test_embeddings_of_anything_else_are_left_alone():
    build = spacy.registry.architectures.get("spacy.MultiHashEmbed.v2")
    nlp = spacy.blank("en")
    with_vectors = build(
        width=32, attrs=["NORM", "SHAPE"], rows=[100, 50], include_static_vectors=True
    )
    hashed_only = build(
        width=32, attrs=["NORM", "SHAPE"], rows=[100, 50], include_static_vectors=False
    )
    assert not is_hash_embedding(with_vectors)
    assert is_hash_embedding(hashed_only)
    nlp.add_pipe("tok2vec")
    nlp.initialize()
    encoder = nlp.get_pipe("tok2vec").model.get_ref("encode")
    assert not is_hash_embedding(encoder)
    assert len(memos(memoise_embeddings(nlp))) == 1


def test_training_runs_the_plain_layer(plain):
    embed = embeddings(plain)[0]
    memo = EmbeddingMemo(embed)
    docs = [plain.make_doc("Officials said 12 people were hurt.")]
    trained, backprop = memo(docs, is_train=True)
    assert trained[0].shape == embed.predict(docs)[0].shape
    assert backprop([np.zeros_like(trained[0])]) is not None
    assert memo.rows == {}
