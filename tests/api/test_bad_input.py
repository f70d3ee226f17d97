"""Bad input of any kind gets a WordPress-shaped error, never a 500, a traceback or a hang."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.support import Api

BATCH = "/wp-json/batch/v1"


def _is_wp_error(response, status: int, code: str) -> None:
    assert response.status_code == status, response.text[:500]
    body = response.json()
    assert body["code"] == code
    assert isinstance(body["message"], str)
    assert body["data"]["status"] == status


@pytest.mark.parametrize(
    ("raw", "code", "message"),
    [
        (b"{bad", 4, "Syntax error"),
        (b'{"a": "\x01"}', 3, "Control character error, possibly incorrectly encoded"),
        (b'{"a": "\xff"}', 5, "Malformed UTF-8 characters, possibly incorrectly encoded"),
        (b"[" * 600 + b"]" * 600, 1, "Maximum stack depth exceeded"),
        (b'{"a": NaN}', 4, "Syntax error"),
    ],
)
def test_malformed_json_is_rest_invalid_json(api: Api, raw: bytes, code: int, message: str):
    http, nonce = api.as_user("admin")
    response = http.post(
        BATCH, content=raw, headers={"Content-Type": "application/json", "X-WP-Nonce": nonce}
    )
    _is_wp_error(response, 400, "rest_invalid_json")
    assert response.json()["data"] == {
        "status": 400,
        "json_error_code": code,
        "json_error_message": message,
    }


def test_malformed_json_on_unknown_route_is_404(api: Api):
    response = api.client().post(
        "/wp-json/nosuch/v1/x", content=b"{bad", headers={"Content-Type": "application/json"}
    )
    _is_wp_error(response, 404, "rest_no_route")


def test_wrong_types_are_rest_invalid_param(api: Api):
    response = api.client().post(BATCH, json={"requests": "not-a-list-of-objects"})
    _is_wp_error(response, 400, "rest_invalid_param")
    assert response.json()["data"]["params"] == {"requests": "requests[0] is not of type object."}


def test_missing_required_param(api: Api):
    response = api.client().post(BATCH, json={})
    _is_wp_error(response, 400, "rest_missing_callback_param")
    assert response.json()["data"]["params"] == ["requests"]


def test_huge_body_is_413(api: Api):
    limit = 8 * 1024 * 1024
    response = api.client().post(
        BATCH, content=b"x" * (limit + 1), headers={"Content-Type": "application/json"}
    )
    _is_wp_error(response, 413, "rest_request_too_large")


@pytest.mark.parametrize(
    "path",
    [
        "/wp-json/%ff%fe/x",
        "/wp-json/jetpack/v4/%00",
        "/?rest_route=%ff",
        "/wp-json/" + "a" * 5000,
        "/wp-json/(?P<x>.*)",
    ],
)
def test_odd_paths_never_fail(api: Api, path: str):
    response = api.client().get(path)
    assert response.status_code in (200, 404), response.text[:300]
    assert response.json()["code"] == "rest_no_route" if response.status_code == 404 else True


@pytest.mark.parametrize(
    "query",
    [
        "_fields[]=a&_fields[x]=b",
        "_jsonp[]=x",
        "_method[]=x",
        "_envelope[]=1",
        "context[]=x",
        "rest_route[]=x",
        "_wpnonce[]=a",
        "a[b[c]]]=1&%ff=%fe",
    ],
)
def test_array_shaped_meta_params_never_fail(api: Api, query: str):
    response = api.client().get("/wp-json/?" + query)
    assert response.status_code < 500, response.text[:300]


def test_invalid_utf8_in_form_body(api: Api):
    response = api.client().post(
        BATCH,
        content=b"requests=%ff%fe",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 400
    assert response.json()["code"] == "rest_invalid_param"


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    method=st.sampled_from(["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"]),
    path=st.sampled_from(["/wp-json/", BATCH, "/wp-json/jetpack/v4", "/wp-json/nosuch"]),
    params=st.dictionaries(
        st.sampled_from(
            [
                "_fields",
                "_envelope",
                "_jsonp",
                "_method",
                "context",
                "_pretty",
                "requests",
                "validation",
                "namespace",
                "_embed",
            ]
        ),
        st.text(max_size=20),
        max_size=4,
    ),
    body=st.one_of(
        st.binary(max_size=200),
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
            lambda inner: (
                st.lists(inner, max_size=4)
                | st.dictionaries(st.text(max_size=8), inner, max_size=4)
            ),
            max_leaves=12,
        ).map(lambda v: json.dumps(v).encode()),
    ),
)
def test_fuzz_rest_requests_never_500(api: Api, method, path, params, body):
    response = api.client().request(
        method, path, params=params, content=body, headers={"Content-Type": "application/json"}
    )
    assert response.status_code < 500, (method, path, params, body, response.text[:300])
    if method != "HEAD" and response.text and "_jsonp" not in params:
        json.loads(response.text)  # always JSON
