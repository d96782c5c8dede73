"""The web UI server: loopback, read-only, the report page and FTS5 search."""

import http.client
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest

from storyledger.cli import main
from storyledger.store import Store
from storyledger.web.server import serving
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def example_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "w.db"
    main(
        ["analyze", str(EXAMPLES / "story"), "--meta", str(EXAMPLES / "meta.json"), "--db", str(db)]
    )
    return db


@pytest.fixture(scope="module")
def served(example_db):
    with serving(example_db) as url:
        yield url.rstrip("/")


def _get(url):
    with urllib.request.urlopen(url, timeout=30) as answer:
        return answer.status, answer.headers.get("Content-Type"), answer.read().decode("utf-8")


@pytest.mark.issue(8)
def test_page_views_and_search(served):
    status, kind, page = _get(served + "/")
    assert status == 200 and kind.startswith("text/html") and 'data-served="true"' in page
    status, _, views = _get(served + "/api/views")
    assert json.loads(views)["meta"]["articles"] == 4
    status, _, found = _get(served + "/api/search?q=" + urllib.parse.quote('"drinking water"'))
    rows = json.loads(found)
    assert rows and all({"id", "title", "snippet"} <= set(r) for r in rows)


@pytest.mark.issue(8)
def test_read_only_and_errors(served):
    request = urllib.request.Request(served + "/", data=b"x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 405
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(served + "/nothing", timeout=30)
    assert missing.value.code == 404


@pytest.mark.issue(19)
@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("clean-up", ["clean-up"]),
        ('"drinking water" convoy', ["drinking water", "convoy"]),
        ("Marsh's", []),
        ('"unbalanced', []),
        ("", []),
        ("NEAR( AND", []),
    ],
)
def test_search_never_fails_and_answers_spans(served, example_db, query, found):
    """Odd input is no error (200, maybe nothing found); each hit carries the offsets of its
    matches in the article text, and they read as the words searched for."""
    status, _, answer = _get(served + "/api/search?q=" + urllib.parse.quote(query))
    rows = json.loads(answer)
    assert status == 200 and bool(rows) == bool(found)
    with Store(example_db) as store:
        text = {a.id: a.text for a in store.articles()}
    for row in rows:
        marked = {text[row["id"]][s:e].lower() for s, e in row["spans"]}
        assert marked == set(found)
        assert all(row["snippet"][s:e].lower() in found for s, e in row["snippet_spans"])


def _status(url, host):
    """The status of `GET /` sent with exactly this `Host` header (None: no header)."""
    parts = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.putrequest("GET", "/", skip_host=True)
        if host is not None:
            conn.putheader("Host", host.format(port=parts.port))
        conn.endheaders()
        answer = conn.getresponse()
        answer.read()
        return answer.status
    finally:
        conn.close()


@pytest.mark.issue(20)
@pytest.mark.parametrize(
    ("host", "status"),
    [
        ("127.0.0.1:{port}", 200),
        ("localhost:{port}", 200),
        ("LOCALHOST:{port}", 200),
        ("[::1]:{port}", 200),
        ("evil.example:{port}", 421),
        ("127.0.0.1.evil.example:{port}", 421),
        ("localhost.:{port}", 421),
        ("127.0.0.1", 421),
        ("127.0.0.1:1", 421),
        ("", 421),
        (None, 421),
    ],
)
def test_only_its_own_host_names_are_answered(served, host, status):
    assert _status(served, host) == status


@pytest.mark.issue(20)
def test_a_refused_host_gets_no_data(served):
    parts = urllib.parse.urlsplit(served)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", "/api/views", headers={"Host": f"rebound.example:{parts.port}"})
    answer = conn.getresponse()
    body = json.loads(answer.read())
    conn.close()
    assert answer.status == 421 and set(body) == {"error"} and "localhost" in body["error"]


@pytest.mark.issue(20)
def test_allowed_host_names_are_answered_too(example_db):
    from storyledger.web.server import StoryServer

    server = StoryServer(("127.0.0.1", 0), example_db, allow_hosts=["Story.Local"])
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        assert _status(url, "story.local:{port}") == 200
        assert _status(url, "localhost:{port}") == 200
        assert _status(url, "other.local:{port}") == 421
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.issue(19)
def test_story_picker_data_and_one_storys_views(served):
    _, _, answer = _get(served + "/api/stories")
    stories = json.loads(answer)
    assert stories and all({"id", "name", "articles", "first_published"} <= set(s) for s in stories)
    story = stories[0]
    _, _, answer = _get(served + "/api/views?story=" + story["id"][:6])
    views = json.loads(answer)
    assert views["story"]["id"] == story["id"] and len(views["articles"]) == story["articles"]
    status, kind, page = _get(served + "/?story=" + urllib.parse.quote(story["id"]))
    assert status == 200 and kind.startswith("text/html") and 'data-served="true"' in page
    with pytest.raises(urllib.error.HTTPError) as missing:
        urllib.request.urlopen(served + "/api/views?story=zeppelin", timeout=30)
    assert missing.value.code == 404


@pytest.mark.issue(19)
def test_quotes_of_one_person(served):
    _, _, answer = _get(served + "/api/quotes")
    quotes = json.loads(answer)
    person = next(q["speaker"] for q in quotes if q["speaker"] and not q["anonymous"])
    _, _, answer = _get(served + "/api/quotes?person=" + urllib.parse.quote(person.upper()))
    mine = json.loads(answer)
    assert mine and {q["speaker"] for q in mine} == {person}
    assert len(mine) == sum(1 for q in quotes if q["speaker"] == person)
