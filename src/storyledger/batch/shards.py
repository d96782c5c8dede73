"""Input shards of a batch run: one per file (JSON Lines, CSV, Parquet, WARC) or per folder.

A shard is read as a stream of articles, the way `analyze` reads its inputs (the same dump
fields, the same HTML extraction), plus Parquet (`text`, `title`, `published`, `outlet`, `url`
columns) and WARC (HTML responses, through warcio).
"""

from __future__ import annotations

import glob
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
from warcio.archiveiterator import ArchiveIterator

from storyledger.ingest import IngestOptions, Skipped, read_inputs
from storyledger.ingest.dates import parse_date
from storyledger.ingest.decode import decode_bytes, normalise_newlines
from storyledger.ingest.html import extract_html
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
        yield from _parquet(shard.path, options)
    elif name.endswith((".warc", ".warc.gz")):
        yield from _warc(shard.path, options)
    else:
        yield from read_inputs([shard.path], options)


def _article(text: str, source: str, **meta: object) -> Article | Skipped:
    text = normalise_newlines(text or "")
    if not text:
        return Skipped(source, "empty text")
    published = parse_date(meta.pop("published", None))
    given = {k: v for k, v in meta.items() if v}
    sources = {f"{k}_source": "input" for k in given if k in ("title", "outlet", "url")}
    return Article(
        id=Article.id_for(text),
        text=text,
        source=source,
        published=published,
        date_source="input" if published else None,
        **given,
        **sources,
    )


def _parquet(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    table = pq.ParquetFile(path)
    line = 0
    for batch in table.iter_batches(batch_size=_ROW_GROUP_BATCH):
        for row in batch.to_pylist():
            line += 1
            source = f"{path}:{line}"
            text = row.get("text") or row.get("body") or row.get("content")
            if not isinstance(text, str):
                yield Skipped(source, "no text column")
                continue
            if len(text.encode("utf-8")) > options.max_bytes:
                yield Skipped(source, f"larger than {options.max_bytes} bytes")
                continue
            yield _article(
                text,
                source,
                title=row.get("title"),
                outlet=row.get("outlet"),
                url=row.get("url"),
                published=row.get("published") or row.get("date"),
            )


def _warc(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    with path.open("rb") as stream:
        for number, record in enumerate(ArchiveIterator(stream), start=1):
            if record.rec_type != "response":
                continue
            kind = record.http_headers.get_header("Content-Type") if record.http_headers else ""
            if kind and "html" not in kind:
                continue
            source = f"{path}:{number}"
            url = record.rec_headers.get_header("WARC-Target-URI")
            body = record.content_stream().read(options.max_bytes + 1)
            if len(body) > options.max_bytes:
                yield Skipped(source, f"larger than {options.max_bytes} bytes")
                continue
            try:
                html, _encoding = decode_bytes(body, source=source)
                page = extract_html(html, source=source)
            except Exception as exc:  # one bad page must not stop the shard
                yield Skipped(source, f"unreadable page ({type(exc).__name__})")
                continue
            yield _article(
                page.text,
                source,
                title=page.title,
                outlet=page.outlet,
                url=page.url or url,
                published=page.published,
            )
