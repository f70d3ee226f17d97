"""Browser tests: a live ``jetpress serve --test-control`` and Debian's chromium via Playwright.

Playwright never downloads a browser here: it drives /usr/bin/chromium (``scripts/install-browser``
installs it). Without chromium, playwright or node_modules these tests skip, unless
JETPRESS_REQUIRE_E2E=1 (CI), where they fail instead.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from tests.conformance.harness import ROOT, live_server
from tests.e2e.driver import CHROMIUM, CHROMIUM_ARGS, REQUIRED, Console, Site

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if HERE in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.e2e)


def _skip_or_fail(reason: str) -> NoReturn:
    if REQUIRED:
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _skip_or_fail("playwright is not installed (scripts/install-browser)")
    if not Path(CHROMIUM).exists():
        _skip_or_fail(f"{CHROMIUM} is missing (scripts/install-browser)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory, browser: Any) -> Iterator[str]:
    """One live jetpress (http://127.0.0.1:PORT) for the whole session."""
    with live_server(tmp_path_factory.mktemp("e2e")) as base:
        yield base


@pytest.fixture
def site(server: str) -> Iterator[Site]:
    """The pristine offline fixture site; tests call ``site.reset("online")`` for the other."""
    instance = Site(server)
    instance.reset("offline")
    yield instance
    instance.close()


@pytest.fixture
def console() -> Console:
    return Console()


@pytest.fixture
def page(browser: Any, site: Site, console: Console) -> Iterator[Any]:
    """A fresh browser context and tab; fails the test on console errors it did not allow."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    tab = context.new_page()

    def on_console(message: Any) -> None:
        if message.type == "error":
            url = (message.location or {}).get("url", "")
            console.errors.append(f"{message.text} [{url}]")

    tab.on("console", on_console)
    tab.on("pageerror", lambda error: console.errors.append(f"pageerror: {error}"))
    yield tab
    context.close()
    assert console.unexpected() == [], "console errors on the page"


@pytest.fixture(scope="session")
def api_fetch_bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """@wordpress/api-fetch from node_modules, bundled by esbuild into a temporary IIFE file.

    Test-only: the dashboard itself has no build step. esbuild comes from ``npm ci``.
    """
    esbuild = ROOT / "node_modules" / ".bin" / "esbuild"
    if not esbuild.exists() or not (ROOT / "node_modules" / "@wordpress" / "api-fetch").exists():
        _skip_or_fail("node_modules lacks esbuild or @wordpress/api-fetch (npm ci)")
    out = tmp_path_factory.mktemp("bundle") / "api-fetch.js"
    subprocess.run(
        [
            str(esbuild),
            str(HERE / "api_fetch_entry.js"),
            "--bundle",
            "--format=iife",
            "--log-level=warning",
            f"--outfile={out}",
        ],
        check=True,
        cwd=ROOT,
        timeout=60,
    )
    return out
