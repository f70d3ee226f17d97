"""Offline mode detection and GET /connection's offlineMode flags (jetpack-v4-endpoints.md §6)."""

from __future__ import annotations

import pytest

from jetpress.jetpack import offline
from tests.unit.jetpack.conftest import ONLINE_URL, build


def test_host_without_a_dot_is_offline_by_url():
    status = offline.status(build("http://localhost:8081").site)
    assert status.as_json() == {
        "isActive": True,
        "constant": False,
        "url": True,
        "filter": False,
        "wpLocalConstant": False,
    }


def test_ip_site_is_online():
    assert offline.status(build(ONLINE_URL).site).is_active is False


def test_dev_debug_constant_makes_offline_and_is_reported():
    status = offline.status(build(ONLINE_URL, {"JETPACK_DEV_DEBUG": True}).site)
    assert (status.is_active, status.constant, status.url) == (True, True, False)


def test_falsy_dev_debug_constant_wins_over_a_local_url():
    # Status::is_offline_mode: a defined JETPACK_DEV_DEBUG is used as is, even when false
    site = build("http://localhost:8081", {"JETPACK_DEV_DEBUG": False}).site
    assert offline.is_offline_mode(site) is False
    assert offline.status(site).url is True


def test_wp_local_dev_constant():
    status = offline.status(build(ONLINE_URL, {"WP_LOCAL_DEV": True}).site)
    assert (status.is_active, status.wp_local_constant) == (True, True)


@pytest.mark.parametrize(
    "url",
    ["http://mysite.local", "http://a.localhost", "http://shop.test", "http://x.lndo.site"],
)
def test_development_tlds_are_local(url: str):
    assert offline.is_local_site(build(url).site) is True


def test_environment_type_local_is_local():
    site = build(ONLINE_URL, {"WP_ENVIRONMENT_TYPE": "local"}).site
    assert offline.is_local_site(site) is True


def test_filter_constant_forces_offline():
    status = offline.status(build(ONLINE_URL, {offline.FILTER_CONSTANT: True}).site)
    assert (status.is_active, status.filter) == (True, True)


def test_staging_environment_is_staging_but_production_is_not():
    assert offline.is_staging_site(build(ONLINE_URL, {"WP_ENVIRONMENT_TYPE": "staging"}).site)
    assert not offline.is_staging_site(build(ONLINE_URL).site)
