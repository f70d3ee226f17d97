"""The conformance fixture: the pristine site of ../shared/conformance/README.md §1.

Used by ``jetpress serve --test-control`` (``POST /_jetpress/reset``) and the test suite.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from jetpress.store.base import Store
from jetpress.wp.auth import passwords
from jetpress.wp.install import install
from jetpress.wp.options import Options
from jetpress.wp.site import Site

MODES = ("offline", "offline-constant", "online")
# (login, role) in id order (conformance README §1, Users)
USERS = (
    ("admin", "administrator"),
    ("editor1", "editor"),
    ("author1", "author"),
    ("contrib1", "contributor"),
    ("sub1", "subscriber"),
)
PASSWORD = "password"
TEST_CONSTANTS_OPTION = "_jetpress_test_constants"

FIXTURE_OPTIONS: dict[str, Any] = {
    "blogdescription": "",
    "blog_public": "1",
    "permalink_structure": "/%postname%/",
    "timezone_string": "",
    "gmt_offset": "0",
    "users_can_register": "0",
    "default_role": "subscriber",
    "active_plugins": ["jetpack/jetpack.php"],
}


class TestConstants(Mapping[str, Any]):
    """wp-config constants plus those the fixture's mode defines (stored in an option so every
    worker process sees the mode of the last reset)."""

    def __init__(self, base: Mapping[str, Any], options: Options) -> None:
        self.base = base
        self.options = options
        self._memo: tuple[object, dict[str, Any]] = (object(), dict(base))

    def _merged(self) -> dict[str, Any]:
        # The options cache hands out the same parsed object until something changes, so the
        # merge is redone only after a reset (this is read many times per request).
        extra = self.options.get(TEST_CONSTANTS_OPTION, {}, copy=False)
        if extra is not self._memo[0]:
            merged = {**self.base, **(extra if isinstance(extra, dict) else {})}
            self._memo = (extra, merged)
        return self._memo[1]

    def __getitem__(self, key: str) -> Any:
        return self._merged()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._merged())

    def __len__(self) -> int:
        return len(self._merged())


@cache
def _password_hash() -> str:
    # One phpass hash of "password" per process keeps a reset well under 100 ms.
    return passwords.hash_password(PASSWORD, random.Random(0))


def reset(site: Site, store: Store, *, mode: str, site_url: str) -> None:
    """Empty the tables and write the pristine site for ``mode``."""
    if mode not in MODES:
        raise ValueError(f"unknown mode {mode!r}; expected one of {', '.join(MODES)}")
    store.truncate()
    site.options.refresh()
    install(
        site,
        site_url=site_url,
        blogname="Jetpack Demo",
        admin_email="admin@example.com",
        extra_options=dict(FIXTURE_OPTIONS),
    )
    if mode == "offline-constant":
        site.options.add(TEST_CONSTANTS_OPTION, {"JETPACK_DEV_DEBUG": True})
    pass_hash = _password_hash()
    for login, role in USERS:
        site.users.create(
            login=login,
            pass_hash=pass_hash,
            email=f"{login}@example.com",
            role=role,
            registered="2026-11-23 00:00:00",
        )
    site.options.refresh()
