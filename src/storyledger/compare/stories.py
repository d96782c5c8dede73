"""Group a corpus's articles into stories, and link near-duplicate (syndicated) copies.

Each article becomes seven TF-IDF vectors (scikit-learn's weighting), one per kind of
evidence: its words, its headline with its lead (the first sentence, where a report states
its main event), the words of the people it names, of the other names (organisations,
groups), of the places, its figures with what they count, and the dates it
names (`compare.when`). Articles are taken in publication order (batch by batch as they
arrived, `compare.grouping`, which keeps the state) and each joins a story or starts one. What
tells two events of one kind apart is who (the people named), when (the dates, and two dated
reports published together) and the figures, more than the words a beat shares: a pair model
(`compare.story_model`, fitted on half of ECB+) weighs each block's cosine, and its log-odds
averaged over a story's articles decide, behind the old centroid test (the weighted mean of
the blocks' centroid cosines, discounted by the time since the story's latest article) as a
gate. After each batch, stories the batch touched are merged while two of them pass the gate
and the pair model, averaged over every pair of their articles, gives even odds or better in
log-odds and in probability (average linkage over whole stories). An article at
`copy_similarity` or above (word similarity) with an earlier one is a
near-duplicate: it joins that article's story and is linked to the earliest copy, never
deleted. The user's names and merges (kept by article) are applied last, so they survive
regrouping when new articles arrive. Similarities come from sparse matrix products in chunks,
so memory never holds the whole similarity matrix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import cast

from storyledger.compare.grouping import Grouping, add_batch, settings_key, word_terms
from storyledger.compare.naming import story_name
from storyledger.compare.story_model import StorySettings
from storyledger.compare.when import date_terms
from storyledger.compare.words import STOP_WORDS as STOP
from storyledger.compare.words import stem, tokens
from storyledger.model import Actor, Article, Figure, Mention, Story, StoryCopy, content_id

_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'])")
_LEAD_CHARS = 400


def group_stories(
    articles: Sequence[Article],
    mentions: Iterable[Mention],
    *,
    texts: Iterable[str] | None = None,
    actors: Iterable[Actor] = (),
    figures: Iterable[Figure] = (),
    names: Mapping[str, str] | None = None,
    merges: Iterable[tuple[str, str]] = (),
    settings: StorySettings | None = None,
    batches: Sequence[Sequence[str]] = (),
) -> list[Story]:
    """Every article in exactly one story; stories ordered by their first article. `texts`,
    when given, are the articles' full texts in the order of `articles` (read once, as a
    stream), so the articles themselves may carry only their opening. `batches` are the
    article ids of earlier arrivals, in order (see `compare.grouping`); the articles in none
    of them come last, as one batch."""
    mentions = list(mentions)
    grouping = grow(
        None, articles, mentions, figures, texts=texts, settings=settings, batches=batches
    )
    return stories_of(grouping, articles, mentions, actors=actors, names=names, merges=merges)


def grow(
    grouping: Grouping | None,
    articles: Sequence[Article],
    mentions: Iterable[Mention],
    figures: Iterable[Figure],
    *,
    texts: Iterable[str] | None = None,
    settings: StorySettings | None = None,
    batches: Sequence[Sequence[str]] = (),
) -> Grouping:
    """`grouping` (None: an empty one) with `articles` added: first the articles of each of
    `batches` in turn, then the others as one batch, each batch in publication order."""
    settings = settings or StorySettings()
    grouping = grouping or Grouping(settings=settings_key(settings))
    texts = (article.text for article in articles) if texts is None else texts
    docs = _documents(articles, texts, mentions, figures)
    index = {article.id: k for k, article in enumerate(articles)}
    seen = set(grouping.ids)
    rounds = [[index[a] for a in batch if a in index and a not in seen] for batch in batches]
    placed = {k for batch in rounds for k in batch}
    rounds.append([k for k in range(len(articles)) if k not in placed])
    for batch in rounds:
        if not batch:
            continue
        batch.sort(key=lambda k: _date_order(articles[k]))
        chosen = [articles[k] for k in batch]
        add_batch(
            grouping,
            [article.id for article in chosen],
            [a.published.toordinal() if a.published else -1 for a in chosen],
            [[found[k] for k in batch] for found in docs],
            settings.scoring(),
        )
    return grouping


def story_groups(grouping: Grouping, merges: Iterable[tuple[str, str]] = ()) -> list[list[int]]:
    """The members (indices into `grouping.ids`) of each story: the grouping's labels joined,
    then the user's merges (kept by article, so they survive regrouping)."""
    groups = _UnionFind(len(grouping.ids))
    for i, label in enumerate(grouping.labels.tolist()):
        groups.union(i, label)
    index = {article: i for i, article in enumerate(grouping.ids)}
    for a, b in merges:
        if a in index and b in index:
            groups.union(index[a], index[b])
    return groups.groups()


