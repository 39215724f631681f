"""The FastAPI application: the JSON API under /api, web pages at / (newsbrief.web), docs at /docs.

Errors are translated here, at the edge: bad input is a 4xx with a one-line `detail`, a body
over `max_body_bytes` is refused (413) before it is read whole, and an unexpected exception is
logged and answered with a plain 500 — tests check that bad input never gets that far.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections import OrderedDict
from contextlib import asynccontextmanager

import anyio
import anyio.to_thread
from fastapi import FastAPI, Request
from fastapi_offline import FastAPIOffline
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsbrief import __version__
from newsbrief.config import Settings, load_settings
from newsbrief.errors import NewsbriefError, failure_reason
from newsbrief.ingest.validtext import valid_text
from newsbrief.model import Story
from newsbrief.service.api import router as api_router
from newsbrief.service.asgi import replay as _replay, send_json as _send_json
from newsbrief.service.auth import Auth
from newsbrief.service.briefs import stored_story
from newsbrief.service.corrections_api import router as corrections_router
from newsbrief.service.follow import Follower
from newsbrief.service.ingest import Ingestor
from newsbrief.service.sources_api import router as sources_router
from newsbrief.store import Store, StoreError
from newsbrief.web.corrections import router as web_corrections_router
from newsbrief.web.feeds import router as feeds_router
from newsbrief.web.signin import router as signin_router
from newsbrief.web.views import error_page, router as web_router

log = logging.getLogger("newsbrief.service")

CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
       "base-uri 'none'; frame-ancestors 'none'")
# Swagger UI runs scripts (its page starts them inline), all served from this server
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
            "base-uri 'none'; frame-ancestors 'none'")
DOCS_ASSETS = "/docs/assets"
_DOCS = ("/docs",)


class Newsroom:
    """What the routes share: settings, the store, the ingestor and a cache of built stories."""

    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store
        self.ingestor = Ingestor(store, settings)
        self._stories: OrderedDict[tuple, Story] = OrderedDict()
        self._newest: dict[str, tuple] = {}  # story id -> the key of its newest cached version
        self._lock = threading.Lock()
        self._building: dict[tuple, threading.Lock] = {}
        self.warmer: BriefWarmer | None = None  # set while the app runs (its lifespan)

    def story(self, story_id: str, *, wait: bool = False) -> Story | None:
        """The story with its brief; briefs are cached by the story's article set (its revision, last seq and size).

        While the background builder runs (`serve`), a story that took articles since its brief was
        built is served as built (the previous version) and its new brief is built in the
        background: a page never waits seconds for a summary. `wait=True` builds it now."""
        row = self.store.story(story_id)
        if row is None:
            return None
        key = (row.id, row.revision, row.last_seq, row.size)  # an editor's correction makes a new revision
        with self._lock:
            if key in self._stories:
                self._stories.move_to_end(key)
                return self._stories[key]
            previous = self._stories.get(self._newest.get(story_id))
            if previous is not None and self.warmer is not None and not wait:
                self.warmer.want(story_id)
                return previous
            building = self._building.setdefault(key, threading.Lock())
        with building:  # one thread builds a story; the others wait for it
            with self._lock:
                if key in self._stories:
                    return self._stories[key]
            story = self._build(story_id, row.last_seq)
            with self._lock:
                self._stories[key] = story
                if key[1:] > self._newest.get(story_id, (story_id, -1, -1, -1))[1:]:
                    self._newest[story_id] = key
                self._building.pop(key, None)
                while len(self._stories) > 256:
                    old, _ = self._stories.popitem(last=False)
                    if self._newest.get(old[0]) == old:
                        del self._newest[old[0]]
        return story

    def _build(self, story_id: str, last_seq: int) -> Story:
        return stored_story(self.store, story_id, self.settings, last_seq=last_seq)


class BriefWarmer:
    """Builds, in a background thread, the briefs of the stories that changed since it last looked
    (newest first, at most `warm_briefs`), so that a page view finds its story's brief built.

    It looks every `every` seconds, and at once when `nudge`d (after the API stores an article);
    one story at a time, so requests keep most of the process's time."""

    def __init__(self, newsroom: Newsroom, every: float = 2.0):
        self.newsroom = newsroom
        self.every = every
        self.seen = 0  # the store's last seq at the last look
        self._nudged = threading.Event()
        self._stop = threading.Event()
        self._wanted: dict[str, None] = {}  # story ids to build first, in the order asked
        self._wanted_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="newsbrief-briefs", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._nudged.set()
        self._thread.join(30)

    def nudge(self) -> None:
        self._nudged.set()

    def want(self, story_id: str) -> None:
        """Build this story's brief next (a page was just served its previous version)."""
        with self._wanted_lock:
            self._wanted[story_id] = None
        self._nudged.set()

    def warm_once(self) -> int:
        """Build the briefs of the stories wanted, then of those changed since the last look; how many."""
        built = 0
        while self._wanted and not self._stop.is_set():
            with self._wanted_lock:
                story_id = next(iter(self._wanted))
                del self._wanted[story_id]
            self.newsroom.story(story_id, wait=True)
            built += 1
        last = self.newsroom.store.last_seq()
        if last == self.seen:
            return built
        for row in self.newsroom.store.changed_stories(self.seen, self.newsroom.settings.warm_briefs):
            if self._stop.is_set():
                return built
            try:
                self.newsroom.story(row.id, wait=True)
                built += 1
            except Exception as err:  # one story that cannot be built does not hold up the others
                log.warning("building the brief of story %s: %s", row.id, failure_reason(err))
        self.seen = last
        return built

    def _run(self) -> None:
        while not self._stop.is_set():
            self._nudged.clear()  # before looking: a nudge that comes during the look is kept for the next
            try:
                self.warm_once()
            except Exception as err:  # a store that is briefly unavailable: try again at the next look
                log.warning("building briefs in the background: %s", failure_reason(err))
            self._nudged.wait(self.every)


