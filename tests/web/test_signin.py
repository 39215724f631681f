"""Signing in to the pages with an API key (/signin, /signout) and the signed session cookie."""

from __future__ import annotations

import os

import pytest
from fastapi.testclient import TestClient

from newsbrief.config import Settings
from newsbrief.service.app import create_app
from newsbrief.store import Store
from newsbrief.store.keys import create_key, find_key, revoke_key
from newsbrief.web.signin import SESSION_COOKIE, SESSION_SECONDS, SIGNIN_COOKIE, read_session, session_cookie
from tests.web.conftest import form_csrf, sign_in


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'news.db'}")


@pytest.fixture
def key(store) -> str:
    return create_key(store, "desk")


def client_for(store: Store, base_url: str = "http://testserver") -> TestClient:
    return TestClient(create_app(Settings(db=store.url, warm_briefs=0), store), base_url=base_url,
                      raise_server_exceptions=False)


def signin_form(client: TestClient) -> str:
    return form_csrf(client.get("/signin").text.split("<main>", 1)[1])


def post_signin(client: TestClient, key: str, **fields):
    return client.post("/signin", data={"key": key, "csrf": signin_form(client), **fields}, follow_redirects=False)


def set_cookie_headers(response) -> dict[str, str]:
    return {h.split("=", 1)[0]: h for h in response.headers.get_list("set-cookie")}


def test_the_signin_page_sets_the_token_its_form_carries(store):
    with client_for(store) as client:
        page = client.get("/signin")
        assert page.status_code == 200 and 'type="password" name="key"' in page.text
        assert form_csrf(page.text.split("<main>", 1)[1]) == page.cookies[SIGNIN_COOKIE]


def test_signing_in_sets_an_httponly_strict_session_cookie_and_goes_back(store, key):
    with client_for(store) as client:
        done = post_signin(client, key, next="/search?q=storm")
    assert done.status_code == 303 and done.headers["location"] == "/search?q=storm"
    cookie = set_cookie_headers(done)[SESSION_COOKIE]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Secure" not in cookie
    assert f"Max-Age={SESSION_SECONDS}" in cookie


def test_over_https_the_session_cookie_is_secure(store, key):
    with client_for(store, "https://testserver") as client:
        done = post_signin(client, key)
    assert "Secure" in set_cookie_headers(done)[SESSION_COOKIE]


def test_a_wrong_key_signs_no_one_in(store, key):
    with client_for(store) as client:
        refused = post_signin(client, "nbk_" + "x" * 32)
        assert refused.status_code == 403 and "not valid" in refused.text
        assert SESSION_COOKIE not in set_cookie_headers(refused)
        assert 'href="/signin">Sign in' in client.get("/").text


def test_a_signin_post_without_the_pages_token_is_refused(store, key):
    """A page of another site cannot sign a visitor in with its own key (login CSRF)."""
    with client_for(store) as client:
        client.get("/signin")
        response = client.post("/signin", data={"key": key, "csrf": "forged"})
        assert response.status_code == 403
    with client_for(store) as fresh:  # no cookie from the page at all
        assert fresh.post("/signin", data={"key": key, "csrf": "forged"}).status_code == 403


def test_a_signin_post_whose_form_cookie_is_gone_is_told_to_reload_not_to_sign_in_first(store, key):
    """The sign-in cookie blocked or expired: the form is out of date; "sign in first" would send
    the browser round in a circle."""
    with client_for(store) as client:
        token = signin_form(client)
        client.cookies.clear()
        for accept in ("application/json", "text/html"):
            response = client.post("/signin", data={"key": key, "csrf": token}, headers={"accept": accept})
            assert response.status_code == 403
            assert "reload the page and sign in again" in response.text and "sign in first" not in response.text


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:x"])
def test_signing_in_never_sends_the_browser_to_another_site(store, key, target):
    with client_for(store) as client:
        assert post_signin(client, key, next=target).headers["location"] == "/"


def test_the_header_names_who_signed_in_and_signing_out_ends_it(store, key):
    with client_for(store) as client:
        token = sign_in(client, key)
        assert "Signed in as desk" in client.get("/").text
        out = client.post("/signout", data={"csrf": token}, follow_redirects=False)
        assert out.status_code == 303 and 'Max-Age=0' in set_cookie_headers(out)[SESSION_COOKIE]
        page = client.get("/").text
        assert "Signed in as" not in page and 'href="/signin">Sign in' in page


