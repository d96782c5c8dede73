"""Screenshots of the seed story's report for the README (docs/screenshots/*.png).

Analyses ../shared/seeds/ into a temporary store, writes its report, and has headless Debian
Chromium (Playwright) take one picture per view at desktop width (`overview.png`) and at phone
width (`overview-phone.png`), after every chart in sight has drawn.
Run: .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import Page, sync_playwright  # noqa: E402
from tests.e2e.conftest import ARGS, CHROMIUM  # noqa: E402

from storyledger.cli import main  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
OUT = ROOT / "docs" / "screenshots"
SHOTS = (
    ("overview", "#view=overview"),
    ("timeline", "#view=timeline"),
    ("figures", "#view=trends"),
    ("actors", "#view=actors"),
    ("quotes", "#view=quotes"),
    ("outlets", "#view=outlets"),
    ("articles", "#view=articles"),
)
WIDTHS = (("", {"width": 1280, "height": 800}), ("-phone", {"width": 390, "height": 844}))
DRAWN = (
    "[...document.querySelectorAll('.chart')].every(c => ['done', 'failed']"
    ".includes(c.dataset.drawn) || c.getBoundingClientRect().top > innerHeight)"
)


def _settle(page: Page) -> None:
    page.wait_for_selector("body[data-ready=true]")
    page.wait_for_function(DRAWN)
    page.wait_for_timeout(300)


def run() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db, report = Path(folder) / "seeds.db", Path(folder) / "seeds.html"
        main(["analyze", str(SEEDS), "--meta", str(SEEDS / "meta.json"), "--db", str(db)])
        main(
            ["report", "--db", str(db), "--out", str(report), "--title", "storyledger: seed story"]
        )
        OUT.mkdir(parents=True, exist_ok=True)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            for suffix, viewport in WIDTHS:
                page = browser.new_page(viewport=viewport)
                for name, fragment in SHOTS:
                    page.goto(report.as_uri() + fragment)
                    _settle(page)
                    page.screenshot(path=str(OUT / f"{name}{suffix}.png"))
                page.goto(report.as_uri() + "#view=articles")
                _settle(page)
                page.locator(".article-list a").last.click()
                page.wait_for_selector(".article-text")
                page.screenshot(path=str(OUT / f"article{suffix}.png"))
                page.close()
            browser.close()


if __name__ == "__main__":
    run()
