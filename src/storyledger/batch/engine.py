"""Run a batch: every shard through the per-article core, on a local process pool.

Shards go to worker processes (each loads the model once), or with `engine="ray"` each shard's
articles go to a Ray Data actor pool (`batch/ray_engine.py`); within a shard, articles are read
as a stream and analysed `BATCH_SIZE` at a time on the local engine, so memory stays bounded
by the batch and the shard's records. A finished shard (its `_done.json` is there) is skipped
unless `force`.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from storyledger.batch.core import TABLES, process_articles, shared_model
from storyledger.batch.output import is_done, read_summary, write_shard
from storyledger.batch.shards import Shard, find_shards, read_shard
from storyledger.ingest import IngestOptions, Skipped
from storyledger.pipeline import run_info

BATCH_SIZE = 32


@dataclass(slots=True)
class BatchReport:
    """What a batch run did."""

    shards: int = 0
    skipped_shards: int = 0
    articles: int = 0
    records: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def articles_per_second(self) -> float:
        return round(self.articles / self.seconds, 2) if self.seconds else 0.0


def run_batch(
    pattern: str,
    output: str | Path,
    *,
    workers: int = 1,
    engine: str = "local",
    force: bool = False,
    options: IngestOptions | None = None,
    progress: Callable[[dict[str, Any]], None] | None = None,
) -> BatchReport:
    """Process every shard the glob names into `output`; return the counts."""
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    report = BatchReport()
    started = time.perf_counter()
    todo: list[Shard] = []
    for shard in find_shards(pattern):
        report.shards += 1
        if is_done(out / shard.key) and not force:
            report.skipped_shards += 1
        else:
            todo.append(shard)
    options = options or IngestOptions()
    jobs = [(shard, out / shard.key, options) for shard in todo]
    if engine == "ray":
        _collect((_run_shard_on_ray(job, workers) for job in jobs), report, progress)
    elif workers <= 1:
        summaries = (_run_shard(job) for job in jobs)
        _collect(summaries, report, progress)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            _collect(pool.map(_run_shard, jobs), report, progress)
    report.seconds = time.perf_counter() - started
    return report


def _collect(summaries: Any, report: BatchReport, progress: Callable | None) -> None:
    for summary in summaries:
        report.articles += summary["articles"]
        report.records.update(summary["records"])
        report.errors.update(summary["errors"])
        if progress:
            progress(summary)


def _run_shard(job: tuple[Shard, Path, IngestOptions]) -> dict[str, Any]:
    """One shard, in whichever process runs it."""
    shard, folder, options = job
    nlp = shared_model()
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    skipped: list[dict[str, str]] = []
    stream = read_shard(shard, options)
    while chunk := list(islice(stream, BATCH_SIZE)):
        articles = [item for item in chunk if not isinstance(item, Skipped)]
        skipped += [
            {"source": item.source, "reason": item.reason}
            for item in chunk
            if isinstance(item, Skipped)
        ]
        for name, rows in process_articles(articles, nlp).items():
            tables[name] += rows
    return _finish(shard, folder, tables, skipped)


def _run_shard_on_ray(job: tuple[Shard, Path, IngestOptions], workers: int) -> dict[str, Any]:
    """One shard on the Ray engine: read here, analysed on the actor pool, written here."""
    from storyledger.batch.ray_engine import analyse_with_ray

    shard, folder, options = job
    found = list(read_shard(shard, options))
    articles = [item for item in found if not isinstance(item, Skipped)]
    skipped = [
        {"source": item.source, "reason": item.reason}
        for item in found
        if isinstance(item, Skipped)
    ]
    return _finish(shard, folder, analyse_with_ray(articles, workers), skipped)


def _finish(
    shard: Shard, folder: Path, tables: dict[str, list[dict[str, Any]]], skipped: list[dict]
) -> dict[str, Any]:
    errors = Counter(row["error"].split(" (")[0] for row in tables["articles"] if row["error"])
    errors.update(item["reason"].split(" (")[0] for item in skipped)
    info = run_info(shared_model())
    summary = {
        "shard": str(shard.path),
        "articles": len(tables["articles"]),
        "records": {name: len(rows) for name, rows in tables.items() if name != "articles"},
        "errors": dict(errors),
        "skipped": skipped,
        "pipeline_version": info.pipeline_version,
        "model_name": info.model_name,
        "model_version": info.model_version,
        "stages": list(info.stages),
    }
    write_shard(folder, tables, summary)
    return summary


def finished_shards(output: str | Path) -> list[Path]:
    """The finished shard folders under an output folder, in name order."""
    return sorted(p for p in Path(output).iterdir() if p.is_dir() and is_done(p))


__all__ = ["BatchReport", "finished_shards", "read_summary", "run_batch"]
