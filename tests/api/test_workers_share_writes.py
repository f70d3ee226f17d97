"""Several workers on one database see each other's writes at once (issue 6 item 2).

Each worker is a separate App (its own store connection and caches), as each uvicorn worker
process is; requests go through the full ASGI app. No timing is measured.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from jetpress.app import App, build
from jetpress.config import Config
from jetpress.http.asgi import JetpressASGI
from tests.support import SERVER_MODE
from tests.unit.store.conftest import drop_tables

pytestmark = pytest.mark.skipif(SERVER_MODE, reason="builds its own workers in-process")

ENGINES = {
    "sqlite": None,
    "mysql": os.environ.get("JETPRESS_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/jetpress_test"),
    "postgres": os.environ.get(
        "JETPRESS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/jetpress_test"
    ),
}


def _login(client: TestClient) -> dict[str, str]:
    client.post(
        "/wp-login.php",
        data={"log": "admin", "pwd": "password", "testcookie": "1"},
        headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
    )
    nonce = client.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"}).text
    return {"X-WP-Nonce": nonce}


@pytest.fixture(params=list(ENGINES), ids=list(ENGINES))
def workers(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[App, App]]:
    url = ENGINES[request.param] or f"sqlite:///{tmp_path / 'shared.db'}"
    prefix = "w" + uuid.uuid4().hex[:8] + "_"
    config = Config(db_url=url, prefix=prefix, test_control=True, admin_password="password")
    try:
        first = build(config)
    except Exception as err:  # a server engine that is not running here
        if os.environ.get("JETPRESS_REQUIRE_DBS") == "1":
            raise
        pytest.skip(f"{request.param} unavailable: {err}")
    first.reset("offline", "http://localhost:8081")
    second = build(config)
    yield first, second
    for app in (first, second):
        app.close()
    if ENGINES[request.param] is not None:
        drop_tables(url, prefix)


def test_a_setting_written_in_one_worker_is_read_in_the_other(workers):
    first, second = workers
    one = TestClient(JetpressASGI(first), base_url="http://localhost:8081")
    two = TestClient(JetpressASGI(second), base_url="http://localhost:8081")
    nonce_one, nonce_two = _login(one), _login(two)
    settings = "/wp-json/jetpack/v4/settings"
    # The first GET /settings writes defaults (as 10.7 does); the second one only reads, so
    # worker two's caches are warm and valid when worker one writes.
    two.get(settings, headers=nonce_two)
    assert two.get(settings, headers=nonce_two).json()["carousel_background_color"] == "black"
    written = one.post(settings, json={"carousel_background_color": "white"}, headers=nonce_one)
    assert written.status_code == 200, written.text
    # The very next request, served by the other worker (whose caches were warm), sees it.
    assert two.get(settings, headers=nonce_two).json()["carousel_background_color"] == "white"


def test_a_module_activated_in_one_worker_is_active_in_the_other(workers):
    first, second = workers
    one = TestClient(JetpressASGI(first), base_url="http://localhost:8081")
    two = TestClient(JetpressASGI(second), base_url="http://localhost:8081")
    nonce_one, nonce_two = _login(one), _login(two)
    listing = "/wp-json/jetpack/v4/module/all"
    two.get("/wp-json/jetpack/v4/settings", headers=nonce_two)  # its first GET writes defaults
    assert two.get(listing, headers=nonce_two).json()["carousel"]["activated"] is False
    toggle = "/wp-json/jetpack/v4/module/carousel/active"
    assert one.post(toggle, json={"active": True}, headers=nonce_one).status_code == 200
    assert two.get(listing, headers=nonce_two).json()["carousel"]["activated"] is True


def test_a_login_in_one_worker_is_valid_in_the_other(workers):
    first, second = workers
    one = TestClient(JetpressASGI(first), base_url="http://localhost:8081")
    nonce = _login(one)
    two = TestClient(JetpressASGI(second), base_url="http://localhost:8081")
    for cookie in one.cookies.jar:
        two.cookies.set(cookie.name, cookie.value or "", path=cookie.path)
    index = two.get("/wp-json/", headers=nonce).json()
    assert "wp:active-theme" in index["_links"]  # logged in on the second worker
