"""A Jetpack context on a memory store with the conformance fixture's users (no HTTP)."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest

from jetpress import fixture
from jetpress.clock import FrozenClock
from jetpress.jetpack import plugin
from jetpress.jetpack.plugin import Jetpack
from jetpress.store.memory import MemoryStore
from jetpress.wp.caps import CapabilityMap
from jetpress.wp.options import Options
from jetpress.wp.site import Site
from jetpress.wp.users import User, Users

OFFLINE_URL = "http://localhost:8081"
ONLINE_URL = "http://127.0.0.1:8081"

MakeJetpack = Callable[..., Jetpack]


def build(url: str = OFFLINE_URL, constants: dict[str, Any] | None = None) -> Jetpack:
    store = MemoryStore(prefix="wp_", url="memory://")
    store.create_tables()
    options = Options(store.options)
    consts = dict(constants or {})
    site = Site(
        options=options,
        users=Users(store.users, options, "wp_"),
        caps=CapabilityMap(constants=consts),
        clock=FrozenClock(1_800_000_000.0),
        random=random.Random(7),
        constants=consts,
    )
    fixture.reset(site, store, mode="offline", site_url=url)
    jp = plugin.create(site)
    plugin.register_caps(site.caps, jp)
    plugin.install_defaults(jp)
    return jp


@pytest.fixture
def make_jp() -> MakeJetpack:
    return build


@pytest.fixture
def jp() -> Jetpack:
    """An offline site (host without a dot), as most corpus cases."""
    return build()


@pytest.fixture
def online_jp() -> Jetpack:
    """A site that is neither offline nor connected."""
    return build(ONLINE_URL)


def user(jp: Jetpack, login: str) -> User:
    found = jp.site.users.by_login(login)
    assert found is not None
    return found
