"""GET/POST /settings and /settings/<slug> over HTTP: Jetpack 10.7's answers, storage and auth."""

from __future__ import annotations

import pytest

from tests.support import Api

FORBIDDEN = "Sorry, you are not allowed to do that."
SUCCESS = {"code": "success", "message": "The requested Jetpack data updates were successful."}
SETTINGS = "/wp-json/jetpack/v4/settings"


def _admin(api: Api):
    http, nonce = api.as_user("admin")
    http.headers["X-WP-Nonce"] = nonce
    return http


def test_get_settings_defaults(api: Api):
    body = _admin(api).get(SETTINGS).json()
    assert body["carousel_background_color"] == "black"
    assert body["carousel"] is False
    assert body["lang_id"] == "en_US"
    assert body["onboarding"]["siteTitle"] == "Jetpack Demo"
    assert body["akismet"] is False


def test_update_then_read_back(api: Api):
    http = _admin(api)
    response = http.post(SETTINGS, json={"carousel_background_color": "white", "roles": ["editor"]})
    assert (response.status_code, response.json()) == (200, SUCCESS)
    body = http.get(SETTINGS).json()
    assert (body["carousel_background_color"], body["roles"]) == ("white", ["editor"])


def test_module_slug_as_boolean_key_activates_and_deactivates(api: Api):
    http = _admin(api)
    assert http.post(SETTINGS, json={"latex": True}).status_code == 200
    assert http.get(SETTINGS).json()["latex"] is True
    assert http.post(SETTINGS, json={"latex": False}).status_code == 200
    assert http.get(SETTINGS).json()["latex"] is False


def test_partial_update_is_some_updated_and_keeps_valid_keys(api: Api):
    http = _admin(api)
    response = http.post(SETTINGS, json={"wpl_default": "off", "nosuchsetting": True})
    assert response.status_code == 400
    assert response.json() == {
        "code": "some_updated",
        "message": "Invalid option: nosuchsetting.",
        "data": {"status": 400},
    }
    assert http.get(SETTINGS).json()["wpl_default"] == "off"


def test_validation_runs_before_permission(api: Api):
    response = api.client().post(SETTINGS, json={"carousel_background_color": 42})
    assert response.status_code == 400
    assert response.json()["data"]["params"] == {
        "carousel_background_color": "carousel_background_color must be one of black, white"
    }


def test_roles_as_a_string_is_a_400_naming_the_parameter(api: Api):
    # 10.7: array_intersect() on a string is a PHP fatal error (docs/fidelity.md#php-fatal)
    response = _admin(api).post(SETTINGS, json={"roles": "editor"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "rest_invalid_param"
    assert body["data"]["params"] == {
        "roles": "roles must be administrator, editor, author, contributor, subscriber."
    }


def test_setting_of_an_inactive_remote_module_is_a_400(api: Api):
    # 10.7: PHP fatal error (class of the inactive module not loaded); docs/fidelity.md#php-fatal
    response = _admin(api).post(SETTINGS, json={"monitor_receive_notifications": True})
    assert response.status_code == 400
    assert response.json()["message"] == (
        " monitor_receive_notifications: The requested Jetpack module is inactive."
    )


def test_settings_slug_route_is_restricted_to_its_module(api: Api):
    http = _admin(api)
    assert http.post("/wp-json/jetpack/v4/module/carousel/active", json={}).status_code == 200
    response = http.post(SETTINGS + "/carousel", json={"wpl_default": "off"})
    assert response.status_code == 400
    assert response.json()["message"] == "Invalid option: wpl_default."
    unknown = http.post(SETTINGS + "/nosuch", json={"a": 1})
    assert unknown.json()["code"] == "not_found"


@pytest.mark.parametrize(
    ("login", "get_status", "post_status"),
    [("sub1", 403, 403), ("editor1", 403, 403), ("admin", 200, 200)],
)
def test_auth_matrix_offline(api: Api, login: str, get_status: int, post_status: int):
    http, nonce = api.as_user(login)
    headers = {"X-WP-Nonce": nonce}
    assert http.get(SETTINGS, headers=headers).status_code == get_status
    response = http.post(SETTINGS, json={"wpl_default": "off"}, headers=headers)
    assert response.status_code == post_status
    if post_status == 403:
        assert response.json() == {
            "code": "rest_forbidden",
            "message": FORBIDDEN,
            "data": {"status": 403},
        }


def test_anonymous_is_401(api: Api):
    response = api.client().get(SETTINGS)
    assert (response.status_code, response.json()["code"]) == (401, "rest_forbidden")


def test_online_editor_reads_but_cannot_write(api: Api):
    api.reset("online")
    http, nonce = api.as_user("editor1")
    headers = {"X-WP-Nonce": nonce}
    body = http.get(SETTINGS, headers=headers).json()
    assert body["lang_id"] == "error_cap"  # no install_languages
    assert http.post(SETTINGS, json={"wpl_default": "off"}, headers=headers).status_code == 403
