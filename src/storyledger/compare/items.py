"""One side of a comparison, built the same way for figures, quotes and claims."""

from __future__ import annotations

from collections.abc import Mapping

from storyledger.model import Article, ComparisonItem


def comparison_item(
    articles: Mapping[str, Article],
    *,
    article: str,
    record: str,
    text: str,
    start: int,
    end: int,
    source: str | None,
) -> ComparisonItem:
    """The item for a record's span: who reported it is its `source`, else the outlet."""
    known = articles.get(article)
    return ComparisonItem(
        article=article,
        record=record,
        value=text,
        start=start,
        end=end,
        reported_by=source or (known.outlet if known else None),
        published=known.published if known else None,
    )
