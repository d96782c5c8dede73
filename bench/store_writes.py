"""Benchmark: the store's writes alone, an article per transaction against a batch per
transaction (issue #21), on the same analyses, rounds interleaved into new stores.

The analyses are those of the two seed articles varied `--copies` times each (as in
`bench/analyze.py`), made once; each round writes them into a new store both ways, with the
ingest log: `per-article` (a transaction per article and per log line, as `analyze` did
before #21) and `batch` (`Store.save_many` and `Store.log_many` per batch of 16). Prints the
best and median seconds per way and writes JSON (default bench/results/store_writes.json).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from analyze import build_corpus  # noqa: E402
from results_io import machine, print_table, write_json  # noqa: E402

BATCH = 16


def per_article(store, analyses: list, run_id: int) -> None:
    for analysis, stamp in analyses:
        store.save(analysis, fingerprint=stamp, run_id=run_id)
        store.log(run_id, analysis.article.source, "stored", article=analysis.article.id)


def batched(store, analyses: list, run_id: int) -> None:
    for start in range(0, len(analyses), BATCH):
        some = analyses[start : start + BATCH]
        store.save_many(some, run_id=run_id)
        entries = [(a.article.source, "stored", None, a.article.id) for a, _stamp in some]
        store.log_many(run_id, entries)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--out", default=str(ROOT / "bench/results/store_writes.json"))
    args = parser.parse_args(argv)
    from storyledger.ingest import IngestOptions, read_inputs
    from storyledger.nlp import load_model
    from storyledger.pipeline import analyse, run_info
    from storyledger.store import Store, fingerprint

    nlp = load_model()
    info = run_info(nlp)
    ways = {"per-article": per_article, "batch": batched}
    seconds: dict[str, list[float]] = {name: [] for name in ways}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "seeds.jsonl"
        build_corpus(corpus, args.copies)
        articles = [a for a in read_inputs([corpus], IngestOptions()) if hasattr(a, "text")]
        analyses = [(an, fingerprint(an.article, info)) for an in analyse(articles, nlp)]
        for number in range(args.rounds):
            for name, write in ways.items():
                with Store(Path(folder) / f"{name}-{number}.db") as store:
                    run_id = store.begin_run(info, "bench")
                    started = time.perf_counter()
                    write(store, analyses, run_id)
                    seconds[name].append(time.perf_counter() - started)
    rows = [
        {
            "way": name,
            "articles": len(analyses),
            "best": round(min(found), 3),
            "median": round(statistics.median(found), 3),
            "per_article_ms": round(1000 * statistics.median(found) / len(analyses), 2),
        }
        for name, found in seconds.items()
    ]
    rows[1]["speedup"] = round(rows[0]["median"] / rows[1]["median"], 2)
    print_table(("way", "articles", "best", "median", "per_article_ms", "speedup"), rows)
    write_json(args.out, {"benchmark": "store_writes", "machine": machine(), "results": rows})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
