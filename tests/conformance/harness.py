"""Run golden-corpus cases against jetpress, in-process or against a live server.

Comparison, normalisation and the runner's login/nonce steps are those of the corpus's own
``replay.py`` (copied beside this file), so the pytest results equal ``replay.py``'s.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx
from starlette.testclient import TestClient

from tests.conformance import replay

CASES_DIR = Path(__file__).parent / "cases"
ROOT = Path(__file__).resolve().parents[2]


def load_cases() -> list[dict[str, Any]]:
    return replay.load_cases(CASES_DIR)


def runner_args(reset_url: str | None = None) -> argparse.Namespace:
    return argparse.Namespace(
        reset_cmd=None,
        reset_url=reset_url,
        no_host_header=False,
        host_map={},
        extra_origin=[],
        show_diff=True,
        json_report=None,
        timeout=30.0,
    )


class InProcessTarget(replay.Target):
    """replay.Target whose clients are Starlette TestClients on the jetpress ASGI app."""

    def __init__(self, asgi: Any, base_url: str = "http://localhost:8081") -> None:
        super().__init__(base_url, "password", 30.0)
        self.asgi = asgi

    def client(self, host: str | None) -> httpx.Client:
        headers = {"User-Agent": replay.USER_AGENT}
        base = self.base
        if host:
            headers["Host"] = host
            base = "http://" + host
        return TestClient(
            self.asgi,
            base_url=base,
            headers=headers,
            follow_redirects=False,
            raise_server_exceptions=True,
        )


def describe_failure(result: dict[str, Any]) -> str:
    lines = [f"case {result['id']} failed"]
    if result.get("error"):
        lines.append("error: " + str(result["error"]))
    for step in result.get("steps", []):
        if step.get("passed") is False:
            lines.append(
                f"step {step['index']} {step['method']} {step['path']} "
                f"{step.get('query') or ''} auth={step['auth']}"
            )
            lines += ["  " + d for d in step.get("diffs", [])[:12]]
            if "actual_body" in step:
                lines.append("  actual: " + json.dumps(step["actual_body"])[:1500])
    return "\n".join(lines)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def live_server(tmp: Path, *extra: str) -> Iterator[str]:
    """``jetpress serve --test-control`` in a subprocess; yields its base URL."""
    port = free_port()
    db = tmp / "live.db"
    cmd = [
        sys.executable,
        "-m",
        "jetpress",
        "serve",
        "--test-control",
        "--port",
        str(port),
        "--db",
        f"sqlite:///{db}",
        "--admin-password",
        "password",
        *extra,
    ]
    base = f"http://127.0.0.1:{port}"
    with subprocess_server(cmd, base + "/_jetpress/health", tmp / "live.log"):
        yield base


@contextmanager
def subprocess_server(cmd: list[str], ready_url: str, log_path: Path) -> Iterator[None]:
    """Run ``cmd`` (a jetpress server) until the block ends; wait until ``ready_url`` answers."""
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        )
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{' '.join(cmd[2:])} exited: " + log_path.read_text())
            try:
                if httpx.get(ready_url, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"{' '.join(cmd[2:])} did not start within 30 s")
            time.sleep(0.1)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)  # reap it: an unreaped child is a ResourceWarning
