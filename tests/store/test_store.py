"""The SQLite store: migrations, WAL, FTS5, one transaction per article, round trips."""

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.errors import StoreError
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
    store.refresh_actors()
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
    found = store.refresh_comparisons()
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
    store.refresh_comparisons()
    assert store.corpus_records("comparisons") == stored
    assert store.corpus_records("stories") == found.stories


def test_story_names_need_a_story_and_words(store, nlp, example_articles):
    _save_all(store, nlp, example_articles)
    store.refresh_comparisons()
    with pytest.raises(StoreError, match="no story"):
        store.name_story("zzz", "A name")
    (story,) = store.corpus_records("stories")
    with pytest.raises(StoreError, match="cannot be empty"):
        store.name_story(story.id, "  ")
    with pytest.raises(StoreError, match="at least two"):
        store.merge_stories([story.id, story.articles[-1]])
    named = store.name_story(story.articles[-1], "The Sable River flood")
    assert (named.id, named.name, named.name_source) == (story.id, "The Sable River flood", "user")
