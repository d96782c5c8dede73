"""Every record the per-article stages make for the shared real corpora, as sorted JSON lines:
a speed change must leave this file byte for byte the same (issue #21, round 2).

Run it on the code before and after a change (PYTHONPATH picks the code) and compare the two
files (`cmp`). The articles are parsed as `analyze` parses them (`pipeline.analyse`, default
batch size unless --batch-size). Corpora: MEANTIME (120 Wikinews articles, CC BY 4.0, see
../shared/corpora/meantime/ATTRIBUTION.txt), the two seeds, and ECB+ (CC BY 3.0, Cybulska and
Vossen 2014, see ../shared/corpora/ecbplus/ATTRIBUTION.txt; the first --ecbplus articles).

    PYTHONPATH=src python bench/records.py --out /tmp/records.jsonl [--ecbplus 200] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from check_backends import articles  # noqa: E402


def dump(corpora: dict[str, int], out: Path, batch_size: int | None) -> dict[str, int]:
    """Write every record of every article of `corpora` (name -> limit, 0: all) to `out`;
    how many records per corpus."""
    from storyledger.nlp import load_model
    from storyledger.pipeline import analyse

    nlp = load_model()
    counts: dict[str, int] = {}
    with out.open("w", encoding="utf-8") as sink:
        for name, limit in corpora.items():
            found = articles(name, limit)
            options = {"batch_size": batch_size} if batch_size else {}
            lines = []
            for analysis in analyse(found, nlp, **options):
                for kind, records in sorted(analysis.records.items()):
                    for record in records:
                        row = {**asdict(record), "_corpus": name, "_records": kind}
                        lines.append(json.dumps(row, sort_keys=True, default=str))
            counts[name] = len(lines)
            sink.writelines(line + "\n" for line in sorted(lines))
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--ecbplus", type=int, default=0, help="ECB+ articles (0: none)")
    parser.add_argument("--batch-size", type=int, default=None)
    parser.add_argument("--limit", type=int, default=0, help="MEANTIME articles (0: all)")
    args = parser.parse_args(argv)
    corpora = {"meantime": args.limit, "seeds": 0}
    if args.ecbplus:
        corpora["ecbplus"] = args.ecbplus
    started = time.perf_counter()
    counts = dump(corpora, Path(args.out), args.batch_size)
    print(json.dumps({"records": counts, "seconds": round(time.perf_counter() - started, 1)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
