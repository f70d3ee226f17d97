"""Auth cookies against vectors made by real PHP (8.2) running WordPress's own cookie code.

How ``vectors/cookies.json`` was made (the generator is not committed because it holds copied
WordPress code): ``wp_generate_auth_cookie`` (6.8 text, and the 6.1 variant whose pass
fragment is always ``substr( user_pass, 8, 4 )``), ``wp_parse_auth_cookie``,
``wp_validate_auth_cookie`` (6.8, returning the failing stage instead of firing its action),
``wp_hash``/``wp_salt`` from ``src/wp-includes/pluggable.php`` and
``WP_Session_Tokens::hash_token`` were pasted into a namespace of a throwaway php-cli script
with ``time()``, ``get_userdata``/``get_user_by``, ``WP_Session_Tokens::verify`` and
``wp_doing_ajax`` stubbed. The eight ``*_KEY``/``*_SALT`` constants were defined, so
``salts`` holds ``wp_salt(scheme)``. ``php_intval`` records php's ``(int)`` casts, and
``rawurlencode`` what ``setcookie()`` sends (checked separately against ``php -S``: ``$_COOKIE``
is ``rawurldecode``d, so '+' stays '+').
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jetpress.wp.auth.cookies import (
    TEST_COOKIE,
    AuthCookie,
    auth_cookie_name,
    check_auth_cookie_hmac,
    cookie_hash,
    cookie_name,
    decode_cookie_value,
    encode_cookie_value,
    generate_auth_cookie,
    hash_session_token,
    is_cookie_expired,
    logged_in_cookie_name,
    parse_auth_cookie,
    pass_frag,
    php_intval,
    secure_auth_cookie_name,
)

VECTORS = json.loads((Path(__file__).parent / "vectors" / "cookies.json").read_text("utf-8"))
SALTS: dict[str, str] = VECTORS["salts"]
USERS = {u["user_login"]: u for u in VECTORS["users"]}


@pytest.mark.parametrize("vec", VECTORS["cookie_hash"], ids=lambda v: v["siteurl"] or "empty")
def test_cookie_hash_matches_php(vec: dict[str, Any]) -> None:
    assert cookie_hash(vec["siteurl"]) == vec["cookiehash"]


def test_cookie_names() -> None:
    digest = cookie_hash("http://localhost:8080")
    assert logged_in_cookie_name(digest) == f"wordpress_logged_in_{digest}"
    assert auth_cookie_name(digest) == f"wordpress_{digest}"
    assert secure_auth_cookie_name(digest) == f"wordpress_sec_{digest}"
    assert cookie_name("auth", digest) == auth_cookie_name(digest)
    assert cookie_name("secure_auth", digest) == secure_auth_cookie_name(digest)
    assert cookie_name("logged_in", digest) == logged_in_cookie_name(digest)
    assert TEST_COOKIE == "wordpress_test_cookie"


@pytest.mark.parametrize(
    "vec",
    VECTORS["generate"],
    ids=[f"{v['user_login'][:8]}-{v['scheme']}-{v['expiration']}" for v in VECTORS["generate"]],
)
def test_generate_auth_cookie_matches_php(vec: dict[str, Any]) -> None:
    args = (
        vec["user_login"],
        vec["pass_hash"],
        vec["expiration"],
        vec["token"],
        vec["scheme_salt"],
    )
    assert generate_auth_cookie(*args) == vec["wp61"]
    assert generate_auth_cookie(*args, frag_rule="6.8") == vec["wp68"]
    assert vec["scheme_salt"] == SALTS[vec["scheme"]]


def test_frag_rules_differ_only_for_non_phpass_hashes() -> None:
    for vec in VECTORS["generate"]:
        same = vec["pass_hash"].startswith(("$P$", "$2y$"))
        assert (vec["wp61"] == vec["wp68"]) is same, vec["pass_hash"]


def test_pass_frag() -> None:
    assert pass_frag("$P$BNVpGrUEToD5HicK4ihaHcnYeStPy70") == "rUET"
    assert pass_frag("5f4dcc3b5aa765d61d8327deb882cf99") == "5aa7"
    assert pass_frag("5f4dcc3b5aa765d61d8327deb882cf99", "6.8") == "cf99"
    assert pass_frag("short") == ""
    assert pass_frag("short", "6.8") == "hort"


def _validate(cookie_value: str, method: str, now: float, *, encoded: bool) -> int | str:
    """The wp_validate_auth_cookie pipeline built from the pure pieces (6.8 frag rule)."""
    cookie = parse_auth_cookie(cookie_value, "logged_in", url_encoded=encoded)
    if cookie is None:
        return "malformed"
    if is_cookie_expired(cookie, now, grace=method == "POST"):
        return "expired"
    user = USERS.get(cookie.login)
    if user is None:
        return "bad_username"
    if not check_auth_cookie_hmac(cookie, user["user_pass"], SALTS["logged_in"], frag_rule="6.8"):
        return "bad_hash"
    if cookie.token not in VECTORS["valid_session_tokens"]:
        return "bad_session_token"
    return int(user["ID"])


@pytest.mark.parametrize("vec", VECTORS["validate"], ids=lambda v: f"{v['name']}-{v['method']}")
def test_validate_pipeline_matches_php(vec: dict[str, Any]) -> None:
    assert _validate(vec["cookie"], vec["method"], vec["now"], encoded=False) == vec["expected"]
    assert _validate(vec["encoded"], vec["method"], vec["now"], encoded=True) == vec["expected"]


@pytest.mark.parametrize("vec", VECTORS["validate"], ids=lambda v: f"{v['name']}-{v['method']}")
def test_parse_auth_cookie_matches_php(vec: dict[str, Any]) -> None:
    parsed = parse_auth_cookie(vec["encoded"], vec["scheme"])
    if vec["parsed"] is False:
        assert parsed is None
    else:
        want = vec["parsed"]
        assert parsed == AuthCookie(
            want["username"], want["expiration"], want["token"], want["hmac"], want["scheme"]
        )


def test_validate_vectors_cover_every_stage() -> None:
    outcomes = {str(v["expected"]) for v in VECTORS["validate"]}
    assert outcomes >= {"1", "3", "malformed", "expired", "bad_username", "bad_hash"}
    assert "bad_session_token" in outcomes


def test_grace_period_edges() -> None:
    cookie = AuthCookie("admin", "1000", "t", "h")
    assert not is_cookie_expired(cookie, 1000, grace=False)
    assert is_cookie_expired(cookie, 1001, grace=False)
    assert not is_cookie_expired(cookie, 4600.9, grace=True)
    assert is_cookie_expired(cookie, 4601, grace=True)


def test_parse_keeps_plus_and_decodes_percent() -> None:
    parsed = parse_auth_cookie("a+b%7C1%7Ct%7Ch")
    assert parsed == AuthCookie("a+b", "1", "t", "h")
    assert parse_auth_cookie("a|b|c") is None
    assert parse_auth_cookie("a%7Cb", url_encoded=False) is None
    assert parse_auth_cookie("") is None
    assert parse_auth_cookie("0") is None


def test_check_hmac_tolerates_non_ascii_hmac() -> None:
    cookie = AuthCookie("admin", "1", "t", "é" * 64)
    assert not check_auth_cookie_hmac(cookie, USERS["admin"]["user_pass"], SALTS["auth"])


@pytest.mark.parametrize("vec", VECTORS["php_intval"], ids=lambda v: repr(v["text"]))
def test_php_intval_matches_php(vec: dict[str, Any]) -> None:
    assert php_intval(vec["text"]) == vec["int"]


@pytest.mark.parametrize("vec", VECTORS["hash_token"], ids=lambda v: v["token"][:8] or "empty")
def test_hash_session_token_matches_php(vec: dict[str, Any]) -> None:
    assert hash_session_token(vec["token"]) == vec["hash"]


@pytest.mark.parametrize("vec", VECTORS["rawurlencode"], ids=lambda v: v["value"][:8])
def test_cookie_value_encoding_matches_php(vec: dict[str, Any]) -> None:
    assert encode_cookie_value(vec["value"]) == vec["rawurlencode"]
    assert decode_cookie_value(vec["rawurlencode"]) == vec["value"]
