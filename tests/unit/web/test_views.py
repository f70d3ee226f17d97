"""The Jetpack admin page over HTTP: login redirect, capability, Initial_State, static files."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from jetpress.web import views
from tests.support import Api

PAGE = "/wp-admin/admin.php?page=jetpack"
STATE = re.compile(r'var Initial_State=JSON\.parse\(decodeURIComponent\("([^"]*)"\)\);')
SEED_DOC = Path(__file__).resolve().parents[4] / "shared" / "spec" / "seed-docs"


def initial_state(html: str) -> dict[str, str]:
    found = STATE.search(html)
    assert found, "no Initial_State script"
    return json.loads(unquote(found.group(1)))


def test_logged_out_goes_to_login_and_comes_back(api: Api):
    http = api.client()
    response = http.get(PAGE)
    assert response.status_code == 302
    location = response.headers["location"]
    assert location.startswith(api.site_url + "/wp-login.php?redirect_to=")
    query = parse_qs(urlsplit(location).query)
    assert query == {"redirect_to": [api.site_url + PAGE], "reauth": ["1"]}
    login = api.login("admin", redirect_to=query["redirect_to"][0])
    assert login.status_code == 302
    assert login.headers["location"] == api.site_url + PAGE


def test_admin_gets_the_page(api: Api):
    http, nonce = api.as_user("admin")
    response = http.get(PAGE)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=UTF-8"
    assert response.headers["cache-control"] == "no-cache, must-revalidate, max-age=0"
    assert response.headers["x-frame-options"] == "SAMEORIGIN"
    html = response.text
    state = initial_state(html)
    assert state["WP_API_root"] == api.site_url + "/wp-json/"
    assert re.fullmatch(r"[0-9a-f]{10}", state["WP_API_nonce"])
    assert state["WP_API_nonce"] == nonce  # the same user, session and tick: wp_create_nonce
    # jQuery as wp-admin loads it, before the page's scripts
    core = html.index('src="' + api.site_url + "/wp-includes/js/jquery/jquery.min.js?ver=3.6.1")
    migrate = html.index("/wp-includes/js/jquery/jquery-migrate.min.js?ver=3.3.2")
    assert core < migrate < html.index("var Initial_State") < html.index('type="module"')
    assert "var ajaxurl = '/wp-admin/admin-ajax.php';" in html
    assert "<title>Jetpack &lsaquo; Jetpack Demo &#8212; WordPress</title>" in html


def test_the_page_nonce_authorises_rest_requests(api: Api):
    http, _nonce = api.as_user("admin")
    state = initial_state(http.get(PAGE).text)
    good = http.get("/wp-json/jetpack/v4/settings", headers={"X-WP-Nonce": state["WP_API_nonce"]})
    assert good.status_code == 200, good.text
    assert "carousel_background_color" in good.json()
    bad = http.get("/wp-json/jetpack/v4/settings", headers={"X-WP-Nonce": "0123456789"})
    assert bad.json()["code"] == "rest_cookie_invalid_nonce"


@pytest.mark.parametrize("user", ["editor1", "sub1"])
def test_users_without_the_capability_get_wp_die(api: Api, user: str):
    # offline mode: jetpack_admin_page maps to manage_options (and so does the fallback)
    http, _nonce = api.as_user(user)
    response = http.get(PAGE)
    assert response.status_code == 403
    assert response.headers["content-type"] == "text/html; charset=UTF-8"
    assert '<div class="wp-die-message">Sorry, you are not allowed to access this page.</div>' in (
        response.text
    )
    assert "Initial_State" not in response.text


def test_other_admin_pages_are_not_allowed(api: Api):
    http, _nonce = api.as_user("admin")
    for query in ("?page=nosuch", "", "?page=jetpack-foo"):
        assert http.get("/wp-admin/admin.php" + query).status_code == 403


def test_page_escapes_the_blog_name(api: Api):
    if api.app is None:
        pytest.skip("needs storage access")
    api.app.site.options.update("blogname", "<b>Tom & Jerry's</b>")
    http, _nonce = api.as_user("admin")
    html = http.get(PAGE).text
    assert "<b>Tom" not in html
    assert "&lt;b&gt;Tom &amp; Jerry&#039;s&lt;/b&gt;" in html


def test_static_files_with_etag_revalidation(api: Api):
    http = api.client()
    js = http.get("/wp-content/plugins/jetpack/_inc/jetpress/admin.js")
    assert js.status_code == 200
    assert js.headers["content-type"] == "text/javascript; charset=UTF-8"
    assert js.headers["x-content-type-options"] == "nosniff"
    again = http.get(
        "/wp-content/plugins/jetpack/_inc/jetpress/admin.js",
        headers={"If-None-Match": js.headers["etag"]},
    )
    assert again.status_code == 304
    assert again.content == b""
    jquery = http.get("/wp-includes/js/jquery/jquery.min.js")
    assert jquery.content.startswith(b"/*! jQuery v3.6.1 | (c) OpenJS Foundation")
    assert http.get("/wp-includes/js/jquery/nosuch.js").status_code == 404
    assert http.get("/wp-content/plugins/jetpack/_inc/jetpress/../views.py").status_code == 404
    assert http.post("/wp-content/plugins/jetpack/_inc/jetpress/admin.css").status_code == 404


def test_favicon_redirects_like_do_favicon(api: Api):
    http = api.client()
    response = http.get("/favicon.ico")
    assert response.status_code == 302
    target = api.site_url + "/wp-includes/images/w-logo-blue-white-bg.png"
    assert response.headers["location"] == target
    image = http.get(urlsplit(target).path)
    assert image.headers["content-type"] == "image/png"
    assert image.content.startswith(b"\x89PNG")


def test_initial_state_script_is_rawurlencoded_json():
    script = views.initial_state_script({"a": "</script><x y='1'>", "b": "é/"})
    assert "<" not in script and "'" not in script
    assert initial_state(script) == {"a": "</script><x y='1'>", "b": "é/"}


def test_the_e2e_examples_are_the_documentation_verbatim():
    docs = sorted(SEED_DOC.glob("*.txt")) if SEED_DOC.exists() else []
    if not docs:
        pytest.skip("shared/spec/seed-docs is not beside the repository")
    blocks = re.findall(r"```javascript\n(.*?)```", docs[0].read_text("utf-8"), re.S)
    examples = Path(__file__).resolve().parents[2] / "e2e" / "seed_examples"
    names = ["jquery_get", "jquery_post", "fetch_get", "fetch_post"]
    assert [(examples / f"{n}.js").read_text("utf-8") for n in names] == blocks


def test_online_the_page_needs_only_read(api: Api):
    # jetpack_custom_caps: jetpack_admin_page is 'read' unless in offline mode
    api.reset("online")
    http, _nonce = api.as_user("sub1")
    response = http.get(PAGE)
    assert response.status_code == 200
    assert initial_state(response.text)["WP_API_root"] == api.site_url + "/wp-json/"
