"""Sentences: hard-wrapped lines joined, never across a block, offsets in the article's text."""

import json
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyledger.layout import PROSE_KINDS, analyse_layout, model_text
from storyledger.layout.normalise import _model_text_by_char
from storyledger.pipeline import analyse
from tests.conftest import MEANTIME, need, read_articles
from tests.steps import count_steps


def test_seed_hard_wrapped_sentences_are_one_each(seed_analyses):
    analysis = seed_analyses["001"]
    texts = [s.text for s in analysis.get("sentences")]
    wrapped = [t for t in texts if "\n" in t]
    assert len(wrapped) == 2
    assert wrapped[0].startswith("Sources close to the talks describe\nintense")
    assert wrapped[0].endswith('tonight it will be heavy."')
    assert wrapped[1].startswith("Without decisive")
    assert wrapped[1].endswith("written in Palestinian blood.")


def test_closing_quote_stays_with_its_sentence(seed_analyses):
    texts = [s.text for s in seed_analyses["001"].get("sentences")]
    assert not [t for t in texts if not any(c.isalnum() for c in t)]
    assert any(t.endswith('over the past 24 hours."') for t in texts)


def _check_sentences(analysis):
    article = analysis.article
    blocks = {b.index: b for b in analysis.get("blocks")}
    for sentence in analysis.get("sentences"):
        assert sentence.text == article.text[sentence.start : sentence.end]
        block = blocks[sentence.block]
        assert block.kind in PROSE_KINDS
        assert block.start <= sentence.start < sentence.end <= block.end


def test_sentences_stay_in_blocks_on_seeds_and_examples(seed_analyses, nlp, example_articles):
    for analysis in [*seed_analyses.values(), *analyse(example_articles, nlp)]:
        _check_sentences(analysis)


def test_sentences_stay_in_blocks_on_real_news(nlp):
    articles = read_articles(need(MEANTIME))[:20]
    for analysis in analyse(articles, nlp):
        _check_sentences(analysis)
        assert analysis.get("sentences")


def test_meantime_sentence_count_is_near_gold(nlp):
    """MEANTIME numbers its sentences (0 title, 1 dateline, then the text); the highest
    numbered text mention of each article gives a floor on its sentence count."""
    gold = [json.loads(line) for line in need(MEANTIME.parent / "gold.jsonl").open()]
    floor = sum(
        max(m["sentence"] for m in g["mentions"] if m.get("field") == "text" and "sentence" in m)
        - 1
        for g in gold
    )
    ours = sum(len(a.get("sentences")) for a in analyse(read_articles(MEANTIME), nlp))
    assert floor <= ours <= floor * 1.15


@settings(max_examples=25)
@given(
    st.lists(
        st.sampled_from(
            [
                "The mayor said “we will rebuild.”",
                "Officials’ plans were",
                "delayed again.",
                "- A bullet point",
                "Heading words",
                "",
                "He left. She stayed.",
                "Sources:",
                "Reuters.com",
            ]
        ),
        min_size=1,
        max_size=12,
    )
)
def test_model_text_keeps_offsets_and_sentences_stay_in_blocks(nlp, parts):
    from storyledger.model import Article

    text = "\n".join(parts).strip()
    if not text:
        return
    layout = analyse_layout(text, article="a")
    assert len(model_text(text, layout.blocks)) == len(text)
    assert model_text(text, layout.blocks) == _model_text_by_char(text, layout.blocks)
    (analysis,) = analyse([Article(id="a", text=text, source="t")], nlp)
    _check_sentences(analysis)


@pytest.mark.issue(20)
def test_sentences_of_many_short_lines_take_linear_work(nlp):
    """Every sentence was compared with every block: 2,000 short lines took 0.2 s and grew
    with the square. Now a sentence looks only at the blocks it overlaps."""
    from storyledger.layout import sentences
    from storyledger.model import Article

    def lines(size):
        return "".join(f"Line {i} is here.\n" if i % 3 else f"line {i}\n" for i in range(size))

    small, large = (
        next(analyse([Article(id="a", text=lines(n), source="t")], nlp, only=("layout",)))
        for n in (100, 400)
    )

    def found(analysis):
        article = analysis.article
        return sentences(analysis.doc, analysis.get("blocks"), article.text, article=article.id)

    small_steps, small_found = count_steps(lambda: found(small))
    large_steps, large_found = count_steps(lambda: found(large))
    assert len(large_found) > 3 * len(small_found) > 0
    assert large_steps / small_steps < 5
    _check_sentences(replace(large, records={**large.records, "sentences": tuple(large_found)}))
