"""A polite HTTP fetcher for feeds and pages: it never raises for network trouble.

Each `Fetcher.get` does, in order:
0. the host's addresses: unless `follow_private_addresses`, every address the host resolves to
   must be public (not loopback, private, link-local, reserved, multicast or unspecified), at
   each redirect hop too, and the connection is made to an address so checked (no rebinding);
1. robots.txt (RFC 9309): the host's rules must allow the URL for our User-Agent; a 4xx for
   robots.txt allows everything, a 5xx or an unreachable host disallows everything for now
   (a transient failure, read again after ROBOTS_FAILURE_TTL); rules are kept ROBOTS_TTL at
   most; its Crawl-delay, when longer than `follow_delay`, spaces our requests to it;
2. per-host politeness: at most `follow_per_host` requests in flight to one host, and at least
   `follow_delay` seconds between two starts;
3. a conditional GET (If-None-Match / If-Modified-Since): a 304 is an answer, with no body;
4. the body streamed, refused as soon as it passes `follow_max_bytes` (or its Content-Length
   says it would); the whole request (connect, headers, body) is bounded by one deadline,
   `follow_timeout` from its start: each socket read or write may wait only the time left, so a
   drip of headers or body fails too;
5. redirects followed by hand, each hop checked by robots.txt, at most `follow_max_redirects`,
   and a loop named as one;
6. retries with exponential backoff for what may pass (timeouts, connection errors, 429, 5xx).

The answer is `Fetched` or `FetchFailed(reason, transient)`: a transient failure may succeed
later; another (404, a redirect loop, too large) would fail the same way again.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpcore
import httpx

from newsbrief.config import Settings

ROBOTS_MAX_BYTES = 500_000
ROBOTS_TTL = 24 * 3600.0  # seconds a host's robots.txt rules are kept (RFC 9309: at most a day)
ROBOTS_FAILURE_TTL = 600.0  # seconds a robots.txt that could not be read (5xx, unreachable) disallows the host
MAX_BACKOFF = 60.0  # seconds: the longest wait before a retry (a Retry-After asks for at most this)
REDIRECTS = {301, 302, 303, 307, 308}
ACCEPT = ("application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, "
          "text/xml;q=0.9, text/html;q=0.8, application/json;q=0.7, */*;q=0.5")


@dataclass(frozen=True)
class Fetched:
    url: str  # where the body came from, after redirects
    status: int  # 200, or 304 (not modified: no body)
    body: bytes = b""
    content_type: str | None = None  # the media type, lower case, without parameters
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class FetchFailed:
    url: str
    reason: str  # one line
    transient: bool = False  # may succeed later (timeout, 5xx, connection refused)

    def __str__(self) -> str:
        return f"{self.url}: {self.reason}"


class NotPublic(Exception):
    """A host that resolves to an address following refuses (see `public_address`)."""


def public_address(address: str) -> bool:
    """Whether an IP address is on the public internet: not loopback, private, link-local,
    reserved, multicast or unspecified (an IPv4-mapped IPv6 address is judged as its IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast
                or ip.is_unspecified or not ip.is_global)


def resolve(host: str, port: int, *, private: bool) -> list[str]:
    """The addresses to connect to for `host`; raises NotPublic when one of them is not public
    (unless `private`), OSError when the name does not resolve."""
    found = list(dict.fromkeys(info[4][0] for info in socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)))
    if not private:
        refused = [address for address in found if not public_address(address)]
        if refused:
            raise NotPublic(f"{host} resolves to a non-public address ({refused[0]}): refused "
                            "(set follow_private_addresses to follow it)")
    return found


_local = threading.local()  # .deadline: the monotonic time the current thread's request must end by


def _time_left(timeout: float | None, error: type[Exception]) -> float | None:
    """A socket operation's timeout: the time left before this thread's deadline, at most `timeout`."""
    deadline = getattr(_local, "deadline", None)
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the fetch's time limit has passed")
    return left if timeout is None else min(timeout, left)


class _BoundedStream(httpcore.NetworkStream):
    """A connection whose every read and write waits at most the time left to the request using it."""

    def __init__(self, stream: httpcore.NetworkStream):
        self.stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.stream.read(max_bytes, _time_left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, _time_left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, ssl_context, server_hostname=None, timeout=None) -> httpcore.NetworkStream:
        return _BoundedStream(self.stream.start_tls(ssl_context, server_hostname,
                                                    _time_left(timeout, httpcore.ConnectTimeout)))

    def get_extra_info(self, info: str):
        return self.stream.get_extra_info(info)


