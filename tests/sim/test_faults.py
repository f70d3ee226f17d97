"""Injected faults over the in-process transport (sync and async) and the ASGI app."""

from __future__ import annotations

import json
import time

import httpx
import pytest

from jetpress.clock import FrozenClock
from jetpress.wpcom.app import as_transport, create_wpcom_app
from jetpress.wpcom.faults import PHP_NOTICE
from jetpress.wpcom.models import WpcomState
from tests.sim.conftest import SITE, WPCOM, FakeSite, connect, signed

FORM = {"siteurl": SITE, "secret_1": "a", "secret_2": "b", "state": "1"}


def test_status_and_html_body_once(client: httpx.Client, state: WpcomState) -> None:
    state.config.verify_registration = "off"
    added = client.post(
        "/_wpcom/faults",
        json={
            "match": r"jetpack\.register",
            "status": 503,
            "body": "<html>Service Unavailable</html>",
            "times": 1,
        },
    )
    assert added.status_code == 200
    fault_id = added.json()["faults"][0]["id"]
    first = client.post("/jetpack.register/1/", data=FORM)
    assert (first.status_code, first.text) == (503, "<html>Service Unavailable</html>")
    assert first.headers["content-type"].startswith("text/html")
    second = client.post("/jetpack.register/1/", data=FORM)
    assert second.status_code == 200
    assert client.get("/_wpcom/faults").json() == {"faults": []}
    entries = client.get("/_wpcom/journal").json()["entries"]
    assert [(e["status"], e["fault"]) for e in entries] == [(503, fault_id), (200, None)]


def test_php_notice_in_front_of_real_answer(
    client: httpx.Client, site: FakeSite, state: WpcomState, clock: FrozenClock
) -> None:
    reg, _ = connect(client, site)
    client.post("/_wpcom/faults", json={"match": "/rest/v1.1/sites/", "php_notice": True})
    answer = signed(
        client,
        reg["jetpack_secret"],
        "GET",
        f"/rest/v1.1/sites/{reg['jetpack_id']}",
        now=clock.now(),
    )
    assert answer.status_code == 200
    assert answer.text.startswith(PHP_NOTICE)
    assert json.loads(answer.text[len(PHP_NOTICE) :])["ID"] == reg["jetpack_id"]
    with pytest.raises(json.JSONDecodeError):
        answer.json()


def test_status_without_body_gets_a_json_error_and_method_filter(client: httpx.Client) -> None:
    client.post("/_wpcom/faults", json={"match": "plans", "status": 500, "method": "post"})
    assert client.get("/wpcom/v2/plans").status_code == 200
    client.post("/_wpcom/faults", json={"match": "plans", "status": 500})
    broken = client.get("/wpcom/v2/plans")
    assert (broken.status_code, broken.json()["error"]) == (500, "simulated_fault")


def test_sync_timeout_raises_at_once_and_is_journaled(client: httpx.Client) -> None:
    client.post("/_wpcom/faults", json={"match": "plans", "timeout": True, "times": 1})
    started = time.perf_counter()
    with pytest.raises(httpx.ReadTimeout):
        client.get("/wpcom/v2/plans")
    assert time.perf_counter() - started < 1
    entry = client.get("/_wpcom/journal").json()["entries"][-1]
    assert (entry["status"], entry["error"], entry["fault"]) == (None, "timeout", 1)


def test_latency_longer_than_the_client_timeout_is_a_timeout(state: WpcomState) -> None:
    with httpx.Client(transport=as_transport(state), base_url=WPCOM, timeout=0.5) as c:
        c.post("/_wpcom/faults", json={"match": "plans", "latency_ms": 5000})
        started = time.perf_counter()
        with pytest.raises(httpx.ReadTimeout):
            c.get("/wpcom/v2/plans")
        assert time.perf_counter() - started < 1
        c.delete("/_wpcom/faults")
        c.post("/_wpcom/faults", json={"match": "plans", "latency_ms": 50})
        started = time.perf_counter()
        assert c.get("/wpcom/v2/plans").status_code == 200
        assert time.perf_counter() - started >= 0.05


def test_bad_faults_are_refused(client: httpx.Client) -> None:
    for bad in (
        {"match": "("},
        {"match": "x", "status": 99},
        {"match": "x", "times": 0},
        {"match": "x", "nope": 1},
        {"match": "x", "latency_ms": "slow"},
        [1],
    ):
        answer = client.post("/_wpcom/faults", json=bad)
        assert (answer.status_code, answer.json()["error"]) == (400, "bad_request"), bad
    assert client.get("/_wpcom/faults").json() == {"faults": []}


@pytest.mark.anyio
async def test_async_transport_latency_and_timeout(state: WpcomState) -> None:
    async with httpx.AsyncClient(transport=as_transport(state), base_url=WPCOM, timeout=2) as c:
        await c.post(
            "/_wpcom/faults",
            json=[
                {"match": "products", "latency_ms": 60, "times": 1},
                {"match": "plans", "timeout": True},
            ],
        )
        started = time.perf_counter()
        assert (await c.get("/wpcom/v2/products")).status_code == 200
        assert time.perf_counter() - started >= 0.06
        with pytest.raises(httpx.ReadTimeout):
            await c.get("/wpcom/v2/plans")


@pytest.mark.anyio
async def test_asgi_timeout_fault_answers_504_after_the_wait(clock: FrozenClock) -> None:
    sim = WpcomState(seed=1, clock=clock)
    sim.config.fault_timeout_seconds = 0.05
    app = create_wpcom_app(sim)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=WPCOM) as c:
        await c.post("/_wpcom/faults", json={"match": "plans", "timeout": True})
        answer = await c.get("/wpcom/v2/plans")
        assert answer.status_code == 504
        assert "Gateway Time-out" in answer.text
        journal = (await c.get("/_wpcom/journal")).json()["entries"]
        assert [(e["path"], e["status"]) for e in journal] == [("/wpcom/v2/plans", 504)]
