"""Input shards of a batch run: one per file (JSON Lines, CSV, Parquet, WARC) or per folder.

A shard is read as a stream of articles, the way `analyze` reads its inputs (the same dump
fields, the same HTML extraction), plus Parquet (`text`, `title`, `published`, `outlet`, `url`
columns) and WARC (HTML responses, through warcio). A bad record is a skip with its reason,
never the end of the run: a Parquet row that does not decode, a metadata value of the wrong
type (a number is kept as text, anything else dropped), a truncated WARC record; and if the
reader of a shard fails anyway, the articles read so far are kept and the rest of the shard is
one skip saying why.
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyledger import errors
from storyledger.batch.article import article_from
from storyledger.batch.warc import read_warc
from storyledger.ingest import IngestOptions, Skipped, read_inputs
from storyledger.model import Article

_ROW_GROUP_BATCH = 256
_DOCUMENTS = (".jsonl", ".ndjson", ".csv", ".txt", ".html", ".htm")


@dataclass(frozen=True, slots=True)
class Shard:
    """One input of a batch run and the folder name its outputs go under."""

    path: Path
    key: str


def find_shards(pattern: str) -> list[Shard]:
    """The shards a glob names, in sorted order; folders are one shard each."""
    paths = sorted(Path(p) for p in glob.glob(pattern, recursive=True))
    shards = []
    for path in paths:
        if path.is_dir() or path.suffix.lower() in (*_DOCUMENTS, ".parquet", ".warc", ".gz"):
            digest = hashlib.sha256(str(path.resolve()).encode("utf-8")).hexdigest()[:8]
            shards.append(Shard(path, f"{path.name}-{digest}"))
    return shards


def read_shard(shard: Shard, options: IngestOptions) -> Iterator[Article | Skipped]:
    """The articles (or skips, with reasons) of one shard, streamed."""
    name = shard.path.name.lower()
    if name.endswith(".parquet"):
        stream = _parquet(shard.path, options)
    elif name.endswith((".warc", ".warc.gz")):
        stream = read_warc(shard.path, options)
    else:
        stream = read_inputs([shard.path], options)
    read = 0
    while True:
        try:
            item = next(stream, None)
        except Exception as exc:  # a reader's failure ends its stream, not the run
            detail = f"{type(exc).__name__}: {exc}"
            yield Skipped(str(shard.path), errors.SHARD_BROKEN.format(read=read, detail=detail))
            return
        if item is None:
            return
        read += 1
        yield item


def _parquet(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    table = pq.ParquetFile(path)
    line = 0
    for batch in table.iter_batches(batch_size=_ROW_GROUP_BATCH):
        for row in _rows(batch):
            line += 1
            source = f"{path}:{line}"
            if isinstance(row, Exception):
                yield Skipped(source, errors.BAD_PARQUET_ROW.format(detail=type(row).__name__))
                continue
            text = row.get("text") or row.get("body") or row.get("content")
            if not isinstance(text, str):
                yield Skipped(source, "no text column")
                continue
            if len(text.encode("utf-8")) > options.max_bytes:
                yield Skipped(source, f"larger than {options.max_bytes} bytes")
                continue
            yield article_from(
                text,
                source,
                title=_plain(row.get("title")),
                outlet=_plain(row.get("outlet")),
                url=_plain(row.get("url")),
                published=row.get("published") or row.get("date"),
            )


def _rows(batch: pa.RecordBatch) -> list[dict[str, Any] | Exception]:
    """A record batch's rows; a row that does not decode (invalid UTF-8) is its error."""
    try:
        return batch.to_pylist()
    except (UnicodeError, pa.ArrowException):
        pass
    rows: list[dict[str, Any] | Exception] = []
    for index in range(batch.num_rows):
        try:
            rows.append(batch.slice(index, 1).to_pylist()[0])
        except (UnicodeError, pa.ArrowException) as exc:
            rows.append(exc)
    return rows


def _plain(value: object) -> str | None:
    """A metadata value as text: a string as it is, a number written out, anything else none."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None
