"""The cross-article stage: stories first, then figure series, quote variants, disputed claims.

It reads records only (from the store, or from Parquet shards), so it runs the same after
`analyze`, after a batch import, or after a user names or merges stories.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storyledger.compare.claims import disputed_claims
from storyledger.compare.figures import figure_series
from storyledger.compare.quotes import quote_variants
from storyledger.compare.stories import StorySettings, group_stories
from storyledger.model import (
    Actor,
    Article,
    Comparison,
    Figure,
    Mention,
    Quote,
    Sentence,
    Story,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CorpusRecords:
    """The stored records the cross-article stage reads."""

    articles: Sequence[Article]
    mentions: Sequence[Mention] = ()
    actors: Sequence[Actor] = ()
    sentences: Sequence[Sentence] = ()
    quotes: Sequence[Quote] = ()
    figures: Sequence[Figure] = ()
    texts: Iterable[str] | None = None
    """The articles' full texts in the order of `articles`, when the articles carry only their
    opening (the batch's cross-article stage streams them from Parquet)."""


@dataclass(frozen=True, slots=True)
class CorpusComparison:
    """What the cross-article stage found."""

    stories: list[Story]
    comparisons: list[Comparison] = field(default_factory=list)


def compare_corpus(
    records: CorpusRecords,
    *,
    names: Mapping[str, str] | None = None,
    merges: Iterable[tuple[str, str]] = (),
    settings: StorySettings | None = None,
) -> CorpusComparison:
    """Group the articles into stories, then compare records across each story's articles."""
    stories = group_stories(
        records.articles,
        records.mentions,
        texts=records.texts,
        actors=records.actors,
        figures=records.figures,
        names=names,
        merges=merges,
        settings=settings,
    )
    return CorpusComparison(stories, compare_stories(stories, records))


def compare_stories(
    stories: Sequence[Story], records: CorpusRecords, only: Iterable[str] | None = None
) -> list[Comparison]:
    """Figure series, quote variants and disputed claims within each story (or within the
    stories of `only`): a story's comparisons depend on its own articles' records alone."""
    if only is not None:
        chosen = set(only)
        stories = [story for story in stories if story.id in chosen]
    story_of = {article: story.id for story in stories for article in story.articles}
    copies = frozenset(
        frozenset((copy.article, copy.copy_of)) for story in stories for copy in story.copies
    )
    articles = {article.id: article for article in records.articles}
    comparisons = figure_series(records.figures, articles, story_of, copies)
    comparisons += quote_variants(records.quotes, articles, story_of, copies)
    comparisons += disputed_claims(records.sentences, records.quotes, articles, story_of, copies)
    return comparisons
