"""Batch mode on the local engine: shards to Parquet, resumable, errors per row, then import."""

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyledger.batch.engine import run_batch
from storyledger.batch.importer import import_batch
from storyledger.batch.shards import Shard, read_shard
from storyledger.cli import main
from storyledger.ingest import IngestOptions, Skipped
from storyledger.model import Article
from storyledger.store import Store
from tests.conftest import EXAMPLES

PAGE = (
    "<html><head><title>Dam breaks in Orla</title></head><body><article><h1>Dam breaks in Orla"
    "</h1><p>At least 12 people were killed when a dam broke above the town of Orla on Monday,"
    " the fire service said. Rescue teams searched the valley through the night.</p>"
    "<p>The mayor said the town would rebuild.</p></article></body></html>"
)


def _warc(path):
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
        )
        record = writer.create_warc_record(
            "https://orla.example/dam",
            "response",
            payload=io.BytesIO(PAGE.encode("utf-8")),
            http_headers=headers,
        )
        writer.write_record(record)


def _shard_folders(out):
    return sorted(p for p in out.iterdir() if p.is_dir() and not p.name.startswith("_"))


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    rows = [json.loads(line) for line in (EXAMPLES / "story/04_north_coast_radio.jsonl").open()]
    (folder / "a.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows) + "\n{broken\n", encoding="utf-8"
    )
    pq.write_table(
        pa.Table.from_pylist(
            [{"text": PAGE.replace("Orla", "Velm"), "title": "t", "published": "2026-04-01"}]
        ),
        folder / "b.parquet",
    )
    _warc(folder / "c.warc")
    return folder


@pytest.mark.issue(9)
def test_every_kind_of_shard_is_read(inputs):
    (warc,) = [a for a in read_shard(Shard(inputs / "c.warc", "c"), IngestOptions())]
    assert warc.url == "https://orla.example/dam" and "At least 12 people" in warc.text
    (parquet,) = list(read_shard(Shard(inputs / "b.parquet", "b"), IngestOptions()))
    assert str(parquet.published) == "2026-04-01"
    found = list(read_shard(Shard(inputs / "a.jsonl", "a"), IngestOptions()))
    assert isinstance(found[-1], Skipped) and "malformed JSON" in found[-1].reason


@pytest.mark.issue(9)
def test_shards_become_parquet_and_a_rerun_skips_them(inputs, tmp_path):
    out = tmp_path / "out"
    report = run_batch(str(inputs / "*"), out)
    assert (report.shards, report.skipped_shards, report.articles) == (3, 0, 3)
    assert report.records["figures"] > 0 and report.errors["malformed JSON"] == 1
    folders = sorted(p for p in out.iterdir() if p.is_dir())
    assert len(folders) == 3 and not any(".partial" in p.name for p in folders)
    articles = pq.read_table(folders[0] / "articles.parquet").to_pylist()
    assert {"error", "pipeline_version", "model_version"} <= set(articles[0])
    again = run_batch(str(inputs / "*"), out)
    assert (again.skipped_shards, again.articles) == (3, 0)
    forced = run_batch(str(inputs / "*"), out, force=True, workers=2)
    assert (forced.skipped_shards, forced.articles) == (0, 3)


@pytest.mark.issue(9)
def test_a_failing_article_is_an_error_row_not_a_failed_job(inputs, tmp_path, monkeypatch):
    import storyledger.batch.core as core

    original = core.analyse_batch

    def flaky(articles, nlp):
        if any("Velm" in a.text for a in articles):
            raise RuntimeError("boom")
        return original(articles, nlp)

    monkeypatch.setattr(core, "analyse_batch", flaky)
    report = run_batch(str(inputs / "b.parquet"), tmp_path / "out")
    assert report.errors == {"analysis failed": 1}
    (shard,) = _shard_folders(tmp_path / "out")
    (row,) = pq.read_table(shard / "articles.parquet").to_pylist()
    assert row["error"].startswith("analysis failed (RuntimeError: boom)")


@pytest.mark.issue(9)
def test_import_gives_the_store_that_analyze_gives(tmp_path, capsys):
    out = tmp_path / "out"
    run_batch(str(EXAMPLES / "story"), out)
    with Store(tmp_path / "imported.db") as store:
        counts = import_batch(out, store)
        assert counts == {"shards": 1, "articles": 4, "failed": 0, "incomplete": 0}
    main(["analyze", str(EXAMPLES / "story"), "--db", str(tmp_path / "analyzed.db")])
    exports = []
    for name in ("imported", "analyzed"):
        target = tmp_path / f"{name}.json"
        main(["export", "--db", str(tmp_path / f"{name}.db"), "--out", str(target)])
        document = json.loads(target.read_text())
        document.pop("generator")
        exports.append(document)
    assert exports[0] == exports[1]


def test_cli_batch_and_import(inputs, tmp_path, capsys):
    code = main(["batch", "--input", str(inputs / "*.warc"), "--output", str(tmp_path / "o")])
    _, err = capsys.readouterr()
    assert code == 0 and "1 shards (0 already done), 1 articles" in err
    assert "across 1 articles" in err and "1 stories" in err
    assert (tmp_path / "o" / "_corpus" / "stories.parquet").exists()
    code = main(["import", str(tmp_path / "o"), "--db", str(tmp_path / "x.db")])
    _, err = capsys.readouterr()
    assert code == 0 and "1 articles stored" in err
    code = main(["batch", "--input", str(tmp_path / "nothing*"), "--output", str(tmp_path / "o")])
    _, err = capsys.readouterr()
    assert code == 1 and err.strip().endswith("no input shard matches")


@pytest.mark.issue(9)
def test_the_ray_engine_gives_what_the_local_engine_gives(tmp_path):
    ray_module = pytest.importorskip("ray")
    local = run_batch(str(EXAMPLES / "story"), tmp_path / "local")
    ray = run_batch(str(EXAMPLES / "story"), tmp_path / "ray", engine="ray", workers=1)
    assert not ray_module.is_initialized()  # #20: the local Ray it started is shut down
    assert (ray.articles, dict(ray.records)) == (local.articles, dict(local.records))
    (local_shard,), (ray_shard,) = (
        _shard_folders(p) for p in (tmp_path / "local", tmp_path / "ray")
    )
    for table in ("articles", "quotes", "figures"):
        rows = [
            pq.read_table(shard / f"{table}.parquet").to_pylist()
            for shard in (local_shard, ray_shard)
        ]
        assert sorted(r["id"] for r in rows[0]) == sorted(r["id"] for r in rows[1])


@pytest.mark.issue(20)
def test_a_very_long_text_is_analysed_whole_in_pieces(monkeypatch):
    """Batch no longer cuts a long text: it is parsed in pieces, as by `analyze` (#20 item 10)."""
    import storyledger.batch.core as core

    monkeypatch.setattr(core.shared_model(), "max_length", 400)  # pieces of at most 400 chars
    paragraph = (
        "The river rose again on Monday, officials said, and 40 families left their homes.\n"
    )
    article = Article(id="long", text=paragraph * 20, source="long.txt")
    tables = core.process_articles([article])
    (row,) = tables["articles"]
    assert row["capped_from_chars"] is None and row["error"] is None
    assert row["text"] == article.text
    assert len(tables["figures"]) == 20  # one "40 families" in every paragraph, the last too
    assert all(article.text[f["start"] : f["end"]] == f["text"] for f in tables["figures"])


@pytest.fixture
def small_shard(tmp_path, monkeypatch):
    """Five short articles in one JSON Lines shard, batched two at a time and run once:
    `(input path, output folder, the shard's folder)`."""
    import storyledger.batch.engine as engine

    monkeypatch.setattr(engine, "BATCH_SIZE", 2)
    rows = [
        {
            "title": f"Flood number {n}",
            "text": f"At least {n + 3} homes were flooded in Tarn on Monday, officials said.",
            "published": "2026-03-0" + str(1 + n % 9),
        }
        for n in range(5)
    ]
    path = tmp_path / "small.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    run_batch(str(path), tmp_path / "out")
    (shard,) = _shard_folders(tmp_path / "out")
    return path, tmp_path / "out", shard


@pytest.mark.issue(9)
def test_a_shard_is_written_a_batch_at_a_time_with_fixed_schemas(small_shard):
    from storyledger.batch.output import batch_schema

    _path, _out, shard = small_shard
    assert pq.ParquetFile(shard / "articles.parquet").metadata.num_row_groups == 3
    for name in ("articles", "figures", "events", "cited_sources"):
        assert pq.read_schema(shard / f"{name}.parquet").equals(batch_schema(name))
    assert pq.read_table(shard / "articles.parquet").num_rows == 5


@pytest.mark.issue(9)
def test_a_shard_that_fails_midway_keeps_its_earlier_outputs(small_shard, monkeypatch):
    import storyledger.batch.engine as engine

    path, out, shard = small_shard
    before = pq.read_table(shard / "articles.parquet").to_pylist()
    calls = []
    original = engine.process_articles

    def failing(articles, nlp=None):
        calls.append(len(articles))
        if len(calls) == 2:
            raise MemoryError("out of memory")
        return original(articles, nlp)

    monkeypatch.setattr(engine, "process_articles", failing)
    with pytest.raises(MemoryError):
        run_batch(str(path), out, force=True)
    assert [p.name for p in out.iterdir() if p.is_dir()] == [shard.name]
    assert pq.read_table(shard / "articles.parquet").to_pylist() == before


@pytest.mark.issue(9)
def test_the_cross_article_stage_on_parquet_gives_what_the_store_gives(tmp_path):
    from storyledger.batch.corpus import CORPUS, compare_batch

    out = tmp_path / "out"
    run_batch(str(EXAMPLES / "story"), out)
    counts = compare_batch(out)
    assert counts["articles"] == 4 and counts["stories"] >= 1 and counts["comparisons"] > 0
    with Store(tmp_path / "imported.db") as store:
        import_batch(out, store)
        for table in ("actors", "stories", "comparisons"):
            from_parquet = pq.read_table(out / CORPUS / f"{table}.parquet").to_pylist()
            stored = [dict(row) for row in store.conn.execute(f"SELECT * FROM {table}")]
            key = lambda row: row["id"]  # noqa: E731
            assert sorted(from_parquet, key=key) == sorted(stored, key=key), table
    unfinished = [p.name for p in out.iterdir() if p.is_dir() and not (p / "_done.json").exists()]
    assert unfinished == [CORPUS]
