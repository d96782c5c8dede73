"""Benchmark: batch mode's memory stays bounded as inputs grow (issue #9).

Two measurements, each in its own process so peak memory is its own:
  read         a JSON Lines shard of `--gigabytes` (default 1) built from the MEANTIME Wikinews
               articles (CC BY 4.0, see ../shared/corpora/meantime/ATTRIBUTION.txt) and the
               seeds, varied as in bench/batch.py, read through the batch reader; peak memory
               against the file's size.
  shard-N      `storyledger batch` (all stages, Parquet written a batch at a time) on one shard
               of N articles for each N of `--sizes`; peak memory should not grow with N.
Analysing a whole 1 GB shard takes hours on two cores, so the analysis is measured at growing
shard sizes and the reader on the full gigabyte. Prints a table and writes JSON (default
bench/results/batch_memory.json).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from batch import base_texts, vary  # noqa: E402
from results_io import machine, print_table, write_json  # noqa: E402


def write_shard(path: Path, *, articles: int = 0, size_bytes: int = 0) -> tuple[int, int]:
    """A JSON Lines shard of `articles` varied articles, or of at least `size_bytes`."""
    base = base_texts()
    count = written = 0
    with path.open("w", encoding="utf-8") as out:
        while (articles and count < articles) or (size_bytes and written < size_bytes):
            row = vary(base[count % len(base)], count // len(base))
            line = json.dumps(row, ensure_ascii=False) + "\n"
            out.write(line)
            written += len(line.encode("utf-8"))
            count += 1
    return count, written


def measure(mode: str, shard: Path) -> dict:
    """One measurement in this process."""
    started = time.perf_counter()
    if mode == "read":
        from storyledger.batch.shards import Shard, read_shard
        from storyledger.ingest import IngestOptions

        articles = sum(1 for _ in read_shard(Shard(shard, "x"), IngestOptions()))
    else:
        from storyledger.batch.engine import run_batch

        with tempfile.TemporaryDirectory() as out:
            articles = run_batch(str(shard), out).articles
    return {
        "articles": articles,
        "seconds": round(time.perf_counter() - started, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _run(mode: str, shard: Path) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--mode", mode, "--shard", str(shard)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--sizes", default="100,400,1600", help="shard sizes to analyse")
    parser.add_argument("--out", default=str(ROOT / "bench/results/batch_memory.json"))
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--shard", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        print(json.dumps(measure(args.mode, Path(args.shard))))
        return 0
    results = []
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.jsonl"
        _count, size = write_shard(big, size_bytes=int(args.gigabytes * 1024**3))
        row = _run("read", big)
        results.append({"mode": "read", "input_mb": round(size / 1024**2, 1), **row})
        big.unlink()
        for n in (int(v) for v in args.sizes.split(",")):
            shard = Path(folder) / f"shard-{n}.jsonl"
            _count, size = write_shard(shard, articles=n)
            row = _run("analyse", shard)
            results.append({"mode": f"shard-{n}", "input_mb": round(size / 1024**2, 1), **row})
    columns = ("mode", "input_mb", "articles", "seconds", "peak_rss_mb")
    print_table(columns, results)
    write_json(
        args.out,
        {
            "benchmark": "batch_memory",
            "machine": machine(),
            "results": results,
            "targets": "peak memory flat in shard size, < 1,500 MB per worker (issue #9)",
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
