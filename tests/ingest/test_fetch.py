"""The polite fetcher against a real server on loopback: it answers, or says why not, and never raises."""

from __future__ import annotations

import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from newsbrief.config import Settings
from newsbrief.ingest import fetch
from newsbrief.ingest.fetch import Fetched, FetchFailed, Fetcher, public_address
from tests.service.feed_server import FeedServer

SETTINGS = Settings(follow_delay=0, follow_retries=2, follow_timeout=2, follow_max_bytes=100_000,
                    follow_max_redirects=3, follow_private_addresses=True)  # the server is on loopback


@pytest.fixture
def server():
    with FeedServer() as running:
        yield running


@pytest.fixture
def fetcher():
    with Fetcher(SETTINGS, backoff=0) as made:
        yield made


def test_a_page_is_fetched_with_its_validators_and_charset(server, fetcher):
    got = fetcher.get(server.page("/a.html", "<html>hello</html>", "text/html; charset=ISO-8859-1"))
    assert isinstance(got, Fetched)
    assert (got.status, got.body, got.content_type, got.charset) == (200, b"<html>hello</html>", "text/html", "ISO-8859-1")
    assert got.etag and got.last_modified


def test_a_conditional_get_of_an_unchanged_document_is_a_304_without_a_body(server, fetcher):
    url = server.page("/a.html", "<html>hello</html>")
    first = fetcher.get(url)
    again = fetcher.get(url, etag=first.etag, last_modified=first.last_modified)
    assert (again.status, again.body) == (304, b"")
    assert server.hits("/a.html")[-1].headers["if-none-match"] == first.etag


def test_the_user_agent_is_sent(server, fetcher):
    fetcher.get(server.page("/a.html", "x"))
    assert server.hits("/a.html")[0].headers["user-agent"] == SETTINGS.user_agent


def test_a_server_error_is_retried_then_reported_as_transient(server, fetcher):
    got = fetcher.get(server.answer("/down", 500))
    assert isinstance(got, FetchFailed) and (got.reason, got.transient) == ("HTTP 500", True)
    assert len(server.hits("/down")) == 1 + SETTINGS.follow_retries


def test_a_missing_page_is_not_retried(server, fetcher):
    got = fetcher.get(server.url("/missing"))
    assert (got.reason, got.transient) == ("HTTP 404", False)
    assert len(server.hits("/missing")) == 1


def test_redirects_are_followed_to_the_document(server, fetcher):
    server.page("/new.xml", "<rss/>", "application/rss+xml")
    server.redirect("/old.xml", "/moved.xml", 301)
    server.redirect("/moved.xml", server.url("/new.xml"))
    got = fetcher.get(server.url("/old.xml"))
    assert (got.status, got.url, got.body) == (200, server.url("/new.xml"), b"<rss/>")


def test_a_redirect_loop_is_named(server, fetcher):
    server.redirect("/a", "/b")
    server.redirect("/b", "/a")
    got = fetcher.get(server.url("/a"))
    assert isinstance(got, FetchFailed) and got.reason.startswith("redirect loop")


def test_too_many_redirects_fail(server, fetcher):
    for n in range(5):
        server.redirect(f"/r{n}", f"/r{n + 1}")
    assert fetcher.get(server.url("/r0")).reason == "more than 3 redirects"


def test_a_response_over_the_size_limit_is_refused_while_streaming(server, fetcher):
    got = fetcher.get(server.page("/huge", b"x" * 10_000, repeat=1000))  # 10 MB, no Content-Length
    assert got.reason == "larger than 100,000 bytes"
    assert fetcher.bytes < 1_000_000  # it stopped reading soon after the limit


def test_a_declared_length_over_the_limit_is_refused_before_reading(server, fetcher):
    got = fetcher.get(server.page("/big", b"x" * 200_000))
    assert got.reason == "larger than 100,000 bytes" and fetcher.bytes == 0


def test_a_slow_drip_times_out():
    settings = Settings(follow_delay=0, follow_retries=0, follow_timeout=0.2, follow_private_addresses=True)
    with FeedServer() as server, Fetcher(settings) as fetcher:
        got = fetcher.get(server.page("/slow", b"x" * 100, drip=0.01))
    assert isinstance(got, FetchFailed) and "timed out" in got.reason and got.transient


def test_a_refused_connection_is_a_reason_not_an_exception(fetcher):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    got = fetcher.get(f"http://127.0.0.1:{port}/feed.xml")
    assert isinstance(got, FetchFailed) and got.reason.startswith("cannot connect") and got.transient


def test_a_url_that_is_not_http_is_refused(fetcher):
    assert fetcher.get("file:///etc/passwd").reason == "not an http(s) URL"


def test_robots_txt_is_read_once_per_host_and_honoured(server, fetcher):
    server.page("/robots.txt", "User-agent: newsbrief\nDisallow: /private/\n", "text/plain")
    server.page("/private/a.html", "secret")
    server.page("/public.html", "hello")
    assert fetcher.get(server.url("/private/a.html")).reason == "disallowed by robots.txt"
    assert fetcher.get(server.url("/public.html")).status == 200
    assert len(server.hits("/robots.txt")) == 1 and not server.hits("/private/a.html")


def test_a_robots_txt_that_is_unavailable_allows_the_host(server, fetcher):
    server.answer("/robots.txt", 403)  # RFC 9309: any 4xx is "unavailable": no rules
    server.page("/a.html", "hello")
    assert fetcher.get(server.url("/a.html")).status == 200


