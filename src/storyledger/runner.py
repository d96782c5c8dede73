"""`analyze` as a library call: ingest, analyse what changed, store, then run the
cross-article stage (actors, stories, and the comparisons of the stories that changed).

A bad input or an article whose analysis or save fails is logged with its reason and the run
goes on. A batch of articles is stored in one transaction (one statement per table); when that
fails, its articles are stored one transaction each, so a bad article is rolled back alone and
nothing stored before is lost.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from spacy.language import Language

from storyledger.errors import ANALYSIS_FAILED, SAVE_FAILED
from storyledger.extract.registry import Analysis
from storyledger.ingest import IngestOptions, Skipped, read_inputs
from storyledger.model import Article, RunInfo
from storyledger.pipeline import analyse_batch, run_info
from storyledger.store import Store, fingerprint
from storyledger.store.store import LogEntry

BATCH_SIZE = 16


@dataclass(slots=True)
class RunReport:
    """What one `analyze` run did with each input."""

    run_id: int
    stored: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    failed: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)

    @property
    def article_ids(self) -> list[str]:
        """Every article this run's inputs stand for, stored now or before."""
        return self.stored + self.unchanged

    @property
    def problems(self) -> list[Skipped]:
        """Inputs that gave no article (duplicates are not problems)."""
        return [s for s in self.skipped if not s.reason.startswith("exact copy")] + self.failed


Progress = Callable[[int], None]


def analyze_paths(
    paths: Sequence[str | Path],
    store: Store,
    nlp: Language,
    *,
    options: IngestOptions,
    command: str = "analyze",
    progress: Progress | None = None,
) -> RunReport:
    """Ingest `paths` into `store`; return what became of every input.

    The cross-article stage runs when this run stored an article (comparing again only the
    stories it touched) or the store is stale (an earlier run stopped before it: all of it);
    a run stopped by an error is marked interrupted. The cross-article stage's module (and
    scikit-learn, a second of start-up) is imported only when it runs."""
    info = run_info(nlp)
    report = RunReport(run_id=store.begin_run(info, command))
    stale_before = store.is_stale()
    try:
        with _logged_warnings(store, report):
            _store_all(read_inputs(paths, options), store, nlp, report, info, progress)
        if stale_before or report.stored:
            from storyledger.crossarticle import refresh_corpus

            if stale_before:  # an earlier run stopped before its cross-article stage: redo all
                refresh_corpus(store)
            else:  # only the stories these articles touched are compared again
                refresh_corpus(store, changed=report.stored)
    except BaseException:
        store.finish_run(report.run_id, "interrupted")
        raise
    store.finish_run(report.run_id)
    return report


@contextmanager
def _logged_warnings(store: Store, report: RunReport) -> Iterator[None]:
    """While inputs are read, keep every ingest warning (an input changed on the way) in the
    run's ingest log and its report, beside whatever else the caller's logging does with it."""
    handler = _WarningLog(store, report)
    logger = logging.getLogger("storyledger.ingest")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)


class _WarningLog(logging.Handler):
    def __init__(self, store: Store, report: RunReport) -> None:
        super().__init__(logging.WARNING)
        self.store, self.report = store, report

    def emit(self, record: logging.LogRecord) -> None:
        source, reason = getattr(record, "source", None), getattr(record, "reason", None)
        if source is None or reason is None:
            return
        self.report.warnings.append(Skipped(source, reason))
        self.store.log(self.report.run_id, source, "warning", reason=reason)


def _store_all(
    found: Iterable[Article | Skipped],
    store: Store,
    nlp: Language,
    report: RunReport,
    info: RunInfo,
    progress: Progress | None,
) -> None:
    """Analyse and save what changed, a batch per transaction; log every input."""
    pending = _pending(found, store, report, info)
    while batch := list(islice(pending, BATCH_SIZE)):
        analysed = list(_analysed(batch, nlp))
        saved = _saved_batch(
            store,
            [(a, an) for a, an, error in analysed if an is not None and error is None],
            info,
            report.run_id,
        )
        entries: list[LogEntry] = []
        for article, _analysis, error in analysed:
            error = error or saved.get(article.id)
            if error is not None:
                report.failed.append(Skipped(article.source, error))
                entries.append((article.source, "failed", error, article.id))
                continue
            entries.append((article.source, "stored", None, article.id))
            report.stored.append(article.id)
        store.log_many(report.run_id, entries)
        if progress:
            progress(len(batch))


def _saved_batch(
    store: Store, done: list[tuple[Article, Analysis]], info: RunInfo, run_id: int
) -> dict[str, str | None]:
    """Save a batch of analyses in one transaction; when that fails (nothing of it written),
    save them one by one. Per article id: None, or why it was not saved."""
    try:
        store.save_many([(an, fingerprint(a, info)) for a, an in done], run_id=run_id)
    except Exception:
        return {a.id: _saved(store, an, fingerprint(a, info), run_id) for a, an in done}
    return {}


def _saved(store: Store, analysis: Analysis, stamp: str, run_id: int) -> str | None:
    """Save one analysis with the fingerprint of its input article (before the layout stage
    filled in a title); None, or why it was not saved (a failed save writes nothing)."""
    try:
        store.save(analysis, fingerprint=stamp, run_id=run_id)
    except Exception as exc:
        return SAVE_FAILED.format(detail=f"{type(exc).__name__}: {exc}")
    return None


def _pending(
    found: Iterable[Article | Skipped], store: Store, report: RunReport, info: RunInfo
) -> Iterator[Article]:
    """Articles that need analysing; skips and unchanged articles are logged on the way."""
    for item in found:
        if isinstance(item, Skipped):
            report.skipped.append(item)
            store.log(report.run_id, item.source, "skipped", reason=item.reason)
            continue
        state = store.stored_state(item.id)
        if state and state[0] == fingerprint(item, info):
            status = "unchanged" if state[1] == item.source else "duplicate"
            reason = None if status == "unchanged" else f"exact copy of {state[1]}"
            store.log(report.run_id, item.source, status, reason=reason, article=item.id)
            report.unchanged.append(item.id)
            continue
        yield item


def _analysed(
    batch: list[Article], nlp: Language
) -> Iterator[tuple[Article, Analysis | None, str | None]]:
    """Analyse a batch; if it fails, analyse its articles one by one to isolate the bad one."""
    try:
        for article, analysis in zip(batch, analyse_batch(batch, nlp), strict=True):
            yield article, analysis, None
        return
    except Exception:
        pass
    for article in batch:
        try:
            (analysis,) = analyse_batch([article], nlp)
        except Exception as exc:
            yield article, None, ANALYSIS_FAILED.format(detail=f"{type(exc).__name__}: {exc}")
        else:
            yield article, analysis, None
