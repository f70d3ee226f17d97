"""Fixtures for the corpus: one jetpress per session, reset before each case."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conformance import harness, replay


@pytest.fixture(scope="session")
def corpus_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    tmp: Path = tmp_path_factory.mktemp("corpus")
    if os.environ.get("JETPRESS_TEST_TARGET") == "server":
        with harness.live_server(tmp) as base:
            args = harness.runner_args(reset_url=base + "/_jetpress/reset")
            target = replay.Target(base, "password", 30.0)

            def reset_live(case: dict[str, Any]) -> None:
                replay.do_reset(args, case, replay.host_for(args, case))

            yield target, reset_live, harness.runner_args()
            target.close()
        return
    from jetpress.app import build
    from jetpress.config import Config
    from jetpress.http.asgi import JetpressASGI

    app = build(
        Config(
            db_url=f"sqlite:///{tmp / 'corpus.db'}", test_control=True, admin_password="password"
        )
    )
    target = harness.InProcessTarget(JetpressASGI(app))

    def reset_inprocess(case: dict[str, Any]) -> None:
        args = harness.runner_args()
        host = replay.host_for(args, case)
        app.reset(case["mode"], "http://" + host if host else case["site_url"])

    yield target, reset_inprocess, harness.runner_args()
    app.close()
