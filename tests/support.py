"""Test access to a jetpress site: in-process (default) or a live server.

``Api`` hands out httpx clients that log in exactly as the corpus runner does (POST
/wp-login.php with the test cookie, then admin-ajax's rest-nonce).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
from starlette.testclient import TestClient

SERVER_MODE = os.environ.get("JETPRESS_TEST_TARGET") == "server"
OFFLINE_HOST = "localhost:8081"
ONLINE_HOST = "127.0.0.1:8081"


@dataclass
class Api:
    """Clients for one site; ``reset(mode)`` restores the conformance fixture."""

    make_client: Callable[[str], httpx.Client]
    reset_hook: Callable[[str, str], None]
    host: str = OFFLINE_HOST
    app: Any = None  # the in-process App, None against a live server
    _clients: list[httpx.Client] = field(default_factory=list)

    def reset(self, mode: str = "offline") -> None:
        self.host = OFFLINE_HOST if mode == "offline" else ONLINE_HOST
        self.reset_hook(mode, "http://" + self.host)

    @property
    def site_url(self) -> str:
        return "http://" + self.host

    def client(self) -> httpx.Client:
        http = self.make_client(self.host)
        self._clients.append(http)
        return http

    def login(self, user: str, password: str = "password", **extra: str) -> httpx.Response:
        http = self.client()
        return self._login(http, user, password, **extra)

    def _login(self, http: httpx.Client, user: str, password: str, **extra: str) -> httpx.Response:
        return http.post(
            "/wp-login.php",
            data={
                "log": user,
                "pwd": password,
                "wp-submit": "Log In",
                "redirect_to": self.site_url + "/wp-admin/",
                "testcookie": "1",
                **extra,
            },
            headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
        )

    def as_user(self, user: str, password: str = "password") -> tuple[httpx.Client, str]:
        """A logged-in client and its wp_rest nonce."""
        http = self.client()
        response = self._login(http, user, password)
        assert response.status_code == 302, response.text[:300]
        nonce = http.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"})
        assert nonce.status_code == 200, nonce.text
        return http, nonce.text

    def close(self) -> None:
        for http in self._clients:
            http.close()


def inprocess_client(asgi: Any) -> Callable[[str], httpx.Client]:
    def make(host: str) -> httpx.Client:
        return TestClient(
            asgi, base_url="http://" + host, follow_redirects=False, raise_server_exceptions=True
        )

    return make


def server_client(base: str) -> Callable[[str], httpx.Client]:
    def make(host: str) -> httpx.Client:
        return httpx.Client(
            base_url=base, headers={"Host": host}, follow_redirects=False, timeout=30
        )

    return make
