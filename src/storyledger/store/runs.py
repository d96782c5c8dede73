"""Runs: who started each one, how it ended, and noticing the runs a kill left unfinished.

A run records the process that runs it (pid and host). A run that is not finished and whose
process is gone was killed or crashed: the next run marks it `interrupted`, so `show runs`
never shows a dead run as still going.
"""

from __future__ import annotations

import os
import socket
import sqlite3
from datetime import UTC, datetime
from typing import Literal

RunStatus = Literal["running", "finished", "interrupted"]


def mark_dead_runs(conn: sqlite3.Connection) -> list[int]:
    """Mark `interrupted` every running run whose process is gone; return their ids.

    Runs in this process, or on another host, are left alone: whether they still run is not
    knowable from here.
    """
    host, me = socket.gethostname(), os.getpid()
    rows = conn.execute("SELECT id, pid, host FROM runs WHERE status = 'running'").fetchall()
    dead = [
        row["id"]
        for row in rows
        if row["pid"] is None or (row["host"] == host and row["pid"] != me and _gone(row["pid"]))
    ]
    conn.executemany("UPDATE runs SET status = 'interrupted' WHERE id = ?", [(i,) for i in dead])
    return dead


def end_run(conn: sqlite3.Connection, run_id: int, status: RunStatus) -> None:
    """Record how a run ended; only a finished run gets a finishing time."""
    finished = now() if status == "finished" else None
    conn.execute(
        "UPDATE runs SET status = ?, finished = ? WHERE id = ?", (status, finished, run_id)
    )


def owner() -> tuple[int, str]:
    """`(pid, host)` of this process, as a run records them."""
    return os.getpid(), socket.gethostname()


def now() -> str:
    """The current time as the store writes it."""
    return datetime.now(UTC).isoformat(timespec="seconds")


def _gone(pid: int) -> bool:
    """True when no process has this id (signal 0 checks without signalling on POSIX)."""
    if os.name != "posix":
        return False  # elsewhere signal 0 is not a probe: the run is taken to be alive
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False  # it exists, under another user
    return False
