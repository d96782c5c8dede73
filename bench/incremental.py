"""Benchmark: `analyze` of 10 new articles into a 10,000-article store, cross-article step.

Issue #17 asks that adding k articles cost what the k articles and the stories they touch
cost, not what the store holds: the cross-article step after adding 10 articles to a
10,000-article store should take at most 5 % of a full recompute, with the same results.

The store is built as `bench/compare.py` builds its corpus (the analysed base articles:
MEANTIME's 120 Wikinews articles, CC BY 4.0, see ../shared/corpora/meantime/ATTRIBUTION.txt,
the seeds, the examples and the compare eval's fictional stories, copied with a letter cipher
per copy), every record given an id of its copy. Then: a full recompute of the 10,000
articles (timed), 10 new articles saved and the incremental step run (timed), and a full
recompute again, whose tables must equal the incremental step's.
Prints a table and writes JSON (default bench/results/incremental.json).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from compare import base_records, scaled  # noqa: E402
from results_io import machine, write_json  # noqa: E402

_TABLES = ("actors", "stories", "comparisons", "mentions", "quotes")


def _analyses(records: dict, seed: int) -> list:
    """One Analysis per article, every record id (and quote speaker mention) made unique."""
    from storyledger.extract.registry import Analysis
    from storyledger.model import content_id

    def fresh(record_id: str | None, article: str) -> str | None:
        return None if record_id is None else content_id("bench-id", seed, article, record_id)

    by_article: dict[str, dict[str, list]] = {a.id: {} for a in records["articles"]}
    for name in ("mentions", "sentences", "quotes", "figures"):
        for record in records[name]:
            changes = {}
            if hasattr(record, "id"):
                changes["id"] = fresh(record.id, record.article)
            if name == "quotes":
                changes["speaker_mention"] = fresh(record.speaker_mention, record.article)
            kept = dataclasses.replace(record, **changes)
            by_article[record.article].setdefault(name, []).append(kept)
    return [
        Analysis(
            article=article,
            records={name: tuple(found) for name, found in by_article[article.id].items()},
        )
        for article in records["articles"]
    ]


def _save(store, analyses: list) -> list[str]:
    from storyledger.model import RunInfo

    info = RunInfo(pipeline_version="bench", model_name="bench", model_version="0", stages=())
    run_id = store.begin_run(info, "bench")
    for analysis in analyses:
        store.save(analysis, fingerprint="bench", run_id=run_id)
    store.finish_run(run_id)
    return [analysis.article.id for analysis in analyses]


def _tables(store) -> dict:
    return {
        table: store.conn.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in _TABLES
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000, help="store size")
    parser.add_argument("--new", type=int, default=10, help="articles added")
    parser.add_argument("--base-limit", type=int, default=0, help="use this many base articles")
    parser.add_argument("--spacing", type=int, default=21, help="days between copies")
    parser.add_argument("--out", default=str(ROOT / "bench/results/incremental.json"))
    args = parser.parse_args(argv)

    from storyledger.crossarticle import refresh_corpus
    from storyledger.store import Store

    base, _per_article = base_records(args.base_limit)
    records = scaled(base, args.articles + args.new, args.spacing)
    analyses = _analyses(records, 0)
    stored, added = analyses[: args.articles], analyses[args.articles :]
    with tempfile.TemporaryDirectory() as folder, Store(Path(folder) / "bench.db") as store:
        started = time.perf_counter()
        _save(store, stored)
        save_seconds = time.perf_counter() - started
        started = time.perf_counter()
        refresh_corpus(store)
        full_seconds = time.perf_counter() - started
        new_ids = _save(store, added)
        started = time.perf_counter()
        refresh_corpus(store, changed=new_ids)
        step_seconds = time.perf_counter() - started
        incremental = _tables(store)
        started = time.perf_counter()
        refresh_corpus(store)
        full_after = time.perf_counter() - started
        equal = _tables(store) == incremental
        stories = store.conn.execute("SELECT COUNT(*) FROM stories").fetchone()[0]
    row = {
        "articles": args.articles,
        "new": args.new,
        "save_seconds": round(save_seconds, 1),
        "full_recompute_seconds": round(full_seconds, 2),
        "incremental_step_seconds": round(step_seconds, 2),
        "full_recompute_after_seconds": round(full_after, 2),
        "ratio": round(step_seconds / full_after, 3),
        "equal_to_full_recompute": equal,
        "stories": stories,
    }
    print("  ".join(row))
    print("  ".join(str(value) for value in row.values()))
    write_json(Path(args.out), {"machine": machine(), "result": row})
    return 0 if equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
