"""Precision of the figures stage on real articles: a judged sample of its ECB+ output.

`evals/figures/ecbplus_judged.json` holds figures the stage produced on ECB+ articles, each
judged by hand: a figure or not (a date, a name, a score), and its value right or not. A judged
figure is still produced when a figure overlaps it by half (a unit read later may widen it).
Scored again, precision is the share of judged figures still produced that are figures, value
accuracy the share of those with the right value; judged figures no longer produced are
counted apart (`dropped_right`: real figures lost, `dropped_wrong`: false ones removed).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation import gold
from storyledger.evaluation.figures import MIN_OVERLAP
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Article
from storyledger.pipeline import analyse


def evaluate_ecbplus_judged(corpus: Path, judged_path: Path, nlp: Language) -> dict[str, Any]:
    """Precision and value accuracy over the judged figures the stage still produces."""
    judged = json.loads(judged_path.read_text(encoding="utf-8"))["judged"]
    path = corpus / "articles.jsonl"
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]
    wanted = {row["article"] for row in judged}
    articles = [
        a
        for a in read_inputs([path], IngestOptions())
        if isinstance(a, Article) and ids[int(a.source.rsplit(":", 1)[1]) - 1] in wanted
    ]
    produced: dict[str, list[tuple[int, int]]] = {}
    for analysis in analyse(articles, nlp):
        name = ids[int(analysis.article.source.rsplit(":", 1)[1]) - 1]
        text = analysis.article.text
        for row in (r for r in judged if r["article"] == name):
            digest = hashlib.sha1(text[row["start"] : row["end"]].encode("utf-8")).hexdigest()
            if digest[:10] != row["sha1"]:
                raise ValueError(f"judged span {name}:{row['start']} no longer matches its text")
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
