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
    by_initials: dict[tuple[str, ActorKind | None], set[str]] = defaultdict(set)
    for name in long_names:
        by_initials[(_initials(name), kinds.get(name))].add(name)
    everyone = _FullNames(every_full)
    own = {article: _FullNames(names) for article, names in full_by_article.items()}
    keys: dict[tuple[str, str], str] = {}
    for mention in mentions:
        norm = normalise_name(mention.text)
        place = (mention.article, norm)
        if place in keys:
            continue
        if kinds[norm] == "person":
            article_names = own.get(mention.article)
            keys[place] = (
                (article_names.key(norm) if article_names else None) or everyone.key(norm) or norm
            )
        elif kinds[norm] == "group":
            keys[place] = norm.removesuffix("s")  # "Palestinians" and "Palestinian" are one group
        else:
            keys[place] = _expand_acronym(norm, by_initials, kinds) or norm
    return keys


class _FullNames:
    """Full person names indexed by first and last word, so a short form is looked up, not
    searched for (a corpus can hold hundreds of thousands of names)."""

    def __init__(self, names: set[str]) -> None:
        self.by_ends: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.by_last: dict[str, set[str]] = defaultdict(set)
        self.by_first: dict[str, set[str]] = defaultdict(set)
        for name in names:
            words = name.split()
            self.by_ends[(words[0], words[-1])].append(name)
            self.by_last[words[-1]].add(name)
            self.by_first[words[0]].add(name)

    def key(self, norm: str) -> str | None:
        """The one full name that `norm` is a short form of (surname or first name), if
        unique; for a full name, the first (in order) with the same first and last word."""
        words = norm.split()
        if len(words) > 1:
            same = self.by_ends.get((words[0], words[-1]))
            return min(same) if same else None
        matches = self.by_last.get(norm) or self.by_first.get(norm) or set()
        return next(iter(matches)) if len(matches) == 1 else None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w not in _MINOR_WORDS)


def acronym_letters(norm: str) -> str | None:
    """The letters a name spells when it can be an acronym ("u.n." -> "un": one word of 2 to
    6 letters, dots left out), else None; the actors' name index keeps the same."""
    letters = norm.replace(".", "").replace(" ", "")
    if not 2 <= len(letters) <= 6 or not letters.isalpha() or " " in norm:
        return None
    return letters


def _expand_acronym(
    norm: str,
    by_initials: dict[tuple[str, ActorKind | None], set[str]],
    kinds: dict[str, ActorKind],
) -> str | None:
    """ "U.N." -> "united nations" when exactly one longer name of the same kind fits."""
    letters = acronym_letters(norm)
    if letters is None:
        return None
    fits = by_initials.get((letters, kinds.get(norm)), set())
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
