"""The documented legacy routes (seed docs), working as documented: docs/fidelity.md#legacy-*."""

from __future__ import annotations

from tests.support import Api

V4 = "/wp-json/jetpack/v4"


def _as(api: Api, login: str = "admin"):
    http, nonce = api.as_user(login)
    http.headers["X-WP-Nonce"] = nonce
    return http


def test_module_activate_activates_several_modules(api: Api):
    http = _as(api)
    response = http.post(V4 + "/module/activate", json={"modules": ["carousel", "latex"]})
    assert (response.status_code, response.json()) == (
        200,
        {"code": "success", "message": "All modules activated."},
    )
    settings = http.get(V4 + "/settings").json()
    assert settings["carousel"] is True and settings["latex"] is True


def test_module_activate_validates_and_needs_manage_modules(api: Api):
    http = _as(api)
    bad = http.post(V4 + "/module/activate", json={"modules": ["nosuch"]})
    assert (bad.status_code, bad.json()["code"]) == (400, "rest_invalid_param")
    editor = _as(api, "editor1").post(V4 + "/module/activate", json={"modules": ["carousel"]})
    assert (editor.status_code, editor.json()["code"]) == (403, "rest_forbidden")


def test_module_activate_is_not_in_the_index(api: Api):
    index = api.client().get(V4).json()
    assert "/jetpack/v4/module/activate" not in index["routes"]
    assert not any(route.startswith("/jetpack/v4/reset") for route in index["routes"])


def test_reset_modules_without_a_body(api: Api):
    http = _as(api)
    http.post(V4 + "/module/carousel/active", json={})
    response = http.post(V4 + "/reset/modules")
    assert response.json() == {"code": "success", "message": "Modules reset to default."}
    settings = http.get(V4 + "/settings").json()
    assert settings["carousel"] is False and settings["contact-form"] is True


def test_reset_options_without_a_body(api: Api):
    http = _as(api)
    http.post(V4 + "/settings", json={"roles": ["administrator", "editor"]})
    assert http.post(V4 + "/reset/options").json()["message"] == "Jetpack options reset."
    assert http.get(V4 + "/settings").json()["roles"] == ["administrator"]
    assert http.post(V4 + "/reset/everything").json()["code"] == "rest_no_route"


def test_reset_needs_manage_modules(api: Api):
    response = _as(api, "editor1").post(V4 + "/reset/modules")
    assert response.status_code == 403
    assert response.json()["code"] == "invalid_user_permission_manage_modules"


def test_notice_dismiss_without_a_body(api: Api):
    http = _as(api)
    assert http.post(V4 + "/notice/welcome/dismiss").json() == {"welcome": True}
    bad = http.post(V4 + "/notice/nosuch/dismiss")
    assert (bad.status_code, bad.json()["code"]) == (404, "invalid_param")


def test_jumpstart_activate_offline_activates_what_it_can(api: Api):
    http = _as(api)
    response = http.post(V4 + "/jumpstart/activate")
    assert response.status_code == 400
    assert response.json()["message"] == (
        "Jumpstart failed activating these modules: monitor, photon, related-posts, sso, "
        "subscriptions."
    )
    settings = http.get(V4 + "/settings").json()
    assert all(settings[slug] for slug in ("carousel", "sharedaddy", "tiled-gallery"))
    assert settings["button_style"] == "icon" and settings["show"] == ["post"]


def test_jumpstart_deactivate_dismisses_a_new_connection(api: Api):
    http = _as(api)
    assert http.post(V4 + "/jumpstart/deactivate").json() == {
        "code": "success",
        "message": "Nothing to dismiss. This was not a new connection.",
    }
    if api.app is not None:
        api.app.site.options.update("jetpack_options", {"jumpstart": "new_connection"})
        assert http.post(V4 + "/jumpstart/deactivate").json()["message"] == "Jumpstart dismissed."
        assert api.app.site.options.get("jetpack_options") == {"jumpstart": "jumpstart_dismissed"}


def test_jumpstart_status_route_stays_unregistered(api: Api):
    assert _as(api).get(V4 + "/jumpstart").json()["code"] == "rest_no_route"
