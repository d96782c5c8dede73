"""What `show`, `export`, `report` and `story` print, on real news: the seeds (no outlet in
their sidecar) and MEANTIME's Wikinews articles, read in place."""

import json
import re

import pytest

from storyledger.cli import main
from tests.conftest import MEANTIME, SEEDS, need


def run(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return code, out, err


def rows(capsys, *argv):
    code, out, err = run(capsys, *argv, "--jsonl")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("seeds") / "s.db"
    seeds = sorted(need(SEEDS).glob("*.txt"))
    assert (
        main(["analyze", *map(str, seeds), "--meta", str(SEEDS / "meta.json"), "--db", str(db)])
        == 0
    )
    return db


@pytest.mark.issue(19)
def test_one_word_count_everywhere(seeds_db, capsys):
    """`show articles`, `show framing` and `show outlets` count an article's words alike (they
    read 241 and 235 for one article)."""
    articles = {r["id"]: r["words"] for r in rows(capsys, "show", "articles", "--db", seeds_db)}
    framing = {r["article"]: r["words"] for r in rows(capsys, "show", "framing", "--db", seeds_db)}
    outlets = rows(capsys, "show", "outlets", "--db", seeds_db)
    assert articles == framing and all(n > 100 for n in articles.values())
    assert sorted(r["words"] for r in outlets) == sorted(articles.values())


@pytest.mark.issue(19)
def test_articles_without_outlet_stay_apart_in_show(seeds_db, capsys):
    outlets = rows(capsys, "show", "outlets", "--db", seeds_db)
    framing = rows(capsys, "show", "framing", "--db", seeds_db)
    assert len(outlets) == 2 and "(unknown outlet)" not in {r["outlet"] for r in outlets}
    assert {r["outlet"] for r in framing} == {r["outlet"] for r in outlets}
    assert sorted(r["loaded_per_1000"] for r in outlets) == sorted(
        r["loaded_per_1000"] for r in framing
    )


@pytest.mark.issue(19)
def test_speakers_are_counted_and_filtered_by_person(seeds_db, capsys, tmp_path):
    """A person quoted under several written forms is one speaker: `show quotes --person`
    takes the canonical name and finds every form; the export carries it as `person`."""
    quotes = rows(capsys, "show", "quotes", "--db", seeds_db)
    actors = {a["id"]: a["name"] for a in rows(capsys, "show", "actors", "--db", seeds_db)}
    named = [q for q in quotes if q["speaker_actor"] in actors]
    assert named and all(q["person"] == actors[q["speaker_actor"]] for q in named)
    written = {}
    for quote in named:
        written.setdefault(quote["person"], set()).add(quote["speaker"])
    person, forms = max(written.items(), key=lambda item: len(item[1]))
    mine = rows(capsys, "show", "quotes", "--person", person.upper(), "--db", seeds_db)
    assert {q["speaker"] for q in mine} >= forms
    assert {q["id"] for q in mine} >= {q["id"] for q in named if q["person"] == person}
    code, _, err = run(capsys, "show", "figures", "--person", person, "--db", seeds_db)
    assert code == 2 and err.count("\n") == 1
    run(capsys, "export", "--format", "json", "--out", tmp_path / "e.json", "--db", seeds_db)
    exported = json.loads((tmp_path / "e.json").read_text())["quotes"]
    assert {q["id"]: q["person"] for q in exported} == {q["id"]: q["person"] for q in quotes}


@pytest.mark.issue(19)
@pytest.mark.parametrize("what", ["stories", "comparisons", "timeline", "quotes", "figures"])
def test_show_and_export_name_columns_alike(seeds_db, capsys, tmp_path, what):
    shown = rows(capsys, "show", what, "--db", seeds_db)
    run(capsys, "export", "--format", "json", "--out", tmp_path / "e.json", "--db", seeds_db)
    exported = json.loads((tmp_path / "e.json").read_text())[what]
    assert shown and exported and set(shown[0]) <= set(exported[0])


@pytest.mark.issue(19)
def test_show_comparisons_items_are_arrays(seeds_db, capsys):
    comparisons = rows(capsys, "show", "comparisons", "--db", seeds_db)
    assert comparisons
    for row in comparisons:
        assert isinstance(row["items"], list) and len(row["items"]) >= 2
        assert all(
            {"article", "value", "start", "end", "published"} <= set(i) for i in row["items"]
        )
    code, out, _ = run(capsys, "show", "comparisons", "--db", seeds_db)
    header, first, *_ = out.splitlines()
    items = first.split("\t")[header.split("\t").index("items")]
    assert code == 0 and "; " in items and not items.startswith("[")


@pytest.mark.issue(19)
def test_records_come_in_publication_order(seeds_db, capsys):
    dates = {r["id"]: r["published"] for r in rows(capsys, "show", "articles", "--db", seeds_db)}
    assert len(set(dates.values())) == 2
    for what in ("quotes", "figures", "events"):
        shown = [dates[r["article"]] for r in rows(capsys, "show", what, "--db", seeds_db)]
        assert shown == sorted(shown) and len(set(shown)) == 2, what


@pytest.fixture(scope="module")
def meantime_db(tmp_path_factory):
    """Eight articles of each of MEANTIME's airbus and apple topics (copied to a temporary
    dump beside the database, never into the repository)."""
    folder = tmp_path_factory.mktemp("meantime")
    picked, seen = [], {}
    for line in need(MEANTIME).read_text(encoding="utf-8").splitlines():
        topic = json.loads(line)["topic"]
        if topic in ("airbus", "apple") and seen.get(topic, 0) < 8:
            seen[topic] = seen.get(topic, 0) + 1
            picked.append(line)
    (folder / "m.jsonl").write_text("\n".join(picked) + "\n", encoding="utf-8")
    assert main(["analyze", str(folder / "m.jsonl"), "--db", str(folder / "m.db")]) == 0
    return folder / "m.db"


@pytest.mark.issue(19)
def test_report_of_one_story_titled_by_its_name(meantime_db, capsys, tmp_path):
    stories = rows(capsys, "show", "stories", "--db", meantime_db)
    assert len(stories) >= 2
    assert [s["articles"] for s in stories] == sorted(
        (s["articles"] for s in stories), reverse=True
    )
    story = stories[0]
    code, _, err = run(
        capsys, "story", "name", story["id"][:6], "Airliner orders", "--db", meantime_db
    )
    assert code == 0 and "named story" in err and "'Airliner orders'" in err
    out = tmp_path / "one.html"
    code, _, err = run(
        capsys, "report", "--story", "airliner ORDERS", "--out", out, "--db", meantime_db
    )
    assert code == 0, err
    page = out.read_text(encoding="utf-8")
    assert "<title>Airliner orders" in page
    code, _, _ = run(capsys, "report", "--out", tmp_path / "all.html", "--db", meantime_db)
    assert code == 0 and "<title>storyledger" in (tmp_path / "all.html").read_text()
    code, _, err = run(capsys, "report", "--story", "zeppelin", "--out", out, "--db", meantime_db)
    assert code == 1 and err.count("\n") == 1 and "no story" in err


@pytest.mark.issue(19)
def test_views_of_one_story_hold_only_its_articles(meantime_db):
    from storyledger.report import build_views
    from storyledger.store import Store

    with Store(meantime_db) as store:
        everything = build_views(store)
        first = everything["stories"][0]
        one = build_views(store, story=first["id"])
    assert one["story"]["id"] == first["id"] and one["title"] == (first["name"] or "storyledger")
    assert len(one["articles"]) == first["articles"] < len(everything["articles"])
    ids = {a["id"] for a in one["articles"]}
    for view in ("quotes", "figures", "events", "timeline"):
        assert {row["article"] for row in one[view]} <= ids, view
    assert all(c["story"] == first["id"] for c in one["comparisons"])
    assert one["stories"] == everything["stories"]


@pytest.mark.issue(19)
def test_an_outlet_matching_nothing_is_reported(meantime_db, capsys, tmp_path):
    outlets = tmp_path / "outlets.json"
    outlets.write_text(
        json.dumps({"wikinews (english)": {"lean": "x"}, "The Daily Nowhere": {"lean": "y"}})
    )
    code, out, err = run(capsys, "show", "outlets", "--outlets", outlets, "--db", meantime_db)
    assert code == 1 and out and err.count("\n") == 1
    assert "'The Daily Nowhere'" in err and "stored as 'Wikinews (English)'" in err


@pytest.mark.issue(19)
def test_topics_and_summaries_read_as_words(seeds_db, meantime_db, capsys):
    """On real news every word of a comparison's topic is written in one of its items'
    articles or is a measure's name in the compare lexicon ("killed"; the seeds read
    "disputed: appli, netanyahu, pressur, trump"), and no timeline summary repeats a word."""
    from storyledger.data_files import read_data
    from storyledger.store import Store

    measures = set(read_data("compare.json")["measures"])
    with Store(seeds_db) as store:
        texts = {a.id: a.text.lower() for a in store.articles()}
        comparisons = store.corpus_records("comparisons")
    assert comparisons
    for comparison in comparisons:
        words = re.findall(r"[^\W_]+", comparison.topic.split(":", 1)[-1].lower())
        written = " ".join(texts[item.article] for item in comparison.items)
        for word in words:
            assert word in measures or re.search(rf"\b{re.escape(word)}\b", written), word
    timeline = rows(capsys, "show", "timeline", "--db", meantime_db)
    assert timeline
    for row in timeline:
        assert not re.search(r"\b(\w+) \1\b", row["summary"]), row["summary"]


def test_the_outlets_file_is_checked_without_reading_article_texts(tmp_path, monkeypatch, capsys):
    """`--outlets` names are matched against the stored outlet names, not every article."""
    from storyledger import commands
    from storyledger.extract.registry import Analysis
    from storyledger.ingest.outlets import load_outlets
    from storyledger.model import Article, RunInfo
    from storyledger.store import Store

    path = tmp_path / "outlets.json"
    path.write_text(json.dumps({"The Harbor Voice": {}, "The Daily Nowhere": {}}))
    with Store(tmp_path / "o.db") as store:
        run_id = store.begin_run(
            RunInfo(pipeline_version="t", model_name="m", model_version="0"), "t"
        )
        text = "A short article."
        article = Article(id=Article.id_for(text), text=text, source="t", outlet="The Harbor Voice")
        store.save(Analysis(article=article), fingerprint="f", run_id=run_id)
        monkeypatch.setattr(Store, "articles", lambda *_a, **_k: pytest.fail("read the texts"))
        assert commands._unmatched_outlets(store, load_outlets(path)) == ["The Daily Nowhere"]
    assert "'The Daily Nowhere'" in capsys.readouterr().err
