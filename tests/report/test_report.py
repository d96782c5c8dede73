"""The report: views built from the store, and a page that never lets article text run."""

import json
import re

import pytest

from storyledger.crossarticle import refresh_actors, refresh_comparisons
from storyledger.model import Article
from storyledger.pipeline import analyse, run_info
from storyledger.report import build_views, render_page
from storyledger.report.page import embedded_json
from storyledger.store import Store, fingerprint

HOSTILE = (
    'Mayor <script>alert("x")</script> spoke.\n'
    'A photo <img src=x onerror="alert(1)"> was posted.\n'
    'Read more at <a href="javascript:alert(2)">this link</a> and "</script><b>bold</b>".\n'
    "At least 14 people were killed, officials said."
)


def _store(tmp_path, nlp, articles):
    store = Store(tmp_path / "r.db")
    info = run_info(nlp)
    run_id = store.begin_run(info, "test")
    for analysis in analyse(articles, nlp):
        store.save(analysis, fingerprint=fingerprint(analysis.article, info), run_id=run_id)
    refresh_actors(store)
    refresh_comparisons(store)
    return store


@pytest.fixture(scope="module")
def example_views(nlp, example_articles, tmp_path_factory):
    with _store(tmp_path_factory.mktemp("r"), nlp, example_articles) as store:
        yield build_views(store)


@pytest.mark.issue(8)
def test_views_hold_every_record_with_its_span(example_views):
    views = example_views
    texts = {a["id"]: a["text"] for a in views["articles"]}
    assert views["meta"]["articles"] == 4 and views["stories"]
    for name in ("quotes", "figures", "loaded"):
        assert views[name]
        for row in views[name]:
            assert 0 <= row["start"] < row["end"] <= len(texts[row["article"]])
    assert views["trends"] and all(t["spec"]["layer"] for t in views["trends"])
    toll = next(t for t in views["trends"] if "killed" in t["topic"])
    assert toll["rows"][0]["relation"] == "first"
    assert {"update"} <= {r["relation"] for r in toll["rows"]}
    assert {row["outlet"] for row in views["outlets"]} == {a["outlet"] for a in views["articles"]}
    assert views["speakers"][0]["quotes"] >= views["speakers"][-1]["quotes"]


@pytest.mark.issue(8)
def test_the_page_is_self_contained(example_views):
    page = render_page(example_views)
    assert "<script src" not in page and "<link" not in page
    assert not re.search(r"""(src|href)=["']https?://""", page)
    assert "vegaEmbed" in page and "default-src 'none'" in page


@pytest.mark.issue(8)
def test_hostile_article_text_cannot_run(nlp, tmp_path):
    article = Article(
        id=Article.id_for(HOSTILE),
        text=HOSTILE,
        source="hostile.txt",
        url="javascript:alert(3)",
        outlet='<img src=x onerror="alert(4)">',
    )
    with _store(tmp_path, nlp, [article]) as store:
        page = render_page(build_views(store), title='<script>alert("t")</script>')
    data = page.split('id="storyledger-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in data and json.loads(data)["articles"][0]["text"] == HOSTILE
    head = page.split('<script type="application/json"', 1)[0]
    assert "<script>alert" not in head and "&lt;script&gt;alert" in head
    assert page.count("<script") == 5  # the data, three vendored libraries, the page's own


def test_embedded_json_escapes_markup():
    text = embedded_json({"t": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"t": "</script><!-- & -->"}


@pytest.mark.issue(20)
def test_embedded_json_writes_a_lone_surrogate_as_its_escape():
    value = {"t": "a\ud800b \udfff 😀 \u2028 </script>"}
    text = embedded_json(value)
    assert text.encode("utf-8") and json.loads(text) == value
    assert "\\ud800" in text and "😀" in text
