"""GET /module/<slug>/data and /module/<service>/key/check.

Jetpack_Core_API_Module_Data_Endpoint (MOD 10.7; jetpack-v4-endpoints.md §3.11). Protect's
count and the verification codes are local; stats and Monitor's last downtime come from
WordPress.com, Akismet's key check from Akismet's service (``wpcom_data``): without tokens or
network they fail as in the conformance fixture (tag ``remote``).
"""

from __future__ import annotations

import calendar
import re
import time
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack.services import modules, plugins, wpcom_data
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User

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


# -- stats ------------------------------------------------------------------------------------


def stats(jp: Jetpack, range_: Any) -> dict[str, Any]:
    """get_stats_data: ``day`` (the summary and its visits), ``week`` (14) or ``month`` (12)
    through stats_get_from_restapi(); a failure is the WP_Error object as json_encode shows it
    (corpus module-data/stats-range-day: ``missing_token``)."""
    if range_ not in ("day", "week", "month"):
        range_ = "day"
    if range_ == "day":
        general = wpcom_data.stats_get_from_restapi(jp, "")
        # isset( $initial_stats->visits ): a WP_Error (a plain dict here) has no such property
        visits = general.get("visits") if isinstance(general, php.JsonObject) else None
        day = visits if visits is not None else []
        return {"general": general, "day": day}
    quantity = 14 if range_ == "week" else 12
    return {
        range_: wpcom_data.stats_get_from_restapi(jp, f"visits?unit={range_}&quantity={quantity}")
    }


# -- verification tools -----------------------------------------------------------------------


def verification(jp: Jetpack) -> dict[str, Any]:
    """get_verification_tools_data: the services with a stored code."""
    if not modules.is_active(jp, "verification-tools"):
        raise not_active()
    codes = jp.site.options.get("verification_services_codes")
    if not isinstance(codes, dict) or not codes:
        raise _empty()
    names = [name for key, name in VERIFICATION_SERVICES if php.is_truthy(codes.get(key))]
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


# -- Akismet ----------------------------------------------------------------------------------


def akismet_api_key(jp: Jetpack) -> str:
    """Akismet::get_api_key(): WPCOM_API_KEY or the ``wordpress_api_key`` option."""
    key = jp.site.constants.get("WPCOM_API_KEY", jp.site.options.get("wordpress_api_key"))
    return php.to_php_string(key) if key is not False and key is not None else ""


def _akismet_class_error(jp: Jetpack) -> tuple[str, str] | None:
    """akismet_class_exists: the plugin file must be installed and the plugin loaded (active)."""
    if AKISMET not in plugins.load_catalog():
        return ("not_installed", "Please install Akismet.")
    if not plugins.is_plugin_active(jp, AKISMET):
        return ("not_active", "Please activate Akismet.")
    return None


def akismet_status(jp: Jetpack) -> str | None:
    """akismet_is_active_and_registered: None, or the failure code (``not_installed``,
    ``not_active``, ``invalid_key`` when Akismet::verify_key() is not 'valid')."""
    failure = _akismet_class_error(jp)
    if failure is not None:
        return failure[0]
    if wpcom_data.akismet_verify_key(jp, akismet_api_key(jp)) != "valid":
        return "invalid_key"
    return None


def akismet(jp: Jetpack) -> Any:
    """get_akismet_data: ``(int) get_option( 'akismet_spam_count', 0 )``, or the error code as
    a plain string with HTTP 200 (corpus module-data/akismet-inactive)."""
    status = akismet_status(jp)
    if status is not None:
        return status
    return php.to_int(jp.site.options.get("akismet_spam_count", 0))


