"""The HTML pages of a WARC shard (through warcio), each an article or a skip with a reason.

A record cut short (a WARC whose end was lost) is a skip, whether warcio raises on it, drops it
in silence (its headers cut), or returns it with part of its body: the pages before it are kept.
A record warcio cannot parse ends the file, as warcio cannot find the next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator

from storyledger import errors
from storyledger.batch.article import article_from
from storyledger.ingest import IngestOptions, Skipped
from storyledger.ingest.decode import decode_bytes
from storyledger.ingest.html import extract_html
from storyledger.model import Article

CUT_SHORT = "cut short"


def read_warc(path: Path, options: IngestOptions) -> Iterator[Article | Skipped]:
    """The pages of a WARC file (plain or gzipped), streamed."""
    with path.open("rb") as stream:
        records = ArchiveIterator(stream)
        number = 0
        while True:
            number += 1
            source = f"{path}:{number}"
            try:  # warcio fails in several ways on a cut or corrupt record
                record = next(records, None)
                found = _page(record, source, options) if record is not None else None
                if record is None and _left_over(stream, records):
                    found = Skipped(source, errors.BAD_WARC.format(detail=CUT_SHORT))
            except Exception as exc:
                yield Skipped(source, errors.BAD_WARC.format(detail=type(exc).__name__))
                return
            if found is not None:
                yield found
            if record is None:
                return


def _page(record: Any, source: str, options: IngestOptions) -> Article | Skipped | None:
    """The article of one WARC record, a skip, or None for a record that is not an HTML page."""
    if record.rec_headers.get_header("Content-Length") is None:  # its headers were cut
        return Skipped(source, errors.BAD_WARC.format(detail=CUT_SHORT))
    if record.rec_type != "response":
        return None
    body = record.content_stream().read(options.max_bytes + 1)
    if len(body) <= options.max_bytes and getattr(record.raw_stream, "limit", 0) > 0:
        return Skipped(source, errors.BAD_WARC.format(detail=CUT_SHORT))
    kind = record.http_headers.get_header("Content-Type") if record.http_headers else ""
    if kind and "html" not in kind:
        return None
    if len(body) > options.max_bytes:
        return Skipped(source, f"larger than {options.max_bytes} bytes")
    try:
        html, _encoding = decode_bytes(body, source=source)
        page = extract_html(html, source=source)
    except Exception as exc:  # one bad page must not stop the shard
        return Skipped(source, f"unreadable page ({type(exc).__name__})")
    url = record.rec_headers.get_header("WARC-Target-URI")
    return article_from(
        page.text,
        source,
        title=page.title,
        outlet=page.outlet,
        url=page.url or url,
        published=page.published,
    )


def _left_over(stream: BinaryIO, records: ArchiveIterator) -> bool:
    """Whether bytes other than blank lines follow the last whole record: the start of one
    whose headers were cut, which warcio passes over in silence."""
    offset, length = getattr(records, "member_info", None) or (0, 0)
    stream.seek(offset + length)
    return bool(stream.read(4096).strip())
