"""The model's word embeddings, memoised: each distinct token's embedding is computed once.

A spaCy token-to-vector layer (`spacy.Tok2Vec.v2`) has two halves: an embedding of each token
alone (hash tables over its NORM, PREFIX, SUFFIX and SHAPE, mixed by a maxout layer) and a
convolutional encoder over neighbouring tokens. The first half depends on nothing but the
token's feature values, yet a plain pipeline recomputes it for every occurrence of every word:
in `en_core_web_sm` that is about a third of each of its two token-to-vector layers (the shared
one and the entity recogniser's own). `EmbeddingMemo` stands in for that half at prediction
time: per batch it finds the distinct feature rows, looks each up in a table of rows already
embedded, runs the real hash tables and mixer on the new ones only, and gathers the results.
Rows are computed one by one the same way as in a batch, so the vectors are bitwise equal to
the plain layer's (`tests/test_token_vectors.py`). The table holds at most `capacity` rows;
beyond it new rows are computed and not kept. Training (`is_train`) runs the plain layer.
A layer that embeds anything else (static vectors, another architecture) is left as it is.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import numpy as np
from spacy.language import Language
from thinc.api import Model, NumpyOps

CAPACITY = 1 << 17
"""Distinct rows kept per layer: 131,072 x 96 floats = 48 MB at most."""

_PARTS = ("extract_features", "list2ragged", "with_array", "with_array", "ragged2list")


class EmbeddingMemo:
    """The embedding half of one token-to-vector layer, remembering each row it embeds."""

    def __init__(self, embed: Model, capacity: int = CAPACITY) -> None:
        extract, _to_ragged, tables, mixer, _to_list = embed.layers
        self.embed = embed
        self.extract = extract
        self.tables = tables.layers[0]
        self.mixer = mixer.layers[0]
        self.capacity = capacity
        self.width = embed.get_dim("nO")
        self.rows: dict[bytes, int] = {}
        self.vectors = np.zeros((min(capacity, 4096), self.width), dtype="float32")

    def __call__(self, docs: list, is_train: bool) -> tuple[list, Callable]:
        if is_train:
            return self.embed(docs, is_train)
        features = self.extract.predict(docs)
        lengths = [len(rows) for rows in features]
        if not sum(lengths):
            return self.embed(docs, is_train)
        rows = np.ascontiguousarray(np.concatenate(features))
        vectors = self.embedded(rows)
        return list(_split(vectors, lengths)), _no_backprop

    def embedded(self, rows: np.ndarray) -> np.ndarray:
        """The embedding of each feature row (`n x attrs` integers) as `n x width`."""
        keys = rows.view(np.dtype((np.void, rows.dtype.itemsize * rows.shape[1]))).ravel()
        distinct, first, inverse = np.unique(keys, return_index=True, return_inverse=True)
        where = np.fromiter(
            (self.rows.get(key.tobytes(), -1) for key in distinct), "int64", len(distinct)
        )
        vectors = np.empty((len(distinct), self.width), dtype="float32")
        known = where >= 0
        vectors[known] = self.vectors[where[known]]
        new = np.flatnonzero(~known)
        if len(new):
            computed = self.mixer.predict(self.tables.predict(rows[first[new]]))
            vectors[new] = computed
            self._keep(distinct[new], computed)
        return vectors[inverse.ravel()]

    def _keep(self, keys: np.ndarray, computed: np.ndarray) -> None:
        """Remember as many new rows as the capacity allows."""
        start = len(self.rows)
        kept = max(0, min(len(keys), self.capacity - start))
        if start + kept > len(self.vectors):
            grown = np.zeros((min(self.capacity, 2 * (start + kept)), self.width), "float32")
            grown[:start] = self.vectors[:start]
            self.vectors = grown
        self.vectors[start : start + kept] = computed[:kept]
        for offset, key in enumerate(keys[:kept]):
            self.rows[key.tobytes()] = start + offset


def memoise_embeddings(nlp: Language, capacity: int = CAPACITY) -> Language:
    """Put an `EmbeddingMemo` in place of every initialised pure hash embedding of the pipeline
    (in place)."""
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if not isinstance(model, Model) or not isinstance(model.ops, NumpyOps):
            continue
        found = [node for node in model.walk() if is_hash_embedding(node)]
        for embed in [node for node in found if node.has_dim("nO")]:
            memo = EmbeddingMemo(embed, capacity)
            model.replace_node(
                embed,
                Model(
                    "memoised_embed",
                    lambda _model, docs, is_train, memo=memo: memo(docs, is_train),
                    layers=[embed],
                    dims={"nO": memo.width},
                    attrs={"memo": memo},
                ),
            )
    return nlp


def is_hash_embedding(node: Model) -> bool:
    """Whether `node` is spaCy's MultiHashEmbed without static vectors: features, then hash
    tables side by side, then a mixer, so that each output row depends on its input row only."""
    parts = [layer.name.split("(")[0] for layer in node.layers]
    if parts != list(_PARTS):
        return False
    tables, mixer = node.layers[2].layers, node.layers[3].layers
    if len(tables) != 1 or len(mixer) != 1:
        return False
    branches = tables[0].layers if "|" in tables[0].name else [tables[0]]
    per_token = {"ints-getitem", "hashembed"}
    return all(
        {layer.name for layer in branch.walk()} <= per_token | {branch.name} for branch in branches
    ) and all(
        layer.name in {"maxout", "layernorm", "dropout"} or ">>" in layer.name
        for layer in mixer[0].walk()
    )


def memos(nlp: Language) -> list[EmbeddingMemo]:
    """The embedding memos in the pipeline's models (for tests and statistics)."""
    found = []
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            found += [n.attrs["memo"] for n in model.walk() if n.name == "memoised_embed"]
    return found


def _split(vectors: np.ndarray, lengths: list[int]) -> Iterator[np.ndarray]:
    at = 0
    for length in lengths:
        yield vectors[at : at + length]
        at += length


def _no_backprop(_gradient: Any) -> Any:
    raise NotImplementedError("the memoised embedding predicts only; train the plain model")
