"""GET /module/<slug>/data and /module/<service>/key/check: the parts a site answers locally.

Jetpack_Core_API_Module_Data_Endpoint (MOD 10.7; jetpack-v4-endpoints.md §3.11). Answers that
need WordPress.com (stats of a connected site, monitor downtime, Akismet's key service) are
those of a site whose outbound requests fail, as in the conformance fixture.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress.jetpack import errors
from jetpress.jetpack.services import connection, modules, onboarding
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

AKISMET = "akismet/akismet.php"
# jetpack_verification_services() order, with the names the data endpoint reports
VERIFICATION_SERVICES = (
    ("google", "Google"),
    ("bing", "Bing"),
    ("pinterest", "Pinterest"),
    ("yandex", "Yandex"),
    ("facebook", "Facebook"),
)


def not_active() -> WPError:
    # MOD get_protect_data & co.; corpus module-data/protect-inactive
    return WPError("not_active", "The requested Jetpack module is not active.", status=404)


def _missing_token() -> dict[str, Any]:
    """json_encode( new WP_Error( 'missing_token' ) ): the object's public properties
    (corpus module-data/stats-range-day)."""
    return {"errors": {"missing_token": [""]}, "error_data": []}


def stats(jp: Jetpack, range_: Any) -> dict[str, Any]:
    """get_stats_data: day (general + visits), week or month; without a connection
    stats_get_from_restapi() is the WP_Error missing_token."""
    if range_ not in ("day", "week", "month"):
        range_ = "day"
    result = _missing_token()
    if connection.is_connection_ready(jp):
        raise errors.not_implemented()  # WordPress.com stats: a later issue
    if range_ == "day":
        return {"general": result, "day": []}  # isset( $stats->visits ) is false
    return {range_: result}


def verification(jp: Jetpack) -> dict[str, Any]:
    """get_verification_tools_data: the services with a stored code."""
    if not modules.is_active(jp, "verification-tools"):
        raise not_active()
    codes = jp.site.options.get("verification_services_codes")
    if not isinstance(codes, dict) or not codes:
        raise _empty()
    names = [name for key, name in VERIFICATION_SERVICES if codes.get(key)]
    if not names:
        raise _empty()
    listed = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return {
        "code": "success",
        "message": f"Your site is verified with {listed}.",
        "services": names,
    }


def _empty() -> WPError:
    # corpus sequences/verification-lifecycle
    return WPError("empty", "Site not verified with any service.", status=404)


def akismet_status(jp: Jetpack) -> str | None:
    """akismet_is_active_and_registered: None, or the failure code ('not_active' when the
    installed plugin is inactive, 'invalid_key' when rest.akismet.com cannot confirm it)."""
    if not onboarding.plugin_active(jp, AKISMET):
        return "not_active"
    return "invalid_key"  # Akismet::verify_key fails without outbound network


def data(jp: Jetpack, slug: str, range_: Any) -> Any:
    """Jetpack_Core_API_Module_Data_Endpoint::process."""
    if slug == "protect":
        if not modules.is_active(jp, "protect"):
            raise not_active()
        # get_site_option( 'jetpack_protect_blocked_attempts' ): false when never set (corpus
        # module-data/protect-after-modules-reset)
        return jp.site.options.get("jetpack_protect_blocked_attempts", False)
    if slug == "stats":
        return stats(jp, range_)
    if slug == "akismet":
        status = akismet_status(jp)
        if status is not None:
            return status  # the error code as a plain string, HTTP 200
        raise errors.not_implemented()
    if slug in ("monitor", "vaultpress"):
        # vaultpress: class_exists( 'VaultPress' ) is false; monitor needs WordPress.com
        if slug == "vaultpress" or not modules.is_active(jp, slug):
            raise not_active()
        raise errors.not_implemented()
    if slug == "verification-tools":
        return verification(jp)
    return None  # any other slug: null


def key_check(jp: Jetpack, service: str) -> Any:
    """key_check: only akismet is supported; others answer false."""
    if service != "akismet":
        return False
    if not onboarding.plugin_active(jp, AKISMET):
        return {
            "validKey": False,
            "invalidKeyCode": "not_active",
            "invalidKeyMessage": "Please activate Akismet.",
        }
    return {"validKey": False}  # Akismet::check_key_status without network
