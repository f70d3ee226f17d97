"""Protect (10.7): the allow list (modules/protect/shared-functions.php: objects in the Jetpack
option ``protect_whitelist``) and brute force protection of the login page (modules/protect.php),
with the Protect service's counting done locally."""

from __future__ import annotations

import hashlib
import ipaddress
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options
from jetpress.jetpack.services import modules, transients
from jetpress.php.jsoncodec import PHPObject
from jetpress.wp.formatting import esc_html

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack


def _prop(item: Any, name: str) -> Any:
    if isinstance(item, PHPObject):
        return item.properties.get(name)
    if isinstance(item, dict):
        return item.get(name)
    return None


def local_whitelist(jp: Jetpack) -> list[Any]:
    """jetpack_protect_get_local_whitelist: the stored items, [] when never set (single site)."""
    value = jetpack_options.get_option(jp, "protect_whitelist")
    if value is False or value is None:
        return []
    if isinstance(value, dict):
        return list(value.values())
    return list(value) if isinstance(value, list) else []


def format_whitelist(jp: Jetpack) -> dict[str, Any]:
    """jetpack_protect_format_whitelist: ``{"local": ["ip", "low - high", ...]}``."""
    local: list[str] = []
    for item in local_whitelist(jp):
        if _prop(item, "range"):
            local.append(f"{_prop(item, 'range_low')} - {_prop(item, 'range_high')}")
        else:
            local.append(str(_prop(item, "ip_address")))
    return {"local": local}


def _valid_ip(text: str) -> bool:
    """filter_var( $ip, FILTER_VALIDATE_IP ) && inet_pton( $ip )."""
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def save_whitelist(jp: Jetpack, lines: list[str]) -> bool | str:
    """jetpack_protect_save_whitelist( $whitelist ): True, or the WP_Error message of an
    invalid entry ('One of your IP addresses was not valid.')."""
    items: list[PHPObject] = []
    for raw in lines:
        entry = raw.strip()
        if not entry:
            continue
        if entry.find("-") > 0:  # strpos( $item, '-' ): a range, unless it starts with '-'
            low, _, high = entry.partition("-")
            low, high = low.strip(), high.split("-")[0].strip()
            if not (_valid_ip(low) and _valid_ip(high)):
                return "One of your IP addresses was not valid."
            items.append(
                PHPObject("stdClass", {"range": True, "range_low": low, "range_high": high})
            )
        else:
            if not _valid_ip(entry):
                return "One of your IP addresses was not valid."
            items.append(PHPObject("stdClass", {"range": False, "ip_address": entry}))
    jetpack_options.update_option(jp, "protect_whitelist", items)
    return True


# -- brute force protection (modules/protect.php, 10.7) ---------------------------------------
#
# Jetpack asks api.bruteprotect.com about every login attempt: ``check_ip`` before
# authenticating, ``failed_attempt`` after a failure, ``successful_login`` after a success. That
# service counts failures per IP and answers a status ('ok', 'blocked', 'blocked-hard'), the
# seconds it holds and the site's total of blocked attempts (stored in the site option
# ``jetpack_protect_blocked_attempts``). jetpress answers those calls itself
# (docs/fidelity.md#protect-brute-force): MAX_ATTEMPTS failures from one IP within
# BLOCK_SECONDS block it ('blocked-hard') for BLOCK_SECONDS, and every login attempt refused
# while blocked adds one to the count.

MAX_ATTEMPTS = 5
BLOCK_SECONDS = 3600
BLOCKED_OPTION = "jetpack_protect_blocked_attempts"
# jetpack_protect_get_headers(): the $_SERVER keys Protect sends and hashes
IP_HEADERS = (
    "GD_PHP_HANDLER",
    "HTTP_AKAMAI_ORIGIN_HOP",
    "HTTP_CF_CONNECTING_IP",
    "HTTP_CLIENT_IP",
    "HTTP_FASTLY_CLIENT_IP",
    "HTTP_FORWARDED",
    "HTTP_FORWARDED_FOR",
    "HTTP_INCAP_CLIENT_IP",
    "HTTP_TRUE_CLIENT_IP",
    "HTTP_X_CLIENTIP",
    "HTTP_X_CLUSTER_CLIENT_IP",
    "HTTP_X_FORWARDED",
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_IP_TRAIL",
    "HTTP_X_REAL_IP",
    "HTTP_X_VARNISH",
    "REMOTE_ADDR",
)
_PRIVATE_V4 = (
    ("10.0.0.0", "10.255.255.255"),  # single class A network
    ("172.16.0.0", "172.31.255.255"),  # 16 contiguous class B network
    ("192.168.0.0", "192.168.255.255"),  # 256 contiguous class C network
    ("169.254.0.0", "169.254.255.255"),  # link-local (APIPA)
    ("127.0.0.0", "127.255.255.255"),  # localhost
)


