"""Group a corpus's articles into stories, and link near-duplicate (syndicated) copies.

Each article becomes five TF-IDF vectors (scikit-learn), one per kind of evidence: its words,
its headline, the words of the names it mentions (people, organisations), of the places, and
its figures with what they count. What is specific to one event (a rare name, a place, "5.4
magnitude") then weighs apart from the words a whole beat shares; IDF makes the names every
article of a beat repeats count little. Articles are taken in publication order and each joins
the story whose centroid (the sum of its articles' vectors, block by block) it is most similar
to, by the weighted mean of the blocks' cosines discounted by the time since that story's
latest article (`exp(-days / decay_days)`), when that reaches
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
from storyledger.compare.words import STOP_WORDS as STOP
from storyledger.compare.words import stem, tokens
from storyledger.model import Actor, Article, Figure, Mention, Story, StoryCopy, content_id

_CHUNK = 512


@dataclass(frozen=True, slots=True, kw_only=True)
class StorySettings:
    """The knobs of story grouping (tuned on evals/stories; see docs/decisions.md)."""

    similarity: float = 0.125
    copy_similarity: float = 0.85
    decay_days: float = 90.0
    title_weight: float = 1.0
    name_weight: float = 1.0
    place_weight: float = 0.25
    figure_weight: float = 0.5

    def weights(self) -> tuple[float, ...]:
        """The weight of each block of `_blocks`: words, headline, names, places, figures."""
        return (
            1.0,
            self.title_weight,
            self.name_weight,
            self.place_weight,
            self.figure_weight,
        )


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
) -> list[Story]:
    """Every article in exactly one story; stories ordered by their first article. `texts`,
    when given, are the articles' full texts in the order of `articles` (read once, as a
    stream), so the articles themselves may carry only their opening."""
    settings = settings or StorySettings()
    order = sorted(range(len(articles)), key=lambda k: _date_order(articles[k]))
    ordered = [articles[k] for k in order]
    if not ordered:
        return []
    mentions = list(mentions)
    actor_ids = _actor_ids(mentions)
    texts = (article.text for article in articles) if texts is None else texts
    blocks = _blocks(ordered, _tfidf(texts)[order], mentions, figures)
    labels, copies = _cluster(ordered, blocks, settings)
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


def _blocks(
    articles: Sequence[Article],
    words: sparse.csr_matrix,
    mentions: Iterable[Mention],
    figures: Iterable[Figure],
) -> list[sparse.csr_matrix]:
    """One TF-IDF block per kind of evidence, rows L2-normalised: the words, the headline,
    the words of the names (people, organisations), of the places, and the figures with what
    they count. Names are read from the mentions' own words, so a grouping never depends on
    how the store's actors were resolved."""
    index = {article.id: i for i, article in enumerate(articles)}
    names: list[list[str]] = [[] for _ in articles]
    places: list[list[str]] = [[] for _ in articles]
    for mention in mentions:
        if mention.article in index:
            found = places if mention.kind == "place" else names
            found[index[mention.article]] += [w for w in tokens(mention.text) if w not in STOP]
    counted: list[list[str]] = [[] for _ in articles]
    for figure in figures:
        if figure.article in index and figure.value is not None:
            what = stem(figure.counted.lower()) if figure.counted else ""
            counted[index[figure.article]].append(f"{figure.value:g}|{what}")
    titles = [article.title or _first_line(article.text) for article in articles]
    blocks = [words, _tfidf(titles)] + [_tfidf_items(found) for found in (names, places, counted)]
    return [normalize(block.tocsr()) for block in blocks]


def _tfidf_items(docs: list[list[str]]) -> sparse.csr_matrix:
    if not any(docs):
        return sparse.csr_matrix((len(docs), 1))
    return TfidfVectorizer(analyzer=_identity, sublinear_tf=True).fit_transform(docs).tocsr()


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
    blocks: Sequence[sparse.csr_matrix],
    settings: StorySettings,
) -> tuple[list[int], dict[int, tuple[int, float]]]:
    """Each article's story (the index of the story's first article) and the copies found
    (`later -> (earlier, word similarity)`), taking the articles in order. An article's
    similarity to a story is the weighted mean, over the evidence blocks, of the cosine of its
    block with the sum of the story's blocks (each block's centroid kept by its squared length)."""
    days = np.array(
        [a.published.toordinal() if a.published else -1 for a in articles], dtype=np.int64
    )
    weights = np.array(settings.weights())
    labels = np.arange(len(articles))
    norm2 = np.zeros((len(blocks), len(articles)))  # each story's centroid length, by block
    latest = np.full(len(articles), -1, dtype=np.int64)  # each story's latest day, by label
    copies: dict[int, tuple[int, float]] = {}
    for first in range(0, len(articles), _CHUNK):
        end = first + _CHUNK
        products = [(block[first:end] @ block[:end].T).tocsr() for block in blocks]
        for offset in range(products[0].shape[0]):
            i = first + offset
            rows = [_earlier(product, offset, i) for product in products]
            copy = _copy_of(*rows[0][:2], settings)
            if copy is not None:
                copies[i] = copy
                label = int(labels[copy[0]])
            else:
                label = _best_story(i, labels, rows, weights, norm2, latest, days, settings)
            labels[i] = label
            for b, (cols, sims, itself) in enumerate(rows):
                together = float(sims[labels[cols] == label].sum()) if label != i else 0.0
                norm2[b, label] += 2 * together + itself
            latest[label] = max(latest[label], days[i])
    return labels.tolist(), copies


def _earlier(
    product: sparse.csr_matrix, offset: int, i: int
) -> tuple[np.ndarray, np.ndarray, float]:
    """(earlier articles, their similarities to article i, i's similarity to itself)."""
    start, end = product.indptr[offset], product.indptr[offset + 1]
    cols, sims = product.indices[start:end], product.data[start:end]
    earlier = cols < i
    return cols[earlier], sims[earlier], float(sims[cols == i].sum())


def _copy_of(
    cols: np.ndarray, sims: np.ndarray, settings: StorySettings
) -> tuple[int, float] | None:
    """The earliest earlier article whose words an article repeats (a syndicated copy)."""
    hits = np.flatnonzero(sims >= settings.copy_similarity)
    if not len(hits):
        return None
    first = hits[np.argmin(cols[hits])]
    return int(cols[first]), float(sims[first])


def _best_story(
    i: int,
    labels: np.ndarray,
    rows: Sequence[tuple[np.ndarray, np.ndarray, float]],
    weights: np.ndarray,
    norm2: np.ndarray,
    latest: np.ndarray,
    days: np.ndarray,
    settings: StorySettings,
) -> int:
    """The story whose time-discounted centroid similarity to article i is highest and
    reaches the threshold, or i itself (a new story). The blocks in which article i has no
    evidence at all (no figure, no place named) are left out of its mean."""
    touched = [labels[cols] for cols, _sims, _itself in rows]
    if not any(len(found) for found in touched):
        return i
    stories = np.unique(np.concatenate(touched))
    values = np.zeros(len(stories))
    present = np.array([itself > 0 for _cols, _sims, itself in rows])
    weights = weights * present / max(float((weights * present).sum()), 1e-12)
    for b, ((_cols, sims, _itself), story_of) in enumerate(zip(rows, touched, strict=True)):
        if not len(sims) or not weights[b]:
            continue
        position = np.searchsorted(stories, story_of)
        summed = np.bincount(position, weights=sims, minlength=len(stories))
        values += weights[b] * summed / np.sqrt(np.maximum(norm2[b, stories], 1e-12))
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
