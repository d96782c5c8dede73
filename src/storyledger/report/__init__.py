"""The self-contained HTML report: view builders and the page that shows them."""

from storyledger.report.page import render_page
from storyledger.report.views import build_views

__all__ = ["build_views", "render_page"]
