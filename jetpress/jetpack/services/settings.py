"""Settings: reading every option (GET /settings, module ``options``) and update_data.

Ports of Jetpack_Core_Json_Api_Endpoints::prepare_options_for_response / split_options /
cast_value / get_remote_value and Jetpack_Core_API_Data::get_all_options / update_data
(Jetpack 10.7; jetpack-v4-endpoints.md §3.2). Where each value is stored is the catalog's
``storage``; the per-key branches below are update_data's ``switch``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import errors, jetpack_options
from jetpress.jetpack.catalog import Setting
from jetpress.jetpack.services import (
    connection,
    modules,
    onboarding,
    plan,
    protect,
    sharing,
    stats,
)
from jetpress.php import array_cast, loose_equals
from jetpress.wp.formatting import esc_html
from jetpress.wp.site import memoized

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.errors import WPError
    from jetpress.wp.users import User

_TAGS = re.compile(r"<[^>]*>")
# update_data, verification services (10.7): the content of a meta tag, else the raw value
_META_TAG = re.compile(r'.*<meta name="(?:[^"]+)" content="([^"]+)" />.*', re.IGNORECASE)
REMOTE_MODULES = ("monitor", "post-by-email")


def cast_value(value: Any, setting: Setting) -> Any:
    """cast_value: 'NULL' is null; booleans accept 'true'/'false'; integer, string casts."""
    if value == "NULL":
        return None
    if setting.type == "boolean":
        if value == "true":
            return True
        if value == "false":
            return False
        return php.is_truthy(value)
    if setting.type == "integer":
        return php.to_int(value)
    if setting.type == "string":
        return php.to_php_string(value)
    return value


def _default(setting: Setting) -> Any:
    """``isset( $options[ $key ]['default'] ) ? ... : ''`` (the arg's default)."""
    value = setting.schema_default_json()
    return "" if value is None else value


def remote_value(jp: Jetpack, module: str, option: str, user: User | None) -> Any:
    """get_remote_value: the local copy, else (connected only) ask WordPress.com and store it."""
    if module == "post-by-email":
        option += str(user.id if user is not None else 0)  # suffixed with the current user
    missing = object()
    value = jp.site.options.get(option, missing)
    if value is not missing:
        return value
    if not connection.is_connection_ready(jp):
        return False  # Only check a remote option if Jetpack is connected.
    # The WordPress.com answer (a later issue) normalises to false and is stored.
    jp.site.options.update(option, False)
    return False


def _split(values: dict[str, Any], settings: tuple[Setting, ...], grouped: Any) -> None:
    """split_options: the keys of a grouped option that are settings of the module."""
    if not isinstance(grouped, dict):
        return
    by_key = {setting.key: setting for setting in settings}
    for key, value in grouped.items():
        setting = by_key.get(str(key))
        if setting is not None:
            values[setting.key] = cast_value(value, setting)


def current_values(jp: Jetpack, slug: str, user: User | None) -> dict[str, Any]:
    """prepare_options_for_response( $module ): key -> current_value, in catalog order."""
    settings = jp.catalog.settings_of_module(slug)
    options = jp.site.options
    values: dict[str, Any] = {}
    if slug in REMOTE_MODULES:
        for setting in settings:
            values[setting.key] = cast_value(remote_value(jp, slug, setting.key, user), setting)
    elif slug == "protect":
        # get_site_option( 'jetpack_protect_key', false ): not cast (GET shows false)
        values["jetpack_protect_key"] = options.get("jetpack_protect_key", False)
        values["jetpack_protect_global_whitelist"] = protect.format_whitelist(jp)
    elif slug == "related-posts":
        _split(values, settings, jetpack_options.get_option(jp, "relatedposts"))
    elif slug == "verification-tools":
        _split(values, settings, options.get("verification_services_codes"))
    elif slug == "google-analytics":
        wga = options.get("jetpack_wga")
        code = wga.get("code", "") if isinstance(wga, dict) else ""
        values["google_analytics_tracking_id"] = code
    elif slug == "sharedaddy":
        _split(values, settings, sharing.get_global_options(jp))
        values["sharing_services"] = sharing.get_blog_services(jp)
        for key in (
            "jetpack-twitter-cards-site-tag",
            "sharedaddy_disable_resources",
            "sharing_delete_service",
        ):
            setting = jp.catalog.setting(key)
            values[key] = cast_value(options.get(key, _default(setting)), setting)
    elif slug == "stats":
        _split(values, settings, stats.get_options(jp))
    else:
        for setting in settings:
            values[setting.key] = cast_value(options.get(setting.key, _default(setting)), setting)
    # Options only written on update get their default as current_value.
    return {
        setting.key: values[setting.key]
        if setting.key in values
        else cast_value(_default(setting), setting)
        for setting in settings
    }


def module_options(jp: Jetpack, slug: str, user: User | None) -> dict[str, Any]:
    """``options`` of GET /module/<slug> and /module/all: entries without validate_callback."""
    current = current_values(jp, slug, user)
    out: dict[str, Any] = {}
    for setting in jp.catalog.settings_of_module(slug):
        entry = setting.module_option()
        entry["current_value"] = current[setting.key]
        out[setting.key] = entry
    return out


def get_all(jp: Jetpack, user: User | None) -> dict[str, Any]:
    """Jetpack_Core_API_Data::get_all_options: GET /settings.

    A pure function of the options, the constants and the user, so it is computed once per
    options cache generation and user (a GET that writes, as 10.7's do, moves the generation
    and the next request recomputes).
    """
    key = f"jetpack:settings:{user.id if user is not None else 0}"
    return dict(memoized(jp.site, key, lambda: _all_options(jp, user)))


def _all_options(jp: Jetpack, user: User | None) -> dict[str, Any]:
    response: dict[str, Any] = {}
    active = set(modules.active_modules(jp))
    for module in jp.catalog.available_modules():
        response.update(current_values(jp, module.slug, user))
        response[module.slug] = module.slug in active  # Jetpack::is_module_active
    options = jp.site.options
    for setting in jp.catalog.settings_in_group("settings"):
        key = setting.key
        if key == "lang_id":
            if not jp.site.caps.has_cap(user, "install_languages"):
                response[key] = "error_cap"  # warn the client it cannot install languages
            else:
                value = options.get("WPLANG", "") or jp.site.constants.get("WPLANG", "")
                response[key] = value if php.is_truthy(value) else "en_US"
        elif key == "wordpress_api_key":
            value = options.get("wordpress_api_key", "")
            response[key] = "" if value == "" else php.to_php_string(value)
        elif key == "onboarding":
            response[key] = onboarding.current(jp)
        else:
            response[key] = cast_value(options.get(key, _default(setting)), setting)
    response["akismet"] = onboarding.plugin_active(jp, "akismet/akismet.php")
    return response


@dataclass(slots=True)
class UpdateReport:
    """What update_data did: invalid keys, failed keys with their messages, echoed values."""

    invalid: list[str] = field(default_factory=list)
    not_updated: dict[str, str] = field(default_factory=dict)
    echoes: dict[str, Any] = field(default_factory=dict)
    bare: Any = None
    """A bare return value (lang_id 'en_US' returns delete_option()'s boolean at once)."""
    returned_early: bool = False

    @property
    def ok(self) -> bool:
        return not self.invalid and not self.not_updated

    def message(self) -> str:
        """The some_updated message, esc_html'd (MOD 10.7; corpus settings-invalid/*)."""
        error = ""
        if self.invalid:
            template = "Invalid option: %s." if len(self.invalid) == 1 else "Invalid options: %s."
            error = template % ", ".join(self.invalid)
        if self.not_updated:
            messages = [f"{key}: {text}" for key, text in self.not_updated.items() if text]
            if error:
                error += " "
            if messages:
                error += " " + ". ".join(messages)
        return esc_html(error)


def _option_keys(params: dict[Any, Any]) -> list[Any]:
    # Integer keys, 'slug' and 'context' are dropped (update_data).
    out = []
    for key in params:
        if isinstance(key, int) or key in ("slug", "context"):
            continue
        if isinstance(key, str) and key.lstrip("-").isdigit() and str(int(key)) == key:
            continue  # PHP turns canonical integer strings into integer keys
        out.append(key)
    return out


def update(
    jp: Jetpack,
    params: dict[Any, Any],
    *,
    slug: str | None,
    user: User | None,
) -> UpdateReport:
    """update_data with the already checked slug (None for /settings: selector 'any')."""
    report = UpdateReport()
    keys = _option_keys(params)
    if slug is None:
        allowed = {key for key in keys if _updatable(jp, key)}
    else:
        allowed = {setting.key for setting in jp.catalog.settings_in_group(slug)}
    report.invalid = [str(key) for key in keys if key not in allowed]
    chosen = [key for key in keys if key in allowed]
    # If there are modules to activate, activate them first so they're ready when their
    # options are set.
    for key in chosen:
        setting = jp.catalog.setting(key)
        if setting.jp_group == "modules":
            error = _toggle(jp, key, params[key], user)
            if error is not None:
                report.not_updated[key] = error
    for key in chosen:
        setting = jp.catalog.setting(key)
        if setting.jp_group == "modules":
            continue
        group = setting.jp_group or ""
        if group != "settings":
            if not modules.is_module(jp, group):
                report.not_updated[key] = "The requested Jetpack module was not found."
                continue
            if slug is not None and not modules.is_active(jp, group):
                # We only take note of skipped options when updating one module.
                report.not_updated[key] = "The requested Jetpack module is inactive."
                continue
        value = cast_value(params[key], setting)
        if key == "lang_id" and _lang_returns(jp, value, user):
            report.bare = jp.site.options.delete("WPLANG")
            report.returned_early = True
            return report
        updated, error = _write(jp, setting, value, user, report)
        if not updated:
            report.not_updated[key] = error
    return report


def _updatable(jp: Jetpack, key: Any) -> bool:
    return (
        isinstance(key, str) and jp.catalog.has_setting(key) and jp.catalog.setting(key).updatable
    )


def _toggle(jp: Jetpack, slug: str, value: Any, user: User | None) -> str | None:
    """The module-toggle branch: None when done, else the error message."""
    if not jp.site.caps.has_cap(user, "jetpack_manage_modules"):
        return errors.USER_PERMISSIONS_MSG
    outcome = activate_module(jp, slug) if php.is_truthy(value) else deactivate_module(jp, slug)
    if outcome is None or outcome.code == "already_inactive":
        return None  # If the module is already inactive, we don't fail.
    return str(outcome.message)


def activate_module(jp: Jetpack, slug: str) -> WPError | None:
    """Jetpack_Core_API_Module_Toggle_Endpoint::activate_module: None or the WP_Error."""
    if not modules.is_module(jp, slug):
        return errors.module_not_found()
    if not plan.supports(jp, slug):
        return errors.not_supported()
    if modules.activate(jp, slug):
        return None
    return errors.activation_failed()


def deactivate_module(jp: Jetpack, slug: str) -> WPError | None:
    """Jetpack_Core_API_Module_Toggle_Endpoint::deactivate_module: None or the WP_Error."""
    if not modules.is_module(jp, slug):
        return errors.module_not_found()
    if not modules.is_active(jp, slug):
        return errors.already_inactive()
    if modules.deactivate(jp, slug):
        return None
    return errors.deactivation_failed()


def _lang_returns(jp: Jetpack, value: Any, user: User | None) -> bool:
    # 'en_US' or empty deletes WPLANG and returns its result at once (MOD 10.7)
    can = jp.site.caps.has_cap(user, "install_languages")
    return can and (value == "en_US" or not php.is_truthy(value))


def _grouped_update(jp: Jetpack, option: str, key: str, value: Any) -> bool:
    """``(array) get_option( $group )`` with one key set, written when it changed loosely."""
    current = array_cast(jp.site.options.get(option))
    grouped = dict(current)
    grouped[key] = value
    if loose_equals(current, grouped):
        return True
    return jp.site.options.update(option, grouped)


def _write(
    jp: Jetpack, setting: Setting, value: Any, user: User | None, report: UpdateReport
) -> tuple[bool, str]:
    """update_data's per-key ``switch``: (updated, error message)."""
    key = setting.key
    options = jp.site.options
    if key == "lang_id":
        # without install_languages: not updated; otherwise wp_download_language_pack needs
        # the network, which the fixture blocks (corpus settings-update/lang_id)
        return False, ""
    if key in ("monitor_receive_notifications", "post_by_email_address", "jetpack_protect_key"):
        return _remote_setting(jp, setting)
    if key == "jetpack_protect_global_whitelist":
        text = php.to_php_string(value).replace(" ", "").replace(",", "\n")
        # a WP_Error is truthy: an invalid address counts as updated (corpus
        # settings-update/alt-protect-whitelist-invalid-ip)
        protect.save_whitelist(jp, text.split("\n"))
        return True, ""
    if key in ("show_headline", "show_thumbnails"):
        current = array_cast(jetpack_options.get_option(jp, "relatedposts"))
        grouped = {**current, key: value}
        if loose_equals(current, grouped):
            return True, ""
        return jetpack_options.update_option(jp, "relatedposts", grouped), ""
    if key == "search_auto_config":
        # A true value asks WordPress.com to configure Instant Search (a later issue); the
        # 10.7 site answers success (corpus settings-update/search_auto_config).
        return True, ""
    if key in ("google", "bing", "pinterest", "yandex", "facebook"):
        text = php.to_php_string(value)
        found = _META_TAG.match(text)
        code = found.group(1) if found else text  # the meta tag's content, else the raw value
        return _grouped_update(jp, "verification_services_codes", key, code), ""
    if key == "sharing_services":
        # $value !== get_blog_services() is always true (objects against ids): always set;
        # update_option's false for an unchanged list counts as not updated
        services = value if isinstance(value, dict) else {}
        return sharing.set_blog_services(
            jp, services.get("visible") or [], services.get("hidden") or []
        ), ""
    if key in ("button_style", "sharing_label", "show"):
        grouped = sharing.get_global_options(jp)
        grouped[key] = value
        return bool(sharing.set_global_options(jp, grouped)), ""
    if key == "custom":
        data = value if isinstance(value, dict) else {}
        service = sharing.new_service(
            jp,
            php.to_php_string(data.get("sharing_name", "")).replace("\\", ""),
            php.to_php_string(data.get("sharing_url", "")).replace("\\", ""),
            php.to_php_string(data.get("sharing_icon", "")).replace("\\", ""),
        )
        report.echoes[key] = service if service is not None else False
        return service is not None, ""
    if key == "sharing_delete_service":
        return sharing.delete_service(jp, php.to_php_string(value)), ""
    if key == "jetpack-twitter-cards-site-tag":
        # trim( ltrim( strip_tags( $value ), '@' ) )
        text = _TAGS.sub("", php.to_php_string(value)).lstrip("@").strip()
        if options.get(key) == text:
            return True, ""
        return options.update(key, text), ""
    if setting.storage.option == "stats_options":
        return stats.update_key(jp, key, value), ""
    if key == "akismet_show_user_comments_approved":
        # Save Akismet option '1' or '0' like it's done in akismet/class.akismet-admin.php.
        if loose_equals(options.get(key), value):
            return True, ""
        return options.update(key, "1" if php.is_truthy(value) else "0"), ""
    if key == "wordpress_api_key":
        return _akismet_key(jp, value)
    if key == "google_analytics_tracking_id":
        return _grouped_update(jp, "jetpack_wga", "code", value), ""
    if key == "onboarding":
        result = onboarding.process(jp, value if isinstance(value, dict) else {})
        if not result:
            return True, ""
        return False, esc_html(f"Onboarding failed to process: {result}")
    if key in ("stb_enabled", "stc_enabled"):
        # Convert the false value to 0. This allows the option to be updated if it doesn't
        # exist yet (corpus settings-update/stb_enabled).
        sub_value = value if php.is_truthy(value) else 0
        if php.to_php_string(options.get(key)) == php.to_php_string(sub_value):
            return True, ""
        return options.update(key, sub_value), ""
    # default: written only when the stored value differs loosely; an option that does not
    # exist reads as false, so false/""/0 are never written (corpus
    # settings-update/carousel_display_comments: false is not stored, GET shows the default)
    if loose_equals(options.get(key), value):
        return True, ""
    return options.update(key, value), ""


def _remote_setting(jp: Jetpack, setting: Setting) -> tuple[bool, str]:
    """monitor_receive_notifications, post_by_email_address, jetpack_protect_key.

    10.7 instantiates the module's class, which is only loaded for an active module: updating
    one of these with the module inactive is a PHP fatal error (corpus tag php-fatal).
    jetpress reports the key as not updated (docs/fidelity.md#php-fatal). With the module
    active the value needs WordPress.com (a later issue): not updated, as a failed request is.
    """
    group = setting.jp_group or ""
    if not modules.is_active(jp, group):
        return False, "The requested Jetpack module is inactive."
    return False, ""


def _akismet_key(jp: Jetpack, value: Any) -> tuple[bool, str]:
    """update_data case wordpress_api_key (10.7): Akismet must be active; keys need
    rest.akismet.com (no outbound network: 'Invalid Akismet key')."""
    if not onboarding.plugin_active(jp, "akismet/akismet.php"):
        # the fixture's Akismet is installed but inactive (AKISMET_VERSION undefined)
        return False, "Please activate Akismet."
    if value == "":
        if jp.site.options.get("wordpress_api_key") == value:
            return True, ""
        return jp.site.options.update("wordpress_api_key", value), ""
    return False, "Invalid Akismet key"
