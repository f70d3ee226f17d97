"""Route registration and matching without HTTP (WP 6.1 SRV:812-938, SRV:1036-1108)."""

from __future__ import annotations

import re

from jetpress.wp.rest.routes import EDITABLE, READABLE, Handler, RouteRegistry, compile_route


def _ok(request):  # pragma: no cover - never called here
    raise AssertionError


def test_full_route_trims_slashes_and_adds_namespace_index_first():
    routes = RouteRegistry()
    routes.register_rest_route(
        "/jetpack/v4/", "/settings/", Handler(methods=READABLE, callback=_ok)
    )
    assert list(routes.routes) == ["/jetpack/v4", "/jetpack/v4/settings"]
    assert routes.namespaces == {"jetpack/v4": ["/jetpack/v4", "/jetpack/v4/settings"]}


def test_registering_twice_appends_handlers():
    routes = RouteRegistry()
    routes.register_rest_route("ns/v1", "/x", Handler(methods=EDITABLE, callback=_ok))
    routes.register_rest_route("ns/v1", "/x", Handler(methods=READABLE, callback=_ok))
    route = routes.routes["/ns/v1/x"]
    assert [h.method_set for h in route.handlers] == [("POST", "PUT", "PATCH"), ("GET",)]


def test_match_is_case_insensitive_and_wrong_method_falls_through():
    routes = RouteRegistry()
    routes.register_rest_route("ns/v1", "/item/(?P<id>\\d+)", Handler(methods="POST", callback=_ok))
    assert routes.match("GET", "/ns/v1/item/5") is None
    found = routes.match("POST", "/NS/V1/ITEM/5")
    assert found is not None and found[2] == {"id": "5"}


def test_head_falls_back_to_get():
    routes = RouteRegistry()
    routes.register_rest_route("ns/v1", "/x", Handler(methods=READABLE, callback=_ok))
    assert routes.match("HEAD", "/ns/v1/x") is not None


def test_namespace_prefilter_is_case_sensitive_prefix():
    routes = RouteRegistry()
    routes.register_rest_route("ns/v1", "/x", Handler(methods=READABLE, callback=_ok))
    routes.register_core_route("/", [Handler(methods=READABLE, callback=_ok)])
    assert [r.pattern for r in routes.candidates("/ns/v1/x")] == ["/ns/v1", "/ns/v1/x"]
    # No namespace matches: every route is a candidate (SRV:1049-1055).
    assert len(routes.candidates("/NS/V1/x")) == 3


def test_pcre_named_group_syntax_is_accepted():
    regex = compile_route("/v/(?P<service>[a-z]+)/(?<keyring_id>[0-9]+)")
    found = regex.match("/v/google/12")
    assert found is not None and found.groupdict() == {"service": "google", "keyring_id": "12"}


def test_unmatched_groups_follow_preg_match():
    routes = RouteRegistry()
    routes.register_rest_route(
        "ns/v1", "/a(?:/(?P<x>b))?(?:/(?P<y>c))?", Handler(methods=READABLE, callback=_ok)
    )
    assert routes.match("GET", "/ns/v1/a/c")[2] == {"x": "", "y": "c"}
    assert routes.match("GET", "/ns/v1/a")[2] == {}


def test_broken_pattern_never_matches():
    assert compile_route("/bad/(").match("/bad/(") is None
    assert isinstance(compile_route("/bad/("), re.Pattern)


def test_route_data_lists_args_with_required_last_and_empty_args_as_list():
    routes = RouteRegistry()
    routes.register_rest_route(
        "ns/v1",
        "/x",
        [
            Handler(methods=READABLE, callback=_ok),
            Handler(
                methods=EDITABLE,
                callback=_ok,
                args={"a": {"required": True, "type": "string", "validate_callback": _ok}},
            ),
        ],
    )
    data = routes.route_data(routes.routes["/ns/v1/x"], "view", lambda p: "http://s/wp-json" + p)
    assert data == {
        "namespace": "ns/v1",
        "methods": ["GET", "POST", "PUT", "PATCH"],
        "endpoints": [
            {"methods": ["GET"], "args": {}},
            {
                "methods": ["POST", "PUT", "PATCH"],
                "args": {"a": {"type": "string", "required": True}},
            },
        ],
        "_links": {"self": [{"href": "http://s/wp-json/ns/v1/x"}]},
    }
