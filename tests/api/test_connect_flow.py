"""End to end over real HTTP: ``jetpress wpcom serve`` and ``jetpress serve --wpcom URL`` as
two processes. A person's connect flow (the approval by the simulator's script path), then
WordPress.com misbehaving: down, slow, garbage - never a hang, never a 500 without a code."""

from __future__ import annotations

import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conformance.harness import free_port, live_server, subprocess_server

V4 = "/wp-json/jetpack/v4"
TIMEOUT = 2.0  # the site's --wpcom-timeout: every outbound request gives up after this


@contextmanager
def simulator(tmp: Path, port: int) -> Iterator[str]:
    """``jetpress wpcom serve`` in a subprocess; yields its root URL."""
    base = f"http://127.0.0.1:{port}"
    cmd = [sys.executable, "-m", "jetpress", "wpcom", "serve", "--port", str(port)]
    with subprocess_server(cmd, base + "/_wpcom/state", tmp / "wpcom.log"):
        yield base


@dataclass
class Servers:
    site: str
    wpcom: str
    clients: list[httpx.Client] = field(default_factory=list)

    def close(self) -> None:
        for http in self.clients:
            http.close()
        self.clients.clear()

    def reset(self) -> None:
        assert httpx.post(self.wpcom + "/_wpcom/reset", json={}).status_code == 200
        # a hanging WordPress.com answers 504 after this; the site gave up long before
        config = {"config": {"fault_timeout_seconds": TIMEOUT + 1}}
        assert httpx.post(self.wpcom + "/_wpcom/seed", json=config).status_code == 200
        answer = httpx.post(
            self.site + "/_jetpress/reset", json={"mode": "online", "site_url": self.site}
        )
        assert answer.status_code == 200, answer.text

    def fault(self, **fault: Any) -> None:
        assert httpx.post(self.wpcom + "/_wpcom/faults", json=fault).status_code == 200

    def login(self, login: str) -> httpx.Client:
        http = httpx.Client(base_url=self.site, follow_redirects=False, timeout=30)
        self.clients.append(http)
        answer = http.post(
            "/wp-login.php",
            data={"log": login, "pwd": "password", "redirect_to": self.site + "/wp-admin/"},
            headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
        )
        assert answer.status_code == 302, answer.text
        nonce = http.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"}).text
        http.headers["X-WP-Nonce"] = nonce
        return http

    def approve(self, authorize_url: str) -> str:
        answer = httpx.post(self.wpcom + "/_wpcom/approve", json={"authorize_url": authorize_url})
        assert answer.status_code == 200, answer.text
        return str(answer.json()["redirect_to"])


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    tmp = tmp_path_factory.mktemp("connect")
    with (
        simulator(tmp, free_port()) as wpcom,
        live_server(tmp, "--wpcom", wpcom, "--wpcom-timeout", str(TIMEOUT)) as site,
    ):
        yield Servers(site, wpcom)


@pytest.fixture
def world(servers: Servers) -> Iterator[Servers]:
    servers.reset()
    yield servers
    servers.close()


def test_an_administrator_connects_links_a_user_and_disconnects(world: Servers):
    admin = world.login("admin")
    before = admin.get(V4 + "/connection").json()
    assert before["isActive"] is False
    connect_url = admin.get(V4 + "/connection/url").json()
    assert connect_url.startswith(world.site + "/wp-admin/admin.php?page=jetpack&action=register")
    register_step = admin.get(connect_url)  # registers (with the secrets call-back)
    assert register_step.status_code == 302, register_step.text
    authorize_url = register_step.headers["location"]
    assert authorize_url.startswith(world.wpcom + "/jetpack.authorize/1/?response_type=code")
    back = admin.get(world.approve(authorize_url))  # the browser comes back with the code
    assert (back.status_code, back.headers["location"]) == (
        302,
        world.site + "/wp-admin/admin.php?page=jetpack",
    )
    status = admin.get(V4 + "/connection").json()
    assert (status["isActive"], status["isRegistered"], status["isUserConnected"]) == (
        True,
        True,
        True,
    )
    data = admin.get(V4 + "/connection/data").json()
    assert data["connectionOwner"] == "admin"
    assert data["currentUser"]["wpcomUser"]["email"] == "admin@example.com"

    editor = world.login("editor1")
    assert editor.get(world.approve(editor.get(V4 + "/connection/url").json())).status_code == 302
    assert editor.get(V4 + "/connection").json()["isUserConnected"] is True
    unlink = editor.post(V4 + "/connection/user", json={"linked": False})
    assert (unlink.status_code, unlink.json()) == (200, {"code": "success"})
    assert editor.get(V4 + "/connection").json()["isUserConnected"] is False

    disconnect = admin.post(V4 + "/connection", json={"isActive": False})
    assert (disconnect.status_code, disconnect.json()) == (200, {"code": "success"})
    assert admin.get(V4 + "/connection").json() == before
    journal = httpx.get(world.wpcom + "/_wpcom/journal").json()["entries"]
    calls = [(e["direction"], e["path"]) for e in journal]
    assert ("out", "/wp-json/jetpack/v4/verify_registration") in calls
    assert calls[-1] == ("in", "/xmlrpc.php")  # jetpack.deregister


