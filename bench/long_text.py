"""Benchmark: per-article time against length, for pathological texts and for real news.

Each kind of text is made at growing sizes (in words, or marks, lines, numbers or names) and
analysed by the whole pipeline, one article at a time, with the time of each stage. The fitted
exponent `b` of `seconds ~ size ** b` (least squares on log-log, over the sizes that took at
least `--floor` seconds) says how the time grows: 1 is linear, 2 quadratic. A kind stops
growing when its next size would take more than `--budget` seconds at the growth seen so far.

Kinds:
  nopunct   one sentence of n words with no punctuation at all
  headline  a headline-like line of n words with no punctuation ("he said the minister ..."),
            then a paragraph whose pronoun speaker ("He said") is resolved back through it
  lines     n short lines, one after the other
  marks     a block of n quotation marks with nothing between them
  quoted    n quoted words in one paragraph ("yes" "no" ...)
  numbers   n numbers in one line
  names     one sentence listing n personal names
  said      "He said said said ..." with n repetitions
  real      MEANTIME Wikinews articles (CC BY 4.0, ../shared/corpora/meantime/) joined into one
            text of about n words

Prints a table and the exponents; writes JSON (default bench/results/long_text.json).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from results_io import machine, print_table, write_json  # noqa: E402

MEANTIME = ROOT.parent / "shared" / "corpora" / "meantime" / "articles.jsonl"
KINDS = ("nopunct", "headline", "lines", "marks", "quoted", "numbers", "names", "said", "real")
_PROSE = "the minister and officials of the city council met workers from the port on".split()
_HEADLINE = "he said the minister".split()
_NAMES = ("John Smith", "Mary Jones", "Ali Khan", "Pierre Dubois", "Ana Lima")


def make_text(kind: str, size: int) -> str:
    """A text of `kind` at `size` (words, lines, marks, numbers or names)."""
    if kind == "nopunct":
        return " ".join(_PROSE[i % len(_PROSE)] for i in range(size)) + "\n"
    if kind == "headline":
        return (
            " ".join(_HEADLINE[i % len(_HEADLINE)] for i in range(size))
            + "\n\nHe said it was fine.\n"
        )
    if kind == "lines":
        return "".join(f"Line {i} here\n" for i in range(size))
    if kind == "marks":
        return '"' * size + "\n"
    if kind == "quoted":
        return "He said " + " ".join(f'"w{i}"' for i in range(size)) + ".\n"
    if kind == "numbers":
        return " ".join(str(i * 7) for i in range(size)) + "\n"
    if kind == "names":
        return "Present were " + ", ".join(_NAMES[i % 5] for i in range(size)) + ".\n"
    if kind == "said":
        return "He said " + " ".join(["said"] * size) + ".\n"
    if kind == "real":
        return real_text(size)
    raise ValueError(f"unknown kind {kind!r}")


def real_text(words: int) -> str:
    """MEANTIME articles joined by blank lines, cycled, until about `words` words."""
    texts = [json.loads(line)["text"] for line in MEANTIME.read_text(encoding="utf-8").splitlines()]
    pieces, count = [], 0
    while count < words:
        text = texts[len(pieces) % len(texts)].strip()
        pieces.append(text)
        count += len(text.split())
    return "\n\n".join(pieces) + "\n"


def measure(nlp, kind: str, size: int) -> dict:
    """Analyse one article of `kind` at `size`; its time, stage by stage."""
    from storyledger.model import Article
    from storyledger.pipeline import analyse

    text = make_text(kind, size)
    article = Article(id=f"{kind}-{size}", text=text, source=f"{kind}-{size}")
    timings: dict[str, float] = {}
    started = time.perf_counter()
    (analysis,) = analyse([article], nlp, timings=timings)
    seconds = time.perf_counter() - started
    slowest = max(timings, key=timings.__getitem__)
    return {
        "kind": kind,
        "size": size,
        "chars": len(text),
        "tokens": len(analysis.doc),
        "seconds": round(seconds, 3),
        "slowest": slowest,
        "slowest_seconds": round(timings[slowest], 3),
        "stage_seconds": {name: round(value, 4) for name, value in timings.items()},
    }


def exponent(rows: list[dict], key: str = "seconds", floor: float = 0.05) -> float | None:
    """The least-squares slope of log(`key`) on log(size), over rows taking at least `floor`."""
    points = [(math.log(r["size"]), math.log(r[key])) for r in rows if r[key] >= floor]
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    if spread == 0:
        return None
    return round(sum((x - mean_x) * (y - mean_y) for x, y in points) / spread, 2)


def stage_exponents(rows: list[dict], floor: float) -> dict[str, float]:
    """The exponent of every stage that took at least `floor` seconds at two sizes or more."""
    names = {name for row in rows for name in row["stage_seconds"]}
    found = {}
    for name in sorted(names):
        series = [{"size": r["size"], "t": r["stage_seconds"].get(name, 0.0)} for r in rows]
        value = exponent(series, key="t", floor=floor)
        if value is not None:
            found[name] = value
    return found


def _expected_next(measured: list[dict], sizes: list[int]) -> float:
    """The time the next size would take, at the growth seen so far (at least linear)."""
    last = measured[-1]
    following = [size for size in sizes if size > last["size"]]
    if not following:
        return 0.0
    power = max(1.0, exponent(measured[-2:], floor=0.001) or 1.0) if len(measured) > 1 else 1.0
    return last["seconds"] * (following[0] / last["size"]) ** power


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--sizes", default="1000,2000,4000,8000,16000,32000,64000")
    parser.add_argument("--budget", type=float, default=120.0, help="stop a kind past this")
    parser.add_argument("--floor", type=float, default=0.05, help="fit only times above this")
    parser.add_argument("--out", default=str(ROOT / "bench/results/long_text.json"))
    args = parser.parse_args(argv)
    from storyledger.nlp import load_model

    nlp = load_model()
    kinds = [k for k in args.kinds.split(",") if k != "real" or MEANTIME.exists()]
    sizes = [int(s) for s in args.sizes.split(",")]
    rows, fits = [], []
    for kind in kinds:
        measured = []
        for size in sizes:
            measured.append(measure(nlp, kind, size))
            print(json.dumps(measured[-1]), file=sys.stderr, flush=True)
            if _expected_next(measured, sizes) > args.budget:
                break
        rows += measured
        fits.append(
            {
                "kind": kind,
                "largest": measured[-1]["size"],
                "seconds": measured[-1]["seconds"],
                "exponent": exponent(measured, floor=args.floor),
                "stages": stage_exponents(measured, args.floor),
            }
        )
    columns = ("kind", "size", "chars", "tokens", "seconds", "slowest", "slowest_seconds")
    print_table(columns, rows)
    print("\nfitted exponent b of seconds ~ size**b (1 = linear)")
    for fit in fits:
        stages = " ".join(f"{name}={value}" for name, value in fit["stages"].items())
        print(f"  {fit['kind']:<9} b={fit['exponent']}  stages: {stages}")
    out = write_json(args.out, {"benchmark": "long_text", **machine(), "rows": rows, "fits": fits})
    print(f"\nwritten {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
