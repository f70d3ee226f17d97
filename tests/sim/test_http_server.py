"""The ASGI app over real HTTP (uvicorn on a free port): the connect flow, signatures, a timeout."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlsplit

import httpx
import pytest
import uvicorn

from jetpress.clock import FrozenClock
from jetpress.protocol import signing
from jetpress.wpcom.app import create_wpcom_app
from jetpress.wpcom.models import WpcomState
from tests.sim.conftest import REDIRECT_URI, SITE, FakeSite, authorize_query


@pytest.fixture
def server(clock: FrozenClock, site: FakeSite) -> Iterator[tuple[str, WpcomState]]:
    state = WpcomState(seed=5, clock=clock)
    state.config.callback_transport = httpx.MockTransport(site.handler)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_wpcom_app(state),
        host="127.0.0.1",
        port=port,
        log_level="warning",
        date_header=False,
        timeout_graceful_shutdown=1,
    )
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not uv.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}", state
    uv.should_exit = True
    thread.join(5)


def test_connect_over_http(
    server: tuple[str, WpcomState], site: FakeSite, clock: FrozenClock
) -> None:
    root, _ = server
    with httpx.Client(base_url=root, timeout=5) as http:
        site.secrets.update(secret_1="x" * 32, secret_2="y" * 32)
        reg = http.post(
            "/jetpack.register/1/",
            data={
                "siteurl": SITE,
                "home": SITE,
                "state": "1",
                **site.secrets,
            },
        ).json()
        page = http.get(
            f"/jetpack.authorize/1/?{authorize_query(reg['jetpack_id'], reg['jetpack_secret'])}"
        )
        assert '<button type="submit" name="action" value="approve">Approve</button>' in page.text
        fields = dict(
            parse_qsl(
                authorize_query(reg["jetpack_id"], reg["jetpack_secret"]), keep_blank_values=True
            )
        )
        approved = http.post("/jetpack.authorize/1/", data={**fields, "action": "approve"})
        assert approved.status_code == 302
        code = dict(parse_qsl(urlsplit(approved.headers["location"]).query))["code"]
        token = http.post(
            "/jetpack.token/1/",
            data={
                "client_id": str(reg["jetpack_id"]),
                "client_secret": reg["jetpack_secret"],
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": REDIRECT_URI,
            },
        )
        assert token.json()["token_type"] == "X_JETPACK"
        signed = signing.build_signed_request(
            reg["jetpack_secret"],
            user_id=0,
            method="GET",
            url=f"{root}/rest/v1.1/sites/{reg['jetpack_id']}",
            body=None,
            now=clock.now(),
            nonce="real1",
        )
        data = http.get(signed.url, headers=signed.headers)
        assert data.status_code == 200, data.text
        assert data.json()["ID"] == reg["jetpack_id"]
        assert data.headers["date"] == "Tue, 14 Nov 2023 22:13:20 GMT"
        assert len(data.headers.get_list("date")) == 1


def test_timeout_fault_over_http(server: tuple[str, WpcomState]) -> None:
    root, state = server
    state.config.fault_timeout_seconds = 0.6
    with httpx.Client(base_url=root, timeout=0.2) as http:
        http.post("/_wpcom/faults", json={"match": "plans", "timeout": True, "times": 1})
        with pytest.raises(httpx.ReadTimeout):
            http.get("/wpcom/v2/plans")
        assert http.get("/wpcom/v2/products").status_code == 200  # the loop is not blocked
