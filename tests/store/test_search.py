"""What a search query means (words AND'ed, punctuation inside a word as the index splits it),
on real news: MEANTIME's Wikinews articles, stored without analysis and read in place."""

import re

import pytest
import Stemmer

from storyledger.extract.registry import Analysis
from storyledger.model import RunInfo
from storyledger.store import Store
from storyledger.store.search import SEARCH_RULE, fts_query, search_terms, unmark
from tests.conftest import MEANTIME, need, read_articles

INFO = RunInfo(pipeline_version="t", model_name="m", model_version="0")
TOKEN = re.compile(r"[^\W_]+")
PORTER = Stemmer.Stemmer("porter")  # the stemmer of the index's `porter` tokenizer


def stems(text):
    return PORTER.stemWords(TOKEN.findall(text.lower()))


@pytest.fixture(scope="module")
def meantime(tmp_path_factory):
    articles = read_articles(need(MEANTIME))
    with Store(tmp_path_factory.mktemp("search") / "m.db") as store:
        run_id = store.begin_run(INFO, "test")
        for article in articles:
            store.save(Analysis(article=article), fingerprint="f", run_id=run_id)
        yield store, articles


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("Boeing's", ["boeing s"]),
        ("Boeing’s", ["boeing s"]),
        ("U.S.", ["u s"]),
        ("10,000", ["10 000"]),
        ("sub-prime", ["sub prime"]),
        ('"air force" tanker', ["air force", "tanker"]),
        ("negotiat*", ["negotiat*"]),
        ('"unbalanced phrase', ["unbalanced phrase"]),
        ("ceasefire NEAR talks", ["ceasefire", "near", "talks"]),
        ("Café (AND) -", ["café", "and"]),
        ("", []),
        ("   ", []),
        ('"" * - ...', []),
    ],
)
def test_search_terms(query, terms):
    assert search_terms(query) == terms
    assert (fts_query(query) is None) == (not terms)


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    "query", ["Boeing's", "U.S.", "10,000", "sub-prime", "Apple's", "fuel-efficient"]
)
def test_punctuated_words_find_every_article_holding_them(meantime, query):
    """Every article whose text holds the word as written is found, and every match span
    reads as the word (case aside)."""
    store, articles = meantime
    holding = {a.id for a in articles if re.search(rf"(?<!\w){re.escape(query)}", a.text, re.I)}
    found = store.search(query, limit=200)
    assert holding and holding <= {row["id"] for row in found}
    text = {a.id: a.text for a in articles}
    for row in found:
        spans = [text[row["id"]][s:e] for s, e in row["spans"]]
        assert spans or row["title_spans"], row["id"]
        assert all(stems(span) == stems(query) for span in spans)


@pytest.mark.issue(19)
def test_words_are_anded_and_phrases_are_kept_whole(meantime):
    store, articles = meantime
    boeing = {r["id"] for r in store.search("Boeing", limit=200)}
    tanker = {r["id"] for r in store.search("tanker", limit=200)}
    both = {r["id"] for r in store.search("Boeing tanker", limit=200)}
    assert both and both == boeing & tanker and both != boeing
    phrase = {r["id"] for r in store.search('"air force"', limit=200)}
    assert phrase == {a.id for a in articles if re.search(r"\bair force\b", a.text, re.I)}


@pytest.mark.issue(19)
@pytest.mark.parametrize("query", ["", "  ", '"', "*", "NEAR(", "a AND OR NOT", "-x", "'", "—"])
def test_odd_input_is_never_an_error(meantime, query):
    store, _ = meantime
    assert isinstance(store.search(query), list)
    assert isinstance(store.search_quotes(query), list)


@pytest.mark.issue(19)
def test_snippet_spans_mark_the_match():
    snippet, spans = unmark("… the \ue000U.N\ue001. said \ue000Hale's\ue001 …")
    assert snippet == "… the U.N. said Hale's …"
    assert [snippet[s:e] for s, e in spans] == ["U.N", "Hale's"]
    assert SEARCH_RULE["combine"] == "and"
