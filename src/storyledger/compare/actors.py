"""Group mentions into canonical actors, within one article or across a whole corpus.

Works on `Mention` records only, so the same function serves the per-article stage and the
store's corpus-wide pass. The result does not depend on the order mentions come in.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import replace

from storyledger.model import Actor, ActorKind, Mention, content_id

_KIND_ORDER: tuple[ActorKind, ...] = ("organization", "place", "group", "person")
_MINOR_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "la"})


def normalise_name(text: str) -> str:
    """A comparison key for a name: case-folded, straight apostrophes, single spaces."""
    folded = text.replace("’", "'").replace("‘", "'").casefold()
    folded = folded.removeprefix("the ")
    return " ".join(folded.split())


def resolve_actors(mentions: Iterable[Mention]) -> tuple[tuple[Actor, ...], tuple[Mention, ...]]:
    """Canonical actors for `mentions`, and the mentions with their `actor_id` and kind set."""
    ordered = sorted(mentions, key=lambda m: (m.article, m.start, m.end))
    if not ordered:
        return (), ()
    kinds = _vote_kinds(ordered)
    keys = _canonical_keys(ordered, kinds)
    members: dict[tuple[ActorKind, str], list[Mention]] = defaultdict(list)
    for mention in ordered:
        norm = normalise_name(mention.text)
        members[(kinds[norm], keys[(mention.article, norm)])].append(mention)
    actors: list[Actor] = []
    linked: list[Mention] = []
    for (kind, key), group in sorted(members.items()):
        actor = _actor(kind, key, group)
        actors.append(actor)
        linked.extend(replace(m, kind=kind, actor_id=actor.id) for m in group)
    linked.sort(key=lambda m: (m.article, m.start, m.end))
    return tuple(actors), tuple(linked)


def _vote_kinds(mentions: list[Mention]) -> dict[str, ActorKind]:
    """One kind per name; a name the model ever calls a person, or a known surname, is one."""
    votes: dict[str, Counter[ActorKind]] = defaultdict(Counter)
    for mention in mentions:
        votes[normalise_name(mention.text)][mention.kind] += 1
    surnames = {
        norm.split()[-1]
        for norm, counts in votes.items()
        if len(norm.split()) > 1 and counts["person"] * 2 >= sum(counts.values())
    }
    kinds: dict[str, ActorKind] = {}
    for norm, counts in votes.items():
        tagged_person = counts["person"] * 3 >= counts.total()
        # The model often tags a surname ORG ("Trump", "Hale"); a place tag is left alone.
        surname = (
            norm in surnames and counts["person"] + counts["organization"] > counts.total() / 2
        )
        if (counts["person"] and tagged_person) or surname:
            kinds[norm] = "person"
        else:
            kinds[norm] = max(
                _KIND_ORDER, key=lambda kind: (counts[kind], -_KIND_ORDER.index(kind))
            )
    return kinds


def _canonical_keys(
    mentions: list[Mention], kinds: dict[str, ActorKind]
) -> dict[tuple[str, str], str]:
    """Map each (article, name) to the key of its actor: full names absorb short forms."""
    full_by_article: dict[str, set[str]] = defaultdict(set)
    every_full: set[str] = set()
    for mention in mentions:
        norm = normalise_name(mention.text)
        if kinds[norm] == "person" and len(norm.split()) > 1:
            full_by_article[mention.article].add(norm)
            every_full.add(norm)
    long_names = {normalise_name(m.text) for m in mentions if len(m.text.split()) > 1}
    keys: dict[tuple[str, str], str] = {}
    for mention in mentions:
        norm = normalise_name(mention.text)
        place = (mention.article, norm)
        if place in keys:
            continue
        if kinds[norm] == "person":
            keys[place] = (
                _person_key(norm, full_by_article[mention.article])
                or _person_key(norm, every_full)
                or norm
            )
        elif kinds[norm] == "group":
            keys[place] = norm.removesuffix("s")  # "Palestinians" and "Palestinian" are one group
        else:
            keys[place] = _expand_acronym(norm, long_names, kinds) or norm
    return keys


def _person_key(norm: str, full_names: set[str]) -> str | None:
    """The one full name that `norm` is a short form of (surname or first name), if unique."""
    words = norm.split()
    if len(words) > 1:
        same = sorted(
            f for f in full_names if f.split()[0] == words[0] and f.split()[-1] == words[-1]
        )
        return same[0] if same else None
    matches = {f for f in full_names if f.split()[-1] == norm} or {
        f for f in full_names if f.split()[0] == norm
    }
    return next(iter(matches)) if len(matches) == 1 else None


def _expand_acronym(norm: str, long_names: set[str], kinds: dict[str, ActorKind]) -> str | None:
    """ "U.N." -> "united nations" when exactly one longer name of the same kind fits."""
    letters = norm.replace(".", "").replace(" ", "")
    if not 2 <= len(letters) <= 6 or not letters.isalpha() or " " in norm:
        return None
    fits = {
        name
        for name in long_names
        if kinds.get(name) == kinds.get(norm)
        and "".join(w[0] for w in name.split() if w not in _MINOR_WORDS) == letters
    }
    return next(iter(fits)) if len(fits) == 1 else None


def _actor(kind: ActorKind, key: str, group: list[Mention]) -> Actor:
    counts = Counter(m.text for m in group)
    name = max(counts, key=lambda text: (len(text.split()) > 1, counts[text], len(text), text))
    anchor = next(m for m in group if m.text == name)
    return Actor(
        article=anchor.article,
        start=anchor.start,
        end=anchor.end,
        text=anchor.text,
        id=content_id("actor", kind, key),
        name=name,
        kind=kind,
        aliases=tuple(sorted(set(counts) - {name})),
        mentions=len(group),
    )
