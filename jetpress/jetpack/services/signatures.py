"""Requests WordPress.com signs for the site: Jetpack's REST authentication (``?_for=jetpack``).

Ports of Rest_Authentication::wp_rest_authenticate (class-rest-authentication.php of 10.7,
wp-rest-core.md §4.6), Manager::internal_verify_xml_rpc_signature and Nonce_Handler::add:
the signature is Jetpack_Signature's over the request as received (Host header and
REQUEST_URI), each (timestamp, nonce) is accepted once.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jetpress import php
from jetpress.jetpack import connection_errors as cerr, jetpack_options
from jetpress.jetpack.services import tokens
from jetpress.protocol import signing
from jetpress.protocol.tokens import TokenFormatError, TokenKey
from jetpress.wp.auth import current_user
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.site import Site
    from jetpress.wp.users import User

NONCE_OPTION = "jetpack_nonce_{}_{}"  # Nonce_Handler: one raw option per (timestamp, nonce)


@dataclass(frozen=True, slots=True)
class Verified:
    """internal_verify_xml_rpc_signature()'s success: token type, key and local user id."""

    type: str
    token_key: str
    user_id: int


def request_url(request: RestRequest) -> str:
    """Jetpack_Signature::sign_current_request's URL: scheme, the Host header, REQUEST_URI.

    (PHP writes ``host:port``; jetpress keeps the Host header's own port, which is what a
    client that signs the URL it sends puts there.)
    """
    scheme = "https" if request.secure else "http"
    host = request.header("host") or "localhost"
    uri = request.request_uri or request.route
    return f"{scheme}://{host}{uri}"


def add_nonce(jp: Jetpack, timestamp: str, nonce: str) -> bool:
    """Nonce_Handler::add(): False when this (timestamp, nonce) was used before."""
    name = NONCE_OPTION.format(php.to_int(timestamp), nonce)
    return jp.site.options.add(name, int(jp.site.clock.now()), "no")


def verify(jp: Jetpack, request: RestRequest) -> Verified | None:
    """Manager::verify_xml_rpc_signature() for a REST request; None for any failure."""
    query = request.query
    if "token" not in query or not php.is_truthy(query.get("signature")):
        return None
    params = signing.SignatureParams(
        php.to_php_string(query.get("token", "")),
        php.to_php_string(query.get("timestamp", "")),
        php.to_php_string(query.get("nonce", "")),
        php.to_php_string(query.get("body-hash", "")),
        php.to_php_string(query.get("signature", "")),
        "query",
    )
    try:
        key = TokenKey.parse(params.token)
    except TokenFormatError:
        return None  # malformed_token / malformed_user_id
    if not key.is_blog and jp.site.users.get(key.user_id) is None:
        return None  # unknown_user
    token = tokens.get_access_token(jp, key.user_id, key.key)
    if token is None:
        return None  # unknown_token and friends
    body = request.body if request.body else None
    try:
        expected = signing.sign_request(
            token.secret,
            token=params.token,
            timestamp=params.timestamp,
            nonce=params.nonce,
            body_hash=params.body_hash,
            method=request.method,
            url=request_url(request),
            body=body,
            now=jp.site.clock.now(),
            time_diff=php.to_int(jetpack_options.get_option(jp, "time_diff")),
        )
    except signing.SignatureError:
        return None
    if not add_nonce(jp, params.timestamp, params.nonce):
        return None  # "Use up the nonce regardless of whether the signature matches."
    if not hmac.compare_digest(expected.encode(), params.signature.encode()):
        return None  # signature_mismatch
    return Verified("blog" if key.is_blog else "user", key.key, token.external_user_id)


def authenticate(
    jp: Jetpack, site: Site, request: RestRequest
) -> tuple[User | None, bool | WPError] | None:
    """Rest_Authentication::wp_rest_authenticate + wp_rest_authentication_errors (prio 10).

    None when the request is not for this method (no ``_for=jetpack``, no token/signature).
    A blog-token request keeps whoever the cookies name; a user-token request is that user.
    """
    query = request.query
    if php.to_php_string(query.get("_for", "")) != "jetpack" or "_for" not in query:
        return None
    if "token" not in query and "signature" not in query:
        return None
    if request.method not in ("GET", "POST"):
        return None, cerr.invalid_request("This request method is not supported.")
    if request.method != "POST" and request.body:
        return None, cerr.invalid_request("This request method does not support body parameters.")
    verified = verify(jp, request)
    if verified is not None and verified.type == "blog":
        request.signature_auth = "blog"
        # determine_current_user goes on to the logged-in cookie (prio 20)
        return current_user.determine_from_cookies(site, request).user, True
    if verified is not None and verified.user_id:
        request.signature_auth = "user"
        return site.users.get(verified.user_id), True
    return None, cerr.invalid_signature()


def is_signed_with_blog_token(request: RestRequest) -> bool:
    """Rest_Authentication::is_signed_with_blog_token()."""
    return request.signature_auth == "blog"
