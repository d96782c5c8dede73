"""The served views and search follow the store while another process writes it (WAL), and
answer from one snapshot: a search never finds an article the views of its snapshot lack."""

import json
import threading
import urllib.parse
import urllib.request

import pytest

from storyledger.cli import main
from storyledger.model import Article
from storyledger.pipeline import analyse, run_info
from storyledger.store import Store, fingerprint
from storyledger.web.server import SNAPSHOT_HEADER, serving
from tests.conftest import EXAMPLES

LATE = (
    "A zeppelin landed in the square of Kestrel Hill on Friday number {n}, officials said.\n\n"
    '"We have never seen one here," said Mayor Jane Ortiz. At least {n} people watched.'
)


@pytest.fixture
def example_db(tmp_path):
    db = tmp_path / "w.db"
    story, meta = EXAMPLES / "story", EXAMPLES / "meta.json"
    assert main(["analyze", str(story), "--meta", str(meta), "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="module")
def late_analyses(nlp):
    texts = [LATE.format(n=n) for n in range(2, 14)]
    articles = [
        Article(id=Article.id_for(t), text=t, source=f"late{i}.txt") for i, t in enumerate(texts)
    ]
    return run_info(nlp), list(analyse(articles, nlp))


def _get(url):
    with urllib.request.urlopen(url, timeout=60) as answer:
        return answer.headers.get(SNAPSHOT_HEADER), json.loads(answer.read())


def _search(url, query):
    return _get(url + "api/search?q=" + urllib.parse.quote(query))


@pytest.mark.issue(20)
def test_views_and_search_see_a_write_still_in_the_wal(example_db, late_analyses):
    info, analyses = late_analyses
    with serving(example_db) as url, Store(example_db) as writer:
        first, views = _get(url + "api/views")
        assert views["meta"]["articles"] == 4 and views["meta"].get("snapshot") == first
        mtime = example_db.stat().st_mtime_ns
        run_id = writer.begin_run(info, "test")
        writer.save(analyses[0], fingerprint=fingerprint(analyses[0].article, info), run_id=run_id)
        assert example_db.stat().st_mtime_ns == mtime  # the write sits in the WAL
        number, views = _get(url + "api/views")
        assert views["meta"]["articles"] == 5 and number != first
        assert views["meta"]["snapshot"] == number
        found_in, found = _search(url, "zeppelin")
        assert [row["id"] for row in found] == [analyses[0].article.id] and found_in == number
        with urllib.request.urlopen(url, timeout=60) as answer:
            assert analyses[0].article.id in answer.read().decode("utf-8")


@pytest.mark.issue(20)
def test_search_and_views_of_one_snapshot_agree_during_writes(example_db, late_analyses):
    info, analyses = late_analyses
    done = threading.Event()

    def write():
        with Store(example_db) as writer:
            run_id = writer.begin_run(info, "test")
            for analysis in analyses:
                writer.save(
                    analysis, fingerprint=fingerprint(analysis.article, info), run_id=run_id
                )
        done.set()

    pairs = []
    with serving(example_db) as url:
        writer = threading.Thread(target=write)
        writer.start()
        while not done.is_set() or len(pairs) < 3:
            shown_in, views = _get(url + "api/views")
            found_in, rows = _search(url, "zeppelin")
            pairs.append(
                (shown_in, {a["id"] for a in views["articles"]}, found_in, {r["id"] for r in rows})
            )
        writer.join()
        _number, views = _get(url + "api/views")
    assert views["meta"]["articles"] == 4 + len(analyses)
    same = [(shown, found) for shown_in, shown, found_in, found in pairs if shown_in == found_in]
    assert same and all(found <= shown for shown, found in same)
    assert pairs[-1][3] == {a.article.id for a in analyses}
