"""The online grouping's kept state: adding a batch to a stored state equals replaying the
batches from nothing (issue #17)."""

from datetime import date

import numpy as np
import pytest

from storyledger.compare.grouping import (
    _nearest_story,
    from_bytes,
    settings_key,
    stored_settings,
    to_bytes,
)
from storyledger.compare.stories import StorySettings, group_stories, grow, stories_of
from storyledger.model import Article

TEXTS = [
    ("q1", "An earthquake of magnitude 5.4 struck Drevia's northern coast on Monday.", 1),
    ("q2", "Rescuers searched the rubble on Drevia's coast after Monday's earthquake.", 2),
    ("f1", "Floods closed the main bridge in Kestor as the river rose overnight.", 3),
    ("q3", "Aid reached the coast of Drevia three days after the earthquake struck.", 4),
    ("f2", "The river in Kestor fell and the bridge reopened after the floods.", 5),
    ("e1", "Voters in Marland chose a new parliament in a calm election on Sunday.", 6),
]


def _articles():
    return [
        Article(
            id=Article.id_for(text),
            text=text,
            source=key,
            title=None,
            published=date(2024, 5, day),
            date_source="input",
        )
        for key, text, day in TEXTS
    ]


def _same(one, other):
    assert one.ids == other.ids and one.copies == other.copies
    assert np.array_equal(one.labels, other.labels)
    assert np.allclose(one.norm2, other.norm2) and np.allclose(one.counts, other.counts)
    for a, b in zip(one.blocks, other.blocks, strict=True):
        assert (a != b).nnz == 0


@pytest.mark.issue(17)
@pytest.mark.parametrize("cut", [1, 3, 5])
def test_a_batch_added_to_a_kept_state_equals_the_replay(cut):
    articles = _articles()
    first, later = articles[:cut], articles[cut:]
    kept = from_bytes(to_bytes(grow(None, first, [], [])))
    added = grow(kept, later, [], [])
    replayed = grow(None, articles, [], [], batches=[[a.id for a in first]])
    _same(added, replayed)
    assert stories_of(added, articles, []) == stories_of(replayed, articles, [])


@pytest.mark.issue(17)
def test_one_batch_is_the_batch_grouping():
    articles = _articles()
    stories = group_stories(articles, [])
    assert stories == stories_of(grow(None, articles, [], []), articles, [])
    together = {story.articles for story in stories}
    ids = {key: a.id for (key, _t, _d), a in zip(TEXTS, articles, strict=True)}
    assert any({ids["q1"], ids["q2"]} <= set(found) for found in together)
    assert not any({ids["q1"], ids["f1"]} <= set(found) for found in together)


@pytest.mark.issue(17)
def test_a_state_of_other_settings_is_told_by_its_settings_alone():
    raw = to_bytes(grow(None, _articles(), [], []))
    assert stored_settings(raw) == settings_key(StorySettings())
    other = StorySettings(merge=1.0)
    assert stored_settings(to_bytes(grow(None, _articles(), [], [], settings=other))) != (
        stored_settings(raw)
    )


HALVES = [  # undated: the words alone decide
    (
        "a1",
        "Rescuers pulled survivors from collapsed houses in Drevia after the earthquake, "
        "said Mayor Oren Talvi.",
    ),
    ("b1", "The earthquake damaged the port of Selna and cut power to the north of Drevia."),
    (
        "a2",
        "Mayor Oren Talvi said rescuers were still searching collapsed houses in Drevia "
        "after the earthquake.",
    ),
    ("c1", "Voters in Marland chose a new parliament in a calm election on Sunday."),
    (
        "b2",
        "Power returned to the port of Selna days after the quake, and Mayor Oren Talvi "
        "thanked the rescuers of Drevia.",
    ),
    ("c2", "Floods closed the main bridge in Kestor as the river rose overnight."),
]


def _halves():
    return [Article(id=key, text=text, source=key, published=None) for key, text in HALVES]


def _stories(grouping):
    return sorted(sorted(s.articles) for s in stories_of(grouping, _halves(), []))


