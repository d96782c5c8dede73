"""`storyledger serve`: a read-only local web server over the store.

`GET /` is the report page built from the store; `GET /api/views` returns the views as JSON;
`GET /api/quotes?person=` the quotes of one person (canonical name or as written, any case),
`GET /api/stories` the stories (id, name, article count, dates) for a picker, and `?story=`
(an id, its first characters, a name or an article id) on `/` or `/api/views` one story's;
`GET /api/search?q=` searches the articles (words AND'ed, as `store/search.py` defines) and
answers each hit with the `[start, end]` offsets of its matches. Anything else is 404, any other
method 405. It binds to 127.0.0.1 unless told otherwise, and answers only requests whose `Host`
names the server (a loopback name, the `--host` address or an `--allow-host` name, with the
port): a web page elsewhere cannot reach it by pointing its own domain at 127.0.0.1 (DNS
rebinding). Every request reads one SQLite snapshot on one kept, query-only connection (see
`snapshot.py`), so the page, the views and search never disagree, even while `analyze` writes.
Built on the standard library's HTTP server: a read-only page and one query need no framework.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from storyledger.errors import StoreError
from storyledger.ingest.outlets import OutletInfo
from storyledger.report.page import embedded_json
from storyledger.store.search import search_articles
from storyledger.web.hosts import allowed_hosts
from storyledger.web.snapshot import Snapshot, Snapshots

_SEARCH_LIMIT = 50
SNAPSHOT_HEADER = "X-Storyledger-Snapshot"
_WRONG_HOST = "this server answers only to {hosts} (see `storyledger serve --allow-host`)"


class StoryServer(ThreadingHTTPServer):
    """The server, holding the store's snapshots and the host names it answers to."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        db: str | Path,
        outlets: Mapping[str, OutletInfo] | None = None,
        *,
        allow_hosts: Iterable[str] = (),
    ) -> None:
        super().__init__(address, _Handler)
        self.db = str(db)
        self.hosts = allowed_hosts(address[0], self.server_address[1], allow_hosts)
        try:
            self.snapshots = Snapshots(self.db, outlets)
        except BaseException:
            super().server_close()
            raise
        with self.snapshots.read():  # the page is built before the first request, not during it
            pass

    @contextmanager
    def read(self) -> Iterator[Snapshot]:
        """The store's current state: views, page and a connection reading that same state."""
        with self.snapshots.read() as snapshot:
            yield snapshot

    def search(self, query: str) -> tuple[str, list[dict[str, Any]]]:
        """Articles matching `query` (one meaning everywhere: `store/search.py`), best first,
        with the matched spans, from the snapshot the views show."""
        with self.read() as snapshot:
            rows = search_articles(snapshot.conn, query, limit=_SEARCH_LIMIT)
            source = {a["id"]: a["outlet"] for a in snapshot.views["articles"]}
            for row in rows:  # the source as the views name it: never an empty outlet
                row["outlet"] = source.get(row["id"], row["outlet"])
            return snapshot.number, rows

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A browser that hangs up mid-answer is no error; anything else is reported."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)

    def server_close(self) -> None:
        super().server_close()
        self.snapshots.close()


class _Handler(BaseHTTPRequestHandler):
    server: StoryServer
    server_version = "storyledger"

    def do_GET(self) -> None:
        if not self._host_allowed():
            return
        url = urlparse(self.path)
        query = parse_qs(url.query)
        story = query.get("story", [""])[0].strip()
        if url.path in ("/", "/api/views") and story:
            self._story(url.path, story)
        elif url.path == "/":
            with self.server.read() as snapshot:
                page, number = snapshot.page, snapshot.number
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", page.encode("utf-8"), number)
        elif url.path == "/api/views":
            with self.server.read() as snapshot:
                views, number = snapshot.views, snapshot.number
            self._json(HTTPStatus.OK, views, number)
        elif url.path == "/api/stories":
            with self.server.read() as snapshot:
                stories, number = snapshot.views["stories"], snapshot.number
            self._json(HTTPStatus.OK, stories, number)
        elif url.path == "/api/quotes":
            wanted = " ".join(query.get("person", [""])[0].split()).casefold()
            with self.server.read() as snapshot:
                quotes, number = snapshot.views["quotes"], snapshot.number
            if wanted:
                quotes = [q for q in quotes if _speaks_as(q, wanted)]
            self._json(HTTPStatus.OK, quotes, number)
        elif url.path == "/api/search":
            number, rows = self.server.search(query.get("q", [""])[0])
            self._json(HTTPStatus.OK, rows, number)
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def _story(self, path: str, key: str) -> None:
        """`/?story=` and `/api/views?story=`: the page or views of one story; 404 if none."""
        with self.server.read() as snapshot:
            number = snapshot.number
            try:
                views, page = self.server.snapshots.story(snapshot, key)
            except StoreError as exc:
                self._json(HTTPStatus.NOT_FOUND, {"error": str(exc)}, number)
                return
        if path == "/":
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", page.encode("utf-8"), number)
        else:
            self._json(HTTPStatus.OK, views, number)

    def _refuse(self) -> None:
        if self._host_allowed():
            self._json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "read-only"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

    def _host_allowed(self) -> bool:
        """Whether the request names this server; if not, it is answered 421 here."""
        if (self.headers.get("Host") or "").strip().lower() in self.server.hosts:
            return True
        hosts = ", ".join(sorted(self.server.hosts))
        self._json(HTTPStatus.MISDIRECTED_REQUEST, {"error": _WRONG_HOST.format(hosts=hosts)})
        return False

    def _json(self, status: HTTPStatus, value: Any, snapshot: str | None = None) -> None:
        body = embedded_json(value).encode("utf-8")
        self._send(status, "application/json; charset=utf-8", body, snapshot)

    def _send(self, status: HTTPStatus, kind: str, body: bytes, snapshot: str | None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        if snapshot is not None:
            self.send_header(SNAPSHOT_HEADER, str(snapshot))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the CLI prints the address once


def _speaks_as(quote: dict[str, Any], wanted: str) -> bool:
    """Whether the quote's person (or its speaker as written) is `wanted` (case-folded)."""
    return any(
        (name or "").casefold() == wanted for name in (quote["speaker"], quote["speaker_written"])
    )


@contextmanager
def serving(db: str | Path, outlets: Mapping[str, OutletInfo] | None = None) -> Iterator[str]:
    """The UI served on a free loopback port in a background thread; yields its URL."""
    server = StoryServer(("127.0.0.1", 0), db, outlets)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
