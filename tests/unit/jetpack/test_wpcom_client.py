"""The WordPress.com client: transport failures as WordPress's WP_Errors, signed calls,
XML-RPC answers and the inbound ``?_for=jetpack`` signature check."""

from __future__ import annotations

import httpx
import pytest

from jetpress.jetpack import jetpack_options
from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import signatures, tokens, wpcom_api
from jetpress.jetpack.wpcom_client import HttpFailure, HttpResponse, HttpWpcomClient, NoWpcom
from jetpress.protocol import signing, xmlrpc
from jetpress.protocol.urls import WpcomEndpoints
from jetpress.wp.rest.request import RestRequest
from tests.unit.jetpack.conftest import ONLINE_URL, build

ROOT = "http://wpcom.test"


def client(handler) -> HttpWpcomClient:
    return HttpWpcomClient(
        WpcomEndpoints.for_simulator(ROOT), transport=httpx.MockTransport(handler)
    )


def raising(exc: Exception):
    def handler(request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


@pytest.mark.parametrize(
    ("exc", "message"),
    [
        pytest.param(
            httpx.ReadTimeout("slow"),
            "cURL error 28: Operation timed out after 2000 milliseconds with 0 bytes received",
            id="timeout",
        ),
        pytest.param(
            httpx.ConnectError("refused"),
            "cURL error 7: Failed to connect to wpcom.test port 80: Connection refused",
            id="refused",
        ),
        pytest.param(httpx.RemoteProtocolError("eof"), "cURL error 56: eof", id="broken"),
    ],
)
def test_transport_errors_become_http_request_failed(exc, message):
    answer = client(raising(exc)).request("GET", ROOT + "/x", timeout=2)
    assert answer == HttpFailure("http_request_failed", message)


def test_max_timeout_caps_the_requested_timeout():
    seen: list[float] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"]["read"])
        return httpx.Response(200, text="ok")

    wpcom = client(handler)
    wpcom.max_timeout = 1.5
    answer = wpcom.request("GET", ROOT + "/x", timeout=30)
    assert isinstance(answer, HttpResponse) and answer.text == "ok"
    assert seen == [1.5]


def test_garbage_bodies_decode_as_php_null():
    assert HttpResponse(200, {}, b"<html>").json() is None
    assert HttpResponse(200, {}, b"Notice: x\n{}").json() is None
    assert HttpResponse(200, {}, b'{"a":1}').json() == {"a": 1}


def test_no_wpcom_blocks_every_request():
    answer = NoWpcom().request("POST", "https://jetpack.wordpress.com/jetpack.register/1/")
    assert answer == HttpFailure(
        "http_request_not_executed", "User has blocked requests through HTTP."
    )


def connected(wpcom) -> Jetpack:
    jp = build(ONLINE_URL)
    jp = Jetpack(site=jp.site, catalog=jp.catalog, rules=jp.rules, wpcom=wpcom)
    jetpack_options.update_option(jp, "id", 77)
    tokens.update_blog_token(jp, "bkey.bsecret")
    tokens.update_user_token(jp, 1, "ukey.usecret.1", True)
    return jp


def test_signed_requests_carry_a_valid_jetpack_signature():
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"ok": True})

    jp = connected(client(handler))
    answer = wpcom_api.request_as_blog(jp, "/sites/77?force=wpcom")
    assert isinstance(answer, HttpResponse) and answer.json() == {"ok": True}
    request = seen[0]
    params = signing.extract_signature_params(request.url.query.decode(), None)
    assert params is not None and params.token == "bkey:1:0"
    signing.verify_request(
        "bkey.bsecret",
        params,
        method="GET",
        url=str(request.url),
        body=None,
        now=jp.site.clock.now(),
    )
    assert request.url.path == "/rest/v1.1/sites/77"


def test_a_user_without_token_gets_missing_token_before_any_request():
    jp = connected(client(raising(AssertionError("no request expected"))))
    assert wpcom_api.request_as_user(jp, 2, "/plans") == HttpFailure("missing_token", "")


@pytest.mark.parametrize(
    ("response", "code", "message"),
    [
        pytest.param(
            httpx.Response(200, text=xmlrpc.method_response({"ID": 5})), None, "", id="ok"
        ),
        pytest.param(
            httpx.Response(200, text=xmlrpc.fault_response(403, "Jetpack: [x] no")),
            403,
            "Jetpack: [x] no",
            id="fault",
        ),
        pytest.param(
            httpx.Response(503, text="<html>"),
            -32300,
            "transport error - HTTP status code was not 200",
            id="503",
        ),
        pytest.param(
            httpx.Response(200, text="not xml"),
            -32700,
            "parse error. not well formed",
            id="garbage",
        ),
    ],
)
def test_xmlrpc_answers_as_jetpack_ixr_client(response, code, message):
    jp = connected(client(lambda request: response))
    result = wpcom_api.xmlrpc_query(jp, "wpcom.getUser", user_id=1)
    assert (result.error_code, result.error_message) == (code, message)
    if code is None:
        assert result.value == {"ID": 5}


def test_xmlrpc_transport_failure_is_error_10520():
    jp = connected(NoWpcom())
    result = wpcom_api.xmlrpc_query(jp, "jetpack.deregister")
    assert (result.error_code, result.error_message) == (
        -10520,
        "Jetpack: [http_request_not_executed] User has blocked requests through HTTP.",
    )


def inbound(jp: Jetpack, *, nonce: str = "abc123", tamper: bool = False) -> RestRequest:
    body = '{"a":1}'
    signed = signing.build_signed_request(
        "bkey.bsecret",
        user_id=0,
        method="POST",
        url="http://127.0.0.1:8081/wp-json/jetpack/v4/remote_authorize?_for=jetpack",
        body=body,
        now=jp.site.clock.now(),
        nonce=nonce,
    )
    path, _, query = signed.url.partition("://")[2].partition("/")[2].partition("?")
    from jetpress import php

    return RestRequest(
        method="POST",
        route="/jetpack/v4/remote_authorize",
        query={str(k): v for k, v in php.parse_str(query).items()},
        headers={"host": "127.0.0.1:8081", "content_type": "application/json"},
        body=(body + " " if tamper else body).encode(),
        request_uri=f"/{path}?{query}",
    )


def test_inbound_blog_signature_is_accepted_once():
    jp = connected(NoWpcom())
    request = inbound(jp)
    assert signatures.authenticate(jp, jp.site, request) == (None, True)
    assert signatures.is_signed_with_blog_token(request)
    again = signatures.authenticate(jp, jp.site, inbound(jp))
    assert again is not None and not isinstance(again[1], bool)
    assert again[1].code == "rest_invalid_signature"  # the nonce was used


def test_inbound_tampered_body_is_refused():
    jp = connected(NoWpcom())
    result = signatures.authenticate(jp, jp.site, inbound(jp, tamper=True))
    assert result is not None and not isinstance(result[1], bool)
    assert (result[1].code, result[1].status) == ("rest_invalid_signature", 400)


def test_requests_not_for_jetpack_are_left_alone():
    jp = connected(NoWpcom())
    assert signatures.authenticate(jp, jp.site, RestRequest(method="GET", route="/")) is None
