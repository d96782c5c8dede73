"""Precision of the events stage on real articles: a judged sample of its ECB+ output.

`evals/events/ecbplus_judged.json` holds events the stage produced on ECB+ articles, each judged
by hand: acceptable under PLOVER 2.0 (type, actor and recipient) or not. A judged event is still
produced when an event of the same type has the same trigger. Scored again, precision is the
share of judged events still produced that are right; judged events no longer produced are
counted apart (`dropped_right`: right events lost, `dropped_wrong`: wrong ones removed), and so
are the events produced in those articles that were never judged (`unjudged`).

`scripts/events_judged.py` prints the scores on the shared corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation.judged import judged_analyses, load_judged


def evaluate_ecbplus_judged(corpus: Path, judged_path: Path, nlp: Language) -> dict[str, Any]:
    """Precision over the judged events the stage still produces."""
    judged = load_judged(judged_path)
    produced: dict[str, set[tuple[int, str]]] = {}
    for name, analysis in judged_analyses(
        corpus, judged, nlp, only=("layout", "sentences", "actors", "events")
    ):
        produced[name] = {(e.trigger_start, e.action) for e in analysis.get("events")}
    kept = [r for r in judged if (r["start"], r["action"]) in produced.get(r["article"], set())]
    dropped = [r for r in judged if r not in kept]
    keys = {(r["article"], r["start"], r["action"]) for r in judged}
    right = sum(r["right"] for r in kept)
    return {
        "judged": len(judged),
        "found": len(kept),
        "precision": round(right / len(kept), 3) if kept else None,
        "dropped_right": sum(r["right"] for r in dropped),
        "dropped_wrong": sum(not r["right"] for r in dropped),
        "unjudged": sum((n, s, a) not in keys for n, found in produced.items() for s, a in found),
    }
