"""The order a reader expects: records by when they were published, stories by weight.

Ids are content hashes, so an order by id is an order by chance; a list shown to a user is
ordered here instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, TypeVar

from storyledger.model import Comparison, Story

R = TypeVar("R")


def by_date(records: Iterable[R], published: Mapping[str, date | None]) -> list[R]:
    """Span records by their article's publication date (undated last), then article and
    place in the text."""

    def key(record: Any) -> tuple:
        day = published.get(record.article)
        return (day is None, str(day or ""), record.article, getattr(record, "start", 0))

    return sorted(records, key=key)


def by_weight(stories: Iterable[Story]) -> list[Story]:
    """Stories with most articles first, then the latest last article, then name."""
    return sorted(
        stories,
        key=lambda s: (-len(s.articles), _negated_day(s.last_published), s.name or ""),
    )


def comparisons_in_order(
    comparisons: Iterable[Comparison], stories: Iterable[Story]
) -> list[Comparison]:
    """Comparisons story by story (in `by_weight` order), each story's by its first item's
    publication date, then by how many items it has (most first)."""
    rank = {story.id: n for n, story in enumerate(by_weight(stories))}

    def key(comparison: Comparison) -> tuple:
        days = [str(item.published) for item in comparison.items if item.published]
        first = min(days) if days else "9999"
        return (rank.get(comparison.story or "", len(rank)), first, -len(comparison.items))

    return sorted(comparisons, key=key)


def _negated_day(day: date | None) -> int:
    return -day.toordinal() if day else 0
