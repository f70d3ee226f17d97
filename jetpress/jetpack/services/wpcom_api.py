"""Requests to WordPress.com as Jetpack makes them: Connection\\Client and Jetpack_IXR_Client.

Signed requests (blog token for ``user_id`` 0, else the user's token) go through
``jp.wpcom``; their answers are ``HttpResponse`` or ``HttpFailure`` (WP_Error) exactly as
``wp_remote_request`` returns them, and callers decide, as the PHP does, what a failure means.
XML-RPC calls answer ``IxrResult``: the value, or Jetpack_IXR_Client's IXR_Error.
"""

from __future__ import annotations

import email.utils
import xmlrpc.client
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options
from jetpress.jetpack.services import tokens
from jetpress.jetpack.wpcom_client import HttpFailure, HttpResponse, HttpResult
from jetpress.protocol import signing
from jetpress.protocol.phpquery import json_encode, stringify
from jetpress.protocol.tokens import generate_password
from jetpress.protocol.xmlrpc import XmlRpcFault, method_call, parse_method_response
from jetpress.wp.site import home_url

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

JETPACK_VERSION = "10.7"  # JETPACK__VERSION
WP_VERSION = "6.1.9"
SIGNED_TIMEOUT = 10.0  # Client::build_signed_request default 'timeout'
REGISTER_TIMEOUT = 30.0  # Manager::register: set_min_time_limit( 60 ) / 2
TOKEN_TIMEOUT = 30.0  # Tokens::get: http_request_timeout filter return_30
FORM = "application/x-www-form-urlencoded"


def user_agent(jp: Jetpack) -> str:
    """WP_Http's default: ``WordPress/<version>; <home url>``."""
    return f"WordPress/{WP_VERSION}; {home_url(jp.site)}"


def form_body(data: Mapping[str, Any]) -> bytes:
    """An array body as WP_Http sends it: http_build_query (null skipped, false as 0)."""
    parts: list[str] = []
    for key, value in data.items():
        if value is None:
            continue
        text = "0" if value is False else php.to_php_string(value)
        parts.append(f"{signing.php_urlencode(str(key))}={signing.php_urlencode(text)}")
    return "&".join(parts).encode()


def set_time_diff(jp: Jetpack, response: HttpResult, force: bool = False) -> None:
    """Client::set_time_diff(): WordPress.com's Date header sets ``time_diff`` (signing skew)."""
    if not isinstance(response, HttpResponse) or response.status not in (200, 304, 400, 401):
        return  # only trust the Date header on some responses
    date = response.header("date")
    if not date:
        return
    try:
        parsed = email.utils.parsedate_to_datetime(date)
    except (TypeError, ValueError):
        return
    diff = int(parsed.timestamp()) - int(jp.site.clock.now())
    old = jetpack_options.get_option(jp, "time_diff")
    if force or old is False or abs(diff - php.to_int(old)) > 10:
        jetpack_options.update_option(jp, "time_diff", diff)


def wp_remote_request(
    jp: Jetpack,
    url: str,
    *,
    method: str = "POST",
    body: bytes | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = 5.0,
    set_date_header: bool = False,
) -> HttpResult:
    """Client::_wp_remote_request(): the request, then the clock offset from its Date header."""
    if jetpack_options.get_option(jp, "fallback_no_verify_ssl_certs") is False:
        jetpack_options.update_option(jp, "fallback_no_verify_ssl_certs", 0)
    all_headers = {
        "user-agent": user_agent(jp),
        **{k.lower(): v for k, v in (headers or {}).items()},
    }
    if body is not None and "content-type" not in all_headers:
        all_headers["content-type"] = FORM
    response = jp.wpcom.request(method, url, headers=all_headers, body=body, timeout=timeout)
    set_time_diff(jp, response, set_date_header)
    return response


