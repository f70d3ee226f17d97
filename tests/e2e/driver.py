"""What the browser tests share: the site under test, console capture, logging in, screenshots.

Playwright is imported lazily so that collecting these tests never needs it (they skip, or fail
under JETPRESS_REQUIRE_E2E=1, in the ``browser`` fixture instead).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from tests.conformance.harness import ROOT

CHROMIUM = os.environ.get("JETPRESS_CHROMIUM", "/usr/bin/chromium")
# Debian's chromium as root in a container, with nothing phoning home.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
REQUIRED = os.environ.get("JETPRESS_REQUIRE_E2E") == "1"
ADMIN_PAGE = "/wp-admin/admin.php?page=jetpack"
EXAMPLES = Path(__file__).parent / "seed_examples"
NONCE = re.compile(r"[0-9a-f]{10}")


def expect(target: Any) -> Any:
    """playwright.sync_api.expect, imported when a test runs."""
    from playwright.sync_api import expect as playwright_expect

    playwright_expect.set_options(timeout=10_000)  # 2 shared cores in CI
    return playwright_expect(target)


@dataclass
class Site:
    """The fixture site as the browser sees it, and logged-in API clients to check on it."""

    server: str
    url: str = ""
    _clients: list[httpx.Client] = field(default_factory=list)

    def reset(self, mode: str = "offline") -> None:
        """Restore the conformance fixture; offline sites live on localhost, online on 127.0.0.1."""
        host = "127.0.0.1" if mode == "online" else "localhost"
        self.url = self.server.replace("127.0.0.1", host)
        r = httpx.post(
            self.server + "/_jetpress/reset", json={"mode": mode, "site_url": self.url}, timeout=30
        )
        assert r.status_code == 200, r.text

    def rest(self, user: str = "admin") -> tuple[httpx.Client, str]:
        """A client logged in through wp-login.php and its wp_rest nonce (as the corpus runner)."""
        http = httpx.Client(
            base_url=self.server,
            headers={"Host": self.url.split("//", 1)[1]},
            follow_redirects=False,
            timeout=30,
        )
        self._clients.append(http)
        r = http.post(
            "/wp-login.php",
            data={"log": user, "pwd": "password", "testcookie": "1"},
            headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
        )
        assert r.status_code == 302, r.text[:300]
        nonce = http.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"})
        assert nonce.status_code == 200, nonce.text
        return http, nonce.text

    def get(self, route: str, user: str = "admin") -> Any:
        """GET /wp-json<route> as ``user``; asserts a 200 and returns the JSON."""
        http, nonce = self.rest(user)
        r = http.get("/wp-json" + route, headers={"X-WP-Nonce": nonce})
        assert r.status_code == 200, r.text[:500]
        return r.json()

    def post(self, route: str, data: Any, user: str = "admin") -> httpx.Response:
        http, nonce = self.rest(user)
        return http.post("/wp-json" + route, json=data, headers={"X-WP-Nonce": nonce})

    def close(self) -> None:
        for http in self._clients:
            http.close()


@dataclass
class Console:
    """Console errors and uncaught exceptions of a page; tests allow the ones they provoke."""

    errors: list[str] = field(default_factory=list)
    allowed: list[re.Pattern[str]] = field(default_factory=list)

    def allow(self, pattern: str) -> None:
        self.allowed.append(re.compile(pattern))

    def unexpected(self) -> list[str]:
        return [e for e in self.errors if not any(p.search(e) for p in self.allowed)]


def log_in(page: Any, site: Site, user: str = "admin", password: str = "password") -> None:
    """Open the admin page logged out, log in through the form, land back on the dashboard."""
    page.goto(site.url + ADMIN_PAGE)
    assert "/wp-login.php?redirect_to=" in page.url and "reauth=1" in page.url, page.url
    page.get_by_label("Username or Email Address").fill(user)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Log In").click()
    page.wait_for_url(site.url + ADMIN_PAGE)
    page.locator("html[data-jetpress-ready=true]").wait_for()


def screenshot(page: Any, name: str) -> Path:
    """A full-page PNG under artifacts/screenshots/ (git-ignored, kept by CI as an artifact)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def example(name: str) -> str:
    """One of the documentation's four console examples, byte for byte."""
    return (EXAMPLES / f"{name}.js").read_text("utf-8")


def run_example(page: Any, name: str) -> Any:
    """Run a documented example as a script of the page; return what it console.log()s."""
    with page.expect_console_message(lambda m: m.type == "log", timeout=10_000) as logged:
        page.add_script_tag(content=example(name))
    return logged.value.args[0].json_value()
