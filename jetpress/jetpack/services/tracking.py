"""The current user's Tracks opt-out (CORE get/update_user_tracking_settings, 10.7): kept on
WordPress.com (``/jetpack-user-tracking``), ``{"tracks_opt_out": true}`` while the user is not
connected."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack.services import connection, wpcom_data
from jetpress.jetpack.wpcom_client import HttpFailure
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User

OPTED_OUT: dict[str, Any] = {"tracks_opt_out": True}  # Default to opt-out if not connected.


def settings(jp: Jetpack, user: User | None, params: dict[str, Any] | None = None) -> Any:
    """GET (``params`` None) or PUT the user's settings on WordPress.com; the decoded body
    (``json_decode( $body, true )``) is the answer, a transport WP_Error is passed through."""
    if not connection.is_user_connected(jp, user):
        return OPTED_OUT
    body = None if params is None else php.json_encode(params).decode()
    method = "GET" if params is None else "PUT"
    result = wpcom_data.user_request(
        jp, user, "/jetpack-user-tracking", "v2", base="wpcom", method=method, body=body
    )
    if isinstance(result, HttpFailure):
        raise WPError(result.code, result.message)
    return result.json()
