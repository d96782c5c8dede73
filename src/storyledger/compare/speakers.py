"""Who speaks in each quote, as a person: the canonical actor, not the words written.

"Trump", "Donald Trump" and "the president" resolved to one actor are one speaker, counted
and filtered as one; the record keeps the speaker as written (`Quote.speaker`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from storyledger.model import Actor, Quote


def speaker_names(quotes: Iterable[Quote], actors: Iterable[Actor]) -> dict[str, str | None]:
    """The speaker of each quote, by quote id: the name of its actor (`speaker_actor`), else
    the speaker as resolved, else as written; None for a quote without one."""
    names = {actor.id: actor.name for actor in actors}
    return {
        quote.id: names.get(quote.speaker_actor or "")
        or quote.speaker_resolved
        or quote.speaker
        or None
        for quote in quotes
    }


def count_speakers(
    quotes: Iterable[Quote], names: dict[str, str | None]
) -> list[tuple[str, bool, int]]:
    """`(person, anonymous, quotes)` for every speaker, most quoted first, then by name."""
    counts = Counter((names[q.id], q.anonymous) for q in quotes if names.get(q.id))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], str(item[0][0])))
    return [(str(person), anonymous, n) for (person, anonymous), n in ranked]


def speaks_as(
    person: str, quote: Quote, names: dict[str, str | None], actors: dict[str, Actor]
) -> bool:
    """Whether `person` (a name or alias, any case) is who speaks in `quote`."""
    wanted = person.casefold().strip()
    actor = actors.get(quote.speaker_actor or "")
    known = [names.get(quote.id), quote.speaker, *(actor.aliases if actor else ())]
    return any(name and name.casefold() == wanted for name in known)
