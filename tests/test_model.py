"""The data model: every span record's text is exactly its article's text at its offsets."""

import dataclasses

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyledger import model
from storyledger.model import Article, Block, Figure, Span
from storyledger.pipeline import analyse

SPAN_TYPES = [
    cls for cls in vars(model).values() if isinstance(cls, type) and issubclass(cls, Span)
]


def test_span_types_are_frozen_and_typed():
    assert {cls.__name__ for cls in SPAN_TYPES} >= {
        "Block",
        "Sentence",
        "Mention",
        "Actor",
        "Quote",
        "Figure",
        "Event",
        "CitedSource",
        "LoadedTerm",
    }
    for cls in SPAN_TYPES:
        assert cls.__dataclass_params__.frozen


@pytest.mark.parametrize(("start", "end", "text"), [(5, 3, ""), (-1, 2, "abc"), (0, 3, "ab")])
def test_bad_spans_are_refused(start, end, text):
    with pytest.raises(ValueError):
        Block(article="a", start=start, end=end, text=text, index=0, kind="paragraph")


def test_records_cannot_change():
    figure = Figure(article="a", start=0, end=2, text="12", id="f", value=12.0)
    with pytest.raises(dataclasses.FrozenInstanceError):
        figure.value = 13.0


sentence_parts = st.sampled_from(
    [
        "Officials said 14 people were killed.",
        "“We will rebuild,” Mayor Ana Ruiz said.",
        "The Red Cross sent 40 trucks to Port Meridian.",
        "Prime Minister John Smith",
        "- At least 3,000 residents fled.",
        "Sources:",
        "Reuters.com",
        "",
        "the talks\nstalled.",
        "Netanyahu met Trump in Washington on Monday.",
    ]
)


@settings(max_examples=30)
@given(st.lists(sentence_parts, min_size=1, max_size=14))
def test_every_record_points_at_its_exact_text(nlp, parts):
    text = "\n".join(parts).strip()
    if not text:
        return
    article = Article(id=Article.id_for(text), text=text, source="generated")
    (analysis,) = analyse([article], nlp)
    checked = 0
    for records in analysis.records.values():
        for record in records:
            if isinstance(record, Span):
                assert record.article == article.id
                assert record.text == text[record.start : record.end]
                checked += 1
    assert checked >= 1


noisy_text = st.lists(
    st.sampled_from(
        [
            *list("ab Z9,.-:;\"“”‘’'\n$%()"),
            "said",
            " at least ",
            " 1,200 ",
            " million ",
            " he ",
            " Oct. ",
        ]
    ),
    min_size=1,
    max_size=60,
).map("".join)


@settings(max_examples=40)
@given(noisy_text)
def test_no_stage_fails_on_noisy_text(nlp, text):
    text = text.strip()
    if not text:
        return
    article = Article(id=Article.id_for(text), text=text, source="fuzz")
    (analysis,) = analyse([article], nlp)
    for records in analysis.records.values():
        for record in records:
            if isinstance(record, Span):
                assert record.text == text[record.start : record.end]
