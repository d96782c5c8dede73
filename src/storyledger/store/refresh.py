"""The cross-article refresh: actors, stories and comparisons computed from one read snapshot
and written in one transaction, so a kill leaves the old state or the new one, never a mix.

`corpus_state` counts article writes (triggers bump `articles_version`); a refresh records the
count it was computed from as `refreshed_version`, and the store is stale while they differ.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyledger.compare.actors import resolve_actors
from storyledger.model import Actor, Mention, Quote
from storyledger.store.rows import to_row

if TYPE_CHECKING:
    from storyledger.compare.corpus import CorpusComparison
    from storyledger.compare.stories import StorySettings
    from storyledger.store.store import Store


@dataclass(frozen=True, slots=True)
class Refresh:
    """What one refresh will write, and the article version it was computed from."""

    version: int
    actors: tuple[Actor, ...] | None = None
    linked: tuple[Mention, ...] = ()
    remap: dict[str, str] = field(default_factory=dict)
    found: CorpusComparison | None = None


def articles_version(conn: sqlite3.Connection) -> tuple[int, int]:
    """`(articles_version, refreshed_version)`: how often articles were written, and as of
    which of those writes the cross-article records were computed."""
    row = conn.execute("SELECT articles_version, refreshed_version FROM corpus_state").fetchone()
    return int(row[0]), int(row[1])


def plan(
    store: Store, *, actors: bool, comparisons: bool, settings: StorySettings | None = None
) -> Refresh:
    """Compute a refresh from one snapshot of the store, without holding the write lock."""
    with store.snapshot():
        version = articles_version(store.conn)[0]
        mentions = store.records("mentions")
        if not actors:
            if not comparisons:
                return Refresh(version)
            found = _compare(store, mentions, store.corpus_records("actors"), None, settings)
            return Refresh(version, found=found)
        found_actors, linked = resolve_actors(mentions)
        refresh = Refresh(version, found_actors, linked, _id_changes(mentions, linked))
        if not comparisons:
            return refresh
        by_id = {mention.id: mention for mention in linked}
        relinked = [by_id.get(mention.id, mention) for mention in mentions]
        ordered = sorted(found_actors, key=lambda actor: actor.id)
        found = _compare(store, relinked, ordered, {m.id: m.actor_id for m in relinked}, settings)
    return dataclasses.replace(refresh, found=found)


def write(conn: sqlite3.Connection, refresh: Refresh, *, fresh: bool) -> None:
    """Write a planned refresh inside the caller's transaction; `fresh` records its version."""
    if refresh.actors is not None:
        conn.execute("DELETE FROM actors")
        _insert_all(conn, "actors", refresh.actors)
        conn.executemany(
            "UPDATE mentions SET actor_id = ?, kind = ? WHERE id = ?",
            [(m.actor_id, m.kind, m.id) for m in refresh.linked],
        )
        for column in ("actor_id", "target_id"):
            conn.executemany(
                f"UPDATE events SET {column} = ? WHERE {column} = ?",
                [(new, old) for old, new in refresh.remap.items()],
            )
        conn.execute(
            "UPDATE quotes SET speaker_actor = (SELECT actor_id FROM mentions"
            " WHERE mentions.id = quotes.speaker_mention) WHERE speaker_mention IS NOT NULL"
        )
    if refresh.found is not None:
        conn.execute("DELETE FROM stories")
        conn.execute("DELETE FROM comparisons")
        _insert_all(conn, "stories", refresh.found.stories)
        _insert_all(conn, "comparisons", refresh.found.comparisons)
    if fresh:
        conn.execute("UPDATE corpus_state SET refreshed_version = ?", (refresh.version,))


def _compare(
    store: Store,
    mentions: list[Mention],
    actors: list[Actor],
    actor_of: dict[str, str] | None,
    settings: StorySettings | None,
) -> CorpusComparison:
    """The stories and comparisons; `actor_of` relinks quote speakers as the write will."""
    # imported here: the batch workers use this package's row codecs, not scikit-learn
    from storyledger.compare.corpus import CorpusRecords, compare_corpus

    quotes = store.records("quotes")
    if actor_of is not None:
        quotes = [_relinked(quote, actor_of) for quote in quotes]
    records = CorpusRecords(
        articles=store.articles(),
        mentions=mentions,
        actors=actors,
        sentences=store.records("sentences"),
        quotes=quotes,
        figures=store.records("figures"),
    )
    return compare_corpus(
        records, names=store.story_names(), merges=store.story_merges(), settings=settings
    )


def _relinked(quote: Quote, actor_of: dict[str, str]) -> Quote:
    if quote.speaker_mention is None:
        return quote
    return dataclasses.replace(quote, speaker_actor=actor_of.get(quote.speaker_mention))


def _id_changes(before: list[Mention], after: tuple[Mention, ...]) -> dict[str, str]:
    """Old actor id -> new actor id, by what most of the old id's mentions became."""
    old_of = {mention.id: mention.actor_id for mention in before}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in after:
        votes[old_of[mention.id]][mention.actor_id] += 1
    changes = {old: counts.most_common(1)[0][0] for old, counts in votes.items()}
    return {old: new for old, new in changes.items() if old != new}


def _insert_all(conn: sqlite3.Connection, table: str, records: tuple | list) -> None:
    for record in records:
        row = to_row(record)
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" * len(row))
        conn.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(row.values()))
