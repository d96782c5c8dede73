"""One bad record never stops a batch (#20): it is a skip or an error row, the batch goes on,
and the good records of its shard are kept."""

import io
import json

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyledger.batch.engine import run_batch
from storyledger.batch.output import ShardWriter, batch_schema, to_arrow
from storyledger.batch.shards import Shard, read_shard
from storyledger.ingest import IngestOptions, Skipped
from storyledger.model import Article

TEXT = "At least {n} homes were flooded in Tarn on Monday, officials said."


def _page(n):
    return (
        f"<html><head><title>Flood {n}</title></head><body><article><p>{TEXT.format(n=n)}"
        f"</p><p>Rescue teams searched the valley, page {n}.</p></article></body></html>"
    ).encode()


def _write_warc(path, pages, *, gzip=False):
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for n in range(pages):
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                f"https://tarn.example/{n}",
                "response",
                payload=io.BytesIO(_page(n)),
                http_headers=headers,
            )
            writer.write_record(record)


def _rows(out, table="articles"):
    (shard,) = [p for p in out.iterdir() if p.is_dir() and not p.name.startswith("_")]
    return pq.read_table(shard / f"{table}.parquet").to_pylist()


def _surrogate_shard(path):
    lines = [
        json.dumps({"text": TEXT.format(n=1)}),
        '{"text": "A lone \\ud800 surrogate. ' + TEXT.format(n=2) + '"}',
        json.dumps({"text": TEXT.format(n=3)}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.mark.issue(20)
def test_a_lone_surrogate_does_not_stop_the_batch(tmp_path):
    _surrogate_shard(tmp_path / "a.jsonl")
    (tmp_path / "b.jsonl").write_text(json.dumps({"text": TEXT.format(n=4)}) + "\n")
    report = run_batch(str(tmp_path / "*.jsonl"), tmp_path / "out")
    # ingest repairs the surrogate (U+FFFD, with a warning): nothing is lost, nothing fails
    assert report.shards == 2 and sum(report.errors.values()) == 0
    texts = {
        row["text"]
        for shard in (tmp_path / "out").iterdir()
        if shard.is_dir()
        for row in pq.read_table(shard / "articles.parquet").to_pylist()
    }
    assert {TEXT.format(n=1), TEXT.format(n=3), TEXT.format(n=4)} <= texts
    assert any("\ufffd surrogate" in text for text in texts)


@pytest.mark.issue(20)
def test_the_records_after_a_lone_surrogate_are_kept(tmp_path):
    _surrogate_shard(tmp_path / "a.jsonl")
    found = list(read_shard(Shard(tmp_path / "a.jsonl", "a"), IngestOptions()))
    kept = [item.text for item in found if isinstance(item, Article)]
    assert TEXT.format(n=1) in kept and TEXT.format(n=3) in kept and len(found) == 3


@pytest.mark.issue(20)
def test_a_lone_surrogate_in_a_row_makes_an_error_row_not_a_failed_shard():
    text = "A lone \ud800 surrogate in Tarn."
    good = {"id": "good", "text": "Fine.", "source": "x:1"}
    bad = {"id": "bad", "text": text, "source": "x:2"}
    tables = to_arrow(
        {
            "articles": [good, bad],
            "quotes": [{"id": "q1", "article": "bad"}, {"id": "q2", "article": "good"}],
        }
    )
    rows = tables["articles"].to_pylist()
    assert [row["id"] for row in rows] == ["good", "bad"] and rows[0]["error"] is None
    assert rows[1]["error"].startswith("unwritable row in articles (UnicodeEncodeError")
    assert rows[1]["text"] == text.replace("\ud800", "\ufffd")  # same length: offsets hold
    assert tables["quotes"].column("id").to_pylist() == ["q2"]


@pytest.mark.issue(20)
def test_a_value_of_the_wrong_type_in_a_record_makes_an_error_row():
    tables = to_arrow(
        {
            "articles": [{"id": "a", "text": "T.", "title": 5, "error": "earlier"}],
            "figures": [{"id": "f", "article": "a", "start": "three"}],
        }
    )
    (row,) = tables["articles"].to_pylist()
    assert row["title"] is None and row["text"] == "T."
    assert row["error"].startswith("earlier; unwritable row in articles (ArrowTypeError")
    assert tables["figures"].num_rows == 0 and tables["figures"].schema == batch_schema("figures")


@pytest.mark.issue(20)
def test_a_parquet_shard_with_integer_titles_is_read(tmp_path):
    rows = [
        {"text": TEXT.format(n=1), "title": 1, "outlet": {"name": "x"}},
        {"text": TEXT.format(n=2), "title": 2, "outlet": None},
    ]
    pq.write_table(pa.Table.from_pylist(rows), tmp_path / "int.parquet")
    report = run_batch(str(tmp_path / "int.parquet"), tmp_path / "out")
    assert (report.articles, dict(report.errors)) == (2, {})
    found = _rows(tmp_path / "out")
    assert [(row["title"], row["outlet"]) for row in found] == [("1", None), ("2", None)]


@pytest.mark.issue(20)
def test_an_undecodable_parquet_row_is_a_skip_and_its_neighbours_are_kept(tmp_path):
    data = b"Fine text." + b"\xff\xfe broken"
    offsets = pa.array([0, 10, len(data)], pa.int32()).buffers()[1]
    texts = pa.Array.from_buffers(pa.string(), 2, [None, offsets, pa.py_buffer(data)])
    pq.write_table(pa.table({"text": texts}), tmp_path / "bad.parquet")
    found = list(read_shard(Shard(tmp_path / "bad.parquet", "b"), IngestOptions()))
    assert isinstance(found[0], Article) and found[0].text == "Fine text."
    assert found[1].reason.startswith("undecodable Parquet row")


@pytest.mark.issue(20)
def test_a_truncated_warc_keeps_its_good_pages(tmp_path):
    _write_warc(tmp_path / "w.warc", 3)
    data = (tmp_path / "w.warc").read_bytes()
    (tmp_path / "w.warc").write_bytes(data[:-520])  # the last record's headers are cut
    report = run_batch(str(tmp_path / "w.warc"), tmp_path / "out")
    assert report.articles == 2 and report.errors == {"truncated or malformed WARC record": 1}
    assert [row["url"] for row in _rows(tmp_path / "out")] == [
        "https://tarn.example/0",
        "https://tarn.example/1",
    ]


@pytest.mark.issue(20)
@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_wherever_a_warc_is_cut_each_page_is_an_article_or_a_skip(tmp_path, gzip):
    """Pages wholly before the cut are articles (a gzip member's page may come out whole
    before its member ends), the page cut is one skip, and nothing raises."""
    whole = tmp_path / "whole.warc"
    _write_warc(whole, 3, gzip=gzip)
    data, ends = whole.read_bytes(), _record_ends(whole)
    separator = 0 if gzip else 4  # the blank lines between plain records
    cut = tmp_path / "cut.warc"
    for size in range(1, len(data) + 1, 23):
        cut.write_bytes(data[:size])
        found = list(read_shard(Shard(cut, "c"), IngestOptions()))
        complete = sum(end <= size for end in ends)
        begun = complete + (size > (ends[complete - 1] + separator if complete else 0))
        urls = [item.url for item in found if isinstance(item, Article)]
        assert urls == [f"https://tarn.example/{n}" for n in range(len(urls))], size
        assert len(urls) >= complete and len(found) == begun, size  # a cut page is a skip
        assert all(isinstance(item, Skipped) for item in found[len(urls) :]), size


def _record_ends(path):
    """Where each record of a whole WARC file ends."""
    ends = []
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        for _record in records:
            ends.append(records.get_record_offset() + records.get_record_length())
    return ends


@pytest.mark.issue(20)
def test_two_writers_of_one_shard_never_share_a_temporary_folder(tmp_path):
    first, second = (ShardWriter(tmp_path / "s-1", ("articles",)) for _ in range(2))
    assert first.partial != second.partial
    assert first.partial.parent == second.partial.parent == tmp_path
    first.abort()
    second.abort()
    assert list(tmp_path.iterdir()) == []
