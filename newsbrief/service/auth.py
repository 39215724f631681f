"""Who may write: an API key for the API, a signed-in session and a CSRF token for the web's forms.

The rules, checked here before any route runs (`Auth`, a pure ASGI middleware):
  1. With `read_only` (`serve --public-read-only`) every write is refused (403).
  2. A write under /api (POST, PUT, PATCH, DELETE) needs a valid key, `Authorization: Bearer KEY`;
     else 401 with `WWW-Authenticate: Bearer` and a one-line JSON detail.
  3. A POST elsewhere (a form) needs a signed-in session (`newsbrief.web.signin`) and the form's
     `csrf` field matching it (the sign-in form: its own token); else 403.
  4. Reads are open, unless `read_needs_key`: then the API needs a key (or a session) and the
     pages a session (or a key); /signin and the stylesheet stay open.
Who is writing is put in `request.state.key_name`; every page is rendered knowing who signed in
and its CSRF token (`newsbrief.web.templates.page_context`).
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
from urllib.parse import quote

import anyio.to_thread
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response

from newsbrief.errors import SettingsError
from newsbrief.service.asgi import replay
from newsbrief.store import Store, StoreError
from newsbrief.store.keys import has_keys, key_name
from newsbrief.web.signin import SESSION_COOKIE, SIGNIN_COOKIE, Session, read_session
from newsbrief.web.templates import page_context
from newsbrief.web.views import error_page

log = logging.getLogger("newsbrief.service")

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")
OPEN_PATHS = ("/signin", "/static/style.css")  # reachable without a key even when reads need one
MAX_TOKEN_CHARS = 200

NO_KEY = "this request needs an API key: send the header 'Authorization: Bearer KEY' (make one with `newsbrief keys create NAME`)"
BAD_KEY = "the API key is not valid or was revoked"
READ_ONLY = "this server is read-only (serve --public-read-only): it takes no changes"
SIGN_IN_FIRST = "sign in first (/signin) to make changes"
BAD_CSRF = "the form's CSRF token is missing or out of date: reload the page and try again"
STALE_SIGNIN = "the sign-in form is out of date (its cookie is missing or expired): reload the page and sign in again"


def csrf_token(request: Request) -> str:
    """The CSRF token the page's forms must carry ('' when no one is signed in)."""
    return request.scope.get("state", {}).get("csrf", "")


def signed_in(request: Request) -> str | None:
    """The name of the key signed in to the web pages, or None."""
    return request.scope.get("state", {}).get("signed_in")


def is_loopback(host: str) -> bool:
    """Whether `host` is an address of this machine only (127.0.0.0/8, ::1, localhost)."""
    host = host.strip().strip("[]")
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name other than localhost may resolve to anything


def refuse_unprotected(host: str, store: Store, *, read_only: bool) -> None:
    """Refuse to serve on a non-loopback address while no key exists (anyone could write):
    a SettingsError (exit 2) that says how to make a key, unless the server is read-only."""
    if read_only or is_loopback(host) or has_keys(store):
        return
    raise SettingsError(f"refusing to serve on {host} with no API key, where anyone could make changes: make one "
                        f"with `newsbrief keys create NAME --db {store.display_url}`, or serve with --public-read-only")


