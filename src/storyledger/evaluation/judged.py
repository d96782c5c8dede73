"""The judged samples of our own output on ECB+ articles (figures, events): the rows, and the
analyses of the articles they were drawn from, each row's span checked against its text."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language

from storyledger.evaluation.corpus import corpus_articles
from storyledger.evaluation.gold import span_sha1
from storyledger.extract import Analysis
from storyledger.pipeline import analyse


def load_judged(judged_path: Path) -> list[dict[str, Any]]:
    """The judged rows of a sample file."""
    return json.loads(judged_path.read_text(encoding="utf-8"))["judged"]


def judged_analyses(
    corpus: Path,
    judged: list[dict[str, Any]],
    nlp: Language,
    only: Sequence[str] | None = None,
) -> Iterator[tuple[str, Analysis]]:
    """`(ECB+ document id, analysis)` of every article a judged row names; `ValueError` when a
    row's span no longer matches its article's text (the corpus or the reader changed)."""
    wanted = {row["article"] for row in judged}
    chosen = [item for item in corpus_articles(corpus) if item.name in wanted]
    analyses = analyse([item.article for item in chosen], nlp, only=only)
    for name, analysis in zip((item.name for item in chosen), analyses, strict=True):
        text = analysis.article.text
        for row in (r for r in judged if r["article"] == name):
            if span_sha1(text, row["start"], row["end"]) != row["sha1"]:
                raise ValueError(f"judged span {name}:{row['start']} no longer matches its text")
        yield name, analysis
