"""The request body as Jetpack reads it: ``get_json_params()``, else ``get_body_params()``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jetpress.wp.rest.request import RestRequest


def body_params(request: RestRequest) -> dict[Any, Any]:
    """MOD update_data / can_request: the JSON body when it decoded to an array, else the form
    body (query-string parameters are never options: corpus discovery/query-args-on-post)."""
    request.parameter_order()  # parses a JSON body, and a form body of PUT/PATCH
    params = request.json_params()
    if params:
        return dict(params)
    return dict(request.post)
