"""Run a batch: every shard through the per-article core, on a local process pool.

Shards go to worker processes (each loads the model once), or with `engine="ray"` to the
actors of a Ray Data actor pool (`batch/ray_engine.py`); either way `run_shard` does a shard:
its articles are read as a stream, analysed and appended to the shard's Parquet files
`BATCH_SIZE` at a time, so memory stays bounded by one batch whatever the shard's size. A
finished shard (its `_done.json` is there and its files check out, `batch/done.py`) is
skipped unless `force`; any other is redone. Pool workers end with the run's process
(`batch/workers.py`), so a killed run leaves none behind to write into the next one.
"""

from __future__ import annotations

import os
import resource
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from storyledger.batch.core import TABLES, process_articles, shared_model
from storyledger.batch.done import is_done, read_summary, record_shards, remove_stale_partials
from storyledger.batch.output import ShardWriter, to_arrow
from storyledger.batch.shards import Shard, find_shards, read_shard
from storyledger.batch.workers import die_with_driver
from storyledger.ingest import IngestOptions, Skipped
from storyledger.pipeline import run_info

BATCH_SIZE = 32
RECORD_NAMES = tuple(name for name in TABLES if name != "articles")


@dataclass(slots=True)
class BatchReport:
    """What a batch run did."""

    shards: int = 0
    skipped_shards: int = 0
    articles: int = 0
    records: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    peak_rss_mb: float = 0.0
    """The largest peak memory of a process (or Ray actor) that ran a shard."""

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
    shards = find_shards(pattern)
    remove_stale_partials(out)
    record_shards(out, {shard.key: str(shard.path) for shard in shards})
    for shard in shards:
        report.shards += 1
        if is_done(out / shard.key) and not force:
            report.skipped_shards += 1
        else:
            todo.append(shard)
    options = options or IngestOptions()
    jobs = [(shard, out / shard.key, options) for shard in todo]
    if engine == "ray":
        from storyledger.batch.ray_engine import run_shards_on_ray

        _collect(run_shards_on_ray(jobs, workers), report, progress)
    elif workers <= 1:
        _collect((run_shard(job) for job in jobs), report, progress)
    else:
        with ProcessPoolExecutor(
            max_workers=workers, initializer=die_with_driver, initargs=(os.getpid(),)
        ) as pool:
            _collect(pool.map(run_shard, jobs), report, progress)
    report.seconds = time.perf_counter() - started
    return report


def _collect(summaries: Any, report: BatchReport, progress: Callable | None) -> None:
    for summary in summaries:
        report.articles += summary["articles"]
        report.records.update(summary["records"])
        report.errors.update(summary["errors"])
        report.peak_rss_mb = max(report.peak_rss_mb, summary.get("peak_rss_mb", 0.0))
        if progress:
            progress(summary)


def run_shard(job: tuple[Shard, Path, IngestOptions]) -> dict[str, Any]:
    """One shard, in whichever process (or Ray actor) runs it: read as a stream, analysed
    and written `BATCH_SIZE` articles at a time; returns the shard's summary."""
    shard, folder, options = job
    nlp = shared_model()
    info = run_info(nlp)
    analysed = 0
    records: Counter[str] = Counter()
    errors: Counter[str] = Counter()
    skipped: list[dict[str, str]] = []
    writer = ShardWriter(folder, TABLES)
    try:
        stream = read_shard(shard, options)
        while chunk := list(islice(stream, BATCH_SIZE)):
            articles = [item for item in chunk if not isinstance(item, Skipped)]
            found = [item for item in chunk if isinstance(item, Skipped)]
            skipped += [{"source": item.source, "reason": item.reason} for item in found]
            tables = to_arrow(process_articles(articles, nlp))
            writer.write(tables)
            analysed += tables["articles"].num_rows
            records.update({name: tables[name].num_rows for name in RECORD_NAMES})
            reasons = [item.reason for item in found] + tables["articles"]["error"].to_pylist()
            errors.update(_kind(reason) for reason in reasons if reason)
        summary = {
            "shard": str(shard.path),
            "articles": analysed,
            "records": {name: records[name] for name in RECORD_NAMES},
            "errors": dict(errors),
            "skipped": skipped,
            "pipeline_version": info.pipeline_version,
            "model_name": info.model_name,
            "model_version": info.model_version,
            "stages": list(info.stages),
            "ops": info.ops,
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        }
        writer.finish(summary)
    except BaseException:
        writer.abort()
        raise
    return summary


def _kind(reason: str) -> str:
    """A problem's kind: its reason without the details in brackets."""
    return reason.split(" (")[0]


def finished_shards(output: str | Path) -> list[Path]:
    """The finished shard folders under an output folder, in name order."""
    return sorted(p for p in Path(output).iterdir() if p.is_dir() and is_done(p))


__all__ = ["BatchReport", "finished_shards", "read_summary", "run_batch"]
