"""Benchmark: a whole `analyze` into a new store, part by part, on each backend, against a plain
`nlp.pipe` of the same texts with the default backend (issue #21).

The corpus is the two seed articles varied `--copies` times each (default 60: 120 articles;
variant k rotates sentences, shifts digits and ciphers names, as `bench/batch.py` does), written
as one JSON Lines file. Each mode runs in its own process, rounds interleaved:
  plain          spaCy's `nlp.pipe` over the texts, the model as shipped, default ops (blis)
  analyze-blis   `analyze` (ingest, stages, store, cross-article) with STORYLEDGER_OPS=blis
  analyze-numpy  the same with STORYLEDGER_OPS=numpy
A mode's `startup` is the time from its process's start to the model loaded; `stages` (every
registered stage), `store` (article writes and the ingest log), `cross` (the cross-article
refresh) and `parse` (the rest: reading the inputs, the model and joining pieces) add up to the
rest. Every part is timed twice: wall seconds, and CPU seconds of the process (`*_cpu`,
`time.process_time`). On a machine shared with other jobs the wall clock mostly measures them
(the same 40 articles parsed in 3.5 CPU seconds took 14 to 32 wall seconds at load 8 on 2
cores), so the per-core ratios (`*_cpu`) are the ones to compare between runs. Prints a table
and writes JSON (default bench/results/analyze.json).
"""

from __future__ import annotations

import time

BEGUN = time.perf_counter()

import argparse  # noqa: E402
import importlib.util  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import resource  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from batch import vary  # noqa: E402
from results_io import machine, print_table, write_json  # noqa: E402

SHARED = ROOT.parent / "shared"
MODES = ("plain", "analyze-blis", "analyze-numpy")
PARTS = ("startup", "parse", "stages", "store", "cross")
CLOCKS = {"": time.perf_counter, "_cpu": time.process_time}


def build_corpus(path: Path, copies: int) -> int:
    """The seeds, `copies` variants each, as one JSON Lines file; how many articles."""
    seeds = [
        {"text": p.read_text(encoding="utf-8")} for p in sorted((SHARED / "seeds").glob("*.txt"))
    ]
    rows = [vary(seed, k) for k in range(copies) for seed in seeds]
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def measure(mode: str, corpus: Path) -> dict[str, Any]:
    """Run one mode in this process; seconds per part, from this process's start."""
    if mode == "plain":
        from storyledger.nlp import load_plain_model

        nlp = load_plain_model()
        loaded = {suffix: clock() for suffix, clock in CLOCKS.items()}
        texts = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        parts = {"startup": loaded[""] - BEGUN, "startup_cpu": loaded["_cpu"]}
        for suffix, clock in CLOCKS.items():
            parts[f"parse{suffix}"] = clock() - loaded[suffix]
        articles, ops = len(texts), "blis"
    else:
        os.environ["STORYLEDGER_OPS"] = mode.split("-")[1]
        parts, articles, ops = _analyze(corpus)
    row: dict[str, Any] = {"mode": mode, "ops": ops, "articles": articles}
    for suffix in CLOCKS:
        values = {f"{name}{suffix}": round(parts.get(f"{name}{suffix}", 0.0), 3) for name in PARTS}
        row.update(values, **{f"seconds{suffix}": round(sum(values.values()), 3)})
    return {
        **row,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _analyze(corpus: Path) -> tuple[dict[str, float], int, str]:
    """`analyze` as the CLI runs it, with a clock around the parse, the stages, the store's
    writes and the cross-article refresh."""
    from storyledger import pipeline, runner
    from storyledger.ingest import IngestOptions
    from storyledger.nlp import load_model
    from storyledger.store import Store

    nlp = load_model()
    parts: dict[str, float] = {"startup": time.perf_counter() - BEGUN}
    parts["startup_cpu"] = time.process_time()

    def run_stages(stages: Any, *args: Any) -> Any:  # the stages after the parse, not layout
        stages = list(stages)
        if any(item.before_parse for item in stages):
            return plain_run(stages, *args)
        return clocked_run(stages, *args)

    plain_run = pipeline._run
    clocked_run = _clocked(plain_run, parts, "stages")
    pipeline._run = run_stages
    for name in ("save", "save_many", "log", "log_many", "begin_run", "finish_run"):
        if hasattr(Store, name):
            setattr(Store, name, _clocked(getattr(Store, name), parts, "store"))
    if hasattr(runner, "refresh_corpus"):  # the runner runs the cross-article stage (#17)
        runner.refresh_corpus = _clocked(runner.refresh_corpus, parts, "cross")
    elif hasattr(Store, "refresh_corpus"):  # a storyledger from before #17: the store ran it
        Store.refresh_corpus = _clocked(Store.refresh_corpus, parts, "cross")
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "a.db") as store:
        started = {suffix: clock() for suffix, clock in CLOCKS.items()}
        if not hasattr(runner, "refresh_corpus") and not hasattr(Store, "refresh_corpus"):
            # the runner imports the stage when it runs (#21 round 2): the import is cross's
            module = _clocked(importlib.import_module, parts, "cross")("storyledger.crossarticle")
            module.refresh_corpus = _clocked(module.refresh_corpus, parts, "cross")
        report = runner.analyze_paths([corpus], store, nlp, options=IngestOptions())
        whole = {suffix: clock() - started[suffix] for suffix, clock in CLOCKS.items()}
    for suffix in CLOCKS:
        others = sum(parts.get(f"{name}{suffix}", 0.0) for name in ("stages", "store", "cross"))
        parts[f"parse{suffix}"] = whole[suffix] - others
    return parts, len(report.stored), _ops(nlp)


