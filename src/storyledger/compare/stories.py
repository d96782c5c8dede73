"""Group a corpus's articles into stories, and link near-duplicate (syndicated) copies.

Each article becomes one vector: the TF-IDF of its words (scikit-learn), of its headline, and
of the canonical actors it names (so "GM" and "General Motors" count as one shared actor).
Articles are taken in publication order and each joins the story whose centroid (the sum of
its articles' vectors) it is most similar to, by cosine discounted by the time since that
story's latest article (`exp(-days / decay_days)`), when that reaches
`StorySettings.similarity`; otherwise it starts a story. This is the online centroid
clustering of news-stream systems: a story told over months follows its latest steps, while
one article that shares words with two stories no longer chains them together. An article at
`copy_similarity` or above (word similarity) with an earlier one is a near-duplicate: it joins
that article's story and is linked to the earliest copy, never deleted. The user's names and
merges (kept by article) are applied last, so they survive regrouping when new articles
arrive. Similarities come from sparse matrix products in chunks, so memory never holds the
whole similarity matrix.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from storyledger.compare.naming import story_name
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
    texts: Iterable[str] | None = None,
    actors: Iterable[Actor] = (),
    names: Mapping[str, str] | None = None,
    merges: Iterable[tuple[str, str]] = (),
    settings: StorySettings | None = None,
) -> list[Story]:
    """Every article in exactly one story; stories ordered by their first article. `texts`,
    when given, are the articles' full texts in the order of `articles` (read once, as a
    stream), so the articles themselves may carry only their opening."""
    settings = settings or StorySettings()
    order = sorted(range(len(articles)), key=lambda k: _date_order(articles[k]))
    ordered = [articles[k] for k in order]
    if not ordered:
        return []
    actor_ids = _actor_ids(mentions)
    texts = (article.text for article in articles) if texts is None else texts
    words, combined = _vectors(ordered, _tfidf(texts)[order], actor_ids, settings)
    labels, copies = _cluster(ordered, words, combined, settings)
    groups = _UnionFind(len(ordered))
    for i, label in enumerate(labels):
        groups.union(i, label)
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
    articles: Sequence[Article],
    words: sparse.csr_matrix,
    actor_ids: Mapping[str, list[str]],
    settings: StorySettings,
) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    """(word vectors, word+headline+actor vectors), rows L2-normalised."""
    parts = [words]
    titles = [article.title or _first_line(article.text) for article in articles]
    if any(titles):
        parts.append(_tfidf(titles) * settings.title_weight)
    actor_docs = [actor_ids.get(article.id, []) for article in articles]
    if any(actor_docs):
        named = TfidfVectorizer(analyzer=_identity, sublinear_tf=True).fit_transform(actor_docs)
        parts.append(named * settings.actor_weight)
    return words.tocsr(), normalize(sparse.hstack(parts).tocsr())


def _tfidf(texts: Iterable[str]) -> sparse.csr_matrix:
    counted: list[int] = []

    def counting() -> Iterator[str]:
        for text in texts:
            counted.append(1)
            yield text

    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b"
    )
    try:
        return vectorizer.fit_transform(counting()).tocsr()
    except ValueError:  # no word at all (every text empty or numbers only)
        return sparse.csr_matrix((len(counted), 1))


def _first_line(text: str) -> str:
    return text.lstrip().split("\n", 1)[0][:200]


def _identity(items: list[str]) -> list[str]:
    return items


def _cluster(
    articles: Sequence[Article],
    words: sparse.csr_matrix,
    combined: sparse.csr_matrix,
    settings: StorySettings,
) -> tuple[list[int], dict[int, tuple[int, float]]]:
    """Each article's story (the index of the story's first article) and the copies found
    (`later -> (earlier, word similarity)`), taking the articles in order."""
    days = np.array(
        [a.published.toordinal() if a.published else -1 for a in articles], dtype=np.int64
    )
    labels = np.arange(len(articles))
    norm2 = np.zeros(len(articles))  # squared length of each story's centroid, by label
    latest = np.full(len(articles), -1, dtype=np.int64)  # each story's latest day, by label
    copies: dict[int, tuple[int, float]] = {}
    for first in range(0, combined.shape[0], _CHUNK):
        block = (combined[first : first + _CHUNK] @ combined[: first + _CHUNK].T).tocsr()
        for offset in range(block.shape[0]):
            i = first + offset
            start, end = block.indptr[offset], block.indptr[offset + 1]
            cols, sims = block.indices[start:end], block.data[start:end]
            itself = float(sims[cols == i].sum())
            earlier = cols < i
            cols, sims = cols[earlier], sims[earlier]
            copy = _copy_of(i, cols, sims, words, settings)
            if copy is not None:
                copies[i] = copy
                label = int(labels[copy[0]])
            else:
                label = _best_story(i, labels[cols], sims, norm2, latest, days, settings)
            labels[i] = label
            together = float(sims[labels[cols] == label].sum()) if label != i else 0.0
            norm2[label] += 2 * together + itself
            latest[label] = max(latest[label], days[i])
    return labels.tolist(), copies


def _copy_of(
    i: int,
    cols: np.ndarray,
    sims: np.ndarray,
    words: sparse.csr_matrix,
    settings: StorySettings,
) -> tuple[int, float] | None:
    """The earliest earlier article whose words article i repeats (a syndicated copy)."""
    candidates = np.sort(cols[sims >= settings.copy_similarity / 2])
    if not len(candidates):
        return None
    same = (words[candidates] @ words[i].T).toarray().ravel()
    hits = np.flatnonzero(same >= settings.copy_similarity)
    return (int(candidates[hits[0]]), float(same[hits[0]])) if len(hits) else None


def _best_story(
    i: int,
    story_of: np.ndarray,
    sims: np.ndarray,
    norm2: np.ndarray,
    latest: np.ndarray,
    days: np.ndarray,
    settings: StorySettings,
) -> int:
    """The story whose time-discounted centroid similarity to article i is highest and
    reaches the threshold, or i itself (a new story)."""
    if not len(sims):
        return i
    stories, position = np.unique(story_of, return_inverse=True)
    values = np.bincount(position, weights=sims) / np.sqrt(np.maximum(norm2[stories], 1e-12))
    last = latest[stories]
    dated = (last >= 0) & (days[i] >= 0)
    apart = np.where(dated, np.abs(days[i] - last), 0)
    values = values * np.exp(-apart / settings.decay_days)
    best = int(np.argmax(values))
    return int(stories[best]) if values[best] >= settings.similarity else i


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
