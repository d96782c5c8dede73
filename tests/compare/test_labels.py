"""Labels a reader sees (#19 item 8): topics in words as written, never stems; timeline
summaries that do not repeat their unit."""

import re
from datetime import date

import pytest

from storyledger.compare.timeline import build_timeline
from storyledger.compare.words import stems, surface_words
from storyledger.model import Article, Figure


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("text", "wanted", "words"),
    [
        (
            "Trump applied pressure on Netanyahu",
            "netanyahu pressure trump applies",
            ["Trump", "applied", "pressure", "Netanyahu"],
        ),
        (
            "The airline carried 2 million passengers",
            "carries passengers",
            ["carried", "passengers"],
        ),
        ("Israel’s talks and talking", "talks israel's", ["Israel’s", "talks"]),
    ],
)
def test_surface_words_are_the_words_as_written(text, wanted, words):
    assert surface_words(text, stems(wanted)) == words


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("text", "counted", "measure", "summary"),
    [
        ("2.4 meters", None, "meters", "2.4 meters"),
        ("14 people", "people", "killed", "14 people killed"),
        ("$5 billion", None, "contract", "$5 billion contract"),
    ],
)
def test_timeline_summaries_do_not_repeat_their_words(text, counted, measure, summary):
    article = Article(id="a", text=text, source="a", published=date(2025, 7, 9))
    figure = Figure(
        id="f",
        article="a",
        start=0,
        end=len(text),
        text=text,
        value=1.0,
        counted=counted,
        measure=measure,
    )
    (entry,), _ = build_timeline([article], [], [figure], [])
    assert entry.summary == summary
    assert not re.search(r"\b(\w+) \1\b", entry.summary)
