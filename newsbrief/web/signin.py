"""Signing in to the web pages with an API key, once, and the session cookie that remembers it.

The store has no table of sessions, so the cookie carries its own proof: `KEY_ID.EXPIRES.MAC`,
where MAC is an HMAC-SHA256 of (key id, expiry) keyed with the key's stored hash. Revoking the
key ends its sessions (the key is no longer found); no one can make a cookie without the hash.
Each form carries a CSRF token, an HMAC of the session cookie keyed the same way; the sign-in
form itself, which has no session yet, carries a random token that must match a cookie set with
the page (`SIGNIN_COOKIE`): a page of another site can send neither.

The checks run in `newsbrief.service.auth`, before these routes: a POST here has a valid CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsbrief.store import Store
from newsbrief.store.keys import ActiveKey, active_key, find_key
from newsbrief.web.templates import render

router = APIRouter(include_in_schema=False)

SESSION_COOKIE = "newsbrief_session"
SIGNIN_COOKIE = "newsbrief_signin"  # the sign-in form's CSRF token, set with the page
SESSION_SECONDS = 12 * 3600  # a working day; signing in again takes one paste of the key


@dataclass(frozen=True)
class Session:
    """A valid session: whose key it is, and the CSRF token its forms carry."""

    key_name: str
    csrf: str


def session_cookie(key: ActiveKey, *, now: float | None = None) -> str:
    """The value of a new session cookie for `key`, valid for SESSION_SECONDS."""
    expires = int(now if now is not None else time.time()) + SESSION_SECONDS
    return f"{key.id}.{expires}.{_mac(key.hash, f'{key.id}.{expires}')}"


def read_session(store: Store, value: str, *, now: float | None = None) -> Session | None:
    """The session of a cookie value when its signature holds, it has not expired and its key
    is not revoked; else None."""
    parts = value.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or not parts[1].isdigit() or len(parts[0]) > 18:
        return None
    key_id, expires, mac = int(parts[0]), int(parts[1]), parts[2]
    if expires <= (now if now is not None else time.time()):
        return None
    key = active_key(store, key_id)
    if key is None or not hmac.compare_digest(mac.encode(), _mac(key.hash, f"{parts[0]}.{parts[1]}").encode()):
        return None
    return Session(key.name, _mac(key.hash, "csrf " + value))


def new_signin_token() -> str:
    return secrets.token_urlsafe(24)


def _mac(secret: str, message: str) -> str:
    return hmac.new(secret.encode(), message.encode(), hashlib.sha256).hexdigest()


def _local(path: str) -> str:
    """Where to go after signing in: a path on this site, never another site's address."""
    if not path.startswith("/") or path.startswith("//") or "\\" in path or any(ord(c) < 32 for c in path):
        return "/"
    return path


def _secure(request: Request) -> bool:
    return request.url.scheme == "https"


def _signin_page(request: Request, *, next_path: str, error: str = "", status: int = 200) -> HTMLResponse:
    token = request.cookies.get(SIGNIN_COOKIE) or new_signin_token()
    response = HTMLResponse(render("signin.html", signin_csrf=token, next=_local(next_path), error=error),
                            status_code=status, headers={"cache-control": "no-store"})
    response.set_cookie(SIGNIN_COOKIE, token, path="/signin", httponly=True, samesite="strict", secure=_secure(request))
    return response


@router.get("/signin", response_class=HTMLResponse)
def signin_page(request: Request,
                next: Annotated[str, Query(max_length=2000)] = "/") -> HTMLResponse:  # noqa: A002 - the parameter's name
    return _signin_page(request, next_path=next)


@router.post("/signin")
def signin(request: Request, key: Annotated[str, Form(max_length=200)] = "",
           next: Annotated[str, Form(max_length=2000)] = "/") -> Response:  # noqa: A002
    found = find_key(request.app.state.newsroom.store, key.strip())
    if found is None:
        return _signin_page(request, next_path=next, status=403, error="That key is not valid, or it was revoked.")
    response = RedirectResponse(_local(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, session_cookie(found), max_age=SESSION_SECONDS, path="/", httponly=True,
                        samesite="strict", secure=_secure(request))
    response.delete_cookie(SIGNIN_COOKIE, path="/signin", httponly=True, samesite="strict", secure=_secure(request))
    return response


@router.post("/signout")
def signout(request: Request) -> RedirectResponse:
    """End the session in this browser (the cookie is dropped)."""
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="strict", secure=_secure(request))
    return response
