"""`analyze` as a library call: a failing save, an interrupted run, when the corpus refreshes."""

import subprocess
import sys
from dataclasses import replace

import pytest

from storyledger.ingest import IngestOptions
from storyledger.runner import analyze_paths
from storyledger.store import Store
from tests.conftest import EXAMPLES

OPTIONS = IngestOptions()


def _statuses(store, run_id):
    return {row["source"].rsplit("/", 1)[-1]: row for row in store.ingest_log(run_id)}


@pytest.mark.issue(20)
@pytest.mark.parametrize("checked", [True, False], ids=["key-check", "sqlite-constraint"])
def test_a_failing_save_fails_that_article_and_the_run_goes_on(tmp_path, nlp, monkeypatch, checked):
    """An analysis with one quote twice: refused by the key check, or (check off) by SQLite's
    UNIQUE constraint; either way that article rolls back, is logged failed, the rest stored
    (the batch's one transaction fails whole, then its articles are saved one by one: #21)."""
    save_many = Store.save_many

    def doubled(analysis):
        if analysis.article.source.endswith("03_harbor_voice.txt"):
            quotes = analysis.get("quotes")
            analysis = replace(analysis, records={**analysis.records, "quotes": quotes * 2})
        return analysis

    def doubling(self, analyses, **kwargs):
        return save_many(self, [(doubled(an), stamp) for an, stamp in analyses], **kwargs)

    monkeypatch.setattr(Store, "save_many", doubling)
    if not checked:
        monkeypatch.setattr(Store, "check_keys", lambda self, analysis: None)
    with Store(tmp_path / "s.db") as store:
        report = analyze_paths([EXAMPLES / "story"], store, nlp, options=OPTIONS)
        log = _statuses(store, report.run_id)
        (failed,) = report.failed
        assert failed.source.endswith("03_harbor_voice.txt")
        expected = "two quotes records share the key (id)" if checked else "IntegrityError"
        assert failed.reason.startswith("save failed (") and expected in failed.reason
        assert log["03_harbor_voice.txt"]["status"] == "failed"
        assert log["03_harbor_voice.txt"]["reason"] == failed.reason
        assert len(report.stored) == 3 and store.article_count() == 3
        assert log["03_harbor_voice.txt"]["article"] not in {a.id for a in store.articles()}
        assert store.records("quotes", [log["03_harbor_voice.txt"]["article"]]) == []
        (run,) = store.runs()
        assert run["status"] == "finished" and store.corpus_records("stories")


@pytest.mark.issue(20)
def test_a_run_stopped_by_an_error_is_marked_interrupted_and_the_next_refreshes(tmp_path, nlp):
    def stop(_count):
        raise KeyboardInterrupt

    with Store(tmp_path / "s.db") as store:
        with pytest.raises(KeyboardInterrupt):
            analyze_paths([EXAMPLES / "story"], store, nlp, options=OPTIONS, progress=stop)
        (run,) = store.runs()
        assert (run["status"], run["finished"]) == ("interrupted", None)
        assert store.article_count() == 4 and store.is_stale()
        assert store.corpus_records("stories") == []
        report = analyze_paths([EXAMPLES / "story"], store, nlp, options=OPTIONS)
        assert report.stored == [] and len(report.unchanged) == 4
        assert not store.is_stale() and store.corpus_records("stories")
        assert store.runs()[-1]["status"] == "finished"


@pytest.mark.issue(20)
def test_an_unchanged_rerun_of_a_fresh_store_writes_no_corpus_records(tmp_path, nlp):
    with Store(tmp_path / "s.db") as store:
        analyze_paths([EXAMPLES / "story"], store, nlp, options=OPTIONS)
        stamp = store.conn.execute("SELECT * FROM corpus_state").fetchone()
        changes = store.conn.total_changes
        analyze_paths([EXAMPLES / "story"], store, nlp, options=OPTIONS)
        assert store.conn.execute("SELECT * FROM corpus_state").fetchone() == stamp
        # only the run's own rows were written: the run, its end and four log lines
        assert store.conn.total_changes - changes == 6


@pytest.mark.issue(21)
def test_the_analyze_command_imports_neither_the_cross_article_stage_nor_the_export():
    """Start-up: scikit-learn (about a CPU second, with scipy and pandas) comes in with the
    cross-article stage, when a run stored an article; pyarrow with the export, when asked."""
    probe = "import sys, storyledger.commands; print({'sklearn', 'pyarrow'} & {*sys.modules})"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "set()"
