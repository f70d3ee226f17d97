"""WordPress.com-shaped errors, one class, rendered in the envelope of the API that raised it.

Envelopes: ``rest`` (REST v1.x: ``{"error", "message"}``), ``v2`` (wpcom/v2, WP-API style:
``{"code", "message", "data": {"status"}}``), ``oauth`` (jetpack.register / jetpack.token:
``{"error", "error_description"}``), ``xmlrpc`` (a fault, ``Jetpack: [code] message``),
``html`` (the authorize page) and ``text`` (Akismet's plain answers). Jetpack's
Error_Handler::check_api_response_for_errors reads ``error`` or ``code``.
"""

from __future__ import annotations

STYLES = ("rest", "v2", "oauth", "xmlrpc", "html", "text")


class WpcomError(Exception):
    """An error answer: HTTP status, machine code, human message, envelope style."""

    def __init__(self, status: int, code: str, message: str, *, style: str = "rest") -> None:
        super().__init__(f"{status} {code}: {message}")
        if style not in STYLES:
            raise ValueError(f"unknown error style {style}")
        self.status = status
        self.code = code
        self.message = message
        self.style = style

    def with_style(self, style: str) -> WpcomError:
        """The same error in another envelope."""
        return WpcomError(self.status, self.code, self.message, style=style)


def not_found(style: str) -> WpcomError:
    """No route: WP-API's rest_no_route for v2, a v1-style error elsewhere."""
    if style == "v2":
        return WpcomError(
            404,
            "rest_no_route",
            "No route was found matching the URL and request method.",
            style=style,
        )
    return WpcomError(
        404, "unknown_endpoint", "The requested endpoint does not exist.", style=style
    )


def authorization_required(style: str) -> WpcomError:
    """An unsigned request to an endpoint that needs a Jetpack blog or user token."""
    return WpcomError(
        403,
        "authorization_required",
        "An active access token must be used to query information about the current site.",
        style=style,
    )


def forbidden_blog(style: str) -> WpcomError:
    """A token of one site used on another site's endpoint."""
    return WpcomError(403, "unauthorized", "User cannot access this private blog.", style=style)
