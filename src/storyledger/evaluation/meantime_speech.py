"""An outside check of the quotes stage on real news: MEANTIME's speech events and speakers.

MEANTIME (120 English Wikinews articles, CC BY 4.0) annotates every event in each article's
first sentences; a SPEECH_COGNITIVE event with a speech-verb predicate and a PropBank Arg0
participant is a speech act with its speaker. We count how many of those the quotes stage
finds (a quote whose cue is that verb), whether its speaker is the annotated Arg0 (the spans
overlap), and how many of our cues in those sentences are speech events at all.

The *resolved* speaker is scored too: MEANTIME links each mention to an entity instance, so the
person or organisation behind "he" or "the company" is known. Our resolved speaker (its actor's
names, else the resolved phrase; never a bare pronoun) is right when it names that instance as
the article does (any of its non-pronoun mentions or its descriptor, one contained in the other).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.extract.quotes.lexicon import speech_lexicon
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Actor, Article, Quote
from storyledger.pipeline import analyse


@dataclass(frozen=True, slots=True)
class SpeechEvent:
    """A gold speech act: the cue's span and its speaker's span."""

    cue: tuple[int, int]
    speaker: tuple[int, int]
    names: tuple[str, ...] = ()
    pronoun: bool = False


def gold_speech(corpus: Path) -> Iterator[tuple[Article, list[SpeechEvent], int, set[int]]]:
    """Per article: the speech events, the end of the densely annotated text, every event start."""
    articles = [
        a
        for a in read_inputs([corpus / "articles.jsonl"], IngestOptions())
        if isinstance(a, Article)
    ]
    verbs = speech_lexicon().cue_verbs | speech_lexicon().indirect_verbs
    for article, line in zip(articles, (corpus / "gold.jsonl").open(encoding="utf-8"), strict=True):
        entry = json.loads(line)
        mentions = {m["m_id"]: m for m in entry["mentions"] if m.get("field") == "text"}
        dense = set(entry["dense_annotation_sentences"])
        dense_end = max(
            (m["end"] for m in mentions.values() if m.get("sentence") in dense), default=0
        )
        events: list[SpeechEvent] = []
        names: dict[str, set[str]] = {}
        for m in mentions.values():
            if m.get("instance_id") and m.get("syntactic_type") != "PRO":
                names.setdefault(m["instance_id"], set()).add(m["surface"])
                names[m["instance_id"]].add((m.get("descriptor") or "").strip())
        for relation in entry["relations"]:
            if relation["type"] != "HAS_PARTICIPANT" or relation.get("sem_role") != "Arg0":
                continue
            event = mentions.get(relation["source"])
            speaker = mentions.get(relation["target"])
            if not event or not speaker or event.get("event_class") != "SPEECH_COGNITIVE":
                continue
            if _lemma(event) not in verbs:
                continue
            events.append(
                SpeechEvent(
                    (event["start"], event["end"]),
                    (speaker["start"], speaker["end"]),
                    tuple(sorted(filter(None, names.get(speaker.get("instance_id", ""), ())))),
                    speaker.get("syntactic_type") == "PRO",
                )
            )
        starts = {m["start"] for m in mentions.values() if m["kind"] == "EVENT_MENTION"}
        yield article, events, dense_end, starts


def evaluate_meantime(corpus: Path, nlp: Language) -> dict[str, Any]:
    """Speech-act recall, speaker accuracy and cue precision on MEANTIME's dense sentences."""
    entries = list(gold_speech(corpus))
    gold_total = found = speaker_right = cues = cues_on_events = 0
    resolvable = resolved_right = pronouns = pronouns_right = 0
    for (_article, events, dense_end, event_starts), analysis in zip(
        entries, analyse([e[0] for e in entries], nlp), strict=True
    ):
        actors = {actor.id: actor for actor in analysis.get("actors")}
        quotes = [q for q in analysis.get("quotes") if q.cue_start is not None]
        for event in events:
            gold_total += 1
            match = next(
                (q for q in quotes if _overlaps((q.cue_start, q.cue_end), event.cue)), None
            )
            if match is None:
                continue
            found += 1
            if match.speaker_start is not None and _overlaps(
                (match.speaker_start, match.speaker_end), event.speaker
            ):
                speaker_right += 1
            if event.names:
                right = names_match(event.names, resolved_names(match, actors))
                resolvable += 1
                resolved_right += right
                pronouns += event.pronoun
                pronouns_right += event.pronoun and right
        for quote in quotes:
            if quote.cue_end <= dense_end:
                cues += 1
                cues_on_events += quote.cue_start in event_starts
    return {
        "articles": len(entries),
        "speech_events": gold_total,
        "found": found,
        "recall": round(found / gold_total, 3) if gold_total else None,
        "speaker_accuracy": round(speaker_right / found, 3) if found else None,
        "resolvable": resolvable,
        "resolved_accuracy": round(resolved_right / resolvable, 3) if resolvable else None,
        "pronoun_speakers": pronouns,
        "pronoun_resolved": round(pronouns_right / pronouns, 3) if pronouns else None,
        "cues_in_dense_text": cues,
        "cue_precision": round(cues_on_events / cues, 3) if cues else None,
    }


def resolved_names(quote: Quote, actors: dict[str, Actor]) -> list[str]:
    """The names our quote gives its speaker: its actor's, else the resolved phrase."""
    actor = actors.get(quote.speaker_actor or "")
    if actor is not None:
        return [actor.name, *actor.aliases]
    resolved = quote.speaker_resolved or ""
    return [] if resolved.lower() in _PRONOUNS else [resolved]


def names_match(gold: Iterable[str], ours: Iterable[str]) -> bool:
    """One of our names and one gold name, folded, are equal or one holds the other."""
    folded = [_fold(name) for name in ours]
    for name in map(_fold, gold):
        for have in folded:
            if name and have and (f" {name} " in f" {have} " or f" {have} " in f" {name} "):
                return True
    return False


def _fold(name: str) -> str:
    words = name.replace("’", "'").removesuffix("'s").casefold().split()
    while words and words[0] in ("the", "a", "an", "mr", "mr.", "ms", "ms.", "mrs", "mrs."):
        words = words[1:]
    return " ".join(words)


_PRONOUNS = frozenset("he she it they we i you who which that".split())


def _lemma(event: dict[str, Any]) -> str:
    pred = (event.get("pred") or event["surface"]).lower()
    return pred


def _overlaps(left: tuple[int, int], right: tuple[int, int]) -> bool:
    return min(left[1], right[1]) > max(left[0], right[0])
