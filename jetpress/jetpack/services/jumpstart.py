"""Jumpstart as Jetpack 4.3–7.4 did it (CORE 7.x jumpstart_activate / jumpstart_deactivate):
activate the Jumpstart modules and set default sharing buttons, or dismiss it. 10.7 has no
Jumpstart; these back the documented legacy routes (docs/fidelity.md#legacy-jumpstart)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jetpress.jetpack import errors, jetpack_options
from jetpress.jetpack.services import modules, sharing

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack


@dataclass(slots=True)
class JumpstartResult:
    """``data`` of the 'Jumpstart done.' answer."""

    activated_modules: list[str] = field(default_factory=list)
    failed_modules: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return {
            "activated_modules": self.activated_modules,
            "failed_modules": self.failed_modules,
            **self.extra,
        }


def activate(jp: Jetpack) -> JumpstartResult:
    """jumpstart_activate: raises jumpstart_failed when a module could not be activated."""
    result = JumpstartResult()
    if jetpack_options.get_option(jp, "jumpstart") == "new_connection":
        result.extra["jumpstart_activated"] = jetpack_options.update_option(
            jp, "jumpstart", "jumpstart_activated"
        )
    for slug in jp.rules.jumpstart_modules:
        target = result.activated_modules if modules.activate(jp, slug) else result.failed_modules
        target.append(slug)
    services = jp.site.options.get(sharing.SERVICES)
    visible = services.get("visible") if isinstance(services, dict) else None
    # class_exists( 'Sharing_Service' ): loaded once the sharedaddy module is active
    if not visible and modules.is_active(jp, "sharedaddy"):
        stored = jp.site.options.get(sharing.OPTIONS)
        options = dict(stored) if isinstance(stored, dict) else {}
        previous = options.get("global")
        custom = previous.get("custom") if isinstance(previous, dict) else None
        options["global"] = {
            "button_style": "icon",
            "sharing_label": jp.rules.sharing_default_label,
            "open_links": "same",
            "show": ["post"],
            "custom": custom if custom is not None else [],
        }
        result.extra["sharing_options"] = jp.site.options.update(sharing.OPTIONS, options)
        result.extra["sharing_services"] = jp.site.options.update(
            sharing.SERVICES, {"visible": ["twitter", "facebook"], "hidden": []}
        )
    if result.failed_modules:
        raise errors.jumpstart_failed(result.failed_modules)
    return result


def deactivate(jp: Jetpack) -> str:
    """jumpstart_deactivate: the success message, or jumpstart_failed_dismiss."""
    if jetpack_options.get_option(jp, "jumpstart") == "new_connection":
        if jetpack_options.update_option(jp, "jumpstart", "jumpstart_dismissed"):
            return "Jumpstart dismissed."
        raise errors.jumpstart_failed_dismiss()
    return "Nothing to dismiss. This was not a new connection."