@pytest.mark.issue(17)
def test_two_halves_of_one_event_are_linked_after_the_batch():
    # b1 does not reach the rescue reports when it arrives, and b2, which reaches both, does
    # not join them (its other pairs alone decide); the pass over whole stories does
    online = grow(None, _halves(), [], [], settings=StorySettings(link=float("inf")))
    assert _stories(online) == [["a1", "a2"], ["b1", "b2"], ["c1"], ["c2"]]
    linked = grow(None, _halves(), [], [])
    assert _stories(linked) == [["a1", "a2", "b1", "b2"], ["c1"], ["c2"]]


@pytest.mark.issue(17)
@pytest.mark.parametrize("cut", [2, 4, 5])
def test_linking_in_a_later_batch_equals_the_replay(cut):
    articles = _halves()
    first, later = articles[:cut], articles[cut:]
    added = grow(from_bytes(to_bytes(grow(None, first, [], []))), later, [], [])
    replayed = grow(None, articles, [], [], batches=[[a.id for a in first]])
    _same(added, replayed)
    assert _stories(added) == _stories(replayed) == [["a1", "a2", "b1", "b2"], ["c1"], ["c2"]]


LONE = ("a3", "Rescuers searched collapsed houses through the night.")


@pytest.mark.issue(17)
@pytest.mark.parametrize("kept", [False, True])
def test_a_lone_report_joins_the_story_of_its_nearest_reports(kept):
    # the pair model averaged over the whole story (the rescue and the damage reports) is
    # below even odds, its two nearest reports (the rescue reports) are well above it
    first = _halves()
    later = [Article(id=LONE[0], text=LONE[1], source=LONE[0], published=None)]
    every = first + later
    for settings, expected in (
        (StorySettings(attach=float("inf")), [["a1", "a2", "b1", "b2"], ["a3"]]),
        (StorySettings(attach_k=2), [["a1", "a2", "a3", "b1", "b2"]]),
    ):
        state = grow(None, first, [], [], settings=settings)
        if kept:
            state = from_bytes(to_bytes(state))
        added = grow(state, later, [], [], settings=settings)
        replayed = grow(None, every, [], [], settings=settings, batches=[[a.id for a in first]])
        _same(added, replayed)
        found = sorted(sorted(s.articles) for s in stories_of(added, every, []))
        assert found == [*expected, ["c1"], ["c2"]]


@pytest.mark.issue(17)
def test_lone_reports_attach_to_stories_of_several_never_to_each_other():
    # the two unrelated lone reports of the batch stay apart whatever the threshold: only a
    # story of several articles takes a lone report, so no chain forms through one
    state = grow(None, _halves(), [], [], settings=StorySettings(attach=-100.0))
    found = sorted(sorted(s.articles) for s in stories_of(state, _halves(), []))
    assert ["c1", "c2"] not in found
    assert sum(len(story) for story in found) == len(HALVES)


@pytest.mark.issue(17)
@pytest.mark.parametrize(
    ("values", "labels", "expected"),
    [
        # story 0's average is low, its three nearest reports high: story 0
        ([3.0, 3.0, 3.0, -5.0, -5.0, 1.0, 1.0, 9.0, 0.0], [0, 0, 0, 0, 0, 5, 5, 7, 8], 0),
        # the nearest three of story 0 are weak: story 5
        ([3.0, 0.0, -1.0, -5.0, -5.0, 1.0, 1.0, 1.0, 0.0], [0, 0, 0, 0, 0, 5, 5, 5, 8], 5),
        # a story of two is no target for k = 3, nor a lone report (7)
        ([0.4, 0.4, 0.4, 0.4, 0.4, 9.0, 9.0, 9.0, 0.0], [0, 0, 0, 0, 0, 5, 5, 7, 8], -1),
    ],
)
def test_the_nearest_story_is_scored_by_its_nearest_reports(values, labels, expected):
    labels = np.asarray(labels)
    sizes = np.bincount(labels, minlength=len(labels))
    scoring = StorySettings().scoring()
    assert _nearest_story(np.asarray(values), labels, sizes, scoring) == expected
