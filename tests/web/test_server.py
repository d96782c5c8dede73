"""The web UI server: loopback, read-only, the report page and FTS5 search."""

import json
import urllib.error
import urllib.parse
import urllib.request

import pytest

from storyledger.cli import main
from storyledger.web.server import serving
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "w.db"
    main(
        ["analyze", str(EXAMPLES / "story"), "--meta", str(EXAMPLES / "meta.json"), "--db", str(db)]
    )
    with serving(db) as url:
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
    with pytest.raises(urllib.error.HTTPError) as bad:
        urllib.request.urlopen(served + "/api/search?q=%22unbalanced", timeout=30)
    assert bad.value.code == 400
