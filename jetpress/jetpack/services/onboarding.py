"""The ``onboarding`` setting: its GET object and Jetpack_Core_API_Data::process_onboarding.

jetpress has no posts table, so the Home/Blog/Contact pages onboarding creates in 10.7 are not
created and their IDs are not stored (docs/fidelity.md#onboarding-pages).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options
from jetpress.jetpack.services import connection, modules

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack


def _decode(value: Any) -> str:
    """decode_special_characters: (string) htmlspecialchars_decode( $value, ENT_QUOTES )."""
    text = php.to_php_string(value)
    for entity, char in (
        ("&quot;", '"'),
        ("&#039;", "'"),
        ("&#39;", "'"),
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&amp;", "&"),
    ):
        text = text.replace(entity, char)
    return text


def plugin_active(jp: Jetpack, plugin: str) -> bool:
    """is_plugin_active( $plugin ): the plugin file is in ``active_plugins``."""
    active = jp.site.options.get("active_plugins", [])
    values = active.values() if isinstance(active, dict) else (active or [])
    return plugin in values


def current(jp: Jetpack) -> dict[str, Any]:
    """get_all_options case 'onboarding' (MOD 10.7)."""
    options = jp.site.options
    address = options.get("jpo_business_address")
    if isinstance(address, dict):
        address = {key: _decode(value) for key, value in address.items()}
    return {
        "siteTitle": _decode(options.get("blogname")),
        "siteDescription": _decode(options.get("blogdescription")),
        "siteType": options.get("jpo_site_type"),
        "homepageFormat": options.get("jpo_homepage_format"),
        "addContactForm": php.to_int(options.get("jpo_contact_page")),
        "businessAddress": address,
        "installWooCommerce": plugin_active(jp, "woocommerce/woocommerce.php"),
        "stats": connection.is_connection_ready(jp) and modules.is_active(jp, "stats"),
    }


def _set(jp: Jetpack, option: str, value: Any) -> bool:
    # update_option( $o, $v ) || get_option( $o ) === $v
    return jp.site.options.update(option, value) or jp.site.options.get(option) == value


def _first_sidebar(jp: Jetpack) -> str | None:
    """Jetpack_Widgets::get_first_sidebar: the first key of ``sidebars_widgets``."""
    sidebars = jp.site.options.get("sidebars_widgets")
    if not isinstance(sidebars, dict):
        return None
    keys = [k for k in sidebars if k not in ("wp_inactive_widgets", "array_version")]
    return str(keys[0]) if keys else None


def _business_address(jp: Jetpack, address: Any) -> bool:
    """handle_business_address: activate widgets, save the address if a sidebar exists."""
    if not modules.is_active(jp, "widgets") and not modules.activate(jp, "widgets"):
        return False
    if _first_sidebar(jp) is None:
        return False  # WP_Error( 'sidebar_not_found', 'No sidebar.' )
    data = address if isinstance(address, dict) else {}
    fields = ("name", "street", "city", "state", "zip", "country")
    # sanitize_text_field of each field, '' when absent
    saved = {field: php.to_php_string(data.get(field, "")).strip() for field in fields}
    jp.site.options.update("jpo_business_address", saved)
    return True


def process(jp: Jetpack, data: dict[Any, Any]) -> str:
    """process_onboarding: '' on success, else the comma-joined failure list."""
    if php.is_truthy(data.get("end")):
        jetpack_options.delete_option(jp, ["onboarding"])  # invalidate_onboarding_token
        return ""
    failed: list[str] = []
    if php.is_truthy(data.get("siteTitle")) and not _set(jp, "blogname", data["siteTitle"]):
        failed.append("siteTitle")
    if data.get("siteDescription") is not None and not _set(
        jp, "blogdescription", data["siteDescription"]
    ):
        failed.append("siteDescription")
    if php.is_truthy(data.get("siteType")) and not _set(jp, "jpo_site_type", data["siteType"]):
        failed.append("siteType")
    if data.get("homepageFormat") is not None:
        fmt = data["homepageFormat"]
        if fmt == "page":
            if not _set(jp, "show_on_front", "page"):
                failed.append("homepageFormat")
        else:
            jp.site.options.update("show_on_front", "posts")
        jp.site.options.update("jpo_homepage_format", fmt)
    wants_form = php.is_truthy(data.get("addContactForm"))
    if wants_form and not php.is_truthy(jp.site.options.get("jpo_contact_page")):
        active = modules.is_active(jp, "contact-form")
        if not active and not modules.activate(jp, "contact-form"):
            failed.append("contact-form activate")
    if data.get("businessAddress") is not None and not _business_address(
        jp, data["businessAddress"]
    ):
        failed.append("BusinessAddress")
    if php.is_truthy(data.get("installWooCommerce")):
        failed.append("woocommerce installation")  # no outbound network
    if php.is_truthy(data.get("stats")):
        if not connection.is_connection_ready(jp):
            failed.append("stats not connected")
        elif not modules.is_active(jp, "stats") and not modules.activate(jp, "stats"):
            failed.append("stats activate")
    return ", ".join(failed)