def create_app(settings: Settings | None = None, store: Store | None = None, *, follow: bool = False,
               read_only: bool = False) -> FastAPI:
    """`follow`: poll the followed sources in a background thread while the app runs (`serve --follow`);
    `read_only`: refuse every write (`serve --public-read-only`)."""
    settings = settings or load_settings()
    store = store or Store(settings.db)
    # ReDoc is left out: its page loads the Redocly logo from another host
    newsroom = Newsroom(settings, store)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.server_threads
        warmer = BriefWarmer(newsroom) if settings.warm_briefs else None
        newsroom.warmer = warmer
        if warmer:
            warmer.start()
        follower = Follower(store, settings, ingestor=newsroom.ingestor) if follow else None
        if follower:
            follower.start()
        try:
            yield
        finally:
            if follower:
                await anyio.to_thread.run_sync(follower.stop)
            newsroom.warmer = None  # stories are built on request again
            if warmer:
                await anyio.to_thread.run_sync(warmer.stop)

    app = FastAPIOffline(title="newsbrief", version=__version__, static_url=DOCS_ASSETS, redoc_url=None, lifespan=lifespan,
                         swagger_ui_parameters={"validatorUrl": None},  # no badge fetched from swagger.io
                         description="Stories grouped from news articles, with short, attributed briefs.")
    app.state.newsroom = newsroom
    app.include_router(api_router)
    app.include_router(corrections_router)
    app.include_router(sources_router)
    app.include_router(feeds_router)  # before the pages: /stories/{story_id} would take /stories/ID.atom
    app.include_router(web_router)
    app.include_router(web_corrections_router)
    app.include_router(signin_router)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            where = next(e for e in errors if e.get("type") == "json_invalid")
            message = f"malformed JSON body: {where.get('ctx', {}).get('error', 'cannot be parsed')} (at {where['loc'][-1]})"
            return _error(request, 400, message)
        # a body that may be one article or a list fails both ways: report the way it was meant
        shape = ("model_type", "dict_type", "list_type", "model_attributes_type")
        meant = [e for e in errors if e.get("type") not in shape]
        if not meant:
            return _error(request, 422, "body: expected an article object or a list of article objects"
                          if any(e.get("loc", ())[:1] == ("body",) for e in errors) else _describe(errors[0]))
        return _error(request, 422, "; ".join(_describe(e) for e in meant[:5]))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return _error(request, exc.status_code, str(exc.detail), getattr(exc, "headers", None))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError):
        log.error("store error: %s", exc)  # the log names the database; a client is told nothing of it
        return _error(request, 503, "the store is unavailable; the server's log says why", {"retry-after": "5"})

    @app.exception_handler(NewsbriefError)
    async def newsbrief_error(request: Request, exc: NewsbriefError):
        return _error(request, 422, str(exc))

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):  # the last resort; bad input never gets here
        log.exception("internal error on %s %s", request.method, request.url.path)
        return _error(request, 500, f"internal error: {type(exc).__name__}")

    # inside SecurityHeaders (its refusals get them too) and BodyLimit (a form it reads is bounded)
    app.add_middleware(Auth, store=store, read_needs_key=settings.read_needs_key, read_only=read_only)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(SurrogateSafeJson)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes, seconds=settings.body_seconds)
    app.add_middleware(HeadAsGet)
    return app