def _ops(nlp: Any) -> str:
    """The backend the model ran on ("default" for a storyledger from before #21)."""
    if importlib.util.find_spec("storyledger.backend") is None:
        return "default"
    from storyledger import backend

    return backend.current(nlp)


def _clocked(method: Callable, parts: dict[str, float], part: str) -> Callable:
    def clocked(*args: Any, **kwargs: Any) -> Any:
        started = {suffix: clock() for suffix, clock in CLOCKS.items()}
        try:
            return method(*args, **kwargs)
        finally:
            for suffix, clock in CLOCKS.items():
                key = f"{part}{suffix}"
                parts[key] = parts.get(key, 0.0) + clock() - started[suffix]

    return clocked


def _median(rows: list[dict]) -> dict:
    ordered = sorted(rows, key=lambda row: row["seconds_cpu"])
    row = dict(ordered[len(ordered) // 2])
    for suffix in CLOCKS:
        row[f"runs_seconds{suffix}"] = [r[f"seconds{suffix}"] for r in rows]
    return row


def _ratios(plain: dict, row: dict, suffix: str) -> dict[str, float | None]:
    """One round's ratios of `row` (an analyze) to `plain` on one clock."""
    work = row[f"parse{suffix}"] + row[f"stages{suffix}"]
    whole = row[f"seconds{suffix}"]
    return {
        f"stages_vs_plain{suffix}": round(plain[f"parse{suffix}"] / work, 3) if work else None,
        f"whole_vs_plain{suffix}": round(plain[f"parse{suffix}"] / whole, 3) if whole else None,
        f"whole_vs_plain_loaded{suffix}": (
            round(plain[f"seconds{suffix}"] / whole, 3) if whole else None
        ),
    }


def summarise(runs: dict[str, list[dict]]) -> list[dict]:
    """Per mode: its median run (by CPU seconds); per ratio to the plain run of the same round:
    the median and, in `*_runs`, every round's value (the spread)."""
    results = [_median(rows) for rows in runs.values()]
    for row in results:
        row["store_share"] = round(row["store_cpu"] / row["seconds_cpu"], 3)
        if row["mode"] == "plain" or "plain" not in runs:
            continue
        rounds = [
            {k: v for suffix in CLOCKS for k, v in _ratios(plain, mine, suffix).items()}
            for plain, mine in zip(runs["plain"], runs[row["mode"]], strict=False)
        ]
        for key in rounds[0]:
            values = sorted(r[key] for r in rounds if r[key] is not None)
            row[key] = values[len(values) // 2] if values else None
            row[f"{key}_runs"] = [r[key] for r in rounds]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=60, help="variants of each seed")
    parser.add_argument("--rounds", type=int, default=1, help="rounds, interleaved; median")
    parser.add_argument("--modes", default=",".join(MODES))
    parser.add_argument("--out", default=str(ROOT / "bench/results/analyze.json"))
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        print(json.dumps(measure(args.mode, Path(args.corpus))))
        return 0
    modes = args.modes.split(",")
    runs: dict[str, list[dict]] = {mode: [] for mode in modes}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "seeds.jsonl"
        size = build_corpus(corpus, args.copies)
        for _round in range(args.rounds):
            for mode in modes:
                command = [sys.executable, __file__, "--mode", mode, "--corpus", str(corpus)]
                done = subprocess.run(command, capture_output=True, text=True, check=True)
                runs[mode].append(json.loads(done.stdout.strip().splitlines()[-1]))
                print(f"{mode}: {json.dumps(runs[mode][-1])}", file=sys.stderr, flush=True)
    results = summarise(runs)
    print(f"{size} articles: the seeds varied {args.copies} times each")
    for suffix, clock in (("", "wall"), ("_cpu", "CPU")):
        print(f"{clock} seconds, median of {args.rounds} round(s):")
        columns = [f"{name}{suffix}" for name in (*PARTS, "seconds")]
        ratios = [f"{name}{suffix}" for name in ("stages_vs_plain", "whole_vs_plain")]
        print_table(("mode", "ops", *columns, *ratios), results)
    write_json(
        args.out,
        {
            "benchmark": "analyze",
            "articles": size,
            "machine": machine(),
            "results": results,
            "targets": "stages_vs_plain >= 1.5, whole_vs_plain >= 1.2, store_share < 0.1 (#21)",
            "notes": "stages_vs_plain: plain parse s / (parse + stages) s; whole_vs_plain: plain"
            " parse s / whole analyze s (start-up included); _loaded: plain with its start-up;"
            " _cpu: CPU seconds of the process (per core), else wall; each ratio is the median"
            " over rounds of the ratio within a round, _runs lists every round's",
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
