"""Read the store into the export document: one object, `schema` plus one array per table."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from storyledger import __version__
from storyledger.compare.outlets import outlet_profiles, source_labels
from storyledger.compare.speakers import speaker_names
from storyledger.compare.timeline import build_timeline
from storyledger.export.contract import SCHEMA, TABLES, field_names
from storyledger.ingest.outlets import OutletInfo
from storyledger.store import Store
from storyledger.store.rows import plain

_PER_ARTICLE = ("mentions", "quotes", "figures", "events", "framing")
# Read once and kept: the timeline, the speakers and the outlet profiles use them again.
_REUSED = ("quotes", "figures", "events", "framing")


def build_export(
    store: Store,
    article_ids: Iterable[str] | None = None,
    *,
    outlets: Mapping[str, OutletInfo] | None = None,
) -> dict[str, Any]:
    """The whole store, or only the given articles and the records that point into them;
    `outlets` is a user's outlets file, shown beside the measured outlet profiles.

    Every read is made in one read transaction, so an export taken while `analyze` writes is
    one consistent state of the store, never rows of an article it does not hold."""
    with store.snapshot():
        return _document(store, article_ids, outlets)


def _document(
    store: Store, article_ids: Iterable[str] | None, outlets: Mapping[str, OutletInfo] | None
) -> dict[str, Any]:
    ids = None if article_ids is None else sorted(set(article_ids))
    articles = store.articles(ids)
    ids = [article.id for article in articles] if ids is not None else None
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "generator": _generator(store),
        "articles": _articles(store, articles),
    }
    actors = store.corpus_records("actors") if ids is None else store.actors_of(ids)
    document["actors"] = [_shaped("actors", plain(actor)) for actor in actors]
    records = {name: store.records(name, ids) for name in _REUSED}
    for name in _PER_ARTICLE:
        found = records[name] if name in records else store.records(name, ids)
        document[name] = [_shaped(name, plain(record)) for record in found]
    quotes = records["quotes"]
    every_actor = actors if ids is None else store.corpus_records("actors")
    person = speaker_names(quotes, every_actor)
    for row in document["quotes"]:
        row["person"] = person[row["id"]]
    dated, undated = build_timeline(articles, records["events"], records["figures"], quotes)
    document["timeline"] = [
        _shaped("timeline", {**plain(entry), "basis": entry.date_basis})
        for entry in [*dated, *undated]
    ]
    sources = _sources(articles)
    for name in ("quotes", "figures", "events", "timeline"):
        for row in document[name]:
            row.update(sources[row["article"]])
    stories = store.corpus_records("stories")
    comparisons = store.corpus_records("comparisons")
    if ids is not None:
        wanted = set(ids)
        stories = [s for s in stories if wanted & set(s.articles)]
        comparisons = [c for c in comparisons if any(i.article in wanted for i in c.items)]
    profiles = outlet_profiles(articles, records["framing"], outlets)
    document["outlets"] = [_shaped("outlets", plain(p)) for p in profiles]
    document["stories"] = [_shaped("stories", plain(s)) for s in stories]
    document["comparisons"] = [_shaped("comparisons", plain(c)) for c in comparisons]
    return document


def _sources(articles: list) -> dict[str, dict[str, Any]]:
    """The `article_title`, `outlet`, `published` and `url` of each article, by id."""
    labels = source_labels(articles)
    return {
        a.id: {
            "article_title": a.title,
            "outlet": labels[a.id],
            "published": str(a.published) if a.published else None,
            "url": a.url,
        }
        for a in articles
    }


def _articles(store: Store, articles: list) -> list[dict[str, Any]]:
    ids = [article.id for article in articles]
    nested: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for name, keep in (
        ("blocks", ("kind", "start", "end")),
        ("sentences", ("block", "start", "end")),
        ("cited_sources", ("start", "end", "text")),
    ):
        for record in store.records(name, ids):
            nested[record.article][name].append({key: getattr(record, key) for key in keep})
    rows = []
    for article in articles:
        row = plain(article)
        row.update(
            {name: nested[article.id][name] for name in ("blocks", "sentences", "cited_sources")}
        )
        rows.append(_shaped("articles", row))
    return rows


def _shaped(table: str, row: dict[str, Any]) -> dict[str, Any]:
    """`row` with exactly the contract's fields of `table`, in contract order."""
    return {name: row.get(name) for name in field_names(table)}


def _generator(store: Store) -> dict[str, Any]:
    runs = store.runs()
    last = runs[-1] if runs else {}
    return {
        "storyledger": __version__,
        "pipeline_version": last.get("pipeline_version"),
        "model_name": last.get("model_name"),
        "model_version": last.get("model_version"),
        "ops": last.get("ops"),
        "runs": len(runs),
    }


def tables_of(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The export document as flat tables (one per record type) for JSONL, CSV and Parquet."""
    return {name: document[name] for name in TABLES}
