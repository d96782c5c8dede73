"""`storyledger batch --workers 2` killed with SIGKILL at several moments, then run again at
once (#20): no worker outlives the killed run, `import` skips (and names) the shards it left
unfinished, and the resumed output equals a clean run's row for row, all of it importable."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from storyledger.batch.done import PARTIAL, TABLE_NAMES, is_done, read_summary
from storyledger.batch.engine import run_batch
from storyledger.batch.importer import import_batch
from storyledger.store import Store
from tests.conftest import MEANTIME, need

SHARDS, PER_SHARD = 3, 3
ARTICLES = SHARDS * PER_SHARD
TAG = "STORYLEDGER_KILL_TEST"
CLI = "import sys; from storyledger.cli import main; sys.exit(main(sys.argv[1:]))"
GRACE = 3.0
"""Seconds a worker may take to notice its run is gone (the watcher looks every second)."""


def _start(tag: str, log: Path, *args: str) -> subprocess.Popen:
    """The CLI in a process of its own, its messages to `log` (a pipe would be held open by
    any worker that outlived it)."""
    env = {**os.environ, TAG: tag}
    command = [sys.executable, "-c", CLI, *args]
    with log.open("ab") as messages:
        return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=messages)


def _batch(corpus: Path, out: Path) -> list[str]:
    pattern = str(corpus / "*.jsonl")
    return ["batch", "--input", pattern, "--output", str(out), "--workers", "2", "--no-compare"]


def _tagged(tag: str) -> list[int]:
    """The live processes (zombies aside) started with `TAG=tag` in their environment."""
    needle = f"{TAG}={tag}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes().split(b"\0")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:  # it ended while we looked
            continue
        if needle in environ and state not in ("Z", "X"):
            found.append(int(entry.name))
    return found


def _children(pid: int) -> list[str]:
    found: list[str] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += (task / "children").read_text().split()
        except OSError:
            continue
    return found


def _folders(out: Path) -> list[Path]:
    try:
        return [p for p in out.iterdir() if p.is_dir()]
    except FileNotFoundError:
        return []


def _files(folder: Path) -> list[str]:
    try:
        return [p.name for p in folder.iterdir()]
    except FileNotFoundError:
        return []


def _loading(out: Path, driver: int) -> bool:
    """Workers are up (loading the model) and no shard has begun."""
    return len(_children(driver)) >= 2 and not _folders(out)


def _reading(out: Path, _driver: int) -> bool:
    """A shard has begun: its temporary folder is there, nothing written yet."""
    return any(PARTIAL in p.name and not _files(p) for p in _folders(out))


def _writing(out: Path, _driver: int) -> bool:
    """A shard's files are being written (or renamed into place, marker not yet written)."""
    return any(bool(_files(p)) != ("_done.json" in _files(p)) for p in _folders(out))


def _marked(out: Path, _driver: int) -> bool:
    """A shard's marker has just been written."""
    return any("_done.json" in _files(p) for p in _folders(out))


MOMENTS: dict[str, Callable[[Path, int], bool]] = {
    "loading the model": _loading,
    "reading a shard": _reading,
    "writing a shard": _writing,
    "right after a shard marker": _marked,
}


def _tables(out: Path) -> dict[str, dict[str, list[str]]]:
    """Every row of every table of every shard, as sorted JSON lines, by shard and table."""
    found = {}
    for folder in sorted(_folders(out)):
        found[folder.name] = {
            name: sorted(
                json.dumps(row, sort_keys=True, default=str)
                for row in pq.read_table(folder / f"{name}.parquet").to_pylist()
            )
            for name in TABLE_NAMES
        }
    return found


def _import(out: Path, db: Path) -> tuple[dict[str, int], dict[str, str], int]:
    """`import`'s counts, the shards it skipped (and why), and the articles the store holds."""
    skipped: dict[str, str] = {}
    with Store(db) as store:
        counts = import_batch(out, store, incomplete=skipped.__setitem__)
        stored = store.conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    return counts, skipped, stored


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """A few real MEANTIME articles in three JSON Lines shards (written to a temporary folder)."""
    lines = need(MEANTIME).read_text(encoding="utf-8").splitlines()[:ARTICLES]
    folder = tmp_path_factory.mktemp("corpus")
    for n in range(SHARDS):
        shard = lines[n * PER_SHARD : (n + 1) * PER_SHARD]
        (folder / f"s{n}.jsonl").write_text("\n".join(shard) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def clean(corpus, tmp_path_factory) -> dict[str, dict[str, list[str]]]:
    """The tables of a run that nobody killed (in this process: the rows do not depend on it)."""
    out = tmp_path_factory.mktemp("clean") / "out"
    report = run_batch(str(corpus / "*.jsonl"), out)
    assert (report.articles, report.errors) == (ARTICLES, {})
    tables = _tables(out)
    assert len(tables) == SHARDS
    assert sum(len(t["articles"]) for t in tables.values()) == ARTICLES
    return tables


@pytest.mark.issue(20)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("moment", list(MOMENTS))
def test_a_batch_killed_and_resumed_at_once_loses_nothing(moment, corpus, clean, tmp_path):
    out = tmp_path / "out"
    killed, resumed = f"killed-{uuid.uuid4().hex}", f"resumed-{uuid.uuid4().hex}"
    try:
        driver = _start(killed, tmp_path / "killed.log", *_batch(corpus, out))
        seen = False
        while driver.poll() is None and not (seen := MOMENTS[moment](out, driver.pid)):
            time.sleep(0.001)
        assert seen, f"the run ended before the moment ({moment}) was seen"
        driver.kill()
        driver.wait()
        left = tmp_path / "left"  # the killed run's outputs as they were, for `import` below
        shutil.copytree(out, left)
        log = tmp_path / "resumed.log"
        resume = _start(resumed, log, *_batch(corpus, out))  # at once, as a user would

        deadline = time.monotonic() + GRACE
        while (survivors := _tagged(killed)) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert survivors == [], "workers outlived the killed run"
        assert resume.wait(timeout=120) == 0, log.read_text()
    finally:  # whatever failed, leave no process of ours behind
        for pid in _tagged(killed) + _tagged(resumed):
            os.kill(pid, signal.SIGKILL)

    assert not [p.name for p in _folders(out) if PARTIAL in p.name]
    assert _tables(out) == clean
    counts, skipped, stored = _import(out, tmp_path / "all.db")
    assert (counts["articles"], skipped, stored) == (ARTICLES, {}, ARTICLES)

    done = [p for p in _folders(left) if is_done(p)]
    counts, skipped, stored = _import(left, tmp_path / "left.db")
    assert len(skipped) == counts["incomplete"] == SHARDS - len(done)
    assert all("incomplete shard (" in reason for reason in skipped.values())
    assert stored == counts["articles"] == sum(read_summary(p)["articles"] for p in done)
