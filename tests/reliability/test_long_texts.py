"""Long texts (#20 item 10): analysed whole, with exact spans, in work linear in their length.

An article of over a million characters goes through `analyze` end to end; one limit
(`--max-bytes`) rejects what is larger; `batch` reads long texts the same way; and every stage's
work on pathological texts (one 5,000-word sentence, 2,000 lines, 3,000 quotation marks...) grows
like the text, counted in steps (`tests/steps.py`), not timed.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import sys

import pytest

from storyledger.extract import Analysis, registered_stages
from storyledger.ingest import IngestOptions
from storyledger.model import Article, Span
from storyledger.pieces import PARSE_CHARS
from storyledger.pipeline import analyse
from storyledger.runner import analyze_paths
from storyledger.store import Store
from tests.conftest import MEANTIME, ROOT, need
from tests.steps import count_steps

sys.path.insert(0, str(ROOT / "bench"))
from long_text import KINDS, make_text, real_text

SPAN_TABLES = (
    "blocks",
    "cited_sources",
    "sentences",
    "mentions",
    "quotes",
    "figures",
    "events",
    "framing",
)
# (kind, stage) pairs known not to be linear, each with its reason; none left (#20 item 10).
KNOWN_SUPERLINEAR: dict[tuple[str, str], str] = {}


def _check_spans(text: str, records: dict[str, list]) -> int:
    """Assert every span of every record (and of the records inside it, and every
    `x_start`/`x_end` pair beside a text `x`) quotes `text`; return how many were checked."""
    checked = 0
    pending = [record for name in SPAN_TABLES for record in records[name]]
    while pending:
        record = pending.pop()
        fields = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
        if isinstance(record, Span):
            assert record.text == text[record.start : record.end], record
            checked += 1
        for name in ("speaker", "cue", "trigger"):
            if fields.get(f"{name}_start") is not None:
                assert text[fields[f"{name}_start"] : fields[f"{name}_end"]] == fields[name]
                checked += 1
        pending += [
            item
            for value in fields.values()
            if isinstance(value, tuple)
            for item in value
            if dataclasses.is_dataclass(item)
        ]
    return checked


@pytest.mark.issue(20)
def test_an_article_over_a_million_characters_is_analysed_end_to_end(nlp, tmp_path):
    """spaCy refused it (E088) although `--max-bytes` allowed 10 MB; now it is parsed in
    pieces and stored whole, every span exact."""
    need(MEANTIME)
    text = real_text(170_000)  # MEANTIME's 120 articles, cycled, one text
    assert len(text) > 1_000_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = analyze_paths([path], store, nlp, options=IngestOptions())
        assert report.problems == [] and len(report.stored) == 1
        (article,) = store.articles()
        assert article.text == text.strip()  # ingest drops the final line break, nothing else
        records = {name: store.records(name) for name in SPAN_TABLES}
    last = len(article.text)
    assert records["blocks"][-1].end == last  # the end of the article was analysed too
    assert max(s.end for s in records["sentences"]) == last
    assert len(records["quotes"]) > 1_000 and len(records["figures"]) > 1_000
    assert _check_spans(article.text, records) > 20_000


@pytest.mark.issue(20)
def test_an_article_over_max_bytes_is_refused_with_its_size(nlp, tmp_path):
    """One documented bound for `analyze` and `batch`: `--max-bytes` (10 MB by default)."""
    path = tmp_path / "huge.txt"
    path.write_text("Words of a long article.\n" * 2_000, encoding="utf-8")
    with Store(tmp_path / "s.db") as store:
        report = analyze_paths([path], store, nlp, options=IngestOptions(max_bytes=10_000))
    (skipped,) = report.skipped
    assert skipped.reason == "too large for one article (50,000 bytes > limit 10,000)"


@pytest.mark.issue(20)
def test_batch_reads_a_long_text_as_analyze_does(nlp):
    """Batch cut texts at 200,000 characters; now both analyse every text the same way."""
    from storyledger.batch.core import process_articles

    need(MEANTIME)
    text = real_text(8_000)
    assert len(text) > 3 * PARSE_CHARS
    article = Article(id="long", text=text, source="long.txt")
    tables = process_articles([article], nlp)
    (analysis,) = analyse([article], nlp)
    (row,) = tables["articles"]
    assert row["error"] is None and row["capped_from_chars"] is None and row["text"] == text
    for name in ("sentences", "quotes", "figures", "events"):
        assert [(r["start"], r["end"]) for r in tables[name]] == [
            (r.start, r.end) for r in analysis.get(name)
        ]


@functools.cache
def _analyses(kind: str, nlp) -> tuple:
    """The analyses of `kind` at two sizes, the second four times the first."""
    return tuple(
        next(analyse([Article(id=f"{kind}{n}", text=make_text(kind, n), source=kind)], nlp))
        for n in (200, 800)
    )


def _units(analysis, stage) -> dict[str, int]:
    """What `stage` reads and writes: the characters (before the parse) or the tokens and
    entities, and the records it needs and makes."""
    if stage.before_parse:
        units = {"characters": len(analysis.article.text)}
    else:
        units = {"tokens": len(analysis.doc), "entities": len(analysis.doc.ents)}
    for name in (*stage.requires, *stage.produces):
        if name in analysis.records:
            units[name] = len(analysis.get(name))
    return units


def _cases():
    for kind in KINDS:
        for stage in registered_stages():
            marks = ()
            if (kind, stage.name) in KNOWN_SUPERLINEAR:
                marks = pytest.mark.xfail(reason=KNOWN_SUPERLINEAR[kind, stage.name])
            yield pytest.param(kind, stage, id=f"{kind}-{stage.name}", marks=marks)


@pytest.mark.issue(20)
@pytest.mark.parametrize("kind, stage", list(_cases()))
def test_every_stage_takes_work_linear_in_the_text(nlp, kind, stage):
    """Four times the text: the work may grow as fast as what the stage reads or writes grows
    (about four times; more when the model finds more names), times 1.6 for log factors. A
    stage quadratic in the text shows 16, a cubic one 64."""
    if kind == "real":
        need(MEANTIME)
    small, large = _analyses(kind, nlp)
    steps = []
    for analysis in (small, large):
        given = Analysis(article=analysis.article) if stage.before_parse else analysis
        counted, _ = count_steps(lambda given=given: stage.run(given))
        steps.append(counted)
    before, after = _units(small, stage), _units(large, stage)
    growth = max(after[name] / count for name, count in before.items() if count)
    assert steps[1] / steps[0] < 1.6 * growth, json.dumps({"steps": steps, "units": after})
