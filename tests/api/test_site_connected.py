"""End to end over real HTTP: a site connected to ``jetpress wpcom serve`` answers /site, the
module data endpoints and /site/features with the simulator's data, and degrades to Jetpack's
errors when WordPress.com misbehaves."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.api.test_connect_flow import TIMEOUT, Servers, simulator
from tests.conformance.harness import free_port, live_server

V4 = "/wp-json/jetpack/v4"


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Servers]:
    tmp = tmp_path_factory.mktemp("site-connected")
    with (
        simulator(tmp, free_port()) as wpcom,
        live_server(tmp, "--wpcom", wpcom, "--wpcom-timeout", str(TIMEOUT)) as site,
    ):
        yield Servers(site, wpcom)


@pytest.fixture
def admin(servers: Servers) -> Iterator[httpx.Client]:
    """The administrator of a freshly connected site (the connect flow, approved by script)."""
    servers.reset()
    admin = servers.login("admin")
    register_step = admin.get(admin.get(V4 + "/connection/url").json())
    assert register_step.status_code == 302, register_step.text
    back = admin.get(servers.approve(register_step.headers["location"]))
    assert back.status_code == 302
    assert admin.get(V4 + "/connection").json()["isActive"] is True
    yield admin
    admin.close()


def _blog_id(servers: Servers) -> int:
    sites = httpx.get(servers.wpcom + "/_wpcom/state").json()["sites"]
    return int(sites[0]["blog_id"])


def test_site_and_module_data_come_from_the_simulator(servers: Servers, admin: httpx.Client):
    site = admin.get(V4 + "/site").json()
    assert site["message"] == "Site data correctly received."
    relayed = json.loads(site["data"])
    assert relayed["ID"] == _blog_id(servers)
    assert relayed["URL"] == servers.site
    features = admin.get(V4 + "/site/features").json()
    assert "active" in json.loads(features["data"])
    stats = admin.get(V4 + "/module/stats/data", params={"range": "week"}).json()
    assert stats["week"]["unit"] == "week"
    monitor = admin.post(V4 + "/module/monitor/active", json={"active": True})
    assert monitor.status_code == 200, monitor.text
    downtime = admin.get(V4 + "/module/monitor/data").json()
    assert downtime["code"] == "success"
    assert downtime["date"].split(" ")[1] in ("day", "days", "week", "weeks", "month", "months")


def test_wordpress_com_down_is_site_data_fetch_failed(servers: Servers, admin: httpx.Client):
    servers.fault(match="/rest/v1.1/sites/", status=503, body="<html>down</html>")
    answer = admin.get(V4 + "/site")
    assert answer.status_code == 400
    assert answer.json()["data"] == {"status": 400, "api_error_code": None, "api_http_code": 503}
    assert admin.get(V4 + "/site/purchases").json()["code"] == "failed_to_fetch_data"


def _hang_for(servers: Servers, seconds: float) -> None:
    config = {"config": {"fault_timeout_seconds": seconds}}
    assert httpx.post(servers.wpcom + "/_wpcom/seed", json=config).status_code == 200


def test_a_hanging_wordpress_com_answers_in_time(servers: Servers, admin: httpx.Client):
    _hang_for(servers, TIMEOUT + 1)  # the simulator's hang ends before the servers stop
    try:
        servers.fault(match="/rest/v1.1/sites/", timeout=True, times=1)
        answer = admin.get(V4 + "/site", timeout=TIMEOUT * 5)
        assert answer.status_code == 400
        assert answer.json()["data"]["api_error_code"] == "http_request_failed"
    finally:
        _hang_for(servers, 30)
