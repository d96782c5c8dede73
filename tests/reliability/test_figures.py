"""Figures on real news (issue #16): spans that point at their text, exact values, sane bounds,
over every MEANTIME article and a sample of ECB+ articles."""

import math
import re
from pathlib import Path

import pytest

from storyledger.pipeline import analyse
from tests.conftest import MEANTIME, SHARED, need, read_articles

ECBPLUS = SHARED / "corpora" / "ecbplus" / "articles.jsonl"
# A binary-float artefact: 4099999.9999999995, 16600000000.000002.
_ARTEFACT = re.compile(r"\d(?:9{6,}\d*|0{6,}[1-9]\d*)$")


def _figures(nlp, path: Path, limit: int):
    articles = read_articles(need(path))[:limit]
    for analysis in analyse(articles, nlp):
        for figure in analysis.get("figures"):
            yield analysis.article, figure


@pytest.mark.issue(16)
@pytest.mark.parametrize(("path", "limit"), [(MEANTIME, 120), (ECBPLUS, 150)])
def test_figures_hold_on_real_news(nlp, path, limit):
    seen = 0
    for article, figure in _figures(nlp, path, limit):
        seen += 1
        assert figure.text == article.text[figure.start : figure.end]
        for number in (figure.value, figure.low, figure.high):
            assert number is None or math.isfinite(number)
            assert number is None or not _ARTEFACT.search(repr(number)), figure
        if figure.low is not None and figure.high is not None:
            assert figure.low <= figure.high, figure
        if figure.qualifier == "range":
            assert figure.value is None and figure.low is not None and figure.high is not None
    assert seen > 100
