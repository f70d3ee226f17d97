"""WordPress auth cookies: names, value format, HMAC, expiry, and session-token hashing.

Pure functions: the scheme salt (``wp_salt(scheme)``), the user's password hash and the time
are passed in; user lookup and ``WP_Session_Tokens::verify`` are the caller's business.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from dataclasses import dataclass
from typing import Literal
from urllib.parse import quote, unquote

from jetpress.wp.auth.salts import wp_hash

# WP 6.1 default-constants.php wp_cookie_constants: cookie name prefixes.
AUTH_COOKIE_PREFIX = "wordpress_"
SECURE_AUTH_COOKIE_PREFIX = "wordpress_sec_"
LOGGED_IN_COOKIE_PREFIX = "wordpress_logged_in_"
TEST_COOKIE = "wordpress_test_cookie"
# WP 6.1 PL wp_validate_auth_cookie: "Allow a grace period for POST and Ajax requests."
GRACE_PERIOD = 3600

AuthScheme = Literal["auth", "secure_auth", "logged_in"]
# "6.1": substr( user_pass, 8, 4 ) always; "6.8": that for '$P$'/'$2y$' hashes, else the last 4.
FragRule = Literal["6.1", "6.8"]

# php 8.2 (int)"…": leading whitespace, then the longest numeric prefix (may be float-like).
_PHP_NUMERIC_PREFIX = re.compile(
    r"[ \t\n\r\v\f]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
)
_PHP_INT_MAX = 2**63 - 1
_PHP_INT_MIN = -(2**63)


def _b(value: str) -> bytes:
    """PHP strings are bytes: UTF-8, with lone surrogates standing for undecodable bytes."""
    return value.encode("utf-8", "surrogateescape")


def cookie_hash(siteurl: str) -> str:
    """WordPress ``COOKIEHASH``: ``md5(siteurl option)``, or '' when the option is falsy."""
    if siteurl in ("", "0"):  # WP 6.1 default-constants.php: `if ( $siteurl ) … else ''`
        return ""
    return hashlib.md5(_b(siteurl)).hexdigest()


def auth_cookie_name(cookiehash: str) -> str:
    """``AUTH_COOKIE``: ``wordpress_<hash>`` (sent on non-SSL admin requests)."""
    return AUTH_COOKIE_PREFIX + cookiehash


def secure_auth_cookie_name(cookiehash: str) -> str:
    """``SECURE_AUTH_COOKIE``: ``wordpress_sec_<hash>`` (sent on SSL admin requests)."""
    return SECURE_AUTH_COOKIE_PREFIX + cookiehash


def logged_in_cookie_name(cookiehash: str) -> str:
    """``LOGGED_IN_COOKIE``: ``wordpress_logged_in_<hash>``."""
    return LOGGED_IN_COOKIE_PREFIX + cookiehash


def cookie_name(scheme: AuthScheme, cookiehash: str) -> str:
    """The cookie name that carries ``scheme``'s auth cookie."""
    prefixes = {
        "auth": AUTH_COOKIE_PREFIX,
        "secure_auth": SECURE_AUTH_COOKIE_PREFIX,
        "logged_in": LOGGED_IN_COOKIE_PREFIX,
    }
    return prefixes[scheme] + cookiehash


@dataclass(frozen=True, slots=True)
class AuthCookie:
    """The four parts of an auth cookie, untrusted and as sent (``wp_parse_auth_cookie``)."""

    login: str
    expiration: str  # kept as text: WordPress hashes the string it was given
    token: str
    hmac: str
    scheme: str = ""

    @property
    def expiration_int(self) -> int:
        """``(int) $expiration`` as php 8.2 computes it (e.g. '12abc' → 12, 'x' → 0)."""
        return php_intval(self.expiration)


def php_intval(text: str) -> int:
    """php 8.2 ``(int)`` cast of a string: numeric prefix, floats truncated, saturating."""
    match = _PHP_NUMERIC_PREFIX.match(text)
    if match is None:
        return 0
    number = match.group(1)
    if re.fullmatch(r"[+-]?[0-9]+", number):
        value = int(number)
    else:
        as_float = float(number)
        if as_float != as_float or as_float in (float("inf"), float("-inf")):
            return 0  # php 8.2 zend_dval_to_lval_cap: non-finite → 0
        value = int(as_float)
    return max(_PHP_INT_MIN, min(_PHP_INT_MAX, value))


def encode_cookie_value(value: str) -> str:
    """php 8.2 ``setcookie`` value encoding (``rawurlencode``: '|' → '%7C', ' ' → '%20')."""
    return quote(value, safe="-_.~", encoding="utf-8", errors="surrogateescape")


