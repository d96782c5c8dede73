"""Speaker resolution on real news: ECB+'s coreference chains behind our quotes' speakers.

ECB+ (CC BY 3.0; Cybulska and Vossen, LREC 2014) links every human participant mention, pronouns
and descriptions included, to a chain (within and across documents). For each quote the stage
finds whose speaker as written is a gold participant mention that is a pronoun or a description
("he", "the company", "the actress"), the right resolved speaker is that chain: our resolved
names (the speaker actor's names, else the resolved phrase, never a bare pronoun) must match
one of the chain's named mentions in the article (capitalised, one contained in the other).
A speaker whose chain has no named mention in the article is not counted.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation.corpus import corpus_articles
from storyledger.evaluation.meantime_speech import names_match, resolved_names
from storyledger.pipeline import analyse

PRONOUNS = frozenset("he she it they we i who him her them".split())
PER_STORY = 2  # the first documents of each of the 86 stories: a slice that runs in seconds


def evaluate_ecbplus_speakers(
    corpus: Path, nlp: Language, *, per_story: int = PER_STORY
) -> dict[str, Any]:
    """How often a pronoun or description speaker resolves to its gold chain's name."""
    gold = {}
    for line in (corpus / "mentions.jsonl").open(encoding="utf-8"):
        entry = json.loads(line)
        gold[entry["id"]] = [
            m
            for m in entry["mentions"]
            if m["field"] == "text" and m["type"].startswith("HUMAN_PART")
        ]
    taken: dict[str, int] = {}
    articles = []
    for name, article in ((item.name, item.article) for item in corpus_articles(corpus)):
        story = name.split("_")[0] + ("+" if name.endswith("ecbplus") else "")
        if taken.get(story, 0) < per_story:
            taken[story] = taken.get(story, 0) + 1
            articles.append((name, article))
    tally = {"pronoun": [0, 0], "description": [0, 0]}
    examples: list[str] = []
    for (name, _), analysis in zip(articles, analyse([a for _, a in articles], nlp), strict=True):
        mentions = gold.get(name, [])
        actors = {actor.id: actor for actor in analysis.get("actors")}
        for quote in analysis.get("quotes"):
            if quote.speaker_start is None:
                continue
            written = _gold_at(mentions, quote.speaker_start, quote.speaker_end)
            if written is None or _is_name(written["surface"]):
                continue  # a name as written needs no resolving
            chain = _chain(written)
            names = [
                m["surface"] for m in mentions if _chain(m) == chain and _is_name(m["surface"])
            ]
            if chain is None or not names:
                continue
            part = "pronoun" if written["surface"].lower() in PRONOUNS else "description"
            right = names_match(names, resolved_names(quote, actors))
            tally[part][0] += 1
            tally[part][1] += right
            examples.append(f"{name}:{quote.speaker_start}-{quote.speaker_end} {part} {right}")
    return {
        "articles": len(articles),
        **{f"{part}_speakers": total for part, (total, _) in tally.items()},
        **{
            f"{part}_resolved": round(right / total, 3) if total else None
            for part, (total, right) in tally.items()
        },
        "examples": examples,
    }


def _gold_at(mentions: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    """The gold participant mention that our speaker span is (same head word: overlapping and
    ending together, or the same start)."""
    for mention in mentions:
        if (
            mention["start"] < end
            and start < mention["end"]
            and (mention["end"] == end or mention["start"] == start)
        ):
            return mention
    return None


def _chain(mention: dict[str, Any]) -> str | None:
    return mention.get("instance_id") or mention.get("chain")


def _is_name(surface: str) -> bool:
    """A name's head word (its last) is capitalised: "The Hollywood Reporter", not "the
    company", "Lohan's attorney" or "he"."""
    words = surface.split()
    return bool(words) and words[-1][:1].isupper() and surface.lower() not in PRONOUNS
