"""A real HTTP server on loopback for the following tests: feeds, pages and misbehaving answers.

    with FeedServer() as server:
        server.page("/a.html", html)                      # 200, with an ETag: a conditional GET gets 304
        server.feed("/feed.xml", rss("News", items))
        server.answer("/down.xml", 500)
        server.redirect("/old", "/feed.xml")
        fetch(server.url("/feed.xml"))
    server.hits("/feed.xml")   # the requests it got, each with its headers

It binds 127.0.0.1 on a free port, runs in a thread (`ThreadingHTTPServer`) and is stopped on
exit. Pages come from `/work/shared/data/article-extraction-benchmark` (`benchmark_pages`).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.conftest import shared_path

BENCHMARK = ("data", "article-extraction-benchmark")


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict = field(default_factory=dict)
    conditional: bool = True  # an ETag and Last-Modified; a matching If-None-Match gets a 304
    drip: float = 0.0  # seconds between two bytes of the body: a slow response
    repeat: int = 1  # the body sent this many times, without a Content-Length: a huge response


@dataclass
class Hit:
    path: str
    headers: dict


class FeedServer:
    def __init__(self):
        self.routes: dict[str, Route] = {}
        self.requests: list[Hit] = []
        self.in_flight = 0
        self.most_in_flight = 0  # the most requests it was answering at once
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None  # a client that hung up on purpose
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    @property
    def port(self) -> int:
        return self._server.server_address[1]

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> "FeedServer":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(5)

    # -- what it serves --------------------------------------------------------------------

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **options) -> str:
        self.routes[path] = Route(body=_bytes(body), content_type=content_type, **options)
        return self.url(path)

    def feed(self, path: str, body: bytes | str, content_type: str = "application/rss+xml", **options) -> str:
        return self.page(path, body, content_type, **options)

    def answer(self, path: str, status: int, body: bytes | str = b"", **options) -> str:
        self.routes[path] = Route(status=status, body=_bytes(body), conditional=False, **options)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        return self.answer(path, status, headers={"Location": to}, content_type=None)

    def hits(self, path: str) -> list[Hit]:
        with self._lock:
            return [hit for hit in self.requests if hit.path == path]

    def total_bytes(self) -> int:
        return sum(len(route.body) * route.repeat for route in self.routes.values())


def _bytes(body: bytes | str) -> bytes:
    return body.encode("utf-8") if isinstance(body, str) else body


def _handler(server: FeedServer):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):  # quiet
            pass

        def do_GET(self):
            with server._lock:
                server.requests.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()}))
                server.in_flight += 1
                server.most_in_flight = max(server.most_in_flight, server.in_flight)
            try:
                self._answer()
            finally:
                with server._lock:
                    server.in_flight -= 1

        def _answer(self):
            route = server.routes.get(self.path)
            if route is None:
                return self._send(404, b"not found", {"Content-Type": "text/plain"})
            headers = dict(route.headers)
            if route.content_type:
                headers["Content-Type"] = route.content_type
            if route.conditional and route.status == 200:
                etag = '"' + hashlib.sha1(route.body).hexdigest()[:16] + '"'
                headers.update({"ETag": etag, "Last-Modified": "Mon, 04 Mar 2024 10:00:00 GMT"})
                if self.headers.get("If-None-Match") == etag:
                    return self._send(304, b"", {"ETag": etag})
            if route.drip or route.repeat > 1:
                return self._stream(route, headers)
            return self._send(route.status, route.body, headers)

        def _send(self, status: int, body: bytes, headers: dict) -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _stream(self, route: Route, headers: dict) -> None:
            """No Content-Length: the body until the connection closes, a byte at a time or repeated."""
            self.close_connection = True
            self.send_response(route.status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Connection", "close")
            self.end_headers()
            try:
                if route.drip:
                    for byte in route.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(route.drip)
                else:
                    for _ in range(route.repeat):
                        self.wfile.write(route.body)
            except (BrokenPipeError, ConnectionResetError):  # the client gave up, as it should
                pass

    return Handler


# -- what feeds and pages hold ------------------------------------------------------------------

def benchmark_pages(n: int) -> list[tuple[str, bytes, str]]:
    """(item id, the page's HTML, its article body as the benchmark gives it) for n real pages."""
    folder = shared_path(*BENCHMARK)
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for item_id in sorted(truth):
        body = truth[item_id]["articleBody"]
        if len(body) < 1500:  # a real article, long enough to be told from a summary
            continue
        pages.append((item_id, gzip.decompress((folder / "html" / f"{item_id}.html.gz").read_bytes()), body))
        if len(pages) == n:
            break
    return pages


def rss(title: str, items: list[dict]) -> str:
    """An RSS 2.0 feed; each item: title, link, and `description` and/or `content` (HTML, escaped here)."""
    parts = []
    for item in items:
        content = f"<content:encoded>{escape(item['content'])}</content:encoded>" if item.get("content") else ""
        parts.append(f"<item><title>{escape(item['title'])}</title><link>{escape(item['link'])}</link>"
                     f"<guid>{escape(item.get('guid', item['link']))}</guid>"
                     f"<pubDate>{item.get('date', 'Mon, 04 Mar 2024 09:00:00 GMT')}</pubDate>"
                     f"<description>{escape(item.get('description', ''))}</description>{content}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{escape(title)}</title><link>http://example.com/</link><description>news</description>"
            + "".join(parts) + "</channel></rss>")


def json_feed(title: str, items: list[dict]) -> str:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": title, "items": items})


def front_page(feed_href: str, kind: str = "application/rss+xml") -> str:
    return (f'<!DOCTYPE html><html><head><title>Example News</title><link rel="alternate" type="{kind}" '
            f'title="All stories" href="{escape(feed_href)}"></head><body><h1>Example News</h1></body></html>')
