"""Site: one WordPress install, as a frozen bundle of collaborators, and its URL functions.

Behaviour lives in functions taking a ``Site`` (home_url, rest_url, environment type, ...).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, TypeVar, cast

from jetpress import php
from jetpress.clock import Clock
from jetpress.wp.caps import CapabilityMap
from jetpress.wp.options import Options
from jetpress.wp.users import Users

if TYPE_CHECKING:
    from jetpress.wp.users import User

T = TypeVar("T")
ENVIRONMENT_TYPES = ("local", "development", "staging", "production")


@dataclass(frozen=True, slots=True, kw_only=True)
class Site:
    """One WordPress install: storage-backed options and users, caps, clock, randomness.

    ``constants`` holds wp-config.php constants (``JETPACK_DEV_DEBUG``, ``WP_ENVIRONMENT_TYPE``,
    ``AUTH_KEY`` ..., ``DISALLOW_FILE_MODS``); ``random`` is a SystemRandom in production and a
    seeded Random in tests.
    """

    options: Options
    users: Users
    caps: CapabilityMap
    clock: Clock
    random: random.Random
    constants: Mapping[str, Any] = field(default_factory=dict)
    prefix: str = "wp_"
    max_body_bytes: int = 8 * 1024 * 1024
    # Values derived from options (salts, ...), memoized under options.cache_token.
    memo: dict[str, tuple[object, Any]] = field(default_factory=dict)


def memoized(site: Site, key: str, compute: Callable[[], T]) -> T:
    """``compute()`` once per options cache generation (always when the token is unknown)."""
    token = site.options.cache_token
    if token is not None:
        found = site.memo.get(key)
        if found is not None and found[0] == token:
            return cast(T, found[1])
    value = compute()
    if token is not None:
        site.memo[key] = (token, value)
    return value


def home_url(site: Site, path: str = "") -> str:
    """home_url(): the ``home`` option plus ``'/' . ltrim($path, '/')``."""
    base = str(site.options.get("home"))
    return base + "/" + path.lstrip("/") if path else base


def site_url(site: Site, path: str = "") -> str:
    base = str(site.options.get("siteurl"))
    return base + "/" + path.lstrip("/") if path else base


def admin_url(site: Site, path: str = "") -> str:
    return site_url(site, "wp-admin/" + path.lstrip("/"))


def rest_url(site: Site, path: str = "") -> str:
    """get_rest_url (RA:449-506): pretty permalinks or ``index.php?rest_route=``."""
    path = "/" + (path or "/").lstrip("/")
    if site.options.get("permalink_structure"):
        return home_url(site, "wp-json") + path
    # RA:470: 'index.php' is always appended; the value is not encoded.
    return home_url(site, "") + "/index.php?rest_route=" + path


def environment_type(site: Site) -> str:
    """wp_get_environment_type (wp-includes/load.php:191): production unless a known value."""
    value = site.constants.get("WP_ENVIRONMENT_TYPE")
    return value if value in ENVIRONMENT_TYPES else "production"


def application_passwords_available(site: Site, is_ssl: bool) -> bool:
    """wp_is_application_passwords_available (US:4901-4959): https or environment ``local``."""
    return is_ssl or environment_type(site) == "local"


def charset(site: Site) -> str:
    value = site.options.get("blog_charset")
    return value if isinstance(value, str) and value else "UTF-8"


def index_document(
    site: Site, user: User | None, is_ssl: bool
) -> tuple[dict[str, Any], dict[str, Any], list[tuple[str, str, dict[str, Any]]]]:
    """The root index fields before ``routes``, those after it, and its links (SRV:1250-1372)."""
    authentication: Any = []  # an empty PHP array: JSON []
    if application_passwords_available(site, is_ssl):
        # rest_add_application_passwords_to_index (RA:2963-2981)
        authentication = {
            "application-passwords": {
                "endpoints": {"authorization": admin_url(site, "authorize-application.php")}
            }
        }
    head = {
        "name": site.options.get("blogname"),
        "description": site.options.get("blogdescription"),
        "url": site.options.get("siteurl"),
        "home": home_url(site),
        "gmt_offset": site.options.get("gmt_offset"),  # the raw string, e.g. "0" (§1.4)
        "timezone_string": site.options.get("timezone_string"),
        "authentication": authentication,
    }
    links: list[tuple[str, str, dict[str, Any]]] = []
    if user is not None and (
        site.caps.has_cap(user, "switch_themes") or site.caps.has_cap(user, "edit_posts")
    ):
        stylesheet = php.to_php_string(site.options.get("stylesheet"))
        links.append(
            ("https://api.w.org/active-theme", rest_url(site, f"wp/v2/themes/{stylesheet}"), {})
        )
    mods = site.options.get("theme_mods_" + php.to_php_string(site.options.get("stylesheet")))
    logo = php.to_int(mods.get("custom_logo", 0)) if isinstance(mods, dict) else 0
    icon = php.to_int(site.options.get("site_icon", 0))
    tail: dict[str, Any] = {"site_logo": logo, "site_icon": icon, "site_icon_url": ""}
    for kind, image in (("site_logo", logo), ("site_icon", icon)):
        if image:
            links.append(
                (
                    "https://api.w.org/featuredmedia",
                    rest_url(site, f"wp/v2/media/{image}"),
                    {"embeddable": True, "type": kind},
                )
            )
    return head, tail, links
