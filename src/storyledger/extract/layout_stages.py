"""Stages wrapping the layout: blocks and source list before the parse, sentences after it."""

from __future__ import annotations

from storyledger.extract.registry import Analysis, stage
from storyledger.layout import analyse_layout, sentences


@stage("layout", requires=("article",), produces=("blocks", "cited_sources"), before_parse=True)
def layout_stage(analysis: Analysis) -> dict[str, tuple]:
    """Blocks and cited sources of the article's text."""
    article = analysis.article
    layout = analyse_layout(article.text, article=article.id, title=article.title)
    return {"blocks": layout.blocks, "cited_sources": layout.cited_sources}


@stage("sentences", requires=("doc", "blocks"), produces=("sentences",))
def sentence_stage(analysis: Analysis) -> list:
    """Sentences from the parse, clipped to blocks."""
    article = analysis.article
    return sentences(analysis.doc, analysis.get("blocks"), article.text, article=article.id)
