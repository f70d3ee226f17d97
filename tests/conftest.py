"""Shared fixtures: ``api`` is a fresh conformance-fixture site, in-process or live."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support import SERVER_MODE, Api, inprocess_client, server_client


@pytest.fixture(scope="session")
def live_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str | None]:
    if not SERVER_MODE:
        yield None
        return
    from tests.conformance.harness import live_server

    with live_server(tmp_path_factory.mktemp("live")) as base:
        yield base


@pytest.fixture
def api(tmp_path: Path, live_base: str | None) -> Iterator[Api]:
    if live_base is not None:

        def reset_live(mode: str, site_url: str) -> None:
            r = httpx.post(
                live_base + "/_jetpress/reset",
                json={"mode": mode, "site_url": site_url},
                timeout=30,
            )
            assert r.status_code == 200, r.text

        instance = Api(server_client(live_base), reset_live)
    else:
        from jetpress.app import build
        from jetpress.clock import FrozenClock
        from jetpress.config import Config
        from jetpress.http.asgi import JetpressASGI

        app = build(
            Config(
                db_url=f"sqlite:///{tmp_path / 'site.db'}",
                test_control=True,
                admin_password="password",
            ),
            clock=FrozenClock(float(int(time.time()))),
        )
        instance = Api(inprocess_client(JetpressASGI(app)), app.reset, app=app)
    instance.reset("offline")
    yield instance
    instance.close()
    if instance.app is not None:
        instance.app.close()


@pytest.fixture
def inprocess(api: Api) -> Api:
    """Tests that need the in-process app (an injected clock, direct storage access)."""
    if api.app is None:
        pytest.skip("needs the in-process app (clock or storage access)")
    return api