def test_a_robots_txt_that_fails_disallows_the_host_for_a_while(server, fetcher, monkeypatch):
    server.answer("/robots.txt", 503)  # RFC 9309: "unreachable": disallow everything, for now
    server.page("/a.html", "hello")
    got = fetcher.get(server.url("/a.html"))
    assert isinstance(got, FetchFailed) and got.transient and got.reason.startswith("HTTP 503 (for robots.txt")
    assert fetcher.get(server.url("/a.html")).transient  # the failure is kept a while (ROBOTS_FAILURE_TTL)
    assert len(server.hits("/robots.txt")) == 1 and not server.hits("/a.html")


def test_a_robots_txt_that_failed_is_read_again_after_a_while(server, fetcher, monkeypatch):
    monkeypatch.setattr(fetch, "ROBOTS_FAILURE_TTL", 0.0)
    server.answer("/robots.txt", 503)
    server.page("/a.html", "hello")
    assert fetcher.get(server.url("/a.html")).transient
    server.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    assert fetcher.get(server.url("/a.html")).status == 200


def test_robots_txt_rules_are_read_again_when_they_expire(server, fetcher, monkeypatch):
    monkeypatch.setattr(fetch, "ROBOTS_TTL", 0.0)
    server.page("/robots.txt", "User-agent: *\nAllow: /\n", "text/plain")
    server.page("/a.html", "hello")
    fetcher.get(server.url("/a.html"))
    server.page("/robots.txt", "User-agent: *\nDisallow: /\n", "text/plain")
    assert fetcher.get(server.url("/a.html")).reason == "disallowed by robots.txt"
    assert len(server.hits("/robots.txt")) == 2


def test_no_more_requests_in_flight_to_a_host_than_allowed(server):
    settings = Settings(follow_delay=0, follow_per_host=2, follow_timeout=5, follow_private_addresses=True)
    for n in range(6):
        server.page(f"/p{n}", b"abcde", drip=0.02)
    with Fetcher(settings) as fetcher, ThreadPoolExecutor(6) as pool:
        got = list(pool.map(lambda n: fetcher.get(server.url(f"/p{n}")), range(6)))
    assert [g.body for g in got] == [b"abcde"] * 6
    assert server.most_in_flight == 2


class HeaderDrip:
    """A raw server on loopback that sends its status line and headers one byte at a time."""

    def __init__(self, pause: float, lasting: float = 4.0):
        self.pause, self.lasting = pause, lasting
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            threading.Thread(target=self._drip, args=(conn,), daemon=True).start()

    def _drip(self, conn):
        head = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"x" * 500 + b"\r\n\r\n"
        end = time.monotonic() + self.lasting
        with conn:
            try:
                conn.recv(4096)
                for byte in head:
                    if time.monotonic() > end:
                        return
                    conn.sendall(bytes([byte]))
                    time.sleep(self.pause)
            except OSError:
                pass

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.sock.close()


def test_headers_sent_in_a_drip_time_out_within_the_limit():
    settings = Settings(follow_delay=0, follow_retries=0, follow_timeout=0.5, follow_private_addresses=True)
    with HeaderDrip(pause=0.05) as server, Fetcher(settings) as fetcher:
        fetcher._allowed = lambda url: None  # its robots.txt would drip too
        start = time.monotonic()
        got = fetcher.get(f"http://127.0.0.1:{server.port}/feed.xml")
        took = time.monotonic() - start
    assert isinstance(got, FetchFailed) and "timed out" in got.reason and got.transient
    assert took < 1.5  # one deadline for connect, headers and body: not one per read


@pytest.mark.parametrize("address", ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                                     "0.0.0.0", "224.0.0.1", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::",
                                     "::ffff:127.0.0.1", "240.0.0.1"])
def test_non_public_addresses_are_named_so(address):
    assert not public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"])
def test_public_addresses_are_named_so(address):
    assert public_address(address)


def test_a_host_at_a_private_address_is_refused_by_default(server):
    settings = Settings(follow_delay=0, follow_retries=0)
    with Fetcher(settings) as fetcher:
        got = fetcher.get(server.page("/a.html", "hello"))
    assert isinstance(got, FetchFailed) and not got.transient
    assert "non-public address (127.0.0.1)" in got.reason and "follow_private_addresses" in got.reason
    assert server.requests == []  # not even robots.txt


def test_a_redirect_to_a_private_address_is_refused(server, monkeypatch):
    monkeypatch.setattr(fetch, "public_address", lambda address: address == "127.0.0.1")  # loopback plays the internet
    server.redirect("/go", "http://[::1]:9/latest/meta-data/")
    with Fetcher(Settings(follow_delay=0, follow_retries=0)) as fetcher:
        got = fetcher.get(server.url("/go"))
    assert isinstance(got, FetchFailed) and "non-public address (::1)" in got.reason
    assert got.url == "http://[::1]:9/latest/meta-data/"


def test_the_connection_checks_the_address_it_connects_to(server, monkeypatch):
    """The check before the request and the one at connection time are separate: a name that
    resolves elsewhere when connecting (DNS rebinding) is still refused."""
    with Fetcher(Settings(follow_delay=0, follow_retries=0)) as fetcher:
        monkeypatch.setattr(fetcher, "_check_address", lambda url: None)
        monkeypatch.setattr(fetcher, "_allowed", lambda url: None)
        got = fetcher.get(server.page("/a.html", "hello"))
    assert isinstance(got, FetchFailed) and "non-public address" in got.reason and server.requests == []
