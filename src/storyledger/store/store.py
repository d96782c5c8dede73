"""The store: write analyses a batch of articles per transaction, and read records back."""

from __future__ import annotations

import dataclasses
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from storyledger import __version__
from storyledger.errors import DUPLICATE_RECORD, StoreError
from storyledger.extract.registry import Analysis
from storyledger.model import Actor, Article, Mention, RunInfo, Story, content_id
from storyledger.store import refresh, runs, search
from storyledger.store.db import connect, id_list, in_ids
from storyledger.store.rows import CORPUS_TABLES, RECORD_TABLES, field_names, from_row, to_row
from storyledger.store.rows import insert_many as _insert_many

DEFAULT_DB = "storyledger.db"
LogEntry = tuple[str, str, str | None, str | None]
"""One input's line of the ingest log: `(source, status, reason, article)`."""


def fingerprint(article: Article, info: RunInfo) -> str:
    """What decides whether a stored article must be analysed again."""
    meta = [getattr(article, f.name) for f in dataclasses.fields(article) if f.name != "source"]
    return content_id(
        "fingerprint",
        *meta,
        info.pipeline_version,
        info.model_name,
        info.model_version,
        *info.stages,
    )


class Store:
    """A storyledger SQLite database."""

    def __init__(self, path: str | Path = DEFAULT_DB) -> None:
        self.path = str(path)
        self.conn = connect(path)
        self._keys = {name: _primary_key(self.conn, name) for name in RECORD_TABLES}

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed whole, or rolled back whole on any error."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self.conn
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    @contextmanager
    def snapshot(self) -> Iterator[sqlite3.Connection]:
        """One read transaction: every read inside sees the same state of the store (WAL),
        whatever other commands write meanwhile. Inside a transaction already, that one."""
        if self.conn.in_transaction:
            yield self.conn
            return
        self.conn.execute("BEGIN")
        try:
            yield self.conn
        finally:
            self.conn.execute("COMMIT")

    # -- runs and the ingest log -------------------------------------------------------

    def begin_run(self, info: RunInfo, command: str) -> int:
        """Record the start of a run with the pipeline and model versions; return its id.
        Earlier runs whose process died unfinished are marked `interrupted` on the way."""
        with self.transaction() as conn:
            runs.mark_dead_runs(conn)
            cursor = conn.execute(
                "INSERT INTO runs (started, command, storyledger_version, pipeline_version,"
                " model_name, model_version, stages, status, pid, host, ops)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, 'running', ?, ?, ?)",
                (
                    runs.now(),
                    command,
                    __version__,
                    info.pipeline_version,
                    info.model_name,
                    info.model_version,
                    ",".join(info.stages),
                    *runs.owner(),
                    info.ops or None,
                ),
            )
        return int(cursor.lastrowid)

    def finish_run(self, run_id: int, status: runs.RunStatus = "finished") -> None:
        """Mark a run finished (or, when it stopped on an error, interrupted)."""
        with self.transaction() as conn:
            runs.end_run(conn, run_id, status)

    def log(
        self,
        run_id: int,
        source: str,
        status: str,
        *,
        reason: str | None = None,
        article: str | None = None,
    ) -> None:
        """Note what became of one input in a run."""
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO ingest_log (run_id, source, status, reason, article)"
                " VALUES (?, ?, ?, ?, ?)",
                (run_id, source, status, reason, article),
            )

    def log_many(self, run_id: int, entries: Iterable[LogEntry]) -> None:
        """Note what became of several inputs of a run, in one transaction."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT INTO ingest_log (run_id, source, status, reason, article)"
                " VALUES (?, ?, ?, ?, ?)",
                [(run_id, *entry) for entry in entries],
            )

    def runs(self) -> list[dict[str, Any]]:
        """Every run, oldest first."""
        return [dict(row) for row in self.conn.execute("SELECT * FROM runs ORDER BY id")]

    def ingest_log(self, run_id: int | None = None) -> list[dict[str, Any]]:
        """The ingest log, of one run or of all."""
        sql, args = "SELECT * FROM ingest_log", ()
        if run_id is not None:
            sql, args = sql + " WHERE run_id = ?", (run_id,)
        return [dict(row) for row in self.conn.execute(sql + " ORDER BY rowid", args)]

    # -- articles ---------------------------------------------------------------------

    def stored_state(self, article_id: str) -> tuple[str, str] | None:
        """`(fingerprint, source)` of a stored article, or None."""
        row = self.conn.execute(
            "SELECT fingerprint, source FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        return (row["fingerprint"], row["source"]) if row else None

    def save(self, analysis: Analysis, *, fingerprint: str, run_id: int) -> None:
        """Replace the article and all its records in one transaction; an analysis with two
        records of one key is refused whole (StoreError naming them) before anything is written."""
        self.save_many([(analysis, fingerprint)], run_id=run_id)

    def save_many(self, analyses: Sequence[tuple[Analysis, str]], *, run_id: int) -> None:
        """Replace a batch of articles (each with the fingerprint of its input) and all their
        records in one transaction, one `executemany` per table (the full-text indexes are
        filled by their triggers within it): all are written, or none. A batch with an
        analysis holding two records of one key is refused whole before anything is written."""
        for analysis, _stamp in analyses:
            self.check_keys(analysis)
        articles = [
            {**to_row(analysis.article), "fingerprint": stamp, "run_id": run_id}
            for analysis, stamp in analyses
        ]
        records = {
            name: [to_row(record) for analysis, _stamp in analyses for record in analysis.get(name)]
            for name in RECORD_TABLES
        }
        with self.transaction() as conn:
            conn.executemany("DELETE FROM articles WHERE id = ?", [(a["id"],) for a in articles])
            _insert_many(conn, "articles", articles)
            for name, rows in records.items():
                _insert_many(conn, name, rows)

    def check_keys(self, analysis: Analysis) -> None:
        """Raise StoreError when two records of one table share their key in this analysis."""
        for name, key in self._keys.items():
            seen: Counter[tuple] = Counter(
                tuple(getattr(record, column, None) for column in key)
                for record in analysis.get(name)
            )
            twice = [value for value, count in seen.items() if count > 1]
            if twice:
                raise StoreError(
                    DUPLICATE_RECORD.format(table=name, key=", ".join(key), value=twice[0])
                )

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        """Stored articles (all, or those of `ids`), by publication date then id."""
        sql, args = _where_ids("SELECT * FROM articles", "id", ids)
        rows = self.conn.execute(sql + " ORDER BY published IS NULL, published, id", args)
        return [from_row(Article, row) for row in rows]

    def records(self, name: str, article_ids: Iterable[str] | None = None) -> list[Any]:
        """The stored records of one per-article table, in article and text order."""
        cls = RECORD_TABLES[name]
        order = "article, start" if "start" in field_names(cls) else "article"
        sql, args = _where_ids(f"SELECT * FROM {name}", "article", article_ids)
        return [from_row(cls, row) for row in self.conn.execute(f"{sql} ORDER BY {order}", args)]

    def outlets(self) -> set[str]:
        """The outlets the stored articles name (without reading a text)."""
        rows = self.conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet <> ''")
        return {row[0] for row in rows}

    def article_count(self) -> int:
        """How many articles are stored."""
        return int(self.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0])

    def search(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Articles matching `query` (see `store.search` for what a query means), best first,
        with the matched spans."""
        return search.search_articles(self.conn, query, limit=limit)

    def search_quotes(self, query: str, *, limit: int = 20) -> list[dict[str, Any]]:
        """Quotes whose words or speaker match `query`, best first, with the matched spans."""
        return search.search_quotes(self.conn, query, limit=limit)

    # -- corpus-wide records ------------------------------------------------------------

    def write_refresh(
        self, planned: refresh.Refresh, *, fresh: bool, only_if_current: bool = False
    ) -> bool:
        """Write a planned cross-article refresh in one transaction; with `only_if_current`,
        only when no article was written since it was planned. True when it was written."""
        with self.transaction() as conn:
            if only_if_current and refresh.articles_version(conn)[0] != planned.version:
                return False
            refresh.write(conn, planned, fresh=fresh)
        return True

    def is_stale(self) -> bool:
        """True when articles were written after the cross-article records were computed."""
        written, refreshed = refresh.articles_version(self.conn)
        return written != refreshed

    def article_ids(self) -> set[str]:
        """The ids of every stored article."""
        return {row[0] for row in self.conn.execute("SELECT id FROM articles")}

    def story_batches(self) -> list[list[str]]:
        """The article ids of each batch the story grouping took, in order (issue #17)."""
        batches: dict[int, list[str]] = {}
        rows = self.conn.execute("SELECT batch, article FROM story_batches ORDER BY batch, article")
        for batch, article in rows:
            batches.setdefault(int(batch), []).append(article)
        return list(batches.values())

    def story_state(self) -> bytes | None:
        """The story grouping's kept state (`compare.grouping.to_bytes`), if any."""
        row = self.conn.execute("SELECT state FROM story_state WHERE id = 1").fetchone()
        return None if row is None else bytes(row[0])

    def story_names(self) -> dict[str, str]:
        """The names the user gave stories, by an article of each."""
        rows = self.conn.execute("SELECT article, name FROM story_names")
        return {row["article"]: row["name"] for row in rows}

    def story_merges(self) -> list[tuple[str, str]]:
        """The article pairs the user put in one story."""
        rows = self.conn.execute("SELECT article, other FROM story_merges ORDER BY rowid")
        return [(row["article"], row["other"]) for row in rows]

    def story(self, key: str) -> Story:
        """The stored story with this id (or id prefix), or the story holding this article;
        else the story of this name (any case), else the one story whose name holds it."""
        stories = self.corpus_records("stories")
        found = [s for s in stories if s.id.startswith(key) or key in s.articles]
        wanted = " ".join(key.split()).casefold()
        if not found and wanted:
            found = [s for s in stories if (s.name or "").casefold() == wanted]
            found = found or [s for s in stories if wanted in (s.name or "").casefold()]
        if len(found) != 1:
            problem = "no story" if not found else f"{len(found)} stories"
            raise StoreError(
                f"{problem} with id or article {key!r}, nor named so"
                " (see `storyledger show stories`)"
            )
        return found[0]

    def name_story(self, key: str, name: str) -> str:
        """Keep a name for a story by its first article (so it survives regrouping); return
        that article. The runner regroups afterwards."""
        story = self.story(key)
        if not name.strip():
            raise StoreError("a story name cannot be empty")
        with self.transaction() as conn:
            conn.executemany(
                "DELETE FROM story_names WHERE article = ?", [(a,) for a in story.articles]
            )
            conn.execute(
                "INSERT INTO story_names (article, name) VALUES (?, ?)",
                (story.articles[0], " ".join(name.split())),
            )
        return story.articles[0]

    def merge_stories(self, keys: list[str]) -> str:
        """Keep the given stories as one (article pairs, so it survives regrouping); return
        the first story's first article. The runner regroups afterwards."""
        stories = [self.story(key) for key in keys]
        if len({s.id for s in stories}) < 2:
            raise StoreError("name at least two different stories to merge")
        first = stories[0].articles[0]
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR IGNORE INTO story_merges (article, other) VALUES (?, ?)",
                [(first, s.articles[0]) for s in stories[1:]],
            )
        return first

    def corpus_records(self, name: str) -> list[Any]:
        """All actors or comparisons."""
        cls = CORPUS_TABLES[name]
        return [
            from_row(cls, row) for row in self.conn.execute(f"SELECT * FROM {name} ORDER BY id")
        ]

    def actors_of(self, article_ids: Iterable[str]) -> list[Actor]:
        """The actors mentioned in the given articles."""
        rows = self.conn.execute(
            f"SELECT * FROM actors WHERE id IN (SELECT actor_id FROM mentions WHERE"
            f" {in_ids('article')}) ORDER BY id",
            (id_list(article_ids),),
        )
        return [from_row(Actor, row) for row in rows]

    def actors_with(self, ids: Iterable[str]) -> list[Actor]:
        """The stored actors of these ids."""
        return [from_row(Actor, row) for row in self._by_ids("actors", "id", ids)]

    def quote_articles_of_speakers(self, mention_ids: Iterable[str]) -> set[str]:
        """The articles of the quotes whose speaker is one of these mentions."""
        rows = self._by_ids("quotes", "speaker_mention", mention_ids)
        return {row["article"] for row in rows}

    def articles_mentioning(self, actor_ids: Iterable[str]) -> set[str]:
        """The articles with a mention of one of these actors."""
        return {row["article"] for row in self._by_ids("mentions", "actor_id", actor_ids)}

    def stories_with(self, ids: Iterable[str]) -> list[Story]:
        """The stored stories of these ids."""
        return [from_row(Story, row) for row in self._by_ids("stories", "id", ids)]

    def mentions_by_id(self, ids: Iterable[str]) -> list[Mention]:
        """The stored mentions of these ids."""
        return [from_row(Mention, row) for row in self._by_ids("mentions", "id", ids)]

    def mentions_of_actors(self, actor_ids: Iterable[str]) -> list[Mention]:
        """Every mention of these actors, by actor, then article and text order."""
        rows = self._by_ids("mentions", "actor_id", actor_ids, order="actor_id, article, start")
        return [from_row(Mention, row) for row in rows]

    def _by_ids(
        self, table: str, column: str, ids: Iterable[str], *, order: str | None = None
    ) -> list[sqlite3.Row]:
        sql = f"SELECT * FROM {table} WHERE {in_ids(column)} ORDER BY {order or column}"
        return self.conn.execute(sql, (id_list(ids),)).fetchall()

    def mentions_of(self, actor_id: str) -> list[Mention]:
        """Every mention of one actor."""
        rows = self.conn.execute(
            "SELECT * FROM mentions WHERE actor_id = ? ORDER BY article, start", (actor_id,)
        )
        return [from_row(Mention, row) for row in rows]


def _where_ids(sql: str, column: str, ids: Iterable[str] | None) -> tuple[str, tuple]:
    if ids is None:
        return sql, ()
    return f"{sql} WHERE {in_ids(column)}", (id_list(ids),)


def _primary_key(conn: sqlite3.Connection, table: str) -> tuple[str, ...]:
    """The columns of a table's primary key, in key order."""
    rows = conn.execute(f'PRAGMA table_info("{table}")').fetchall()
    return tuple(row["name"] for row in sorted(rows, key=lambda row: row["pk"]) if row["pk"])
