"""An outside check of the events stage on PLOVER's gold standard records (GSR01).

316 edited news sentences from the CAMEO manual, coded by hand with 322 PLOVER events
(`shared/corpora/plover-gsr/events.jsonl`, CC BY-SA 4.0; read in place, never copied). Each
sentence is analysed as a one-sentence article. An emitted event matches a gold event when its
type is the gold `plover2_event`, its actor names one of the gold actors and its recipient one
of the gold recipients (or both are empty). Names match leniently: the content words of one are
contained in the other's, either way, once each country name, demonym or capital is read as its
country code (from PETRARCH2's country actor dictionary, MIT, read in place: Iran, Iranian and
Tehran are one). Two-sided fighting (0.5b1 FIGHT) matches with the sides in either order.
Reported: precision, recall, and type macro-F1 over the events whose pair is found.
"""

from __future__ import annotations

import functools
import json
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation.events import macro_f1
from storyledger.model import Article, Event
from storyledger.pipeline import analyse

_FUNCTION_WORDS = frozenset(
    "a an the of and or its their his her our your my it they them he she we i this that these "
    "those 's ' some several other both".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def evaluate_gsr(corpus: Path, countries: Path, nlp: Language) -> dict[str, Any]:
    """Precision, recall and type macro-F1 of the events stage on the GSR sentences."""
    entries = [json.loads(line) for line in (corpus / "events.jsonl").open(encoding="utf-8")]
    articles = [
        Article(id=Article.id_for(e["text"]), text=e["text"], source=e["id"]) for e in entries
    ]
    coded = (
        (entry["id"], entry["events"], list(analysis.get("events")))
        for entry, analysis in zip(entries, analyse(articles, nlp), strict=True)
    )
    return {"sentences": len(entries), **score_coded(coded, country_names(countries))}


def score_coded(
    sentences: Iterable[tuple[str, list[dict[str, Any]], list[Event]]], names: dict[str, str]
) -> dict[str, Any]:
    """Score the events found in each sentence (`(id, gold events in the GSR's shape, events
    found)`) against its gold: counts, precision, recall, type macro-F1, the errors (each missed
    event with its cause) and the count of misses by cause."""
    counts: Counter = Counter()
    causes: Counter = Counter()
    confusion: list[tuple[str, str]] = []
    errors: list[str] = []
    for key, gold, predicted in sentences:
        counts["gold"] += len(gold)
        counts["found"] += len(predicted)
        unmatched = list(predicted)
        for item in gold:
            full = next(
                (
                    e
                    for e in unmatched
                    if e.action == item["plover2_event"] and _same_parties(item, e, names)
                ),
                None,
            )
            # a matched event is its pair: another event between the same parties is no confusion
            pair = full or next((e for e in predicted if _same_parties(item, e, names)), None)
            if pair is not None:
                confusion.append((item["plover2_event"], pair.action))
            if full is None:
                cause = miss_cause(item, predicted, names)
                causes[cause.partition(":")[0]] += 1
                errors.append(f"missed {key}: {_gold_line(item)} ({cause})")
                continue
            unmatched.remove(full)
            counts["matched"] += 1
        errors += [f"extra {key}: {e.actor} {e.action} {e.target}" for e in unmatched]
    found, gold_count = counts["found"], counts["gold"]
    return {
        "gold": gold_count,
        "found": found,
        "matched": counts["matched"],
        "precision": round(counts["matched"] / found, 3) if found else 1.0,
        "recall": round(counts["matched"] / gold_count, 3) if gold_count else 1.0,
        "type_macro_f1": round(macro_f1(confusion), 3),
        "pairs_found": len(confusion),
        "errors": errors,
        "causes": dict(causes.most_common()),
    }


def miss_cause(item: dict[str, Any], predicted: list[Event], names: dict[str, str]) -> str:
    """Why a gold event has no match among the events found in its sentence: none found, its
    pair found with another type, or an event of its type with a wrong or missing party."""
    if not predicted:
        return "no event found"
    pair = next((e for e in predicted if _same_parties(item, e, names)), None)
    if pair is not None:
        return f"wrong type: found {pair.action}"
    typed = [e for e in predicted if e.action == item["plover2_event"]]
    actors = [a["actorText"] for a in item["source"]]
    targets = [a["actorText"] for a in item["target"]]
    for event in typed:
        if _names_one(actors, event.actor, names):
            return f"wrong or missing recipient: found {event.target}"
    for event in typed:
        if _names_one(targets, event.target, names):
            return f"wrong or missing actor: found {event.actor}"
    if typed:
        return f"wrong actor and recipient: found {typed[0].actor} -> {typed[0].target}"
    return "other events only: " + ", ".join(sorted({e.action for e in predicted}))


def _gold_line(item: dict[str, Any]) -> str:
    actors = "+".join(a["actorText"] for a in item["source"])
    targets = "+".join(a["actorText"] for a in item["target"]) or None
    return f"{actors} {item['plover2_event']} {targets}"


def _same_parties(item: dict[str, Any], event: Event, names: dict[str, str]) -> bool:
    actors = [a["actorText"] for a in item["source"]]
    targets = [a["actorText"] for a in item["target"]]
    straight = _names_one(actors, event.actor, names) and _names_one(targets, event.target, names)
    if straight or item["event"] != "FIGHT":
        return straight
    return _names_one(targets, event.actor, names) and _names_one(actors, event.target, names)


def _names_one(wanted: list[str], got: str | None, names: dict[str, str]) -> bool:
    """`got` names one of `wanted` (no recipient on either side agrees too)."""
    if not wanted or got is None:
        return not wanted and got is None
    mine = content_key(got, names)
    for phrase in wanted:
        theirs = content_key(phrase, names)
        if mine and theirs and (mine <= theirs or theirs <= mine):
            return True
    return False


def content_key(phrase: str, names: dict[str, str]) -> frozenset[str]:
    """The content words of a phrase, each country name, demonym or capital as its code."""
    text = " ".join(_WORD.findall(phrase.replace("’", "'").casefold()))
    for name in sorted((n for n in names if " " in n and n in text), key=len, reverse=True):
        text = re.sub(rf"\b{re.escape(name)}\b", names[name].lower(), text)
    words = set()
    for word in text.split():
        if word in _FUNCTION_WORDS:
            continue
        singular = word[:-1] if word.endswith("s") and word[:-1] in names else word
        words.add(names.get(singular, singular).lower())
    return frozenset(words)


@functools.cache
def country_names(path: Path) -> dict[str, str]:
    """Country name, synonym, demonym and capital (lower case, words spaced) -> country code,
    from the country entries of PETRARCH2's `Phoenix.Countries.actors.txt`: a header with its
    code ("UNITED_STATES_  [USA]") or a block of names whose code follows on an indented line
    ("IRAQ_", "+IRAQI_", "+BAGHDAD_", then "[IRQ <20030320]")."""
    names: dict[str, str] = {}
    block: list[str] = []
    code, coded = None, False  # the header's code; whether code lines closed the block
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        role = re.match(r"^\s+\[([A-Z]{3})(?:\s[^\]]*)?\]", line)
        if role:
            for name in block:
                names.setdefault(name, role.group(1))
            coded = True
            continue
        if line[:1].isspace():  # a person's or body's role ("[ISRGOV ...]")
            coded = True
            continue
        header = re.match(r"^([A-Z_]+)\s+\[([A-Z]{3})\]\s*(#.*)?$", line)
        if line.startswith("+") and not coded:
            name = _spaced(line[1:].split("#")[0])
            if code is not None:
                names.setdefault(name, code)
            block.append(name)
            continue
        code = header.group(2) if header else None
        block, coded = [_spaced((header.group(1) if header else line).split("#")[0])], False
        if code is not None:
            names.setdefault(block[0], code)
    names.pop("", None)
    return names


def _spaced(name: str) -> str:
    return " ".join(name.strip().strip("_").replace("_", " ").casefold().split())


def format_table(results: dict[str, Any]) -> list[str]:
    """The scores as text lines, after a blank one."""
    keys = ("gold", "found", "matched", "precision", "recall", "type_macro_f1", "pairs_found")
    return [
        "",
        f"events, PLOVER gold standard records ({results['sentences']} edited news sentences,"
        " CC BY-SA 4.0; a development set)",
        "  " + "  ".join(f"{key}={results[key]}" for key in keys),
    ]
