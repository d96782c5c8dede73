"""Do blis and numpy give the same annotations? Every token of every shared real corpus.

Two copies of the pipeline as `analyze` loads it (memoised attributes and embeddings), one per
matrix-multiply backend, parse the same articles the way `analyze` does (layout, block starts,
long texts in pieces); every token's POS, morphology, lemma, tag, dependency, head, entity IOB
and type, and sentence start are compared. Corpora: MEANTIME (120 Wikinews articles, CC BY 4.0,
see ../shared/corpora/meantime/ATTRIBUTION.txt), ECB+ (982 articles, CC BY 3.0, Cybulska and
Vossen 2014, see ../shared/corpora/ecbplus/ATTRIBUTION.txt) and the two seeds.
Prints a summary per corpus and every difference; exits 1 when any token differs.

    PYTHONPATH=src python scripts/check_backends.py [--limit N] [--corpora meantime,ecbplus,seeds]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = {
    "meantime": (SHARED / "corpora/meantime/articles.jsonl", None),
    "ecbplus": (SHARED / "corpora/ecbplus/articles.jsonl", None),
    "seeds": (SHARED / "seeds", SHARED / "seeds/meta.json"),
}


def articles(name: str, limit: int) -> list:
    from storyledger.ingest import IngestOptions, read_inputs
    from storyledger.ingest.sidecar import load_sidecar
    from storyledger.model import Article

    path, meta = CORPORA[name]
    options = IngestOptions(sidecar=load_sidecar(meta) if meta else None)
    found = [item for item in read_inputs([path], options) if isinstance(item, Article)]
    return found[: limit or None]


def parsed(found: list, nlp: Any) -> tuple[list, float]:
    """The Docs `analyze` would parse for `found`, and the seconds it took."""
    from storyledger.pipeline import analyse

    started = time.perf_counter()
    docs = [analysis.doc for analysis in analyse(found, nlp, only=("layout",))]
    return docs, time.perf_counter() - started


def compare(name: str, limit: int, models: dict) -> dict:
    from storyledger.parse_equality import differences

    found = articles(name, limit)
    docs, seconds = {}, {}
    for backend, nlp in models.items():
        docs[backend], seconds[backend] = parsed(found, nlp)
    listed = []
    for article, first, second in zip(found, docs["blis"], docs["numpy"], strict=True):
        listed += [{"article": article.id, **asdict(d)} for d in differences(first, second)]
    return {
        "corpus": name,
        "articles": len(found),
        "tokens": sum(len(doc) for doc in docs["blis"]),
        "differing_tokens": len({(d["article"], d["token"]) for d in listed}),
        "differences": listed,
        "parse_seconds": {backend: round(value, 2) for backend, value in seconds.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", default=",".join(CORPORA))
    parser.add_argument("--limit", type=int, default=0, help="at most this many per corpus")
    parser.add_argument("--out", help="also write the results as JSON here")
    args = parser.parse_args(argv)
    from storyledger.nlp import build_model

    models = {backend: build_model(ops=backend) for backend in ("blis", "numpy")}
    results = []
    for name in args.corpora.split(","):
        if not CORPORA[name][0].exists():
            print(f"{name}: not here ({CORPORA[name][0]}), skipped")
            continue
        row = compare(name, args.limit, models)
        results.append(row)
        print(
            f"{name}: {row['articles']} articles, {row['tokens']} tokens, "
            f"{row['differing_tokens']} differing; parse s {row['parse_seconds']}"
        )
        for found in row["differences"][:50]:
            print(f"  {found}")
    if args.out:
        Path(args.out).write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 1 if any(row["differing_tokens"] for row in results) else 0


if __name__ == "__main__":
    sys.exit(main())
