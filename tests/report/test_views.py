"""The data the report and the web UI get (`build_views`), on real news: the seeds, whose
sidecar gives no outlet, and MEANTIME's Wikinews articles, read in place."""

import pytest

from storyledger.report import build_views
from storyledger.store import Store
from tests.test_commands import seeds_db  # noqa: F401  (the analysed seeds, a fixture)


@pytest.fixture(scope="module")
def views(seeds_db):  # noqa: F811
    with Store(seeds_db) as store:
        return build_views(store)


@pytest.mark.issue(19)
def test_each_article_without_outlet_is_its_own_source(views):
    outlets = {a["outlet"] for a in views["articles"]}
    assert len(outlets) == 2 and "(unknown outlet)" not in outlets
    assert not any(a["outlet_known"] for a in views["articles"])
    assert {o["outlet"] for o in views["outlets"]} == outlets
    assert {r["outlet"] for r in views["coverage"]["rows"]} == outlets
    assert views["meta"]["outlets"] == 2


@pytest.mark.issue(19)
@pytest.mark.parametrize("view", ["quotes", "figures", "events", "timeline"])
def test_every_row_keeps_its_source_and_order(views, view):
    articles = {a["id"]: a for a in views["articles"]}
    rows = views[view]
    assert rows
    for row in rows:
        article = articles[row["article"]]
        assert (row["article_title"], row["url"]) == (article["title"], article["url"])
        assert (row["outlet"], row["published"]) == (article["outlet"], article["published"])
        assert article["text"][row["start"] : row["end"]]
    if view != "timeline":
        dates = [row["published"] for row in rows]
        assert dates == sorted(dates)


@pytest.mark.issue(19)
def test_speakers_are_people_and_the_rule_of_search_travels(views):
    speakers = [s["speaker"] for s in views["speakers"]]
    assert len({(s["speaker"], s["anonymous"]) for s in views["speakers"]}) == len(speakers)
    assert "Benjamin Netanyahu" in speakers and "Netanyahu" not in speakers
    written = {
        q["speaker_written"] for q in views["quotes"] if q["speaker"] == "Benjamin Netanyahu"
    }
    assert "Netanyahu" in written
    assert views["search"]["combine"] == "and"


@pytest.mark.issue(19)
def test_the_stories_are_read_from_the_store_once(seeds_db, monkeypatch):  # noqa: F811
    """The views and the page's story picker share one read of the stored stories."""
    read = []
    corpus_records = Store.corpus_records

    def counted(store, name):
        read.append(name)
        return corpus_records(store, name)

    monkeypatch.setattr(Store, "corpus_records", counted)
    with Store(seeds_db) as store:
        views = build_views(store)
    assert read.count("stories") == 1
    assert set(views["story_articles"]) == {story["id"] for story in views["stories"]}
    shown = {article["id"] for article in views["articles"]}
    assert {a for ids in views["story_articles"].values() for a in ids} == shown
