"""The web tests reuse the service fixtures: a small filled store and API clients."""

import re

from tests.service.conftest import client, empty_client, filled_db, key_headers, small_input  # noqa: F401


def form_csrf(html: str) -> str:
    """The value of the first `csrf` field in a page."""
    return re.search(r'name="csrf" value="([^"]*)"', html).group(1)


def sign_in(client, key: str | None = None) -> str:
    """Sign the client in to the web pages (with `key`, else the API key it sends) as a browser
    does, through /signin; the CSRF token its forms now carry."""
    key = key or client.headers["authorization"].removeprefix("Bearer ")
    page = client.get("/signin")
    done = client.post("/signin", data={"key": key, "csrf": form_csrf(page.text.split("<main>", 1)[1]), "next": "/"},
                       follow_redirects=False)
    assert done.status_code == 303, done.text
    return form_csrf(client.get("/").text)
