"""The WordPress.com round trips of the connection screen: the connection test (Jetpack_Cxn_Tests'
outbound checks), plans, products and the disconnect survey (CORE, Jetpack 10.7)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import connection_errors as cerr
from jetpress.jetpack.services import wpcom_api
from jetpress.jetpack.wpcom_client import HttpResponse, response_code
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.users import User

PASSED = "All connection tests passed."  # CORE jetpack_connection_test


def _outbound_ok(jp: Jetpack, scheme: str) -> bool:
    """test__outbound_http / _https: GET JETPACK__API_BASE . 'test/1/' answers 200."""
    base = jp.wpcom.endpoints.api_base
    if scheme == "http":
        base = "http:" + base[len("https:") :] if base.startswith("https:") else base
    response = wpcom_api.wp_remote_request(jp, base + "test/1/", method="GET")
    return response_code(response) == 200


def run(jp: Jetpack) -> dict[str, str]:
    """CORE jetpack_connection_test: success, or every failed test as one WP_Error (HTTP 500,
    ``data.resolution`` '' - corpus connection/connection-test-*)."""
    error: WPError | None = None
    for scheme, label in (("http", "HTTP"), ("https", "HTTPS")):
        if _outbound_ok(jp, scheme):
            continue
        code = f"failed_test__outbound_{scheme}"
        message = cerr.OUTBOUND_MESSAGE.format(scheme=label)
        if error is None:
            error = WPError(code, message, data={"resolution": ""})
        else:
            error.add(code, message, {"resolution": ""})
    if error is not None:
        raise error
    return {"code": "success", "message": PASSED}


def user_locale(jp: Jetpack, user: User | None) -> str:
    """get_user_locale(): the user's ``locale`` meta, else the site's."""
    value = jp.site.users.get_meta(user.id, "locale") if user is not None else ""
    site = php.to_php_string(jp.site.options.get("WPLANG", ""))
    return php.to_php_string(value) or site or "en_US"


def plans(jp: Jetpack, user: User | None, ip: str) -> Any:
    """CORE get_plans: ``json_decode`` of WordPress.com's body, whatever the status (an
    unreachable WordPress.com gives null: an empty 200, corpus connection/plans-online)."""
    response = wpcom_api.request_as_user(
        jp,
        user.id if user else 0,
        f"/plans?_locale={user_locale(jp, user)}",
        "2",
        headers={"X-Forwarded-For": ip},
    )
    return response.json() if isinstance(response, HttpResponse) else None


def products(jp: Jetpack, user: User | None, ip: str) -> tuple[Any, int]:
    """CORE get_products: the products, else ``failed_to_fetch_data`` with the HTTP status
    (none: '' - which WordPress sends with status 200)."""
    response = wpcom_api.request_as_user(
        jp,
        user.id if user else 0,
        f"/products?_locale={user_locale(jp, user)}&type=jetpack",
        "2",
        headers={"X-Forwarded-For": ip},
    )
    code = response_code(response)
    if isinstance(response, HttpResponse) and code == 200:
        return response.json(), 200
    if isinstance(code, int) and code:
        raise cerr.failed_to_fetch_data(code)
    return cerr.failed_to_fetch_data_body(code), 200


def survey(jp: Jetpack, request: RestRequest) -> Any:
    """CORE submit_survey: POST the JSON body to WordPress.com as the user; its decoded answer."""
    user = request.user
    body = php.json_encode(dict(request.json_params())).decode()
    response = wpcom_api.request_as_user(
        jp,
        user.id if user else 0,
        "/marketing/survey",
        "v2",
        method="POST",
        body=body,
        headers={"Content-Type": "application/json", "X-Forwarded-For": request.remote_addr},
    )
    return response.json() if isinstance(response, HttpResponse) else None
