"""The seed articles, seven weeks apart: the three comparisons issue #6 names."""

import pytest

from storyledger.evaluation.compare import run_corpus


@pytest.fixture(scope="module")
def seeds_compared(nlp, seed_articles):
    return run_corpus(list(seed_articles.values()), nlp)


def _values(comparison):
    return {str(item.value) for item in comparison.items}


@pytest.mark.issue(6)
def test_the_seeds_are_one_story(seeds_compared, seed_articles):
    (story,) = seeds_compared.stories
    assert set(story.articles) == {a.id for a in seed_articles.values()}


@pytest.mark.issue(6)
def test_the_death_toll_is_an_update_not_a_conflict(seeds_compared):
    figures = [c for c in seeds_compared.comparisons if c.kind == "figure"]
    (toll,) = [c for c in figures if _values(c) == {"more than 55,000", "at least 57,575"}]
    assert toll.relation == "update"
    assert toll.items[0].reported_by == "the Hamas-run Gaza health ministry"
    assert not any(c.relation == "conflict" and "55,000" in str(_values(c)) for c in figures)


@pytest.mark.issue(6)
def test_the_population_agrees_within_rounding(seeds_compared):
    (population,) = [
        c for c in seeds_compared.comparisons if _values(c) == {"2 million", "2.1 million"}
    ]
    assert population.relation == "agree"


@pytest.mark.issue(6)
def test_the_pressure_is_disputed_with_both_spans(seeds_compared, seed_articles):
    texts = {a.id: a.text for a in seed_articles.values()}
    disputes = [c for c in seeds_compared.comparisons if c.kind == "claim"]
    assert disputes and all(c.relation == "conflict" for c in disputes)
    may, july = (a.id for a in seed_articles.values())
    pressure = [c for c in disputes if "pressur" in c.topic]
    assert pressure
    for comparison in pressure:
        first, second = comparison.items
        assert (first.article, second.article) == (may, july)
        for item in comparison.items:
            assert texts[item.article][item.start : item.end] == item.value
    assert any("deny" in texts[may][c.items[0].start - 20 : c.items[0].start] for c in pressure)
