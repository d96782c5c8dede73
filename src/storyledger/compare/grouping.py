"""The online story grouping's state: what a new batch of articles needs to join stories.

Articles arrive in batches (the articles analysed between two refreshes). A batch is taken in
publication order, each article's evidence blocks (`compare.stories`) are TF-IDF vectors
weighted by the document frequencies of every article seen so far (this batch included), and
each article joins the best story or starts one. What the next batch needs is kept here: the
vocabulary and document frequency of each block, every article's block vectors (fixed at
arrival, as topic detection and tracking systems freeze IDF), each story's centroid length by
block, size, count of articles with evidence in each block and latest day, and the copies
found. A full recompute replays the same batches in the same order, so it equals the
incremental result by construction; with one batch (a fresh store, an eval, a batch import)
this is the plain batch grouping, IDF over the whole corpus.

`to_bytes`/`from_bytes` turn the state into one NumPy archive (no pickle) for the store.
"""

from __future__ import annotations

import io
import json
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

BLOCKS = 7
_CHUNK = 512
_WORDS = TfidfVectorizer(
    stop_words="english", token_pattern=r"(?u)\b[^\W\d_][\w'-]+\b"
).build_analyzer()


def word_terms(text: str) -> list[str]:
    """The words of a text as the words and headline blocks count them (scikit-learn's
    analyzer: lower case, English stop words out)."""
    return list(_WORDS(text))


