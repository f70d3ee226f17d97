"""The floor: a minimal ASGI app answering a static 1 KB JSON, on the same server stack."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

BODY = json.dumps(
    {f"setting_{i:02d}": (i % 2 == 0) if i < 20 else f"value {i}" for i in range(40)},
    separators=(",", ":"),
).encode()
HEADERS = [(b"content-type", b"application/json; charset=UTF-8")]


async def app(
    scope: MutableMapping[str, Any],
    receive: Callable[[], Awaitable[MutableMapping[str, Any]]],
    send: Callable[[MutableMapping[str, Any]], Awaitable[None]],
) -> None:
    if scope["type"] != "http":
        return
    await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
    await send({"type": "http.response.body", "body": BODY})
