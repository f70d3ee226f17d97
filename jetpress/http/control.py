"""The test control plane under /_jetpress/ (only with ``--test-control``)."""

from __future__ import annotations

import json
import time
from typing import TYPE_CHECKING

from jetpress.http.exchange import Exchange, Reply

if TYPE_CHECKING:
    from jetpress.app import App

JSON_TYPE = ("Content-Type", "application/json; charset=UTF-8")


def _json(status: int, data: object) -> Reply:
    return Reply(status, [JSON_TYPE], json.dumps(data).encode())


def handle(app: App, exchange: Exchange) -> Reply:
    """``POST /_jetpress/reset`` with replay.py's body; ``GET /_jetpress/health``."""
    if exchange.path == "/_jetpress/health" and exchange.method == "GET":
        return _json(200, {"ok": True})
    if exchange.path != "/_jetpress/reset" or exchange.method != "POST":
        return _json(404, {"error": "no such control endpoint"})
    try:
        body = json.loads(exchange.body or b"{}")
    except ValueError:
        return _json(400, {"error": "the body must be JSON"})
    if not isinstance(body, dict):
        return _json(400, {"error": "the body must be a JSON object"})
    mode = body.get("mode", "offline")
    site_url = body.get("site_url") or (f"http://{body['host']}" if body.get("host") else None)
    if not isinstance(mode, str) or not isinstance(site_url, str):
        return _json(400, {"error": "mode and site_url (or host) are required strings"})
    started = time.perf_counter()
    try:
        app.reset(mode, site_url)
    except ValueError as err:
        return _json(400, {"error": str(err)})
    elapsed = round((time.perf_counter() - started) * 1000, 2)
    return _json(200, {"ok": True, "mode": mode, "site_url": site_url, "elapsed_ms": elapsed})
