"""Login page, auth cookies, the REST cookie + nonce check and admin-ajax's rest-nonce.

Expected strings and statuses are WordPress 6.1.9's (wp-rest-core.md §4, corpus README §2).
"""

from __future__ import annotations

import pytest

from tests.support import Api

NOCACHE = "no-cache, must-revalidate, max-age=0"


def _logged_in_view(http, **headers):
    """The root index: the active-theme link appears only for a logged-in user with edit_posts."""
    response = http.get("/wp-json/", headers=headers)
    return response, "wp:active-theme" in response.json().get("_links", {})


def test_login_sets_cookies_and_redirects_admin(api: Api):
    response = api.login("admin")
    assert response.status_code == 302
    assert response.headers["location"] == api.site_url + "/wp-admin/"
    assert response.headers["x-redirect-by"] == "WordPress"
    names = [c.split("=", 1)[0] for c in response.headers.get_list("set-cookie")]
    assert any(n.startswith("wordpress_logged_in_") for n in names)
    assert sum(1 for n in names if n.startswith("wordpress_") and "logged_in" not in n) == 2


def test_login_subscriber_goes_to_profile(api: Api):
    response = api.login("sub1")
    assert response.status_code == 302
    assert response.headers["location"] == api.site_url + "/wp-admin/profile.php"


def test_login_wrong_password_shows_error(api: Api):
    response = api.login("admin", "nope")
    assert response.status_code == 200
    assert "text/html" in response.headers["content-type"]
    assert "The password you entered for the username <strong>admin</strong> is incorrect." in (
        response.text
    )
    assert not any("logged_in" in c for c in response.headers.get_list("set-cookie"))


def test_login_unknown_user(api: Api):
    response = api.login("ghost")
    assert "The username <strong>ghost</strong> is not registered on this site." in response.text


def test_login_page_sets_test_cookie_and_has_a_labelled_form(api: Api):
    response = api.client().get("/wp-login.php")
    assert response.status_code == 200
    assert "wordpress_test_cookie=WP%20Cookie%20check" in response.headers["set-cookie"]
    assert '<label for="user_login">' in response.text
    assert 'id="login_error"' not in response.text


def test_login_without_test_cookie_is_refused(api: Api):
    http = api.client()
    response = http.post(
        "/wp-login.php", data={"log": "admin", "pwd": "password", "testcookie": "1"}
    )
    assert response.status_code == 200
    assert "Cookies are blocked or not supported by your browser." in response.text


def test_wp_admin_redirects_to_login_and_back(api: Api):
    http = api.client()
    response = http.get("/wp-admin/")
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith(api.site_url + "/wp-login.php?redirect_to=")
    assert "reauth=1" in location
    api._login(http, "admin", "password")
    assert http.get("/wp-admin/").status_code == 200


def test_rest_nonce_logged_out_is_zero_400(api: Api):
    response = api.client().get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"})
    assert (response.status_code, response.text) == (400, "0")
    assert response.headers["cache-control"] == NOCACHE


def test_rest_nonce_is_ten_hex(api: Api):
    _http, nonce = api.as_user("admin")
    assert len(nonce) == 10 and all(c in "0123456789abcdef" for c in nonce)


def test_cookie_without_nonce_is_anonymous(api: Api):
    http, _nonce = api.as_user("admin")
    response, logged_in = _logged_in_view(http)
    assert response.status_code == 200 and not logged_in
    assert "x-wp-nonce" not in response.headers
    assert "expires" not in response.headers
    assert response.headers["vary"] == "Origin"


def test_cookie_with_nonce_is_logged_in_and_gets_fresh_nonce(api: Api):
    http, nonce = api.as_user("admin")
    response, logged_in = _logged_in_view(http, **{"X-WP-Nonce": nonce})
    assert logged_in
    assert response.headers["x-wp-nonce"] == nonce
    assert response.headers["cache-control"] == NOCACHE
    assert "vary" not in response.headers


def test_nonce_as_query_param(api: Api):
    http, nonce = api.as_user("editor1")
    response = http.get("/wp-json/", params={"_wpnonce": nonce})
    assert "wp:active-theme" in response.json()["_links"]


