"""The export contract `storyledger/1` in every format, and CSV cells that cannot run."""

import csv
import json

import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyledger.crossarticle import refresh_actors, refresh_comparisons, refresh_corpus
from storyledger.export import SCHEMA, TABLES, build_export, neutralise, write_export
from storyledger.export.contract import nested_fields
from storyledger.pipeline import analyse, run_info
from storyledger.store import Store, fingerprint

CONTRACT = {
    "articles": [
        "id",
        "source",
        "url",
        "title",
        "outlet",
        "published",
        "date_source",
        "text",
        "blocks",
    ],
    "actors": ["id", "name", "kind", "aliases"],
    "quotes": [
        "id",
        "article",
        "start",
        "end",
        "text",
        "kind",
        "speaker",
        "speaker_actor",
        "anonymous",
        "cue",
    ],
    "figures": [
        "id",
        "article",
        "start",
        "end",
        "text",
        "value",
        "low",
        "high",
        "qualifier",
        "counted",
        "measure",
        "place",
        "attributed_to",
    ],
    "events": [
        "id",
        "article",
        "start",
        "end",
        "text",
        "actor",
        "actor_id",
        "action",
        "mode",
        "target",
        "target_id",
        "date",
        "negated",
        "aux",
    ],
    "stories": [
        "id",
        "name",
        "name_source",
        "articles",
        "copies",
        "first_published",
        "last_published",
    ],
    "comparisons": ["id", "kind", "topic", "relation", "items", "story", "note"],
    "framing": [
        "article",
        "loaded_terms",
        "hedges",
        "attributed_share",
        "anonymous_share",
        "cited_sources",
        "words",
        "loaded_outside",
        "loaded_per_1000",
        "markers",
    ],
    "outlets": ["outlet", "articles", "words", "loaded_per_1000", "attributed_share", "lean"],
}


