"""jetpress benchmark: wrk on loopback against `jetpress serve`, with the floor in the same run.

    .venv/bin/python bench/run.py                      # the full matrix, prints the table
    .venv/bin/python bench/run.py --engines sqlite --workers 2 --duration 5
    .venv/bin/python bench/run.py --markdown docs/performance.md   # also append the results
    .venv/bin/python bench/run.py --memory 60          # RSS of workers over a 60 s run

Every server is started by this script on 127.0.0.1, measured with `wrk -t2 --latency`
(authenticated as the administrator with cookie + X-WP-Nonce where the endpoint needs it),
and stopped by its process group. Needs `wrk` (Debian package) and, for the server engines,
MariaDB and PostgreSQL on loopback (scripts/start-dbs).
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable
ENDPOINTS = [
    ("GET /connection", "GET", "/wp-json/jetpack/v4/connection", True),
    ("GET /settings", "GET", "/wp-json/jetpack/v4/settings", True),
    ("GET /module/all", "GET", "/wp-json/jetpack/v4/module/all", True),
    ("POST /settings", "POST", "/wp-json/jetpack/v4/settings", True),
    ("GET /jetpack/v4 (anon)", "GET", "/wp-json/jetpack/v4", False),
]
POST_LUA = """
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local i = 0
request = function()
  i = i + 1
  local v = (i % 2 == 0) and "true" or "false"
  return wrk.format(nil, nil, nil, '{"carousel_display_exif":' .. v .. '}')
