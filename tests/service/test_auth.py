"""Who may write (`newsbrief.service.auth`): API keys for the API, sessions and CSRF tokens for the forms."""

from __future__ import annotations

import pytest
from fastapi import FastAPI, Form, Request
from fastapi.testclient import TestClient

from newsbrief.config import Settings
from newsbrief.errors import SettingsError
from newsbrief.service.app import create_app
from newsbrief.service.auth import Auth, csrf_token, is_loopback, refuse_unprotected, signed_in
from newsbrief.store import Store, StoreError
from newsbrief.store.keys import create_key, find_key, revoke_key
from newsbrief.web.signin import session_cookie
from newsbrief.web.templates import render
from tests.web.conftest import sign_in

ARTICLE = {"id": "a1", "title": "Storm floods coast",
           "text": "Officials said the storm reached the coast on Monday night and flooded several towns."}
WRITES = [("post", "/api/articles", ARTICLE), ("post", "/api/stories/s1/merge", {"stories": ["s2"]}),
          ("post", "/api/stories/s1/split", {"articles": ["a"]}), ("post", "/api/moves", {"articles": ["a"], "to": None}),
          ("delete", "/api/articles/a1", None), ("post", "/api/sources", {"url": "https://example.com/feed"}),
          ("delete", "/api/sources/1", None), ("put", "/api/articles", ARTICLE), ("patch", "/api/stories/s1", {})]


@pytest.fixture
def store(tmp_path):
    return Store(f"sqlite:///{tmp_path / 'news.db'}")


def app_client(store: Store, **kwargs) -> TestClient:
    return TestClient(create_app(Settings(db=store.url, warm_briefs=0, **kwargs.pop("settings", {})), store, **kwargs),
                      raise_server_exceptions=False)


def send(client: TestClient, method: str, path: str, body, **kwargs):
    return client.request(method.upper(), path, json=body, **kwargs)


def bearer(key: str) -> dict:
    return {"authorization": f"Bearer {key}"}


@pytest.mark.parametrize("method, path, body", WRITES)
def test_a_write_without_a_key_is_refused_with_401(store, method, path, body):
    create_key(store, "desk")
    with app_client(store) as client:
        response = send(client, method, path, body)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
    assert "newsbrief keys create" in response.json()["detail"] and "\n" not in response.json()["detail"]


@pytest.mark.parametrize("header, sent", [("Bearer nbk_" + "x" * 32, "nbk_x"), ("Bearer guessed-key", "guessed"),
                                          ("Basic dXNlcjpwYXNz", "dXNlcj"), ("Bearer", "Bearer\""),
                                          ("nbk_" + "y" * 32, "nbk_y")])
def test_a_write_with_a_wrong_key_is_refused_and_the_key_is_not_echoed(store, header, sent):
    create_key(store, "desk")
    with app_client(store) as client:
        response = client.post("/api/articles", json=ARTICLE, headers={"authorization": header})
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    assert sent not in response.text


def test_a_revoked_key_is_refused(store):
    key = create_key(store, "desk")
    with app_client(store) as client:
        assert client.post("/api/articles", json=ARTICLE, headers=bearer(key)).status_code == 201
        revoke_key(store, "desk")
        response = client.post("/api/articles", json={**ARTICLE, "id": "a2"}, headers=bearer(key))
    assert response.status_code == 401 and "revoked" in response.json()["detail"]
    assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'


def test_a_write_with_a_key_is_made_and_names_the_key(store):
    key = create_key(store, "desk")
    app = FastAPI()

    @app.post("/api/whoami")
    def whoami(request: Request) -> dict:
        return {"by": request.state.key_name}

    with TestClient(Auth(app, store)) as client:
        assert client.post("/api/whoami", headers=bearer(key)).json() == {"by": "desk"}


def test_reads_stay_open_without_a_key(store):
    create_key(store, "desk")
    with app_client(store) as client:
        assert client.get("/api/stories").status_code == 200
        assert client.get("/").status_code == 200
        assert client.head("/api/stories").status_code == 200


def test_a_read_only_server_refuses_every_write_even_with_a_key(store):
    key = create_key(store, "desk")
    with app_client(store, read_only=True) as client:
        for method, path, body in WRITES:
            response = send(client, method, path, body, headers=bearer(key))
            assert response.status_code == 403 and "read-only" in response.json()["detail"], path
        assert client.post("/signin", data={"key": key}).status_code == 403
        assert client.get("/api/stories").status_code == 200
        assert "Sign in" not in client.get("/").text


def test_when_reads_need_a_key_the_api_refuses_a_read_without_one(store):
    key = create_key(store, "desk")
    with app_client(store, settings={"read_needs_key": True}) as client:
        response = client.get("/api/stories")
        assert response.status_code == 401 and response.headers["www-authenticate"] == "Bearer"
        assert client.get("/api/stories", headers=bearer(key)).status_code == 200


