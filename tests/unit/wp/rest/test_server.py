"""RestServer.serve/dispatch without HTTP (WP 6.1.9 SRV and the default REST filters)."""

from __future__ import annotations

import json
import random

import pytest

from jetpress.clock import FrozenClock
from jetpress.store.memory import MemoryStore
from jetpress.wp.caps import CapabilityMap
from jetpress.wp.errors import WPError
from jetpress.wp.install import install
from jetpress.wp.options import Options
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.rest.response import RestResponse
from jetpress.wp.rest.routes import EDITABLE, READABLE, Handler
from jetpress.wp.rest.server import AuthOutcome, RestServer
from jetpress.wp.site import Site
from jetpress.wp.users import User, Users

ADMIN = User(
    id=1,
    login="admin",
    email="a@example.com",
    display_name="admin",
    nicename="admin",
    pass_hash="",
    registered="",
    roles=("administrator",),
    allcaps={"manage_options": True, "edit_posts": True},
)


def _site() -> Site:
    store = MemoryStore(prefix="wp_", url="memory://")
    options = Options(store.options)
    site = Site(
        options=options,
        users=Users(store.users, options, "wp_"),
        caps=CapabilityMap(),
        clock=FrozenClock(),
        random=random.Random(1),
    )
    install(site, site_url="http://example.test", blogname="Blog", admin_email="a@example.com")
    return site


@pytest.fixture
def server() -> RestServer:
    logged_in = {"user": None}

    def auth(request: RestRequest) -> AuthOutcome:
        return AuthOutcome(user=logged_in["user"])

    srv = RestServer(_site(), auth)
    srv.logged_in = logged_in  # type: ignore[attr-defined]
    calls: list[str] = []
    srv.calls = calls  # type: ignore[attr-defined]

    def perm(request: RestRequest) -> bool:
        calls.append("permission")
        return request.user is not None

    def cb(request: RestRequest) -> RestResponse:
        calls.append("callback")
        return RestResponse({"n": request["n"], "a": {"b": 1, "c": 2}, "d": 3})

    srv.routes.register_rest_route(
        "t/v1",
        "/thing",
        [
            Handler(
                methods=READABLE,
                callback=cb,
                permission_callback=perm,
                args={"n": {"type": "integer", "default": 1}},
            ),
            Handler(methods=EDITABLE, callback=cb, permission_callback=lambda r: False),
        ],
    )
    srv.routes.register_rest_route(
        "t/v1",
        "/err",
        Handler(
            methods=READABLE, callback=cb, permission_callback=lambda r: WPError("nope", "No.")
        ),
    )
    return srv


def _serve(server: RestServer, method: str = "GET", route: str = "/t/v1/thing", **kw):
    reply = server.serve(RestRequest(method=method, route=route, **kw))
    headers = dict(reply.headers)
    body = json.loads(reply.body) if reply.body and reply.body[:4] != b"/**/" else reply.body
    return reply.status, headers, body


def test_validation_happens_before_permission(server):
    status, headers, body = _serve(server, query={"n": "x"})
    assert status == 400 and body["code"] == "rest_invalid_param"
    # The callback never ran; the one permission call is rest_send_allow_header's re-check.
    assert server.calls == ["permission"]
    assert "Allow" not in headers


def test_anonymous_denial_is_401_logged_in_403(server):
    assert _serve(server)[0] == 401
    server.logged_in["user"] = ADMIN
    status, headers, body = _serve(server, method="POST")
    assert status == 403 and body["message"] == "Sorry, you are not allowed to do that."
    assert headers["Allow"] == "GET"  # the POST handler's permission is false


def test_permission_error_without_status_is_500(server):
    status, _h, body = _serve(server, route="/t/v1/err")
    assert (status, body) == (500, {"code": "nope", "message": "No.", "data": None})


def test_wrong_method_is_rest_no_route_without_allow(server):
    status, headers, body = _serve(server, method="DELETE")
    assert status == 404 and body["code"] == "rest_no_route" and "Allow" not in headers