def test_signing_out_needs_the_forms_token(store, key):
    with client_for(store) as client:
        sign_in(client, key)
        assert client.post("/signout", data={"csrf": "forged"}).status_code == 403
        assert "Signed in as desk" in client.get("/").text


def test_revoking_a_key_ends_its_sessions(store, key):
    with client_for(store) as client:
        token = sign_in(client, key)
        revoke_key(store, "desk")
        assert "Signed in as" not in client.get("/").text
        assert client.post("/stories/s1/merge", data={"csrf": token, "stories": "s2"}).status_code == 403


def test_a_session_cookie_holds_no_key_and_expires(store, key):
    found = find_key(store, key)
    value = session_cookie(found, now=1_000_000)
    assert key not in value and value.startswith(f"{found.id}.{1_000_000 + SESSION_SECONDS}.")
    assert read_session(store, value, now=1_000_000 + SESSION_SECONDS - 1).key_name == "desk"
    assert read_session(store, value, now=1_000_000 + SESSION_SECONDS) is None


def test_a_tampered_session_cookie_is_refused(store, key):
    found = find_key(store, key)
    key_id, expires, mac = session_cookie(found, now=1_000_000).split(".")
    other = create_key(store, "other")
    for forged in (f"{key_id}.{int(expires) + 3600}.{mac}", f"{find_key(store, other).id}.{expires}.{mac}",
                   f"{key_id}.{expires}.{mac[:-1]}", f"{key_id}.{expires}", "", "a.b.c", f"{key_id}.{expires}.é"):
        assert read_session(store, forged, now=1_000_000) is None, forged


def test_the_story_pages_forms_carry_the_sessions_token_and_pass(client):
    token = sign_in(client)
    try:
        story = max(client.get("/api/stories", params={"limit": 100}).json()["stories"], key=lambda s: s["size"])
        page = client.get(f"/stories/{story['id']}").text
        assert page.count(f'name="csrf" value="{token}"') >= 2  # the correction forms and the sign-out button
        merged = client.post(f"/stories/{story['id']}/merge", data={"csrf": token, "stories": "no-such-story"})
        assert merged.status_code == 404  # past the checks: the route itself found no such story
    finally:
        client.cookies.clear()  # the client is shared by the session's tests


def test_the_story_page_knows_who_signed_in_and_whether_the_server_is_read_only(client, filled_db):
    """`signed_in` and `read_only` reach the story page's template like every other page's."""
    story = client.get("/api/stories", params={"limit": 1}).json()["stories"][0]["id"]
    anonymous = client.get(f"/stories/{story}").text
    assert 'href="/signin">Sign in' in anonymous and "Signed in as" not in anonymous
    sign_in(client)
    try:
        signed = client.get(f"/stories/{story}").text
        assert "Signed in as tests" in signed and 'href="/signin">Sign in' not in signed
    finally:
        client.cookies.clear()  # the client is shared by the session's tests
    store = Store(filled_db)
    try:
        with TestClient(create_app(Settings(db=filled_db, warm_briefs=0), store, read_only=True)) as read_only:
            page = read_only.get(f"/stories/{story}")
            assert page.status_code == 200 and 'href="/signin"' not in page.text and "Signed in as" not in page.text
    finally:
        store.close()


@pytest.mark.slow
def test_a_browser_signs_in_and_out(tmp_path):
    """In Chromium: the form posts, the cookie sticks (HttpOnly, SameSite=Strict), the header follows."""
    from tests.conftest import served
    from tests.web.test_browser import CHROMIUM, _need_chromium

    _need_chromium()
    from playwright.sync_api import sync_playwright  # heavy: a browser, only for this test

    store = Store(f"sqlite:///{tmp_path / 'news.db'}")
    key = create_key(store, "desk")
    args = ["--no-sandbox"] if os.geteuid() == 0 else []  # Chromium's sandbox cannot run as root
    with served(create_app(Settings(db=store.url, warm_briefs=0), store)) as port, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=args)
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        page.click("text=Sign in")
        page.fill("input[name=key]", key)
        page.click("form.signin button")
        assert page.url == f"http://127.0.0.1:{port}/" and "Signed in as desk" in page.inner_text("header")
        assert not page.evaluate("document.cookie")  # HttpOnly: no script could read the session
        page.click("form.signout button")
        assert "Signed in" not in page.inner_text("header") and page.is_visible("text=Sign in")
        browser.close()
