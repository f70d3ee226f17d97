"""Offline ("development") mode and local/staging site detection, as Jetpack 10.7 decides them.

Port of Automattic\\Jetpack\\Status::is_offline_mode / is_local_site / is_staging_site (status
package of Jetpack 10.x) with the flags GET /connection reports (jetpack-v4-endpoints.md §3.3, §6).
WordPress filters have no hooks here: ``JETPRESS_OFFLINE_MODE_FILTER`` (a site constant) stands
for ``add_filter('jetpack_offline_mode', '__return_true')``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jetpress import php
from jetpress.wp.site import environment_type, memoized, site_url

if TYPE_CHECKING:
    from jetpress.wp.site import Site

FILTER_CONSTANT = "JETPRESS_OFFLINE_MODE_FILTER"

# Status::is_local_site, Jetpack 10.x: known local development TLDs, matched on the host.
_KNOWN_LOCAL = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\.local$",
        r"\.localhost$",
        r"\.test$",
        r"\.docksal$",
        r"\.docksal\.site$",
        r"\.dev\.cc$",
        r"\.lndo\.site$",
    )
)
# Status::is_staging_site, Jetpack 10.x: known staging hosts and constants.
_KNOWN_STAGING_URLS = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        r"\.staging\.wpengine\.com$",
        r"\.staging\.kinsta\.(com|cloud)$",
        r"\.kinsta\.cloud$",
        r"\.stage\.site$",
        r"\.newspackstaging\.com$",
        r"\.pantheonsite\.io$",
        r"\.flywheelsites\.com$",
        r"\.flywheelstaging\.com$",
        r"\.cloudwaysapps\.com$",
        r"\.azurewebsites\.net$",
        r"\.wpserveur\.net$",
        r"\-liquidwebsites\.com$",
    )
)
_KNOWN_STAGING_CONSTANTS = (
    "IS_WPE_SNAPSHOT",
    "KINSTA_DEV_ENV",
    "WPSTAGECOACH_STAGING",
    "JETPACK_STAGING_MODE",
    "WP_LOCAL_DEV",
)


@dataclass(frozen=True, slots=True, kw_only=True)
class OfflineStatus:
    """``offlineMode`` of GET /connection: the decision and the flags behind it."""

    is_active: bool
    constant: bool
    url: bool
    filter: bool
    wp_local_constant: bool

    def as_json(self) -> dict[str, bool]:
        """The ``offlineMode`` object in 10.7's key order (connection.offline.json)."""
        return {
            "isActive": self.is_active,
            "constant": self.constant,
            "url": self.url,
            "filter": self.filter,
            "wpLocalConstant": self.wp_local_constant,
        }


def _defined_truthy(constants: Any, name: str) -> bool:
    # defined( 'X' ) && X
    return name in constants and php.is_truthy(constants[name])


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def is_local_site(site: Site) -> bool:
    """Status::is_local_site: a site URL without a dot, environment ``local`` or a dev TLD."""
    url = site_url(site)
    is_local = bool(url) and "." not in url  # site_url() && false === strpos( site_url(), '.' )
    if environment_type(site) == "local":
        is_local = True
    if not is_local:
        host = _host(url)
        is_local = any(pattern.search(host) for pattern in _KNOWN_LOCAL)
    return is_local


def filter_flag(site: Site) -> bool:
    """``apply_filters('jetpack_development_mode', false) ||
    apply_filters('jetpack_offline_mode', false)``."""
    return _defined_truthy(site.constants, FILTER_CONSTANT)


def is_offline_mode(site: Site) -> bool:
    """Status::is_offline_mode: JETPACK_DEV_DEBUG, else WP_LOCAL_DEV, else is_local_site; then the
    filter. A defined constant wins even when falsy (the later checks are not consulted).

    Cached per options generation, as Status caches it per request (it is asked ~90 times by
    GET /module/all)."""
    return memoized(site, "jetpack:offline", lambda: _is_offline_mode(site))


def _is_offline_mode(site: Site) -> bool:
    constants = site.constants
    if "JETPACK_DEV_DEBUG" in constants:
        offline = php.is_truthy(constants["JETPACK_DEV_DEBUG"])
    elif "WP_LOCAL_DEV" in constants:
        offline = php.is_truthy(constants["WP_LOCAL_DEV"])
    else:
        offline = is_local_site(site)
    return offline or filter_flag(site)


def status(site: Site) -> OfflineStatus:
    """The ``offlineMode`` flags of GET /connection (REST_Connector::connection_status, 10.x)."""
    return OfflineStatus(
        is_active=is_offline_mode(site),
        constant=_defined_truthy(site.constants, "JETPACK_DEV_DEBUG"),
        url=is_local_site(site),
        filter=filter_flag(site),
        wp_local_constant=_defined_truthy(site.constants, "WP_LOCAL_DEV"),
    )


def is_staging_site(site: Site) -> bool:
    """Status::is_staging_site (10.x) without the IDC part: staging hosts, constants, and an
    environment type other than production or local."""
    if environment_type(site) not in ("production", "local"):
        return True
    host = _host(site_url(site))
    if any(pattern.search(host) for pattern in _KNOWN_STAGING_URLS):
        return True
    return any(_defined_truthy(site.constants, name) for name in _KNOWN_STAGING_CONSTANTS)


def is_online(site: Site) -> bool:
    """Not in offline mode (routes Jetpack registers only online, such as JITM)."""
    return not is_offline_mode(site)
