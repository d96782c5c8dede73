"""The Ray Data engine of `storyledger batch` (`pip install storyledger[ray]`).

The shards to do become a Ray dataset (one row and one block each); `map_batches` runs
`AnalyseShards`, a callable class on an actor pool, so the spaCy model is loaded once per actor
(from the importable `storyledger.batch.core`), never per document or per shard. Each actor
runs the engine's `run_shard` on its shard, the same function the local process pool runs:
articles are read as a stream, analysed and written to the shard's Parquet files a batch at a
time, and only the shard's summary travels back to the driver. Each actor takes one CPU and
the pool is sized by `workers`. Input and output folders must be reachable from every node
(a shared file system on a cluster): `ray start --head` on one node, `ray start
--address=HEAD:6379` on the others, then `RAY_ADDRESS=HEAD:6379 storyledger batch --engine ray
--workers N`. Many shards spread the work best: at least a few per worker. A local Ray
instance started here is shut down when the shards are done or the run fails; one the caller
started (or a cluster) is left running.
"""

from __future__ import annotations

import json
import pickle
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from storyledger.batch.core import shared_model
from storyledger.batch.shards import Shard
from storyledger.ingest import IngestOptions


class AnalyseShards:
    """The per-shard job as a Ray actor: the model is loaded when the actor starts."""

    def __init__(self) -> None:
        self.nlp = shared_model()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        from storyledger.batch.engine import run_shard

        jobs = [pickle.loads(item) for item in batch["job"]]
        return {"summary": [json.dumps(run_shard(job)) for job in jobs]}


def run_shards_on_ray(
    jobs: Sequence[tuple[Shard, Path, IngestOptions]], workers: int
) -> Iterator[dict[str, Any]]:
    """The summaries of the shards as Ray's actors finish them."""
    import ray

    if not jobs:
        return
    started = not ray.is_initialized()
    if started:
        ray.init(include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
    try:
        items = [{"job": pickle.dumps(job)} for job in jobs]
        dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            AnalyseShards,
            batch_size=1,
            concurrency=max(1, workers),
            num_cpus=1,
            batch_format="numpy",
        )
        for row in dataset.iter_rows():
            yield json.loads(str(row["summary"]))
    finally:
        if started:
            ray.shutdown()
