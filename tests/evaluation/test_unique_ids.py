"""No stage emits one record twice (issue #18); the whole-corpus run is
`scripts/check_unique_ids.py` (all MEANTIME and a quarter of ECB+: 0 duplicates)."""

import pytest

from storyledger.evaluation.unique_ids import duplicate_ids
from storyledger.model import Article
from storyledger.pipeline import analyse
from tests.conftest import MEANTIME, need, read_articles

PASSAGES = [
    # two speech verbs report the same words ("agree to testify that ...")
    "The former aide agreed to testify that the minister had seen the report.",
    # a partial quote inside its speaker's indirect report
    'Senator Ruth Alvarez said the plan was "dead on arrival" and would not pass.',
]


@pytest.mark.issue(18)
def test_no_stage_emits_an_id_twice_on_real_news(nlp):
    articles = read_articles(need(MEANTIME))[:20]
    passages = [Article(id=f"p{n}", text=text, source="t") for n, text in enumerate(PASSAGES)]
    analyses = list(analyse(articles + passages, nlp))
    assert len(analyses) == len(articles) + len(passages)
    assert {a.article.id: duplicate_ids(a) for a in analyses if duplicate_ids(a)} == {}


@pytest.mark.issue(18)
def test_a_record_twice_is_reported():
    from storyledger.extract import Analysis
    from storyledger.model import Quote

    text = "He said yes."
    quote = Quote(article="a", start=8, end=11, text="yes", id="q1", kind="direct")
    analysis = Analysis(
        article=Article(id="a", text=text, source="t"), records={"quotes": (quote, quote)}
    )
    assert duplicate_ids(analysis) == {"quotes": ["q1"]}