@pytest.fixture(scope="module")
def document(nlp, example_articles, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "e.db"
    info = run_info(nlp)
    with Store(path) as store:
        run_id = store.begin_run(info, "test")
        for analysis in analyse(example_articles, nlp):
            store.save(analysis, fingerprint=fingerprint(analysis.article, info), run_id=run_id)
        refresh_actors(store)
        refresh_comparisons(store)
        yield build_export(store)


def test_contract_fields_are_all_present(document):
    assert document["schema"] == SCHEMA
    for table, fields in CONTRACT.items():
        assert set(fields) <= set(name for name, _ in TABLES[table]), table
        assert isinstance(document[table], list)
        for row in document[table]:
            assert list(row) == [name for name, _ in TABLES[table]]


def test_every_span_points_at_its_text(document):
    texts = {a["id"]: a["text"] for a in document["articles"]}
    for article in document["articles"]:
        for block in article["blocks"]:
            assert block["kind"] in {"headline", "bullet", "subheading", "paragraph", "sources"}
            assert 0 <= block["start"] < block["end"] <= len(article["text"])
    for table in ("mentions", "quotes", "figures", "events"):
        for row in document[table]:
            assert texts[row["article"]][row["start"] : row["end"]] == row["text"]


def test_generator_names_the_model(document):
    assert document["generator"]["model_name"].startswith("en_core_web_sm")
    assert document["generator"]["model_version"] == "3.8.0"


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_flat_formats_carry_every_table_and_field(document, fmt, tmp_path):
    files = write_export(document, fmt, tmp_path)
    if fmt == "csv":  # lists of records are files of their own (#19), checked below
        files = [f for f in files if f.stem in TABLES]
    assert sorted(f.stem for f in files) == sorted(TABLES)
    for file in files:
        fields = [name for name, _ in TABLES[file.stem]]
        rows = document[file.stem]
        if fmt == "parquet":
            table = pq.read_table(file)
            assert table.schema.names == fields and table.num_rows == len(rows)
        elif fmt == "csv":
            with file.open(newline="", encoding="utf-8") as handle:
                reader = csv.DictReader(handle)
                flat = [name for name in fields if name not in nested_fields(file.stem)]
                assert reader.fieldnames == flat and len(list(reader)) == len(rows)
        else:
            lines = file.read_text(encoding="utf-8").splitlines()
            assert [json.loads(line) for line in lines] == rows


def test_json_export_round_trips(document, tmp_path):
    (path,) = write_export(document, "json", tmp_path / "story.json")
    assert json.loads(path.read_text(encoding="utf-8")) == document
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.parametrize(
    "cell", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
)
def test_formula_cells_are_neutralised(cell, tmp_path):
    assert neutralise(cell) == "'" + cell
    document = {name: [] for name in TABLES}
    document["actors"] = [
        {
            "id": cell,
            "name": cell,
            "kind": "person",
            "aliases": [cell],
            "mentions": 1,
            "article": "a",
            "start": 0,
            "end": 1,
        }
    ]
    write_export(document, "csv", tmp_path)
    with (tmp_path / "actors.csv").open(newline="", encoding="utf-8") as handle:
        (row,) = list(csv.DictReader(handle))
    assert row["name"] == "'" + cell
    assert not row["aliases"].startswith(("=", "+", "-", "@"))


@given(st.text())
def test_neutralised_cells_never_start_a_formula(value):
    assert not str(neutralise(value)).startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.issue(6)
def test_every_comparison_item_points_at_its_text(document):
    texts = {a["id"]: a["text"] for a in document["articles"]}
    assert document["stories"] and document["comparisons"]
    stories = {story["id"] for story in document["stories"]}
    for comparison in document["comparisons"]:
        assert comparison["story"] in stories and comparison["note"]
        for item in comparison["items"]:
            assert set(item) == {
                "article",
                "record",
                "value",
                "start",
                "end",
                "reported_by",
                "published",
            }
            assert texts[item["article"]][item["start"] : item["end"]] == item["value"]


@pytest.mark.issue(7)
def test_framing_and_outlets_are_exported(document):
    assert len(document["framing"]) == len(document["articles"])
    texts = {a["id"]: a["text"] for a in document["articles"]}
    for row in document["framing"]:
        for term in row["loaded_terms"]:
            assert texts[row["article"]][term["start"] : term["end"]] == term["text"]
        for marker in row["markers"]:
            assert texts[row["article"]][marker["start"] : marker["end"]] == marker["text"]
    assert sum(o["articles"] for o in document["outlets"]) == len(document["articles"])


@pytest.mark.issue(20)
def test_an_export_is_one_snapshot_while_another_command_writes(
    nlp, example_articles, tmp_path, monkeypatch
):
    """An article saved between the export's first read and its later ones is not half in it."""
    info = run_info(nlp)
    first, *rest = list(analyse(example_articles, nlp))
    path = tmp_path / "w.db"
    with Store(path) as store, Store(path) as writer:
        store.save(first, fingerprint="f", run_id=store.begin_run(info, "test"))
        refresh_corpus(store)
        articles = Store.articles

        def articles_then_a_save(self, ids=None):
            found = articles(self, ids)
            if rest:  # `analyze` in another process commits an article right now
                writer.save(rest.pop(), fingerprint="f", run_id=1)
            return found

        monkeypatch.setattr(Store, "articles", articles_then_a_save)
        document = build_export(store)
    ids = {article["id"] for article in document["articles"]}
    assert ids == {first.article.id}
    for table in ("mentions", "quotes", "figures", "events", "framing"):
        assert {row["article"] for row in document[table]} <= ids, table


@pytest.mark.issue(19)
def test_csv_cells_hold_no_json_and_nested_records_are_files(document, tmp_path):
    """Lists of words are `; `-joined; lists of records are files named for what they hold,
    one row per record led by its owner's id; every file opens in a spreadsheet as rows."""
    files = {f.name: f for f in write_export(document, "csv", tmp_path)}
    assert {"comparison_items.csv", "story_copies.csv", "article_blocks.csv"} <= set(files)
    assert "framing_loaded_terms.csv" in files and "quotes.csv" in files
    for file in files.values():
        with file.open(newline="", encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                assert not any(v.startswith(("[", "{")) for v in row.values() if v), file.name
    with files["comparison_items.csv"].open(newline="", encoding="utf-8") as handle:
        items = list(csv.DictReader(handle))
    ids = {c["id"] for c in document["comparisons"]}
    assert len(items) == sum(len(c["items"]) for c in document["comparisons"])
    assert {row["comparison"] for row in items} == ids
    with files["stories.csv"].open(newline="", encoding="utf-8") as handle:
        story = next(csv.DictReader(handle))
    assert story["articles"].split("; ") == document["stories"][0]["articles"]


@pytest.mark.issue(19)
@pytest.mark.parametrize("table", ["quotes", "figures", "events", "timeline"])
def test_every_record_row_keeps_its_source(document, table, tmp_path):
    """Article id, title, outlet, date, URL and span on every row, in every format."""
    articles = {a["id"]: a for a in document["articles"]}
    assert document[table]
    for row in document[table]:
        article = articles[row["article"]]
        assert row["article_title"] == article["title"] and row["url"] == article["url"]
        assert (row["outlet"], row["published"]) == (article["outlet"], article["published"])
        assert article["text"][row["start"] : row["end"]]
    write_export(document, "csv", tmp_path)
    with (tmp_path / f"{table}.csv").open(newline="", encoding="utf-8") as handle:
        header = csv.DictReader(handle).fieldnames
    assert {"article", "article_title", "outlet", "published", "url", "start", "end"} <= set(header)
