"""The parse tree by index: the same answers as spaCy's own walks, in linear work."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from spacy.tokens import Doc
from spacy.vocab import Vocab

from storyledger.extract.tree import ParseTree, TokenSet
from tests.steps import growth

_DEPS = ("nsubj", "dobj", "pobj", "prep", "relcl", "advcl", "acl", "case", "punct", "det", "conj")
_WORDS = ("the", "minister", ",", "said", "'s", "of", ".", "report", "claiming")


def _reference_bounds(token, cut, trim_end):
    """The noun phrase as the quotes stage used to find it, walking `Token.subtree`."""
    inside = {
        t.i for child in token.subtree if child is not token and cut(child) for t in child.subtree
    }
    tokens = [t for t in token.subtree if t.i not in inside]
    while len(tokens) > 1 and trim_end(tokens[-1]):
        tokens.pop()
    while len(tokens) > 1 and tokens[0].is_punct:
        tokens.pop(0)
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _cut(token):
    return token.dep_ in ("relcl", "advcl") or (token.dep_ == "acl" and token.lemma_ == "claim")


def _trim_end(token):
    return token.is_punct or token.dep_ == "case"


@st.composite
def trees(draw, max_size=30):
    """A random dependency tree (projective or not) over a few words, as a spaCy Doc."""
    size = draw(st.integers(1, max_size))
    order = draw(st.permutations(range(size)))
    heads = list(range(size))
    for n, node in enumerate(order[1:], start=1):
        heads[node] = order[draw(st.integers(0, n - 1))]
    words = [draw(st.sampled_from(_WORDS)) for _ in range(size)]
    deps = [draw(st.sampled_from(_DEPS)) if heads[i] != i else "ROOT" for i in range(size)]
    lemmas = ["claim" if word == "claiming" else word for word in words]
    return Doc(Vocab(), words=words, heads=heads, deps=deps, lemmas=lemmas)


def _chain(size):
    """One sentence of `size` words, each the head of the next: the deepest tree there is."""
    heads = [max(i - 1, 0) for i in range(size)]
    deps = ["ROOT"] + ["pobj" if i % 2 else "prep" for i in range(1, size)]
    return Doc(Vocab(), words=["word"] * size, heads=heads, deps=deps)


def test_children_and_ends_match_spacy_on_real_parses(seed_analyses):
    for analysis in seed_analyses.values():
        tree = ParseTree(analysis.doc)
        for token in analysis.doc:
            assert [t.i for t in tree.children(token)] == [t.i for t in token.children]
            subtree = [t.i for t in token.subtree]
            assert tree.ends[token.i] == (subtree[0], subtree[-1])
            unbroken = sorted(subtree) == list(range(min(subtree), max(subtree) + 1))
            assert tree.contiguous(token) == ((min(subtree), max(subtree)) if unbroken else None)


def test_phrase_bounds_match_the_subtree_walk_on_real_parses(seed_analyses):
    for analysis in seed_analyses.values():
        doc = analysis.doc
        bounds = ParseTree(doc).phrase_bounds(cut=_cut, trim_end=_trim_end)
        assert [bounds[t.i] for t in doc] == [_reference_bounds(t, _cut, _trim_end) for t in doc]


@given(trees())
def test_phrase_bounds_match_the_subtree_walk_on_any_tree(doc):
    bounds = ParseTree(doc).phrase_bounds(cut=_cut, trim_end=_trim_end)
    order = list(reversed(range(len(doc)))) if len(doc) % 2 else list(range(len(doc)))
    found = {i: bounds[i] for i in order}  # asked in any order, the same answers
    assert [found[t.i] for t in doc] == [_reference_bounds(t, _cut, _trim_end) for t in doc]


@given(trees(), st.integers(0, 30), st.integers(0, 30))
def test_token_sets_find_the_first_and_last_in_a_range(doc, start, end):
    kept = TokenSet(doc, lambda t: t.dep_ == "punct" or t.text == "said")
    inside = [t.i for t in doc if start <= t.i < end and (t.dep_ == "punct" or t.text == "said")]
    first, last = kept.first(start, end), kept.last(start, end)
    assert (first.i if first else None) == (inside[0] if inside else None)
    assert (last.i if last else None) == (inside[-1] if inside else None)


@pytest.mark.issue(20)
def test_phrase_bounds_of_every_token_take_linear_work():
    """The quotes stage bounded each phrase by walking its subtree: a 2,000-word block took
    85 s. On a chain four times longer the work is about four times, not sixteen."""

    def bounds(size):
        found = ParseTree(_chain(size)).phrase_bounds(cut=_cut, trim_end=_trim_end)
        return [found[i] for i in range(size)]

    assert growth(bounds, 300) < 5
