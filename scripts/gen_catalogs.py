"""One-off generator of jetpress/jetpack/data/{modules,settings}.json from Jetpack 10.7 references.

The committed JSON is the source of truth; this script only documents how it was first derived.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from jetpress.jetpack.catalog import HEADER_FIELDS

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SPEC = REPO.parent / "shared" / "spec"
OUT = REPO / "jetpress" / "jetpack" / "data"

# Origins of the 10.7 reference captures (spec/jetpack-10.7/README.md).
ORIGIN_HOSTS = ("localhost%3A8081", "127.0.0.1%3A8081")

CORE = "_inc/lib/class.core-rest-api-endpoints.php"
MOD = "_inc/lib/core-api/class.jetpack-core-api-module-endpoints.php"
PHP_COPY = "read at Automattic/jetpack@00198868, a post-10.7 copy checked against the 10.7 corpus"
REF_SETTINGS = (
    "spec/jetpack-10.7 namespace-index (POST /settings args), settings.*.json (GET /settings), "
    "module-all.*.json (module options: enum_labels, sanitize_callback)"
)

# Validators: per-validator parameters (data the PHP function hard-codes). Jetpack 10.7.
VALIDATORS: dict[str, dict[str, Any]] = {
    "validate_boolean": {
        "params": {"numeric_alternative": True},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_boolean, {CORE}. 10.7 predates the "
            "PHPCS/PHP 8.1 rewrite (Automattic/jetpack#23329, March 2022): `!is_bool(v) && "
            "!((ctype_digit(v) || is_numeric(v)) && in_array(v, [0, 1]))`, as in the 7.x copy (id "
            "38306631); the corpus (settings-invalid/infinite_scroll, blog_id, "
            "settings-modules/carousel-string-true) cannot tell the two forms apart"
        ),
    },
    "validate_posint": {
        "params": {},
        "source": f"Jetpack_Core_Json_Api_Endpoints::validate_posint, {CORE} ({PHP_COPY})",
    },
    "validate_list_item": {
        "params": {"strict": False},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_list_item, {CORE}. 10.7 compares loosely "
            "(in_array without strict): corpus settings-invalid/wpl_default `true` passes the "
            "validator and fails the type check (rest_invalid_type); the strict+strval form is "
            "later"
        ),
    },
    "validate_alphanum": {
        "params": {"pattern": "^[a-z0-9]+$", "case_insensitive": True},
        "source": f"Jetpack_Core_Json_Api_Endpoints::validate_alphanum, {CORE} ({PHP_COPY})",
    },
    "validate_verification_service": {
        "params": {"pattern": "^[a-z0-9_-]+$", "case_insensitive": True},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_verification_service, {CORE} ({PHP_COPY}); "
            "a value that is not a bare code may also be a verification meta tag "
            "(jetpack_verification_get_code), see corpus settings-update/bing"
        ),
    },
    "validate_stats_roles": {
        "params": {"roles": ["administrator", "editor", "author", "contributor", "subscriber"]},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_stats_roles and self::$stats_roles "
            f"(register_endpoints), {CORE}"
        ),
    },
    "validate_sharing_show": {
        "params": {"views": ["index", "post", "page", "attachment", "jetpack-portfolio"]},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_sharing_show, {CORE}; the list matches "
            "corpus settings-invalid/show"
        ),
    },
    "validate_services": {
        "params": {
            "services": [
                "print",
                "facebook",
                "linkedin",
                "reddit",
                "twitter",
                "tumblr",
                "pinterest",
                "pocket",
                "telegram",
                "jetpack-whatsapp",
                "skype",
            ]
        },
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_services, {CORE}; services = array_keys("
            "Sharing_Service::get_all_services()) of 10.7 as its error message lists them "
            "(corpus settings-invalid/sharing_services)"
        ),
    },
    "validate_custom_service": {
        "params": {},
        "source": f"Jetpack_Core_Json_Api_Endpoints::validate_custom_service, {CORE} ({PHP_COPY})",
    },
    "validate_custom_service_id": {
        "params": {"pattern": "custom\\-[0-1]+", "case_insensitive": True},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_custom_service_id, {CORE} ({PHP_COPY}); "
            "the [0-1] character class is Jetpack's"
        ),
    },
    "validate_twitter_username": {
        "params": {"pattern": "^@?\\w{1,15}$", "case_insensitive": True},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_twitter_username, {CORE} ({PHP_COPY})"
        ),
    },
    "validate_string": {
        "params": {},
        "source": f"Jetpack_Core_Json_Api_Endpoints::validate_string, {CORE} ({PHP_COPY})",
    },
    "validate_onboarding": {
        "params": {},
        "source": (
            f"Jetpack_Core_Json_Api_Endpoints::validate_onboarding, {CORE} ({PHP_COPY}); corpus "
            "settings-invalid/onboarding"
        ),
    },
    "Jetpack_SEO_Titles::are_valid_title_formats": {
        "params": {},
        "source": (
            "modules/seo-tools/jetpack-seo-titles.php Jetpack_SEO_Titles::are_valid_title_formats"
        ),
    },
}


def opt(name: str, **extra: Any) -> dict[str, Any]:
    """A plain WordPress option (the update_data default branch unless write_via says otherwise)."""
    return {"kind": "option", "option": name, **extra}


def key(option: str, *keys: str, **extra: Any) -> dict[str, Any]:
    """A key inside an array-valued WordPress option."""
    return {"kind": "option_key", "option": option, "keys": list(keys), **extra}


SHARING_GLOBAL = {
    "read_via": "Sharing_Service::get_global_options",
    "write_via": "Sharing_Service::set_global_options",
}
STATS = {"read_via": "stats_get_options", "write_via": "update_data case stats options"}
VERIFY = {"write_via": "update_data case verification services (meta tag content extracted)"}

# key -> (validator, storage, extra fields). Order is irrelevant here: the 10.7 arg order is used.
RULES: dict[str, tuple[str | None, dict[str, Any], dict[str, Any]]] = {
    "carousel_background_color": ("validate_list_item", opt("carousel_background_color"), {}),
    "carousel_display_exif": ("validate_boolean", opt("carousel_display_exif"), {}),
    "carousel_display_comments": ("validate_boolean", opt("carousel_display_comments"), {}),
    "highlander_comment_form_prompt": (None, opt("highlander_comment_form_prompt"), {}),
    "jetpack_comment_form_color_scheme": (
        "validate_list_item",
        opt("jetpack_comment_form_color_scheme"),
        {},
    ),
    "jetpack_portfolio": ("validate_boolean", opt("jetpack_portfolio"), {}),
    "jetpack_portfolio_posts_per_page": (
        "validate_posint",
        opt("jetpack_portfolio_posts_per_page"),
        {},
    ),
    "jetpack_testimonial": ("validate_boolean", opt("jetpack_testimonial"), {}),
    "jetpack_testimonial_posts_per_page": (
        "validate_posint",
        opt("jetpack_testimonial_posts_per_page"),
        {},
    ),
    "tiled_galleries": ("validate_boolean", opt("tiled_galleries"), {}),
    "gravatar_disable_hovercards": (
        "validate_list_item",
        opt("gravatar_disable_hovercards"),
        {
            "notes": (
                "Also written by the module hooks: activating gravatar-hovercards stores "
                "'enabled', deactivating stores 'disabled' (end of " + MOD + ")."
            )
        },
    ),
    "infinite_scroll": ("validate_boolean", opt("infinite_scroll"), {}),
    "infinite_scroll_google_analytics": (
        "validate_boolean",
        opt("infinite_scroll_google_analytics"),
        {},
    ),
    "wpl_default": ("validate_list_item", opt("wpl_default"), {}),
    "social_notifications_like": ("validate_boolean", opt("social_notifications_like"), {}),
    "wpcom_publish_comments_with_markdown": (
        "validate_boolean",
        opt("wpcom_publish_comments_with_markdown"),
        {},
    ),
    "wpcom_publish_posts_with_markdown": (
        "validate_boolean",
        opt("wpcom_publish_posts_with_markdown"),
        {
            "notes": (
                "Set to true by a hook when the markdown module is activated (corpus "
                "settings-modules/markdown-true)."
            )
        },
    ),
    "monitor_receive_notifications": (
        "validate_boolean",
        opt(
            "monitor_receive_notifications",
            read_via="Jetpack_Core_Json_Api_Endpoints::get_remote_value (local copy, else ask "
            "WordPress.com when connected)",
            write_via="Jetpack_Monitor::update_option_receive_jetpack_monitor_notification "
            "(remote)",
        ),
        {"notes": "10.7 answers 500 on update (corpus tag php-fatal)."},
    ),
    "post_by_email_address": (
        "validate_list_item",
        opt(
            "post_by_email_address",
            per_user=True,
            read_via="Jetpack_Core_Json_Api_Endpoints::get_remote_value (option "
            "post_by_email_address<user id>, else ask WordPress.com when connected)",
            write_via="Jetpack_Post_By_Email::process_api_request (remote action: the enum values "
            "are actions)",
        ),
        {"notes": "10.7 answers 500 on update (corpus tag php-fatal)."},
    ),
    "jetpack_protect_key": (
        "validate_alphanum",
        opt(
            "jetpack_protect_key",
            network=True,
            write_via="update_data case jetpack_protect_key: 'create' asks WordPress.com for a key",
        ),
        {
            "notes": (
                "Read with get_site_option() and not cast, so GET shows false when unset. 10.7 "
                "answers 500 on update (corpus tag php-fatal)."
            )
        },
    ),
    "jetpack_protect_global_whitelist": (
        "validate_string",
        opt(
            "jetpack_protect_whitelist",
            read_via="jetpack_protect_format_whitelist",
            write_via="jetpack_protect_save_whitelist (list of IP objects, one per line of the "
            "value)",
        ),
        {
            "notes": (
                "Jetpack_Options 'protect_whitelist' is a non-compact Jetpack option, stored as "
                "the WordPress option jetpack_protect_whitelist "
                "(modules/protect/shared-functions.php)."
            )
        },
    ),
    "sharing_services": (
        "validate_services",
        opt(
            "sharing-services",
            read_via="Sharing_Service::get_blog_services",
            write_via="Sharing_Service::set_blog_services",
        ),
        {},
    ),
    "button_style": (
        "validate_list_item",
        key("sharing-options", "global", "button_style", **SHARING_GLOBAL),
        {},
    ),
    "sharing_label": (
        "validate_string",
        key("sharing-options", "global", "sharing_label", **SHARING_GLOBAL),
        {},
    ),
    "show": (
        "validate_sharing_show",
        key("sharing-options", "global", "show", **SHARING_GLOBAL),
        {},
    ),
    "jetpack-twitter-cards-site-tag": (
        "validate_twitter_username",
        opt(
            "jetpack-twitter-cards-site-tag",
            write_via="update_data case jetpack-twitter-cards-site-tag (tags stripped, trimmed, "
            "leading @ removed)",
        ),
        {},
    ),
    "sharedaddy_disable_resources": ("validate_boolean", opt("sharedaddy_disable_resources"), {}),
    "custom": (
        "validate_custom_service",
        key(
            "sharing-options",
            "global",
            "custom",
            read_via="Sharing_Service::get_global_options",
            write_via="Sharing_Service::new_service (adds a custom service; the response "
            "echoes it)",
        ),
        {},
    ),
    "sharing_delete_service": (
        "validate_custom_service_id",
        {
            "kind": "action",
            "write_via": "Sharing_Service::delete_service",
        },
        {
            "notes": (
                "Not an option: GET reads get_option('sharing_delete_service', '') which is "
                "never written."
            )
        },
    ),
    "jetpack_sso_require_two_step": ("validate_boolean", opt("jetpack_sso_require_two_step"), {}),
    "jetpack_sso_match_by_email": ("validate_boolean", opt("jetpack_sso_match_by_email"), {}),
    "stb_enabled": (
        "validate_boolean",
        opt("stb_enabled", write_via="update_data case stb_enabled: false is stored as 0"),
        {"notes": "Corpus settings-update/stb_enabled: writing false is visible in GET."},
    ),
    "stc_enabled": (
        "validate_boolean",
        opt("stc_enabled", write_via="update_data case stc_enabled: false is stored as 0"),
        {"notes": "Corpus settings-update/stc_enabled: writing false is visible in GET."},
    ),
    "social_notifications_subscribe": (
        "validate_boolean",
        opt("social_notifications_subscribe"),
        {},
    ),
    "show_headline": (
        "validate_boolean",
        key(
            "jetpack_relatedposts",
            "show_headline",
            read_via="Jetpack_Options::get_option('relatedposts')",
            write_via="Jetpack_Options::update_option('relatedposts')",
        ),
        {},
    ),
    "show_thumbnails": (
        "validate_boolean",
        key(
            "jetpack_relatedposts",
            "show_thumbnails",
            read_via="Jetpack_Options::get_option('relatedposts')",
            write_via="Jetpack_Options::update_option('relatedposts')",
        ),
        {},
    ),
    "instant_search_enabled": ("validate_boolean", opt("instant_search_enabled"), {}),
    "has_jetpack_search_product": (
        "validate_boolean",
        opt("has_jetpack_search_product"),
        {"notes": "Also read by Jetpack_Plan::supports('search') to bypass the plan check."},
    ),
    "search_auto_config": (
        "validate_boolean",
        {
            "kind": "action",
            "write_via": "update_data case search_auto_config: a true value runs "
            "Instant_Search::auto_config_search",
        },
        {"notes": "Not an option: GET reads get_option('search_auto_config', 0), never written."},
    ),
    "google": (
        "validate_verification_service",
        key("verification_services_codes", "google", **VERIFY),
        {},
    ),
    "bing": (
        "validate_verification_service",
        key("verification_services_codes", "bing", **VERIFY),
        {},
    ),
    "pinterest": (
        "validate_verification_service",
        key("verification_services_codes", "pinterest", **VERIFY),
        {},
    ),
    "yandex": (
        "validate_verification_service",
        key("verification_services_codes", "yandex", **VERIFY),
        {},
    ),
    "facebook": (
        "validate_verification_service",
        key("verification_services_codes", "facebook", **VERIFY),
        {},
    ),
    "enable_header_ad": ("validate_boolean", opt("enable_header_ad"), {}),
    "wordads_approved": ("validate_boolean", opt("wordads_approved"), {}),
    "wordads_second_belowpost": ("validate_boolean", opt("wordads_second_belowpost"), {}),
    "wordads_display_front_page": ("validate_boolean", opt("wordads_display_front_page"), {}),
    "wordads_display_post": ("validate_boolean", opt("wordads_display_post"), {}),
    "wordads_display_page": ("validate_boolean", opt("wordads_display_page"), {}),
    "wordads_display_archive": ("validate_boolean", opt("wordads_display_archive"), {}),
    "wordads_custom_adstxt_enabled": ("validate_boolean", opt("wordads_custom_adstxt_enabled"), {}),
    "wordads_custom_adstxt": ("validate_string", opt("wordads_custom_adstxt"), {}),
    "wordads_ccpa_enabled": ("validate_boolean", opt("wordads_ccpa_enabled"), {}),
    "wordads_ccpa_privacy_policy_url": (
        "validate_string",
        opt("wordads_ccpa_privacy_policy_url"),
        {},
    ),
    "google_analytics_tracking_id": (
        "validate_alphanum",
        key("jetpack_wga", "code", write_via="update_data case google_analytics_tracking_id"),
        {},
    ),
    "admin_bar": ("validate_boolean", key("stats_options", "admin_bar", **STATS), {}),
    "roles": ("validate_stats_roles", key("stats_options", "roles", **STATS), {}),
    "count_roles": ("validate_stats_roles", key("stats_options", "count_roles", **STATS), {}),
    "blog_id": ("validate_boolean", key("stats_options", "blog_id", **STATS), {}),
    "do_not_track": ("validate_boolean", key("stats_options", "do_not_track", **STATS), {}),
    "version": ("validate_posint", key("stats_options", "version", **STATS), {}),
    "collapse_nudges": ("validate_boolean", key("stats_options", "collapse_nudges", **STATS), {}),
    "akismet_show_user_comments_approved": (
        "validate_boolean",
        opt(
            "akismet_show_user_comments_approved",
            write_via="update_data case akismet_show_user_comments_approved: stored as '1' or '0'",
        ),
        {},
    ),
    "wordpress_api_key": (
        "validate_alphanum",
        opt(
            "wordpress_api_key",
            read_via="Akismet::get_api_key when the option is not empty",
            write_via="update_data case wordpress_api_key: needs Akismet installed and active, "
            "the key verified by Akismet",
        ),
        {"notes": "Akismet's option; 10.7 site: 'Please activate Akismet.' (corpus)."},
    ),
    "dismiss_dash_app_card": ("validate_boolean", opt("dismiss_dash_app_card"), {}),
    "dismiss_empty_stats_card": ("validate_boolean", opt("dismiss_empty_stats_card"), {}),
    "lang_id": (
        None,
        opt(
            "WPLANG",
            read_via="get_all_options case lang_id: 'error_cap' without install_languages, else "
            "WPLANG or 'en_US'",
            write_via="update_data case lang_id: 'en_US' or empty deletes WPLANG and returns at "
            "once; otherwise wp_download_language_pack",
        ),
        {},
    ),
    "onboarding": (
        "validate_onboarding",
        {
            "kind": "computed",
            "options": [
                "blogname",
                "blogdescription",
                "jpo_site_type",
                "jpo_homepage_format",
                "jpo_contact_page",
                "jpo_business_address",
            ],
            "read_via": "get_all_options case onboarding",
            "write_via": "Jetpack_Core_API_Data::process_onboarding",
        },
        {"notes": "GET's value depends on the site (blogname); default is the pristine site's."},
    ),
    "advanced_seo_front_page_description": (
        None,
        opt("advanced_seo_front_page_description"),
        {},
    ),
    "advanced_seo_title_formats": (
        "Jetpack_SEO_Titles::are_valid_title_formats",
        opt("advanced_seo_title_formats"),
        {
            # PHP declares jp_group before the callbacks for this one entry.
            "key_order": [
                "description",
                "type",
                "default",
                "jp_group",
                "validate_callback",
                "sanitize_callback",
            ],
        },
    ),
}

READ_ONLY: dict[str, dict[str, Any]] = {
    "akismet": {
        "type": "boolean",
        "description": "",
        "storage": {
            "kind": "computed",
            "options": ["active_plugins"],
            "read_via": "is_plugin_active('akismet/akismet.php')",
        },
        "source": (
            f"get_all_options ({MOD}): appended after the settings group; not in "
            "get_updateable_data_list, so POST reports it as an invalid option (corpus "
            "settings-invalid/readonly-akismet-key)"
        ),
    }
}

MODULE_TOGGLE = {
    "type": "boolean",
    "description": "",
    "default": False,
    "schema_default": 0,
    "validator": "validate_boolean",
    "storage": {
        "kind": "module_active",
        "option": "jetpack_active_modules",
        "read_via": "Jetpack::is_module_active",
        "write_via": "Jetpack_Core_API_Module_Toggle_Endpoint::activate_module / deactivate_module",
    },
    "source": (
        f"get_updateable_data_list ({CORE}): one entry per Jetpack::get_available_modules() slug, "
        "jp_group 'modules', appended after the static list; 10.7 namespace index and GET /settings"
    ),
}

MODULE_HEADER_KEYS = HEADER_FIELDS  # the header fields module/all returns


def build_settings(spec: Path) -> dict[str, Any]:
    """The settings catalog, in get_updateable_data_list order."""
    ref = spec / "jetpack-10.7"
    index = json.loads((ref / "namespace-index.offline.json").read_text())
    args = index["routes"]["/jetpack/v4/settings"]["endpoints"][0]["args"]
    got = json.loads((ref / "settings.offline.json").read_text())
    modules = json.loads((ref / "module-all.offline.json").read_text())
    module_options: dict[str, dict[str, Any]] = {}
    for slug, module in modules.items():
        for name, option in (module["options"] or {}).items():
            module_options[name] = {**option, "_module": slug}
    groups = {name: option["_module"] for name, option in module_options.items()}
    settings: dict[str, Any] = {}
    for name, arg in args.items():
        if name == "context" or name in modules:
            continue
        validator, storage, extra = RULES[name]
        option = module_options.get(name, {})
        entry: dict[str, Any] = {
            "jp_group": groups.get(name, "settings"),
            "type": arg["type"],
            "description": arg["description"],
            "default": got[name],
            "schema_default": arg["default"],
        }
        if "enum" in arg:
            entry["enum"] = arg["enum"]
        if "enum_labels" in option:
            entry["enum_labels"] = option["enum_labels"]
        if "items" in arg:
            entry["items"] = arg["items"]
        if validator is not None:
            entry["validator"] = validator
        if "sanitize_callback" in option:
            entry["sanitize_callback"] = option["sanitize_callback"]
        if "key_order" in extra:
            entry["key_order"] = extra["key_order"]
        entry["storage"] = storage
        if "notes" in extra:
            entry["notes"] = extra["notes"]
        entry["source"] = setting_source(name, validator, storage, entry["jp_group"])
        settings[name] = entry
    missing = set(RULES) - set(settings)
    if missing:
        sys.exit(f"rules for unknown settings: {sorted(missing)}")
    read_only = {}
    for name, entry in READ_ONLY.items():
        read_only[name] = {
            "type": entry["type"],
            "description": entry["description"],
            "default": got[name],
            "storage": entry["storage"],
            "source": entry["source"],
        }
    validators = {
        name: {"params": spec_["params"], "source": spec_["source"]}
        for name, spec_ in VALIDATORS.items()
    }
    return {
        "validators": validators,
        "settings": settings,
        "module_toggle": MODULE_TOGGLE,
        "read_only": read_only,
    }


def setting_source(name: str, validator: str | None, storage: dict[str, Any], group: str) -> str:
    """The citation of one settings entry."""
    parts = [
        f"type/description/schema_default/enum/items: 10.7 namespace index POST /settings "
        f"args['{name}']; default: 10.7 GET /settings",
    ]
    if group != "settings":
        parts.append(
            f"enum_labels/sanitize_callback/jp_group: 10.7 GET /module/all {group}.options"
        )
    parts.append(
        f"validator {validator or '(none)'}: get_updateable_data_list, {CORE} ({PHP_COPY})"
    )
    where = "update_data / prepare_options_for_response"
    if group == "settings":
        where = "update_data / get_all_options"
    parts.append(f"storage: {where} ({MOD}, {CORE})")
    return "; ".join(parts)


def build_modules(spec: Path) -> dict[str, Any]:
    """The module catalog, in Jetpack::get_available_modules() order (module file names)."""
    ref = spec / "jetpack-10.7"
    offline = json.loads((ref / "module-all.offline.json").read_text())
    online = json.loads((ref / "module-all.online.json").read_text())
    modules: dict[str, Any] = {}
    for slug in sorted(offline, key=lambda s: s + ".php"):
        entry = offline[slug]
        other = online[slug]
        for field in (*MODULE_HEADER_KEYS, "long_description"):
            if entry[field] != other[field]:
                sys.exit(f"{slug}.{field} differs between offline and online")
        out = {field: entry[field] for field in MODULE_HEADER_KEYS}
        out["long_description"] = entry["long_description"]
        button = entry["learn_more_button"]
        for host in ORIGIN_HOSTS:
            button = button.replace("site=" + host, "site={site}")
        if button != other["learn_more_button"].replace("site=" + ORIGIN_HOSTS[1], "site={site}"):
            sys.exit(f"{slug}.learn_more_button is not a template")
        out["learn_more_button"] = button
        out["source"] = (
            f"10.7 GET /module/all ['{slug}'] (spec/jetpack-10.7/module-all.*.json): headers from "
            f"modules/{slug}.php via jetpack_get_module_info (modules/module-headings.php), "
            "long_description and learn_more_button from Jetpack_Admin::get_modules"
        )
        modules[slug] = out
    return {"modules": modules}


def dump(data: dict[str, Any]) -> str:
    """Canonical form of a catalog file (insertion order kept; see jetpress.jetpack.catalog)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    """Write both catalogs."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=OUT)
    ns = parser.parse_args()
    (ns.out / "modules.json").write_text(dump(build_modules(ns.spec)), encoding="utf-8")
    (ns.out / "settings.json").write_text(dump(build_settings(ns.spec)), encoding="utf-8")


if __name__ == "__main__":
    main()
