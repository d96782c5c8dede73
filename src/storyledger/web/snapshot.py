"""One consistent state of the store for the web server, and the views and page built from it.

The server keeps one query-only connection. Every request reads in one transaction on it, so
what it answers (the page, the views, search) is one snapshot of the database. The views are
rebuilt when `PRAGMA data_version` says another connection has committed since they were built:
a write into the WAL changes that, where it leaves the database file's mtime alone.
"""

from __future__ import annotations

import sqlite3
import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyledger.ingest.outlets import OutletInfo
from storyledger.report import build_views, render_page
from storyledger.store import Store


@dataclass(frozen=True, slots=True, kw_only=True)
class Snapshot:
    """The views and page of one state of the store, and the connection reading that state
    (valid only inside `Snapshots.read`)."""

    number: str
    views: dict[str, Any]
    page: str
    conn: sqlite3.Connection
    stories: dict[str, tuple[dict[str, Any], str]] = field(default_factory=dict)


class Snapshots:
    """The store as the server reads it: one kept connection, one lock, the latest views."""

    def __init__(self, db: str | Path, outlets: Mapping[str, OutletInfo] | None = None) -> None:
        self._store = Store(db)
        self._store.conn.execute("PRAGMA query_only=ON")
        self._outlets = outlets
        self._lock = threading.Lock()
        self._server = uuid.uuid4().hex[:8]  # a page from another server never looks current
        self._builds = 0
        self._built: tuple[int, Snapshot] | None = None

    @contextmanager
    def read(self) -> Iterator[Snapshot]:
        """The current state, held (one read transaction) until the block ends."""
        with self._lock:
            conn = self._store.conn
            conn.execute("BEGIN")
            try:
                conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()  # the read begins
                version = int(conn.execute("PRAGMA data_version").fetchone()[0])
                if self._built is None or self._built[0] != version:
                    self._built = (version, self._build(conn))
                yield self._built[1]
            finally:
                conn.execute("COMMIT")

    def story(self, snapshot: Snapshot, key: str) -> tuple[dict[str, Any], str]:
        """The views and page of one story (an id, its first characters, a name or an article
        id) in the snapshot being read: call inside `read`. StoreError if no one story is."""
        story = self._store.story(key)
        if story.id not in snapshot.stories:
            views = build_views(self._store, self._outlets, story=story.id)
            views["meta"]["snapshot"] = snapshot.number
            page = render_page(views, served=True)
            snapshot.stories[story.id] = (views, page)
        return snapshot.stories[story.id]

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._store.close()

    def _build(self, conn: sqlite3.Connection) -> Snapshot:
        self._builds += 1
        number = f"{self._server}.{self._builds}"
        views = build_views(self._store, self._outlets)
        views["meta"]["snapshot"] = number
        page = render_page(views, served=True)
        return Snapshot(number=number, views=views, page=page, conn=conn)