class _GuardedBackend(httpcore.NetworkBackend):
    """Connections for the fetcher: to a checked address of the host (the address is pinned: the
    name is resolved once, here, so it cannot resolve elsewhere between the check and the
    connection; TLS still verifies the host's name), each bounded by the request's deadline."""

    def __init__(self, private: bool):
        self.private = private
        self.backend = httpcore.SyncBackend()

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        try:
            addresses = resolve(host, port, private=self.private)
        except OSError as err:
            raise httpcore.ConnectError(f"cannot resolve {host}: {err}") from None
        last: Exception | None = None
        for address in addresses:
            try:
                return _BoundedStream(self.backend.connect_tcp(
                    address, port, _time_left(timeout, httpcore.ConnectTimeout), local_address, socket_options))
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as err:
                last = err
        raise last or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(self, path, timeout=None, socket_options=None):
        return self.backend.connect_unix_socket(path, timeout, socket_options)

    def sleep(self, seconds: float) -> None:
        self.backend.sleep(seconds)


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport over `_GuardedBackend` (httpx has no public way to pass a network backend)."""

    def __init__(self, private: bool, limits: httpx.Limits):
        super().__init__(limits=limits)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections, keepalive_expiry=limits.keepalive_expiry,
            network_backend=_GuardedBackend(private))


class _Host:
    """One host's politeness state: a limit on requests in flight and the next allowed start."""

    def __init__(self, per_host: int):
        self.slots = threading.BoundedSemaphore(per_host)
        self.lock = threading.Lock()
        self.next_start = 0.0
        self.robots: RobotFileParser | None = None
        self.robots_failure: FetchFailed | None = None  # robots.txt could not be read: the host is off for now
        self.robots_until = 0.0  # monotonic time the rules (or the failure) are read again
        self.robots_lock = threading.Lock()  # one thread reads robots.txt; the others wait for its rules


