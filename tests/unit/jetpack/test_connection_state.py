"""Secrets, tokens, URLs and the register answer's validation, without HTTP."""

from __future__ import annotations

import pytest

from jetpress.clock import FrozenClock
from jetpress.jetpack import jetpack_options
from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import connection, registration, secrets, tokens
from jetpress.jetpack.services.registration import Actor
from jetpress.jetpack.services.urls import add_query_arg
from jetpress.jetpack.wpcom_client import HttpFailure, HttpResponse
from jetpress.protocol.tokens import sign_role
from jetpress.wp.errors import WPError
from tests.unit.jetpack.conftest import user


def connect_locally(jp: Jetpack, owner: int = 1) -> None:
    jetpack_options.update_option(jp, "id", 1234)
    tokens.update_blog_token(jp, "blogkey.blogsecret")
    tokens.update_user_token(jp, owner, f"userkey.usersecret.{owner}", True)


def test_secrets_are_reused_until_they_expire(online_jp: Jetpack):
    first = secrets.generate(online_jp, "authorize", 1, 600)
    assert first is not None and len(first["secret_1"]) == 32
    assert secrets.generate(online_jp, "authorize", 1, 600) == first
    clock = online_jp.site.clock
    assert isinstance(clock, FrozenClock)
    clock.advance(601)
    assert secrets.generate(online_jp, "authorize", 1, 600) != first


def test_verify_consumes_the_secret_and_answers_secret_2(online_jp: Jetpack):
    pair = secrets.generate(online_jp, "register", 1)
    assert pair is not None
    assert secrets.verify(online_jp, "register", pair["secret_1"], "1") == pair["secret_2"]
    with pytest.raises(WPError) as missing:
        secrets.verify(online_jp, "register", pair["secret_1"], "1")
    assert (missing.value.code, missing.value.data) == ("verify_secrets_missing", 400)


@pytest.mark.parametrize(
    ("secret_1", "state", "code"),
    [
        pytest.param("", "1", "verify_secret_1_missing", id="no-secret"),
        pytest.param(["x"], "1", "verify_secret_1_malformed", id="array-secret"),
        pytest.param("x", "", "state_missing", id="no-state"),
        pytest.param("x", "1a", "state_malformed", id="bad-state"),
        pytest.param("wrong", "1", "verify_secrets_mismatch", id="mismatch"),
    ],
)
def test_verify_errors_carry_the_integer_400(online_jp: Jetpack, secret_1, state, code):
    secrets.generate(online_jp, "register", 1)
    with pytest.raises(WPError) as err:
        secrets.verify(online_jp, "register", secret_1, state)
    assert (err.value.code, err.value.data, err.value.status) == (code, 400, 500)


def test_expired_secrets_are_refused(online_jp: Jetpack):
    pair = secrets.generate(online_jp, "register", 1, 10)
    assert pair is not None
    clock = online_jp.site.clock
    assert isinstance(clock, FrozenClock)
    clock.advance(11)
    with pytest.raises(WPError) as err:
        secrets.verify(online_jp, "register", pair["secret_1"], 1)
    assert err.value.code == "verify_secrets_expired"


def test_tokens_are_stored_where_jetpack_keeps_them(online_jp: Jetpack):
    connect_locally(online_jp)
    private = online_jp.site.options.get("jetpack_private_options")
    compact = online_jp.site.options.get("jetpack_options")
    assert private["blog_token"] == "blogkey.blogsecret"
    assert private["user_tokens"] == {1: "userkey.usersecret.1"}
    assert (compact["id"], compact["master_user"]) == (1234, 1)
    assert connection.is_connection_ready(online_jp)
    owner = tokens.get_access_token(online_jp, True)
    assert owner == tokens.AccessToken("userkey.usersecret", 1)


@pytest.mark.parametrize(
    ("stored", "code"),
    [
        pytest.param({}, "no_user_tokens", id="none"),
        pytest.param({2: "k.s.2"}, "no_token_for_user", id="other-user"),
        pytest.param({1: "k..1"}, "token_malformed", id="malformed"),
        pytest.param({1: "k.s.7"}, "user_id_mismatch", id="mismatch"),
    ],
)
def test_get_access_token_errors(online_jp: Jetpack, stored, code):
    jetpack_options.update_option(online_jp, "user_tokens", stored)
    assert tokens.get_access_token(online_jp, 1) is None
    with pytest.raises(WPError) as err:
        tokens.get_access_token(online_jp, 1, suppress_errors=False)
    assert err.value.code == code


