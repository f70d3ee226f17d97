"""Concurrent module activations from several worker processes lose no activation.

Each process builds its own jetpress on one SQLite file (as ``jetpress serve --workers``),
logs in and activates its own modules over HTTP at the same moment. Jetpack 10.7's
read-modify-write of ``jetpack_active_modules`` could lose some; jetpress holds the store's
cross-process lock around it (docs/fidelity.md#atomic-module-toggles).
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from tests.support import SERVER_MODE

# Modules that activate in offline mode (no connection required), four per worker.
GROUPS = (
    ("custom-css", "shortcodes", "widgets", "sharedaddy"),
    ("gravatar-hovercards", "latex", "sitemaps", "contact-form"),
    ("copy-post", "widget-visibility", "carousel", "lazy-images"),
    ("tiled-gallery", "infinite-scroll", "photon-cdn", "markdown"),
)


def _app(db: str) -> Any:
    from jetpress.app import build
    from jetpress.config import Config

    return build(Config(db_url=f"sqlite:///{db}", test_control=True, admin_password="password"))


def _worker(db: str, slugs: tuple[str, ...], start: Any, results: Any) -> None:
    import warnings

    warnings.simplefilter("ignore")  # starlette's TestClient deprecation notice
    from jetpress.http.asgi import JetpressASGI
    from tests.support import Api, inprocess_client

    app = _app(db)
    api = Api(inprocess_client(JetpressASGI(app)), lambda mode, url: None)
    http, nonce = api.as_user("admin")
    start.wait(timeout=60)
    statuses = [
        http.post(
            f"/wp-json/jetpack/v4/module/{slug}/active",
            json={"active": True},
            headers={"X-WP-Nonce": nonce},
        ).status_code
        for slug in slugs
    ]
    results.put(statuses)
    api.close()
    app.close()


@pytest.mark.skipif(SERVER_MODE, reason="builds its own sites from one SQLite file")
def test_concurrent_activations_from_four_processes_lose_none(tmp_path: Path):
    db = str(tmp_path / "shared.db")
    app = _app(db)
    app.reset("offline", "http://localhost:8081")
    app.close()
    context = multiprocessing.get_context("spawn")
    start = context.Event()
    results = context.Queue()
    workers = [
        context.Process(target=_worker, args=(db, group, start, results)) for group in GROUPS
    ]
    for worker in workers:
        worker.start()
    start.set()
    statuses = [results.get(timeout=120) for _ in workers]
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    assert all(status == 200 for batch in statuses for status in batch), statuses
    check = _app(db)
    try:
        active = check.site.options.get("jetpack_active_modules")
        assert sorted(active) == sorted(slug for group in GROUPS for slug in group)
    finally:
        check.close()
