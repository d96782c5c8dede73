"""An outside check of the events stage on real news: MEANTIME's event participants.

MEANTIME annotates every event in each article's first sentences with PropBank participants.
For its verb events whose predicate is a standalone verb of our PLOVER lexicon (not one that is
an event only with certain objects, like "continue") and that have an Arg0, we count
how many we emit (an event triggered by that word), whether our actor is the annotated Arg0 (or a
mention of the same entity, so that a pronoun resolved to its antecedent counts as right) and,
where there is an Arg1 and we name a recipient, whether the recipient is it. This checks who did
what to whom; MEANTIME has no PLOVER types, so it does not check the type.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.extract.events.lexicon import event_lexicon
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Article
from storyledger.pipeline import analyse


def evaluate_meantime_events(corpus: Path, nlp: Language) -> dict[str, Any]:
    """Trigger recall, actor accuracy and recipient accuracy on MEANTIME's dense sentences."""
    articles = [
        a
        for a in read_inputs([corpus / "articles.jsonl"], IngestOptions())
        if isinstance(a, Article)
    ]
    entries = [json.loads(line) for line in (corpus / "gold.jsonl").open(encoding="utf-8")]
    verbs = set(event_lexicon().verbs)
    totals = defaultdict(int)
    for entry, analysis in zip(entries, analyse(articles, nlp), strict=True):
        mentions = {m["m_id"]: m for m in entry["mentions"] if m.get("field") == "text"}
        roles: dict[str, dict[str, dict]] = defaultdict(dict)
        for relation in entry["relations"]:
            if relation["type"] == "HAS_PARTICIPANT" and relation["target"] in mentions:
                roles[relation["source"]][relation.get("sem_role")] = mentions[relation["target"]]
        ours = {e.trigger_start: e for e in analysis.get("events")}
        for m_id, participants in roles.items():
            event = mentions.get(m_id)
            if event is None or "Arg0" not in participants or event.get("pos") != "VERB":
                continue
            if (event.get("pred") or event["surface"]).lower() not in verbs:
                continue
            totals["gold"] += 1
            found = ours.get(event["start"])
            if found is None:
                continue
            totals["found"] += 1
            actor = participants["Arg0"]
            same = _coreferent(actor, mentions)
            totals["actor_right"] += any(
                _overlaps(found.actor, analysis.article.text, m) for m in same
            )
            if "Arg1" in participants and found.target:
                totals["with_recipient"] += 1
                totals["recipient_right"] += _overlaps(
                    found.target, analysis.article.text, participants["Arg1"]
                )
    return {
        "articles": len(articles),
        "events": totals["gold"],
        "found": totals["found"],
        "recall": _share(totals["found"], totals["gold"]),
        "actor_accuracy": _share(totals["actor_right"], totals["found"]),
        "recipient_accuracy": _share(totals["recipient_right"], totals["with_recipient"]),
    }


def _coreferent(mention: dict, mentions: dict[str, dict]) -> list[dict]:
    """The mention and every mention of the same entity instance (a resolved "it" is right)."""
    instance = mention.get("instance_id")
    if instance is None:
        return [mention]
    return [mention, *(m for m in mentions.values() if m.get("instance_id") == instance)]


def _overlaps(phrase: str, text: str, mention: dict) -> bool:
    surface = text[mention["start"] : mention["end"]]
    return surface in phrase or phrase in surface


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None
