"""The SQLite store: migrations, WAL, FTS5, one transaction per article, round trips."""

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.crossarticle import (
    name_story,
    refresh_actors,
    refresh_comparisons,
    refresh_corpus,
)
from storyledger.errors import StoreError
from storyledger.extract.registry import Analysis
from storyledger.model import Article, Figure, Quote, RunInfo
from storyledger.pipeline import analyse, run_info
from storyledger.store import Store, fingerprint
from storyledger.store.db import migrations, schema_version
from storyledger.store.rows import RECORD_TABLES, from_row, to_row

INFO = RunInfo(pipeline_version="t", model_name="m", model_version="0")


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "t.db") as opened:
        yield opened


def _save_all(store, nlp, articles):
    info = run_info(nlp)
    run_id = store.begin_run(info, "test")
    for analysis in analyse(articles, nlp):
        store.save(analysis, fingerprint=fingerprint(analysis.article, info), run_id=run_id)
    refresh_actors(store)
    return run_id


def test_new_database_is_migrated_and_in_wal_mode(store):
    assert schema_version(store.conn) == migrations()[-1][0]
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_every_record_field_has_a_column(store):
    for table, cls in RECORD_TABLES.items():
        columns = {row[1] for row in store.conn.execute(f'PRAGMA table_info("{table}")')}
        assert {f for f in cls.__dataclass_fields__} <= columns, table


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "future.db"
    sqlite3.connect(path).execute("PRAGMA user_version=999").connection.close()
    with pytest.raises(StoreError, match="newer than this storyledger"):
        Store(path)


def test_not_a_database(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="not a usable storyledger database"):
        Store(path)


def test_search_finds_phrases(store, nlp, example_articles):
    _save_all(store, nlp, example_articles)
    hits = store.search('"drinking water"')
    assert hits and all(
        "drinking water" in article.text for article in store.articles([hit["id"] for hit in hits])
    )
    assert store.search("zeppelin") == []


def test_saving_twice_changes_nothing(store, nlp, example_articles):
    _save_all(store, nlp, example_articles)
    before = {
        t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
        for t in ("blocks", "sentences", "mentions", "actors")
    }
    _save_all(store, nlp, example_articles)
    after = {
        t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
        for t in ("blocks", "sentences", "mentions", "actors")
    }
    assert [list(map(tuple, rows)) for rows in before.values()] == [
        list(map(tuple, rows)) for rows in after.values()
    ]
    assert store.article_count() == len(example_articles)


def test_a_failure_mid_article_leaves_no_half_article(store, nlp, example_articles, monkeypatch):
    first, second = example_articles[:2]
    _save_all(store, nlp, [first])
    (analysis,) = analyse([second], nlp)
    broken = replace(analysis, records={**analysis.records, "sentences": ("not a record",)})
    with pytest.raises(TypeError):
        store.save(broken, fingerprint="x", run_id=1)
    assert [a.id for a in store.articles()] == [first.id]
    assert store.records("blocks", [second.id]) == []
    assert store.records("mentions", [first.id])


def test_a_failed_reanalysis_keeps_the_old_version(store, nlp, example_articles):
    (article,) = example_articles[:1]
    _save_all(store, nlp, [article])
    blocks = store.records("blocks")
    (analysis,) = analyse([article], nlp)
    broken = replace(analysis, records={**analysis.records, "mentions": (object(),)})
    with pytest.raises(TypeError):
        store.save(broken, fingerprint="y", run_id=1)
    assert store.records("blocks") == blocks


def test_runs_record_the_model(store, nlp):
    store.begin_run(run_info(nlp), "analyze x")
    (run,) = store.runs()
    assert run["model_name"].startswith("en_core_web_sm")
    assert run["model_version"] == "3.8.0"
    assert run["stages"] == "layout,sentences,actors,quotes,figures,events,framing"


spans = st.integers(min_value=0, max_value=50).flatmap(
    lambda start: st.integers(min_value=start, max_value=start + 30).map(lambda end: (start, end))
)
maybe_text = st.none() | st.text(max_size=20)
numbers = st.none() | st.floats(allow_nan=False, allow_infinity=False)