def remote_request(
    jp: Jetpack,
    url: str,
    *,
    method: str = "POST",
    user_id: int = 0,
    body: str | Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    timeout: float = SIGNED_TIMEOUT,
    auth_location: str = "query_string",
) -> HttpResult:
    """Client::remote_request(): sign with the blog (``user_id`` 0) or a user token and send.

    No token is ``WP_Error( 'missing_token' )`` (returned as an HttpFailure, as PHP does).
    """
    token = tokens.get_access_token(jp, user_id)
    if token is None:
        return HttpFailure("missing_token", "")
    time_diff = php.to_int(jetpack_options.get_option(jp, "time_diff"))
    blog_id = php.to_int(jetpack_options.get_option(jp, "id")) or None
    signed = signing.build_signed_request(
        token.secret,
        user_id=token.external_user_id,
        method=method,
        url=url,
        body=body,
        now=jp.site.clock.now(),
        nonce=generate_password(jp.site.random, 10),
        time_diff=time_diff,
        blog_id=blog_id,
        auth_location=auth_location,
        jetpack_version=JETPACK_VERSION,
    )
    raw: bytes | None
    if body is None:
        raw = None
    elif isinstance(body, Mapping):
        raw = form_body(stringify(dict(body)))
    else:
        raw = body.encode("utf-8", "surrogateescape")
    return wp_remote_request(
        jp,
        signed.url,
        method=method.upper(),
        body=raw,
        headers={**(headers or {}), **signed.headers},
        timeout=timeout,
    )


def json_api_url(jp: Jetpack, path: str, version: str, base_api_path: str) -> str:
    """``sprintf( '%s/%s/v%s/%s', JETPACK__WPCOM_JSON_API_BASE, base, version, path )``."""
    return jp.wpcom.endpoints.rest(path.lstrip("/"), version.lstrip("v"), base_api_path)


def request_as_blog(
    jp: Jetpack,
    path: str,
    version: str = "1.1",
    *,
    method: str = "GET",
    body: str | Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    base_api_path: str = "rest",
    timeout: float = SIGNED_TIMEOUT,
) -> HttpResult:
    """Client::wpcom_json_api_request_as_blog() (GET by default, signed with the blog token)."""
    return remote_request(
        jp,
        json_api_url(jp, path, version, base_api_path),
        method=method,
        user_id=0,
        body=body,
        headers=headers,
        timeout=timeout,
    )


def request_as_user(
    jp: Jetpack,
    user_id: int,
    path: str,
    version: str = "2",
    *,
    method: str = "GET",
    body: str | Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    base_api_path: str = "wpcom",
    timeout: float = SIGNED_TIMEOUT,
) -> HttpResult:
    """Client::wpcom_json_api_request_as_user() for ``user_id`` (the current user in PHP).

    A user without a token gets ``missing_token`` (get_access_token(0) would be the blog's,
    so the anonymous case is refused here as PHP's user_id 0 check in remote_request does).
    """
    if not user_id:
        return HttpFailure("missing_token", "")
    if method.upper() == "POST" and isinstance(body, Mapping):
        body = json_encode(dict(body))  # a JSON array body is sent encoded
    return remote_request(
        jp,
        json_api_url(jp, path, version, base_api_path),
        method=method.upper(),
        user_id=user_id,
        body=body,
        headers=headers,
        timeout=timeout,
    )


# ---------------------------------------------------------------------------- XML-RPC ----


@dataclass(frozen=True, slots=True)
class IxrResult:
    """Jetpack_IXR_Client::query(): ``value`` on success, else ``error_code``/``error_message``."""

    value: Any = None
    error_code: int | None = None
    error_message: str = ""

    @property
    def ok(self) -> bool:
        return self.error_code is None


def xmlrpc_query(jp: Jetpack, method: str, *params: Any, user_id: int = 0) -> IxrResult:
    """Jetpack_IXR_Client( array( 'user_id' => … ) )->query( $method, …$params )."""
    body = method_call(method, *params)
    response = remote_request(
        jp,
        jp.wpcom.endpoints.xmlrpc,
        method="POST",
        user_id=user_id,
        body=body,
        headers={"Content-Type": "text/xml"},
    )
    if isinstance(response, HttpFailure):
        # Jetpack_IXR_Client::query: a WP_Error becomes IXR_Error( -10520, 'Jetpack: [c] m' )
        return IxrResult(
            error_code=-10520, error_message=f"Jetpack: [{response.code}] {response.message}"
        )
    if response.status != 200:
        return IxrResult(
            error_code=-32300, error_message="transport error - HTTP status code was not 200"
        )
    try:
        value = parse_method_response(response.body)
    except XmlRpcFault as fault:
        return IxrResult(error_code=fault.code, error_message=fault.message)
    except (ValueError, xmlrpc.client.Error):
        return IxrResult(error_code=-32700, error_message="parse error. not well formed")
    return IxrResult(value=value)
