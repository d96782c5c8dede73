"""Benchmark: batch mode at corpus scale against a plain `nlp.pipe`, on 1 and 2 workers.

The corpus is built from real news: the 120 MEANTIME Wikinews articles (CC BY 4.0, see
../shared/corpora/meantime/ATTRIBUTION.txt) and the two seeds, varied up to `--articles`:
variant k rotates the sentences of each paragraph by k, shifts every digit by k (so numbers
change but keep their form) and passes capitalised words after the first of a sentence through
a letter cipher of its own (so names change). It is written as JSON Lines shards. Each mode
runs in its own process: plain `nlp.pipe` (same model, all components), then `storyledger
batch` (all stages, Parquet out) on the local engine and on Ray with 1 and 2 workers.
Prints a table and writes JSON (default bench/results/batch.json).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import string
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from results_io import machine, print_table, write_json  # noqa: E402

SHARED = ROOT.parent / "shared"
MODES = ("plain", "local-1", "local-2", "ray-1", "ray-2")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“])")
_NAME = re.compile(r"(?<=[a-z,;] )([A-Z][a-z]+)")


def base_texts() -> list[dict]:
    """The real articles the corpus is varied from."""
    rows = [
        json.loads(line)
        for line in (SHARED / "corpora/meantime/articles.jsonl").read_text("utf-8").splitlines()
    ]
    found = [
        {"title": r["title"], "text": r["text"], "published": r["published"][:10]} for r in rows
    ]
    for path in sorted((SHARED / "seeds").glob("*.txt")):
        found.append({"text": path.read_text(encoding="utf-8")})
    return found


def vary(article: dict, k: int) -> dict:
    """Variant k of an article: sentences rotated, digits shifted, names ciphered."""
    rng = random.Random(k)
    letters = list(string.ascii_lowercase)
    shuffled = letters[:]
    rng.shuffle(shuffled)
    table = str.maketrans("".join(letters), "".join(shuffled))
    paragraphs = []
    for paragraph in article["text"].split("\n"):
        sentences = _SENTENCE.split(paragraph)
        shift = k % len(sentences) if sentences else 0
        paragraphs.append(" ".join(sentences[shift:] + sentences[:shift]))
    text = "\n".join(paragraphs)
    text = re.sub(r"\d", lambda m: str((int(m.group(0)) + k) % 10), text)
    text = _NAME.sub(lambda m: m.group(1)[0] + m.group(1)[1:].translate(table), text)
    return {**article, "text": text}


def build_corpus(folder: Path, size: int, shards: int) -> int:
    base = base_texts()
    rows = [vary(base[i % len(base)], i // len(base)) for i in range(size)]
    per = -(-len(rows) // shards)
    for number in range(shards):
        part = rows[number * per : (number + 1) * per]
        with (folder / f"shard-{number:03d}.jsonl").open("w", encoding="utf-8") as out:
            for row in part:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def measure(mode: str, corpus: Path, output: Path) -> dict:
    """Run one mode in this process and return its numbers."""
    started = time.perf_counter()
    if mode == "plain":
        from storyledger.nlp import load_plain_model

        nlp = load_plain_model()
        texts = [
            json.loads(line)["text"]
            for path in sorted(corpus.glob("*.jsonl"))
            for line in path.read_text(encoding="utf-8").splitlines()
        ]
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        articles, workers = len(texts), 1
    else:
        from storyledger.batch.engine import run_batch

        engine, workers = mode.split("-")[0], int(mode.split("-")[1])
        report = run_batch(str(corpus / "*.jsonl"), output, workers=workers, engine=engine)
        articles = report.articles
    seconds = time.perf_counter() - started
    extra = {}
    if mode != "plain":
        extra["peak_rss_mb_worker"] = report.peak_rss_mb
    if mode == "local-1":
        from storyledger.batch.corpus import compare_batch

        begun = time.perf_counter()
        counts = compare_batch(output)
        extra["cross_article_seconds"] = round(time.perf_counter() - begun, 2)
        extra["cross_article"] = counts
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "mode": mode,
        "workers": workers,
        "articles": articles,
        "seconds": round(seconds, 2),
        "articles_per_second": round(articles / seconds, 2),
        "per_core": round(articles / seconds / workers, 2),
        "peak_rss_mb_driver": round(own, 1),
        "peak_rss_mb_worker": round(children, 1),
        **extra,
    }


def _median_run(runs: list[dict]) -> dict:
    """One row for a mode run more than once: the run with the median time (the slower of
    the middle two), with every run's seconds listed."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    row = dict(ordered[len(ordered) // 2])
    if len(runs) > 1:
        row["runs_seconds"] = [r["seconds"] for r in runs]
    return row


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=5000)
    parser.add_argument("--shards", type=int, default=8)
    parser.add_argument(
        "--modes",
        default=",".join(MODES),
        help="modes in the order run; a mode named twice is run twice and its median reported",
    )
    parser.add_argument("--out", default=str(ROOT / "bench/results/batch.json"))
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    parser.add_argument("--corpus", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.mode:
        with tempfile.TemporaryDirectory() as out:
            print(json.dumps(measure(args.mode, Path(args.corpus), Path(out))))
        return 0
    runs: list[dict] = []
    modes = args.modes.split(",")
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder)
        size = build_corpus(corpus, args.articles, args.shards)
        for mode in modes:
            done = subprocess.run(
                [sys.executable, __file__, "--mode", mode, "--corpus", str(corpus)],
                capture_output=True,
                text=True,
                check=True,
            )
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
            print(f"{mode}: {json.dumps(runs[-1])}", file=sys.stderr, flush=True)
    results = [_median_run([r for r in runs if r["mode"] == m]) for m in dict.fromkeys(modes)]
    plain = next((r for r in results if r["mode"] == "plain"), None)
    for row in results:
        row["vs_plain"] = round(row["per_core"] / plain["per_core"], 3) if plain else None
        single = next((r for r in results if r["mode"] == row["mode"].split("-")[0] + "-1"), None)
        if single and row["workers"] > 1:
            speedup = row["articles_per_second"] / single["articles_per_second"]
            row["speedup"], row["efficiency"] = (
                round(speedup, 2),
                round(speedup / row["workers"], 2),
            )
    columns = (
        "mode",
        "articles",
        "seconds",
        "articles_per_second",
        "per_core",
        "vs_plain",
        "speedup",
        "efficiency",
        "peak_rss_mb_worker",
        "peak_rss_mb_driver",
    )
    print(
        f"{size} articles varied from MEANTIME (CC BY 4.0) and the seeds, in {args.shards} shards"
    )
    print_table(columns, results)
    for row in results:
        if "runs_seconds" in row:
            print(f"{row['mode']}: runs of {row['runs_seconds']} s, the slower reported")
        if "cross_article_seconds" in row:
            share = 100 * row["cross_article_seconds"] / row["seconds"]
            print(
                f"cross-article stage on the Parquet outputs of {row['mode']}:"
                f" {row['cross_article_seconds']} s ({share:.1f} % of the per-article pass);"
                f" {row['cross_article']}"
            )
    write_json(
        args.out,
        {
            "benchmark": "batch",
            "articles": size,
            "machine": machine(),
            "results": results,
            "targets": "vs_plain >= 1.0, efficiency >= 0.8, worker peak < 1,500 MB (issue #9)",
        },
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
