"""Reads by a list of ids stay one statement of one parameter however long the list: SQLite
refuses more parameters than its build allows (32766 by default since 3.32, 999 before), and a
large store has more ids than that. The actor index asks once for all its keys, not per key."""

import sqlite3

import pytest

from storyledger.actor_index import index_complete, plan_actors
from storyledger.crossarticle import refresh_corpus
from storyledger.pipeline import run_info
from storyledger.store import Store, fingerprint

MANY = 40_001
"""More ids than the default build's SQLITE_MAX_VARIABLE_NUMBER (32766)."""


@pytest.fixture(scope="module")
def store(tmp_path_factory, nlp, seed_analyses):
    info = run_info(nlp)
    with Store(tmp_path_factory.mktemp("many") / "m.db") as store:
        run_id = store.begin_run(info, "test")
        batch = [(a, fingerprint(a.article, info)) for a in seed_analyses.values()]
        store.save_many(batch, run_id=run_id)
        refresh_corpus(store)
        store.conn.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32766)
        yield store


def _padded(ids):
    """The real ids among `MANY` ids that match nothing, real ones first and last."""
    ids = sorted(ids)
    return [*ids, *(f"no-such-id-{n}" for n in range(MANY - len(ids))), *ids]


READS = {
    "articles": lambda s, ids: s.articles(ids),
    "records": lambda s, ids: s.records("quotes", ids),
    "actors_of": lambda s, ids: s.actors_of(ids),
}


@pytest.mark.parametrize("read", list(READS))
def test_reads_by_article_take_any_number_of_ids(store, read):
    articles = store.article_ids()
    assert READS[read](store, _padded(articles)) == READS[read](store, articles) != []


def test_reads_by_record_id_take_any_number_of_ids(store):
    actors = store.corpus_records("actors")
    mentions = store.records("mentions")
    stories = store.corpus_records("stories")
    actor_ids = [a.id for a in actors]
    assert store.actors_with(_padded(actor_ids)) == actors
    assert store.stories_with(_padded(s.id for s in stories)) == stories
    assert sorted(store.mentions_by_id(_padded(m.id for m in mentions)), key=repr) == sorted(
        mentions, key=repr
    )
    assert store.articles_mentioning(_padded(actor_ids)) == {m.article for m in mentions}
    by_actor = store.mentions_of_actors(_padded(actor_ids))
    assert by_actor == [m for a in sorted(actor_ids) for m in store.mentions_of(a)]
    speakers = {q.speaker_mention for q in store.records("quotes") if q.speaker_mention}
    assert store.quote_articles_of_speakers(_padded(speakers))


def test_the_index_check_takes_any_number_of_changed_articles(store):
    articles = store.article_ids()
    assert index_complete(store, set(_padded([])))
    assert not index_complete(store, set(_padded(articles)))


def test_the_actor_index_asks_once_for_all_keys(store, seed_analyses):
    """The queries of `plan_actors` do not grow with the number of new mentions."""
    mentions = [m for a in seed_analyses.values() for m in a.get("mentions")]
    assert len(mentions) > 20

    def queries(new):
        seen = []
        store.conn.set_trace_callback(seen.append)
        try:
            plan_actors(store, new)
        finally:
            store.conn.set_trace_callback(None)
        return sum(1 for sql in seen if sql.lstrip().upper().startswith("SELECT"))

    half = queries(mentions[: len(mentions) // 2])
    assert queries(mentions) == half <= 10
