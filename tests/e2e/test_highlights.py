"""Highlights land on their records' text in the browser, after emoji, 𝕏, flags, combining marks
and CJK: offsets count code points, and the page must not cut the text in UTF-16 units."""

import json

import pytest

from storyledger.cli import main
from storyledger.store import Store
from storyledger.web.server import serving
from tests.e2e.conftest import shoot

# Every span follows astral-plane characters (emoji, 𝕏, flags), combining marks, CJK, and an
# İ, which lower-cases to two UTF-16 units.
PREFIX = "Posts 😀👍🏽 on 𝕏 from İzmir, flags 🇺🇦🇵🇱, e\u0301 a\u0300 n\u0303, 北京 東京 서울 — "
TEXT = (
    PREFIX + 'Mayor Jane Smith 🎉 said on Monday: "We have 🚒 rescued 12 people from the flooded'
    ' 🌊 homes."\n\n'
    + PREFIX
    + "At least 14 people were killed and 3,000 were displaced, officials said.\n\n"
    + PREFIX
    + '"The bridge collapsed at 5 a.m.," said fire chief Tom Brown. '
    + "Police arrested 2 suspects on Tuesday 😀, according to the ministry.\n\n"
    + PREFIX
    + '"This is a devastating blow to the community," Governor Ann Lee told reporters. '
    + "Officials said the radical regime 🇵🇱 claimed 45 lives, a shocking toll."
)


@pytest.fixture(scope="module")
def emoji_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("emoji")
    dump = folder / "emoji.jsonl"
    record = {"text": TEXT, "title": "Flood 🌊 in 𝕏 town", "outlet": "Emoji Daily"}
    dump.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    db, out = folder / "e.db", folder / "e.html"
    assert main(["analyze", str(dump), "--db", str(db)]) == 0
    assert main(["report", "--db", str(db), "--out", str(out)]) == 0
    with Store(db) as store:
        (article,) = store.articles()
        spans = [(r.start, r.end, r.text) for n in ("quotes", "figures") for r in store.records(n)]
        framings = store.records("framing")
        spans += [(t.start, t.end, t.text) for f in framings for t in f.loaded_terms]
        spans += [
            (e.trigger_start, e.trigger_end, e.trigger)
            for e in store.records("events")
            if e.trigger_start is not None
        ]
    return db, out, article, spans


def _highlighted(page, article_id, start, end):
    page.evaluate(f"location.hash = 'article={article_id}&span={start}-{end}'")
    page.wait_for_selector(".article-text mark.hl-target")
    return "".join(page.locator(".article-text mark.hl-target").all_text_contents())


@pytest.fixture(params=["report", "served"])
def emoji_page(request, emoji_store):
    db, out, _article, _spans = emoji_store
    if request.param == "report":
        yield request.param, out.as_uri()
        return
    with serving(db) as url:
        yield request.param, url


@pytest.mark.issue(20)
def test_every_highlight_is_its_records_text(page, emoji_store, emoji_page):
    _db, _out, article, spans = emoji_store
    where, url = emoji_page
    assert len(spans) >= 12 and article.text == TEXT
    assert all(any(ord(c) > 0xFFFF for c in TEXT[:start]) for start, _end, _text in spans)
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]")
    wrong = [
        (text, got)
        for start, end, text in spans
        if (got := _highlighted(page, article.id, start, end)) != text
    ]
    assert wrong == [], f"{len(wrong)} of {len(spans)} highlights off"
    assert page.locator(".article-text").text_content() == TEXT
    marks = page.locator(".article-text mark")
    for i in range(marks.count()):
        mark = marks.nth(i)
        start, end = int(mark.get_attribute("data-start")), int(mark.get_attribute("data-end"))
        assert mark.text_content() == TEXT[start:end]
    shoot(page, f"{where}-emoji-highlights")


@pytest.mark.issue(20)
def test_offline_search_opens_the_match_after_emoji(page, emoji_store):
    _db, out, _article, _spans = emoji_store
    page.goto(out.as_uri())
    page.wait_for_selector("body[data-ready=true]")
    page.fill("#search-input", "DISPLACED")
    page.press("#search-input", "Enter")
    result = page.locator("[data-card=search] .results li")
    result.first.wait_for()
    assert "displaced" in result.first.locator(".snippet").text_content()
    at = TEXT.index("displaced")
    href = result.first.locator("a").get_attribute("href")
    assert href.endswith(f"&span={at}-{at + len('displaced')}")
    result.first.locator("a").click()
    page.wait_for_selector(".article-text mark.hl-target")
    assert "".join(page.locator(".article-text mark.hl-target").all_text_contents()) == "displaced"


@pytest.mark.issue(20)
@pytest.mark.parametrize("span", ["5-3", "0-999999", "x-y", "-1-4"])
def test_a_bad_span_in_the_address_shows_the_article_unmarked(page, emoji_store, span):
    _db, out, article, _spans = emoji_store
    page.goto(out.as_uri() + f"#article={article.id}&span={span}")
    page.wait_for_selector(".article-text")
    assert page.locator(".article-text mark.hl-target").count() == 0
    assert page.locator(".article-text").text_content() == TEXT