def stories_of(
    grouping: Grouping,
    articles: Sequence[Article],
    mentions: Iterable[Mention],
    *,
    actors: Iterable[Actor] = (),
    names: Mapping[str, str] | None = None,
    merges: Iterable[tuple[str, str]] = (),
    only: Iterable[list[int]] | None = None,
) -> list[Story]:
    """The stories of a grouping holding exactly `articles`, the user's merges applied last
    and the user's names kept. With `only` (members, from `story_groups`), just those
    stories are built, and `articles` and `mentions` need hold only theirs."""
    by_id = {article.id: article for article in articles}
    ordered = cast(list[Article], [by_id.get(article) for article in grouping.ids])
    if not ordered:
        return []
    actor_ids = _actor_ids(mentions)
    groups = story_groups(grouping, merges) if only is None else list(only)
    names_by_actor = {actor.id: actor.name for actor in actors}
    stories = []
    for members in groups:
        stories.append(
            _story(ordered, members, grouping.copies, actor_ids, names_by_actor, names or {})
        )
    index = {article: i for i, article in enumerate(grouping.ids)}
    return sorted(stories, key=lambda s: _date_order(ordered[index[s.articles[0]]]))


def _date_order(article: Article) -> tuple[bool, date, str]:
    return (article.published is None, article.published or date.min, article.id)


def _actor_ids(mentions: Iterable[Mention]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        if mention.kind != "place":  # a city is named in many unrelated stories
            found[mention.article].append(mention.actor_id)
    return found


def _documents(
    articles: Sequence[Article],
    texts: Iterable[str],
    mentions: Iterable[Mention],
    figures: Iterable[Figure],
) -> list[list[list[str]]]:
    """The terms of each evidence block of each article: the words, the headline with the
    lead, the words of the people, of the other names (organisations, groups), of the
    places, the figures with what they count, and the dates named. Names and places are told
    apart by the model's label, which the store never rewrites, so an article's terms are its
    own: they do not move when the corpus's actors are regrouped."""
    index = {article.id: i for i, article in enumerate(articles)}
    people: list[list[str]] = [[] for _ in articles]
    names: list[list[str]] = [[] for _ in articles]
    places: list[list[str]] = [[] for _ in articles]
    for mention in mentions:
        if mention.article in index:
            found = places if mention.label in _PLACE_LABELS else names
            found = people if mention.label == "PERSON" else found
            found[index[mention.article]] += [w for w in tokens(mention.text) if w not in STOP]
    counted: list[list[str]] = [[] for _ in articles]
    for figure in figures:
        if figure.article in index and figure.value is not None:
            what = stem(figure.counted.lower()) if figure.counted else ""
            counted[index[figure.article]].append(f"{figure.value:g}|{what}")
    words, dates, leads = [], [], []
    for article, text in zip(articles, texts, strict=True):
        leads.append(lead(text))
        words.append(word_terms(text))
        dates.append(date_terms(f"{article.title or ''}\n{text}", article.published))
    titles = [
        word_terms(f"{article.title or _first_line(article.text)}\n{first}")
        for article, first in zip(articles, leads, strict=True)
    ]
    return [words, titles, people, names, places, counted, dates]


def _first_line(text: str) -> str:
    return text.lstrip().split("\n", 1)[0][:200]


def lead(text: str) -> str:
    """The article's first sentence (its lead, which in a news report states the main event:
    who did what, where and when), at most `_LEAD_CHARS` characters."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0][:_LEAD_CHARS]


def _story(
    articles: Sequence[Article],
    members: list[int],
    copies: Mapping[int, tuple[int, float]],
    actor_ids: Mapping[str, list[str]],
    actor_names: Mapping[str, str],
    user_names: Mapping[str, str],
) -> Story:
    chosen = [articles[i] for i in sorted(members)]
    ids = tuple(article.id for article in chosen)
    user = next((user_names[i] for i in ids if i in user_names), None)
    dates = [article.published for article in chosen if article.published]
    return Story(
        id=content_id("story", ids[0]),
        name=user or story_name(chosen, actor_ids, actor_names),
        name_source="user" if user else "auto",
        articles=ids,
        copies=tuple(
            StoryCopy(
                article=articles[i].id,
                copy_of=articles[_root(i, copies)].id,
                similarity=round(copies[i][1], 3),
            )
            for i in sorted(members)
            if i in copies
        ),
        first_published=min(dates) if dates else None,
        last_published=max(dates) if dates else None,
    )


def _root(i: int, copies: Mapping[int, tuple[int, float]]) -> int:
    while i in copies:
        i = copies[i][0]
    return i


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        found: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            found[self.find(i)].append(i)
        return list(found.values())
