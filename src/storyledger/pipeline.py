"""Run the registered stages over articles: layout, one spaCy pass per batch, then the rest.

`analyse_batch` is the per-article core shared by `analyze`, the benchmark and the batch
engines: a batch of articles in, a batch of analyses out. A text of any length is analysed
whole: one longer than the parser's safe size is parsed in pieces (`pieces.py`) joined into one
Doc whose offsets are the article's.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from storyledger import PIPELINE_VERSION, backend
from storyledger.extract import Analysis, Stage, registered_stages
from storyledger.layout import mark_block_starts, model_text
from storyledger.model import Article, RunInfo
from storyledger.nlp import model_identity
from storyledger.pieces import PARSE_CHARS, join, pieces


def run_info(nlp: Language) -> RunInfo:
    """What this pipeline is: its version, the spaCy model, and its stages in order."""
    name, version = model_identity(nlp)
    return RunInfo(
        pipeline_version=PIPELINE_VERSION,
        model_name=name,
        model_version=version,
        stages=tuple(item.name for item in registered_stages()),
        ops=backend.current(nlp),
    )


def analyse(
    articles: Iterable[Article],
    nlp: Language,
    *,
    batch_size: int = 16,
    only: Sequence[str] | None = None,
    timings: dict[str, float] | None = None,
) -> Iterator[Analysis]:
    """Analyses of `articles` in input order, streaming; `only` names a subset of stages;
    `timings`, when given, adds up the seconds spent in each stage and in the parse."""
    stages = registered_stages()
    if only is not None:
        stages = tuple(item for item in stages if item.name in only)
    before = [item for item in stages if item.before_parse]
    after = [item for item in stages if not item.before_parse]

    limit = min(PARSE_CHARS, nlp.max_length)

    def prepared() -> Iterator[tuple[Doc, tuple[Analysis, bool]]]:
        """The Doc of every piece of every article, with the article's analysis and whether
        the piece is its last."""
        for article in articles:
            analysis = _run(before, Analysis(article=article), timings)
            analysis = replace(analysis, article=_with_title(analysis))
            blocks = analysis.get("blocks")
            text = model_text(article.text, blocks)
            cuts = pieces(text, limit=limit)
            for start, end in cuts:
                doc = mark_block_starts(nlp.make_doc(text[start:end]), blocks, offset=start)
                yield doc, (analysis, end == cuts[-1][1])

    docs = nlp.pipe(prepared(), as_tuples=True, batch_size=batch_size)
    pending: list[Doc] = []  # the parsed pieces of the article being read
    while True:
        started = time.perf_counter()
        item = next(docs, None)
        if item is not None:
            pending.append(item[0])
        doc = join(pending) if item is not None and item[1][1] else None
        if timings is not None:
            timings["parse"] = timings.get("parse", 0.0) + time.perf_counter() - started
        if item is None:
            return
        if doc is not None:
            pending = []
            yield _run(after, replace(item[1][0], doc=doc), timings)


def analyse_batch(articles: Sequence[Article], nlp: Language) -> list[Analysis]:
    """The per-article core on one batch."""
    return list(analyse(articles, nlp, batch_size=max(1, len(articles))))


def _run(
    stages: Iterable[Stage], analysis: Analysis, timings: dict[str, float] | None = None
) -> Analysis:
    for item in stages:
        started = time.perf_counter()
        produced = item.run(analysis)
        if timings is not None:
            timings[item.name] = timings.get(item.name, 0.0) + time.perf_counter() - started
        analysis = replace(analysis, records={**analysis.records, **produced})
    return analysis


def _with_title(analysis: Analysis) -> Article:
    """An article without a title takes its headline's text as one (source: the text)."""
    article = analysis.article
    if article.title:
        return article
    headline = next((b for b in analysis.get("blocks") if b.kind == "headline"), None)
    if headline is None:
        return article
    return replace(article, title=" ".join(headline.text.split()), title_source="text")
