"""A shard is done only when all its files are complete (#20): a re-run checks them and redoes
a shard that is not, cleans what a killed run left, and `import` skips and names it."""

import json

import pyarrow.parquet as pq
import pytest

from storyledger.batch.done import DONE, MANIFEST, check_done, incomplete_shards
from storyledger.batch.engine import run_batch
from storyledger.batch.importer import import_batch
from storyledger.cli import main
from storyledger.store import Store

TEXT = "At least {n} homes were flooded in Tarn on Monday, officials said."


@pytest.fixture
def done(tmp_path):
    """Two JSON Lines shards of two articles, run once: `(glob, output folder, shards)`."""
    for name in ("a", "b"):
        rows = [{"text": TEXT.format(n=f"{name}{n}")} for n in range(2)]
        (tmp_path / f"{name}.jsonl").write_text("\n".join(map(json.dumps, rows)) + "\n")
    pattern, out = str(tmp_path / "*.jsonl"), tmp_path / "out"
    run_batch(pattern, out)
    return pattern, out, sorted(p for p in out.iterdir() if p.is_dir())


def _damage(shard, how):
    if how == "a table file is missing":
        (shard / "quotes.parquet").unlink()
    elif how == "a table file is cut short":
        data = (shard / "articles.parquet").read_bytes()
        (shard / "articles.parquet").write_bytes(data[: len(data) // 2])
    elif how == "the marker counts other rows":
        summary = json.loads((shard / DONE).read_text())
        summary["tables"]["articles"] = 50
        (shard / DONE).write_text(json.dumps(summary))
    elif how == "the marker is cut short":
        (shard / DONE).write_text('{"articles": 2, "tab')


DAMAGES = [
    "a table file is missing",
    "a table file is cut short",
    "the marker counts other rows",
    "the marker is cut short",
]


@pytest.mark.issue(20)
@pytest.mark.parametrize("how", DAMAGES)
def test_a_shard_with_incomplete_files_is_not_done_and_is_redone(done, how):
    pattern, out, (first, second) = done
    assert check_done(first) is None
    before = pq.read_table(first / "articles.parquet").to_pylist()
    _damage(first, how)
    assert check_done(first) is not None
    report = run_batch(pattern, out)
    assert (report.skipped_shards, report.articles) == (1, 2)
    assert check_done(first) is None and check_done(second) is None
    assert pq.read_table(first / "articles.parquet").to_pylist() == before


@pytest.mark.issue(20)
def test_a_marker_without_table_counts_still_counts_the_articles(done):
    _pattern, _out, (first, _second) = done
    summary = json.loads((first / DONE).read_text())
    del summary["tables"]
    (first / DONE).write_text(json.dumps(summary))
    assert check_done(first) is None
    (first / DONE).write_text(json.dumps({**summary, "articles": 50}))
    assert check_done(first) == "articles.parquet has 2 rows, _done.json says 50"


@pytest.mark.issue(20)
def test_a_run_removes_the_temporary_folders_a_killed_run_left(done):
    pattern, out, (first, _second) = done
    stale = [first.with_name(first.name + ".partial"), out / f"{first.name}.partial-1-abcdef"]
    for folder in stale:
        folder.mkdir()
        (folder / "articles.parquet").write_bytes(b"PAR1")
    report = run_batch(pattern, out)
    assert report.skipped_shards == 2
    assert not any(folder.exists() for folder in stale)


@pytest.mark.issue(20)
def test_import_skips_and_names_incomplete_shards(done, tmp_path):
    _pattern, out, (first, second) = done
    _damage(first, "a table file is missing")
    (out / MANIFEST).write_text(json.dumps({**json.loads((out / MANIFEST).read_text()), "c": "x"}))
    skipped = {}
    with Store(tmp_path / "x.db") as store:
        counts = import_batch(out, store, incomplete=skipped.__setitem__)
        logged = store.conn.execute(
            "SELECT source, reason FROM ingest_log WHERE status = 'skipped'"
        ).fetchall()
    assert counts == {"shards": 1, "articles": 2, "failed": 0, "incomplete": 2}
    assert skipped == {
        first.name: "incomplete shard (quotes.parquet missing); run `storyledger batch` again"
        " to redo it",
        "c": "incomplete shard (never finished); run `storyledger batch` again to redo it",
    }
    assert sorted(reason for _source, reason in logged) == sorted(skipped.values())
    assert incomplete_shards(out).keys() == {first.name, "c"} and second.name not in skipped


@pytest.mark.issue(20)
def test_the_cli_import_says_which_shards_it_skipped(done, tmp_path, capsys):
    _pattern, out, (first, _second) = done
    _damage(first, "the marker counts other rows")
    code = main(["import", str(out), "--db", str(tmp_path / "x.db")])
    _, err = capsys.readouterr()
    assert code == 1
    assert f"{out / first.name}: incomplete shard (articles.parquet has 2 rows" in err
    assert "1 shards, 2 articles stored, 0 failed, 1 incomplete shards skipped" in err


@pytest.mark.issue(20)
def test_a_shard_that_never_began_is_known_from_the_list_of_shards(done):
    import shutil

    _pattern, out, (first, second) = done
    listed = json.loads((out / MANIFEST).read_text())
    assert sorted(listed) == [first.name, second.name]
    assert all(path.endswith(".jsonl") for path in listed.values())
    shutil.rmtree(second)  # as if the run was killed before it began this shard
    assert incomplete_shards(out) == {
        second.name: "incomplete shard (never finished); run `storyledger batch` again to redo it"
    }
