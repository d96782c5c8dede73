"""Benchmark: a whole `analyze` into a new store, part by part, on each backend, against a plain
`nlp.pipe` of the same texts with the default backend (issue #21).

The corpus is the two seed articles varied `--copies` times each (default 60: 120 articles;
variant k rotates sentences, shifts digits and ciphers names, as `bench/batch.py` does), written
as one JSON Lines file. Each mode runs in its own process, rounds interleaved:
  plain          spaCy's `nlp.pipe` over the texts, the model as shipped, default ops (blis)
  analyze-blis   `analyze` (ingest, stages, store, cross-article) with STORYLEDGER_OPS=blis
  analyze-numpy  the same with STORYLEDGER_OPS=numpy
A mode's `startup` is the time from its process's start to the model loaded; `parse`, `stages`
(layout, ingest and every other stage), `store` (article writes and the ingest log) and `cross`
(the cross-article refresh) add up to the rest. Prints a table and writes JSON (default
bench/results/analyze.json).
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
        loaded = time.perf_counter()
        texts = [json.loads(line)["text"] for line in corpus.read_text("utf-8").splitlines()]
        for _doc in nlp.pipe(texts, batch_size=16):
            pass
        parts = {"startup": loaded - BEGUN, "parse": time.perf_counter() - loaded}
        articles, ops = len(texts), "blis"
    else:
        os.environ["STORYLEDGER_OPS"] = mode.split("-")[1]
        parts, articles, ops = _analyze(corpus)
    parts = {name: round(parts.get(name, 0.0), 3) for name in PARTS}
    total = sum(parts.values())
    return {
        "mode": mode,
        "ops": ops,
        "articles": articles,
        **parts,
        "seconds": round(total, 3),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _analyze(corpus: Path) -> tuple[dict[str, float], int, str]:
    """`analyze` as the CLI runs it, with a clock around the parse, the stages, the store's
    writes and the cross-article refresh."""
    from storyledger import runner
    from storyledger.ingest import IngestOptions
    from storyledger.nlp import load_model
    from storyledger.pipeline import analyse
    from storyledger.store import Store

    nlp = load_model()
    parts: dict[str, float] = {"startup": time.perf_counter() - BEGUN}
    timings: dict[str, float] = {}

    def analyse_batch(articles: list, model: Any) -> list:
        return list(analyse(articles, model, batch_size=max(1, len(articles)), timings=timings))

    runner.analyse_batch = analyse_batch
    for name in ("save", "save_many", "log", "log_many", "begin_run", "finish_run"):
        if hasattr(Store, name):
            setattr(Store, name, _clocked(getattr(Store, name), parts, "store"))
    if hasattr(runner, "refresh_corpus"):  # the runner runs the cross-article stage (#17)
        runner.refresh_corpus = _clocked(runner.refresh_corpus, parts, "cross")
    else:  # a storyledger from before #17: the store ran it
        Store.refresh_corpus = _clocked(Store.refresh_corpus, parts, "cross")
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "a.db") as store:
        started = time.perf_counter()
        report = runner.analyze_paths([corpus], store, nlp, options=IngestOptions())
        whole = time.perf_counter() - started
    parts["parse"] = timings.pop("parse", 0.0)
    parts["stages"] = whole - parts["parse"] - parts.get("store", 0.0) - parts.get("cross", 0.0)
    return parts, len(report.stored), _ops(nlp)


def _ops(nlp: Any) -> str:
    """The backend the model ran on ("default" for a storyledger from before #21)."""
    if importlib.util.find_spec("storyledger.backend") is None:
        return "default"
    from storyledger import backend

    return backend.current(nlp)


def _clocked(method: Callable, parts: dict[str, float], part: str) -> Callable:
    def clocked(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            parts[part] = parts.get(part, 0.0) + time.perf_counter() - started

    return clocked


def _median(rows: list[dict]) -> dict:
    ordered = sorted(rows, key=lambda row: row["seconds"])
    row = dict(ordered[len(ordered) // 2])
    row["runs_seconds"] = [r["seconds"] for r in rows]
    return row


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
    results = [_median(rows) for rows in runs.values()]
    plain = next((row for row in results if row["mode"] == "plain"), None)
    for row in results:
        row["store_share"] = round(row["store"] / row["seconds"], 3)
        if plain and row is not plain:
            work = row["parse"] + row["stages"]
            row["stages_vs_plain"] = round(plain["parse"] / work, 3) if work else None
            row["whole_vs_plain"] = round(plain["parse"] / row["seconds"], 3)
            row["whole_vs_plain_loaded"] = round(plain["seconds"] / row["seconds"], 3)
    print(f"{size} articles: the seeds varied {args.copies} times each")
    print_table(
        ("mode", "ops", *PARTS, "seconds", "store_share", "stages_vs_plain", "whole_vs_plain"),
        results,
    )
    write_json(
        args.out,
        {
            "benchmark": "analyze",
            "articles": size,
            "machine": machine(),
            "results": results,
            "targets": "stages_vs_plain >= 1.5, whole_vs_plain >= 1.2, store_share < 0.1 (#21)",
            "notes": "stages_vs_plain: plain parse s / (parse + stages) s; whole_vs_plain: plain"
            " parse s / whole analyze s (start-up included); _loaded: plain with its start-up",
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