end
"""


@dataclass
class Result:
    label: str
    engine: str
    workers: int
    connections: int
    rps: float
    p50_ms: float
    p99_ms: float
    errors: int


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=1)
            return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


def stop(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def db_url(engine: str, tmp: Path) -> tuple[str, str]:
    """A fresh database URL and table prefix for an engine."""
    prefix = "wp_"
    if engine == "sqlite":
        return f"sqlite:///{tmp / 'bench.db'}", prefix
    prefix = "b" + uuid.uuid4().hex[:8] + "_"
    if engine == "postgres":
        return os.environ.get(
            "JETPRESS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/jetpress_test"
        ), prefix
    return os.environ.get(
        "JETPRESS_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/jetpress_test"
    ), prefix


def wrk(
    url: str, connections: int, duration: int, headers: dict[str, str], script: Path | None
) -> tuple[float, float, float, int]:
    threads = min(2, connections)  # wrk needs at least one connection per thread
    cmd = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--latency",
        "--timeout",
        "5s",
    ]
    for name, value in headers.items():
        cmd += ["-H", f"{name}: {value}"]
    if script is not None:
        cmd += ["-s", str(script)]
    run = subprocess.run([*cmd, url], capture_output=True, text=True, timeout=duration + 30)
    found = re.search(r"Requests/sec:\s+([\d.]+)", run.stdout)
    if found is None:
        raise RuntimeError(f"wrk gave no result: {run.stdout} {run.stderr}")
    out = run.stdout
    rps = float(found.group(1))

    def pct(name: str) -> float:
        found = re.search(rf"\s{name}%\s+([\d.]+)(us|ms|s)", out)
        if not found:
            return float("nan")
        value, unit = float(found.group(1)), found.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    errors = 0
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    if non2xx:
        errors += int(non2xx.group(1))
    sock = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if sock:
        errors += sum(int(x) for x in sock.groups())
    return rps, pct("50"), pct("99"), errors


def login(base: str) -> dict[str, str]:
    http = httpx.Client(base_url=base, follow_redirects=False)
    response = http.post(
        "/wp-login.php",
        data={"log": "admin", "pwd": "password", "testcookie": "1"},
        headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
    )
    assert response.status_code == 302, response.text[:200]
    nonce = http.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"}).text
    cookie = "; ".join(
        f"{c.name}={c.value}" for c in http.cookies.jar if c.name.startswith("wordpress_logged_in_")
    )
    return {"Cookie": cookie, "X-WP-Nonce": nonce}


TABLES = ("options", "users", "usermeta", "jetpress_state")


def drop_tables(engine: str, tmp: Path, prefix: str) -> None:
    """Remove the tables a run made on a server engine (SQLite's file goes with tmp)."""
    url, _ = db_url(engine, tmp)
    if engine == "postgres":
        import psycopg

        with psycopg.connect(url, autocommit=True) as conn:
            for table in TABLES:
                conn.execute(f'DROP TABLE IF EXISTS "{prefix}{table}"')
    elif engine == "mariadb":
        from urllib.parse import urlsplit

        import pymysql

        parts = urlsplit(url)
        conn = pymysql.connect(
            host=parts.hostname,
            port=parts.port or 3306,
            user=parts.username or "root",
            password=parts.password or "",
            database=parts.path.lstrip("/"),
        )
        with conn.cursor() as cur:
            for table in TABLES:
                cur.execute(f"DROP TABLE IF EXISTS `{prefix}{table}`")
        conn.close()


def start_jetpress(
    engine: str, workers: int, tmp: Path
) -> tuple[subprocess.Popen[bytes], str, str]:
    port = free_port()
    url, prefix = db_url(engine, tmp)
    proc = subprocess.Popen(
        [
            PY,
            "-m",
            "jetpress",
            "serve",
            "--test-control",
            "--port",
            str(port),
            "--db",
            url,
            "--table-prefix",
            prefix,
            "--workers",
            str(workers),
            "--admin-password",
            "password",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    wait_up(base + "/_jetpress/health", proc)
    reset = httpx.post(
        base + "/_jetpress/reset",
        json={"mode": "offline", "site_url": "http://localhost"},
        timeout=30,
    )
    assert reset.status_code == 200, reset.text
    return proc, base, prefix


def start_floor(workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            PY,
            "-m",
            "uvicorn",
            "bench.floor:app",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    wait_up(base + "/", proc)
    return proc, base


def rss_kb(pid: int) -> int:
    """Resident memory of a process and its children, from /proc."""
    total = 0
    pids = [pid] + [
        int(p)
        for p in subprocess.run(
            ["pgrep", "-P", str(pid)], capture_output=True, text=True
        ).stdout.split()
    ]
    for item in pids:
        try:
            status = Path(f"/proc/{item}/status").read_text()
        except FileNotFoundError:
            continue
        found = re.search(r"VmRSS:\s+(\d+)", status)
        total += int(found.group(1)) if found else 0
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", default="sqlite,postgres,mariadb")
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--connections", default="1,16")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--endpoints", default="")
    parser.add_argument("--markdown", type=Path)
    parser.add_argument(
        "--memory",
        type=int,
        default=0,
        help="run GET /settings for N seconds and report worker RSS",
    )
    args = parser.parse_args(argv)
    engines = [e for e in args.engines.split(",") if e]
    workers_list = [int(w) for w in args.workers.split(",")]
    conns = [int(c) for c in args.connections.split(",")]
    endpoints = [
        e
        for e in ENDPOINTS
        if not args.endpoints or any(k in e[0] for k in args.endpoints.split(","))
    ]
    results: list[Result] = []
    floors: dict[tuple[int, int], float] = {}
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        lua = tmp / "post.lua"
        lua.write_text(POST_LUA)
        for workers in workers_list:
            proc, base = start_floor(workers)
            try:
                for c in conns:
                    wrk(base + "/", c, 2, {}, None)
                    rps, p50, p99, errs = wrk(base + "/", c, args.duration, {}, None)
                    floors[(workers, c)] = rps
                    results.append(
                        Result("floor (static 1 KB JSON)", "-", workers, c, rps, p50, p99, errs)
                    )
            finally:
                stop(proc)
        for engine in engines:
            for workers in workers_list:
                proc, base, prefix = start_jetpress(engine, workers, tmp)
                try:
                    auth = login(base)
                    for label, method, path, needs_auth in endpoints:
                        headers = dict(auth) if needs_auth else {}
                        script = lua if method == "POST" else None
                        for c in conns:
                            wrk(base + path, c, 2, headers, script)
                            rps, p50, p99, errs = wrk(
                                base + path, c, args.duration, headers, script
                            )
                            results.append(Result(label, engine, workers, c, rps, p50, p99, errs))
                    if args.memory and engine == engines[0] and workers == workers_list[-1]:
                        before = rss_kb(proc.pid)
                        wrk(base + "/wp-json/jetpack/v4/settings", 16, args.memory, auth, None)
                        after = rss_kb(proc.pid)
                        print(
                            f"memory ({engine}, {workers} workers, {args.memory}s of GET "
                            f"/settings): {before} kB → {after} kB"
                        )
                finally:
                    stop(proc)
                    drop_tables(engine, tmp, prefix)
    table = render(results, floors)
    print(table)
    if args.markdown:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip()
        header = (
            f"\n## Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, "
            f"commit {commit}\n\nMachine: {platform.node()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, wrk -t2 on the same machine, "
            f"{args.duration} s per cell.\n\n"
        )
        with args.markdown.open("a") as out:
            out.write(header + table + "\n")
    return 0


def render(results: list[Result], floors: dict[tuple[int, int], float]) -> str:
    lines = [
        "| endpoint | engine | workers | conns | req/s | p50 ms | p99 ms | errors | vs floor |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in results:
        floor = floors.get((r.workers, r.connections))
        ratio = f"{r.rps / floor:.0%}" if floor and r.engine != "-" else ""
        lines.append(
            f"| {r.label} | {r.engine} | {r.workers} | {r.connections} | "
            f"{r.rps:,.0f} | {r.p50_ms:.2f} | {r.p99_ms:.2f} | {r.errors} | {ratio} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