@pytest.mark.parametrize("bad", ["0123456789", "", "0", "zzzzzzzzzz"])
def test_bad_nonce_is_403_with_nocache(api: Api, bad: str):
    http, _nonce = api.as_user("admin")
    response = http.get("/wp-json/", headers={"X-WP-Nonce": bad})
    assert response.status_code == 403
    assert response.json() == {
        "code": "rest_cookie_invalid_nonce",
        "message": "Cookie check failed",
        "data": {"status": 403},
    }
    assert response.headers["cache-control"] == NOCACHE
    assert "x-wp-nonce" not in response.headers


def test_nonce_of_another_user_is_rejected(api: Api):
    admin, _ = api.as_user("admin")
    _sub, sub_nonce = api.as_user("sub1")
    assert admin.get("/wp-json/", headers={"X-WP-Nonce": sub_nonce}).status_code == 403


def test_nonce_without_cookie_is_rejected(api: Api):
    _http, nonce = api.as_user("admin")
    response = api.client().get("/wp-json/", headers={"X-WP-Nonce": nonce})
    assert response.status_code == 403
    assert response.headers["vary"] == "Origin"


def test_forged_cookie_is_anonymous_and_forged_nonce_403(api: Api):
    http, nonce = api.as_user("admin")
    other = api.client()
    for cookie in http.cookies.jar:
        other.cookies.set(cookie.name, (cookie.value or "")[:-4] + "beef", path=cookie.path)
    response, logged_in = _logged_in_view(other)
    assert response.status_code == 200 and not logged_in
    assert other.get("/wp-json/", headers={"X-WP-Nonce": nonce}).status_code == 403


@pytest.mark.parametrize("value", ["garbage", "a|b|c", "a|b|c|d|e", "%ZZ", "admin|1|x|y"])
def test_malformed_cookies_never_fail(api: Api, value: str):
    http = api.client()
    http.cookies.set("wordpress_logged_in_" + "0" * 32, value)
    response = http.get("/wp-json/", headers={"X-WP-Nonce": "0123456789"})
    assert response.status_code == 403


def test_logout_needs_nonce_then_clears_session(api: Api):
    http, nonce = api.as_user("admin")
    confirm = http.get("/wp-login.php", params={"action": "logout"})
    assert confirm.status_code == 403
    assert "Do you really want to" in confirm.text
    link = confirm.text.split('href="', 2)[1].split('"', 1)[0].replace("&amp;", "&")
    old_cookies = [(c.name, c.value or "", c.path) for c in http.cookies.jar]
    done = http.get(link.replace(api.site_url, ""))
    assert done.status_code == 302
    assert "loggedout=true" in done.headers["location"]
    # The old cookie's session is destroyed: a replayed cookie is anonymous now.
    replay = api.client()
    for name, value, path in old_cookies:
        replay.cookies.set(name, value, path=path)
    assert replay.get("/wp-json/", headers={"X-WP-Nonce": nonce}).status_code == 403


def test_remember_me_sets_persistent_cookie(api: Api):
    response = api.login("admin", rememberme="forever")
    logged_in = [c for c in response.headers.get_list("set-cookie") if "logged_in" in c]
    assert logged_in and all("expires=" in c for c in logged_in)
    plain = api.login("admin")
    assert all(
        "expires=" not in c for c in plain.headers.get_list("set-cookie") if "logged_in" in c
    )


def test_nonce_lives_one_to_two_ticks(inprocess: Api):
    clock = inprocess.app.site.clock
    http, nonce = inprocess.as_user("admin")
    clock.advance(hours=12)  # the next tick at most: verify returns 2, still valid
    assert http.get("/wp-json/", headers={"X-WP-Nonce": nonce}).status_code == 200
    clock.advance(hours=12)  # two ticks later: invalid (and the cookie is still valid)
    assert http.get("/wp-json/", headers={"X-WP-Nonce": nonce}).status_code == 403


def test_expired_cookie_logs_out(inprocess: Api):
    clock = inprocess.app.site.clock
    http, _nonce = inprocess.as_user("admin")
    clock.advance(days=2, seconds=1)
    assert http.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"}).text == "0"


def test_session_tokens_are_stored_hashed(inprocess: Api):
    http, _ = inprocess.as_user("admin")
    sessions = inprocess.app.site.users.get_meta(1, "session_tokens")
    assert isinstance(sessions, dict) and len(sessions) == 1
    ((verifier, session),) = sessions.items()
    assert len(verifier) == 64 and session["expiration"] > session["login"]
    cookie = next(
        c.value or "" for c in http.cookies.jar if c.name.startswith("wordpress_logged_in_")
    )
    token = cookie.replace("%7C", "|").split("|")[2]
    assert token not in verifier
