"""jetpress.protocol.tokens: token, secrets and header formats with Jetpack's error codes."""

from __future__ import annotations

import random

import pytest

from jetpress.protocol import tokens
from jetpress.protocol.tokens import BlogToken, Secrets, TokenFormatError, TokenKey, UserToken


def test_blog_token_round_trip_and_rejects_three_parts() -> None:
    token = BlogToken.parse("abc.def")
    assert (token.key, token.secret, str(token)) == ("abc", "def", "abc.def")
    for bad in ("abc", "abc.def.5", ".def", "abc."):
        with pytest.raises(TokenFormatError):
            BlogToken.parse(bad)


def test_user_token_checks_like_get_access_token() -> None:
    token = UserToken.parse("k.s.7", expected_user_id=7)
    assert (token.access_token, token.user_id, str(token)) == ("k.s", 7, "k.s.7")
    with pytest.raises(TokenFormatError) as err:
        UserToken.parse("k.s.07", expected_user_id=7)
    assert err.value.code == "user_id_mismatch"
    for bad in ("k.s", "k.0.7", "k.s.0", "k..7"):
        with pytest.raises(TokenFormatError) as err:
            UserToken.parse(bad)
        assert err.value.code == "token_malformed"
    assert str(UserToken.from_access_token("k.s", 3)) == "k.s.3"


def test_token_key_parse_codes() -> None:
    assert TokenKey.parse("k:1:0").is_blog
    assert TokenKey.parse("k:1:12").user_id == 12
    assert tokens.token_key("k", 5) == "k:1:5"
    for bad, code in (
        ("k:2:0", "malformed_token"),
        (":1:0", "malformed_token"),
        ("k", "malformed_token"),
        ("k:1:", "malformed_user_id"),
        ("k:1:x", "malformed_user_id"),
    ):
        with pytest.raises(TokenFormatError) as err:
            TokenKey.parse(bad)
        assert err.value.code == code


def test_secrets_generate_is_deterministic_and_expires() -> None:
    a = Secrets.generate(random.Random(4), 1000.0, 600)
    b = Secrets.generate(random.Random(4), 1000.0, 600)
    assert a == b
    assert (a.exp, len(a.secret_1), a.secret_1.isalnum()) == (1600, 32, True)
    assert not a.expired(1600.0)
    assert a.expired(1601.0)
    assert Secrets.from_dict(a.to_dict()) == a
    with pytest.raises(TokenFormatError):
        Secrets.from_dict({"secret_1": "x"})
    assert tokens.secrets_key("register", 1) == "jetpack_register_1"


def test_verify_scope() -> None:
    scope = tokens.sign_role("administrator", 1, "b.t")
    assert tokens.verify_scope(scope, 1, "b.t") == "administrator"
    assert tokens.verify_scope(scope, 2, "b.t") is None
    assert tokens.verify_scope("administrator", 1, "b.t") is None


def test_authorization_header_format_and_parse() -> None:
    header = tokens.format_authorization({"token": "k:1:0", "timestamp": "1", "body-hash": ""})
    assert header == 'X_JETPACK token="k:1:0" timestamp="1" body-hash=""'
    assert tokens.parse_authorization(header) == {
        "token": "k:1:0",
        "timestamp": "1",
        "body-hash": "",
    }
    assert tokens.parse_authorization('Basic abc="d"') is None


def test_make_token_shape() -> None:
    token = tokens.make_token(random.Random(1))
    assert (len(token.key), len(token.secret), "." in token.key) == (12, 32, False)
