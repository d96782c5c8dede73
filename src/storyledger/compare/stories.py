"""Group a corpus's articles into stories, and link near-duplicate (syndicated) copies.

Each article becomes one vector: the TF-IDF of its words (scikit-learn), of its headline, and
of the canonical actors it names (so "GM" and "General Motors" count as one shared actor).
Two articles are linked when their cosine similarity, discounted by the time between them
(`exp(-days / decay_days)`), reaches `StorySettings.similarity`; a story is a connected group
of links, so a story told over weeks holds together through its steps while old and new
stories with the same words stay apart. Articles at `copy_similarity` or above (word
similarity) are near-duplicates: linked to the earliest copy, never deleted. The user's
names and merges (kept by article) are applied last, so they survive regrouping when new
articles arrive.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from storyledger.model import Actor, Article, Mention, Story, StoryCopy, content_id

_CHUNK = 512


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySettings:
    """The knobs of story grouping (tuned on evals/stories; see docs/decisions.md)."""

    similarity: float = 0.13
    copy_similarity: float = 0.85
    decay_days: float = 90.0
    title_weight: float = 1.0
    actor_weight: float = 1.0


def group_stories(
    articles: Sequence[Article],
    mentions: Iterable[Mention],
    *,
    actors: Iterable[Actor] = (),
    names: Mapping[str, str] | None = None,
    merges: Iterable[tuple[str, str]] = (),
    settings: StorySettings | None = None,
) -> list[Story]:
    """Every article in exactly one story; stories ordered by their first article."""
    settings = settings or StorySettings()
    ordered = sorted(articles, key=_date_order)
    if not ordered:
        return []
    actor_ids = _actor_ids(mentions)
    words, combined = _vectors(ordered, actor_ids, settings)
    groups = _UnionFind(len(ordered))
    copies: dict[int, tuple[int, float]] = {}
    for i, j, _similarity, same_words in _similar_pairs(ordered, words, combined, settings):
        groups.union(i, j)
        if same_words >= settings.copy_similarity and j not in copies:
            copies[j] = (i, same_words)
    index = {article.id: i for i, article in enumerate(ordered)}
    for a, b in merges:
        if a in index and b in index:
            groups.union(index[a], index[b])
    names_by_actor = {actor.id: actor.name for actor in actors}
    stories = []
    for members in groups.groups():
        stories.append(_story(ordered, members, copies, actor_ids, names_by_actor, names or {}))
    return sorted(stories, key=lambda s: _date_order(ordered[index[s.articles[0]]]))


def _date_order(article: Article) -> tuple[bool, date, str]:
    return (article.published is None, article.published or date.min, article.id)


def _actor_ids(mentions: Iterable[Mention]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = defaultdict(list)
    for mention in mentions:
        if mention.kind != "place":  # a city is named in many unrelated stories
            found[mention.article].append(mention.actor_id)
    return found


def _vectors(
    articles: Sequence[Article], actor_ids: Mapping[str, list[str]], settings: StorySettings
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(word vectors, word+headline+actor vectors), rows L2-normalised."""
    words = _tfidf([article.text for article in articles])
    parts = [words]
    titles = [article.title or _first_line(article.text) for article in articles]
    if any(titles):
        parts.append(_tfidf(titles) * settings.title_weight)
    actor_docs = [actor_ids.get(article.id, []) for article in articles]
    if any(actor_docs):
        named = TfidfVectorizer(analyzer=_identity, sublinear_tf=True).fit_transform(actor_docs)
        parts.append(named * settings.actor_weight)
    return words.tocsr(), normalize(sparse.hstack(parts).tocsr())


def _tfidf(texts: list[str]) -> sparse.csr_matrix:
    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b"
    )
    try:
        return vectorizer.fit_transform(texts).tocsr()
    except ValueError:  # no word at all (every text empty or numbers only)
        return sparse.csr_matrix((len(texts), 1))


def _first_line(text: str) -> str:
    return text.lstrip().split("\n", 1)[0][:200]


def _identity(items: list[str]) -> list[str]:
    return items


def _similar_pairs(
    articles: Sequence[Article],
    words: sparse.csr_matrix,
    combined: sparse.csr_matrix,
    settings: StorySettings,
) -> Iterable[tuple[int, int, float, float]]:
    """`(earlier, later, similarity, word similarity)` of every linked pair, in chunks so a
    large corpus never needs the whole similarity matrix at once."""
    days = np.array(
        [a.published.toordinal() if a.published else -1 for a in articles], dtype=np.int64
    )
    for first in range(0, combined.shape[0], _CHUNK):
        block = (combined[first : first + _CHUNK] @ combined.T).tocoo()
        keep = (block.data >= settings.similarity) & (block.row + first < block.col)
        rows, cols, values = block.row[keep] + first, block.col[keep], block.data[keep]
        dated = (days[rows] >= 0) & (days[cols] >= 0)
        apart = np.where(dated, np.abs(days[rows] - days[cols]), 0)
        values = values * np.exp(-apart / settings.decay_days)
        near = values >= settings.similarity
        for i, j, value in zip(rows[near], cols[near], values[near], strict=True):
            same_words = float(words[i].multiply(words[j]).sum())
            yield int(i), int(j), float(value), same_words


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
        name=user or _auto_name(chosen, actor_ids, actor_names),
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


def _auto_name(
    articles: Sequence[Article], actor_ids: Mapping[str, list[str]], names: Mapping[str, str]
) -> str:
    """The first article's title (or opening words), with the story's main actors."""
    first = articles[0]
    title = first.title or " ".join(first.text.split()[:10])
    if len(title) > 90:
        title = title[:89].rsplit(" ", 1)[0] + "…"
    counts: Counter[str] = Counter()
    for article in articles:
        counts.update(set(actor_ids.get(article.id, [])))
    ranked = sorted(counts, key=lambda a: (-counts[a], names.get(a, ""), a))
    main = [names[a] for a in ranked if a in names][:3]
    return f"{title} ({', '.join(main)})" if main else title


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