@dataclass(slots=True)
class Grouping:
    """The state of the online grouping after some batches (see the module docstring)."""

    settings: dict[str, float]
    ids: list[str] = field(default_factory=list)
    days: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    vocab: list[dict[str, int]] = field(default_factory=lambda: [{} for _ in range(BLOCKS)])
    df: list[list[int]] = field(default_factory=lambda: [[] for _ in range(BLOCKS)])
    blocks: list[sparse.csr_matrix] = field(
        default_factory=lambda: [sparse.csr_matrix((0, 0)) for _ in range(BLOCKS)]
    )
    labels: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    norm2: np.ndarray = field(default_factory=lambda: np.zeros((BLOCKS, 0)))
    counts: np.ndarray = field(default_factory=lambda: np.zeros((BLOCKS + 1, 0)))
    latest: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    copies: dict[int, tuple[int, float]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Scoring:
    """How an article is scored against a story (`_best_story`): the gate (a weighted mean
    of centroid cosines, one weight per block, and its threshold) and the pair model (its
    intercept, a weight per block for the cosine of two articles' block vectors and one for
    both having evidence in the block, a factor for two dated reports, its threshold, and
    the higher one at which an article that reaches two stories makes them one, and the one
    at which two stories are made one after a batch, `_link`), and the mean log-odds with its
    `attach_k` nearest articles at which a lone report joins a story (`_attach`)."""

    gate: tuple[float, ...]
    similarity: float
    bias: float
    cosine: tuple[float, ...]
    both: tuple[float, ...]
    time_bonus: float
    threshold: float
    merge: float
    link: float
    agree: float
    attach: float
    attach_k: int
    copy_similarity: float
    decay_days: float


def add_batch(
    grouping: Grouping,
    ids: Sequence[str],
    days: Sequence[int],
    docs: Sequence[Sequence[list[str]]],
    scoring: Scoring,
) -> None:
    """Add one batch, already in publication order: `docs[b][k]` are the terms of block b of
    its k-th article, `days` their ordinal days (-1 when undated)."""
    start = len(grouping.ids)
    grouping.ids.extend(ids)
    grouping.days = np.concatenate([grouping.days, np.asarray(days, dtype=np.int64)])
    for b in range(BLOCKS):
        grouping.blocks[b] = _grow(grouping, b, docs[b])
    size = len(grouping.ids)
    grouping.labels = np.concatenate([grouping.labels, np.arange(start, size)])
    grouping.norm2 = np.hstack([grouping.norm2, np.zeros((BLOCKS, size - start))])
    grouping.counts = np.hstack([grouping.counts, np.zeros((BLOCKS + 1, size - start))])
    grouping.latest = np.concatenate([grouping.latest, np.full(size - start, -1, np.int64)])
    _cluster(grouping, start, scoring)
    _link(grouping, start, scoring)
    _attach(grouping, start, scoring)


def _grow(grouping: Grouping, b: int, docs: Sequence[list[str]]) -> sparse.csr_matrix:
    """Block b's matrix with the new articles' rows: sublinear TF times smooth IDF (as
    scikit-learn's `TfidfVectorizer`), rows L2-normalised."""
    vocab, df = grouping.vocab[b], grouping.df[b]
    counted = [Counter(doc) for doc in docs]
    for counts in counted:
        for term in counts:
            column = vocab.setdefault(term, len(vocab))
            if column == len(df):
                df.append(0)
            df[column] += 1
    size = len(grouping.ids)
    idf = np.log((1 + size) / (1 + np.asarray(df, dtype=np.float64))) + 1
    indptr, indices, data = [0], [], []
    for counts in counted:
        columns = sorted(vocab[term] for term in counts)
        terms = {vocab[term]: count for term, count in counts.items()}
        indices += columns
        data += [(math.log(terms[c]) + 1) * idf[c] for c in columns]
        indptr.append(len(indices))
    width = len(vocab)
    rows = sparse.csr_matrix(
        (np.asarray(data, dtype=np.float64), np.asarray(indices, dtype=np.int32), indptr),
        shape=(len(docs), width),
    )
    old = grouping.blocks[b]
    old = sparse.csr_matrix((old.data, old.indices, old.indptr), shape=(old.shape[0], width))
    return sparse.vstack([old, _unit_rows(rows)], format="csr")


def _unit_rows(rows: sparse.csr_matrix) -> sparse.csr_matrix:
    """Rows scaled to length 1 (empty rows stay empty), as scikit-learn's `normalize`."""
    lengths = np.sqrt(np.asarray(rows.multiply(rows).sum(axis=1)).ravel())
    lengths[lengths == 0] = 1.0
    rows.data /= np.repeat(lengths, np.diff(rows.indptr))
    return rows


def _cluster(grouping: Grouping, start: int, scoring: Scoring) -> None:
    """Each new article's story (the index of the story's first article) and its copy, if
    any (`later -> (earlier, word similarity)`). Kept for each story: the squared length of
    each block's centroid, its size and how many of its articles have evidence in each
    block."""
    labels, norm2, latest, days = grouping.labels, grouping.norm2, grouping.latest, grouping.days
    counts = grouping.counts
    for first in range(start, len(grouping.ids), _CHUNK):
        end = first + _CHUNK
        products = [(block[first:end] @ block[:end].T).tocsr() for block in grouping.blocks]
        for offset in range(products[0].shape[0]):
            i = first + offset
            rows = [_earlier(product, offset, i) for product in products]
            copy = _copy_of(*rows[0][:2], scoring.copy_similarity)
            if copy is not None:
                grouping.copies[i] = copy
                label = int(labels[copy[0]])
            else:
                label, other = _best_story(i, grouping, rows, scoring)
            labels[i] = label
            counts[0, label] += 1
            for b, (cols, sims, itself) in enumerate(rows):
                together = float(sims[labels[cols] == label].sum()) if label != i else 0.0
                norm2[b, label] += 2 * together + itself
                counts[b + 1, label] += itself > 0
            latest[label] = max(latest[label], days[i])
            if copy is None and other >= 0:
                _merge(grouping, label, other, i, scoring)


def _earlier(
    product: sparse.csr_matrix, offset: int, i: int
) -> tuple[np.ndarray, np.ndarray, float]:
    """(earlier articles, their similarities to article i, i's similarity to itself)."""
    start, end = product.indptr[offset], product.indptr[offset + 1]
    cols, sims = product.indices[start:end], product.data[start:end]
    earlier = cols < i
    return cols[earlier], sims[earlier], float(sims[cols == i].sum())


def _copy_of(cols: np.ndarray, sims: np.ndarray, threshold: float) -> tuple[int, float] | None:
    """The earliest earlier article whose words an article repeats (a syndicated copy)."""
    hits = np.flatnonzero(sims >= threshold)
    if not len(hits):
        return None
    first = hits[np.argmin(cols[hits])]
    return int(cols[first]), float(sims[first])


def _best_story(
    i: int,
    grouping: Grouping,
    rows: Sequence[tuple[np.ndarray, np.ndarray, float]],
    scoring: Scoring,
) -> tuple[int, int]:
    """The story the pair model scores highest for article i, among those that pass the
    gate and reach the model's threshold, or i itself (a new story); and the runner-up when
    it does too, else -1 (`_merge` then asks whether the two are one story, which an online
    grouping, taking articles one by one, would otherwise keep split).

    The gate is the old centroid test: the weighted mean, over the blocks where article i has
    any evidence, of the cosines of its blocks with the story's centroids. The pair model's
    log-odds are averaged over the story's articles (group-average linkage, online: the sum
    of the products with the story's articles over its size): the cosines of the two
    articles' blocks, weighted, and for each block where both have evidence a weight of its
    own (two reports that both name people, none the same, speak of two events). The
    positive evidence is discounted by the days since the story's latest article and raised
    by `time_bonus` when both are dated (reports of one event are published together)."""
    labels, days, norm2, counts = grouping.labels, grouping.days, grouping.norm2, grouping.counts
    touched = [labels[cols] for cols, _sims, _itself in rows]
    if not any(len(found) for found in touched):
        return i, -1
    stories = np.unique(np.concatenate(touched))
    sizes = counts[0, stories]
    present = np.array([itself > 0 for _cols, _sims, itself in rows])
    gate = np.asarray(scoring.gate) * present
    gate /= max(float(gate.sum()), 1e-12)
    centroid, pairs = np.zeros(len(stories)), np.zeros(len(stories))
    for b, ((_cols, sims, _itself), story_of) in enumerate(zip(rows, touched, strict=True)):
        if len(sims):
            position = np.searchsorted(stories, story_of)
            summed = np.bincount(position, weights=sims, minlength=len(stories))
            centroid += gate[b] * summed / np.sqrt(np.maximum(norm2[b, stories], 1e-12))
            pairs += scoring.cosine[b] * summed / sizes
    last = grouping.latest[stories]
    dated = (last >= 0) & (days[i] >= 0)
    recent = np.exp(-np.where(dated, np.abs(days[i] - last), 0) / scoring.decay_days)
    values = scoring.bias + pairs * recent * (1 + scoring.time_bonus * dated)
    for b in np.flatnonzero(present):
        values += scoring.both[b] * counts[b + 1, stories] / sizes
    values[(centroid * recent < scoring.similarity) | (values < scoring.threshold)] = -np.inf
    order = np.argsort(-values, kind="stable")
    best = int(order[0])
    if not np.isfinite(values[best]):
        return i, -1
    second = int(order[1]) if len(order) > 1 else -1
    if second >= 0 and np.isfinite(values[second]):
        return int(stories[best]), int(stories[second])
    return int(stories[best]), -1


def _merge(grouping: Grouping, label: int, other: int, i: int, scoring: Scoring) -> None:
    """Stories `label` (which article i has just joined) and `other`, both within its reach,
    made one when the pair model, averaged over every pair of their other articles, scores
    them at `scoring.merge` or above: one article that reaches two unrelated stories does not
    join them, two halves of one story do. The later story's articles take the earlier one's
    label, and the centroids, counts and latest day are added up (the squared length of a
    sum of two centroids needs their product)."""
    labels = grouping.labels
    a = np.flatnonzero(labels[:i] == label)
    b = np.flatnonzero(labels[:i] == other)
    if not len(a) or not len(b) or _story_pair(grouping, a, b, scoring) < scoring.merge:
        return
    keep, gone = min(label, other), max(label, other)
    a = np.flatnonzero(labels[: i + 1] == keep)
    b = np.flatnonzero(labels[: i + 1] == gone)
    for k, block in enumerate(grouping.blocks):
        cross = float((block[a] @ block[b].T).sum())
        grouping.norm2[k, keep] += grouping.norm2[k, gone] + 2 * cross
    grouping.counts[:, keep] += grouping.counts[:, gone]
    grouping.latest[keep] = max(grouping.latest[keep], grouping.latest[gone])
    labels[b] = keep


def _story_pair(grouping: Grouping, a: np.ndarray, b: np.ndarray, scoring: Scoring) -> float:
    """The pair model's log-odds averaged over the pairs of articles `a` x `b`."""
    pairs = len(a) * len(b)
    value = scoring.bias
    first, second = grouping.days[a].max(), grouping.days[b].max()
    dated = first >= 0 and second >= 0
    recent = float(np.exp(-abs(first - second) / scoring.decay_days)) if dated else 1.0
    for k, block in enumerate(grouping.blocks):
        cross = float((block[a] @ block[b].T).sum())
        value += scoring.cosine[k] * cross / pairs * recent * (1 + scoring.time_bonus * dated)
        filled = np.diff(block.indptr) > 0
        value += scoring.both[k] * float(filled[a].sum() * filled[b].sum()) / pairs
    return value


def to_bytes(grouping: Grouping) -> bytes:
    """The state as one NumPy archive (JSON for the ids and vocabularies)."""
    meta = {
        "settings": grouping.settings,
        "ids": grouping.ids,
        "vocab": [sorted(v, key=v.__getitem__) for v in grouping.vocab],
    }
    arrays: dict[str, np.ndarray] = {
        "meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
        "days": grouping.days,
        "labels": grouping.labels,
        "norm2": grouping.norm2,
        "counts": grouping.counts,
        "latest": grouping.latest,
        "copies": np.array(
            [(i, j, s) for i, (j, s) in sorted(grouping.copies.items())], dtype=np.float64
        ).reshape(-1, 3),
    }
    for b, block in enumerate(grouping.blocks):
        arrays[f"df{b}"] = np.asarray(grouping.df[b], dtype=np.int64)
        arrays[f"data{b}"], arrays[f"indices{b}"] = block.data, block.indices
        arrays[f"indptr{b}"] = block.indptr
        arrays[f"shape{b}"] = np.asarray(block.shape, dtype=np.int64)
    out = io.BytesIO()
    np.savez(out, **arrays)
    return out.getvalue()


def from_bytes(raw: bytes) -> Grouping:
    """The state `to_bytes` wrote."""
    found = np.load(io.BytesIO(raw), allow_pickle=False)
    meta = json.loads(found["meta"].tobytes().decode())
    copies = found["copies"]
    return Grouping(
        settings=meta["settings"],
        ids=meta["ids"],
        days=found["days"],
        vocab=[{term: k for k, term in enumerate(terms)} for terms in meta["vocab"]],
        df=[found[f"df{b}"].tolist() for b in range(BLOCKS)],
        blocks=[
            sparse.csr_matrix(
                (found[f"data{b}"], found[f"indices{b}"], found[f"indptr{b}"]),
                shape=tuple(found[f"shape{b}"]),
            )
            for b in range(BLOCKS)
        ],
        labels=found["labels"],
        norm2=found["norm2"],
        counts=found["counts"],
        latest=found["latest"],
        copies={int(i): (int(j), float(s)) for i, j, s in copies},
    )


def stored_settings(raw: bytes) -> dict[str, float]:
    """The settings a stored state was made with, read without the rest (a state of other
    settings, or of an older layout, is replayed, never loaded)."""
    found = np.load(io.BytesIO(raw), allow_pickle=False)
    return dict(json.loads(found["meta"].tobytes().decode())["settings"])


def settings_key(settings: object) -> dict[str, float]:
    """The settings a state was made with (a state is reused only with the same ones)."""
    return {key: float(value) for key, value in asdict(settings).items()}  # type: ignore[call-overload]


def _link(grouping: Grouping, start: int, scoring: Scoring) -> None:
    """Stories made one after a batch, as agglomerative clustering with average linkage does:
    while the best pair of stories, one of them holding an article of this batch, passes the
    gate (as `_best_story`'s, with the two centroids) and scores `scoring.link` or above (the
    pair model averaged over every pair of their articles, as `_story_pair`), the two are
    merged and scored again. Unlike an article's, a story's cosines get no `time_bonus`:
    two stories whose latest reports are near in time are not reports published together.
    Online grouping takes articles one by one, so two halves of one event whose first
    reports did not reach each other stay apart; this pass looks at whole stories. Only
    stories that share a term are paired. It reads the batch's stories alone (the cost grows
    with them, not with the store), and a full recompute replays the same batches, so it
    gives the same stories."""
    labels = grouping.labels
    if start >= len(labels):
        return
    stories = np.unique(labels)
    position = np.searchsorted(stories, labels)
    members = sparse.csr_matrix(
        (np.ones(len(labels)), (position, np.arange(len(labels)))),
        shape=(len(stories), len(labels)),
    )
    sums = [(members @ block).tocsr() for block in grouping.blocks]
    group = np.arange(len(stories))
    touched = np.unique(position[start:])
    found = [(block[touched] @ block.T).tocsr() for block in sums]
    total = sparse.csr_matrix((len(touched), len(stories)))
    for cross in found:
        total = total + abs(cross)
    total = total.tocoo()
    one, other = touched[total.row], total.col
    keep = (total.data > 0) & (one != other) & ~(np.isin(other, touched) & (other < one))
    one, other, rows, cols = one[keep], other[keep], total.row[keep], total.col[keep]
    crosses = np.vstack([np.asarray(cross[rows, cols]).ravel() for cross in found])
    pairs = _Pairs(np.minimum(one, other), np.maximum(one, other), crosses.reshape(BLOCKS, -1))
    while len(pairs.first):
        values = _linkage(pairs, grouping, stories, scoring)
        values[pairs.refused] = -np.inf
        best = int(np.argmax(values))
        if values[best] < scoring.link:
            return
        kept, gone = int(pairs.first[best]), int(pairs.second[best])
        together = [np.flatnonzero(group == kept), np.flatnonzero(group == gone)]
        articles = [np.flatnonzero(np.isin(position, rows)) for rows in together]
        if _agreement(grouping, *articles, scoring) < scoring.agree:
            pairs.refused[best] = True
            continue
        held = [
            [np.asarray(block[rows].sum(axis=0)).ravel() for block in sums] for rows in together
        ]
        a, b = stories[kept], stories[gone]
        for k in range(BLOCKS):
            grouping.norm2[k, a] += grouping.norm2[k, b] + 2 * float(held[0][k] @ held[1][k])
        grouping.counts[:, a] += grouping.counts[:, b]
        grouping.latest[a] = max(grouping.latest[a], grouping.latest[b])
        group[together[1]] = kept
        labels[np.isin(position, together[1])] = a
        merged = [sums[k] @ (held[0][k] + held[1][k]) for k in range(BLOCKS)]
        by_story = [np.bincount(group, weights=row, minlength=len(stories)) for row in merged]
        pairs.replace(kept, gone, np.vstack(by_story))


@dataclass(slots=True)
class _Pairs:
    """Candidate story pairs (`first` < `second`, positions) and, by block, the sums of their
    articles' cosines over every pair of their articles (the product of their centroids)."""

    first: np.ndarray
    second: np.ndarray
    cross: np.ndarray
    refused: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.refused = np.zeros(len(self.first), dtype=bool)

    def replace(self, kept: int, gone: int, rows: np.ndarray) -> None:
        """Drop the pairs of two merged stories; add the merged story's (`rows`, by block and
        story)."""
        out = np.isin(self.first, (kept, gone)) | np.isin(self.second, (kept, gone))
        rows[:, [kept, gone]] = 0
        others = np.flatnonzero(np.abs(rows).sum(axis=0) > 0)
        self.first = np.concatenate([self.first[~out], np.minimum(others, kept)])
        self.second = np.concatenate([self.second[~out], np.maximum(others, kept)])
        self.cross = np.hstack([self.cross[:, ~out], rows[:, others]])
        self.refused = np.concatenate([self.refused[~out], np.zeros(len(others), dtype=bool)])


def _agreement(grouping: Grouping, a: np.ndarray, b: np.ndarray, scoring: Scoring) -> float:
    """The pair model's mean probability over the pairs of articles `a` x `b`: the share of
    pairs it takes for one story. Unlike the mean log-odds, one article bridging two stories
    (a few very sure pairs) cannot carry it."""
    first, second = grouping.latest[grouping.labels[a[0]]], grouping.latest[grouping.labels[b[0]]]
    dated = first >= 0 and second >= 0
    recent = float(np.exp(-abs(first - second) / scoring.decay_days)) if dated else 1.0
    values = np.full((len(a), len(b)), scoring.bias)
    for k, block in enumerate(grouping.blocks):
        cosines = (block[a] @ block[b].T).toarray()
        values += scoring.cosine[k] * cosines * recent
        filled = np.diff(block.indptr) > 0
        values += scoring.both[k] * np.outer(filled[a], filled[b])
    return float((1 / (1 + np.exp(-values))).mean())


def _linkage(
    pairs: _Pairs, grouping: Grouping, stories: np.ndarray, scoring: Scoring
) -> np.ndarray:
    """The pair model's log-odds averaged over the article pairs of each candidate pair, or
    -inf where the pair fails the gate (the weighted mean of their centroids' cosines over
    the blocks where both have evidence, discounted by the days between them)."""
    a, b = stories[pairs.first], stories[pairs.second]
    sizes, norm2 = grouping.counts, grouping.norm2
    n = sizes[0, a] * sizes[0, b]
    last_a, last_b = grouping.latest[a], grouping.latest[b]
    dated = (last_a >= 0) & (last_b >= 0)
    recent = np.exp(-np.where(dated, np.abs(last_a - last_b), 0) / scoring.decay_days)
    values = np.full(len(a), scoring.bias)
    gate, weights = np.zeros(len(a)), np.zeros(len(a))
    for k in range(BLOCKS):
        values += scoring.cosine[k] * pairs.cross[k] * recent / n
        values += scoring.both[k] * sizes[k + 1, a] * sizes[k + 1, b] / n
        both = (sizes[k + 1, a] > 0) & (sizes[k + 1, b] > 0)
        lengths = np.sqrt(np.maximum(norm2[k, a] * norm2[k, b], 1e-12))
        gate += scoring.gate[k] * both * pairs.cross[k] / lengths
        weights += scoring.gate[k] * both
    values[gate / np.maximum(weights, 1e-12) * recent < scoring.similarity] = -np.inf
    return values


def _attach(grouping: Grouping, start: int, scoring: Scoring) -> None:
    """The batch's lone reports (stories of one article) attached to a story of several, by
    their nearest neighbours (k-nearest-neighbour linking, as in topic detection and tracking):
    a story of at least `attach_k` articles scores the mean of the pair model's log-odds with
    its `attach_k` nearest articles, and a lone report joins the best story when that reaches
    `scoring.attach`. The story's average over all its articles, which `_best_story` asks,
    is carried by the reports of one event that a big story holds far from the lone report;
    its nearest reports say whether it is the same event. A story of fewer than `attach_k`
    articles is no target (its "nearest" would be all of it; MEANTIME's true lone reports
    went to such pairs). Every choice is made against the stories as they stand before the
    pass and lone reports are never targets, so a lone report attaches and two stories never
    merge through it, and the order within the batch does not matter. It runs after each
    batch on the state alone, and a full recompute replays the same batches: the same
    stories. Lone reports of earlier batches are not looked at again (later reports can
    still join them online)."""
    labels = grouping.labels
    sizes = np.bincount(labels, minlength=len(labels))
    lone = np.flatnonzero(sizes[labels[start:]] == 1) + start
    if not np.isfinite(scoring.attach) or not len(lone):
        return
    chosen: dict[int, int] = {}
    for first in range(0, len(lone), _CHUNK):
        rows = lone[first : first + _CHUNK]
        values = _pair_values(grouping, rows, scoring)
        for offset, i in enumerate(rows.tolist()):
            target = _nearest_story(values[offset], labels, sizes, scoring)
            if target >= 0:
                chosen[i] = target
    for i, target in chosen.items():
        labels[i] = target
        grouping.counts[:, target] += grouping.counts[:, i]
        grouping.latest[target] = max(grouping.latest[target], grouping.latest[i])
    for target in sorted(set(chosen.values())):
        members = np.flatnonzero(labels == target)
        for k, block in enumerate(grouping.blocks):
            summed = np.asarray(block[members].sum(axis=0)).ravel()
            grouping.norm2[k, target] = float(summed @ summed)


def _pair_values(grouping: Grouping, rows: np.ndarray, scoring: Scoring) -> np.ndarray:
    """The pair model's log-odds of articles `rows` with every article (dense, rows x all):
    each block's cosine weighted, two dated reports counted `time_bonus` more and discounted
    by the days between them, and the weights of the blocks where both have evidence."""
    days = grouping.days
    mine, all_days = days[rows][:, None], days[None, :]
    dated = (mine >= 0) & (all_days >= 0)
    recent = np.exp(-np.where(dated, np.abs(mine - all_days), 0) / scoring.decay_days)
    factor = recent * (1 + scoring.time_bonus * dated)
    values = np.full((len(rows), len(days)), scoring.bias)
    for k, block in enumerate(grouping.blocks):
        values += scoring.cosine[k] * (block[rows] @ block.T).toarray() * factor
        filled = np.diff(block.indptr) > 0
        values += scoring.both[k] * np.outer(filled[rows], filled)
    return values


def _nearest_story(
    values: np.ndarray, labels: np.ndarray, sizes: np.ndarray, scoring: Scoring
) -> int:
    """The story of at least `attach_k` (and two) articles whose `attach_k` nearest articles
    score best with a lone report, if that reaches `scoring.attach` (see `_attach`), or -1."""
    others = np.flatnonzero(sizes[labels] >= max(scoring.attach_k, 2))
    if not len(others):
        return -1
    order = others[np.argsort(-values[others], kind="stable")]
    story_of = labels[order]
    by_story = np.argsort(story_of, kind="stable")
    grouped = story_of[by_story]
    opens = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    rank = np.arange(len(grouped)) - np.repeat(opens, np.diff(np.r_[opens, len(grouped)]))
    near = by_story[rank < scoring.attach_k]
    stories, where = np.unique(story_of[near], return_inverse=True)
    means = np.bincount(where, weights=values[order[near]]) / np.bincount(where)
    best = int(np.argmax(means))
    return int(stories[best]) if means[best] >= scoring.attach else -1