@given(spans, maybe_text, st.sampled_from(["direct", "partial", "indirect"]), st.booleans())
def test_quote_row_round_trip(span, speaker, kind, anonymous):
    start, end = span
    quote = Quote(
        article="a",
        start=start,
        end=end,
        text="x" * (end - start),
        id="q",
        kind=kind,
        speaker=speaker,
        anonymous=anonymous,
    )
    assert from_row(Quote, to_row(quote)) == quote


@given(spans, numbers, numbers, maybe_text)
def test_figure_row_round_trip(span, value, low, counted):
    start, end = span
    figure = Figure(
        article="a",
        start=start,
        end=end,
        text="y" * (end - start),
        id="f",
        value=value,
        low=low,
        counted=counted,
        qualifier="at_least",
    )
    assert from_row(Figure, to_row(figure)) == figure


@given(st.text(min_size=1), st.none() | st.dates(), st.none() | st.text())
def test_article_round_trip_through_the_database(tmp_path_factory, text, published, title):
    path = tmp_path_factory.mktemp("rt") / "r.db"
    article = Article(
        id=Article.id_for(text),
        text=text,
        source="s",
        published=published,
        title=title,
        date_source="input" if published else None,
    )
    from storyledger.extract.registry import Analysis

    with Store(path) as store:
        run_id = store.begin_run(INFO, "test")
        store.save(Analysis(article=article), fingerprint="f", run_id=run_id)
        assert store.articles() == [article]


def test_article_dates_are_stored_as_iso(store):
    from storyledger.extract.registry import Analysis

    article = Article(id="x", text="t", source="s", published=date(2024, 2, 29))
    store.save(Analysis(article=article), fingerprint="f", run_id=store.begin_run(INFO, "test"))
    assert store.conn.execute("SELECT published FROM articles").fetchone()[0] == "2024-02-29"


def test_quote_speakers_follow_actors_across_articles(store, nlp, seed_articles):
    _save_all(store, nlp, list(seed_articles.values()))
    actors = {a.id: a for a in store.corpus_records("actors")}
    netanyahu = [
        q
        for q in store.records("quotes")
        if q.speaker_actor and actors[q.speaker_actor].name == "Benjamin Netanyahu"
    ]
    assert {q.article for q in netanyahu} == {a.id for a in seed_articles.values()}
    assert all(q.speaker_actor in actors for q in store.records("quotes") if q.speaker_actor)


def test_quotes_are_searchable(store, nlp, example_articles):
    _save_all(store, nlp, example_articles)
    hits = store.search_quotes("pump")
    assert [hit["speaker"] for hit in hits] == ["Marsh"]
    assert store.search_quotes("Reyes") and store.search_quotes("zeppelin") == []


@pytest.mark.issue(6)
def test_comparisons_are_stored_and_rerunning_changes_nothing(store, nlp, example_articles):
    _save_all(store, nlp, example_articles)
    found = refresh_comparisons(store)
    assert len(found.stories) == 1 and found.comparisons
    stored = store.corpus_records("comparisons")
    assert sorted(c.id for c in stored) == sorted(c.id for c in found.comparisons)
    texts = {a.id: a.text for a in example_articles}
    figures = {f.id: f for f in store.records("figures")}
    for comparison in stored:
        assert comparison.story == found.stories[0].id
        for item in comparison.items:
            if comparison.kind == "figure":
                assert figures[item.record].text == item.value
                assert texts[item.article][item.start : item.end] == item.value
    refresh_comparisons(store)
    assert store.corpus_records("comparisons") == stored
    assert store.corpus_records("stories") == found.stories


def test_story_names_need_a_story_and_words(store, nlp, example_articles):
    _save_all(store, nlp, example_articles)
    refresh_comparisons(store)
    with pytest.raises(StoreError, match="no story"):
        store.name_story("zzz", "A name")
    (story,) = store.corpus_records("stories")
    with pytest.raises(StoreError, match="cannot be empty"):
        store.name_story(story.id, "  ")
    with pytest.raises(StoreError, match="at least two"):
        store.merge_stories([story.id, story.articles[-1]])
    named = name_story(store, story.articles[-1], "The Sable River flood")
    assert (named.id, named.name, named.name_source) == (story.id, "The Sable River flood", "user")