def _describe(error: dict) -> str:
    loc = [str(part) for part in error.get("loc", ()) if part != "body" and "[" not in str(part)]
    where = ".".join(loc) or "body"
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    return f"{where}: {message}"


def _wants_html(request: Request) -> bool:
    path = request.url.path
    return not path.startswith("/api") and "text/html" in request.headers.get("accept", "")


MAX_ERROR_CHARS = 300  # an error names what was asked for, but never echoes a 100k-character id


def _error(request: Request, status: int, message: str, headers=None) -> Response:
    if len(message) > MAX_ERROR_CHARS:
        message = message[:MAX_ERROR_CHARS - 1] + "\u2026"
    if _wants_html(request):
        return HTMLResponse(error_page(status, message), status_code=status, headers=headers)
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


class BodyLimit:
    """Refuse (413) a request body over `limit` bytes: by its Content-Length before reading,
    else (chunked) as soon as the bytes read pass the limit; and (408) a body that has not
    arrived whole within `seconds` — a client that announces more than it sends, or sends it a
    byte at a time, does not hold a connection and a worker for ever. Pure ASGI: the body is
    read once, then replayed to the app."""

    def __init__(self, app, limit: int, seconds: float):
        self.app = app
        self.limit = limit
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or ())
        length = headers.get(b"content-length")
        message = f"request body too large: the limit is {self.limit:,} bytes"
        if length is not None:
            try:
                too_big = int(length) > self.limit
            except ValueError:
                return await _send_json(send, 400, "invalid Content-Length header")
            if too_big:
                return await _send_json(send, 413, message)
        chunks, size, too_big = [], 0, False
        with anyio.move_on_after(self.seconds) as waited:
            while True:
                event = await receive()
                if event["type"] == "http.disconnect":
                    return
                chunks.append(event.get("body", b""))
                size += len(chunks[-1])
                if size > self.limit:
                    too_big = True  # answered below, outside the deadline: one response, never two
                    break
                if not event.get("more_body"):
                    break
        if too_big:
            return await _send_json(send, 413, message)
        if waited.cancelled_caught:
            return await _send_json(send, 408, f"request body not received within {self.seconds:g} s")
        return await self.app(scope, _replay(b"".join(chunks), receive), send)


class SurrogateSafeJson:
    """A JSON body with a lone surrogate escape (`"\\ud800"`: valid JSON, cut from a UTF-16 pair by
    a scraper) is made valid text (`validtext`) before validation, which would refuse the whole
    body: the article is stored with U+FFFD, like the same record read from a file."""

    _ESCAPE = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        chunks = []
        while True:  # BodyLimit, outside this, has bounded the body
            event = await receive()
            if event["type"] == "http.disconnect":
                return
            chunks.append(event.get("body", b""))
            if not event.get("more_body"):
                break
        body = b"".join(chunks)
        if self._ESCAPE.search(body):
            body = _valid_json(body)
        headers = [(k, str(len(body)).encode() if k == b"content-length" else v) for k, v in scope.get("headers") or ()]
        return await self.app({**scope, "headers": headers}, _replay(body, receive), send)


def _valid_json(body: bytes) -> bytes:
    """The JSON document with every string made valid text; malformed JSON is left for validation to report."""
    def valid(value):
        if isinstance(value, str):
            return valid_text(value)[0]
        if isinstance(value, list):
            return [valid(v) for v in value]
        if isinstance(value, dict):
            return {valid(k): valid(v) for k, v in value.items()}
        return value

    try:
        return json.dumps(valid(json.loads(body))).encode()
    except (ValueError, RecursionError):
        return body


class HeadAsGet:
    """HEAD wherever GET is: the GET response's status and headers, without its body."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("method") != "HEAD":
            return await self.app(scope, receive, send)

        async def headers_only(event):
            if event["type"] == "http.response.body":
                if not event.get("more_body"):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(event)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


class SecurityHeaders:
    """A Content-Security-Policy that forbids every script (the pages have none) and friends;
    the API docs pages run their own scripts, from this server only (DOCS_CSP)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        policy = DOCS_CSP if scope.get("path", "").startswith(_DOCS) else CSP

        async def with_headers(event):
            if event["type"] == "http.response.start":
                event["headers"] = list(event.get("headers", [])) + [
                    (b"content-security-policy", policy.encode()), (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"), (b"x-frame-options", b"DENY")]
            await send(event)

        await self.app(scope, receive, with_headers)
