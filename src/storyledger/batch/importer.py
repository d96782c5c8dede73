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
        )
        if run_id is None:
            run_id = store.begin_run(info, f"import {output}")
        counts["shards"] += 1
        records = _records(folder)
        for row in _rows(folder, "articles"):
            article = from_row(Article, row)
            if row.get("error"):
                counts["failed"] += 1
                store.log(run_id, article.source, "failed", reason=row["error"], article=article.id)
                continue
            analysis = Analysis(
                article=article,
                records={name: tuple(found[article.id]) for name, found in records.items()},
            )
            store.save(analysis, fingerprint=fingerprint(article, info), run_id=run_id)
            store.log(run_id, article.source, "stored", article=article.id)
            counts["articles"] += 1
    if run_id is not None:
        for name, reason in missing.items():
            store.log(run_id, str(Path(output) / name), "skipped", reason=reason)
        refresh_actors(store)
        refresh_comparisons(store)
        store.finish_run(run_id)
    return counts


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
