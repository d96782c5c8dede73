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

import hashlib
import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Article
from storyledger.pipeline import analyse


def evaluate_ecbplus_judged(corpus: Path, judged_path: Path, nlp: Language) -> dict[str, Any]:
    """Precision over the judged events the stage still produces."""
    judged = json.loads(judged_path.read_text(encoding="utf-8"))["judged"]
    path = corpus / "articles.jsonl"
    ids = [json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines()]
    wanted = {row["article"] for row in judged}
    articles = [
        a
        for a in read_inputs([path], IngestOptions())
        if isinstance(a, Article) and ids[int(a.source.rsplit(":", 1)[1]) - 1] in wanted
    ]
    produced: dict[str, set[tuple[int, str]]] = {}
    for analysis in analyse(articles, nlp, only=("layout", "sentences", "actors", "events")):
        name = ids[int(analysis.article.source.rsplit(":", 1)[1]) - 1]
        text = analysis.article.text
        for row in (r for r in judged if r["article"] == name):
            digest = hashlib.sha1(text[row["start"] : row["end"]].encode("utf-8")).hexdigest()
            if digest[:10] != row["sha1"]:
                raise ValueError(f"judged span {name}:{row['start']} no longer matches its text")
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