# -- issue #20: race-safe creation, duplicate keys, interrupted runs, atomic refreshes --------


@pytest.mark.issue(20)
def test_a_migration_another_process_applied_meanwhile_is_skipped(tmp_path, monkeypatch):
    """Two commands creating one store: the second read version 0 before the first migrated."""
    from storyledger.store import db

    path = tmp_path / "new.db"
    Store(path).close()  # the first command created and migrated it
    real = db.schema_version
    # outside the write lock the second command still sees the version it read before
    monkeypatch.setattr(db, "schema_version", lambda conn: real(conn) if conn.in_transaction else 0)
    with Store(path) as second:
        assert real(second.conn) == migrations()[-1][0]
        assert second.conn.execute("SELECT COUNT(*) FROM corpus_state").fetchone()[0] == 1


def _with(analysis, **records):
    return replace(analysis, records={**analysis.records, **records})


@pytest.mark.issue(20)
@pytest.mark.parametrize("table", ["quotes", "mentions", "sentences", "blocks", "framing"])
def test_two_records_of_one_key_are_refused_whole_naming_it(store, nlp, example_articles, table):
    first, second = example_articles[:2]
    _save_all(store, nlp, [first, second])
    before = store.records(table)
    (analysis,) = analyse([second], nlp)
    doubled = analysis.get(table)[:1] * 2 + analysis.get(table)[1:]
    key = {"sentences": "article, index", "blocks": "article, index", "framing": "article"}
    with pytest.raises(
        StoreError, match=rf"two {table} records share the key \({key.get(table, 'id')}\)"
    ):
        store.save(_with(analysis, **{table: doubled}), fingerprint="x", run_id=1)
    assert store.records(table) == before  # the stored version of the article is kept whole


@pytest.mark.issue(20)
def test_distinct_records_pass_the_key_check(store, seed_analyses):
    for analysis in seed_analyses.values():
        store.check_keys(analysis)  # raises on a duplicate
        assert len({q.id for q in analysis.get("quotes")}) == len(analysis.get("quotes"))


def _dead_pid():
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.mark.issue(20)
def test_a_run_whose_process_died_is_marked_interrupted_by_the_next(store):
    import os

    killed = store.begin_run(INFO, "analyze killed")
    alive = store.begin_run(INFO, "analyze elsewhere")
    mine = store.begin_run(INFO, "analyze here")
    store.conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (_dead_pid(), killed))
    store.conn.execute("UPDATE runs SET pid = ? WHERE id = ?", (os.getppid(), alive))
    store.finish_run(mine)
    later = store.begin_run(INFO, "analyze again")
    status = {run["id"]: (run["status"], run["finished"]) for run in store.runs()}
    assert status[killed] == ("interrupted", None)
    assert status[alive] == ("running", None)
    assert status[mine][0] == "finished" and status[mine][1]
    assert status[later] == ("running", None)


