"""Screenshots of the seed story's report for the README (docs/screenshots/*.png).

Analyses ../shared/seeds/ into a temporary store, writes its report, and has headless Debian
Chromium (Playwright) take one picture per view. Run: .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402
from tests.e2e.conftest import ARGS, CHROMIUM  # noqa: E402

from storyledger.cli import main  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
OUT = ROOT / "docs" / "screenshots"
SHOTS = (
    ("overview", "#view=overview"),
    ("figures", "#view=trends"),
    ("quotes", "#view=quotes"),
    ("outlets", "#view=outlets"),
)


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
            page = browser.new_page(viewport={"width": 1280, "height": 760})
            for name, fragment in SHOTS:
                page.goto(report.as_uri() + fragment)
                page.wait_for_selector("body[data-ready=true]")
                page.wait_for_timeout(700)
                page.screenshot(path=str(OUT / f"{name}.png"))
            page.goto(report.as_uri() + "#view=articles")
            page.wait_for_selector("body[data-ready=true]")
            page.locator(".article-list a").last.click()
            page.wait_for_selector(".article-text")
            page.screenshot(path=str(OUT / "article.png"))
            browser.close()


if __name__ == "__main__":
    run()
