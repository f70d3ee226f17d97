"""Jetpack's meta capabilities as 10.7 maps them (jetpack-v4-endpoints.md §1.2)."""

from __future__ import annotations

import pytest

from jetpress.jetpack.plugin import Jetpack
from tests.unit.jetpack.conftest import user


@pytest.mark.parametrize(
    ("login", "offline_ok", "online_ok"),
    [("admin", True, True), ("editor1", False, True), ("sub1", False, True)],
)
def test_admin_page_needs_manage_options_only_offline(
    jp: Jetpack, online_jp: Jetpack, login: str, offline_ok: bool, online_ok: bool
):
    assert jp.site.caps.has_cap(user(jp, login), "jetpack_admin_page") is offline_ok
    assert online_jp.site.caps.has_cap(user(online_jp, login), "jetpack_admin_page") is online_ok


def test_anonymous_has_no_admin_page_even_online(online_jp: Jetpack):
    assert online_jp.site.caps.has_cap(None, "jetpack_admin_page") is False


@pytest.mark.parametrize(
    "cap",
    [
        "jetpack_manage_modules",
        "jetpack_configure_modules",
        "jetpack_activate_modules",
        "jetpack_disconnect",
    ],
)
def test_module_caps_map_to_manage_options(jp: Jetpack, cap: str):
    assert jp.site.caps.has_cap(user(jp, "admin"), cap) is True
    assert jp.site.caps.has_cap(user(jp, "editor1"), cap) is False


@pytest.mark.parametrize("cap", ["jetpack_connect", "jetpack_reconnect", "jetpack_connect_user"])
def test_connection_caps_are_denied_to_everyone_offline(jp: Jetpack, online_jp: Jetpack, cap: str):
    assert jp.site.caps.map_meta_cap(cap, user(jp, "admin")) == ["do_not_allow"]
    assert online_jp.site.caps.has_cap(user(online_jp, "admin"), cap) is True


def test_connect_user_needs_manage_options_without_an_owner(online_jp: Jetpack):
    assert online_jp.site.caps.has_cap(user(online_jp, "editor1"), "jetpack_connect_user") is False
