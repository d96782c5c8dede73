"""The page's view of each article's layout: the blocks the layout stage found, as plain rows.

`views["blocks"]` maps an article id to its blocks in text order, each `{"kind", "start",
"end"}` (offsets into the article text, code points; `kind` one of headline, bullet,
subheading, paragraph, sources), so the article view shows the headline once, bullets and
subheadings as such and hard-wrapped lines joined, without guessing the layout again.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from storyledger.store import Store


def article_blocks(store: Store, ids: Iterable[str]) -> dict[str, list[dict[str, object]]]:
    """The stored blocks of the articles `ids`, by article, in text order."""
    found: dict[str, list[dict[str, object]]] = defaultdict(list)
    for block in sorted(store.records("blocks", list(ids)), key=lambda b: (b.article, b.start)):
        found[block.article].append({"kind": block.kind, "start": block.start, "end": block.end})
    return dict(found)