@dataclass(frozen=True, slots=True)
class LoginRequest:
    """What Protect reads of a request to wp-login.php: REMOTE_ADDR and the HTTP headers."""

    remote_addr: str
    headers: Mapping[str, str]  # lower-case names

    def server(self, key: str) -> str:
        """``$_SERVER[ $key ]`` for REMOTE_ADDR and HTTP_* keys ('' when absent)."""
        if key == "REMOTE_ADDR":
            return self.remote_addr
        if key.startswith("HTTP_"):
            return self.headers.get(key[5:].lower().replace("_", "-"), "")
        return ""


@dataclass(frozen=True, slots=True)
class Blocked:
    """kill_login(): the page Jetpack_Protect_Blocked_Login_Page dies with (HTTP 403)."""

    ip: str
    title: str = "Login Blocked by Jetpack"
    status: int = 403

    @property
    def html(self) -> str:
        """get_html_blocked_login_message() for the flagged IP."""
        ip = esc_html(self.ip)
        return (
            f"<p>Your IP address <code>{ip}</code> has been flagged for potential security "
            "violations. You can unlock your login by sending yourself a special link via "
            'email. <a href="https://jetpack.com/support/security-features/#unblock">'
            "Learn More</a></p>"
        )


def is_protect_active(jp: Jetpack) -> bool:
    """The module is loaded only while active (Jetpack::load_modules)."""
    return modules.is_active(jp, "protect")


def clean_ip(raw: str) -> str | None:
    """jetpack_clean_ip: strip `` unless ...``, ports and brackets, then FILTER_VALIDATE_IP."""
    ip = raw.split(" unless ")[0].strip().lower()
    for pattern in (
        r"^(\d+\.\d+\.\d+\.\d+):\d+$",  # IPv4 with port
        r"^\[([a-z0-9\-._~!$&'()*+,;=:]+)\](?::\d+)?$",  # IPv6 in brackets, optional port
        r"^::ffff:(\d+\.\d+\.\d+\.\d+)$",  # IPv4 cast as IPv6
    ):
        found = re.match(pattern, ip)
        if found:
            ip = found.group(1)
    return ip if _valid_ip(ip) else None


def get_ip(jp: Jetpack, request: LoginRequest) -> str | None:
    """jetpack_protect_get_ip: the ``trusted_ip_header`` (an object Protect's check_key sent:
    trusted_header, segments, reverse) or REMOTE_ADDR, the chosen comma segment, cleaned."""
    trusted = jp.site.options.get("trusted_ip_header")
    header = _prop(trusted, "trusted_header")
    segments, reverse = 1, False
    if isinstance(header, str) and request.server(header):
        raw = request.server(header)
        segments = php.to_int(_prop(trusted, "segments")) or 1
        reverse = php.is_truthy(_prop(trusted, "reverse"))
    else:
        raw = request.remote_addr
    if not raw:
        return None
    ips = raw.split(",")
    if reverse:
        ips.reverse()
    if len(ips) == 1:
        return clean_ip(ips[0])
    if len(ips) >= segments:
        return clean_ip(ips[len(ips) - segments])
    return clean_ip(request.remote_addr)


def ip_is_private(ip: str) -> bool:
    """jetpack_protect_ip_is_private: IPv6 private/reserved ranges, the IPv4 ranges above."""
    address = ipaddress.ip_address(ip)
    if isinstance(address, ipaddress.IPv6Address):
        # ! filter_var( $ip, FILTER_VALIDATE_IP, FILTER_FLAG_NO_PRIV_RANGE | NO_RES_RANGE )
        return address.is_private or address.is_reserved or address.is_loopback
    value = int(address)
    return any(
        int(ipaddress.ip_address(low)) <= value <= int(ipaddress.ip_address(high))
        for low, high in _PRIVATE_V4
    )


def _in_range(ip: str, low: Any, high: Any) -> bool:
    """jetpack_protect_ip_address_is_in_range (same family only)."""
    try:
        address = ipaddress.ip_address(ip)
        first = ipaddress.ip_address(php.to_php_string(low))
        last = ipaddress.ip_address(php.to_php_string(high))
    except ValueError:
        return False
    if not address.version == first.version == last.version:
        return False
    return int(first) <= int(address) <= int(last)


def is_whitelisted(jp: Jetpack, ip: str) -> bool:
    """Jetpack_Protect_Module::ip_is_whitelisted: JETPACK_IP_ADDRESS_OK or the local list."""
    if jp.site.constants.get("JETPACK_IP_ADDRESS_OK") == ip:
        return True
    for item in local_whitelist(jp):
        if not _prop(item, "range") and _prop(item, "ip_address") == ip:
            return True
        if _prop(item, "range") and _in_range(
            ip, _prop(item, "range_low"), _prop(item, "range_high")
        ):
            return True
    return False


def _ip_allowed(jp: Jetpack, ip: str | None) -> bool:
    """is_current_ip_whitelisted (an IP that cannot be found deactivates Protect in PHP; here
    such a request is simply let through)."""
    return ip is None or ip_is_private(ip) or is_whitelisted(jp, ip)


def _transient_name(request: LoginRequest) -> str:
    """get_transient_name(): ``jpp_li_`` + md5 of the JSON of the IP-related headers."""
    headers = {key: request.server(key) for key in IP_HEADERS if request.server(key)}
    return "jpp_li_" + hashlib.md5(php.json_encode(headers)).hexdigest()


