"""`storyledger serve`: a read-only local web server over the store.

`GET /` is the report page built from the store (rebuilt when the store changes); `GET
/api/search?q=` runs an SQLite FTS5 query over the articles on a read-only connection;
`GET /api/views` returns the views as JSON. Anything else is 404, any other method 405.
It binds to 127.0.0.1 unless told otherwise. Built on the standard library's HTTP server:
a read-only page and one query need no framework.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

from storyledger.ingest.outlets import OutletInfo
from storyledger.report import build_views, render_page
from storyledger.store import Store

_SEARCH_LIMIT = 50


class StoryServer(ThreadingHTTPServer):
    """The server, holding the database path and the page built from it."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        db: str | Path,
        outlets: Mapping[str, OutletInfo] | None = None,
    ) -> None:
        super().__init__(address, _Handler)
        self.db = str(db)
        self.outlets = outlets
        self._lock = threading.Lock()
        self._cached: tuple[float, str, dict[str, Any]] | None = None
        self.page()  # built before the first request, not during it

    def page(self) -> tuple[str, dict[str, Any]]:
        """The page and its views, rebuilt when the database file changes."""
        stamp = Path(self.db).stat().st_mtime
        with self._lock:
            if self._cached is None or self._cached[0] != stamp:
                with Store(self.db) as store:
                    views = build_views(store, self.outlets)
                self._cached = (stamp, render_page(views, served=True), views)
            return self._cached[1], self._cached[2]

    def search(self, query: str) -> list[dict[str, Any]]:
        """FTS5 over titles and texts on a read-only connection; best first."""
        conn = sqlite3.connect(f"file:{self.db}?mode=ro", uri=True)
        try:
            rows = conn.execute(
                "SELECT a.id, a.title, snippet(articles_fts, 1, '', '', '…', 16) AS snippet"
                " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
                " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, _SEARCH_LIMIT),
            ).fetchall()
        finally:
            conn.close()
        return [{"id": r[0], "title": r[1], "snippet": r[2]} for r in rows]


class _Handler(BaseHTTPRequestHandler):
    server: StoryServer
    server_version = "storyledger"

    def do_GET(self) -> None:
        url = urlparse(self.path)
        if url.path == "/":
            page, _views = self.server.page()
            self._send(HTTPStatus.OK, "text/html; charset=utf-8", page.encode("utf-8"))
        elif url.path == "/api/views":
            _page, views = self.server.page()
            self._json(HTTPStatus.OK, views)
        elif url.path == "/api/search":
            query = parse_qs(url.query).get("q", [""])[0].strip()
            try:
                self._json(HTTPStatus.OK, self.server.search(query) if query else [])
            except sqlite3.OperationalError as exc:
                self._json(HTTPStatus.BAD_REQUEST, {"error": f"bad search query ({exc})"})
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def _refuse(self) -> None:
        self._json(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "read-only"})

    do_POST = do_PUT = do_DELETE = do_PATCH = _refuse

    def _json(self, status: HTTPStatus, value: Any) -> None:
        body = json.dumps(value, ensure_ascii=False, default=str).encode("utf-8")
        self._send(status, "application/json; charset=utf-8", body)

    def _send(self, status: HTTPStatus, kind: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet: the CLI prints the address once


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
