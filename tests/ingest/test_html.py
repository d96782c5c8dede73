"""Main text and metadata from HTML pages (trafilatura)."""

from datetime import date

import pytest

from storyledger.errors import InputError
from storyledger.ingest import IngestOptions, read_inputs
from storyledger.ingest.html import extract_html, looks_like_html
from tests.conftest import EXAMPLES

PAGE = """<!doctype html><html><head><title>Mayor quits | City Paper</title>
<meta property="og:site_name" content="City Paper">
<meta property="og:title" content="Mayor quits">
<meta property="article:published_time" content="2023-10-05T09:00:00Z"></head>
<body><nav>Home | Sport | Weather</nav><article><h1>Mayor quits</h1>
<p>The mayor resigned on Thursday after a vote of no confidence, council members said.</p>
<p>She had been in office for six years and faced a budget gap of 12 million dollars.</p>
<p>Nothing here <script>alert("x")</script> runs.</p>
</article><footer>Copyright</footer></body></html>"""


def test_main_text_title_date_and_site():
    page = extract_html(PAGE, source="p.html")
    assert page.text.startswith("Mayor quits\nThe mayor resigned on Thursday")
    assert "Home | Sport" not in page.text and "alert" not in page.text
    assert (page.title, page.outlet, page.published) == ("Mayor quits", "City Paper", "2023-10-05")


def test_truncated_page_keeps_what_it_has():
    page = extract_html(PAGE[: PAGE.index("She had")], source="cut.html")
    assert "vote of no confidence" in page.text


def test_page_without_main_text():
    with pytest.raises(InputError, match=r"^e\.html: no main text found in the HTML$"):
        extract_html("<html><body><nav>Home</nav></body></html>", source="e.html")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("<!DOCTYPE html><html>", True), ("  <html lang='en'>", True), ("Plain <b>text</b>", False)],
)
def test_sniffing(text, expected):
    assert looks_like_html(text) is expected


def test_example_page_metadata_comes_from_the_page():
    (article,) = list(
        read_inputs([EXAMPLES / "story/02_vessland_daily_wire.html"], IngestOptions())
    )
    assert (article.outlet, article.outlet_source) == ("Vessland Daily Wire", "html")
    assert (article.published, article.date_source) == (date(2026, 3, 5), "html")
    assert article.url == "https://vesslanddailywire.example/2026/03/05/port-meridian-flood-toll"
