"""An `Article` from one record of a Parquet or WARC shard: its text and the metadata given."""

from __future__ import annotations

from storyledger.ingest import Skipped
from storyledger.ingest.dates import parse_date
from storyledger.ingest.decode import normalise_newlines
from storyledger.model import Article


def article_from(text: str, source: str, **meta: object) -> Article | Skipped:
    """The article of a record's text and metadata (title, outlet, url, published), or a skip
    when the text is empty."""
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
