"""Module endpoints over HTTP: /module/all, /module/all/active, /module/<slug>(/active|/data),
POST /options/<options>, POST /notice/<notice> (Jetpack 10.7)."""

from __future__ import annotations

from tests.support import Api

V4 = "/wp-json/jetpack/v4"


def _admin(api: Api):
    http, nonce = api.as_user("admin")
    http.headers["X-WP-Nonce"] = nonce
    return http


def test_activate_and_deactivate_one_module(api: Api):
    http = _admin(api)
    assert http.post(V4 + "/module/carousel/active", json={"active": True}).json() == {
        "code": "success",
        "message": "The requested Jetpack module was activated.",
    }
    listed = http.get(V4 + "/module/all").json()["carousel"]
    assert listed["activated"] is True
    assert listed["configurable"].startswith('<a href="')
    off = http.post(V4 + "/module/carousel/active", json={"active": False})
    assert off.json()["message"] == "The requested Jetpack module was deactivated."
    again = http.post(V4 + "/module/carousel/active", json={"active": False})
    assert (again.status_code, again.json()["code"]) == (409, "already_inactive")


def test_activation_rules_offline(api: Api):
    http = _admin(api)
    failed = http.post(V4 + "/module/stats/active", json={"active": True})
    assert (failed.status_code, failed.json()["code"]) == (424, "activation_failed")
    plan = http.post(V4 + "/module/vaultpress/active", json={"active": True})
    assert (plan.status_code, plan.json()["code"]) == (424, "not_supported")
    unknown = http.post(V4 + "/module/nosuch/active", json={"active": True})
    assert (unknown.status_code, unknown.json()["code"]) == (404, "not_found")


def test_nothing_activates_online_without_a_connection(api: Api):
    api.reset("online")
    response = _admin(api).post(V4 + "/module/carousel/active", json={"active": True})
    assert response.status_code == 424


def test_all_active_reports_the_failed_modules(api: Api):
    http = _admin(api)
    response = http.post(V4 + "/module/all/active", json={"modules": ["carousel", "protect"]})
    assert response.status_code == 424
    assert response.json()["message"] == "The module protect failed to be activated. "
    assert http.get(V4 + "/module/carousel").status_code == 200
    assert http.get(V4 + "/settings").json()["carousel"] is True


def test_module_options_need_the_module_active(api: Api):
    http = _admin(api)
    inactive = http.post(V4 + "/module/carousel", json={"carousel_background_color": "white"})
    assert (inactive.status_code, inactive.json()["code"]) == (409, "inactive")
    http.post(V4 + "/module/carousel/active", json={})
    ok = http.post(V4 + "/module/carousel", json={"carousel_background_color": "white"})
    assert ok.status_code == 200
    options = http.get(V4 + "/module/carousel").json()["options"]
    assert options["carousel_background_color"]["current_value"] == "white"


def test_module_requiring_connection_is_reported_inactive_offline(api: Api):
    body = _admin(api).get(V4 + "/module/protect").json()
    assert body["activated"] is False
    assert body["options"]["jetpack_protect_key"]["current_value"] is False


def test_reset_modules_and_options(api: Api):
    http = _admin(api)
    assert http.post(V4 + "/options/modules", json={"reset": 1}).status_code == 404
    http.post(V4 + "/settings", json={"carousel": True, "sharing_label": "X"})
    assert http.post(V4 + "/options/options", json={"reset": True}).json() == {
        "code": "success",
        "message": "Jetpack options reset.",
    }
    body = http.get(V4 + "/settings").json()
    assert body["carousel"] is False and body["stats"] is True
    assert body["sharing_label"] == "Share this:"


def test_dismiss_notice_returns_the_option(api: Api):
    http = _admin(api)
    assert http.post(V4 + "/notice/welcome", json={"dismissed": True}).json() == {"welcome": True}
    both = http.post(V4 + "/notice/feedback_dash_request", json={"dismissed": True}).json()
    assert both == {"welcome": True, "feedback_dash_request": True}
    form = http.post(V4 + "/notice/welcome", data={"dismissed": "1"})
    assert form.status_code == 404


def test_module_data_of_verification_tools(api: Api):
    http = _admin(api)
    assert http.get(V4 + "/module/verification-tools/data").json()["code"] == "not_active"
    http.post(V4 + "/module/verification-tools/active", json={})
    http.post(V4 + "/settings", json={"google": "abc123", "bing": "def456"})
    assert http.get(V4 + "/module/verification-tools/data").json() == {
        "code": "success",
        "message": "Your site is verified with Google and Bing.",
        "services": ["Google", "Bing"],
    }


def test_get_connection_is_public(api: Api):
    body = api.client().get(V4 + "/connection").json()
    assert body["offlineMode"]["url"] is True and body["isRegistered"] is False
