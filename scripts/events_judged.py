"""Print the events stage's precision on the judged ECB+ sample (evals/events/ecbplus_judged.json).

python scripts/events_judged.py [SHARED]   # SHARED: the shared data folder (../shared)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyledger.evaluation.events_judged import evaluate_ecbplus_judged
from storyledger.nlp import load_model

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    scores = evaluate_ecbplus_judged(
        shared / "corpora" / "ecbplus",
        ROOT / "evals" / "events" / "ecbplus_judged.json",
        load_model(),
    )
    print(json.dumps(scores))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