@pytest.mark.issue(20)
def test_schema_7_marks_old_unfinished_runs_and_a_filled_store_stale(tmp_path):
    from storyledger.store.db import _statements

    path = tmp_path / "v6.db"
    conn = sqlite3.connect(path)
    for version, _name, sql in migrations()[:6]:
        for statement in _statements(sql):
            conn.execute(statement)
        conn.execute(f"PRAGMA user_version={version}")
    conn.execute(
        "INSERT INTO runs (started, finished, command, storyledger_version, pipeline_version,"
        " model_name, model_version, stages) VALUES ('t', NULL, 'c', 'v', 'p', 'm', '0', ''),"
        " ('t', 't2', 'c', 'v', 'p', 'm', '0', '')"
    )
    conn.execute(
        "INSERT INTO articles (id, source, text, fingerprint, run_id) VALUES"
        " ('a', 's', 'x', 'f', 1)"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert [run["status"] for run in store.runs()] == ["interrupted", "finished"]
        assert store.is_stale()


@pytest.mark.issue(20)
def test_the_store_is_stale_until_the_corpus_is_refreshed(store, nlp, example_articles):
    assert not store.is_stale()
    _save_all(store, nlp, example_articles[:2])  # refreshes actors only
    assert store.is_stale()
    refresh_comparisons(store)
    assert store.is_stale()
    refresh_corpus(store)
    assert not store.is_stale()
    _save_all(store, nlp, example_articles[2:3])
    assert store.is_stale()


def _corpus_tables(store):
    return {
        table: [tuple(row) for row in store.conn.execute(f"SELECT * FROM {table} ORDER BY id")]
        for table in ("actors", "stories", "comparisons", "mentions", "quotes", "events")
    }


@pytest.mark.issue(20)
def test_one_transaction_refresh_equals_actors_then_comparisons(tmp_path, nlp, example_articles):
    with Store(tmp_path / "a.db") as one, Store(tmp_path / "b.db") as two:
        _save_all(one, nlp, example_articles)
        _save_all(two, nlp, example_articles)
        refresh_comparisons(one)
        found = refresh_corpus(two)
        assert found.stories and _corpus_tables(one) == _corpus_tables(two)


@pytest.mark.issue(20)
def test_a_refresh_that_fails_midway_leaves_the_old_state(
    store, nlp, example_articles, monkeypatch
):
    from storyledger.store import refresh

    _save_all(store, nlp, example_articles[:2])
    refresh_corpus(store)
    _save_all(store, nlp, example_articles[2:])  # refreshes actors, not stories
    before = _corpus_tables(store)
    real = refresh._insert_all

    def failing(conn, table, records):
        if table == "comparisons":
            raise sqlite3.OperationalError("disk I/O error")
        real(conn, table, records)

    monkeypatch.setattr(refresh, "_insert_all", failing)
    with pytest.raises(sqlite3.OperationalError):
        refresh_corpus(store)
    assert _corpus_tables(store) == before
    assert store.is_stale()


@pytest.mark.issue(20)
def test_a_refresh_raced_by_a_save_is_recomputed(store, nlp, example_articles, monkeypatch):
    from storyledger import crossarticle

    _save_all(store, nlp, example_articles[:2])
    (late,) = analyse(example_articles[2:3], nlp)
    real, calls = crossarticle.plan, []

    def plan_then_save(*args, **kwargs):
        planned = real(*args, **kwargs)
        if not calls:  # another command stores an article while the first plan is computed
            with Store(store.path) as other:
                other.save(late, fingerprint="f", run_id=1)
        calls.append(planned[0].version)
        return planned

    monkeypatch.setattr(crossarticle, "plan", plan_then_save)
    found = refresh_corpus(store)
    assert len(calls) == 2 and calls[0] < calls[1]
    assert late.article.id in {a for story in found.stories for a in story.articles}
    assert not store.is_stale()


@pytest.mark.issue(20)
def test_a_snapshot_does_not_see_writes_made_during_it(store, nlp, example_articles):
    _save_all(store, nlp, example_articles[:1])
    (late,) = analyse(example_articles[1:2], nlp)
    with store.snapshot():
        assert store.article_count() == 1
        with Store(store.path) as other:
            other.save(late, fingerprint="f", run_id=1)
        assert store.article_count() == 1
        assert {m.article for m in store.records("mentions")} == {example_articles[0].id}
    assert store.article_count() == 2


@pytest.mark.issue(20)
def test_opening_a_store_another_command_is_creating_waits_for_it(tmp_path):
    """SQLite refuses the switch to WAL at once while another connection holds the file."""
    import threading

    path = tmp_path / "busy.db"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # as a first migration holds it, before WAL is on disk
    other.execute("CREATE TABLE first_command_was_here (x)")
    release = threading.Timer(0.5, lambda: other.execute("COMMIT"))
    release.start()
    try:
        with Store(path) as store:
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        release.join()
        other.close()


def _stored(store, outlets):
    run_id = store.begin_run(INFO, "test")
    for n, outlet in enumerate(outlets):
        text = f"Article {n} of {outlet!r}."
        article = Article(id=Article.id_for(text), text=text, source=f"t:{n}", outlet=outlet)
        store.save(Analysis(article=article), fingerprint="f", run_id=run_id)


def test_outlets_are_the_distinct_named_ones(store):
    _stored(store, ["The Harbor Voice", None, "", "The Harbor Voice", "Wikinews (English)"])
    assert store.outlets() == {"The Harbor Voice", "Wikinews (English)"}
