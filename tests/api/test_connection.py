"""The connection endpoints with a WordPress.com simulator, in-process (no sockets).

The site talks to the simulator through ``as_transport``; the simulator calls the site back
(verify_registration, remote_authorize) through the site's own ASGI app. The answers with no
WordPress.com at all are the corpus's (tests/conformance, category ``connection``).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from starlette.testclient import TestClient

from jetpress import app as app_module, php
from jetpress.clock import FrozenClock
from jetpress.config import Config
from jetpress.http.asgi import JetpressASGI
from jetpress.jetpack import jetpack_options
from jetpress.jetpack.services import tokens
from jetpress.jetpack.services.urls import create_nonce
from jetpress.jetpack.wpcom_client import HttpWpcomClient
from jetpress.protocol import signing
from jetpress.protocol.urls import WpcomEndpoints
from jetpress.wp.auth import current_user
from jetpress.wp.rest.request import RestRequest
from jetpress.wpcom.app import as_transport
from jetpress.wpcom.models import WpcomState
from tests.support import SERVER_MODE

SITE = "http://127.0.0.1:8081"
WPCOM = "http://wpcom.test"
V4 = "/wp-json/jetpack/v4"

pytestmark = pytest.mark.skipif(SERVER_MODE, reason="in-process simulator wiring")


class SiteTransport(httpx.BaseTransport):
    """The simulator's call-backs, answered by the site's ASGI app in-process."""

    def __init__(self, asgi: Any) -> None:
        self.client = TestClient(asgi, base_url=SITE, raise_server_exceptions=True)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        answer = self.client.request(
            request.method, str(request.url), headers=request.headers, content=request.read()
        )
        return httpx.Response(answer.status_code, headers=answer.headers, content=answer.content)


@dataclass
class World:
    app: Any
    asgi: Any
    sim: WpcomState
    wpcom: httpx.Client

    def login(self, login: str) -> httpx.Client:
        http = TestClient(self.asgi, base_url=SITE, follow_redirects=False)
        answer = http.post(
            "/wp-login.php",
            data={"log": login, "pwd": "password", "redirect_to": SITE + "/wp-admin/"},
            headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
        )
        assert answer.status_code == 302, answer.text
        nonce = http.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"}).text
        http.headers["X-WP-Nonce"] = nonce
        return http

    def approve(self, authorize_url: str) -> str:
        answer = self.wpcom.post("/_wpcom/approve", json={"authorize_url": authorize_url})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["redirect_to"])

    def connect(self, http: httpx.Client) -> None:
        """The browser flow: connect URL, register step, approve, back to the site."""
        register_step = http.get(http.get(V4 + "/connection/url").json())
        assert register_step.status_code == 302, register_step.text
        back = http.get(self.approve(register_step.headers["location"]))
        assert back.status_code == 302, back.text


@pytest.fixture
def world(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[World]:
    clock = FrozenClock(float(int(time.time())))
    sim = WpcomState(seed=5, clock=clock)
    client = HttpWpcomClient(WpcomEndpoints.for_simulator(WPCOM), transport=as_transport(sim))
    monkeypatch.setattr(app_module, "_wpcom_client", lambda config, app: client)
    app = app_module.build(
        Config(db_url=f"sqlite:///{tmp_path / 'site.db'}", test_control=True, admin_password="x"),
        clock=clock,
    )
    asgi = JetpressASGI(app)
    sim.config.callback_transport = SiteTransport(asgi)
    app.reset("online", SITE)
    with httpx.Client(transport=as_transport(sim), base_url=WPCOM) as wpcom:
        yield World(app, asgi, sim, wpcom)
    app.close()


def test_connecting_registers_links_the_owner_and_activates_default_modules(world: World):
    admin = world.login("admin")
    world.connect(admin)
    assert admin.get(V4 + "/connection").json() | {"offlineMode": None} == {
        "isActive": True,
        "isStaging": False,
        "isRegistered": True,
        "isUserConnected": True,
        "hasConnectedOwner": True,
        "offlineMode": None,
        "isPublic": True,
    }
    [site] = world.sim.sites.values()
    assert site.verified is True  # the verify_registration call-back answered secret_2
    options = world.app.site.options
    assert options.get("jetpack_options")["id"] == site.blog_id
    assert options.get("jetpack_options")["master_user"] == 1
    assert options.get("jetpack_private_options")["blog_token"] == str(site.blog_token)
    active = [m for m, v in admin.get(V4 + "/module/all").json().items() if v["activated"]]
    assert "stats" in active and "protect" in active


def test_connection_data_shows_the_linked_wordpress_com_user(world: World):
    admin = world.login("admin")
    world.connect(admin)
    current = admin.get(V4 + "/connection/data").json()
    assert current["connectionOwner"] == "admin"
    assert (current["currentUser"]["isConnected"], current["currentUser"]["isMaster"]) == (
        True,
        True,
    )
    wpcom_user = current["currentUser"]["wpcomUser"]
    assert (wpcom_user["login"], wpcom_user["email"]) == ("admin", "admin@example.com")
    assert wpcom_user["avatar"].endswith("?s=64&d=mysteryman&r=g")


def test_a_second_user_links_and_unlinks(world: World):
    admin = world.login("admin")
    world.connect(admin)
    editor = world.login("editor1")
    url = editor.get(V4 + "/connection/url").json()
    assert url.startswith(WPCOM + "/jetpack.authorize/1/?")  # registered: straight to authorize
    assert editor.get(world.approve(url)).status_code == 302
    assert editor.get(V4 + "/connection").json()["isUserConnected"] is True
    unlinked = editor.post(V4 + "/connection/user", json={"linked": False})
    assert (unlinked.status_code, unlinked.json()) == (200, {"code": "success"})
    assert editor.get(V4 + "/connection").json()["isUserConnected"] is False
    owner = admin.post(V4 + "/connection/user", json={"linked": False})
    assert (owner.status_code, owner.json()["code"]) == (400, "unlink_user_failed")


def test_disconnect_returns_to_an_unregistered_site(world: World):
    admin = world.login("admin")
    before = admin.get(V4 + "/connection").json()
    world.connect(admin)
    answer = admin.post(V4 + "/connection", json={"isActive": False})
    assert (answer.status_code, answer.json()) == (200, {"code": "success"})
    assert admin.get(V4 + "/connection").json() == before
    [site] = world.sim.sites.values()
    assert site.blog_token is None  # jetpack.deregister reached WordPress.com
    again = admin.post(V4 + "/connection", json={"isActive": False})
    assert again.json()["code"] == "disconnect_failed"


def test_the_calypso_flow_authorizes_through_a_signed_remote_authorize(world: World):
    world.sim.config.calypso_remote_authorize = True
    admin = world.login("admin")
    register_step = admin.get(admin.get(V4 + "/connection/url").json())
    world.approve(register_step.headers["location"])  # the site is linked during approval
    assert admin.get(V4 + "/connection").json()["isActive"] is True
    journal = world.wpcom.get("/_wpcom/journal?direction=out").json()["entries"]
    remote = [e for e in journal if "remote_authorize" in e["path"]]
    assert remote and remote[0]["status"] == 200


def session_nonce(world: World, http: httpx.Client, action: str) -> str:
    cookies = {cookie.name: cookie.value or "" for cookie in http.cookies.jar}
    request = RestRequest(method="GET", route="/", cookies=cookies)
    token = current_user.session_token(world.app.site, request)
    return create_nonce(world.app.site, action, 1, token)


def test_rest_register_answers_the_authorize_url(world: World):
    admin = world.login("admin")
    nonce = session_nonce(world, admin, "jetpack-registration-nonce")
    answer = admin.post(V4 + "/connection/register", json={"registration_nonce": nonce})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert list(body) == ["allowInplaceAuthorization", "alternateAuthorizeUrl", "authorizeUrl"]
    query = parse_qs(urlsplit(body["authorizeUrl"]).query)
    assert body["authorizeUrl"].startswith(WPCOM + "/jetpack.authorize/1/?")
    assert (query["locale"], query["_ut"]) == (["en"], ["anon"])
    assert admin.get(V4 + "/connection").json()["isRegistered"] is True


def test_reconnect_of_a_connected_site_registers_again_and_asks_to_authorize(world: World):
    admin = world.login("admin")
    world.connect(admin)
    answer = admin.post(V4 + "/connection/reconnect", json={})
    assert answer.status_code == 200, answer.text
    assert answer.json()["status"] == "in_progress"
    assert answer.json()["authorizeUrl"].startswith(WPCOM + "/jetpack.authorize/1/?")
    assert admin.get(V4 + "/connection").json()["hasConnectedOwner"] is False


def test_user_token_accepts_only_blog_signed_requests(world: World):
    admin = world.login("admin")
    world.connect(admin)
    site = world.app.site
    jp = world.app.jetpack
    blog = tokens.get_access_token(jp)
    assert blog is not None
    body = php.json_encode({"user_token": "new.secret.1", "is_connection_owner": True}).decode()
    signed = signing.build_signed_request(
        blog.secret,
        user_id=0,
        method="POST",
        url=SITE + V4 + "/user-token?_for=jetpack",
        body=body,
        now=site.clock.now(),
        nonce="n1",
    )
    anonymous = TestClient(world.asgi, base_url=SITE)
    answer = anonymous.post(signed.url, content=body, headers={"Content-Type": "application/json"})
    assert (answer.status_code, answer.json()) == (200, {"success": True})
    assert jetpack_options.get_option(jp, "user_tokens")[1] == "new.secret.1"
    replay = anonymous.post(signed.url, content=body, headers={"Content-Type": "application/json"})
    assert (replay.status_code, replay.json()["code"]) == (400, "rest_invalid_signature")


def test_verify_registration_disappears_once_an_owner_is_connected(world: World):
    admin = world.login("admin")
    world.connect(admin)
    answer = admin.post(V4 + "/verify_registration", data={"secret_1": "x", "state": "1"})
    assert (answer.status_code, answer.json()["code"]) == (404, "rest_no_route")


def test_plans_and_products_come_from_wordpress_com_once_linked(world: World):
    admin = world.login("admin")
    world.connect(admin)
    plans = admin.get(V4 + "/plans")
    assert plans.status_code == 200 and plans.json()
    products = admin.get(V4 + "/products")
    assert products.status_code == 200 and isinstance(products.json(), dict)
