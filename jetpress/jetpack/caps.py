"""Jetpack's meta capabilities, mapped as Jetpack 10.7 maps them (map_meta_cap filters).

Jetpack::jetpack_custom_caps (class.jetpack.php ≈9–11, F22 id 101716763) and
Manager::jetpack_connection_custom_caps (connection package, F6 ≈L1095); table in
jetpack-v4-endpoints.md §1.2. Offline mode changes jetpack_admin_page, jetpack_connect,
jetpack_reconnect and jetpack_connect_user.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from jetpress.jetpack import offline
from jetpress.jetpack.services import connection

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.caps import CapabilityMap, MetaCap
    from jetpress.wp.users import User

MetaArgs = tuple[Any, ...]

# jetpack_custom_caps: fixed mappings
FIXED: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {
        "jetpack_manage_modules": ("manage_options",),
        "jetpack_activate_modules": ("manage_options",),
        "jetpack_deactivate_modules": ("manage_options",),
        "jetpack_configure_modules": ("manage_options",),
        "jetpack_manage_autoupdates": ("manage_options", "update_plugins"),
        "jetpack_network_admin_page": ("manage_network_plugins",),
        "jetpack_network_settings_page": ("manage_network_plugins",),
        "jetpack_network_sites_page": ("manage_sites",),
        # Manager::jetpack_connection_custom_caps: apply_filters( 'jetpack_disconnect_cap',
        # array( 'manage_options' ) )
        "jetpack_disconnect": ("manage_options",),
    }
)


def map_cap(jp: Jetpack, cap: str, user: User | None) -> list[str]:
    """The primitive capabilities ``cap`` needs (the Jetpack part of map_meta_cap)."""
    if cap in FIXED:
        return list(FIXED[cap])
    is_offline = offline.is_offline_mode(jp.site)
    if cap == "jetpack_admin_page":
        # jetpack_custom_caps: offline mode needs manage_options, otherwise 'read'
        return ["manage_options"] if is_offline else ["read"]
    if cap in ("jetpack_connect", "jetpack_reconnect"):
        # F6: offline mode → do_not_allow; otherwise the same as jetpack_disconnect
        return ["do_not_allow"] if is_offline else list(FIXED["jetpack_disconnect"])
    if cap == "jetpack_connect_user":
        if is_offline:
            return ["do_not_allow"]
        # With site connections in mind, non-admin users can connect their account only if a
        # connection owner exists (F6 ≈L1110).
        return ["read"] if connection.has_connected_owner(jp) else ["manage_options"]
    return [cap]


META_CAPS = (
    *FIXED,
    "jetpack_admin_page",
    "jetpack_connect",
    "jetpack_reconnect",
    "jetpack_connect_user",
)


def register_caps(caps: CapabilityMap, jp: Jetpack) -> None:
    """Add Jetpack's meta capabilities to the site's map_meta_cap."""
    for cap in META_CAPS:
        caps.register(cap, _mapper(jp, cap))


def _mapper(jp: Jetpack, cap: str) -> MetaCap:
    def mapper(user: User | None, args: MetaArgs) -> list[str]:
        return map_cap(jp, cap, user)

    return mapper
