"""A headless Debian Chromium driven by Playwright, the example story as report and served UI."""

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from storyledger.cli import main
from tests.conftest import EXAMPLES, MEANTIME, ROOT, SEEDS, need

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(os.environ.get("STORYLEDGER_SCREENSHOTS", ROOT / "out" / "test-screenshots"))
# Chromium on this closed network: no background connections, no sandbox as root.
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def chromium():
    """A headless Chromium; skip (or fail, under STORYLEDGER_REQUIRE_BROWSER) without one.
    Playwright's sync API runs one at a time, so the fixtures that use it are module-scoped."""
    if not CHROMIUM.exists():
        if os.environ.get("STORYLEDGER_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} is missing (scripts/ensure_browser.sh installs it)")
        pytest.skip(f"{CHROMIUM} is missing: run scripts/ensure_browser.sh as root")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    opened = context.new_page()
    errors = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    context.close()
    assert errors == []


@pytest.fixture(scope="session")
def example_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("e2e") / "e.db"
    main(
        ["analyze", str(EXAMPLES / "story"), "--meta", str(EXAMPLES / "meta.json"), "--db", str(db)]
    )
    return db


@pytest.fixture(scope="session")
def example_report(example_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("report") / "story.html"
    main(["report", "--db", str(example_db), "--out", str(out)])
    return out


def _report(db, out, *inputs):
    assert main(["analyze", *map(str, inputs), "--db", str(db)]) == 0
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="session")
def seeds_report(tmp_path_factory):
    """The two seed articles with their sidecar (dates, no outlet), as a report file."""
    folder = tmp_path_factory.mktemp("seeds")
    return _report(folder / "s.db", folder / "s.html", need(SEEDS), "--meta", SEEDS / "meta.json")


@pytest.fixture(scope="session")
def meantime_report(tmp_path_factory):
    """The first 30 MEANTIME articles (Wikinews, read from the shared corpus) as a report."""
    folder = tmp_path_factory.mktemp("meantime")
    lines = need(MEANTIME).read_text(encoding="utf-8").splitlines()[:30]
    (folder / "mt.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return _report(folder / "m.db", folder / "m.html", folder / "mt.jsonl")


@pytest.fixture(scope="session")
def served_ui(example_db):
    from storyledger.web.server import serving

    with serving(example_db) as url:
        yield url


def shoot(page, name):
    """A screenshot of the page into the test output."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
