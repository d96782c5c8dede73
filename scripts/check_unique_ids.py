"""Run every registered stage on all of MEANTIME and a slice of ECB+ and report any record id
emitted twice in one article (issue #18). Exit status 1 when there is one.

Usage: python scripts/check_unique_ids.py [--shared ../shared] [--every 4]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from storyledger.evaluation.unique_ids import duplicate_ids
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Article
from storyledger.nlp import load_model
from storyledger.pipeline import analyse


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path(__file__).parents[2] / "shared")
    parser.add_argument("--every", type=int, default=4, help="take every n-th ECB+ article")
    args = parser.parse_args()
    corpora = args.shared / "corpora"
    meantime = _read(corpora / "meantime" / "articles.jsonl")
    ecbplus = _read(corpora / "ecbplus" / "articles.jsonl")[:: args.every]
    bad = 0
    for analysis in analyse(meantime + ecbplus, load_model()):
        for name, ids in duplicate_ids(analysis).items():
            bad += 1
            sys.stdout.write(f"{analysis.article.source}: {name} ids twice: {ids}\n")
    sys.stdout.write(f"{len(meantime) + len(ecbplus)} articles, {bad} with an id twice\n")
    return 1 if bad else 0


def _read(path: Path) -> list[Article]:
    return [a for a in read_inputs([path], IngestOptions()) if isinstance(a, Article)]


if __name__ == "__main__":
    sys.exit(main())
