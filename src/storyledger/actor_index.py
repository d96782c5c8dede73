"""Actors resolved again only where new mentions can change them (issue #17).

`actors.resolve_actors` decides a mention's actor from corpus-wide facts about its name: the
votes on the name's kind (and, for a single word, on the full names it ends), the full person
names sharing its first or last word (in its article, then anywhere), and the longer names whose
initials it spells. New mentions can change those facts only for the names they hold, the
first and last words of their full names, the full names with the same ends, and the acronyms of
their initials: the "dirty" names. Their mentions are resolved again with `resolve_actors` over
the support that decides them (every mention of the names those facts are read from, looked up
in the store's `mention_names` index), which gives each dirty mention the same actor as
resolving the whole corpus would; every other mention keeps its actor. The actors whose members
changed are rebuilt from all their mentions. The incremental refresh's equality test checks
the result against a full recompute.
"""

from __future__ import annotations

import dataclasses
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from storyledger.actors import _actor, _initials, acronym_letters, normalise_name, resolve_actors
from storyledger.model import Actor, Mention
from storyledger.store import Store
from storyledger.store.db import id_list, in_ids

NameRow = tuple[str, str, str, str, str, int, str | None, str | None]


def name_row(mention: Mention) -> NameRow:
    """A mention's row of the `mention_names` index."""
    norm = normalise_name(mention.text)
    words = norm.split()
    return (
        mention.id,
        mention.article,
        norm,
        words[0] if words else "",
        words[-1] if words else "",
        len(words),
        _initials(norm) if len(mention.text.split()) > 1 else None,
        acronym_letters(norm),
    )


@dataclass(frozen=True, slots=True)
class ActorChange:
    """What the new mentions change: the mentions whose actor or kind changed, the actor
    records inserted (new or changed) and the ids removed, and the old -> new id votes;
    `renamed`, the kept ids whose name changed (what a story's name reads of an actor)."""

    linked: tuple[Mention, ...]
    actors: tuple[Actor, ...]
    removed: tuple[str, ...]
    remap: dict[str, str]
    renamed: tuple[str, ...] = ()


def index_complete(store: Store, changed: set[str]) -> bool:
    """True when every stored mention outside the `changed` articles is in the index."""
    conn = store.conn
    indexed = conn.execute("SELECT COUNT(*) FROM mention_names").fetchone()[0]
    changed_ids = (id_list(changed),)
    outside = conn.execute(
        f"SELECT COUNT(*) FROM mentions WHERE NOT {in_ids('article')}", changed_ids
    ).fetchone()[0]
    inside = conn.execute(
        f"SELECT COUNT(*) FROM mention_names WHERE {in_ids('article')}", changed_ids
    ).fetchone()[0]
    return indexed == outside and inside == 0


def plan_actors(store: Store, new: list[Mention]) -> ActorChange:
    """The actor changes the `new` mentions (all of the changed articles) bring."""
    rows = [name_row(mention) for mention in new]
    dirty = {row[2] for row in rows}
    ends = {(row[3], row[4]) for row in rows if row[5] > 1}
    dirty |= {word for pair in ends for word in pair}
    dirty |= _norms(store, ("first", "last"), ends, longer=True)
    dirty |= _norms(store, ("letters",), {(row[6],) for row in rows if row[6]})
    support = set(dirty)
    singles = {(norm,) for norm in dirty if len(norm.split()) == 1}
    support |= _norms(store, ("last",), singles, longer=True)
    support |= _norms(store, ("first",), singles, longer=True)
    letters = {(norm.replace(".", ""),) for norm in dirty if len(norm.split()) == 1}
    spelled = _norms(store, ("initials",), letters)
    support |= spelled
    support |= _norms(store, ("last",), {(n,) for n in spelled if " " not in n}, longer=True)
    new_ids = {mention.id for mention in new}
    read = [m for m in _mentions_of_norms(store, support) if m.id not in new_ids] + new
    _, resolved = resolve_actors(read)
    was = {mention.id: mention for mention in read}
    moved = {m.id: m for m in resolved if normalise_name(m.text) in dirty}
    touched = {was[i].actor_id for i in moved} | {m.actor_id for m in moved.values()}
    members = store.mentions_of_actors(touched)
    before = {m.id: m for m in members} | {m.id: was[m.id] for m in moved.values()}
    after = [moved.get(m.id, m) for m in before.values()]
    groups: dict[str, list[Mention]] = defaultdict(list)
    for mention in sorted(after, key=lambda m: (m.article, m.start, m.end)):
        groups[mention.actor_id].append(mention)
    built = {
        dataclasses.replace(_actor(group[0].kind, "", group), id=actor_id)
        for actor_id, group in groups.items()
        if actor_id in touched
    }
    old = set(store.actors_with(touched))
    names = {actor.id: actor.name for actor in built}
    return ActorChange(
        linked=tuple(
            m
            for m in sorted(moved.values(), key=lambda m: (m.article, m.start, m.end))
            if (was[m.id].actor_id, was[m.id].kind) != (m.actor_id, m.kind)
        ),
        actors=tuple(sorted(built - old, key=lambda actor: actor.id)),
        removed=tuple(sorted({actor.id for actor in old - built})),
        remap=_votes(before, after),
        renamed=tuple(sorted(a.id for a in old if a.id in names and names[a.id] != a.name)),
    )


def _votes(before: dict[str, Mention], after: list[Mention]) -> dict[str, str]:
    """Old actor id -> new actor id, by what most of the old id's mentions became (as
    `crossarticle._id_changes` counts them, in text order)."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for mention in sorted(after, key=lambda m: (m.article, m.start, m.end)):
        votes[before[mention.id].actor_id][mention.actor_id] += 1
    changes = {old: counts.most_common(1)[0][0] for old, counts in votes.items()}
    return {old: new for old, new in changes.items() if old != new}


def _norms(
    store: Store, columns: tuple[str, ...], keys: Iterable[tuple], *, longer: bool = False
) -> set[str]:
    """The indexed names whose `columns` equal one of the `keys` (with `longer`, of two words
    or more), in one query for all keys (they are bound as one JSON array, `db.id_list`)."""
    keys = {tuple(key) for key in keys}
    if not keys:
        return set()
    match = " AND ".join(f"n.{c} = json_extract(k.value, '$[{i}]')" for i, c in enumerate(columns))
    rows = store.conn.execute(
        "SELECT DISTINCT n.norm FROM json_each(?) AS k CROSS JOIN mention_names AS n"
        f" WHERE {match}{' AND n.words > 1' if longer else ''}",
        (json.dumps(sorted(keys)),),
    )
    return {row[0] for row in rows}


def _mentions_of_norms(store: Store, norms: set[str]) -> list[Mention]:
    rows = store.conn.execute(
        f"SELECT mention FROM mention_names WHERE {in_ids('norm')}", (id_list(norms),)
    )
    return store.mentions_by_id(row[0] for row in rows)
