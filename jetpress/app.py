"""Composition root: builds the store, the site, the REST server and the plugin from a Config.

The only module that builds concrete stores and wires every layer together.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from jetpress import fixture
from jetpress.clock import Clock, SystemClock
from jetpress.config import Config
from jetpress.http.login import LoginGuard
from jetpress.jetpack import plugin as jetpack_plugin
from jetpress.jetpack.services import protect, signatures
from jetpress.jetpack.wpcom_client import SIM_HOST, HttpWpcomClient, NoWpcom, WpcomClient
from jetpress.protocol.urls import WpcomEndpoints
from jetpress.store.base import Store
from jetpress.store.urls import open_store
from jetpress.wp.auth import current_user, passwords
from jetpress.wp.caps import CapabilityMap
from jetpress.wp.install import install
from jetpress.wp.options import Options
from jetpress.wp.rest.endpoints import application_passwords
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.rest.server import AuthOutcome, RestServer
from jetpress.wp.site import Site
from jetpress.wp.users import Users


@dataclass(slots=True)
class FirstStart:
    """What ``serve`` prints after creating a site."""

    admin_user: str
    admin_password: str
    generated: bool


@dataclass(slots=True, eq=False)
class App:
    """One running jetpress: configuration, store, site and REST server."""

    config: Config
    store: Store
    site: Site
    rest: RestServer
    authenticators: list[current_user.Authenticator] = field(default_factory=list)
    first_start: FirstStart | None = None
    jetpack: jetpack_plugin.Jetpack | None = None
    wpcom_root: str | None = None  # where the site reaches WordPress.com (None: off)
    wpcom_app: Any = None  # ``--wpcom sim``: the simulator's ASGI app, served by Host
    login_guard: LoginGuard | None = None  # plugins' wp-login.php hooks (Jetpack Protect)

    def authenticate(self, request: RestRequest) -> AuthOutcome:
        return current_user.authenticate(self.site, request, self.authenticators)

    def reset(self, mode: str, site_url: str) -> None:
        """Restore the conformance fixture (test control only)."""
        fixture.reset(self.site, self.store, mode=mode, site_url=site_url)
        if self.jetpack is not None:
            jetpack_plugin.install_defaults(self.jetpack)  # the fixture's Jetpack state

    def close(self) -> None:
        self.store.close()
        if self.jetpack is not None and isinstance(self.jetpack.wpcom, HttpWpcomClient):
            self.jetpack.wpcom.close()


def build(
    config: Config,
    *,
    clock: Clock | None = None,
    rng: random.Random | None = None,
) -> App:
    """Open (and on first start, install) the site described by ``config``."""
    store = open_store(config.db_url, prefix=config.prefix)
    store.create_tables()
    options = Options(store.options)
    users = Users(store.users, options, config.prefix)
    constants: Mapping[str, Any] = dict(config.constants)
    if config.test_control:
        constants = fixture.TestConstants(constants, options)
    site = Site(
        options=options,
        users=users,
        caps=CapabilityMap(constants=constants),
        clock=clock or SystemClock(),
        random=rng or secrets.SystemRandom(),
        constants=constants,
        prefix=config.prefix,
        max_body_bytes=config.max_body_bytes,
    )
    app = App(config=config, store=store, site=site, rest=None)  # type: ignore[arg-type]
    app.rest = RestServer(site, app.authenticate)
    app.jetpack = jetpack_plugin.create(site, _wpcom_client(config, app))
    app.authenticators.append(partial(signatures.authenticate, app.jetpack))  # ?_for=jetpack
    jetpack_plugin.register_caps(site.caps, app.jetpack)
    jetpack_plugin.register(app.rest.routes, app.jetpack)
    app.login_guard = protect.ProtectLoginGuard(app.jetpack)
    application_passwords.register(app.rest.routes, site)  # wp/v2 application passwords
    if not store.is_installed():
        app.first_start = _first_install(config, site)
        jetpack_plugin.install_defaults(app.jetpack)
    site.options.refresh()
    return app


def _wpcom_client(config: Config, app: App) -> WpcomClient:
    """``--wpcom``: NoWpcom, a simulator in this process (pages served on the Host
    ``wpcom.localhost``), or WordPress.com/a simulator at a URL."""
    if config.wpcom == "off":
        return NoWpcom()
    if config.wpcom == "sim":
        from jetpress.wpcom.app import as_transport, create_wpcom_app
        from jetpress.wpcom.models import WpcomState

        state = WpcomState(seed=0)
        app.wpcom_app = create_wpcom_app(state)
        app.wpcom_root = f"http://{SIM_HOST}:{config.port}"
        return HttpWpcomClient(
            WpcomEndpoints.for_simulator(app.wpcom_root),
            transport=as_transport(state),
            max_timeout=config.wpcom_timeout,
        )
    app.wpcom_root = config.wpcom.rstrip("/")
    return HttpWpcomClient(
        WpcomEndpoints.for_simulator(app.wpcom_root), max_timeout=config.wpcom_timeout
    )


def _first_install(config: Config, site: Site) -> FirstStart:
    generated = config.admin_password is None
    password = config.admin_password or passwords_for_humans(site.random)
    install(
        site,
        site_url=config.effective_site_url,
        blogname=config.blogname,
        admin_email=config.admin_email,
    )
    site.users.create(
        login=config.admin_user,
        pass_hash=passwords.hash_password(password, site.random),
        email=config.admin_email,
        role="administrator",
    )
    return FirstStart(config.admin_user, password, generated)


def passwords_for_humans(rng: random.Random) -> str:
    """A 20-character password without ambiguous symbols, for the first administrator."""
    alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
    return "".join(rng.choice(alphabet) for _ in range(20))


def create_app(config: Config, **kwargs: Any) -> Any:
    """The ASGI application for ``config``."""
    from jetpress.http.asgi import JetpressASGI

    return JetpressASGI(build(config, **kwargs))


def from_environment() -> Any:
    """ASGI factory for worker processes (``uvicorn --workers``): config from the environment."""
    from jetpress import config

    return create_app(config.load())
