"""Commands at once on one store: `analyze` writing while `export` and `serve` read, and two
commands creating a new store together."""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

from storyledger.export import build_export
from storyledger.store import Store
from storyledger.web.server import StoryServer
from tests.conftest import MEANTIME, ROOT, need

ARTICLES = 30
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)])}


def self_consistent(document):
    """Problems of one export: records of articles it lacks, spans off their text."""
    texts = {article["id"]: article["text"] for article in document["articles"]}
    problems = []
    for table in ("mentions", "quotes", "figures", "events", "framing"):
        for row in document[table]:
            if row["article"] not in texts:
                problems.append(f"{table} row of missing article {row['article']}")
            elif "start" in row and texts[row["article"]][row["start"] : row["end"]] != row["text"]:
                problems.append(f"{table} {row['id']} does not match its text")
    for story in document["stories"]:
        problems += [f"story of missing {a}" for a in story["articles"] if a not in texts]
    for comparison in document["comparisons"]:
        problems += [
            f"comparison item of missing {item['article']}"
            for item in comparison["items"]
            if item["article"] not in texts
        ]
    return problems


@pytest.mark.issue(20)
def test_exports_and_the_server_read_consistent_states_while_analyze_writes(tmp_path):
    lines = need(MEANTIME).read_text(encoding="utf-8").splitlines(keepends=True)
    source = tmp_path / "meantime.jsonl"
    source.write_text("".join(lines[:ARTICLES]), encoding="utf-8")
    db = tmp_path / "c.db"
    Store(db).close()
    server = StoryServer(("127.0.0.1", 0), db)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    analyze = subprocess.Popen(
        [sys.executable, "-m", "storyledger.cli", "analyze", str(source), "--db", str(db)],
        env=ENV,
        stderr=subprocess.PIPE,
    )
    exports, sizes, served, problems = 0, set(), 0, []
    try:
        while analyze.poll() is None:
            with Store(db) as store:  # as `storyledger export` opens it
                document = build_export(store)
            exports += 1
            sizes.add(len(document["articles"]))
            problems += self_consistent(document)
            for path in ("/api/views", "/api/search?q=said"):
                with urllib.request.urlopen(base + path, timeout=30) as response:
                    assert response.status == 200
                    json.loads(response.read())
                served += 1
    finally:
        server.shutdown()
        server.server_close()
        _, err = analyze.communicate(timeout=120)
    assert analyze.returncode == 0, err.decode()[-2000:]
    assert problems == []
    assert exports >= 3 and len(sizes) >= 2  # the exports did see the store grow
    with Store(db) as store:
        final = build_export(store)
    assert len(final["articles"]) == ARTICLES and self_consistent(final) == []
    assert served >= 2 * exports


# Each process opens store i at start + i * STEP: the processes create each store together.
OPEN_TOGETHER = """
import sys, time
from storyledger.store import Store
start, step, folder, rounds = float(sys.argv[1]), float(sys.argv[2]), sys.argv[3], int(sys.argv[4])
for i in range(rounds):
    time.sleep(max(0.0, start + i * step - time.time()))
    Store(f"{folder}/s{i}.db").close()
"""


@pytest.mark.issue(20)
def test_two_commands_creating_a_new_store_at_once_both_succeed(tmp_path):
    rounds, step = 12, 0.25
    start = time.time() + 4  # after both processes have imported storyledger
    processes = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                OPEN_TOGETHER,
                str(start),
                str(step),
                str(tmp_path),
                str(rounds),
            ],
            env=ENV,
            stderr=subprocess.PIPE,
        )
        for _ in range(2)
    ]
    errors = [process.communicate(timeout=120)[1].decode() for process in processes]
    assert [process.returncode for process in processes] == [0, 0], errors
    for i in range(rounds):
        with Store(tmp_path / f"s{i}.db") as store:
            assert store.runs() == [] and not store.is_stale()