def _state_name(ip: str) -> str:
    return "jetpress_protect_" + hashlib.md5(ip.encode()).hexdigest()


def _api(jp: Jetpack, action: str, ip: str) -> dict[str, Any]:
    """The Protect API's answer to ``action`` for ``ip`` (jetpress's local counting)."""
    now = int(jp.site.clock.now())
    state = transients.get_transient(jp.site, _state_name(ip))
    state = dict(state) if isinstance(state, dict) else {}
    failures = [
        php.to_int(t) for t in state.get("failures", []) if php.to_int(t) > now - BLOCK_SECONDS
    ]
    blocked_until = php.to_int(state.get("blocked_until", 0))
    if action == "failed_attempt" and blocked_until <= now:
        failures.append(now)
        if len(failures) >= php.to_int(
            jp.site.constants.get("JETPRESS_PROTECT_MAX_ATTEMPTS", MAX_ATTEMPTS)
        ):
            blocked_until = now + BLOCK_SECONDS
    elif action == "successful_login" and blocked_until <= now:
        failures = []
    transients.set_transient(
        jp.site,
        _state_name(ip),
        {"failures": failures, "blocked_until": blocked_until},
        BLOCK_SECONDS,
    )
    if blocked_until > now:
        return {"status": "blocked-hard", "seconds_remaining": blocked_until - now}
    return {"status": "ok", "seconds_remaining": 60}


def protect_call(jp: Jetpack, request: LoginRequest, action: str) -> dict[str, Any]:
    """Jetpack_Protect_Module::protect_call: ask, then cache the status per request headers
    (transient ``jpp_li_<hash>``) for the seconds it holds."""
    ip = get_ip(jp, request) or ""
    response = _api(jp, action, ip)
    name = _transient_name(request)
    transients.delete_transient(jp.site, name)
    response["expire"] = int(jp.site.clock.now()) + response["seconds_remaining"]
    transients.set_transient(jp.site, name, response, response["seconds_remaining"])
    return response


def _count_blocked(jp: Jetpack) -> None:
    """One more blocked attempt (update_site_option with the service's new total)."""
    with jp.site.options.locked(BLOCKED_OPTION):
        count = php.to_int(jp.site.options.get(BLOCKED_OPTION, 0))
        jp.site.options.update(BLOCKED_OPTION, count + 1)


def check_login_ability(jp: Jetpack, request: LoginRequest, *, attempt: bool) -> Blocked | None:
    """check_login_ability() / check_preauth(): None to go on, or the blocked page.

    ``attempt`` is True for the ``authenticate`` filter (credentials were sent): a refused
    attempt is counted. JETPACK_ALWAYS_PROTECT_LOGIN blocks everyone, as in Jetpack."""
    if not is_protect_active(jp):
        return None
    ip = get_ip(jp, request)
    if php.is_truthy(jp.site.constants.get("JETPACK_ALWAYS_PROTECT_LOGIN")):
        return _kill(jp, ip or "", attempt=attempt)
    if _ip_allowed(jp, ip):
        return None
    cached = transients.get_transient(jp.site, _transient_name(request))
    status = cached.get("status") if isinstance(cached, dict) else None
    if not status:
        status = protect_call(jp, request, "check_ip")["status"]
    if status in ("blocked", "blocked-hard"):
        return _kill(jp, ip or "", attempt=attempt)
    return None


def _kill(jp: Jetpack, ip: str, *, attempt: bool) -> Blocked:
    if attempt:
        _count_blocked(jp)
    return Blocked(ip)


def log_failed_attempt(jp: Jetpack, request: LoginRequest) -> None:
    """``wp_login_failed``: report the failure (it may block the IP)."""
    if is_protect_active(jp) and not _ip_allowed(jp, get_ip(jp, request)):
        protect_call(jp, request, "failed_attempt")


def log_successful_login(jp: Jetpack, request: LoginRequest) -> None:
    """``wp_login``: report the success (the IP's failures are forgiven)."""
    if is_protect_active(jp) and not _ip_allowed(jp, get_ip(jp, request)):
        protect_call(jp, request, "successful_login")


@dataclass(frozen=True, slots=True)
class ProtectLoginGuard:
    """Protect's hooks on wp-login.php, for ``jetpress.http.login.handle``'s ``guard``."""

    jp: Jetpack

    def check(self, client: str, headers: Mapping[str, str], *, attempt: bool) -> Blocked | None:
        """check_login_ability on load / check_preauth in ``authenticate``."""
        return check_login_ability(self.jp, LoginRequest(client, headers), attempt=attempt)

    def failed(self, client: str, headers: Mapping[str, str], username: str) -> None:
        """``wp_login_failed``: log_failed_attempt."""
        log_failed_attempt(self.jp, LoginRequest(client, headers))

    def succeeded(self, client: str, headers: Mapping[str, str], username: str) -> None:
        """``wp_login``: log_successful_login."""
        log_successful_login(self.jp, LoginRequest(client, headers))
