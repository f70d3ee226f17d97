"""Protect over HTTP: wp-login.php counts failed logins per IP, blocks, and the module data
endpoint and /site/benefits report the blocked attempts."""

from __future__ import annotations

import json

from jetpress.php.jsoncodec import PHPObject
from tests.support import Api

V4 = "/wp-json/jetpack/v4"
ATTACKER = {
    "X-Forwarded-For": "203.0.113.50",
    "Cookie": "wordpress_test_cookie=WP%20Cookie%20check",
}


def _admin(api: Api):
    http, nonce = api.as_user("admin")
    http.headers["X-WP-Nonce"] = nonce
    return http


def _attempt(api: Api, password: str):
    return api.client().post(
        "/wp-login.php",
        data={"log": "admin", "pwd": password, "wp-submit": "Log In", "testcookie": "1"},
        headers=ATTACKER,
    )


def _trust_forwarded_for(api: Api) -> None:
    # what Protect's check_key stores for a site behind a proxy (jetpack_protect_get_ip)
    header = PHPObject(
        "stdClass", {"trusted_header": "HTTP_X_FORWARDED_FOR", "segments": 1, "reverse": False}
    )
    api.app.site.options.update("trusted_ip_header", header)


def test_failed_logins_block_the_ip_and_are_reported(inprocess: Api):
    admin = _admin(inprocess)
    reset = admin.post(V4 + "/options/modules", json={"reset": True})
    assert reset.status_code == 200  # the default modules include protect
    assert admin.get(V4 + "/module/protect/data").json() is False
    _trust_forwarded_for(inprocess)
    for _ in range(5):
        failed = _attempt(inprocess, "wrong")
        assert failed.status_code == 200
        assert "is incorrect" in failed.text
    blocked = _attempt(inprocess, "password")  # even the right password
    assert blocked.status_code == 403
    assert "<title>Login Blocked by Jetpack</title>" in blocked.text
    assert "<code>203.0.113.50</code>" in blocked.text
    assert "wordpress_logged_in" not in blocked.headers.get("set-cookie", "")
    assert _attempt(inprocess, "wrong").status_code == 403
    assert admin.get(V4 + "/module/protect/data").json() == "2"
    benefits = json.loads(admin.get(V4 + "/site/benefits").json()["data"])
    assert benefits == [
        {
            "name": "protect",
            "title": "Brute force protection",
            "description": "The number of malicious login attempts blocked by Jetpack",
            "value": 2,
        }
    ]


def test_local_addresses_are_never_blocked(api: Api):
    _admin(api).post(V4 + "/options/modules", json={"reset": True})
    for _ in range(7):
        response = api.client().post(
            "/wp-login.php",
            data={"log": "admin", "pwd": "wrong", "testcookie": "1"},
            headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
        )
        assert response.status_code == 200
    assert api.login("admin").status_code == 302


def test_inactive_protect_counts_nothing(inprocess: Api):
    _trust_forwarded_for(inprocess)
    for _ in range(7):
        assert _attempt(inprocess, "wrong").status_code == 200
    assert _attempt(inprocess, "password").status_code == 302
    response = _admin(inprocess).get(V4 + "/module/protect/data")
    assert (response.status_code, response.json()["code"]) == (404, "not_active")
