"""The per-article core on texts of any length: long texts are parsed in pieces, whole."""

import pytest

from storyledger.model import Article
from storyledger.pipeline import analyse


@pytest.mark.issue(20)
def test_a_text_beyond_the_parsers_limit_is_analysed_whole(nlp, monkeypatch, seed_analyses):
    """spaCy refused texts over `nlp.max_length` (E088, one million characters); pieces
    joined into one Doc keep every offset, and on the seeds every record is the same."""
    monkeypatch.setattr(nlp, "max_length", 1_500)
    articles = [analysis.article for analysis in seed_analyses.values()]
    assert all(len(article.text) > 3 * 1_500 // 2 for article in articles)
    for whole, pieced in zip(seed_analyses.values(), analyse(articles, nlp), strict=True):
        assert pieced.doc.text == whole.doc.text
        assert dict(pieced.records) == dict(whole.records)


def test_a_block_of_quotation_marks_is_analysed(nlp):
    """3,000 quotation marks in a row: the tokenizer peels them one by one (its time grows
    with the square of the run), so the run is read in pieces; the article is analysed."""
    text = "Markets fell.\n\n" + '"' * 3_000 + '\n\nThe minister said "no comment".\n'
    (analysis,) = analyse([Article(id="marks", text=text, source="marks.txt")], nlp)
    assert len(analysis.doc.text) == len(text)  # the model's same-length copy, whole
    for name in ("sentences", "quotes", "mentions"):
        assert all(text[r.start : r.end] == r.text for r in analysis.get(name))
    assert [q.text for q in analysis.get("quotes")] == ["no comment"]


def test_an_empty_text_still_gives_an_analysis(nlp):
    (analysis,) = analyse([Article(id="e", text="", source="e.txt")], nlp)
    assert len(analysis.doc) == 0 and analysis.get("quotes") == ()