def test_token_key_selects_the_matching_token(online_jp: Jetpack):
    connect_locally(online_jp)
    assert tokens.get_access_token(online_jp, 0, "blogkey") is not None
    assert tokens.get_access_token(online_jp, 0, "blogke") is None  # the full key only


def test_sign_role_needs_a_blog_token(online_jp: Jetpack):
    assert tokens.sign_role(online_jp, "administrator", 1) is None
    connect_locally(online_jp)
    assert tokens.sign_role(online_jp, "administrator", 1) == sign_role(
        "administrator", 1, "blogkey.blogsecret"
    )


def test_the_owner_cannot_be_unlinked_but_others_can(online_jp: Jetpack):
    connect_locally(online_jp)
    tokens.update_user_token(online_jp, 2, "k2.s2.2", False)
    assert connection.disconnect_user(online_jp, 1) is False
    assert connection.disconnect_user(online_jp, 2) is True  # XML-RPC fails quietly offline
    assert tokens.user_tokens(online_jp) == {1: "userkey.usersecret.1"}


def test_disconnect_keeps_the_blog_id_and_drops_every_token(online_jp: Jetpack):
    connect_locally(online_jp)
    connection.disconnect_site(online_jp, 1)
    assert jetpack_options.get_option(online_jp, "id") == 1234
    assert not online_jp.site.options.get("jetpack_private_options")  # an empty PHP array
    assert jetpack_options.get_option(online_jp, "master_user") is False
    assert not connection.is_connected(online_jp)


def test_add_query_arg_drops_false_and_keeps_bare_keys():
    url = add_query_arg({"a": "", "b": False, "c": "x%20y"}, "http://h/p?z=1+2")
    assert url == "http://h/p?z=1+2&a&c=x%20y"


def test_authorize_url_has_jetpacks_parameters_in_order(online_jp: Jetpack):
    connect_locally(online_jp)
    admin = user(online_jp, "admin")
    url = registration.authorization_url(online_jp, Actor(admin), iframe=True)
    base, _, query = url.partition("?")
    assert base == "https://jetpack.wordpress.com/jetpack.authorize_iframe/1/"
    names = [part.split("=")[0] for part in query.split("&")]
    assert names == [
        "response_type",
        "client_id",
        "redirect_uri",
        "state",
        "scope",
        "user_email",
        "user_login",
        "is_active",
        "jp_version",
        "auth_type",
        "secret",
        "blogname",
        "site_url",
        "home_url",
        "site_icon",
        "site_lang",
        "site_created",
        "allow_site_connection",
        "_as",
    ]
    scope = sign_role("administrator", 1, "blogkey.blogsecret").replace(":", "%3A")
    assert f"&scope={scope}&" in url
    assert "&is_active=1&" in url and url.endswith("&allow_site_connection&_as=list")


def _ok(body: bytes, status: int = 200) -> HttpResponse:
    return HttpResponse(status, {}, body)


@pytest.mark.parametrize(
    ("response", "code", "message", "status"),
    [
        pytest.param(
            HttpFailure("http_request_failed", "cURL error 7: refused"),
            "register_http_request_failed",
            "cURL error 7: refused",
            500,
            id="transport",
        ),
        pytest.param(_ok(b"<html>down</html>", 503), "wpcom_5??", 503, 500, id="html-503"),
        pytest.param(_ok(b"", 408), "wpcom_408", 408, 500, id="408"),
        pytest.param(
            _ok(b'{"error":"invalid_request","error_description":"no"}', 400),
            "invalid_request",
            "no",
            500,
            id="oauth-error",
        ),
        pytest.param(_ok(b"{}", 302), "wpcom_bad_response", 302, 500, id="not-200"),
        pytest.param(
            _ok(b"Notice: x\n{}"),
            "jetpack_id",
            "Error Details: Jetpack ID is empty. Do not publicly post this error message! "
            "Notice: x\n{}",
            500,
            id="php-notice",
        ),
        pytest.param(
            _ok(b'{"jetpack_id":"12a"}'),
            "jetpack_id",
            "Error Details: Jetpack ID begins with a numeral. Do not publicly post this error "
            'message! {"jetpack_id":"12a"}',
            500,
            id="not-digits",
        ),
    ],
)
def test_register_answers_map_to_jetpacks_errors(response, code, message, status):
    with pytest.raises(WPError) as err:
        registration.validate_register_response(response)
    assert (err.value.code, err.value.message, err.value.status) == (code, message, status)
