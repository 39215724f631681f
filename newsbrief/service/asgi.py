"""Small pieces the pure ASGI middlewares (`service.app`, `service.auth`) share."""

from __future__ import annotations

import json


def replay(body: bytes, receive):
    """An ASGI `receive` that gives the app `body`, already read, then whatever `receive` gives."""
    sent = False

    async def replayed():
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


async def send_json(send, status: int, message: str) -> None:
    """Answer `{"detail": message}` with `status`, and close the connection (the body was not read)."""
    body = json.dumps({"detail": message}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})
