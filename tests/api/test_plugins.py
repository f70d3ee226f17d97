"""Plugin endpoints over HTTP: list, install (no network), activate, get, update count."""

from __future__ import annotations

from tests.support import Api

V4 = "/wp-json/jetpack/v4"


def _admin(api: Api):
    http, nonce = api.as_user("admin")
    http.headers["X-WP-Nonce"] = nonce
    return http


def test_plugins_list_reports_the_active_flag(api: Api):
    listed = _admin(api).get(V4 + "/plugins").json()
    assert list(listed) == ["akismet/akismet.php", "jetpack/jetpack.php"]
    assert [p["active"] for p in listed.values()] == [False, True]
    assert listed["jetpack/jetpack.php"]["Version"] == "10.7"


def test_install_an_installed_slug_activates_it(api: Api):
    http = _admin(api)
    installed = http.post(V4 + "/plugins", json={"slug": "akismet"})
    assert installed.json() == {"code": "success", "message": "Installed akismet"}
    activated = http.post(V4 + "/plugins", json={"slug": "akismet", "status": "active"})
    assert activated.json() == {"code": "success", "message": "Activated akismet/akismet.php"}
    assert http.get("/?rest_route=/jetpack/v4/plugin/akismet/akismet.php").json()["data"]["active"]
    again = http.post(V4 + "/plugins", json={"slug": "akismet", "status": "active"})
    assert (again.status_code, again.json()["code"]) == (404, "plugin_already_active")


def test_install_of_a_new_plugin_fails_without_network(api: Api):
    response = _admin(api).post(V4 + "/plugins", json={"slug": "hello-dolly", "status": "active"})
    assert response.status_code == 500
    assert response.json() == {
        "code": "install_plugin_failed",
        "message": "Unable to install hello-dolly: Download failed. ",
        "data": {"status": 500},
    }


def test_install_validates_status_and_slug(api: Api):
    http = _admin(api)
    bad = http.post(V4 + "/plugins", json={"slug": "akismet", "status": "on"})
    assert (bad.status_code, bad.json()["code"]) == (400, "rest_invalid_param")
    pattern = http.post(V4 + "/plugins", json={"slug": "..."})
    assert (pattern.status_code, pattern.json()["code"]) == (400, "rest_invalid_param")


def test_updates_count_is_zero_without_update_data(api: Api):
    assert _admin(api).get(V4 + "/updates/plugins").json() == {
        "code": "success",
        "message": "All plugins are up-to-date. Keep up the good work!",
        "count": 0,
    }


def test_updates_count_reads_the_update_plugins_transient(inprocess: Api):
    from jetpress.php.jsoncodec import PHPObject, PHPValue

    update = PHPObject("stdClass", {"new_version": "5.1"})
    response: dict[int | str, PHPValue] = {"akismet/akismet.php": update}
    inprocess.app.site.options.update(
        "_site_transient_update_plugins", PHPObject("stdClass", {"response": response})
    )
    assert _admin(inprocess).get(V4 + "/updates/plugins").json() == {
        "code": "updates-available",
        "message": "1 plugin needs updating.",
        "count": 1,
    }