def test_fields_filters_nested_and_keeps_61_break_bug(server):
    server.logged_in["user"] = ADMIN
    assert _serve(server, query={"_fields": "a.b,d"})[2] == {"a": {"b": 1}, "d": 3}
    # WP 6.1 RA:894: a nested field after its parent was included drops every later field.
    assert _serve(server, query={"_fields": "a,a.b,d"})[2] == {"a": {"b": 1, "c": 2}}


def test_envelope_reports_real_status_and_headers(server):
    status, _h, body = _serve(server, query={"_envelope": ""})
    assert status == 200
    assert body == {
        "body": {
            "code": "rest_forbidden",
            "message": "Sorry, you are not allowed to do that.",
            "data": {"status": 401},
        },
        "status": 401,
        "headers": [],
    }


def test_jsonp_wraps_and_rejects_bad_callbacks(server):
    server.logged_in["user"] = ADMIN
    reply = server.serve(RestRequest(method="GET", route="/t/v1/thing", query={"_jsonp": "cb.x"}))
    assert reply.body.startswith(b"/**/cb.x({") and reply.body.endswith(b")")
    assert dict(reply.headers)["Content-Type"] == "application/javascript; charset=UTF-8"
    status, _h, body = _serve(server, query={"_jsonp": "a(b)"})
    assert (status, body) == (
        400,
        {"code": "rest_callback_invalid", "message": "Invalid JSONP callback function."},
    )


def test_options_unknown_route_is_empty_list_and_known_route_describes(server):
    assert _serve(server, method="OPTIONS", route="/nowhere")[2] == []
    status, headers, body = _serve(server, method="OPTIONS")
    assert status == 200 and body["methods"] == ["GET", "POST", "PUT", "PATCH"]
    assert server.calls.count("callback") == 0
    assert "Allow" not in headers  # anonymous: no handler allows


def test_cors_echoes_any_origin(server):
    _s, headers, _b = _serve(server, headers={"origin": "https://evil.example"})
    assert headers["Access-Control-Allow-Origin"] == "https://evil.example"
    assert headers["Access-Control-Allow-Credentials"] == "true"


def test_method_override_header_4xx_is_nocache(server):
    status, headers, _b = _serve(server, headers={"x_http_method_override": "POST"})
    assert status == 401 and headers["Cache-Control"].startswith("no-cache")
    status, headers, _b = _serve(server, query={"_method": "post"})
    assert status == 401 and "Cache-Control" not in headers


def test_head_has_no_body(server):
    server.logged_in["user"] = ADMIN
    reply = server.serve(RestRequest(method="HEAD", route="/t/v1/thing"))
    assert reply.status == 200 and reply.body == b""


def test_pretty_print(server):
    server.logged_in["user"] = ADMIN
    reply = server.serve(RestRequest(method="GET", route="/t/v1/thing", query={"_pretty": "1"}))
    assert reply.body.startswith(b'{\n    "n": 1,')


def test_batch_require_all_validate(server):
    server.logged_in["user"] = ADMIN
    body = {
        "validation": "require-all-validate",
        "requests": [{"path": "/t/v1/thing"}, {"path": "/nope"}],
    }
    status, _h, data = _serve(
        server,
        method="POST",
        route="/batch/v1",
        headers={"content_type": "application/json"},
        body=json.dumps(body).encode(),
    )
    assert status == 207 and data["failed"] == "validation"
    assert data["responses"][0]["body"]["code"] == "rest_batch_not_allowed"
    assert data["responses"][1]["body"]["code"] == "rest_no_route"


def test_namespace_index_and_unknown_namespace(server):
    status, _h, body = _serve(server, route="/t/v1")
    assert status == 200 and list(body["routes"]) == ["/t/v1", "/t/v1/thing", "/t/v1/err"]
    assert body["_links"] == {"up": [{"href": "http://example.test/wp-json/"}]}
    status, headers, body = _serve(server, route="/t/v1", query={"namespace": "x/y"})
    assert (status, body["code"], headers["Allow"]) == (404, "rest_invalid_namespace", "GET")
