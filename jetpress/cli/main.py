"""The ``jetpress`` command: ``serve`` and friends (Click)."""

from __future__ import annotations

import errno
import socket
import sys
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import click

from jetpress import __version__, config
from jetpress.store.errors import StoreError


@click.group()
@click.version_option(__version__, prog_name="jetpress")
def cli() -> None:
    """jetpress: Jetpack's HTTP API (jetpack/v4) as a standalone service."""


def _check_url(value: str | None) -> None:
    if value is None:
        return
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.UsageError(f"--site-url must be an http(s) URL with a host, not {value!r}")


def _check_wpcom(value: str | None) -> None:
    if value is None or value in ("off", "sim"):
        return
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise click.UsageError(f"--wpcom must be off, sim or an http(s) URL, not {value!r}")


def _port_free(host: str, port: int) -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as err:
            if err.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--db",
    "db_url",
    default=None,
    help="Database URL: sqlite:///PATH (default sqlite:///jetpress.db), "
    "mysql://USER:PASS@HOST/DB, postgresql://USER@HOST/DB. Env JETPRESS_DB.",
)
@click.option("--site-url", default=None, help="Site URL (default http://HOST:PORT).")
@click.option("--table-prefix", "prefix", default=None, help="Table prefix (default wp_).")
@click.option(
    "--wp-config",
    default=None,
    type=click.Path(exists=True, dir_okay=False),
    help="Read salts, constants and $table_prefix from an existing wp-config.php.",
)
@click.option(
    "--define",
    multiple=True,
    metavar="NAME=VALUE",
    help="Set a wp-config constant, e.g. JETPACK_DEV_DEBUG=true (repeatable).",
)
@click.option(
    "--admin-password",
    default=None,
    help="Password of the administrator created on first start (default: random).",
)
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--test-control",
    is_flag=True,
    help="Expose POST /_jetpress/reset (the conformance fixture) for test runners.",
)
@click.option(
    "--wpcom",
    default=None,
    metavar="off|sim|URL",
    help="WordPress.com: off (default, outbound requests fail as in the corpus), sim (the "
    "simulator in-process, its pages at http://wpcom.localhost:PORT) or the URL of a running "
    "`jetpress wpcom serve`. Env JETPRESS_WPCOM.",
)
@click.option(
    "--wpcom-timeout",
    default=None,
    type=click.FloatRange(min=0.1),
    help="Cap (seconds) on every request to WordPress.com (Jetpack asks for 10-30 s).",
)
@click.option(
    "--log-level",
    default="warning",
    show_default=True,
    type=click.Choice(["critical", "error", "warning", "info", "debug"]),
)
def serve(**flags: Any) -> None:
    """Start the server. The first start creates the site and an administrator."""
    import uvicorn

    from jetpress.app import build

    _check_url(flags["site_url"])
    _check_wpcom(flags["wpcom"])
    log_level = flags.pop("log_level")
    cfg = config.load(**flags)
    if cfg.wpcom == "sim" and cfg.workers > 1:
        raise click.UsageError("--wpcom sim keeps the simulator in one process: use --workers 1")
    if not _port_free(cfg.host, cfg.port):
        raise click.ClickException(f"port {cfg.port} on {cfg.host} is already in use")
    try:
        app = build(cfg)
    except StoreError as err:
        raise click.ClickException(str(err)) from err
    first = app.first_start
    where = cfg.db_url
    if where.startswith("sqlite:///") and not where.startswith("sqlite:////"):
        where += f" ({Path(where.removeprefix('sqlite:///')).resolve()})"  # relative to here
    click.echo(f"jetpress {__version__}: database {where}", err=True)
    if first is not None:
        click.echo(
            f"Created the site {cfg.effective_site_url} with the administrator "
            f"{first.admin_user!r}.",
            err=True,
        )
        if first.generated:
            click.echo(f"Its password (shown once): {first.admin_password}", err=True)
    site_url = cfg.effective_site_url
    click.echo(
        f"Log in at {site_url}/wp-login.php; the API is at {site_url}/wp-json/jetpack/v4", err=True
    )
    if cfg.wpcom != "off":
        where = app.wpcom_root or cfg.wpcom
        click.echo(f"WordPress.com: the simulator at {where} (see docs/simulator.md)", err=True)
    app.close()
    if cfg.workers > 1:
        config.export(cfg)
        uvicorn.run(
            "jetpress.app:from_environment",
            factory=True,
            host=cfg.host,
            port=cfg.port,
            workers=cfg.workers,
            log_level=log_level,
            env_file=None,
            access_log=False,
        )
    else:
        from jetpress.http.asgi import JetpressASGI

        uvicorn.run(
            JetpressASGI(build(cfg)),
            host=cfg.host,
            port=cfg.port,
            log_level=log_level,
            access_log=False,
        )


@cli.group()
def wpcom() -> None:
    """The WordPress.com simulator (see docs/simulator.md)."""


@wpcom.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8100, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--seed",
    default=0,
    show_default=True,
    type=int,
    help="Seed of the simulator's deterministic data.",
)
def wpcom_serve(host: str, port: int, seed: int) -> None:
    """Serve the WordPress.com simulator over HTTP."""
    from jetpress.wpcom.app import serve as serve_simulator

    if not _port_free(host, port):
        raise click.ClickException(f"port {port} on {host} is already in use")
    click.echo(
        f"WordPress.com simulator on http://{host}:{port} (seed {seed}); control plane at /_wpcom/",
        err=True,
    )
    serve_simulator(host, port, seed)


def main() -> None:
    """Console-script entry point."""
    try:
        cli(standalone_mode=True)
    except KeyboardInterrupt:  # pragma: no cover - interactive stop
        sys.exit(130)
