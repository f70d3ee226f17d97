"""Logging in and out: wp_authenticate, wp_set_auth_cookie, wp_clear_auth_cookie.

Port of the parts of pluggable.php (PL:965-1084) and user.php (US:33-112) that the login page
needs. Cookies are returned as data; the HTTP edge writes them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from jetpress import php
from jetpress.wp.auth import cookies, keys, passwords, sessions
from jetpress.wp.errors import WPError
from jetpress.wp.formatting import esc_html, is_email

if TYPE_CHECKING:
    from jetpress.wp.site import Site
    from jetpress.wp.users import User

DAY = 86400
_ORIGIN = re.compile(r"https?://[^/]+", re.I)


@dataclass(frozen=True, slots=True)
class Cookie:
    """One Set-Cookie: ``expires`` 0 is a session cookie; a past one deletes."""

    name: str
    value: str
    expires: int
    path: str
    secure: bool = False
    httponly: bool = True


def cookie_paths(site: Site) -> dict[str, str]:
    """COOKIEPATH, SITECOOKIEPATH, ADMIN_COOKIE_PATH, PLUGINS_COOKIE_PATH.

    From wp-includes/default-constants.php.
    """
    home = _ORIGIN.sub("", php.to_php_string(site.options.get("home")) + "/")
    siteurl = _ORIGIN.sub("", php.to_php_string(site.options.get("siteurl")) + "/")
    return {
        "COOKIEPATH": home,
        "SITECOOKIEPATH": siteurl,
        "ADMIN_COOKIE_PATH": siteurl + "wp-admin",
        "PLUGINS_COOKIE_PATH": siteurl + "wp-content/plugins",
    }


def authenticate(site: Site, username: str, password: str) -> User:
    """wp_authenticate: the user, or a WPError with the login page's messages."""
    username = username.strip()
    if not username or not password:
        # wp_authenticate_username_password (US:141-153): both messages when both are empty
        found = []
        if not username:
            found.append(("empty_username", "<strong>Error</strong>: The username field is empty."))
        if not password:
            found.append(("empty_password", "<strong>Error</strong>: The password field is empty."))
        error = WPError(*found[0])
        for code, message in found[1:]:
            error.add(code, message)
        raise error
    user = site.users.by_login(username)
    if user is None and is_email(username):
        user = site.users.by_email(username)
        if user is None:
            raise WPError(
                "invalid_email",
                "<strong>Error</strong>: Unknown email address. Check again or try your username.",
            )
    if user is None:
        raise WPError(
            "invalid_username",
            f"<strong>Error</strong>: The username <strong>{esc_html(username)}</strong> "
            "is not registered on this site. If you are unsure of your username, try your "
            "email address instead.",
        )
    if not passwords.check_password(password, user.pass_hash):
        raise WPError(
            "incorrect_password",
            f"<strong>Error</strong>: The password you entered for the username "
            f"<strong>{esc_html(username)}</strong> is incorrect. "
            '<a href="/wp-login.php?action=lostpassword">Lost your password?</a>',
        )
    if passwords.password_needs_rehash(user.pass_hash):
        # wp_check_password rehashes legacy md5 hashes (PL:2540-2560)
        site.users.repo.update_pass(user.id, passwords.hash_password(password, site.random))
        refreshed = site.users.get(user.id)
        assert refreshed is not None
        user = refreshed
    return user


def set_auth_cookie(
    site: Site, user: User, *, remember: bool, secure: bool, ip: str = "", ua: str = ""
) -> tuple[list[Cookie], str]:
    """wp_set_auth_cookie (PL:965-1084): the cookies to set and the session token."""
    now = int(site.clock.now())
    if remember:
        expiration = now + 14 * DAY
        expire = expiration + 12 * 3600  # the browser keeps it 12 h longer
    else:
        expiration = now + 2 * DAY
        expire = 0
    token = sessions.create(site, user.id, expiration, ip, ua)
    digest = cookies.cookie_hash(php.to_php_string(site.options.get("siteurl")))
    scheme: cookies.AuthScheme = "secure_auth" if secure else "auth"
    auth_value = cookies.generate_auth_cookie(
        user.login, user.pass_hash, expiration, token, keys.salt(site, scheme)
    )
    logged_in_value = cookies.generate_auth_cookie(
        user.login, user.pass_hash, expiration, token, keys.salt(site, "logged_in")
    )
    paths = cookie_paths(site)
    home_https = php.to_php_string(site.options.get("home")).startswith("https")
    auth_name = cookies.cookie_name(scheme, digest)
    logged_in_name = cookies.logged_in_cookie_name(digest)
    out = [
        Cookie(auth_name, auth_value, expire, paths["PLUGINS_COOKIE_PATH"], secure),
        Cookie(auth_name, auth_value, expire, paths["ADMIN_COOKIE_PATH"], secure),
        # The logged-in cookie is secure only on SSL with an https home (PL:1023-1031).
        Cookie(logged_in_name, logged_in_value, expire, paths["COOKIEPATH"], secure and home_https),
    ]
    if paths["COOKIEPATH"] != paths["SITECOOKIEPATH"]:
        out.append(
            Cookie(
                logged_in_name,
                logged_in_value,
                expire,
                paths["SITECOOKIEPATH"],
                secure and home_https,
            )
        )
    return out, token


def clear_auth_cookie(site: Site) -> list[Cookie]:
    """wp_clear_auth_cookie: expire every auth cookie (a year ago)."""
    digest = cookies.cookie_hash(php.to_php_string(site.options.get("siteurl")))
    past = int(site.clock.now()) - 365 * DAY
    paths = cookie_paths(site)
    out: list[Cookie] = []
    for name, path in (
        (cookies.auth_cookie_name(digest), paths["ADMIN_COOKIE_PATH"]),
        (cookies.secure_auth_cookie_name(digest), paths["ADMIN_COOKIE_PATH"]),
        (cookies.auth_cookie_name(digest), paths["PLUGINS_COOKIE_PATH"]),
        (cookies.secure_auth_cookie_name(digest), paths["PLUGINS_COOKIE_PATH"]),
        (cookies.logged_in_cookie_name(digest), paths["COOKIEPATH"]),
        (cookies.logged_in_cookie_name(digest), paths["SITECOOKIEPATH"]),
    ):
        out.append(Cookie(name, " ", past, path))
    return out
