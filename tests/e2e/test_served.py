"""The served UI while the store changes under it: search and the views answer from one state."""

import pytest

from storyledger.cli import main
from storyledger.model import Article
from storyledger.pipeline import analyse, run_info
from storyledger.store import Store, fingerprint
from storyledger.web.server import serving
from tests.conftest import EXAMPLES

LATE = "A zeppelin landed in the square of Kestrel Hill on Friday, officials said."


@pytest.mark.issue(20)
def test_a_result_stored_after_the_page_loaded_opens(page, nlp, tmp_path):
    db = tmp_path / "s.db"
    story, meta = EXAMPLES / "story", EXAMPLES / "meta.json"
    assert main(["analyze", str(story), "--meta", str(meta), "--db", str(db)]) == 0
    article = Article(id=Article.id_for(LATE), text=LATE, source="late.txt", title="Zeppelin")
    info = run_info(nlp)
    (analysis,) = analyse([article], nlp)
    with serving(db) as url, Store(db) as writer:
        page.goto(url)
        page.wait_for_selector("body[data-ready=true]")
        writer.save(
            analysis, fingerprint=fingerprint(article, info), run_id=writer.begin_run(info, "t")
        )
        page.fill("#search-input", "zeppelin")
        page.press("#search-input", "Enter")
        result = page.locator("[data-card=search] .results li a")
        result.first.wait_for()
        assert result.count() == 1
        result.first.click()
        page.wait_for_selector(".article-text")
        assert page.locator(".article-text").text_content() == LATE
        page.click("nav button[data-view=articles]")
        page.locator(".article-list li").nth(4).wait_for()
        assert page.locator(".article-list li").count() == 5
