"""Every chart of every view draws its marks, on the examples, the seeds and real Wikinews
articles, at desktop and phone width: counted in the drawn SVG, not assumed from the spec."""

import pytest

from tests.e2e.conftest import shoot

VIEWS = ("overview", "timeline", "trends", "actors", "quotes", "outlets", "articles")
WIDTHS = {"desktop": 1280, "phone": 390}


def _charts(page):
    """Each chart of the view: its state, the data points it was given and its drawn marks."""
    for holder in page.locator(".chart").all():
        holder.scroll_into_view_if_needed()
    page.wait_for_function(
        "[...document.querySelectorAll('.chart')].every(c => ['done', 'failed']"
        ".includes(c.dataset.drawn))"
    )
    return page.evaluate(
        "[...document.querySelectorAll('.chart')].map(c => ({label: c.getAttribute('aria-label'),"
        " state: c.dataset.drawn, given: Number(c.dataset.marks),"
        " marks: c.querySelectorAll('svg g.role-mark > path, svg g.role-mark > line').length}))"
    )


def _every_view(page, url, width, name):
    page.set_viewport_size({"width": width, "height": 900})
    warnings = []
    page.on("console", lambda m: warnings.append(m.text) if m.type in ("warning", "error") else 0)
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")
    seen = {}
    for view in VIEWS:
        page.click(f"nav button[data-view={view}]")
        page.wait_for_selector("#main .card, #main p")
        seen[view] = _charts(page)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        shoot(page, f"charts-{name}-{view}-{width}")
    assert warnings == []
    return seen


@pytest.mark.issue(19)
@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
@pytest.mark.parametrize("report", ["example_report", "seeds_report", "meantime_report"])
def test_every_chart_draws_its_marks(page, request, report, width):
    seen = _every_view(page, request.getfixturevalue(report).as_uri(), width, report)
    charts = [chart for view in seen.values() for chart in view]
    assert seen["overview"] and seen["timeline"]  # coverage and the timeline are always drawn
    for chart in charts:
        assert chart["state"] == "done", chart
        assert chart["marks"] >= 1 and chart["given"] >= 1, chart
    if report != "meantime_report":  # the Wikinews sample has no figure in two articles
        assert seen["trends"]


@pytest.mark.issue(19)
def test_coverage_draws_one_bar_per_outlet_and_day(page, meantime_report):
    page.goto(meantime_report.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    (chart,) = _charts(page)
    rows = page.locator("[data-card=coverage] tbody tr").count()
    more = page.locator("[data-card=coverage] .more")
    if more.count():
        rows += int(more.inner_text().rsplit(" ", 1)[1])
    assert chart["marks"] == rows
    assert "0.000000" not in page.locator("[data-card=coverage] svg").text_content()
