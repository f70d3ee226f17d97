"""The module documents of GET /module/<slug> and GET /module/all.

Jetpack_Core_API_Data::get_module and Jetpack_Core_API_Module_List_Endpoint::get_modules over
Jetpack_Admin::get_modules (MOD / class.jetpack-admin.php 10.7; module-all.*.json references).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from jetpress.jetpack import offline
from jetpress.jetpack.services import connection, modules, plan, settings
from jetpress.wp.auth import keys, nonces
from jetpress.wp.site import admin_url, home_url

if TYPE_CHECKING:
    from jetpress.jetpack.catalog import Module
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User


def _extra(jp: Jetpack, slug: str) -> dict[str, Any] | None:
    # prepare_modules_for_response: sitemaps gets its two sitemap URLs (module-all.*.json)
    if slug != "sitemaps":
        return None
    return {
        "sitemap_url": home_url(jp.site, "/sitemap.xml"),
        "news_sitemap_url": home_url(jp.site, "/news-sitemap.xml"),
    }


def get_module(jp: Jetpack, slug: str, user: User | None) -> dict[str, Any]:
    """GET /module/<slug>: headers, options, ``activated: false`` only for a module that
    requires a connection in offline mode, then short_description (corpus activate-protect)."""
    module = jp.catalog.module(slug)
    out: dict[str, Any] = dict(module.headers())
    out["options"] = settings.module_options(jp, slug, user)
    if module.requires_connection and offline.is_offline_mode(jp.site):
        out["activated"] = False
    out["short_description"] = module.short_description
    return out  # no sitemaps 'extra' here (corpus module-activation/activate-sitemaps)


def configure_url(jp: Jetpack, slug: str) -> str:
    """Jetpack::module_configuration_url: the settings screen filtered to the module."""
    override = jp.rules.configurable_modules.get(slug)
    if override and modules.is_active(jp, slug) and _loaded(jp, jp.catalog.module(slug)):
        return admin_url(jp.site, override)
    return admin_url(jp.site, f"admin.php?page=jetpack#/settings?term={slug}")


def _loaded(jp: Jetpack, module: Module) -> bool:
    """Jetpack::load_modules: offline mode skips modules that require a connection; without
    a connection (and not offline) only the active list is loaded as is."""
    return not (module.requires_connection and offline.is_offline_mode(jp.site))


def is_available(jp: Jetpack, module: Module) -> bool:
    """Jetpack_Admin::is_module_available (class.jetpack-admin.php)."""
    if module.slug == "vaultpress":
        return False  # never activatable through Jetpack
    if module.slug == "woocommerce-analytics":
        return False  # needs WooCommerce 3+, not installed
    if offline.is_offline_mode(jp.site):
        return not (module.requires_connection or module.requires_user_connection)
    if not connection.is_connection_ready(jp):
        return False
    if not connection.has_connected_owner(jp) and module.requires_user_connection:
        return False
    return plan.supports(jp, module.slug)


def unavailable_reason(jp: Jetpack, module: Module) -> str | bool:
    """Jetpack_Admin::get_module_unavailable_reason."""
    if is_available(jp, module):
        return False
    if module.slug == "vaultpress":
        return ""
    if module.slug == "woocommerce-analytics":
        return "Requires WooCommerce 3+ plugin"
    if offline.is_offline_mode(jp.site) and (
        module.requires_connection or module.requires_user_connection
    ):
        return "Offline mode"
    if not connection.is_connection_ready(jp):
        return "Jetpack is not connected"
    if not connection.has_connected_owner(jp) and module.requires_user_connection:
        return "Requires a connected WordPress.com account"
    if not plan.supports(jp, module.slug):
        return "Not supported by current plan"
    return ""


def _site_suffix(jp: Jetpack) -> str:
    # Status::get_site_suffix: home_url() without the scheme, '/' as '::'; Redirect::get_url
    # rawurlencodes it (module-all.offline.json: site=localhost%3A8081)
    bare = home_url(jp.site).split("://", 1)[-1].replace("/", "::")
    return quote(bare, safe="-_.~")


def list_modules(jp: Jetpack, user: User | None, session_token: str = "") -> dict[str, Any]:
    """GET /module/all: every module keyed by slug in Jetpack_Admin::get_modules order."""
    is_offline = offline.is_offline_mode(jp.site)
    ready = connection.is_connection_ready(jp)
    active = set(modules.active_modules(jp))
    salt = keys.salt(jp.site, "nonce")
    uid = user.id if user is not None else 0
    now = jp.site.clock.now()
    can_manage = jp.site.caps.has_cap(user, "manage_options")
    site = _site_suffix(jp)
    out: dict[str, Any] = {}
    for module in jp.catalog.modules(connected=ready):
        slug = module.slug
        entry: dict[str, Any] = dict(module.headers())
        available = is_available(jp, module)
        url = configure_url(jp, slug)
        configurable: str | bool = False
        if (
            can_manage
            and slug in active
            and slug in jp.rules.configurable_modules
            and _loaded(jp, module)
        ):
            # apply_filters( 'jetpack_module_configurable_' . $module ): the loaded module's
            # Jetpack::enable_module_configurable (corpus module-activation/all-active-*)
            configurable = f'<a href="{url}">Configure</a>'
        entry.update(
            {
                "module": slug,
                # Jetpack_Admin: active, and the connection ready or offline mode
                "activated": slug in active and (ready or is_offline),
                "deactivate_nonce": nonces.create_nonce(
                    f"jetpack_deactivate-{slug}", uid, session_token, now, salt
                ),
                "activate_nonce": nonces.create_nonce(
                    f"jetpack_activate-{slug}", uid, session_token, now, salt
                ),
                "available": available,
                "unavailable_reason": False if available else unavailable_reason(jp, module),
                "short_description": module.short_description,
                "configure_url": url,
                "override": False,  # Modules_Overrides: no jetpack_active_modules filter
                "learn_more_button": module.learn_more_url(site),
                "long_description": module.long_description,
                "search_terms": module.search_terms,
                "configurable": configurable,
            }
        )
        entry["options"] = settings.module_options(jp, slug, user)
        if module.requires_connection and is_offline:
            entry["activated"] = False  # get_modules: forced off in offline mode
        extra = _extra(jp, slug)
        if extra is not None:
            entry["extra"] = extra
        out[slug] = entry
    return out
