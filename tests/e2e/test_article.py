"""The article view as the layout stage found it: the headline once, subheadings and bullets as
such, hard-wrapped lines joined into paragraphs, and every character still in place."""

import json

import pytest

from storyledger.cli import main
from tests.e2e.conftest import shoot

# Our own article, hard-wrapped at about 60 characters as plain-text newsletters are.
TEXT = """Storm closes the harbour road

The harbour road was closed on Tuesday after a storm
brought down two cranes and flooded the lower docks,
the port authority said in a statement.

Officials said the clean-up could take a week, and that
no one had been hurt.

What the port said

- The road stays closed until Friday.
- Ferries run from the north pier.
- Freight is moved to the rail yard.

Traders said the closure would cost them dearly."""


@pytest.fixture(scope="module")
def wrapped(tmp_path_factory):
    folder = tmp_path_factory.mktemp("wrapped")
    dump = folder / "a.jsonl"
    record = {"text": TEXT, "title": "Storm closes the harbour road", "outlet": "Port News"}
    dump.write_text(json.dumps(record) + "\n", encoding="utf-8")
    db, out = folder / "w.db", folder / "w.html"
    assert main(["analyze", str(dump), "--db", str(db)]) == 0
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    return out


@pytest.mark.issue(19)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_article_reads_as_laid_out(page, wrapped, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(wrapped.as_uri() + "#view=articles")
    page.wait_for_selector("body[data-ready=true]")
    page.locator(".article-list a").first.click()
    page.wait_for_selector(".article-text")
    article = page.locator(".card.article")
    assert article.inner_text().count("Storm closes the harbour road") == 1
    assert article.locator("h2").inner_text() == "Storm closes the harbour road"
    assert page.locator(".article-text h3").all_inner_texts() == ["What the port said"]
    bullets = page.locator(".article-text ul.bullets li").all_inner_texts()
    assert bullets == [
        "The road stays closed until Friday.",
        "Ferries run from the north pier.",
        "Freight is moved to the rail yard.",
    ]
    first = page.locator(".article-text p").first
    assert "\n" not in first.inner_text()  # hard-wrapped lines joined
    assert first.inner_text().startswith("The harbour road was closed") and "docks, the" in (
        first.inner_text()
    )
    assert first.evaluate("p => parseFloat(getComputedStyle(p).marginBottom)") > 8
    assert page.locator(".article-text p").count() == 3
    assert page.locator(".article-text").text_content() == TEXT  # offsets untouched
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    shoot(page, f"article-laid-out-{width}")
