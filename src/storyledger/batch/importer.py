"""`storyledger import DIR`: load finished batch shards into the store (one writer), then run
the cross-article stage, after which every other command works on them. A shard that is not
done (killed, or its files incomplete) is skipped and named, never half-imported."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

from storyledger.batch.done import incomplete_shards
from storyledger.batch.engine import finished_shards, read_summary
from storyledger.crossarticle import refresh_actors, refresh_comparisons
from storyledger.extract.registry import Analysis
from storyledger.model import Article, RunInfo
from storyledger.store import Store, fingerprint
from storyledger.store.rows import RECORD_TABLES, from_row
from storyledger.store.store import LogEntry

IMPORT_BATCH = 64
"""Articles written per transaction (one statement per table)."""


def import_batch(
    output: str | Path, store: Store, *, incomplete: Callable[[str, str], None] | None = None
) -> dict[str, int]:
    """Store every article of every finished shard; return counts. Each shard that is not
    done goes to `incomplete` (its folder name and the reason) and to the run's log."""
    missing = incomplete_shards(output)
    counts = {"shards": 0, "articles": 0, "failed": 0, "incomplete": len(missing)}
    for name, reason in missing.items():
        if incomplete:
            incomplete(name, reason)
    run_id = None
    for folder in finished_shards(output):
        if folder.name in missing:  # finished since it was found missing: next import
            continue
        summary = read_summary(folder)
        info = RunInfo(
            pipeline_version=summary["pipeline_version"],
            model_name=summary["model_name"],
            model_version=summary["model_version"],
            stages=tuple(summary["stages"]),
            ops=summary.get("ops", ""),
        )
        if run_id is None:
            run_id = store.begin_run(info, f"import {output}")
        counts["shards"] += 1
        records = _records(folder)
        rows = _rows(folder, "articles")
        for start in range(0, len(rows), IMPORT_BATCH):
            counts["articles"] += _import_some(
                store, rows[start : start + IMPORT_BATCH], records, info, run_id
            )
        counts["failed"] += sum(1 for row in rows if row.get("error"))
    if run_id is not None:
        for name, reason in missing.items():
            store.log(run_id, str(Path(output) / name), "skipped", reason=reason)
        refresh_actors(store)
        refresh_comparisons(store)
        store.finish_run(run_id)
    return counts


def _import_some(
    store: Store,
    rows: list[dict[str, Any]],
    records: dict[str, dict[str, list]],
    info: RunInfo,
    run_id: int,
) -> int:
    """Store the articles of some rows in one transaction (#21) and log every row; how many
    were stored."""
    entries: list[LogEntry] = []
    analyses = []
    for row in rows:
        article = from_row(Article, row)
        if row.get("error"):
            entries.append((article.source, "failed", row["error"], article.id))
            continue
        analysis = Analysis(
            article=article,
            records={name: tuple(found[article.id]) for name, found in records.items()},
        )
        analyses.append((analysis, fingerprint(article, info)))
        entries.append((article.source, "stored", None, article.id))
    store.save_many(analyses, run_id=run_id)
    store.log_many(run_id, entries)
    return len(analyses)


def _rows(folder: Path, name: str) -> list[dict[str, Any]]:
    path = folder / f"{name}.parquet"
    return pq.read_table(path).to_pylist() if path.exists() else []


def _records(folder: Path) -> dict[str, dict[str, list]]:
    found: dict[str, dict[str, list]] = {}
    for name, cls in RECORD_TABLES.items():
        by_article: dict[str, list] = defaultdict(list)
        for row in _rows(folder, name):
            by_article[row["article"]].append(from_row(cls, row))
        found[name] = by_article
    return found