class Auth:
    """The rules above, for every HTTP request; see the module's docstring."""

    def __init__(self, app, store: Store, *, read_needs_key: bool = False, read_only: bool = False):
        self.app = app
        self.store = store
        self.read_needs_key = read_needs_key
        self.read_only = read_only

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        request = Request(scope)
        try:
            allowed = await self._check(request, receive, send)
        except StoreError as err:  # the keys cannot be read: as the app answers when its store is down
            log.error("store error: %s", err)
            return await self._refuse(request, receive, send, 503, "the store is unavailable; the server's log says why",
                                      {"retry-after": "5"})
        if allowed is None:
            return  # refused, answered
        name, session, receive = allowed
        state = {**scope.get("state", {}), "key_name": name, "signed_in": session.key_name if session else None,
                 "csrf": session.csrf if session else ""}
        context = page_context.set({"csrf": state["csrf"], "signed_in": state["signed_in"], "read_only": self.read_only})
        try:
            await self.app({**scope, "state": state}, receive, send)
        finally:
            page_context.reset(context)

    async def _check(self, request: Request, receive, send) -> tuple[str | None, Session | None, object] | None:
        """(who, the session, the `receive` to go on with) when the request may go on; None when it
        was refused (the answer sent). The numbers are the rules of the module's docstring."""
        path, write = request.url.path, request.method not in SAFE_METHODS
        api = path == "/api" or path.startswith("/api/")
        if write and self.read_only and path != "/signout":  # 1.
            return await self._refuse(request, receive, send, 403, READ_ONLY)
        name, session = None, None
        if not path.startswith("/static/") and (not api or (self.read_needs_key and not write)):
            session = await self._session(request)
        if api and (write or (self.read_needs_key and session is None)):  # 2. and 4.
            token = _bearer(request)
            if token is None:
                return await self._refuse(request, receive, send, 401, NO_KEY, {"www-authenticate": "Bearer"})
            name = await anyio.to_thread.run_sync(key_name, self.store, token)
            if name is None:
                return await self._refuse(request, receive, send, 401, BAD_KEY,
                                          {"www-authenticate": 'Bearer error="invalid_token"'})
        elif not api and write:  # 3.
            expected = self._expected_csrf(request, session)
            if expected is None and path == "/signin":  # the sign-in form's cookie was blocked or has expired
                return await self._refuse(request, receive, send, 403, STALE_SIGNIN)
            if expected is None and path != "/signout":  # signing out of no session does nothing: let it
                return await self._refuse(request, receive, send, 403, SIGN_IN_FIRST)
            if expected is not None:
                body = await _read_body(receive)
                if body is None:
                    return None  # the client went away
                receive = replay(body, receive)
                if not hmac.compare_digest((await _form_csrf(request.scope, body)).encode(), expected.encode()):
                    return await self._refuse(request, receive, send, 403, BAD_CSRF)
        elif not api and self.read_needs_key and session is None and path not in OPEN_PATHS:  # 4.
            token = _bearer(request)
            name = await anyio.to_thread.run_sync(key_name, self.store, token) if token else None
            if name is None:
                return await self._ask_to_sign_in(request, receive, send)
        return name or (session.key_name if session else None), session, receive

    async def _session(self, request: Request) -> Session | None:
        value = request.cookies.get(SESSION_COOKIE)
        if not value or len(value) > MAX_TOKEN_CHARS:
            return None
        return await anyio.to_thread.run_sync(read_session, self.store, value)

    @staticmethod
    def _expected_csrf(request: Request, session: Session | None) -> str | None:
        """The token the form must carry: the session's; the sign-in form's own before a session."""
        if request.url.path == "/signin":
            token = request.cookies.get(SIGNIN_COOKIE, "")
            return token if 0 < len(token) <= MAX_TOKEN_CHARS else None
        return session.csrf if session else None

    async def _refuse(self, request: Request, receive, send, status: int, message: str, headers=None) -> None:
        if not request.url.path.startswith("/api") and "text/html" in request.headers.get("accept", ""):
            response: Response = _html_error(status, message, headers)
        else:
            response = JSONResponse({"detail": message}, status_code=status, headers=headers)
        await response(request.scope, receive, send)

    async def _ask_to_sign_in(self, request: Request, receive, send) -> None:
        if "text/html" in request.headers.get("accept", ""):
            here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
            response: Response = RedirectResponse(f"/signin?next={quote(here, safe='')}", status_code=303)
            return await response(request.scope, receive, send)
        await self._refuse(request, receive, send, 401, NO_KEY, {"www-authenticate": "Bearer"})


def _html_error(status: int, message: str, headers) -> Response:
    return HTMLResponse(error_page(status, message), status_code=status, headers=headers)


def _bearer(request: Request) -> str | None:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_CHARS:
        return None
    return token


async def _read_body(receive) -> bytes | None:
    """The whole body (BodyLimit, outside this, has bounded it), or None when the client left."""
    chunks = []
    while True:
        event = await receive()
        if event["type"] == "http.disconnect":
            return None
        chunks.append(event.get("body", b""))
        if not event.get("more_body"):
            return b"".join(chunks)


async def _form_csrf(scope, body: bytes) -> str:
    """The form's `csrf` field ('' when there is none, or the body is no form)."""
    try:
        async with Request(scope, replay(body, _no_more)).form() as form:
            value = form.get("csrf")
    except (HTTPException, ValueError):  # a malformed form carries no token
        return ""
    return value if isinstance(value, str) else ""


async def _no_more():
    return {"type": "http.disconnect"}