def key_check(jp: Jetpack, service: str, api_key: Any = None) -> Any:
    """key_check: only akismet is supported (others answer false); check_akismet_key() asks
    Akismet about ``api_key`` (JSON body) or the stored key."""
    if service != "akismet":
        return False
    failure = _akismet_class_error(jp)
    if failure is not None:
        return {"validKey": False, "invalidKeyCode": failure[0], "invalidKeyMessage": failure[1]}
    key = php.to_php_string(api_key) if php.is_truthy(api_key) else akismet_api_key(jp)
    # Akismet::check_key_status( $key ): [headers, body], ['', ''] on a transport error; the
    # array is never empty, so only the body decides
    return {"validKey": wpcom_data.akismet_check_key_status(jp, key) == "valid"}


# -- Monitor ----------------------------------------------------------------------------------

_MINUTE, _HOUR, _DAY = 60, 3600, 86400
_WEEK, _MONTH, _YEAR = 7 * _DAY, 30 * _DAY, 365 * _DAY
_DATETIME = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")


def _php_round(value: float) -> int:
    """PHP round(): halves away from zero."""
    return int(value + 0.5) if value >= 0 else -int(-value + 0.5)


def human_time_diff(start: int, end: int) -> str:
    """human_time_diff( $from, $to ) (formatting.php, WP 6.1)."""
    diff = abs(end - start)
    steps = (
        (_MINUTE, 1, "second", "seconds"),
        (_HOUR, _MINUTE, "min", "mins"),
        (_DAY, _HOUR, "hour", "hours"),
        (_WEEK, _DAY, "day", "days"),
        (_MONTH, _WEEK, "week", "weeks"),
        (_YEAR, _MONTH, "month", "months"),
    )
    for limit, unit, one, many in steps:
        if diff < limit:
            count = max(1, diff if unit == 1 else _php_round(diff / unit))
            return f"{count} {one if count == 1 else many}"
    count = max(1, _php_round(diff / _YEAR))
    return f"{count} {'year' if count == 1 else 'years'}"


def strtotime(text: Any) -> int | None:
    """strtotime() for WordPress.com's ``Y-m-d H:i:s`` (UTC, WordPress's default timezone);
    None where PHP answers false (empty or unparsable)."""
    found = _DATETIME.match(php.to_php_string(text))
    if found is None:
        return None
    year, month, day, hour, minute = (int(found.group(i)) for i in range(1, 6))
    second = int(found.group(6) or 0)
    try:
        return calendar.timegm(time.struct_time((year, month, day, hour, minute, second, 0, 0, 0)))
    except (OverflowError, ValueError):
        return None


def monitor(jp: Jetpack, user: User | None) -> dict[str, Any]:
    """get_monitor_data: XML-RPC ``jetpack.monitor.getLastDowntime`` as the current user; a
    failure is WP_Error( 'monitor-downtime', <IXR message> ) (no status: 500)."""
    if not modules.is_active(jp, "monitor"):
        raise not_active()
    outcome = wpcom_data.ixr_query(jp, user, "jetpack.monitor.getLastDowntime")
    if not outcome.ok:
        raise WPError("monitor-downtime", outcome.error_message)
    last = strtotime(outcome.value)
    if last is None:
        return {"code": "success", "date": None}
    return {"code": "success", "date": human_time_diff(last, int(jp.site.clock.now()))}


# -- dispatch ---------------------------------------------------------------------------------


def data(jp: Jetpack, slug: str, range_: Any, user: User | None = None) -> Any:
    """Jetpack_Core_API_Module_Data_Endpoint::process."""
    if slug == "protect":
        if not modules.is_active(jp, "protect"):
            raise not_active()
        # get_site_option( 'jetpack_protect_blocked_attempts' ): false when never set (corpus
        # module-data/protect-after-modules-reset), the stored count (a string) otherwise
        return jp.site.options.get("jetpack_protect_blocked_attempts", False)
    if slug == "stats":
        return stats(jp, range_)
    if slug == "akismet":
        return akismet(jp)
    if slug == "monitor":
        return monitor(jp, user)
    if slug == "vaultpress":
        # class_exists( 'VaultPress' ): the VaultPress plugin is not installed
        # (docs/fidelity.md#vaultpress-data)
        raise not_active()
    if slug == "verification-tools":
        return verification(jp)
    return None  # any other slug: null
