"""The simulator's URL table and its dispatcher: path regex + method -> handler, error envelope.

Paths are those the Jetpack connection uses once its API bases point at the simulator
(protocol.urls.WpcomEndpoints.for_simulator): ``/jetpack.<name>/1/``, ``/xmlrpc.php``,
``/rest/v1.1/...``, ``/wpcom/v2/...``; plus Akismet's ``/akismet/1.1/...``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jetpress.wpcom import handlers as h
from jetpress.wpcom.errors import WpcomError, not_found
from jetpress.wpcom.handlers import SimRequest, SimResponse
from jetpress.wpcom.models import WpcomState

Handler = Callable[[WpcomState, SimRequest, "re.Match[str]"], SimResponse]
_REST = r"/rest/v1(?:\.[0-9]+)?/sites/(?P<blog>[0-9]+)"


@dataclass(frozen=True)
class Route:
    """One entry: methods, a full-match path regex, the handler and its error envelope."""

    methods: tuple[str, ...]
    pattern: re.Pattern[str]
    handler: Handler
    style: str


def _r(methods: str, pattern: str, handler: Handler, style: str) -> Route:
    return Route(tuple(methods.split()), re.compile(pattern), handler, style)


ROUTES: tuple[Route, ...] = (
    _r("GET", r"/", h.index, "html"),
    _r("POST", r"/jetpack\.register/1/?", h.register, "oauth"),
    _r("GET", r"/jetpack\.authorize(?:_iframe)?/1/?", h.authorize_page, "html"),
    _r("POST", r"/jetpack\.authorize(?:_iframe)?/1/?", h.authorize_submit, "html"),
    _r("POST", r"/jetpack\.token/1/?", h.token, "oauth"),
    _r("POST", r"/xmlrpc\.php", h.xmlrpc_endpoint, "xmlrpc"),
    _r("GET", _REST + r"/?", h.site_info, "rest"),
    _r("GET", _REST + r"/features/?", h.site_features, "rest"),
    _r("GET", _REST + r"/purchases/?", h.site_purchases, "rest"),
    _r("GET", _REST + r"/stats/?", h.stats, "rest"),
    _r("GET", _REST + r"/stats/visits/?", h.stats_visits, "rest"),
    _r("GET", r"/rest/v1\.[0-9]+/plans/?", h.plans, "rest"),
    _r("GET", r"/wpcom/v2/plans/?", h.plans, "v2"),
    _r("GET", r"/wpcom/v2/products/?", h.products, "v2"),
    _r("POST", r"/wpcom/v2/sites/(?P<blog>[0-9]+)/jetpack-token-health/?", h.token_health, "v2"),
    _r(
        "GET",
        r"/wpcom/v2/sites/(?P<blog>[0-9]+)/jetpack-token-health/blog/?",
        h.token_health_blog,
        "v2",
    ),
    _r("POST", r"/akismet/1\.1/verify-key/?", h.akismet_verify_key, "text"),
    _r("POST", r"/akismet/1\.1/get-stats/?", h.akismet_get_stats, "text"),
)


def style_for(path: str) -> str:
    """The error envelope of a path nobody routes."""
    if path.startswith("/wpcom/v2"):
        return "v2"
    if path.startswith("/jetpack."):
        return "oauth"
    if path.startswith("/xmlrpc.php"):
        return "xmlrpc"
    return "rest"


def dispatch(state: WpcomState, req: SimRequest) -> SimResponse:
    """Find the route, run the handler under the state lock, render WpcomError envelopes."""
    matched_path = False
    for route in ROUTES:
        match = route.pattern.fullmatch(req.path)
        if match is None:
            continue
        matched_path = True
        if req.method not in route.methods:
            continue
        with state.lock:
            try:
                return route.handler(state, req, match)
            except WpcomError as err:
                return h.render_error(
                    err if err.style == route.style else err.with_style(route.style)
                )
            except Exception as err:  # a simulator bug answers like a WordPress.com fatal error
                message = f"{type(err).__name__}: {err}"
                return h.render_error(WpcomError(500, "internal_error", message, style=route.style))
    style = style_for(req.path)
    if matched_path:
        return h.render_error(
            WpcomError(405, "method_not_allowed", "Method not allowed.", style=style)
        )
    return h.render_error(not_found(style))
