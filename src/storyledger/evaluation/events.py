"""Score the events stage against annotated articles (`evals/events/*.jsonl`).

Each gold event names its `actor`, `action` (PLOVER type), `target` (or null), `negated`, `aux`
and `date`. Reported: end-to-end precision and recall on (actor, type, target); event-type
macro-F1 over the events whose actor and target were found; the share of negated or
hypothetical events not emitted as carried out; and date accuracy where the gold has a date.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation import gold
from storyledger.model import Article, Event
from storyledger.pipeline import analyse


def load_gold(folder: Path, shared: Path) -> list[tuple[Article, list[dict[str, Any]]]]:
    """Every annotated article with its gold events."""
    return [(article, entry.get("events", [])) for entry, article in gold.entries(folder, shared)]


def evaluate(pairs: list[tuple[Article, list[dict[str, Any]]]], nlp: Language) -> dict[str, Any]:
    """Run the pipeline on the gold articles and score its events."""
    counts = Counter()
    confusion: list[tuple[str, str]] = []
    errors: list[str] = []
    for (_article, golds), analysis in zip(pairs, analyse([a for a, _ in pairs], nlp), strict=True):
        predicted = list(analysis.get("events"))
        counts["gold"] += len(golds)
        counts["found"] += len(predicted)
        unmatched = list(predicted)
        for item in golds:
            full = next(
                (e for e in unmatched if _same_parties(item, e) and e.action == item["action"]),
                None,
            )
            # a matched event is its pair: another event between the same parties is no confusion
            pair = full or next((e for e in predicted if _same_parties(item, e)), None)
            if pair is not None:
                confusion.append((item["action"], pair.action))
            if item["negated"] or item["aux"] in ("future", "hypothetical"):
                counts["irrealis"] += 1
                carried_out = full is not None and not full.negated and full.aux is None
                counts["irrealis_kept_apart"] += not carried_out
            if full is None:
                errors.append(f"missed: {item['actor']} {item['action']} {item['target']}")
                continue
            unmatched.remove(full)
            counts["matched"] += 1
            if item.get("date"):
                counts["dated"] += 1
                counts["date_right"] += str(full.date) == item["date"]
                if str(full.date) != item["date"]:
                    errors.append(
                        f"date: {item['actor']} {item['action']} gold {item['date']} "
                        f"got {full.date}"
                    )
        errors += [f"extra: {e.actor} {e.action} {e.target}" for e in unmatched]
    return {"articles": len(pairs), **_rates(counts, confusion), "errors": errors}


def _same_parties(item: dict[str, Any], event: Event) -> bool:
    return gold.same_phrase(item["actor"], event.actor) and gold.same_phrase(
        item["target"], event.target
    )


def _rates(counts: Counter, confusion: list[tuple[str, str]]) -> dict[str, Any]:
    precision = counts["matched"] / counts["found"] if counts["found"] else 1.0
    recall = counts["matched"] / counts["gold"] if counts["gold"] else 1.0
    return {
        "gold": counts["gold"],
        "found": counts["found"],
        "matched": counts["matched"],
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "type_macro_f1": round(macro_f1(confusion), 3),
        "pairs_found": len(confusion),
        "irrealis": counts["irrealis"],
        "irrealis_kept_apart": round(counts["irrealis_kept_apart"] / counts["irrealis"], 3)
        if counts["irrealis"]
        else None,
        "dated": counts["dated"],
        "date_accuracy": round(counts["date_right"] / counts["dated"], 3)
        if counts["dated"]
        else None,
    }


def macro_f1(confusion: list[tuple[str, str]]) -> float:
    """Macro-F1 of the predicted labels over (gold, predicted) pairs."""
    labels = {label for pair in confusion for label in pair}
    scores = []
    for label in labels:
        true_pos = sum(g == p == label for g, p in confusion)
        gold_n = sum(g == label for g, _ in confusion)
        pred_n = sum(p == label for _, p in confusion)
        if not gold_n and not pred_n:
            continue
        p = true_pos / pred_n if pred_n else 0.0
        r = true_pos / gold_n if gold_n else 0.0
        scores.append(2 * p * r / (p + r) if p + r else 0.0)
    return sum(scores) / len(scores) if scores else 0.0


def format_table(results: dict[str, Any], title: str) -> list[str]:
    """The scores as text lines."""
    keys = (
        "gold",
        "found",
        "precision",
        "recall",
        "type_macro_f1",
        "pairs_found",
        "irrealis",
        "irrealis_kept_apart",
        "dated",
        "date_accuracy",
    )
    return [
        f"{title} ({results['articles']} annotated articles)",
        "  " + "  ".join(f"{key}={results[key]}" for key in keys),
    ]
