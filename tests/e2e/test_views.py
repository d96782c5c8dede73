"""What a reader sees in the views: outlets side by side, filters kept in the URL, phone cards."""

import json

import pytest

from storyledger.cli import main
from storyledger.report import build_views, render_page
from storyledger.store import Store
from tests.e2e.conftest import shoot

# Our own short articles: The Ledger has two, so it leads the side by side by default.
ARTICLES = [
    ("The Ledger", "2024-05-01", "Dam fails", "At least 12 people died, officials said."),
    ("The Ledger", "2024-05-03", "Toll rises", "The toll rose to 20, the coroner said."),
    ("Bay Post", "2024-05-02", "Flood in the bay", "About 15 people died, police said."),
    ("Hill Times", "2024-05-02", "Valley flood", "Rescuers saved 40 people on Monday."),
    ("Coast FM", "2024-05-04", "Clean-up starts", "The clean-up began, a mayor said."),
]


@pytest.fixture(scope="module")
def four_outlets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("outlets")
    dump = folder / "a.jsonl"
    dump.write_text(
        "".join(
            json.dumps({"outlet": o, "published": d, "title": t, "text": f"{t}\n\n{x}"}) + "\n"
            for o, d, t, x in ARTICLES
        )
    )
    db, out = folder / "o.db", folder / "o.html"
    assert main(["analyze", str(dump), "--db", str(db)]) == 0
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    return out


def _open(page, url):
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")


def _columns(page):
    return page.locator("[data-card=outlets_aligned] thead th").all_inner_texts()[1:]


@pytest.mark.issue(19)
def test_side_by_side_leads_with_the_outlet_with_most_articles(page, four_outlets):
    _open(page, four_outlets.as_uri() + "#view=outlets")
    assert _columns(page)[0] == "The Ledger" and len(_columns(page)) == 3
    measures = page.locator("[data-card=outlets_aligned] tbody td:first-child").all_inner_texts()
    assert {"headline", "sources quoted", "share of sentences with a source"} <= set(measures)
    headline = page.locator("[data-card=outlets_aligned] tbody tr").first.inner_text()
    assert "Dam fails" in headline and "Toll rises" in headline
    assert not any("_" in m for m in measures)  # words, not column names


@pytest.mark.issue(19)
def test_a_fourth_outlet_stays_ticked_and_the_url_keeps_it(page, four_outlets):
    _open(page, four_outlets.as_uri() + "#view=outlets")
    fourth = page.locator(".outlet-pick input:not(:checked)").first.get_attribute("value")
    page.click(f".outlet-pick input[value='{fourth}']")
    assert page.locator(".outlet-pick input:checked").count() == 4
    assert fourth in _columns(page) and len(_columns(page)) == 4
    assert page.evaluate("location.hash").count("outlet=") == 4
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert len(_columns(page)) == 4 and fourth in _columns(page)
    shoot(page, "outlets-four")


@pytest.mark.issue(19)
def test_quote_filters_survive_a_reload(page, example_report):
    _open(page, example_report.as_uri() + "#view=quotes")
    page.select_option("select[name=anonymous]", "true")
    rows = page.locator("[data-card=quotes] tbody tr").count()
    assert "anonymous=true" in page.evaluate("location.hash")
    shared = page.url
    page.goto("about:blank")
    _open(page, shared)
    assert page.input_value("select[name=anonymous]") == "true"
    assert page.locator("[data-card=quotes] tbody tr").count() == rows


@pytest.mark.issue(19)
def test_phone_width_tables_become_cards(page, four_outlets):
    page.set_viewport_size({"width": 390, "height": 844})
    _open(page, four_outlets.as_uri() + "#view=outlets")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    cell = page.locator("[data-card=outlets] tbody td").nth(1)
    assert cell.evaluate("td => getComputedStyle(td).display") == "grid"
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"articles"'
    assert page.locator("[data-card=outlets] thead").bounding_box()["height"] <= 1
    shoot(page, "outlets-phone")


@pytest.mark.issue(19)
def test_the_page_is_titled_by_its_story(page, example_db, tmp_path):
    with Store(example_db) as store:
        views = build_views(store)
    (tmp_path / "p.html").write_text(render_page(views), encoding="utf-8")  # no title given
    _open(page, (tmp_path / "p.html").as_uri())
    name = page.locator("[data-card=stories] tbody td").first.inner_text()
    assert page.title() == name and page.locator(".top h1").inner_text() == name
    assert page.locator("select[name=story]").count() == 0  # one story: nothing to pick


@pytest.mark.issue(19)
def test_a_story_picked_narrows_every_view_and_stays_in_the_url(page, meantime_report):
    _open(page, meantime_report.as_uri())
    options = page.locator("select[name=story] option").all_inner_texts()
    stories = int(options[0].split()[1])  # the grouping decides how many (issue #17 tunes it)
    assert stories > 1 and options[0] == f"all {stories} stories" and len(options) == stories + 1
    two = next(o for o in options if o.endswith("(2 articles)"))
    page.select_option("select[name=story]", label=two)
    assert page.title() == two.rsplit(" (", 1)[0]
    assert page.locator(".summary").inner_text().startswith("2 articles from 1 outlet,")
    assert "story=" in page.evaluate("location.hash")
    page.click("nav button[data-view=articles]")
    assert page.locator(".article-list li").count() == 2
    assert "story=" in page.evaluate("location.hash")
    page.reload()
    page.wait_for_selector("body[data-ready=true]")
    assert page.locator(".article-list li").count() == 2
    assert page.input_value("select[name=story]") != ""
    page.select_option("select[name=story]", "")
    assert page.locator(".article-list li").count() == 30
    shoot(page, "story-picker")
