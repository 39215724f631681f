"""The service's HTTP edge on a real server (uvicorn on loopback): what a slow or lying client gets."""

from __future__ import annotations

import json
import socket
import time

import pytest

from newsbrief.config import Settings
from newsbrief.service.app import create_app
from tests.conftest import served
from tests.service.conftest import key_headers


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """((host, port), an API key's header line) of a server over an empty store, answering 408 after a 1 s body wait."""
    db = "sqlite:///" + str(tmp_path_factory.mktemp("edge") / "news.db")
    auth = b"Authorization: %s\r\n" % key_headers(db)["authorization"].encode()
    with served(create_app(Settings(db=db, body_seconds=1.0, warm_briefs=0))) as port:
        yield ("127.0.0.1", port), auth


def _exchange(address, request: bytes, wait: float = 10.0) -> tuple[bytes, float]:
    """Send raw bytes; (the response, the seconds until it came whole)."""
    with socket.create_connection(address, timeout=wait) as conn:
        started = time.monotonic()
        conn.sendall(request)
        response = b""
        while chunk := conn.recv(65536):
            response += chunk
        return response, time.monotonic() - started


def test_a_body_shorter_than_its_content_length_gets_408_in_json_within_the_deadline(server):
    address, auth = server
    head = (b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth +
            b"Content-Length: 500\r\nConnection: close\r\n\r\n")
    response, seconds = _exchange(address, head + b'{"text": "only a part')
    status, _, body = response.partition(b"\r\n\r\n")
    assert status.startswith(b"HTTP/1.1 408")
    assert json.loads(body) == {"detail": "request body not received within 1 s"}
    assert seconds < 5


def test_a_body_sent_whole_is_not_timed(server):
    body = json.dumps({"id": "a", "text": "Officials said the storm reached the coast on Monday night. " * 5}).encode()
    address, auth = server
    head = (b"POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + auth +
            b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(body))
    response, _ = _exchange(address, head + body)
    assert response.startswith(b"HTTP/1.1 201")
