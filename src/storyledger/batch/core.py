"""The per-article core as one function from a batch of articles to a batch of table rows.

Every engine (the local process pool, Ray) and `analyze` run the same stages; this function
only flattens their records into rows: one table per record type, each row with the
`pipeline_version` and `model_version` that made it. An article whose analysis fails gets an
`error` in its `articles` row and no records, and the batch goes on. A long text is analysed
whole, as by `analyze` (parsed in pieces, `storyledger.pieces`); nothing is cut, so the
`capped_from_chars` column, kept for the fixed schema, is always empty.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import Any

from spacy.language import Language

from storyledger.model import Article
from storyledger.nlp import load_model
from storyledger.pipeline import analyse_batch, run_info
from storyledger.store.rows import RECORD_TABLES, to_row

TABLES = ("articles", *RECORD_TABLES)


@functools.cache
def shared_model() -> Language:
    """The spaCy model, loaded once per process (or per Ray actor), never per document."""
    return load_model()


def process_articles(
    articles: Sequence[Article], nlp: Language | None = None
) -> dict[str, list[dict[str, Any]]]:
    """Rows of every table for a batch of articles."""
    nlp = nlp or shared_model()
    info = run_info(nlp)
    stamp = {"pipeline_version": info.pipeline_version, "model_version": info.model_version}
    tables: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for article, analysis, error in _analysed(articles, nlp):
        stored = analysis.article if analysis is not None else article  # with its headline title
        row = {**to_row(stored), "error": error, "capped_from_chars": None}
        tables["articles"].append({**row, **stamp})
        if analysis is None:
            continue
        for name in RECORD_TABLES:
            tables[name] += [{**to_row(record), **stamp} for record in analysis.get(name)]
    return tables


def _analysed(articles: Sequence[Article], nlp: Language) -> list[tuple[Article, Any, str | None]]:
    try:
        return [
            (a, an, None)
            for a, an in zip(articles, analyse_batch(list(articles), nlp), strict=True)
        ]
    except Exception:
        pass
    found = []
    for article in articles:
        try:
            (analysis,) = analyse_batch([article], nlp)
        except Exception as exc:
            found.append((article, None, f"analysis failed ({type(exc).__name__}: {exc})"))
        else:
            found.append((article, analysis, None))
    return found
