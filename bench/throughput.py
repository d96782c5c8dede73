"""Benchmark: whole-pipeline throughput and peak memory against a plain `nlp.pipe`.

Each mode runs in its own process (so peak memory is its own) over the same articles:
  plain      spaCy's `nlp.pipe` over the article texts, same model, all components
  spine      storyledger's core with only the spine's stages (layout, sentences, actors)
  pipeline   storyledger's per-article core (layout, parse, every stage), no store
  analyze    the `analyze` job: ingest-free core plus the SQLite store, a batch per transaction

The corpus is the 120 MEANTIME Wikinews articles (CC BY 4.0, see ../shared/corpora/meantime/
ATTRIBUTION.txt), the two seed articles and the bundled examples; `--repeat` cycles it.
Prints a table and writes JSON (default bench/results/throughput.json).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
MODES = ("plain", "spine", "pipeline", "analyze")
SPINE = ("layout", "sentences", "actors")


def corpus(limit: int, repeat: int) -> list:
    """The benchmark articles, read through storyledger's own ingest."""
    from storyledger.ingest import IngestOptions, read_inputs
    from storyledger.ingest.sidecar import load_sidecar

    inputs = [
        (SHARED / "corpora/meantime/articles.jsonl", None),
        (SHARED / "seeds", SHARED / "seeds/meta.json"),
        (ROOT / "examples/story", ROOT / "examples/meta.json"),
    ]
    articles = []
    for path, meta in inputs:
        if path.exists():
            options = IngestOptions(sidecar=load_sidecar(meta) if meta else None)
            articles += [a for a in read_inputs([path], options) if hasattr(a, "text")]
    articles = (articles * repeat)[: limit or None] if repeat > 1 else articles[: limit or None]
    return articles


def measure(mode: str, limit: int, repeat: int, batch_size: int) -> dict:
    """Run one mode in this process and return its numbers."""
    from storyledger.nlp import load_model, load_plain_model, model_identity

    articles = corpus(limit, repeat)
    timings: dict[str, float] = {}
    started = time.perf_counter()
    nlp = load_plain_model() if mode == "plain" else load_model()
    loaded = time.perf_counter()
    if mode == "plain":
        for _doc in nlp.pipe((a.text for a in articles), batch_size=batch_size):
            pass
    elif mode in ("spine", "pipeline"):
        from storyledger.pipeline import analyse

        only = SPINE if mode == "spine" else None
        for _analysis in analyse(articles, nlp, batch_size=batch_size, only=only, timings=timings):
            pass
    else:
        from storyledger.crossarticle import refresh_actors
        from storyledger.pipeline import analyse, run_info
        from storyledger.store import Store, fingerprint

        info = run_info(nlp)
        with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "b.db") as store:
            run_id = store.begin_run(info, "bench")
            batch: list = []
            for analysis in analyse(articles, nlp, batch_size=batch_size):
                batch.append((analysis, fingerprint(analysis.article, info)))
                if len(batch) == batch_size:  # a batch per transaction, as `analyze` (#21)
                    store.save_many(batch, run_id=run_id)
                    batch = []
            store.save_many(batch, run_id=run_id)
            refresh_actors(store)
    done = time.perf_counter()
    seconds = done - loaded
    words = sum(len(a.text.split()) for a in articles)
    name, version = model_identity(nlp)
    return {
        "mode": mode,
        "articles": len(articles),
        "words": words,
        "seconds": round(seconds, 3),
        "model_load_seconds": round(loaded - started, 3),
        "articles_per_second": round(len(articles) / seconds, 2),
        "words_per_second": round(words / seconds, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "model": f"{name}-{version}",
        "stage_seconds": {stage: round(value, 3) for stage, value in timings.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="at most this many articles")
    parser.add_argument("--repeat", type=int, default=1, help="cycle the corpus this many times")
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run the modes this many times, interleaved; report the median",
    )
    parser.add_argument("--out", default=str(ROOT / "bench/results/throughput.json"))
    parser.add_argument("--mode", choices=MODES, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        print(json.dumps(measure(args.mode, args.limit, args.repeat, args.batch_size)))
        return 0
    runs: dict[str, list[dict]] = {mode: [] for mode in MODES}
    for _round in range(args.rounds):
        for mode in MODES:
            command = [
                sys.executable,
                __file__,
                "--mode",
                mode,
                "--limit",
                str(args.limit),
                "--repeat",
                str(args.repeat),
                "--batch-size",
                str(args.batch_size),
            ]
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            runs[mode].append(json.loads(output.strip().splitlines()[-1]))
    results = [_median(rows) for rows in runs.values()]
    baseline = results[0]["articles_per_second"]
    spine = results[1]["articles_per_second"]
    for row in results:
        row["vs_plain"] = round(row["articles_per_second"] / baseline, 3)
        row["vs_spine"] = round(row["articles_per_second"] / spine, 3)
    print_table(results)
    print_stage_shares(next(row for row in results if row["mode"] == "pipeline"))
    report = {
        "benchmark": "throughput",
        "machine": platform.platform(),
        "python": platform.python_version(),
        "results": results,
    }
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"\nwritten {args.out}")
    return 0


def _median(rows: list[dict]) -> dict:
    """The run with the median throughput, noting how many rounds it is the median of."""
    ordered = sorted(rows, key=lambda row: row["articles_per_second"])
    return {**ordered[len(ordered) // 2], "rounds": len(rows)}


def print_stage_shares(row: dict) -> None:
    """Where the full pipeline's time goes, stage by stage (the parse included)."""
    stages = row["stage_seconds"]
    total = sum(stages.values()) or 1.0
    print("\nstage shares of the full pipeline's time")
    for stage, seconds in sorted(stages.items(), key=lambda item: -item[1]):
        print(f"  {stage:<10} {seconds:>8.3f} s  {100 * seconds / total:5.1f} %")


def print_table(results: list[dict]) -> None:
    """The results as an aligned text table."""
    columns = (
        "mode",
        "articles",
        "seconds",
        "articles_per_second",
        "words_per_second",
        "peak_rss_mb",
        "vs_plain",
        "vs_spine",
    )
    widths = {c: max(len(c), *(len(str(r[c])) for r in results)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in results:
        print("  ".join(str(row[c]).ljust(widths[c]) for c in columns))


if __name__ == "__main__":
    sys.exit(main())
