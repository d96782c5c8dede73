"""Blocks: headline, bullets, subheadings, paragraphs and source lists told apart."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.layout import analyse_layout


def kinds(text, **kwargs):
    return [(b.kind, b.text) for b in analyse_layout(text, article="a", **kwargs).blocks]


def test_seed_001_layout(seed_articles):
    layout = analyse_layout(seed_articles["001"].text, article="s")
    counts = {
        kind: sum(b.kind == kind for b in layout.blocks)
        for kind in ("headline", "bullet", "subheading", "sources")
    }
    assert counts == {"headline": 1, "bullet": 5, "subheading": 3, "sources": 1}
    assert len(layout.cited_sources) == 3
    assert layout.blocks[0].kind == "headline"
    assert all(b.kind == "bullet" for b in layout.blocks[1:6])


def test_seed_000_is_all_paragraphs(seed_articles):
    layout = analyse_layout(seed_articles["000"].text, article="s")
    assert {b.kind for b in layout.blocks} == {"paragraph"}
    assert len(layout.blocks) == seed_articles["000"].text.count("\n") + 1


HARD_CASES = [
    pytest.param(
        "Storm hits coast\nThe storm made landfall at dawn.\nIt weakened by noon.",
        [
            ("headline", "Storm hits coast"),
            ("paragraph", "The storm made landfall at dawn."),
            ("paragraph", "It weakened by noon."),
        ],
        id="headline-then-paragraphs",
    ),
    pytest.param(
        "The storm made landfall at dawn, officials said.\nIt weakened by noon.",
        [
            ("paragraph", "The storm made landfall at dawn, officials said."),
            ("paragraph", "It weakened by noon."),
        ],
        id="negative-no-headline-when-first-line-is-a-sentence",
    ),
    pytest.param(
        "Title here\nFirst paragraph ends here.\nWhat comes next\nSecond paragraph ends.",
        [
            ("headline", "Title here"),
            ("paragraph", "First paragraph ends here."),
            ("subheading", "What comes next"),
            ("paragraph", "Second paragraph ends."),
        ],
        id="subheading",
    ),
    pytest.param(
        "Officials said the storm\nwould weaken by noon.\nIt did not.",
        [
            ("paragraph", "Officials said the storm\nwould weaken by noon."),
            ("paragraph", "It did not."),
        ],
        id="hard-wrap-before-lowercase",
    ),
    pytest.param(
        "The storm hit the town of\nGreenville on Monday.",
        [("paragraph", "The storm hit the town of\nGreenville on Monday.")],
        id="hard-wrap-after-function-word",
    ),
    pytest.param(
        "Intro line ends.\nMayor digs in\nThe mayor refused to resign.",
        [
            ("paragraph", "Intro line ends."),
            ("subheading", "Mayor digs in"),
            ("paragraph", "The mayor refused to resign."),
        ],
        id="negative-particle-is-not-a-hard-wrap",
    ),
    pytest.param(
        "Head\n- first point\n* second point\n1. third point\nBody text ends.",
        [
            ("headline", "Head"),
            ("bullet", "first point"),
            ("bullet", "second point"),
            ("bullet", "third point"),
            ("paragraph", "Body text ends."),
        ],
        id="bullet-markers",
    ),
    pytest.param(
        "The storm hit.\nSources: Reuters, AP; BBC",
        [("paragraph", "The storm hit."), ("sources", "Sources: Reuters, AP; BBC")],
        id="inline-source-list",
    ),
    pytest.param(
        "Sources: officials said the storm hit hard.\nIt weakened by noon and moved north towards"
        " the hills where thousands of people were waiting for news of their families.",
        [
            ("paragraph", "Sources: officials said the storm hit hard."),
            (
                "paragraph",
                "It weakened by noon and moved north towards the hills where thousands of"
                " people were waiting for news of their families.",
            ),
        ],
        id="negative-sources-word-in-body",
    ),
    pytest.param(
        "A long paragraph that was\nwrapped at a fixed width by\nits author.\n\nA second one that"
        " was\nwrapped too.",
        [
            ("paragraph", "A long paragraph that was\nwrapped at a fixed width by\nits author."),
            ("paragraph", "A second one that was\nwrapped too."),
        ],
        id="blank-line-paragraphs-wrapped",
    ),
    pytest.param(
        "By Jane Doe\nThe storm hit.",
        [("paragraph", "By Jane Doe"), ("paragraph", "The storm hit.")],
        id="negative-byline-is-not-a-headline",
    ),
]


@pytest.mark.parametrize(("text", "expected"), HARD_CASES)
def test_hard_layouts(text, expected):
    assert kinds(text) == expected


def test_title_marks_a_sentence_like_headline():
    text = "Is the storm over? Not yet.\nThe storm hit."
    assert kinds(text, title="Is the storm over? Not yet.")[0][0] == "headline"
    assert kinds(text)[0][0] == "paragraph"


def test_source_entries_have_exact_spans():
    text = "Body ends.\nSources for this article include:\n- Reuters.com\nAP News."
    layout = analyse_layout(text, article="a")
    assert [(c.text, text[c.start : c.end]) for c in layout.cited_sources] == [
        ("Reuters.com", "Reuters.com"),
        ("AP News", "AP News"),
    ]


lines = st.lists(
    st.one_of(
        st.text(alphabet="abc XYZ.,:-\"'’“”", min_size=0, max_size=40),
        st.sampled_from(["", "- point", "Sources:", "By Jo", "Heading", "Ends here."]),
    ),
    max_size=15,
)


@given(lines)
def test_blocks_are_ordered_disjoint_trimmed_spans(parts):
    text = "\n".join(parts)
    layout = analyse_layout(text, article="a")
    previous_end = 0
    for block in layout.blocks:
        assert block.text == text[block.start : block.end]
        assert block.start >= previous_end
        assert block.text == block.text.strip() and block.text
        previous_end = block.end
    for entry in layout.cited_sources:
        assert entry.text == text[entry.start : entry.end]
