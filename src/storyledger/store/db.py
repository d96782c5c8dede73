"""Open the SQLite database: WAL mode, foreign keys, and versioned schema migrations."""

from __future__ import annotations

import json
import re
import sqlite3
import time
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

from storyledger.errors import StoreError

_MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
BUSY_TIMEOUT_MS = 10_000
"""How long a command waits for another one's write (a save, a migration) before failing."""


def in_ids(column: str) -> str:
    """`column IN (...)` over any number of values bound as ONE parameter (`id_list`), never
    one `?` each: SQLite refuses a statement with more parameters than its build allows
    (SQLITE_MAX_VARIABLE_NUMBER: 999 before 3.32, 32766 since), and a large store has more
    ids than that. One statement, so its ORDER BY and a `NOT IN` stay exact."""
    return f"{column} IN (SELECT value FROM json_each(?))"


def id_list(values: Iterable[str]) -> str:
    """The parameter of an `in_ids` condition: the distinct values as one JSON array."""
    return json.dumps(sorted(set(values)))


def migrations() -> list[tuple[int, str, str]]:
    """`(version, name, sql)` of every migration shipped with the package, in order."""
    folder = resources.files("storyledger.store") / "migrations"
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    return sorted(found)


def connect(path: str | Path) -> sqlite3.Connection:
    """A connection to the database at `path`, created and migrated to the latest schema."""
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS:d}")  # first: the next ones may wait
        _use_wal(conn)
        conn.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; see docs/decisions.md
        conn.execute("PRAGMA foreign_keys=ON")
        migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a usable storyledger database ({exc})") from None
    return conn


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch a database to WAL. Two commands creating one store race here, and SQLite answers
    the loser "database is locked" at once, without waiting: so wait for it, as for a write."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
        time.sleep(0.02)


def schema_version(conn: sqlite3.Connection) -> int:
    """The schema version the database is at (0 for a new file)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def migrate(conn: sqlite3.Connection) -> int:
    """Apply, each in its own transaction, the migrations newer than the database.

    Safe when several processes open a new store at once: each migration runs under the write
    lock and the version is read again inside it, so a migration another process applied
    meanwhile is skipped, not applied twice.
    """
    shipped = migrations()
    latest = shipped[-1][0] if shipped else 0
    _refuse_newer(schema_version(conn), latest)
    for version, _name, sql in shipped:
        if version <= schema_version(conn):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            current = schema_version(conn)
            _refuse_newer(current, latest)
            if version > current:
                for statement in _statements(sql):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version={version:d}")
            conn.execute("COMMIT")
        except sqlite3.Error:
            conn.execute("ROLLBACK")
            raise
    return schema_version(conn)


def _refuse_newer(current: int, latest: int) -> None:
    if current > latest:
        raise StoreError(f"database schema {current} is newer than this storyledger ({latest})")


def _statements(sql: str) -> list[str]:
    """Split a migration script into complete statements (triggers kept whole)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        if not buffer and line.lstrip().startswith("--"):
            continue
        buffer += line
        if sqlite3.complete_statement(buffer):
            statements.append(buffer.strip())
            buffer = ""
    if buffer.strip():
        statements.append(buffer.strip())
    return statements
