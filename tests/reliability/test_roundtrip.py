"""Any text the ingest accepts goes through analyse, save and export with every record intact:
the exported records are the analysis' records, and every span's text is the article's text
between its offsets."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from storyledger.crossarticle import refresh_corpus
from storyledger.export import build_export, write_export
from storyledger.export.contract import field_names
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.model import Article
from storyledger.pipeline import analyse, run_info
from storyledger.store import Store, fingerprint
from storyledger.store.rows import plain

FRAGMENTS = [
    'He said "we will win" on Monday.',
    "“Nothing,” she said, “is settled.”",
    "«Non», a-t-il dit.",
    "Smith told Reuters that prices would rise 5 percent in 2024.",
    "President Maria Lopez said on Tuesday that the talks in Geneva had failed.",
    '"We are not leaving," said Ahmed Khan, a spokesman for the United Nations.',
    "The ministry, which employs 4,000 people, denied claims that it had lied.",
    "According to police, 3 people died and 1,234 were hurt.",
    "The fund lost €3.5bn (about $3.8 billion), up 12% on 2023.",
    "It's the boys' club's rule.",
    "Dr. Ana Müller-Lüdenscheidt of São Paulo",
    "東京で会議があった。",
    "١٢٣ and ½ and 10⁶",
    "🙂🔥👍🏽👨‍👩‍👧",
    "e\u0301 cafe\u0301 na\u00efve",
    "\u00a0\u200b\u2028",
    "—",
    "…",
    '"',
    "'",
    "\n",
    "\n\n",
    "\t",
]
fragments = st.sampled_from(FRAGMENTS)
pieces = st.one_of(
    fragments,
    fragments,  # twice: most pieces are news-like, so the records are many
    st.text(st.characters(exclude_categories=("Cs", "Cc")), max_size=12),
    st.integers(-(10**9), 10**9).map(str),
    st.floats(allow_nan=False, allow_infinity=False).map(str),
)
texts = st.lists(pieces, min_size=4, max_size=16).map(" ".join)

# the fields the cross-article stage rewrites (actor ids); the rest must come back unchanged
LINKS = {
    "mentions": {"actor_id", "kind"},
    "quotes": {"speaker_actor"},
    "events": {"actor_id", "target_id"},
}
# the columns an export adds to a record from its article (#19 item 10) or its speaker's actor
# (#19 item 5): checked against the article below, not against the stage's record
SOURCE = {"article_title", "outlet", "published", "url"}
DERIVED = {"quotes": SOURCE | {"person"}, "figures": SOURCE, "events": SOURCE}


def spans(document):
    """`(article, start, end, text, where)` of every exported record that quotes its article."""
    for article in document["articles"]:
        for item in article["cited_sources"]:
            yield article["id"], item["start"], item["end"], item["text"], "cited_sources"
    for table in ("mentions", "quotes", "figures", "events"):
        for row in document[table]:
            yield row["article"], row["start"], row["end"], row["text"], f"{table} {row['id']}"
    for row in document["framing"]:
        for name in ("loaded_terms", "markers", "cited_sources"):
            for item in row[name]:
                yield row["article"], item["start"], item["end"], item["text"], f"framing {name}"


def exported(document, table, skip=()):
    return sorted(
        ({k: v for k, v in row.items() if k not in skip} for row in document[table]),
        key=lambda row: json.dumps(row, sort_keys=True),
    )


def expected(records, table, skip=()):
    rows = [{name: plain(record).get(name) for name in field_names(table)} for record in records]
    return exported({table: rows}, table, skip)


@pytest.mark.issue(20)
@settings(max_examples=25)
@given(text=texts)
def test_analyse_save_export_keeps_every_record_exact(nlp, text):
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "article.txt"
        source.write_text(text, encoding="utf-8")
        (found,) = read_inputs([source], IngestOptions())
        assume(isinstance(found, Article))
        (analysis,) = analyse([found], nlp)
        info = run_info(nlp)
        with Store(Path(folder) / "r.db") as store:
            run_id = store.begin_run(info, "test")
            store.save(analysis, fingerprint=fingerprint(found, info), run_id=run_id)
            refresh_corpus(store)
            (out,) = write_export(build_export(store), "json", Path(folder) / "e.json")
        document = json.loads(out.read_text(encoding="utf-8"))
    (article,) = document["articles"]
    assert article["text"] == analysis.article.text == found.text
    for table in ("mentions", "quotes", "figures", "events", "framing"):
        skip = LINKS.get(table, set()) | DERIVED.get(table, set())
        assert exported(document, table, skip) == expected(analysis.get(table), table, skip)
        for row in document[table] if table in DERIVED else ():
            assert row["article_title"] == article["title"]
            assert row["url"] == article["url"]
    for article_id, start, end, span_text, where in spans(document):
        assert article_id == article["id"], where
        assert 0 <= start <= end <= len(article["text"]), where
        assert article["text"][start:end] == span_text, where
