"""Precision of the figures stage on real articles: a judged sample of its ECB+ output.

`evals/figures/ecbplus_judged.json` holds figures the stage produced on ECB+ articles, each
judged by hand: a figure or not (a date, a name, a score), and its value right or not. A judged
figure is still produced when a figure overlaps it by half (a unit read later may widen it).
Scored again, precision is the share of judged figures still produced that are figures, value
accuracy the share of those with the right value; judged figures no longer produced are
counted apart (`dropped_right`: real figures lost, `dropped_wrong`: false ones removed).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation import gold
from storyledger.evaluation.figures import MIN_OVERLAP
from storyledger.evaluation.judged import judged_analyses, load_judged


def evaluate_ecbplus_judged(corpus: Path, judged_path: Path, nlp: Language) -> dict[str, Any]:
    """Precision and value accuracy over the judged figures the stage still produces."""
    judged = load_judged(judged_path)
    produced: dict[str, list[tuple[int, int]]] = {}
    for name, analysis in judged_analyses(corpus, judged, nlp):
        produced[name] = [(f.start, f.end) for f in analysis.get("figures")]
    kept = [
        r
        for r in judged
        if any(
            gold.overlap((r["start"], r["end"]), span) >= MIN_OVERLAP
            for span in produced.get(r["article"], [])
        )
    ]
    dropped = [r for r in judged if r not in kept]
    right = sum(r["figure"] for r in kept)
    return {
        "judged": len(judged),
        "found": len(kept),
        "precision": round(right / len(kept), 3) if kept else None,
        "value_accuracy": round(sum(r["value_right"] for r in kept) / right, 3) if right else None,
        "dropped_right": sum(r["figure"] for r in dropped),
        "dropped_wrong": sum(not r["figure"] for r in dropped),
    }
