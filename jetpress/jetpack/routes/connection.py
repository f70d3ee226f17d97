"""Route callbacks of the connection family (GET /connection now; the rest is a later issue)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.jetpack.services import connection
from jetpress.wp.rest.response import RestResponse

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest


def status(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /connection: REST_Connector::connection_status (public)."""
    return RestResponse(connection.status(jp, request.user))