def decode_cookie_value(value: str) -> str:
    """php 8.2 ``$_COOKIE`` value decoding (``rawurldecode``: '+' stays '+')."""
    return unquote(value, encoding="utf-8", errors="surrogateescape")


def pass_frag(pass_hash: str, rule: FragRule = "6.1") -> str:
    """The 4 characters of the user's password hash that bind a cookie to the password."""
    raw = _b(pass_hash)
    if rule == "6.1" or raw.startswith((b"$P$", b"$2y$")):
        # WP 6.1 PL wp_generate_auth_cookie: `substr( $user->user_pass, 8, 4 )`
        return raw[8:12].decode("utf-8", "surrogateescape")
    # WP 6.8 PL wp_generate_auth_cookie: `substr( $user->user_pass, -4 )` for other hashes
    return raw[-4:].decode("utf-8", "surrogateescape")


def _cookie_hmac(
    login: str, expiration: str, token: str, pass_hash: str, scheme_salt: str, rule: FragRule
) -> str:
    frag = pass_frag(pass_hash, rule)
    # WP 6.1 PL: `$key = wp_hash( $username . '|' . $pass_frag . '|' . $expiration . '|' . $token,
    # $scheme );` then `hash_hmac( 'sha256', $username . '|' . $expiration . '|' . $token, $key )`.
    key = wp_hash(f"{login}|{frag}|{expiration}|{token}", scheme_salt)
    return hmac.new(key.encode(), _b(f"{login}|{expiration}|{token}"), hashlib.sha256).hexdigest()


def generate_auth_cookie(
    user_login: str,
    pass_hash: str,
    expiration: int,
    token: str,
    scheme_salt: str,
    *,
    frag_rule: FragRule = "6.1",
) -> str:
    """WordPress ``wp_generate_auth_cookie``: ``login|expiration|token|hmac`` (not URL-encoded).

    ``pass_hash`` is the user's ``user_pass``; ``scheme_salt`` is ``wp_salt(scheme)``.
    """
    expires = str(expiration)
    mac = _cookie_hmac(user_login, expires, token, pass_hash, scheme_salt, frag_rule)
    return f"{user_login}|{expires}|{token}|{mac}"


def parse_auth_cookie(
    value: str, scheme: str = "", *, url_encoded: bool = True
) -> AuthCookie | None:
    """WordPress ``wp_parse_auth_cookie`` for a given cookie value.

    With ``url_encoded`` (the default) the value is first decoded as php fills ``$_COOKIE``
    (``%7C`` → ``|``). Returns None for an empty value or unless there are exactly 4 parts.
    """
    text = decode_cookie_value(value) if url_encoded else value
    if text in ("", "0"):  # WP 6.1 PL wp_parse_auth_cookie: `empty( $cookie )` → no cookie
        return None
    parts = text.split("|")
    if len(parts) != 4:  # WP 6.1 PL wp_parse_auth_cookie: `count( $cookie_elements ) !== 4`
        return None
    login, expiration, token, mac = parts
    return AuthCookie(login, expiration, token, mac, scheme)


def check_auth_cookie_hmac(
    cookie: AuthCookie, pass_hash: str, scheme_salt: str, *, frag_rule: FragRule = "6.1"
) -> bool:
    """The HMAC step of ``wp_validate_auth_cookie`` (constant-time ``hash_equals``)."""
    expected = _cookie_hmac(
        cookie.login, cookie.expiration, cookie.token, pass_hash, scheme_salt, frag_rule
    )
    return hmac.compare_digest(expected.encode(), _b(cookie.hmac))


def is_cookie_expired(cookie: AuthCookie, now: float, grace: bool) -> bool:
    """The expiry step of ``wp_validate_auth_cookie``; ``grace`` for POST and ajax (+1 hour)."""
    expired = cookie.expiration_int
    if grace:  # WP 6.1 PL: `if ( wp_doing_ajax() || 'POST' === $_SERVER['REQUEST_METHOD'] )`
        expired += GRACE_PERIOD
    # WP 6.1 PL wp_validate_auth_cookie: `if ( $expired < time() )`.
    return expired < math.floor(now)


def hash_session_token(token: str) -> str:
    """``WP_Session_Tokens::hash_token``: sha256 hex, the key of the ``session_tokens`` meta."""
    # WP 6.1 class-wp-session-tokens.php hash_token: `return hash( 'sha256', $token );`
    return hashlib.sha256(_b(token)).hexdigest()
