"""The actors stage: clean names from the parse, grouped into canonical actors."""

import pytest

from storyledger.compare.actors import resolve_actors
from storyledger.model import Article
from storyledger.pipeline import analyse


def _actors(nlp, text):
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    return {(a.kind, a.name): set(a.aliases) for a in analysis.get("actors")}


def test_seed_netanyahu_is_one_person_across_articles(seed_analyses):
    mentions = [m for a in seed_analyses.values() for m in a.get("mentions")]
    actors, linked = resolve_actors(mentions)
    by_name = {a.name: a for a in actors}
    netanyahu = by_name["Benjamin Netanyahu"]
    assert netanyahu.kind == "person" and "Netanyahu" in netanyahu.aliases
    surfaces = {m.text for m in linked if m.actor_id == netanyahu.id}
    assert surfaces == {"Benjamin Netanyahu", "Netanyahu"}
    assert {m.article for m in linked if m.actor_id == netanyahu.id} == {
        a.article.id for a in seed_analyses.values()
    }


def test_seed_trump_is_a_person_even_where_tagged_org(seed_analyses):
    mentions = [m for a in seed_analyses.values() for m in a.get("mentions")]
    assert any(m.text == "Trump" and m.label == "ORG" for m in mentions)
    actors, linked = resolve_actors(mentions)
    trump = {a.id for a in actors if a.name == "Donald Trump"}
    assert len(trump) == 1
    assert all(m.actor_id in trump and m.kind == "person" for m in linked if m.text == "Trump")


def test_seed_acronym_joins_its_long_name(seed_analyses):
    actors, _ = resolve_actors(m for a in seed_analyses.values() for m in a.get("mentions"))
    assert "U.N." in {alias for a in actors if a.name == "United Nations" for alias in a.aliases}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Israeli Prime Minister Benjamin Netanyahu spoke. Later Netanyahu left.",
            ("person", "Benjamin Netanyahu"),
            None,
        ),
        (
            "Another White House official spoke to reporters in Washington.",
            ("organization", "White House"),
            "Another White House",
        ),
        (
            "The United Nations said aid was blocked.",
            ("organization", "United Nations"),
            "The United Nations",
        ),
        (
            "Al Jazeera's reporter said the talks failed.",
            ("organization", "Al Jazeera"),
            "Al Jazeera's",
        ),
    ],
)
def test_names_are_cleaned(nlp, text, expected, absent):
    found = _actors(nlp, text)
    assert expected in found
    assert absent not in {name for _kind, name in found}


def test_every_mention_span_is_exact(seed_analyses):
    for analysis in seed_analyses.values():
        text = analysis.article.text
        for mention in analysis.get("mentions"):
            assert mention.text == text[mention.start : mention.end]
            assert mention.text[0].isupper() or mention.text[0].isdigit()
