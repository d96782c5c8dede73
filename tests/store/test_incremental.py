"""The incremental cross-article stage equals a full recompute (issue #17)."""

from datetime import date

import pytest

from storyledger import crossarticle
from storyledger.crossarticle import merge_stories, refresh_corpus
from storyledger.evaluation.compare import load_articles
from storyledger.pipeline import analyse, run_info
from storyledger.store import Store, fingerprint
from tests.conftest import ROOT

FICTIONAL = ROOT / "evals" / "compare"


def _tables(store):
    return {
        table: [tuple(row) for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("actors", "stories", "comparisons", "mentions", "quotes", "events")
    }


def _save(store, analyses, info):
    run_id = store.begin_run(info, "test")
    for analysis in analyses:
        store.save(analysis, fingerprint=fingerprint(analysis.article, info), run_id=run_id)
    return [analysis.article.id for analysis in analyses]


@pytest.fixture(scope="module")
def info(nlp):
    return run_info(nlp)


@pytest.fixture(scope="module")
def analysed(nlp):
    articles = sorted(load_articles(FICTIONAL), key=lambda a: (a.published or date.min, a.id))
    return list(analyse(articles, nlp))


@pytest.mark.issue(17)
@pytest.mark.parametrize("later", [1, 3, 6])
def test_adding_articles_incrementally_equals_a_full_recompute(tmp_path, analysed, info, later):
    with Store(tmp_path / "s.db") as store:
        _save(store, analysed[:-later], info)
        refresh_corpus(store)
        added = _save(store, analysed[-later:], info)
        refresh_corpus(store, changed=added)
        incremental = _tables(store)
        assert not store.is_stale()
        refresh_corpus(store)
        assert _tables(store) == incremental


@pytest.mark.issue(17)
def test_only_the_stories_that_changed_are_compared_again(tmp_path, analysed, info, monkeypatch):
    with Store(tmp_path / "s.db") as store:
        _save(store, analysed[:-1], info)
        refresh_corpus(store)
        stories = len(store.corpus_records("stories"))
        compared = []
        real = crossarticle.compare_stories

        def recording(found, records, only=None):
            compared.append(set(only))
            return real(found, records, only)

        monkeypatch.setattr(crossarticle, "compare_stories", recording)
        added = _save(store, analysed[-1:], info)
        refresh_corpus(store, changed=added)
        (touched,) = compared
        assert len(touched) == 1 and stories > 1
        (story,) = touched
        assert added[0] in store.story(story).articles


@pytest.mark.issue(17)
def test_a_user_merge_survives_an_incremental_refresh(tmp_path, analysed, info):
    with Store(tmp_path / "s.db") as store:
        _save(store, analysed[:-1], info)
        refresh_corpus(store)
        first, second = store.corpus_records("stories")[:2]
        merged = merge_stories(store, [first.id, second.id])
        added = _save(store, analysed[-1:], info)
        refresh_corpus(store, changed=added)
        kept = store.story(merged.articles[0])
        assert set(first.articles) | set(second.articles) <= set(kept.articles)
        incremental = _tables(store)
        refresh_corpus(store)
        assert _tables(store) == incremental


@pytest.mark.issue(17)
def test_the_refresh_command_recomputes_everything(tmp_path, analysed, info, capsys):
    from storyledger.cli import main

    path = tmp_path / "s.db"
    with Store(path) as store:
        _save(store, analysed, info)
        assert store.is_stale()
    assert main(["refresh", "--db", str(path)]) == 0
    assert "stories" in capsys.readouterr().out
    with Store(path) as store:
        assert not store.is_stale()
        incremental = _tables(store)
        refresh_corpus(store)
        assert _tables(store) == incremental and incremental["stories"]


@pytest.fixture(scope="module")
def meantime(nlp):
    from tests.conftest import MEANTIME, need, read_articles

    articles = read_articles(need(MEANTIME))
    chosen = sorted(articles, key=lambda a: a.id)[::3]  # 40 articles over the four topics
    return list(analyse(chosen, nlp))


@pytest.mark.issue(17)
def test_real_news_added_in_batches_keeps_equal_to_a_full_recompute(
    tmp_path, meantime, info, monkeypatch
):
    """Shared names across articles (companies, people, their surnames and acronyms) are
    where new mentions re-resolve old ones; each step takes the incremental path (the actor
    index and the kept grouping), and the tables equal a full recompute after each."""
    calls = []
    real = crossarticle.plan_actors
    monkeypatch.setattr(
        crossarticle, "plan_actors", lambda store, new: calls.append(1) or real(store, new)
    )
    with Store(tmp_path / "s.db") as store:
        _save(store, meantime[:16], info)
        refresh_corpus(store)
        steps = [1, 3, 8, 12]
        start = 16
        for size in steps:
            added = _save(store, meantime[start : start + size], info)
            start += size
            refresh_corpus(store, changed=added)
            incremental = _tables(store)
            refresh_corpus(store)
            assert _tables(store) == incremental
        assert len(calls) == len(steps)


@pytest.mark.issue(17)
def test_an_incremental_refresh_with_nothing_new_changes_nothing(tmp_path, analysed, info):
    with Store(tmp_path / "s.db") as store:
        _save(store, analysed, info)
        refresh_corpus(store)
        before = _tables(store)
        refresh_corpus(store, changed=[])
        assert _tables(store) == before and before["stories"]