def test_when_reads_need_a_key_a_page_sends_the_browser_to_sign_in_and_back(store):
    key = create_key(store, "desk")
    with app_client(store, settings={"read_needs_key": True}) as client:
        response = client.get("/search?q=storm", headers={"accept": "text/html"}, follow_redirects=False)
        assert response.status_code == 303 and response.headers["location"] == "/signin?next=%2Fsearch%3Fq%3Dstorm"
        assert client.get("/signin").status_code == 200 and client.get("/static/style.css").status_code == 200
        client.headers["authorization"] = f"Bearer {key}"
        sign_in(client)
        del client.headers["authorization"]
        assert client.get("/search?q=storm", follow_redirects=False).status_code == 200
        assert client.get("/api/stories").status_code == 200  # a signed-in browser reads the API too


@pytest.mark.parametrize("path", ["/stories/s1/merge", "/stories/s1/articles", "/anything"])
def test_a_form_post_without_a_session_is_refused_with_403(store, path):
    key = create_key(store, "desk")
    with app_client(store) as client:
        response = client.post(path, data={"csrf": "x", "stories": "s2"}, headers=bearer(key))
    assert response.status_code == 403 and "sign in" in response.json()["detail"]


def test_a_form_post_with_a_wrong_or_missing_csrf_token_is_refused_with_403(store):
    key = create_key(store, "desk")
    with app_client(store) as client:
        token = sign_in(client, key)
        for data in ({"stories": "s2"}, {"stories": "s2", "csrf": token[:-1] + ("1" if token.endswith("0") else "0")}, {"stories": "s2", "csrf": "é"}):
            response = client.post("/stories/s1/merge", data=data, headers={"accept": "text/html"})
            assert response.status_code == 403 and "CSRF" in response.text
            assert "content-security-policy" in response.headers  # a refusal is a page like the others


def test_a_form_post_with_its_session_token_reaches_the_route_with_its_fields(store):
    key = create_key(store, "desk")
    app = FastAPI()

    @app.get("/")
    def page(request: Request) -> dict:
        return {"csrf": csrf_token(request), "who": signed_in(request)}

    @app.post("/note")
    def note(request: Request, text: str = Form()) -> dict:
        return {"text": text, "by": request.state.key_name}

    with TestClient(Auth(app, store)) as client:
        client.cookies.set("newsbrief_session", session_cookie(find_key(store, key)))
        seen = client.get("/").json()
        assert seen["who"] == "desk" and seen["csrf"]
        answer = client.post("/note", data={"text": "hello", "csrf": seen["csrf"]})
        assert answer.json() == {"text": "hello", "by": "desk"}
        multipart = client.post("/note", files={"text": (None, "hi"), "csrf": (None, seen["csrf"])})
        assert multipart.json() == {"text": "hi", "by": "desk"}


def test_every_page_is_rendered_with_who_signed_in_and_the_csrf_token(store):
    key = create_key(store, "desk")
    with app_client(store) as client:
        assert 'href="/signin">Sign in' in client.get("/").text
        token = sign_in(client, key)
        page = client.get("/").text
        assert "Signed in as desk" in page and 'action="/signout"' in page
        assert f'name="csrf" value="{token}"' in page
    assert 'href="/signin"' in render("error.html", status=404, message="x")  # outside a request: signed out


@pytest.mark.parametrize("host, loopback", [("127.0.0.1", True), ("127.8.0.1", True), ("::1", True), ("[::1]", True),
                                            ("localhost", True), ("0.0.0.0", False), ("::", False),
                                            ("192.168.1.5", False), ("example.com", False), ("", False)])
def test_loopback_addresses_are_recognised(host, loopback):
    assert is_loopback(host) is loopback


def test_serving_beyond_loopback_with_no_key_is_refused_saying_how_to_make_one(store):
    with pytest.raises(SettingsError) as refused:
        refuse_unprotected("0.0.0.0", store, read_only=False)
    assert refused.value.exit_code == 2 and "newsbrief keys create NAME" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_serving_is_allowed_on_loopback_or_read_only_or_with_a_key(store):
    refuse_unprotected("127.0.0.1", store, read_only=False)
    refuse_unprotected("0.0.0.0", store, read_only=True)
    create_key(store, "desk")
    refuse_unprotected("0.0.0.0", store, read_only=False)


def test_a_store_that_cannot_be_read_while_checking_a_key_is_a_503_naming_no_database(store, monkeypatch):
    def unavailable(*args):
        raise StoreError(f"store {store.display_url}: connection refused")

    monkeypatch.setattr("newsbrief.service.auth.key_name", unavailable)
    with app_client(store) as client:
        response = client.post("/api/articles", json=ARTICLE, headers=bearer("nbk_" + "x" * 32))
    assert response.status_code == 503 and "news.db" not in response.text


def test_the_asgi_body_replay_is_one_helper_shared_by_the_middlewares():
    import anyio

    from newsbrief.service import app as app_module, asgi, auth as auth_module

    assert app_module._replay is asgi.replay and auth_module.replay is asgi.replay
    assert app_module._send_json is asgi.send_json

    async def later():
        return {"type": "http.disconnect"}

    async def events():
        receive = asgi.replay(b"csrf=x", later)
        return [await receive(), await receive()]

    assert anyio.run(events) == [{"type": "http.request", "body": b"csrf=x", "more_body": False},
                                 {"type": "http.disconnect"}]