class Fetcher:
    """Fetches URLs politely (see the module docstring); one is shared by every thread of a follow run.

    `backoff`: seconds before the first retry (doubled at each); `transport`: an httpx transport (tests)."""

    def __init__(self, settings: Settings, *, backoff: float = 1.0, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        self.backoff = backoff
        limits = httpx.Limits(max_connections=64, max_keepalive_connections=32)
        # trust_env=False: a proxy from the environment would bypass the guarded transport
        self.client = httpx.Client(
            headers={"User-Agent": settings.user_agent}, timeout=httpx.Timeout(settings.follow_timeout),
            follow_redirects=False, trust_env=False, limits=limits,
            transport=transport or _GuardedTransport(settings.follow_private_addresses, limits))
        self.requests = 0  # requests sent, robots.txt and retries included
        self.bytes = 0  # body bytes received
        self._hosts: dict[str, _Host] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> "Fetcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, *, etag: str | None = None, last_modified: str | None = None) -> Fetched | FetchFailed:
        """The document at `url`; with validators, a 304 when it has not changed since."""
        conditional = {}
        if etag:
            conditional["If-None-Match"] = etag
        if last_modified:
            conditional["If-Modified-Since"] = last_modified
        seen = [url]
        for _ in range(self.settings.follow_max_redirects + 1):
            if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
                return FetchFailed(url, "not an http(s) URL")
            refused = self._check_address(url)
            if refused is not None:
                return refused
            refused = self._allowed(url)
            if refused is not None:
                return refused
            answer = self._with_retries(url, conditional)
            if not isinstance(answer, str):
                return answer
            target = urljoin(url, answer)
            if target in seen:
                return FetchFailed(seen[0], f"redirect loop ({' -> '.join(seen[-3:])} -> {target})")
            seen.append(target)
            url = target
        return FetchFailed(seen[0], f"more than {self.settings.follow_max_redirects} redirects")

    # -- one request ------------------------------------------------------------------------

    def _with_retries(self, url: str, headers: dict) -> Fetched | FetchFailed | str:
        """The answer at `url` (a str: where it redirects), retrying what may pass."""
        for attempt in range(self.settings.follow_retries + 1):
            answer, wait = self._once(url, headers, self.settings.user_agent)
            if not (isinstance(answer, FetchFailed) and answer.transient) or attempt == self.settings.follow_retries:
                return answer
            time.sleep(min(MAX_BACKOFF, wait if wait is not None else self.backoff * 2 ** attempt))
        raise AssertionError("unreachable")

    def _once(self, url: str, headers: dict, agent: str, max_bytes: int | None = None
              ) -> tuple[Fetched | FetchFailed | str, float | None]:
        """One request: (the answer, the seconds a Retry-After asks for)."""
        max_bytes = max_bytes or self.settings.follow_max_bytes
        host = self._host(url)
        with host.slots:
            self._wait_turn(host)
            deadline = time.monotonic() + self.settings.follow_timeout
            _local.deadline = deadline  # every read and write of this request waits at most the time left
            with self._lock:
                self.requests += 1
            try:
                with self.client.stream("GET", url, headers={"Accept": ACCEPT, **headers}) as response:
                    if response.status_code in REDIRECTS:
                        location = response.headers.get("location")
                        if not location:
                            return FetchFailed(url, f"HTTP {response.status_code} without a Location"), None
                        return location, None
                    if response.status_code == 304:
                        return Fetched(url, 304, etag=response.headers.get("etag"),
                                       last_modified=response.headers.get("last-modified")), None
                    if response.status_code != 200:
                        transient = response.status_code == 429 or response.status_code >= 500
                        return (FetchFailed(url, f"HTTP {response.status_code}", transient),
                                _retry_after(response.headers.get("retry-after")))
                    body = self._body(response, url, deadline, max_bytes)
                    if isinstance(body, FetchFailed):
                        return body, None
                    media, charset = _content_type(response.headers.get("content-type"))
                    return Fetched(url, 200, body, media, charset, response.headers.get("etag"),
                                   response.headers.get("last-modified")), None
            except NotPublic as err:
                return FetchFailed(url, str(err)), None
            except httpx.TimeoutException:
                return FetchFailed(url, f"timed out after {self.settings.follow_timeout:g} s", True), None
            except httpx.TransportError as err:  # refused, reset, DNS, a broken response
                return FetchFailed(url, f"cannot connect: {_one_line(err)}", True), None
            except httpx.HTTPError as err:
                return FetchFailed(url, _one_line(err)), None
            finally:
                _local.deadline = None

    def _body(self, response: httpx.Response, url: str, deadline: float, max_bytes: int) -> bytes | FetchFailed:
        too_big = FetchFailed(url, f"larger than {max_bytes:,} bytes")
        try:
            if int(response.headers.get("content-length", "0")) > max_bytes:
                return too_big
        except ValueError:
            pass
        chunks, size = [], 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            with self._lock:
                self.bytes += len(chunk)
            if size > max_bytes:
                return too_big
            if time.monotonic() > deadline:
                return FetchFailed(url, f"timed out after {self.settings.follow_timeout:g} s (too slow)", True)
            chunks.append(chunk)
        return b"".join(chunks)

    # -- politeness -------------------------------------------------------------------------

    def _host(self, url: str) -> _Host:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc.lower()}"
        with self._lock:
            if key not in self._hosts:
                self._hosts[key] = _Host(self.settings.follow_per_host)
            return self._hosts[key]

    def _wait_turn(self, host: _Host) -> None:
        """Sleep until this host may be asked again; requests start at least the delay apart."""
        delay = self.settings.follow_delay
        if host.robots is not None:
            delay = max(delay, float(host.robots.crawl_delay(self.settings.user_agent) or 0))
        with host.lock:
            now = time.monotonic()
            start = max(now, host.next_start)
            host.next_start = start + delay
        if start > now:
            time.sleep(start - now)

    def _check_address(self, url: str) -> FetchFailed | None:
        """Why `url`'s host is refused (a non-public address), or None; the connection checks again."""
        if self.settings.follow_private_addresses:
            return None
        parts = urlsplit(url)
        try:
            resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80), private=False)
        except NotPublic as err:
            return FetchFailed(url, str(err))
        except (OSError, UnicodeError) as err:
            return FetchFailed(url, f"cannot resolve {parts.hostname}: {_one_line(err)}", True)
        return None

    def _allowed(self, url: str) -> FetchFailed | None:
        """Why robots.txt refuses `url` (a transient failure when it could not be read), or None."""
        host = self._host(url)
        with host.robots_lock:
            if time.monotonic() >= host.robots_until:
                host.robots, host.robots_failure = self._read_robots(url)
                host.robots_until = time.monotonic() + (ROBOTS_FAILURE_TTL if host.robots_failure else ROBOTS_TTL)
            robots, failure = host.robots, host.robots_failure
        if failure is not None:
            return FetchFailed(url, f"{failure.reason} (for robots.txt: the host is not fetched for now)", True)
        if not robots.can_fetch(self.settings.user_agent, url):
            return FetchFailed(url, "disallowed by robots.txt")
        return None

    def _read_robots(self, url: str) -> tuple[RobotFileParser | None, FetchFailed | None]:
        """The host's robots.txt rules, as RFC 9309 reads them: a 4xx (unavailable) allows
        everything; a 5xx or an unreachable host is a failure (everything disallowed for now)."""
        parts = urlsplit(url)
        robots = RobotFileParser(f"{parts.scheme}://{parts.netloc}/robots.txt")
        answer, _ = self._once(robots.url, {}, self.settings.user_agent, ROBOTS_MAX_BYTES)
        if isinstance(answer, Fetched):
            robots.parse(answer.body.decode("utf-8", errors="replace").splitlines())
        elif isinstance(answer, FetchFailed) and answer.transient:
            return None, answer
        else:
            robots.allow_all = True  # a 4xx, too large, or a redirect of robots.txt: no rules
        return robots, None


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"') or None
    return media.strip().lower() or None, charset


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError, OverflowError):
        return None


def _one_line(err: Exception) -> str:
    return " ".join(str(err).split())[:200] or type(err).__name__
