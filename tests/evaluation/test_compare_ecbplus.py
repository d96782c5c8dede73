"""The ECB+ story-grouping check: stamp lines left out, gold stories, scores by topic half."""

import pytest

from storyledger.evaluation.compare_ecbplus import (
    load_ecbplus,
    pair_errors,
    score_groupings,
    strip_stamps,
)
from storyledger.model import Story
from tests.conftest import SHARED, need

ECBPLUS = SHARED / "corpora" / "ecbplus"


@pytest.mark.issue(17)
def test_stamp_lines_are_left_out_but_sentences_with_dates_stay():
    text = (
        "Lohan heads to rehab\n"
        "May 2, 2013, 1:12 PM\n"
        "Updated 4:08 p.m. ET\n"
        "Reid checked herself in on Tuesday, December 9, 2008.\n"
        "She left on May 3."
    )
    assert strip_stamps(text).split("\n") == [
        "Lohan heads to rehab",
        "Reid checked herself in on Tuesday, December 9, 2008.",
        "She left on May 3.",
    ]


@pytest.mark.issue(17)
def test_the_two_halves_no_longer_differ_by_their_opening_lines():
    items = load_ecbplus(need(ECBPLUS))
    assert len(items) == 982 and len({item.story for item in items}) == 86
    assert sum(item.article.published is not None for item in items) == 439
    opened = {
        item.name: item.article.text.split("\n", 1)[0] for item in items if "ecbplus" in item.name
    }
    assert not any(strip_stamps(line) != line for line in opened.values())


@pytest.mark.issue(17)
def test_scores_by_half_of_the_topics():
    items = load_ecbplus(need(ECBPLUS))
    by_story: dict[str, list[str]] = {}
    for item in items:
        by_story.setdefault(item.story, []).append(item.article.id)
    perfect = [
        Story(id=s, name=s, name_source="auto", articles=tuple(a)) for s, a in by_story.items()
    ]
    one = [
        Story(
            id="all",
            name="all",
            name_source="auto",
            articles=tuple(a for a in (i.article.id for i in items)),
        )
    ]
    scores = score_groupings(items, perfect, one)
    assert scores["ecbplus"]["f1"] == 1.0 and scores["ecbplus_odd_topics"]["f1"] == 1.0
    assert scores["ecbplus_undated"]["recall"] == 1.0 and scores["ecbplus_undated"]["f1"] < 0.1
    halves = scores["ecbplus_odd_topics"]["articles"] + scores["ecbplus_even_topics"]["articles"]
    assert halves == 982


@pytest.mark.issue(17)
def test_wrong_pairs_are_told_by_kind_and_topic():
    items = [item for item in load_ecbplus(need(ECBPLUS)) if item.topic in (1, 2)]
    by_topic: dict[int, list[str]] = {}
    for item in items:
        by_topic.setdefault(item.topic, []).append(item.article.id)
    # each topic one story: its two events joined, nothing split, no topics joined
    stories = [
        Story(id=str(t), name=str(t), name_source="auto", articles=tuple(a))
        for t, a in by_topic.items()
    ]
    errors = pair_errors(items, stories)
    sizes = {(i.topic, i.story): 0 for i in items}
    for item in items:
        sizes[(item.topic, item.story)] += 1
    expected = sum(sizes[(t, f"{t}-ecb")] * sizes[(t, f"{t}-ecbplus")] for t in (1, 2))
    assert errors["joined_within_topic"] == expected
    assert errors["joined_across_topics"] == 0 and errors["split"] == 0
    assert [t for t, _n in errors["worst_joined"]] == sorted(
        (1, 2), key=lambda t: -sizes[(t, f"{t}-ecb")] * sizes[(t, f"{t}-ecbplus")]
    )
