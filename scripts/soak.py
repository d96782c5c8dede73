"""Real-corpus soak: `storyledger analyze` over every shared corpus, run as a user runs it.

The inputs are all of `../shared/corpora/` (MEANTIME, CC BY 4.0; ECB+, CC BY 3.0; the PLOVER
gold standard records, CC BY-SA 4.0; Microsoft Recognizers-Text, MIT: see each folder's
ATTRIBUTION or LICENSE file) and `../shared/seeds/` with its sidecar, given to one `analyze`
exactly as folders, so the walk, the readers and every stage meet them as a user's would. Files
that are not articles (gold annotations, licences) are skipped or analysed as text: the soak
asks only that no input stops the run and no article fails.

`--sample K` keeps every K-th record of each JSON Lines dump and every text file (the CI smoke
test); without it the whole corpora run (a few minutes). Prints one row per input file (stored,
unchanged, skipped, failed), every failure with its reason, and exits 1 when the command
crashed (a traceback or an exit code other than 0 and 1) or any article failed.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
STORYLEDGER = Path(sys.executable).with_name("storyledger")


def sampled(source: Path, target: Path, every: int) -> Path:
    """A copy of the folder `source` under `target` keeping every `every`-th JSONL record."""
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        out = target / path.relative_to(source)
        out.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in {".jsonl", ".ndjson"}:
            with path.open(encoding="utf-8") as lines:
                kept = [line for n, line in enumerate(lines) if n % every == 1 % every]
            out.write_text("".join(kept), encoding="utf-8")
        elif path.suffix in {".txt", ".html", ".htm", ".json", ".md"}:
            shutil.copyfile(path, out)
    return target


def soak(*, every: int, db: Path, work: Path) -> int:
    """Run the soak; return the exit code (0: no crash, no failed article)."""
    corpora, seeds = SHARED / "corpora", SHARED / "seeds"
    if not corpora.is_dir():
        print(f"soak: {corpora} is missing", file=sys.stderr)
        return 2
    if every > 1:
        corpora = sampled(corpora, work / "corpora", every)
    command = [str(STORYLEDGER), "analyze", str(corpora), str(seeds)]
    command += ["--meta", str(seeds / "meta.json"), "--db", str(db)]
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    crashed = done.returncode not in (0, 1) or "Traceback" in done.stderr
    rows, failures = outcomes(db)
    print_table(rows)
    print(f"\nanalyze exit code {done.returncode} in {seconds:.0f} s")
    for source, reason in failures:
        print(f"FAILED {source}: {reason}")
    if crashed:
        print("CRASHED:\n" + done.stderr[-3000:])
    total = Counter(status for statuses in rows.values() for status in statuses.elements())
    print(f"total: {dict(sorted(total.items()))}; failed articles: {len(failures)}")
    return 1 if crashed or failures else 0


def outcomes(db: Path) -> tuple[dict[str, Counter[str]], list[tuple[str, str]]]:
    """Status counts per input file of the last run, and every failed article."""
    rows: dict[str, Counter[str]] = defaultdict(Counter)
    failures: list[tuple[str, str]] = []
    if not db.exists():
        return rows, failures
    with sqlite3.connect(db) as conn:
        run = conn.execute("SELECT MAX(id) FROM runs").fetchone()[0]
        log = conn.execute(
            "SELECT source, status, reason FROM ingest_log WHERE run_id = ?", (run,)
        ).fetchall()
    for source, status, reason in log:
        rows[source.split("#")[0].split(":")[0]][status] += 1
        if status == "failed":
            failures.append((source, reason or ""))
    return rows, failures


def print_table(rows: dict[str, Counter[str]]) -> None:
    statuses = ("stored", "unchanged", "duplicate", "skipped", "failed")
    print("input\t" + "\t".join(statuses))
    for source in sorted(rows):
        name = "/".join(Path(source).parts[-2:])
        print(name + "\t" + "\t".join(str(rows[source][s]) for s in statuses))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample", type=int, default=1, help="keep every K-th JSONL record")
    parser.add_argument("--db", help="the store to write (default: a temporary one)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="storyledger-soak-") as work:
        db = Path(args.db) if args.db else Path(work) / "soak.db"
        return soak(every=max(1, args.sample), db=db, work=Path(work))


if __name__ == "__main__":
    sys.exit(main())
