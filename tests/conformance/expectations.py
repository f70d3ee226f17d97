"""Corpus cases jetpress answers differently on purpose: each names its docs/fidelity.md entry.

A strict xfail: if a case starts to pass, the suite fails until this list is corrected.
"""

from __future__ import annotations

from typing import Any

FIDELITY = "docs/fidelity.md#"

KNOWN: dict[str, str] = {
    # Routes the user documentation describes and 10.7 no longer registers: served as documented.
    "legacy/jumpstart-deactivate": FIDELITY + "legacy-jumpstart",
    "legacy/module-activate": FIDELITY + "legacy-module-activate",
    "legacy/notice-welcome-dismiss": FIDELITY + "legacy-notice-dismiss",
    "legacy/recheck-ssl": FIDELITY + "recheck-ssl",
    "legacy/reset-modules": FIDELITY + "legacy-reset",
    "legacy/reset-options": FIDELITY + "legacy-reset",
    # Jetpack 10.7 crashes (php-fatal): jetpress answers a 400 naming the parameter.
    "settings-update/alt-post-by-email-delete": FIDELITY + "php-fatal",
    "settings-update/jetpack_protect_key": FIDELITY + "php-fatal",
    "settings-update/jetpack_protect_key-online": FIDELITY + "php-fatal",
    "settings-update/monitor_receive_notifications": FIDELITY + "php-fatal",
    "settings-update/monitor_receive_notifications-online": FIDELITY + "php-fatal",
    "settings-update/post_by_email_address-online": FIDELITY + "php-fatal",
    # No posts table: onboarding cannot create pages.
    "settings-update/alt-onboarding-full": FIDELITY + "onboarding-pages",
}


def expected_failure(case: dict[str, Any]) -> str | None:
    return KNOWN.get(case["id"])
