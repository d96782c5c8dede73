"""Story names: a headline cut where a phrase ends, and the story's most central actors."""

import pytest

from storyledger.compare.naming import central_actors, cut_at_phrase, story_name
from storyledger.model import Article
from tests.conftest import MEANTIME, need, read_articles


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (  # the seed's opening line; it was cut "... over the prolonged"
            "U.S. President Trump has expressed growing frustration over the prolonged conflict"
            " in Gaza, directing his aides to convey a message",
            "U.S. President Trump has expressed growing frustration over the prolonged conflict…",
        ),
        (
            "Northrop Grumman and Airbus parent EADS defeat Boeing for $40 billion US Air Force"
            " tanker contract after lengthy review",
            "Northrop Grumman and Airbus parent EADS defeat Boeing…",
        ),
        (
            "Internal emails expose Boeing-Air Force contract discussions",
            "Internal emails expose Boeing-Air Force contract discussions",
        ),
        ("Airbus  announces\njob cuts of 10,000", "Airbus announces job cuts of 10,000"),
    ],
)
def test_names_are_cut_where_a_phrase_ends(text, name):
    assert cut_at_phrase(text) == name


@pytest.mark.issue(19)
def test_meantime_headlines_never_end_on_a_function_word():
    """Cut short, every MEANTIME headline ends on a content word (or its clause's end)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    titles = [a.title for a in read_articles(need(MEANTIME)) if a.title]
    for title in titles:
        name = cut_at_phrase(title, longest=40)
        assert len(name) <= 41
        if name.endswith("…"):
            assert name[:-1].split()[-1] not in STOP_WORDS, name


def _article(key):
    return Article(id=key, text="x", source=key)


@pytest.mark.issue(19)
def test_central_actors_by_article_share_then_mentions_not_alphabet():
    articles = [_article("a1"), _article("a2"), _article("a3")]
    ids = {
        "a1": ["af", "afc", "afa", "boeing", "boeing"],
        "a2": ["boeing", "mccain", "af"],
        "a3": ["boeing", "mccain", "mccain"],
    }
    names = {
        "af": "Air Force",
        "afc": "Air Force Communications",
        "afa": "Air Force for Acquisition",
        "boeing": "Boeing",
        "mccain": "John McCain",
    }
    assert central_actors(articles, ids, names) == ["Boeing", "John McCain", "Air Force"]
    name = story_name(articles, ids, names)
    assert name.endswith("(Boeing, John McCain, Air Force)")
