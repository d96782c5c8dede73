"""The Ray Data engine of `storyledger batch` (`pip install storyledger[ray]`).

Each shard becomes a Ray dataset of article rows; `map_batches` runs `AnalyseBatch`, a callable
class on an actor pool, so the spaCy model is loaded once per actor (from the importable
`storyledger.batch.core`), never per document. Each actor takes one CPU and the pool is sized
by `workers`, leaving the rest for Ray's read and write tasks: on a 2-core machine one actor;
on a cluster, `ray start --head` on one node, `ray start --address=HEAD:6379` on the others, and
`RAY_ADDRESS=HEAD:6379 storyledger batch --engine ray --workers N`. The rows come back to the
driver, which writes the shard's Parquet files as the local engine does.
"""

from __future__ import annotations

import json
from typing import Any

from storyledger.batch.core import TABLES, process_articles, shared_model
from storyledger.model import Article
from storyledger.store.rows import from_row, to_row

BATCH_SIZE = 32


class AnalyseBatch:
    """The per-article core as a Ray actor: the model is loaded when the actor starts."""

    def __init__(self) -> None:
        self.nlp = shared_model()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        rows = [json.loads(item) for item in batch["article"]]
        articles = [from_row(Article, row) for row in rows]
        tables = process_articles(articles, self.nlp)
        return {
            "table": [name for name in TABLES for _ in tables[name]],
            "row": [json.dumps(row, default=str) for name in TABLES for row in tables[name]],
        }


def analyse_with_ray(articles: list[Article], workers: int) -> dict[str, list[dict[str, Any]]]:
    """The tables of one shard's articles, analysed on a Ray actor pool."""
    import ray

    if not ray.is_initialized():
        ray.init(include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    if not articles:
        return tables
    items = [{"article": json.dumps(to_row(a), default=str)} for a in articles]
    dataset = ray.data.from_items(items).map_batches(
        AnalyseBatch,
        batch_size=BATCH_SIZE,
        concurrency=max(1, workers),
        num_cpus=1,
        batch_format="numpy",
    )
    for row in dataset.iter_rows():
        tables[str(row["table"])].append(json.loads(str(row["row"])))
    return tables
