"""The Protect allow list (modules/protect/shared-functions.php, 10.7): objects stored in the
Jetpack option ``protect_whitelist`` (row ``jetpack_protect_whitelist``), shown as strings."""

from __future__ import annotations

import ipaddress
from typing import TYPE_CHECKING, Any

from jetpress.jetpack import jetpack_options
from jetpress.php.jsoncodec import PHPObject

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
