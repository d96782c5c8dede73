"""The one reader of a shared corpus's articles for the evaluations: each article with the
line it came from and the corpus's own document id (ECB+ and MEANTIME, read in place); an
exact copy of an earlier article, or one without text, is left out as `analyze` leaves it."""

import json

import pytest

from storyledger.evaluation.corpus import corpus_articles
from tests.conftest import MEANTIME, SHARED, need


@pytest.mark.parametrize("path", [SHARED / "corpora" / "ecbplus" / "articles.jsonl", MEANTIME])
def test_each_article_carries_its_line_and_document_id(path):
    rows = [json.loads(line) for line in need(path).read_text(encoding="utf-8").splitlines()]
    items = corpus_articles(path.parent)
    lines = [item.line for item in items]
    assert lines == sorted(set(lines)) and len(items) == len(
        {r["text"] for r in rows if r["text"].strip()}
    )
    for item in items:
        row = rows[item.line - 1]
        assert item.name == row["id"] and item.article.source.endswith(f":{item.line}")
        assert item.article.title == row.get("title")
