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


def _marks_inside(page):
    """Whether every drawn mark of every chart lies inside its chart (nothing cut at an edge)."""
    return page.evaluate(
        """[...document.querySelectorAll('.chart svg')].every(svg => {
          const box = svg.getBoundingClientRect();
          return [...svg.querySelectorAll('g.role-mark > path, g.role-mark > line')].every(m => {
            const r = m.getBoundingClientRect();
            return r.left >= box.left - 1 && r.right <= box.right + 1
              && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
          });
        })"""
    )


@pytest.mark.issue(19)
def test_figure_series_are_lines_with_bounds_in_words(page, example_report):
    page.goto(example_report.as_uri() + "#view=trends")
    page.wait_for_selector("body[data-ready=true]")
    charts = _charts(page)
    assert len(charts) >= 2
    assert page.locator(".chart g.mark-line path").count() == len(charts)
    assert page.locator(".chart g.mark-rule line").count() >= 1  # ranges and open bounds
    text = page.locator("#main").inner_text()
    assert "open-ended bound" not in text and "true" not in text and "false" not in text
    values = page.locator("[data-card^=trend] tbody td:nth-child(3)").all_inner_texts()
    assert "at least 14" in values
    # one shape means one relation in every chart: the legend's symbol for "first report"
    shapes = page.evaluate(
        """[...document.querySelectorAll('.chart svg')].map(svg => {
          const label = [...svg.querySelectorAll('.role-legend-label text')]
            .find(t => t.textContent === 'first report');
          const entry = label && label.closest('.role-legend-entry, g[class*=legend-entry]');
          const symbol = entry && entry.querySelector('.role-legend-symbol path');
          return symbol ? symbol.getAttribute('d') : null;
        })"""
    )
    assert None not in shapes and len(set(shapes)) == 1
    assert _marks_inside(page)


@pytest.mark.issue(19)
@pytest.mark.parametrize("width", [1280, 390])
def test_the_timeline_chart_shows_years_and_keeps_points_whole(page, meantime_report, width):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(meantime_report.as_uri() + "#view=timeline")
    page.wait_for_selector("body[data-ready=true]")
    (chart,) = _charts(page)
    assert chart["marks"] == chart["given"] > 100
    labels = page.locator(".chart .role-axis-label text").all_text_contents()
    assert any(label.strip().isdigit() and len(label.strip()) == 4 for label in labels)
    assert _marks_inside(page)
    holder = page.locator(".chart").bounding_box()
    svg = page.locator(".chart svg").bounding_box()
    assert svg["width"] >= 0.95 * holder["width"]  # full width
    legend = page.locator(".chart .role-legend").first.bounding_box()
    plot = page.locator(".chart .role-axis").first.bounding_box()
    if width < 640:
        assert legend["y"] >= plot["y"] + plot["height"] - 1  # the legend below the chart
    else:
        assert legend["x"] >= plot["x"] + plot["width"] - 1  # the legend beside it


@pytest.mark.issue(19)
def test_the_served_ui_draws_the_same_charts(page, served_ui):
    seen = _every_view(page, served_ui, 1280, "served")
    charts = [chart for view in seen.values() for chart in view]
    assert len(charts) >= 4  # coverage, timeline and a chart per figure series
    assert all(c["state"] == "done" and c["marks"] >= 1 for c in charts), charts
