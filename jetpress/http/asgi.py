"""The ASGI edge: bytes in, RestRequest to the REST server, bytes out. No business logic.

Plain ASGI (no framework) keeps the per-request cost at the floor measured in
design/python-stack.md; the REST core is synchronous and called inline (fast, cached reads).
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Awaitable, Callable, MutableMapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote_plus

import anyio

from jetpress import php
from jetpress.http import control, login, pages
from jetpress.http.exchange import Exchange, Reply
from jetpress.jetpack.wpcom_client import SIM_HOST
from jetpress.wp.rest import errors as rest_errors
from jetpress.wp.rest.errors import error_data
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.rest.server import HttpReply

if TYPE_CHECKING:
    from jetpress.app import App

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]

log = logging.getLogger("jetpress")
# The REST rewrite rules (RA:194-201): ^wp-json/?$ and ^wp-json/(.*)?, also after index.php/.
_REST_PREFIX = re.compile(r"^/(?:index\.php/)?wp-json(?:/(?P<rest>.*))?$", re.S)


class BodyTooLarge(Exception):
    pass


class JetpressASGI:
    """The jetpress ASGI application."""

    def __init__(self, app: App) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send, self.app)
            return
        if scope["type"] != "http":
            return
        if self.app.wpcom_app is not None and _is_simulator_host(scope):
            await self.app.wpcom_app(scope, receive, send)  # --wpcom sim (docs/simulator.md)
            return
        try:
            body = await _read_body(receive, self.app.site.max_body_bytes)
        except BodyTooLarge:
            data = error_data(rest_errors.body_too_large(self.app.site.max_body_bytes))
            await _send(
                send,
                Reply(
                    413,
                    [("Content-Type", "application/json; charset=UTF-8")],
                    php.json_encode(data),
                ),
            )
            return
        exchange = Exchange.from_scope(scope, body)
        try:
            route = rest_route(exchange)
            if self.blocking(exchange, route):
                reply = await anyio.to_thread.run_sync(self.handle, exchange, route)
            else:
                reply = self.handle(exchange, route)
        except Exception:  # the edge is the one place a bug becomes WordPress's fatal error
            log.error(
                "unhandled error on %s %s\n%s",
                exchange.method,
                exchange.path,
                traceback.format_exc(),
            )
            reply = Reply(
                500,
                [("Content-Type", "application/json; charset=UTF-8")],
                php.json_encode(error_data(rest_errors.internal_server_error())),
            )
        if exchange.method == "HEAD":
            reply.body = b""
        await _send(send, reply)

    def blocking(self, exchange: Exchange, route: str | None) -> bool:
        """Requests whose handler calls out (WordPress.com) run in a thread, not inline."""
        if route is None:
            return pages.is_connect_step(exchange)
        override = exchange.header("x-http-method-override")
        method = override.upper() if override else exchange.method
        return self.app.rest.is_blocking(method, route, exchange.query)

    def handle(self, exchange: Exchange, route: str | None) -> Reply:
        """Route one exchange (``route``: its REST route, if it is a REST request): REST,
        login, admin-ajax, control plane or a page."""
        self.app.site.options.refresh()
        if route is not None:
            return self.serve_rest(exchange, route)
        path = exchange.path
        if path.lower().startswith("/wp-json") and not path.startswith("/wp-json"):
            # The rewrite rules are case-sensitive; WordPress's canonical redirect answers
            # /WP-JSON/... with a 301 to itself (corpus discovery/uppercase-prefix-redirect).
            return pages.redirect(self.app.site, exchange.full_url(), 301)
        if path == "/wp-login.php":
            return login.handle(self.app.site, exchange, self.app.login_guard)
        if path == "/wp-admin/admin-ajax.php":
            return login.admin_ajax(self.app.site, exchange)
        if path.startswith("/_jetpress/") and self.app.config.test_control:
            return control.handle(self.app, exchange)
        if self.app.jetpack is not None and pages.is_connect_step(exchange):
            return pages.connect_step(self.app.jetpack, exchange)
        return pages.handle(self.app.site, exchange)

    def serve_rest(self, exchange: Exchange, route: str) -> Reply:
        query = exchange.query
        post: dict[str, Any] = {}
        if exchange.method == "POST" and exchange.form_content_type:
            post = exchange.form()  # PHP fills $_POST only for form POSTs
        request = RestRequest(
            method=exchange.method,
            route=route,
            query=query,
            post=post,
            headers=exchange.canonical_headers(),
            body=exchange.body,
            cookies=exchange.cookies,
            secure=exchange.secure,
            remote_addr=exchange.client,
            request_uri=exchange.raw_path
            + ("?" + exchange.query_string if exchange.query_string else ""),
        )
        http: HttpReply = self.app.rest.serve(request)
        return Reply(http.status, http.headers, http.body)


def _is_simulator_host(scope: Scope) -> bool:
    for name, value in scope.get("headers", []):
        if name == b"host":
            return bool(value.split(b":")[0].lower() == SIM_HOST.encode())
    return False


def rest_route(exchange: Exchange) -> str | None:
    """The REST route of a request, or None (RA:179-201, rest_api_loaded RA:389-414)."""
    route: str | None = None
    given = exchange.query.get("rest_route")
    if given is None and exchange.method == "POST" and exchange.form_content_type:
        given = exchange.form().get("rest_route")
    if isinstance(given, str) and given != "":
        route = given  # GET/POST rest_route wins over the rewrite (WP::parse_request)
    else:
        found = _REST_PREFIX.match(exchange.raw_path)
        if found is None:
            return None
        # The rewrite substitutes into a query string that parse_str decodes (+ is a space).
        route = "/" + unquote_plus(found.group("rest") or "", errors="surrogateescape")
    # untrailingslashit strips every trailing / and \; empty means the index (RA:399-404)
    route = route.rstrip("/\\")
    return route or "/"


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    more = True
    while more:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
        more = bool(message.get("more_body", False))
    return b"".join(chunks)


async def _send(send: Send, reply: Reply) -> None:
    headers = [(k.lower().encode("latin-1"), _header_bytes(v)) for k, v in reply.headers]
    headers += [(b"set-cookie", value.encode("latin-1")) for value in reply.set_cookies]
    await send({"type": "http.response.start", "status": reply.status, "headers": headers})
    await send({"type": "http.response.body", "body": reply.body})


def _header_bytes(value: str) -> bytes:
    try:
        return value.encode("latin-1")
    except UnicodeEncodeError:
        return value.encode("utf-8", "surrogateescape")


async def _lifespan(receive: Receive, send: Send, app: App) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            app.close()
            await send({"type": "lifespan.shutdown.complete"})
            return
