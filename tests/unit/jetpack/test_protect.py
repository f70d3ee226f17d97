"""Protect's brute force protection: IP detection, allow list, local counting and blocking."""

from __future__ import annotations

import pytest

from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import module_data, modules, protect
from jetpress.php.jsoncodec import PHPObject

PUBLIC = protect.LoginRequest("203.0.113.7", {})


def _active(jp: Jetpack) -> Jetpack:
    modules.update_active_modules(jp, ["protect"])
    return jp


def _fail(jp: Jetpack, request: protect.LoginRequest, times: int) -> None:
    for _ in range(times):
        assert protect.check_login_ability(jp, request, attempt=True) is None
        protect.log_failed_attempt(jp, request)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        pytest.param("203.0.113.7", "203.0.113.7", id="v4"),
        pytest.param(" 203.0.113.7:8080 ", "203.0.113.7", id="v4-port"),
        pytest.param("[2001:DB8::1]:443", "2001:db8::1", id="v6-brackets"),
        pytest.param("::ffff:198.51.100.2", "198.51.100.2", id="v4-in-v6"),
        pytest.param("10.0.0.1 unless proxy", "10.0.0.1", id="unless"),
        pytest.param("nonsense", None, id="invalid"),
    ],
)
def test_clean_ip(raw: str, clean: str | None) -> None:
    assert protect.clean_ip(raw) == clean


def test_get_ip_uses_the_trusted_header_segment(jp: Jetpack) -> None:
    request = protect.LoginRequest("127.0.0.1", {"x-forwarded-for": "198.51.100.9, 10.1.1.1"})
    assert protect.get_ip(jp, request) == "127.0.0.1"
    trusted = PHPObject(
        "stdClass", {"trusted_header": "HTTP_X_FORWARDED_FOR", "segments": 2, "reverse": False}
    )
    jp.site.options.update("trusted_ip_header", trusted)
    assert protect.get_ip(jp, request) == "198.51.100.9"


@pytest.mark.parametrize(
    ("ip", "private"),
    [
        ("127.0.0.1", True),
        ("10.2.3.4", True),
        ("172.31.0.1", True),
        ("172.32.0.1", False),
        ("192.168.1.1", True),
        ("203.0.113.7", False),
        ("::1", True),
        ("2606:4700::1", False),
    ],
)
def test_ip_is_private(ip: str, private: bool) -> None:
    assert protect.ip_is_private(ip) is private


def test_failures_block_the_ip_after_the_threshold_and_count_refusals(jp: Jetpack) -> None:
    _active(jp)
    _fail(jp, PUBLIC, protect.MAX_ATTEMPTS)
    blocked = protect.check_login_ability(jp, PUBLIC, attempt=True)
    assert blocked is not None and blocked.status == 403
    assert "<code>203.0.113.7</code> has been flagged" in blocked.html
    assert protect.check_login_ability(jp, PUBLIC, attempt=True) is not None
    # a page view is refused but not counted
    assert protect.check_login_ability(jp, PUBLIC, attempt=False) is not None
    assert module_data.data(jp, "protect", "day") == "2"  # get_site_option: a string
    other = protect.LoginRequest("198.51.100.1", {})
    assert protect.check_login_ability(jp, other, attempt=True) is None


def test_block_expires_after_an_hour(jp: Jetpack) -> None:
    _active(jp)
    _fail(jp, PUBLIC, protect.MAX_ATTEMPTS)
    assert protect.check_login_ability(jp, PUBLIC, attempt=True) is not None
    jp.site.clock.advance(seconds=protect.BLOCK_SECONDS + 1)  # type: ignore[attr-defined]
    assert protect.check_login_ability(jp, PUBLIC, attempt=True) is None


def test_a_success_forgives_earlier_failures(jp: Jetpack) -> None:
    _active(jp)
    _fail(jp, PUBLIC, protect.MAX_ATTEMPTS - 1)
    protect.log_successful_login(jp, PUBLIC)
    _fail(jp, PUBLIC, protect.MAX_ATTEMPTS - 1)
    assert protect.check_login_ability(jp, PUBLIC, attempt=True) is None


def test_private_and_allow_listed_ips_are_never_blocked(jp: Jetpack) -> None:
    _active(jp)
    local = protect.LoginRequest("127.0.0.1", {})
    _fail(jp, local, protect.MAX_ATTEMPTS + 2)
    assert protect.check_login_ability(jp, local, attempt=True) is None
    assert protect.save_whitelist(jp, ["203.0.113.0 - 203.0.113.255"]) is True
    _fail(jp, PUBLIC, protect.MAX_ATTEMPTS + 2)
    assert protect.check_login_ability(jp, PUBLIC, attempt=True) is None


def test_nothing_is_counted_while_protect_is_inactive(jp: Jetpack) -> None:
    _fail(jp, PUBLIC, protect.MAX_ATTEMPTS + 2)
    assert protect.check_login_ability(jp, PUBLIC, attempt=True) is None
    assert jp.site.options.get(protect.BLOCKED_OPTION) is False


def test_always_protect_login_constant_blocks_everyone(make_jp):
    jp = _active(make_jp(constants={"JETPACK_ALWAYS_PROTECT_LOGIN": True}))
    local = protect.LoginRequest("127.0.0.1", {})
    assert protect.check_login_ability(jp, local, attempt=False) is not None
