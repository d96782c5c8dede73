"""The events stage's per-doc lookups answer as the plain walks they replace: the words of a
subtree, the mentions inside a phrase, and the dates of joined verbs (#20: linear work)."""

import pytest

from storyledger.extract.events.context import Mentions
from storyledger.extract.events.words import SHORT, DocWords
from storyledger.model import Article
from storyledger.pipeline import analyse

_LONG = " ".join(
    ["the minister and officials of the city council met workers from the port on"] * 12
)


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    "text",
    [
        "Britain suspended trade talks with Israel, imposed sanctions on settlers and summoned"
        " the Israeli ambassador over the strikes.",
        _LONG + ".",
    ],
)
def test_a_bag_holds_exactly_the_words_of_its_subtrees(nlp, text):
    doc = nlp(text)
    words = DocWords(doc)
    vocabulary = {w for t in doc for w in (t.lower_, t.lemma_.lower())} | {"absent"}
    long_subtrees = 0
    for token in doc:
        wanted = {w for t in token.subtree for w in (t.lower_, t.lemma_.lower())}
        bag = words.bag((token,))
        long_subtrees += token.right_edge.i - token.left_edge.i >= SHORT
        assert {w for w in vocabulary if w in bag} == wanted
        assert set(bag) == wanted
    assert long_subtrees or len(doc) < SHORT


@pytest.mark.issue(20)
def test_the_mentions_of_a_phrase_are_found_as_by_a_scan(nlp):
    text = "Israel's cabinet approved aid to Gaza, and Egypt warned Israel on Sunday."
    (analysis,) = analyse([Article(id="m", text=text, source="t")], nlp)
    mentions = analysis.get("mentions")
    found = Mentions(mentions)
    for start in range(len(text) + 1):
        for end in range(start, len(text) + 1, 3):
            inside = [m for m in sorted(mentions, key=lambda m: m.start)]
            inside = [m for m in inside if start <= m.start and m.end <= end]
            assert found.named((start, end)) == (inside[-1].actor_id if inside else None)
