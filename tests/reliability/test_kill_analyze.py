"""`storyledger analyze` killed with SIGKILL at several moments on 30 real MEANTIME articles:
the store stays intact, holds no half-written article, marks the dead run interrupted, and the
next run leaves it exactly as one clean run would."""

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from storyledger.cli import main
from storyledger.ingest import IngestOptions
from storyledger.runner import BATCH_SIZE, analyze_paths
from storyledger.store import Store
from tests.conftest import MEANTIME, ROOT, need

ARTICLES = 30
PER_ARTICLE = ("blocks", "cited_sources", "sentences", "mentions", "quotes", "figures", "events")
CORPUS = ("actors", "stories", "comparisons")
# set by the cross-article stage, so they differ until the corpus is refreshed
CORPUS_LINKS = {
    "mentions": ("actor_id", "kind"),
    "quotes": ("speaker_actor",),
    "events": ("actor_id", "target_id"),
}

# Runs `analyze` like the CLI; at a chosen moment, inside a write transaction (rows written,
# commit not yet made), it tells the test where it is and waits to be killed.
HOOKED = """
import sys, time
from pathlib import Path
from storyledger import cli
from storyledger.store import refresh, store

marker, moment, after, source, db = sys.argv[1:6]
after, marker = int(after), Path(marker)

def pause():
    marker.write_text(moment)
    time.sleep(600)

if moment == "save":
    insert, saved = store._insert_many, []
    def hooked(conn, table, rows):
        insert(conn, table, rows)
        saved.extend([1] * len(rows) if table == "articles" else [])
        if len(saved) > after and table == "framing":  # its last rows, before the commit
            pause()
    store._insert_many = hooked
elif moment == "refresh":
    insert_all = refresh._insert_all
    def hooked(conn, table, records):
        insert_all(conn, table, records)
        if table == "comparisons":
            pause()
    refresh._insert_all = hooked
sys.exit(cli.main(["analyze", source, "--db", db]))
"""


@pytest.fixture(scope="module")
def source(tmp_path_factory):
    """The first MEANTIME articles as one JSON Lines input (read in place, kept in tmp)."""
    lines = need(MEANTIME).read_text(encoding="utf-8").splitlines(keepends=True)
    path = tmp_path_factory.mktemp("kill") / "meantime.jsonl"
    path.write_text("".join(lines[:ARTICLES]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def clean(source, nlp, tmp_path_factory):
    """Every table of one uninterrupted run: in full, and less the cross-article links."""
    with Store(tmp_path_factory.mktemp("clean") / "clean.db") as store:
        report = analyze_paths([source], store, nlp, options=IngestOptions())
        assert len(report.stored) == ARTICLES
        return dump(store.conn), dump(store.conn, without=CORPUS_LINKS)


def dump(conn, *, without=None):
    """Every record table as sorted rows of `(column, value)` pairs, less the run id and the
    columns `without` names per table."""
    tables = {}
    for table in ("articles", "framing", *PER_ARTICLE, *CORPUS):
        skip = {"run_id", *(without or {}).get(table, ())}
        rows = [
            tuple((key, row[key]) for key in row.keys() if key not in skip)  # noqa: SIM118
            for row in conn.execute(f"SELECT * FROM {table}")
        ]
        tables[table] = sorted(rows, key=repr)
    return tables


def by_article(tables):
    """The per-article tables of a dump, grouped by article."""
    grouped = {}
    for table in ("framing", *PER_ARTICLE):
        for row in tables[table]:
            grouped.setdefault(dict(row)["article"], {}).setdefault(table, []).append(row)
    return grouped


def killed_run(source, db, marker, moment, after=0):
    """Start `analyze`, wait for the moment (a hook's marker, or `after` logged inputs), kill -9."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}
    args = [sys.executable, "-c", HOOKED, str(marker), moment, str(after), str(source), str(db)]
    process = subprocess.Popen(args, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not _reached(db, marker, moment, after):
        assert process.poll() is None, process.stderr.read().decode()[-2000:]
        assert time.monotonic() < deadline, "the run never reached the moment"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=30) == -signal.SIGKILL  # reaped: its pid is gone
    process.stderr.close()


def _reached(db, marker, moment, after):
    if moment != "timing":
        return marker.exists()
    if not db.exists():
        return False
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10)
    try:
        return conn.execute("SELECT COUNT(*) FROM ingest_log").fetchone()[0] >= after
    except sqlite3.OperationalError:  # not created yet
        return False
    finally:
        conn.close()


def check_intact(db, unlinked):
    """The killed store: sound, and every stored article exactly a clean run's article;
    return the ids of the stored articles."""
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for fts in ("articles_fts", "quotes_fts"):
            conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
        stored = dump(conn, without=CORPUS_LINKS)
        (run,) = conn.execute("SELECT status, finished FROM runs").fetchall()
        assert tuple(run) == ("running", None)  # dead, noticed by the next run
    finally:
        conn.close()
    ids = {dict(row)["id"] for row in stored["articles"]}
    assert set(stored["articles"]) <= set(unlinked["articles"])
    found, want = by_article(stored), by_article(unlinked)
    assert set(found) <= ids  # no record of an article that is not stored
    for article in ids:
        assert found.get(article, {}) == want[article], article
    return ids


def rerun_equals_clean(source, db, nlp, clean, capsys):
    """Run `analyze` again over the killed store: it must end as the clean run did."""
    with Store(db) as store:
        report = analyze_paths([source], store, nlp, options=IngestOptions())
        assert report.problems == []
        assert dump(store.conn) == clean[0]
        runs = store.runs()
    assert [run["status"] for run in runs] == ["interrupted", "finished"]
    assert runs[0]["finished"] is None
    capsys.readouterr()
    assert main(["show", "runs", "--db", str(db)]) == 0
    header, first, _second = capsys.readouterr().out.splitlines()
    assert dict(zip(header.split("\t"), first.split("\t"), strict=True))["status"] == "interrupted"
    return report


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("moment", "after"),
    [("save", 20), ("timing", 18), ("refresh", 0)],
    ids=["inside-an-article-save", "mid-loop-by-timing", "inside-the-cross-article-write"],
)
def test_kill_9_leaves_a_sound_store_and_a_rerun_equals_a_clean_run(
    source, clean, nlp, tmp_path, capsys, moment, after
):
    db = tmp_path / "k.db"
    killed_run(source, db, tmp_path / "marker", moment, after)
    stored = check_intact(db, clean[1])
    if moment == "save":  # the batch being written is not there at all, the one before whole
        assert len(stored) == after // BATCH_SIZE * BATCH_SIZE > 0
    if moment == "refresh":
        assert len(stored) == ARTICLES
        with Store(db) as store:
            assert store.is_stale()
            assert store.corpus_records("stories") == []  # the old state: none yet
    report = rerun_equals_clean(source, db, nlp, clean, capsys)
    assert len(report.stored) == ARTICLES - len(stored)
