"""Bulk writes (#21): a batch of articles in one transaction, one statement per table, the same
rows as saving them one by one; all of a batch or nothing; a re-run replaces, never doubles."""

from dataclasses import replace

import pytest

from storyledger.errors import StoreError
from storyledger.pipeline import analyse, run_info
from storyledger.store import Store, fingerprint
from storyledger.store.rows import RECORD_TABLES

pytestmark = pytest.mark.issue(21)

TABLES = ("articles", *RECORD_TABLES)


@pytest.fixture(scope="module")
def analyses(nlp, example_articles, seed_articles):
    return list(analyse([*example_articles, *seed_articles.values()], nlp))


def _dump(store):
    tables = {}
    for table in TABLES:
        rows = store.conn.execute(f"SELECT * FROM {table}").fetchall()
        tables[table] = sorted((tuple(row) for row in rows), key=repr)
    return tables


def _batch(nlp, analyses):
    info = run_info(nlp)
    return [(analysis, fingerprint(analysis.article, info)) for analysis in analyses]


class _Counting:
    """A connection that notes each call of `execute` and `executemany` (statement, rows)."""

    def __init__(self, conn):
        self.conn, self.calls = conn, []

    def execute(self, sql, *args):
        self.calls.append((sql, 1))
        return self.conn.execute(sql, *args)

    def executemany(self, sql, rows):
        rows = list(rows)
        self.calls.append((sql, len(rows)))
        return self.conn.executemany(sql, rows)

    def __getattr__(self, name):
        return getattr(self.conn, name)


def test_a_batch_writes_what_one_by_one_saves_write(tmp_path, nlp, analyses):
    batch = _batch(nlp, analyses)
    with Store(tmp_path / "one.db") as one, Store(tmp_path / "bulk.db") as bulk:
        run_id = one.begin_run(run_info(nlp), "t")
        for analysis, stamp in batch:
            one.save(analysis, fingerprint=stamp, run_id=run_id)
        bulk.save_many(batch, run_id=bulk.begin_run(run_info(nlp), "t"))
        assert _dump(bulk) == _dump(one)
        assert sum(len(rows) for rows in _dump(bulk).values()) > 100
        word = analyses[0].get("quotes")[0].text.split()[1].strip(",.\"'")
        assert bulk.search_quotes(word) == one.search_quotes(word) != []
        title_word = analyses[-1].article.text.split()[0]
        assert bulk.search(title_word) == one.search(title_word)
        for fts in ("articles_fts", "quotes_fts"):
            bulk.conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


def test_a_batch_is_one_transaction_of_one_insert_per_table(store_path, nlp, analyses):
    with Store(store_path) as store:
        run_id = store.begin_run(run_info(nlp), "t")
        counting = store.conn = _Counting(store.conn)
        store.save_many(_batch(nlp, analyses), run_id=run_id)
        store.conn = counting.conn
    tables = [sql.split()[2] for sql, _rows in counting.calls if sql.startswith("INSERT INTO")]
    assert sorted(tables) == sorted(set(tables)) == sorted(TABLES)  # one statement per table
    rows = {sql.split()[2]: count for sql, count in counting.calls if sql.startswith("INSERT")}
    assert rows["articles"] == len(analyses) and rows["sentences"] > len(analyses)
    ends = [sql for sql, _rows in counting.calls if sql in ("BEGIN IMMEDIATE", "COMMIT")]
    assert ends == ["BEGIN IMMEDIATE", "COMMIT"]


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "s.db"


def test_a_batch_with_a_bad_analysis_writes_nothing(store_path, nlp, analyses):
    batch = _batch(nlp, analyses)
    with Store(store_path) as store:
        run_id = store.begin_run(run_info(nlp), "t")
        store.save_many(batch[:2], run_id=run_id)
        before = _dump(store)
        quotes = analyses[3].get("quotes")
        bad = replace(analyses[3], records={**analyses[3].records, "quotes": quotes * 2})
        with pytest.raises(StoreError, match="two quotes records share the key"):
            store.save_many([*batch[2:3], (bad, "x"), *batch[4:]], run_id=run_id)
        assert _dump(store) == before


def test_a_constraint_failing_mid_batch_rolls_the_batch_back(store_path, nlp, analyses):
    batch = _batch(nlp, analyses)
    with Store(store_path) as store:
        run_id = store.begin_run(run_info(nlp), "t")
        store.save_many(batch[:1], run_id=run_id)
        before = _dump(store)
        with pytest.raises(Exception, match="UNIQUE"):  # one article twice in one batch
            store.save_many([*batch[1:], batch[1]], run_id=run_id)
        assert _dump(store) == before


def test_saving_a_batch_again_replaces_it(store_path, nlp, analyses):
    batch = _batch(nlp, analyses)
    with Store(store_path) as store:
        run_id = store.begin_run(run_info(nlp), "t")
        store.save_many(batch, run_id=run_id)
        once = _dump(store)
        store.save_many(batch, run_id=run_id)
        assert _dump(store) == once
        for fts in ("articles_fts", "quotes_fts"):
            store.conn.execute(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")


def test_the_ingest_log_of_a_batch_is_written_in_order(store_path, nlp):
    with Store(store_path) as store:
        run_id = store.begin_run(run_info(nlp), "t")
        store.log_many(run_id, [("a.txt", "stored", None, "1"), ("b.txt", "failed", "why", "2")])
        rows = [(r["source"], r["status"], r["reason"]) for r in store.ingest_log(run_id)]
        assert rows == [("a.txt", "stored", None), ("b.txt", "failed", "why")]
