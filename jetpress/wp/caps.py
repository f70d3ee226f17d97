"""Capabilities: map_meta_cap with a registry for added meta caps, and has_cap.

Port of WP_User::has_cap (wp-includes/class-wp-user.php:772-825) and the single-site part of
map_meta_cap (CAP:44-833). Plugins register their meta caps (Jetpack's ``map_meta_cap`` filters
at prio 1) with ``CapabilityMap.register``.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jetpress.wp.users import User

MetaCap = Callable[["User | None", tuple[Any, ...]], list[str]]

_FILE_MODS = frozenset(
    {
        "update_plugins",
        "delete_plugins",
        "install_plugins",
        "upload_plugins",
        "update_themes",
        "delete_themes",
        "install_themes",
        "upload_themes",
        "update_core",
    }
)
_FILE_EDIT = frozenset({"edit_plugins", "edit_themes", "edit_files"})


@dataclass(slots=True)
class CapabilityMap:
    """map_meta_cap for one site: core rules plus registered meta caps."""

    constants: Mapping[str, Any] = field(default_factory=dict)
    meta: dict[str, MetaCap] = field(default_factory=dict)

    def register(self, cap: str, mapper: MetaCap) -> None:
        """Add a meta capability (the ``map_meta_cap`` filter)."""
        self.meta[cap] = mapper

    def map_meta_cap(self, cap: str, user: User | None, *args: Any) -> list[str]:
        """The primitive caps ``cap`` needs for ``user`` (CAP:44-833, single site)."""
        if cap in self.meta:
            return self.meta[cap](user, args)
        uid = user.id if user is not None else 0
        if cap in ("edit_user", "edit_users"):
            # Editing yourself needs nothing; others need edit_users (CAP:60-73).
            if cap == "edit_user" and args and _int(args[0]) == uid:
                return []
            return ["edit_users"]
        if cap in (
            "activate_plugins",
            "deactivate_plugins",
            "activate_plugin",
            "deactivate_plugin",
        ):
            return ["activate_plugins"]  # CAP:644-656
        if cap in _FILE_MODS:
            # CAP:611-632
            return ["do_not_allow"] if self.constants.get("DISALLOW_FILE_MODS") else [cap]
        if cap in _FILE_EDIT:
            if self.constants.get("DISALLOW_FILE_EDIT") or self.constants.get("DISALLOW_FILE_MODS"):
                return ["do_not_allow"]
            return [cap]
        if cap == "unfiltered_html":
            return ["do_not_allow"] if self.constants.get("DISALLOW_UNFILTERED_HTML") else [cap]
        if cap == "manage_privacy_options":
            return ["manage_options"]
        if cap == "update_php":
            return ["update_core"]
        if cap == "update_https":
            return ["manage_options", "update_core"]
        if cap in (
            "list_app_passwords",
            "create_app_password",
            "read_app_password",
            "edit_app_password",
            "delete_app_passwords",
            "delete_app_password",
        ):
            return self.map_meta_cap("edit_user", user, *args)  # CAP:790-796
        return [cap]

    def has_cap(self, user: User | None, cap: str, *args: Any) -> bool:
        """WP_User::has_cap: every mapped cap must be granted; ``exist`` always is."""
        caps = self.map_meta_cap(cap, user, *args)
        allcaps = dict(user.allcaps) if user is not None else {}
        allcaps["exist"] = True  # class-wp-user.php:816
        return all(allcaps.get(item, False) for item in caps)


def derived_caps(caps: Mapping[str, bool]) -> dict[str, bool]:
    """The ``user_has_cap`` filters of core (DF:678-680, CAP:1204-1256)."""
    out = dict(caps)
    if out.get("update_core") or out.get("install_plugins") or out.get("install_themes"):
        out["install_languages"] = True
    if out.get("activate_plugins"):
        out["resume_plugins"] = True
    if out.get("switch_themes"):
        out["resume_themes"] = True
    if out.get("install_plugins"):
        out["view_site_health_checks"] = True
    return out


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return -1
