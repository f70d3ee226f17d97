"""jetpress.protocol.signing against vectors made by PHP 8.2 (vectors/gen_signing_vectors.php)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jetpress.protocol import signing
from jetpress.protocol.signing import SignatureError
from jetpress.protocol.tokens import parse_authorization, parse_signed_token, sign_role

VECTORS: dict[str, Any] = json.loads(
    (Path(__file__).parent / "vectors" / "signing_vectors.json").read_text("utf-8")
)
NOW = VECTORS["now"]


def _sign(case: dict[str, Any]) -> str:
    return signing.sign_request(
        case["access_token"],
        token=case["token"],
        timestamp=case["timestamp"],
        nonce=case["nonce"],
        body_hash=case["body_hash"],
        method=case["method"],
        url=case["url"],
        body=case["body"],
        now=NOW,
        time_diff=case["time_diff"],
    )


@pytest.mark.parametrize("case", VECTORS["sign"], ids=lambda c: c["name"])
def test_sign_request_matches_php(case: dict[str, Any]) -> None:
    result = case["result"]
    if "error" in result:
        with pytest.raises(SignatureError) as err:
            _sign(case)
        assert (err.value.code, err.value.message) == (result["error"], result["message"])
    else:
        assert _sign(case) == result["signature"]


@pytest.mark.parametrize(
    "case", [c for c in VECTORS["sign"] if "normalized" in c["result"]], ids=lambda c: c["name"]
)
def test_normalized_string_matches_php(case: dict[str, Any]) -> None:
    parsed = signing.parse_url(case["url"])
    assert parsed is not None
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    text = signing.normalized_request_string(
        token=case["token"],
        timestamp=case["timestamp"],
        nonce=case["nonce"],
        body_hash=case["body_hash"],
        method=case["method"],
        host=parsed.host,
        port=port,
        path=parsed.path,
        query=parsed.query,
    )
    assert text == case["result"]["normalized"]


@pytest.mark.parametrize("case", VECTORS["normalized_query"], ids=lambda c: c["query"] or "empty")
def test_normalized_query_parameters(case: dict[str, Any]) -> None:
    assert signing.normalized_query_parameters(case["query"]) == case["pairs"]


@pytest.mark.parametrize("case", VECTORS["sign_role"], ids=lambda c: c["role"])
def test_sign_role(case: dict[str, Any]) -> None:
    assert sign_role(case["role"], case["user_id"], case["blog_token"]) == case["scope"]


@pytest.mark.parametrize("case", VECTORS["signed_token"], ids=lambda c: c["nonce"])
def test_signed_token(case: dict[str, Any]) -> None:
    value = signing.signed_token(
        case["access_token"], case["user_id"], now=NOW, nonce=case["nonce"]
    )
    assert value == case["value"]
    assert signing.verify_signed_token(case["access_token"], parse_signed_token(value))
    assert not signing.verify_signed_token("other.secret", parse_signed_token(value))


@pytest.mark.parametrize("case", VECTORS["form_json"], ids=lambda c: c["form"][:12])
def test_form_body_for_hash_is_php_json_of_post(case: dict[str, Any]) -> None:
    assert signing.form_body_for_hash(case["form"]) == case["json"]


@pytest.mark.parametrize("case", VECTORS["sha1_base64"], ids=lambda c: c["text"] or "empty")
def test_sha1_base64(case: dict[str, Any]) -> None:
    assert signing.sha1_base64(case["text"]) == case["hash"]


# ------------------------------------------------------- build, extract, verify round trip ----


def test_build_signed_request_query_and_header_verify() -> None:
    signed = signing.build_signed_request(
        "Key1.Secret1",
        user_id=0,
        method="get",
        url="https://public-api.wordpress.com/rest/v1.1/sites/9?force=wpcom",
        body=None,
        now=NOW,
        nonce="abcDEF1234",
    )
    assert signed.url == (
        "https://public-api.wordpress.com/rest/v1.1/sites/9?force=wpcom&token=Key1%3A1%3A0"
        "&timestamp=1700000000&nonce=abcDEF1234&body-hash=&signature="
        + signing.php_urlencode(signed.signature)
    )
    header = parse_authorization(signed.headers["Authorization"])
    assert header == {
        "token": "Key1:1:0",
        "timestamp": "1700000000",
        "nonce": "abcDEF1234",
        "body-hash": "",
        "signature": signed.signature,
        "version": "10.7",
    }
    params = signing.extract_signature_params(signed.url.partition("?")[2], None)
    assert params is not None
    assert params.source == "query"
    signing.verify_request("Key1.Secret1", params, method="GET", url=signed.url, body=None, now=NOW)
    with pytest.raises(SignatureError) as err:
        signing.verify_request(
            "Key1.Wrong", params, method="GET", url=signed.url, body=None, now=NOW
        )
    assert err.value.code == "signature_mismatch"


def test_build_signed_request_header_only_with_json_body() -> None:
    body = '{"a":1}'
    signed = signing.build_signed_request(
        "Usr.Sec",
        user_id=5,
        method="POST",
        url="http://127.0.0.1:9000/wpcom/v2/plans?_locale=en",
        body=body,
        now=NOW,
        nonce="n1",
        auth_location="header",
    )
    assert signed.url == "http://127.0.0.1:9000/wpcom/v2/plans?_locale=en"
    params = signing.extract_signature_params("_locale=en", signed.headers["Authorization"])
    assert params is not None
    assert (params.source, params.token) == ("header", "Usr:1:5")
    signing.verify_request("Usr.Sec", params, method="POST", url=signed.url, body=body, now=NOW)
    with pytest.raises(SignatureError) as err:
        signing.verify_request("Usr.Sec", params, method="POST", url=signed.url, body="{}", now=NOW)
    assert err.value.code == "invalid_body_hash"


def test_xmlrpc_url_gets_for_jetpack_and_blog_id() -> None:
    signed = signing.build_signed_request(
        "a.b",
        user_id=0,
        method="POST",
        url="https://jetpack.wordpress.com/xmlrpc.php",
        body="<x/>",
        now=NOW,
        nonce="q",
        blog_id=42,
    )
    assert signed.url.startswith(
        "https://jetpack.wordpress.com/xmlrpc.php?for=jetpack&wpcom_blog_id=42&"
    )
    assert signed.auth["body-hash"] == signing.sha1_base64("<x/>")


def test_array_body_hash_is_json_of_strings() -> None:
    # Client::build_signed_request: arrays are hashed as wp_json_encode(_stringify_data($body))
    assert signing.body_to_hash({"a": True, "b": [1, None], "c": "/"}) == (
        '{"a":"1","b":["1",""],"c":"\\/"}'
    )
    assert signing.body_hash({}) == signing.sha1_base64("")
    assert signing.body_hash(None) == ""


def test_verify_rejects_old_timestamp_with_time_diff_window() -> None:
    signed = signing.build_signed_request(
        "a.b", user_id=0, method="GET", url="http://h/x", body=None, now=NOW, nonce="n"
    )
    params = signing.extract_signature_params(signed.url.partition("?")[2], None)
    assert params is not None
    signing.verify_request("a.b", params, method="GET", url=signed.url, body=None, now=NOW + 600)
    with pytest.raises(SignatureError, match="too old"):
        signing.verify_request(
            "a.b", params, method="GET", url=signed.url, body=None, now=NOW + 601
        )


def test_add_query_arg_reencodes_existing_query() -> None:
    # WordPress add_query_arg: wp_parse_str + urlencode_deep of the existing query
    url = signing.add_query_arg({"x": "a b", "y": False}, "http://h/p?path=/v4&k=1#frag")
    assert url == "http://h/p?path=%2Fv4&k=1&x=a+b#frag"


def test_extract_signature_params_none_without_token() -> None:
    assert signing.extract_signature_params("a=1", None) is None
    assert signing.extract_signature_params("a=1", 'Bearer token="x"') is None
