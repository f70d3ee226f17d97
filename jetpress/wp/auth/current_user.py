"""Who is asking: determine_current_user and the REST authentication checks.

WordPress order (wp-rest-core.md §4.1): the auth cookie (prio 10), the logged-in cookie
(prio 20), application passwords over HTTP Basic; then ``rest_authentication_errors``:
extra authenticators (Jetpack's signature check, prio 10), application-password errors
(prio 90), the cookie + nonce check (prio 100, RA:1036-1079).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from jetpress import php
from jetpress.wp.auth import app_passwords, cookies, keys, nonces, sessions
from jetpress.wp.errors import WPError
from jetpress.wp.rest import errors as rest_errors
from jetpress.wp.rest.server import AuthOutcome

if TYPE_CHECKING:
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.site import Site
    from jetpress.wp.users import User

CookieStatus = Literal["valid", "malformed", "expired", "bad_username", "bad_hash", "none"]
# An extra authenticator returns None (not mine), True (authenticated: the outcome's user is
# set by it) or a WPError; Jetpack's REST signature check is one (wp-rest-core.md §4.6).
Authenticator = Callable[["Site", "RestRequest"], "tuple[User | None, bool | WPError] | None"]


@dataclass(frozen=True, slots=True)
class CookieCheck:
    user: User | None
    status: CookieStatus


def cookie_hash(site: Site) -> str:
    return cookies.cookie_hash(php.to_php_string(site.options.get("siteurl")))


def validate_auth_cookie(
    site: Site, value: str | None, scheme: cookies.AuthScheme, method: str, ajax: bool = False
) -> CookieCheck:
    """wp_validate_auth_cookie (PL:687-834) with the status it reports to the REST check."""
    cookie = cookies.parse_auth_cookie(value or "", scheme)
    if cookie is None:
        return CookieCheck(None, "malformed")
    if cookies.is_cookie_expired(cookie, site.clock.now(), grace=ajax or method == "POST"):
        return CookieCheck(None, "expired")
    user = site.users.by_login(cookie.login)
    if user is None:
        return CookieCheck(None, "bad_username")
    if not cookies.check_auth_cookie_hmac(cookie, user.pass_hash, keys.salt(site, scheme)):
        return CookieCheck(None, "bad_hash")
    if not sessions.verify(site, user.id, cookie.token):
        # auth_cookie_bad_session_token is not collected: the status stays (RA:1091-1102)
        return CookieCheck(None, "none")
    return CookieCheck(user, "valid")


def determine_from_cookies(
    site: Site, request: RestRequest, *, ajax: bool = False, method: str | None = None
) -> CookieCheck:
    """determine_current_user's cookie filters: the auth cookie, then the logged-in cookie."""
    digest = cookie_hash(site)
    scheme: cookies.AuthScheme = "secure_auth" if request.secure else "auth"
    method = method or request.method
    first = validate_auth_cookie(
        site, request.cookies.get(cookies.cookie_name(scheme, digest)), scheme, method, ajax
    )
    if first.user is not None:
        return first
    logged_in = request.cookies.get(cookies.logged_in_cookie_name(digest))
    if not logged_in:
        return first  # wp_validate_logged_in_cookie: empty cookie, nothing checked
    second = validate_auth_cookie(site, logged_in, "logged_in", method, ajax)
    if second.status == "none":
        return CookieCheck(None, first.status)
    return second


def session_token(site: Site, request: RestRequest) -> str:
    """wp_get_session_token: the token of the raw logged-in cookie, even if invalid (US:3449)."""
    raw = request.cookies.get(cookies.logged_in_cookie_name(cookie_hash(site)))
    parsed = cookies.parse_auth_cookie(raw or "", "logged_in")
    return parsed.token if parsed is not None else ""


def basic_credentials(request: RestRequest) -> tuple[str, str] | None:
    """PHP_AUTH_USER / PHP_AUTH_PW from an ``Authorization: Basic`` header."""
    header = request.header("authorization")
    if not header or header[:6].lower() != "basic ":
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    user, sep, password = decoded.partition(":")
    return (user, password) if sep else None


def create_rest_nonce(site: Site, user: User | None, token: str) -> str:
    return nonces.create_nonce(
        "wp_rest", user.id if user else 0, token, site.clock.now(), keys.salt(site, "nonce")
    )


def authenticate(
    site: Site, request: RestRequest, extra: Sequence[Authenticator] = ()
) -> AuthOutcome:
    """determine_current_user + WP_REST_Server::check_authentication for a REST request."""
    check = determine_from_cookies(site, request)
    user = check.user
    app_password_error: WPError | None = None
    if user is None:
        creds = basic_credentials(request)
        if creds is not None:
            found = app_passwords.authenticate(site, request, *creds)
            if isinstance(found, WPError):
                app_password_error = found
            else:
                user = found
    for authenticator in extra:  # rest_authentication_errors prio 10
        result = authenticator(site, request)
        if result is None:
            continue
        extra_user, verdict = result
        if isinstance(verdict, WPError):
            return AuthOutcome(user=user, error=verdict)
        return AuthOutcome(user=extra_user)
    if app_password_error is not None:
        # rest_application_password_check_errors (prio 90): the error with status 401;
        # see docs/fidelity.md#application-password-errors.
        app_password_error.errors[0] = (
            app_password_error.code,
            app_password_error.message,
            {
                **(app_password_error.data if isinstance(app_password_error.data, dict) else {}),
                "status": 401,
            },
        )
        return AuthOutcome(user=None, error=app_password_error)
    return cookie_check(site, request, user, check.status == "valid")


def cookie_check(
    site: Site, request: RestRequest, user: User | None, cookie_valid: bool
) -> AuthOutcome:
    """rest_cookie_check_errors (RA:1036-1079)."""
    if not cookie_valid and user is not None:
        return AuthOutcome(user=user)  # another authentication was used (app password)
    nonce = request.post.get("_wpnonce") if "_wpnonce" in request.post else None
    if nonce is None:
        nonce = request.query.get("_wpnonce")  # $_REQUEST: GET merged under POST
    if nonce is None:
        nonce = request.header("x_wp_nonce")
    if nonce is None:
        # No nonce at all: act as an unauthenticated request (wp_set_current_user( 0 )).
        return AuthOutcome(user=None)
    token = session_token(site, request)
    valid = isinstance(nonce, str) and nonces.verify_nonce(
        nonce, "wp_rest", user.id if user else 0, token, site.clock.now(), keys.salt(site, "nonce")
    )
    if not valid:
        return AuthOutcome(user=user, error=rest_errors.cookie_invalid_nonce(), force_nocache=True)
    return AuthOutcome(user=user, nonce=create_rest_nonce(site, user, token))
