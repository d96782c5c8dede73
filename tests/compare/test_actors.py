"""Canonical actors from mentions: full names absorb short forms, order does not matter."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.compare.actors import normalise_name, resolve_actors
from storyledger.model import Mention
from tests.steps import count_steps


def mention(article, start, text, label="PERSON", kind="person"):
    return Mention(
        article=article,
        start=start,
        end=start + len(text),
        text=text,
        id=f"{article}-{start}",
        label=label,
        kind=kind,
        actor_id="",
    )


MENTIONS = [
    mention("a", 0, "George Bush"),
    mention("a", 20, "Bush"),
    mention("b", 0, "Laura Bush"),
    mention("b", 20, "Bush"),
    mention("c", 0, "Bush"),
    mention("c", 10, "Bush", "ORG", "organization"),
    mention("a", 40, "United Nations", "ORG", "organization"),
    mention("b", 40, "U.N.", "ORG", "organization"),
    mention("c", 40, "Palestinians", "NORP", "group"),
    mention("c", 60, "Palestinian", "NORP", "group"),
]


def _groups(mentions):
    actors, linked = resolve_actors(mentions)
    names = {a.id: a.name for a in actors}
    return {(m.article, m.start): names[m.actor_id] for m in linked}


def test_surnames_resolve_within_their_article_first():
    groups = _groups(MENTIONS)
    assert groups[("a", 20)] == "George Bush"
    assert groups[("b", 20)] == "Laura Bush"
    assert groups[("c", 0)] == "Bush"  # ambiguous across the corpus: left alone
    assert groups[("c", 10)] == "Bush"  # a known person name tagged ORG is still the person
    assert groups[("b", 40)] == "United Nations"
    assert groups[("c", 40)] == groups[("c", 60)]


@given(st.permutations(MENTIONS))
def test_order_does_not_matter(shuffled):
    assert _groups(shuffled) == _groups(MENTIONS)


def test_actor_span_is_its_naming_mention():
    actors, _ = resolve_actors(MENTIONS)
    for actor in actors:
        assert actor.text == actor.name


def test_normalise_name():
    assert normalise_name("The  White House’s") == "white house's"


@pytest.mark.issue(20)
def test_one_article_with_many_names_takes_linear_work():
    """The article's full names were indexed again for every mention: one article listing
    n people cost n squared."""

    def names(size):
        people = [f"Name{i} Person{i}" for i in range(size)] + [f"Person{i}" for i in range(size)]
        return [mention("a", 20 * n, text) for n, text in enumerate(people)]

    small_steps, _ = count_steps(lambda: resolve_actors(names(50)))
    large_steps, (actors, large) = count_steps(lambda: resolve_actors(names(200)))
    assert len(actors) == 200 and len({m.actor_id for m in large}) == 200
    assert large_steps / small_steps < 5
