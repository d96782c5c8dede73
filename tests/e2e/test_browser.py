"""The report and the web UI as a person uses them, in a real (headless) Chromium."""

import csv
import io

import pytest

from storyledger.cli import main
from tests.e2e.conftest import shoot

VIEWS = ("overview", "timeline", "trends", "actors", "quotes", "outlets", "articles")


def _open(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


@pytest.mark.issue(8)
def test_every_view_of_the_report_from_disk(page, example_report):
    _open(page, example_report.as_uri())
    for view in VIEWS:
        page.click(f"nav button[data-view={view}]")
        page.wait_for_selector("#main .card")
        assert page.get_attribute(f"nav button[data-view={view}]", "aria-current") == "page"
        page.wait_for_timeout(300)  # let the charts draw
        shoot(page, f"report-{view}")
    page.click("nav button[data-view=trends]")
    page.wait_for_selector(".chart svg")


@pytest.mark.issue(8)
def test_a_figure_clicks_through_to_its_highlighted_span(page, example_report):
    _open(page, example_report.as_uri() + "#view=trends")
    first = page.locator(".span-link").first
    start, end = int(first.get_attribute("data-start")), int(first.get_attribute("data-end"))
    figure_text = first.locator("xpath=ancestor::tr/td[2]").inner_text()
    first.click()
    target = page.locator(".article-text mark.hl-target")
    target.first.wait_for()
    assert "".join(target.all_inner_texts()) == figure_text
    assert int(target.first.get_attribute("data-start")) == start
    assert int(target.last.get_attribute("data-end")) == end
    assert page.evaluate("document.activeElement.classList.contains('hl-target')")
    shoot(page, "report-article-span")


@pytest.mark.issue(8)
def test_quotes_filter_by_an_anonymous_speaker(page, example_report):
    _open(page, example_report.as_uri() + "#view=quotes")
    total = page.locator("[data-card=quotes] tbody tr").count()
    page.select_option("select[name=anonymous]", "true")
    rows = page.locator("[data-card=quotes] tbody tr")
    assert 0 < rows.count() < total
    assert set(rows.locator("td:nth-child(3)").all_inner_texts()) == {"true"}
    speaker = rows.locator("td:nth-child(2)").first.inner_text()
    page.select_option("select[name=speaker]", speaker)
    assert set(page.locator("[data-card=quotes] tbody td:nth-child(2)").all_inner_texts()) == {
        speaker
    }
    shoot(page, "report-quotes-anonymous")


@pytest.mark.issue(8)
def test_a_table_downloads_as_csv(page, example_report):
    _open(page, example_report.as_uri() + "#view=quotes")
    with page.expect_download() as download:
        page.click("[data-card=quotes] button[data-format=csv]")
    with open(download.value.path(), encoding="utf-8") as handle:
        text = handle.read()
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert header == ["kind", "speaker", "anonymous", "text", "outlet", "published"]
    assert len(rows) == page.locator("[data-card=quotes] tbody tr").count()


@pytest.mark.issue(8)
def test_search_a_phrase_in_the_served_ui(page, served_ui):
    _open(page, served_ui)
    page.fill("#search-input", '"drinking water"')
    page.press("#search-input", "Enter")
    results = page.locator("[data-card=search] .results li")
    results.first.wait_for()
    assert "drinking water" in results.first.inner_text().lower()
    shoot(page, "served-search")
    results.first.locator("a").click()
    page.wait_for_selector(".article-text")


@pytest.mark.issue(8)
def test_keyboard_and_phone_width(page, example_report):
    _open(page, example_report.as_uri())
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    # the view switches in the click handler: wait for it rather than read at once (a loaded
    # machine ran the read first)
    page.wait_for_selector("nav button[data-view=timeline][aria-current=page]", timeout=10_000)
    assert page.get_attribute("nav button[data-view=timeline]", "aria-current") == "page"
    page.set_viewport_size({"width": 390, "height": 844})
    for view in ("overview", "quotes"):
        page.click(f"nav button[data-view={view}]")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1
    shoot(page, "report-phone")


@pytest.mark.issue(8)
def test_hostile_article_renders_as_text(page, tmp_path):
    text = (
        "Officials <script>window.hacked = 1</script> met.\n"
        '<img src=x onerror="window.hacked = 2"> A photo.\n'
        '<a href="javascript:window.hacked=3">link</a>\n'
        "At least 3 people were hurt, police said."
    )
    dump = tmp_path / "hostile.jsonl"
    import json

    dump.write_text(
        json.dumps({"text": text, "url": "javascript:window.hacked=4", "outlet": "<b>X</b>"}) + "\n"
    )
    db, out = tmp_path / "h.db", tmp_path / "h.html"
    main(["analyze", str(dump), "--db", str(db)])
    main(["report", "--db", str(db), "--out", str(out)])
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    _open(page, out.as_uri() + "#view=articles")
    page.locator(".article-list a").first.click()
    page.wait_for_selector(".article-text")
    # every character is there as text (laid out in blocks, so lines may join on screen)
    assert page.locator(".article-text").text_content() == text
    assert page.locator(".article-text").inner_text().split() == text.split()
    assert page.locator(".article-text img, .article-text script, .article-text a").count() == 0
    assert page.get_attribute(".article-head a", "href") == "#"
    assert page.evaluate("window.hacked") is None and dialogs == []