def reconnect(world: Servers) -> tuple[httpx.Response, float]:
    """POST /connection/reconnect on an unregistered site: a registration attempt."""
    admin = world.login("admin")
    start = time.monotonic()
    answer = admin.post(V4 + "/connection/reconnect", json={})
    return answer, time.monotonic() - start


@pytest.mark.parametrize(
    ("fault", "code"),
    [
        pytest.param(
            {"status": 503, "body": "<html><body>Service Unavailable</body></html>"},
            "wpcom_5??",
            id="html-503",
        ),
        pytest.param(
            {"status": 200, "body": "not json", "content_type": "text/plain"},
            "jetpack_id",
            id="garbage",
        ),
        pytest.param({"php_notice": True}, "jetpack_id", id="php-notice"),
        pytest.param({"timeout": True}, "register_http_request_failed", id="hang"),
        pytest.param({"latency_ms": 4000}, "register_http_request_failed", id="slow"),
    ],
)
def test_registration_faults_are_wordpress_errors_in_time(world: Servers, fault, code):
    world.fault(match=r"jetpack\.register", times=1, **fault)
    answer, elapsed = reconnect(world)
    assert elapsed < TIMEOUT + 3
    assert answer.status_code == 500
    assert answer.json()["code"] == code
    if code == "register_http_request_failed":
        assert answer.json()["message"].startswith("cURL error 28: Operation timed out")
    admin = world.login("admin")
    assert admin.get(V4 + "/connection").json()["isRegistered"] is False


def test_a_slow_wordpress_com_degrades_connection_data_without_hanging(world: Servers):
    admin = world.login("admin")
    register_step = admin.get(admin.get(V4 + "/connection/url").json())
    admin.get(world.approve(register_step.headers["location"]))
    world.fault(match="xmlrpc", timeout=True)
    start = time.monotonic()
    data = admin.get(V4 + "/connection/data")
    assert time.monotonic() - start < TIMEOUT + 3
    assert data.status_code == 200
    assert data.json()["currentUser"]["wpcomUser"] == {"avatar": False}
    world.fault(match="plans", status=200, body="<?php notice", content_type="text/html")
    plans = admin.get(V4 + "/plans")
    assert (plans.status_code, plans.content) == (200, b"")  # json_decode gave null
    httpx.delete(world.wpcom + "/_wpcom/faults")


def test_wordpress_com_down_is_register_http_request_failed(
    tmp_path: Path, request: pytest.FixtureRequest
):
    closed = free_port()  # nothing listens there
    with live_server(tmp_path, "--wpcom", f"http://127.0.0.1:{closed}") as site:
        servers = Servers(site, "")
        request.addfinalizer(servers.close)
        answer = httpx.post(site + "/_jetpress/reset", json={"mode": "online", "site_url": site})
        assert answer.status_code == 200
        admin = servers.login("admin")
        start = time.monotonic()
        reconnected = admin.post(V4 + "/connection/reconnect", json={})
        assert time.monotonic() - start < 10
        assert (reconnected.status_code, reconnected.json()) == (
            500,
            {
                "code": "register_http_request_failed",
                "message": f"cURL error 7: Failed to connect to 127.0.0.1 port {closed}: "
                "Connection refused",
                "data": None,
            },
        )
        products = admin.get(V4 + "/products")
        assert products.json()["code"] == "failed_to_fetch_data"
