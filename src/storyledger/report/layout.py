"""What the page adds to the views: each article's layout blocks and each story's articles.

`views["story_articles"]` maps a story id to its article ids (the page's story picker narrows
every view to them). `views["blocks"]` maps an article id to its blocks in text order, each
`{"kind", "start", "end"}` (offsets into the article text, code points; `kind` one of
headline, bullet, subheading, paragraph, sources), so the article view shows the headline
once, bullets and subheadings as such and hard-wrapped lines joined, without guessing the
layout again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from storyledger.model import Story
from storyledger.store import Store


def page_extras(store: Store, ids: list[str], stories: Iterable[Story]) -> dict[str, object]:
    """The keys the page adds for the articles `ids`: `blocks` and `story_articles`, of the
    `stories` already read from `store`."""
    shown = set(ids)
    articles = {story.id: [a for a in story.articles if a in shown] for story in stories}
    return {"blocks": article_blocks(store, ids), "story_articles": articles}


def article_blocks(store: Store, ids: Iterable[str]) -> dict[str, list[dict[str, object]]]:
    """The stored blocks of the articles `ids`, by article, in text order."""
    found: dict[str, list[dict[str, object]]] = defaultdict(list)
    for block in sorted(store.records("blocks", list(ids)), key=lambda b: (b.article, b.start)):
        found[block.article].append({"kind": block.kind, "start": block.start, "end": block.end})
    return dict(found)
