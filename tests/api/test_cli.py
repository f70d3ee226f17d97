"""`jetpress serve`: first start, clear one-line failures for bad configuration."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.conformance.harness import ROOT, free_port


def _run(*args: str, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "jetpress", *args],
        cwd=ROOT,
        text=True,
        capture_output=True,
        timeout=timeout,
    )


def _one_clear_line(result: subprocess.CompletedProcess[str], needle: str) -> None:
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert "Traceback" not in result.stderr
    assert any(needle in line for line in lines), result.stderr
    assert len(lines) <= 3, result.stderr  # Click's "Error: ..." (plus usage for usage errors)


def test_unreachable_database(tmp_path: Path):
    result = _run(
        "serve", "--db", "postgresql://nobody@127.0.0.1:1/none", "--port", str(free_port())
    )
    _one_clear_line(result, "127.0.0.1")


def test_unknown_database_scheme():
    _one_clear_line(_run("serve", "--db", "oracle://x/y", "--port", str(free_port())), "oracle")


def test_bad_site_url():
    _one_clear_line(
        _run("serve", "--site-url", "not a url", "--port", str(free_port())), "--site-url"
    )


def test_port_in_use(tmp_path: Path):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = _run("serve", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--port", str(port))
    _one_clear_line(result, "already in use")


def test_first_start_creates_site_and_prints_login(tmp_path: Path):
    port = free_port()
    db = tmp_path / "site.db"
    proc = subprocess.Popen(
        [sys.executable, "-m", "jetpress", "serve", "--db", f"sqlite:///{db}", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                response = httpx.get(f"http://127.0.0.1:{port}/wp-json/", timeout=1)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("server did not start")
                time.sleep(0.1)
        assert response.status_code == 200
        assert response.json()["url"] == f"http://127.0.0.1:{port}"
        # Without --test-control nothing exists under /_jetpress/.
        control = httpx.post(f"http://127.0.0.1:{port}/_jetpress/reset", json={})
        assert control.status_code == 404
        assert db.exists()
    finally:
        proc.terminate()
        _out, err = proc.communicate(timeout=10)
    assert "Created the site" in err
    assert "password (shown once):" in err
    assert "wp-login.php" in err


def test_version_and_module_entry_point():
    result = _run("--version")
    assert result.returncode == 0 and "jetpress" in result.stdout
