"""A story's automatic name: its first article's headline, cut where a phrase ends, and the
story's most central actors in brackets.

A headline (or, without one, the first line of the text) longer than `_LONGEST` characters is
cut before a function word that follows a content word ("... over the prolonged conflict" |
"in Gaza"), or after a clause's punctuation, never inside a phrase ("... over the prolonged");
the cut gets an ellipsis. The actors are those named in the largest share of the story's
articles, then most often, then earliest; an actor whose name holds or is held by one already
chosen ("Air Force" and "Air Force Communications") is the same party named twice, and left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from storyledger.model import Article

_LONGEST = 90
_SHORTEST = 30
_ACTORS = 3
_CLAUSE_END = (",", ";", ":")
_DASHES = {"-", "–", "—"}


def story_name(
    articles: Sequence[Article], actor_ids: Mapping[str, list[str]], names: Mapping[str, str]
) -> str:
    """The name of a story whose articles are `articles` (first published first)."""
    first = articles[0]
    title = cut_at_phrase(first.title or first.text.strip().split("\n", 1)[0])
    main = central_actors(articles, actor_ids, names)
    return f"{title} ({', '.join(main)})" if main else title


def cut_at_phrase(text: str, *, longest: int = _LONGEST) -> str:
    """`text` on one line, cut at the last phrase boundary within `longest` characters (with
    an ellipsis) when it is longer."""
    words = text.split()
    whole = " ".join(words)
    if len(whole) <= longest:
        return whole
    best = 0
    length = -1
    for i, word in enumerate(words[:-1]):
        length += len(word) + 1
        if length > longest - 1:
            break
        after = words[i + 1]
        ends_clause = word.endswith(_CLAUSE_END) or after in _DASHES
        ends_phrase = _function(after) and not _function(word)
        if length >= _SHORTEST and (ends_clause or ends_phrase):
            best = i + 1
    if not best:  # no phrase boundary: the last word within reach that is no function word
        fits = max(1, len(whole[:longest].split()) - 1)
        best = next((n for n in range(fits, 0, -1) if not _function(words[n - 1])), fits)
    return " ".join(words[:best]).rstrip(",;:–—-") + "…"


def central_actors(
    articles: Sequence[Article], actor_ids: Mapping[str, list[str]], names: Mapping[str, str]
) -> list[str]:
    """The names of the story's most central actors: named in most of its articles, then most
    often, then earliest; a name holding or held by a chosen one is left out."""
    share: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    first: dict[str, int] = {}
    for article in articles:
        ids = [a for a in actor_ids.get(article.id, []) if a in names]
        share.update(set(ids))
        mentions.update(ids)
        for actor in ids:
            first.setdefault(actor, len(first))
    ranked = sorted(share, key=lambda a: (-share[a], -mentions[a], first[a]))
    chosen: list[str] = []
    for actor in ranked:
        name = names[actor]
        if not any(_overlaps(name, other) for other in chosen):
            chosen.append(name)
        if len(chosen) == _ACTORS:
            break
    return chosen


def _function(word: str) -> bool:
    """A function word as written in running text: lower case ("us", never "US")."""
    bare = word.strip("\"'“”‘’(")
    return bare.islower() and bare in STOP_WORDS


def _overlaps(name: str, other: str) -> bool:
    a, b = f" {name.casefold()} ", f" {other.casefold()} "
    return a in b or b in a
