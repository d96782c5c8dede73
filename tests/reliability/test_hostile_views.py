"""Hostile article text, titles, outlets, urls and quotes, analysed into a store once, then seen
through every view: the report page (parsed, and run in Chromium), the served UI and its JSON
API, search with punctuation, `show` of every table, and every export format."""

import csv
import http.client
import json
import re
import urllib.parse
from html.parser import HTMLParser
from types import SimpleNamespace

import pyarrow.parquet as pq
import pytest

from storyledger.cli import SHOWABLE, main
from storyledger.report import render_page
from storyledger.store import Store
from storyledger.web.server import serving
from tests.e2e.conftest import chromium

LONG_WORD = "Supercalifragilistic" * 600
HOSTILE = [
    {
        "title": '<script>alert("title")</script>',
        "outlet": '<b onmouseover="alert(1)">The Outlet</b>',
        "url": "javascript:alert(2)",
        "published": "2025-03-01",
        "text": 'Mayor Jane Smith said: "<script>alert(3)</script> is what we found in the files."'
        '\n\n</script><img src=x onerror="alert(4)"> At least 14 people were killed, officials'
        ' said.\n\n"><img src=x onerror=alert(5)> {{ 7*7 }} {% if x %} ${alert(6)}',
    },
    {
        "title": "=cmd|' /C calc'!A0",
        "outlet": '=HYPERLINK("http://evil.example","x")',
        "url": " JaVaScRiPt:alert(7)",
        "published": "2025-03-02",
        "text": "\"=cmd|' /C calc'!A0 is the formula they used,\" police chief Tom Brown said.\n\n"
        "+SUM(1,1) and -2+3 and @SUM(A1) were in the sheet. At least 20 people were hurt, "
        "police said.",
    },
    {
        "title": "Tab\there\rCR\x1b[2J\x07 evil\u202egnp.exe",
        "outlet": "@outlet\t\x1b]0;owned\x07",
        "url": "data:text/html,<script>alert(8)</script>",
        "published": "2025-03-03",
        "text": "Ctrl \x1b[2J\x1b[31m red \x07 bell \x9b1m c1, evil\u202egnp.exe,"
        " \u2066iso\u2069.\n\n"
        '"The tally is 3,000 displaced 😀 𝕏 🇺🇦 e\u0301 北京," Governor Ann Lee told reporters.'
        f"\n\n{LONG_WORD} was the longest word. At least 9 people were missing, officials said.",
    },
    {
        "title": "+plus -minus @at",
        "outlet": "-Minus Outlet",
        "url": 'https://example.org/"><script>alert(9)</script>',
        "published": "2025-03-04",
        "text": "\"We will rebuild the <a href='javascript:alert(10)'>bridge</a>,\" said Mayor"
        " Jane Smith. At least 14 people were killed, officials said.",
    },
]
OUTLETS = {
    '<b onmouseover="alert(1)">The Outlet</b>': {"lean": "<img src=x onerror=alert(11)>"},
    "-Minus Outlet": {"ownership": "=cmd|' /C calc'!A0", "notes": "\x1b[2J\u202e"},
}
# Raw in a terminal line: C0 controls but tab and newline, DEL, C1, bidi controls, surrogates.
RAW = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
FORMULA = tuple("=+-@\t\r")
NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
SEARCHES = [
    "<script>",
    "</script>",
    '"><img onerror>',
    "javascript:",
    "{{ }}",
    "=cmd|",
    "+",
    "-",
    "@",
    "'",
    '"',
    "*",
    "(",
    "NEAR(",
    "AND",
    "^",
    "\\",
    "%00",
    "😀",
    "\u202e",
    "\x1b[2J",
    "a\tb",
    LONG_WORD,
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    dump, outlets, db = folder / "hostile.jsonl", folder / "outlets.json", folder / "h.db"
    lines = [json.dumps(record, ensure_ascii=False) for record in HOSTILE]
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    outlets.write_text(json.dumps(OUTLETS), encoding="utf-8")
    assert main(["analyze", str(dump), "--db", str(db)]) == 0
    with Store(db) as store:
        articles = {a.id: a for a in store.articles()}
        quotes = store.records("quotes")
    assert len(articles) == len(HOSTILE) and len(quotes) >= 4
    assert any("<script>" in a.title for a in articles.values() if a.title)
    return SimpleNamespace(folder=folder, db=db, outlets=outlets, articles=articles, quotes=quotes)


def _cli(capsys, *argv):
    code = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the embedded data."""

    def __init__(self, page):
        super().__init__()
        self.tags, self.data, self._in_data = [], "", False
        self.feed(page)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_data = ("id", "storyledger-data") in attrs

    def handle_data(self, data):
        if self._in_data:
            self.data += data

    def handle_endtag(self, tag):
        self._in_data = False


def _same_records(hostile, views):
    """The views' articles and quotes are the store's, character for character."""
    for row in views["articles"]:
        article = hostile.articles[row["id"]]
        assert (row["text"], row["outlet"], row["url"]) == (
            article.text,
            article.outlet,
            article.url,
        )
        assert row["title"] == article.title
    assert {(q["id"], q["text"]) for q in views["quotes"]} == {
        (q.id, q.text) for q in hostile.quotes
    }


@pytest.mark.issue(20)
def test_report_page_has_no_injected_element_or_attribute(hostile, capsys):
    out = hostile.folder / "h.html"
    title = '</title><script>alert("t")</script>'
    _cli(
        capsys,
        "report",
        "--db",
        hostile.db,
        "--outlets",
        hostile.outlets,
        "--out",
        out,
        "--title",
        title,
    )
    page = _Tags(out.read_text(encoding="utf-8"))
    assert page.tags == _Tags(render_page({}, title="x")).tags
    _same_records(hostile, json.loads(page.data))


@pytest.mark.issue(20)
def test_served_page_and_api_have_no_injection_and_lose_nothing(hostile):
    with serving(hostile.db) as url:
        parts = urllib.parse.urlsplit(url)
        status, page = _request(parts, "/")
        assert status == 200
        assert _Tags(page).tags == _Tags(render_page({}, served=True)).tags
        status, views = _request(parts, "/api/views")
        assert status == 200
        _same_records(hostile, json.loads(views))
        _same_records(hostile, json.loads(_Tags(page).data))


@pytest.mark.issue(20)
def test_search_api_answers_every_punctuation_query(hostile):
    with serving(hostile.db) as url:
        parts = urllib.parse.urlsplit(url)
        for query in SEARCHES:
            status, body = _request(parts, "/api/search?q=" + urllib.parse.quote(query))
            answer = json.loads(body)
            assert (status, type(answer)) in ((200, list), (400, dict)), query
            if status == 400:
                assert set(answer) == {"error"}
            else:
                assert all(row["id"] in hostile.articles for row in answer)
        for phrase, title in (('"onerror"', HOSTILE[0]["title"]), ('"calc"', HOSTILE[1]["title"])):
            _status, body = _request(parts, "/api/search?q=" + urllib.parse.quote(phrase))
            assert [row["title"] for row in json.loads(body)] == [title]


def _request(parts, path):
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request("GET", path)
        answer = conn.getresponse()
        return answer.status, answer.read().decode("utf-8")
    finally:
        conn.close()


@pytest.mark.issue(20)
@pytest.mark.parametrize("what", SHOWABLE)
def test_show_prints_no_raw_control_characters(hostile, capsys, what):
    table = _cli(capsys, "show", what, "--db", hostile.db, "--outlets", hostile.outlets)
    lines = table.split("\n")
    assert lines[-1] == "" and not RAW.search(table)
    assert len({line.count("\t") for line in lines[:-1]}) <= 1  # no cell adds or ends a column
    jsonl = _cli(capsys, "show", what, "--jsonl", "--db", hostile.db, "--outlets", hostile.outlets)
    rows = [json.loads(line) for line in jsonl.split("\n")[:-1]]
    assert len(rows) == max(0, len(lines) - 2) and not RAW.search(jsonl)
    if what == "articles":
        assert {(r["id"], r["title"], r["outlet"]) for r in rows} == {
            (a.id, a.title, a.outlet) for a in hostile.articles.values()
        }


@pytest.mark.issue(20)
def test_csv_export_neutralises_formula_cells(hostile, capsys):
    folder = hostile.folder / "csv"
    _cli(capsys, "export", "--format", "csv", "--out", folder, "--db", hostile.db)
    cells = []
    for file in folder.glob("*.csv"):
        with file.open(encoding="utf-8", newline="") as handle:
            cells += [cell for row in list(csv.reader(handle))[1:] for cell in row]
    risky = [c for c in cells if c.startswith(FORMULA) and not NUMBER.fullmatch(c)]
    assert risky == []
    assert "'" + HOSTILE[1]["title"] in cells and "'" + HOSTILE[3]["outlet"] in cells


@pytest.mark.issue(20)
@pytest.mark.parametrize("fmt", ["json", "jsonl", "parquet"])
def test_json_jsonl_and_parquet_exports_are_lossless(hostile, capsys, fmt):
    out = hostile.folder / f"export-{fmt}"
    target = out / "story.json" if fmt == "json" else out
    _cli(capsys, "export", "--format", fmt, "--out", target, "--db", hostile.db)
    if fmt == "json":
        document = json.loads(target.read_text(encoding="utf-8"))
        articles, quotes = document["articles"], document["quotes"]
    elif fmt == "jsonl":
        articles, quotes = (
            [
                json.loads(line)
                for line in (out / f"{name}.jsonl").read_text("utf-8").split("\n")[:-1]
            ]
            for name in ("articles", "quotes")
        )
    else:
        articles, quotes = (
            pq.read_table(out / f"{name}.parquet").to_pylist() for name in ("articles", "quotes")
        )
    fields = ("text", "title", "outlet", "url")
    assert {a["id"]: tuple(a[f] for f in fields) for a in articles} == {
        a.id: tuple(getattr(a, f) for f in fields) for a in hostile.articles.values()
    }
    assert {(q["id"], q["text"]) for q in quotes} == {(q.id, q.text) for q in hostile.quotes}


# In the live page: an event-handler attribute, a link or source that is not the page's own
# (`#...`), http(s) or a download's blob, or an element that runs or loads something.
INJECTED = r"""() => {
  const found = [];
  for (const node of document.querySelectorAll("*")) {
    for (const attr of node.attributes) {
      if (/^on/i.test(attr.name)) found.push(node.tagName + " " + attr.name);
      const link = /^(href|src|action|formaction|xlink:href)$/i.test(attr.name);
      if (link && !/^(#|https?:\/\/|blob:)/i.test(attr.value)) found.push(attr.value);
    }
  }
  const loads = "main script, main img, main iframe, main object, main embed";
  for (const node of document.querySelectorAll(loads)) found.push(node.outerHTML.slice(0, 80));
  return found;
}"""
VIEWS = ("overview", "timeline", "trends", "actors", "quotes", "outlets", "articles")


@pytest.fixture(scope="module")
def browser():
    with chromium() as launched:
        yield launched


@pytest.fixture(params=["report", "served"])
def hostile_page(request, hostile, browser):
    """The hostile store's page in Chromium, from the report file or the server."""
    context = browser.new_context(accept_downloads=True)
    page = context.new_page()
    page.alarms = []
    page.on("dialog", lambda dialog: (page.alarms.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: page.alarms.append(f"page error: {error}"))
    if request.param == "report":
        out = hostile.folder / "browser.html"
        title = '</title><img src=x onerror="alert(12)">'
        arguments = ["report", "--db", hostile.db, "--outlets", hostile.outlets, "--title", title]
        assert main([*map(str, arguments), "--out", str(out)]) == 0
        page.goto(out.as_uri())
        yield page
    else:
        with serving(hostile.db) as url:
            page.goto(url)
            yield page
    context.close()


@pytest.mark.issue(20)
def test_every_view_in_the_browser_shows_hostile_text_as_text(hostile, hostile_page):
    page = hostile_page
    page.wait_for_selector("body[data-ready=true]")
    for view in VIEWS:
        page.click(f"nav button[data-view={view}]")
        page.wait_for_selector("#main .card, #main p")
        page.wait_for_timeout(200)  # let the charts draw
        assert page.evaluate(INJECTED) == [], view
    for article in hostile.articles.values():
        page.evaluate(f"location.hash = 'article={article.id}'")
        page.wait_for_selector("#main .article-text")
        assert page.locator(".article-text").text_content() == article.text
        assert page.locator(".article-head h2").text_content() == article.title
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
        assert page.evaluate(INJECTED) == [], article.title
    for query in ("<script>", '"><img onerror>', "(.*)[", "=cmd|"):
        page.fill("#search-input", query)
        page.press("#search-input", "Enter")
        page.wait_for_selector("[data-card=search] .count, [data-card=search] .error")
        assert page.evaluate(INJECTED) == [], query
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    assert page.evaluate("typeof window.hacked") == "undefined" and page.alarms == []


@pytest.mark.issue(20)
def test_a_table_downloaded_as_csv_neutralises_formula_cells(hostile, hostile_page):
    page = hostile_page
    page.wait_for_selector("body[data-ready=true]")
    page.click("nav button[data-view=articles]")
    with page.expect_download() as download:
        page.click("[data-card=articles] button[data-format=csv]")
    with open(download.value.path(), encoding="utf-8", newline="") as handle:
        header, *rows = list(csv.reader(handle))
    assert header == ["published", "outlet", "title", "words"] and len(rows) == len(HOSTILE)
    cells = [cell for row in rows for cell in row]
    assert [c for c in cells if c.startswith(FORMULA) and not NUMBER.fullmatch(c)] == []
    assert "'" + HOSTILE[1]["title"] in cells and "'" + HOSTILE[3]["outlet"] in cells
