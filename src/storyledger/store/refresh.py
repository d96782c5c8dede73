"""Writing the cross-article records: actors, stories and comparisons replaced in one
transaction, so a kill leaves the old state or the new one, never a mix. What to write is
computed outside the store (`storyledger.crossarticle`); the store only reads and writes.

`corpus_state` counts article writes (triggers bump `articles_version`); a refresh records the
count it was computed from as `refreshed_version`, and the store is stale while they differ.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field

from storyledger.model import Actor, Comparison, Mention, Story
from storyledger.store.rows import insert_many, to_row


@dataclass(frozen=True, slots=True)
class Refresh:
    """What one refresh will write, and the article version it was computed from.
    `stories` None leaves stories and comparisons as they are; otherwise every story row is
    replaced, and so are all comparisons, or, when `replaced` is given, only the comparisons
    of the stories it names (the others are kept). `removed_actors`, when given, makes the
    actors a difference: those ids are deleted, `actors` inserted, `linked` holds only the
    mentions whose actor changed, and the quote speakers relinked are those of `linked` and
    of `changed_articles`. `grouping`, when given, is the story grouping's new state; with it
    `batches` replaces the recorded arrival batches, or, when None, `arrived` is recorded as
    the next batch. `names` are rows of the actors' name index (`mention_names`), which
    replace it all with `names_reset`, else those of their articles. `stories_replaced`,
    when given, names the only story rows deleted before `stories` are inserted."""

    version: int
    actors: tuple[Actor, ...] | None = None
    linked: tuple[Mention, ...] = ()
    remap: dict[str, str] = field(default_factory=dict)
    stories: tuple[Story, ...] | None = None
    comparisons: tuple[Comparison, ...] = ()
    replaced: frozenset[str] | None = None
    removed_actors: tuple[str, ...] | None = None
    changed_articles: tuple[str, ...] = ()
    grouping: bytes | None = None
    batches: tuple[tuple[str, ...], ...] | None = None
    arrived: tuple[str, ...] = ()
    names: tuple[tuple, ...] | None = None
    names_reset: bool = False
    stories_replaced: frozenset[str] | None = None


def articles_version(conn: sqlite3.Connection) -> tuple[int, int]:
    """`(articles_version, refreshed_version)`: how often articles were written, and as of
    which of those writes the cross-article records were computed."""
    row = conn.execute("SELECT articles_version, refreshed_version FROM corpus_state").fetchone()
    return int(row[0]), int(row[1])


def write(conn: sqlite3.Connection, refresh: Refresh, *, fresh: bool) -> None:
    """Write a planned refresh inside the caller's transaction; `fresh` records its version."""
    if refresh.actors is not None:
        if refresh.removed_actors is None:
            conn.execute("DELETE FROM actors")
        else:
            conn.executemany(
                "DELETE FROM actors WHERE id = ?", [(a,) for a in refresh.removed_actors]
            )
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
        relink = (
            "UPDATE quotes SET speaker_actor = (SELECT actor_id FROM mentions"
            " WHERE mentions.id = quotes.speaker_mention) WHERE speaker_mention IS NOT NULL"
        )
        if refresh.removed_actors is None:
            conn.execute(relink)
        else:
            conn.executemany(
                "UPDATE quotes SET speaker_actor = ? WHERE speaker_mention = ?",
                [(m.actor_id, m.id) for m in refresh.linked],
            )
            conn.executemany(relink + " AND article = ?", [(a,) for a in refresh.changed_articles])
    if refresh.stories is not None:
        if refresh.stories_replaced is None:
            conn.execute("DELETE FROM stories")
        else:
            rows = [(story,) for story in sorted(refresh.stories_replaced)]
            conn.executemany("DELETE FROM stories WHERE id = ?", rows)
        if refresh.replaced is None:
            conn.execute("DELETE FROM comparisons")
        else:
            gone = [(story,) for story in sorted(refresh.replaced)]
            conn.executemany("DELETE FROM comparisons WHERE story = ?", gone)
        _insert_all(conn, "stories", refresh.stories)
        _insert_all(conn, "comparisons", refresh.comparisons)
    if refresh.grouping is not None:
        _write_grouping(conn, refresh)
    if refresh.names is not None:
        if refresh.names_reset:
            conn.execute("DELETE FROM mention_names")
        else:
            articles = sorted({row[1] for row in refresh.names})
            conn.executemany(
                "DELETE FROM mention_names WHERE article = ?", [(a,) for a in articles]
            )
        conn.executemany(
            "INSERT INTO mention_names VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(refresh.names)
        )
    if fresh:
        conn.execute("UPDATE corpus_state SET refreshed_version = ?", (refresh.version,))


def _write_grouping(conn: sqlite3.Connection, refresh: Refresh) -> None:
    """The story grouping's state and the batches it took."""
    if refresh.batches is not None:
        conn.execute("DELETE FROM story_batches")
        rows = [(a, k) for k, batch in enumerate(refresh.batches) for a in batch]
    else:
        last = conn.execute("SELECT COALESCE(MAX(batch), -1) FROM story_batches").fetchone()[0]
        rows = [(a, int(last) + 1) for a in refresh.arrived]
    conn.executemany("INSERT OR REPLACE INTO story_batches (article, batch) VALUES (?, ?)", rows)
    conn.execute(
        "INSERT OR REPLACE INTO story_state (id, state) VALUES (1, ?)", (refresh.grouping,)
    )


def _insert_all(conn: sqlite3.Connection, table: str, records: tuple | list) -> None:
    insert_many(conn, table, [to_row(record) for record in records])
