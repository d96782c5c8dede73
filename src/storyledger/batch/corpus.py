"""The cross-article stage on a batch's Parquet outputs, without a store.

After the per-article pass, `compare_batch` reads from the finished shards only the columns
the stage needs (never events, blocks or framing), groups the mentions into actors, runs
`compare_corpus` (stories, figure series, quote variants, disputed claims) and writes
`actors`, `stories` and `comparisons` to `_corpus/` under the output folder, by the same
temporary-name-then-rename rule as the shards. Memory holds those records, each article's
metadata and opening, and the sparse word vectors of story grouping; the full texts are
streamed through the vectorizer one shard at a time, never held together.
`storyledger import` recomputes the same tables in the store (where a user's story names and
merges apply).
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import replace
from operator import attrgetter
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from storyledger.batch.engine import finished_shards
from storyledger.batch.output import record_schema
from storyledger.compare.actors import resolve_actors
from storyledger.compare.corpus import CorpusRecords, compare_corpus
from storyledger.model import Actor, Article, Comparison, Story
from storyledger.store.rows import RECORD_TABLES, field_hints, from_row, to_row

CORPUS = "_corpus"
_READ = ("mentions", "sentences", "quotes", "figures")
_OPENING = 300
"""Articles are kept with this many characters of text (a story's name falls back on them)."""


def compare_batch(output: str | Path) -> dict[str, int]:
    """Actors, stories and comparisons of every finished shard under `output`; their counts."""
    out = Path(output)
    shards = finished_shards(out)
    articles: list[Article] = []
    found: dict[str, list[Any]] = {name: [] for name in _READ}
    for folder in shards:
        failed = set()
        for row in _read(folder, "articles", Article):
            if row.get("error"):
                failed.add(row["id"])
            else:
                articles.append(from_row(Article, {**row, "text": row["text"][:_OPENING]}))
        for name in _READ:
            cls = RECORD_TABLES[name]
            rows = _read(folder, name, cls)
            found[name] += [from_row(cls, row) for row in rows if row["article"] not in failed]
    actors, mentions = resolve_actors(found["mentions"])
    actor_of = {mention.id: mention.actor_id for mention in mentions}
    quotes = [
        replace(q, speaker_actor=actor_of.get(q.speaker_mention)) if q.speaker_mention else q
        for q in found["quotes"]
    ]
    ordered = attrgetter("article", "start")
    result = compare_corpus(
        CorpusRecords(
            articles=articles,
            mentions=mentions,
            actors=sorted(actors, key=attrgetter("id")),
            sentences=sorted(found["sentences"], key=ordered),
            quotes=sorted(quotes, key=ordered),
            figures=sorted(found["figures"], key=ordered),
            texts=_texts(shards),
        )
    )
    _write(
        out / CORPUS,
        {
            "actors": (Actor, list(actors)),
            "stories": (Story, result.stories),
            "comparisons": (Comparison, result.comparisons),
        },
    )
    return {
        "articles": len(articles),
        "actors": len(actors),
        "stories": len(result.stories),
        "comparisons": len(result.comparisons),
    }


def _texts(shards: list[Path]) -> Iterator[str]:
    """The full texts of the analysed articles, shard by shard, in the order they were read."""
    for folder in shards:
        table = pq.read_table(folder / "articles.parquet", columns=["text", "error"])
        for text, error in zip(table["text"].to_pylist(), table["error"].to_pylist(), strict=True):
            if not error:
                yield text


def _read(folder: Path, name: str, cls: type) -> list[dict[str, Any]]:
    path = folder / f"{name}.parquet"
    if not path.exists():
        return []
    present = set(pq.read_schema(path).names)
    columns = [c for c in (*field_hints(cls), "error") if c in present]
    return pq.read_table(path, columns=columns).to_pylist()


def _write(folder: Path, tables: dict[str, tuple[type, list[Any]]]) -> None:
    partial = folder.with_name(folder.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    for name, (cls, records) in tables.items():
        table = pa.Table.from_pylist([to_row(r) for r in records], record_schema(cls))
        pq.write_table(table, partial / f"{name}.parquet")
    shutil.rmtree(folder, ignore_errors=True)
    partial.rename(folder)
