"""One-off generator of jetpress/jetpack/data/routes.json from Jetpack 10.7's namespace index.

Usage: ``python scripts/gen_routes.py [SPEC_DIR]`` (default ../shared/spec/jetpack-10.7).

Every route of ``GET /wp-json/jetpack/v4`` (offline and online references) in registration order,
each endpoint with its methods and args in registration form, plus what the index cannot show:
the permission callback and handler names (the table below, read from Jetpack 10.7's sources),
the validate/sanitize callbacks, and the routes whose args jetpress derives from the settings
catalog. The documented legacy routes (docs/fidelity.md) are appended, hidden from the index.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "jetpress" / "jetpack" / "data" / "routes.json"
NS = "/jetpack/v4"

CORE = "Jetpack_Core_Json_Api_Endpoints::"
CONN = "REST_Connector::"
VIEW_ADMIN = CORE + "view_admin_page_permission_check"
MANAGE_MODULES = CORE + "manage_modules_permission_check"
UPDATE_SETTINGS = CORE + "update_settings_permission_check"
DATA = "Jetpack_Core_API_Data::can_request"
SYNC = "Sync::verify_default_permissions"
BACKUP = "Backup::backup_permissions_callback"
IDC = "IDC::identity_crisis_mitigation_permission_check"
LIC = CORE + "user_licensing_permission_check"
SEARCH = "Search::require_admin_privilege_callback"

# route (without the namespace) -> one (permission, handler, php callback) per endpoint, in order.
# Handlers other than "stub" are implemented by jetpress; "stub" answers jetpress_not_implemented.
TABLE: dict[str, list[tuple[str, str, str]]] = {
    "/backup-helper-script": [
        (BACKUP, "stub", "Backup\\REST_Controller::install_backup_helper_script"),
        (BACKUP, "stub", "Backup\\REST_Controller::delete_backup_helper_script"),
    ],
    "/database-object/backup": [
        (BACKUP, "stub", "Backup\\REST_Controller::fetch_database_object_backup")
    ],
    "/options/backup": [(BACKUP, "stub", "Backup\\REST_Controller::fetch_options_backup")],
    "/comments/(?P<id>\\d+)/backup": [
        (BACKUP, "stub", "Backup\\REST_Controller::fetch_comment_backup")
    ],
    "/posts/(?P<id>\\d+)/backup": [(BACKUP, "stub", "Backup\\REST_Controller::fetch_post_backup")],
    "/terms/(?P<id>\\d+)/backup": [(BACKUP, "stub", "Backup\\REST_Controller::fetch_term_backup")],
    "/users/(?P<id>\\d+)/backup": [(BACKUP, "stub", "Backup\\REST_Controller::fetch_user_backup")],
    "/plans": [(CORE + "connect_url_permission_callback", "stub", CORE + "get_plans")],
    "/products": [(CORE + "connect_url_permission_callback", "stub", CORE + "get_products")],
    "/marketing/survey": [
        (CORE + "disconnect_site_permission_callback", "stub", CORE + "submit_survey")
    ],
    "/connection/test": [(MANAGE_MODULES, "stub", CORE + "jetpack_connection_test")],
    "/connection/test-wpcom": [
        (
            CORE + "view_jetpack_connection_test_check",
            "stub",
            CORE + "jetpack_connection_test_for_external",
        )
    ],
    "/rewind": [(VIEW_ADMIN, "stub", CORE + "get_rewind_data")],
    "/scan": [(VIEW_ADMIN, "stub", CORE + "get_scan_state")],
    "/connection/url": [
        (CORE + "connect_url_permission_callback", "stub", CORE + "build_connect_url")
    ],
    "/tracking/settings": [
        (VIEW_ADMIN, "stub", CORE + "get_user_tracking_settings"),
        (VIEW_ADMIN, "stub", CORE + "update_user_tracking_settings"),
    ],
    "/connection/user": [(CORE + "unlink_user_permission_callback", "stub", CORE + "unlink_user")],
    "/site": [(VIEW_ADMIN, "stub", CORE + "get_site_data")],
    "/site/features": [
        (
            "Jetpack_Core_API_Site_Endpoint::can_request",
            "stub",
            "Jetpack_Core_API_Site_Endpoint::get_features",
        )
    ],
    "/site/products": [
        (
            "Jetpack_Core_API_Site_Endpoint::can_request",
            "stub",
            "Jetpack_Core_API_Site_Endpoint::get_products",
        )
    ],
    "/site/purchases": [
        (
            "Jetpack_Core_API_Site_Endpoint::can_request",
            "stub",
            "Jetpack_Core_API_Site_Endpoint::get_purchases",
        )
    ],
    "/site/benefits": [
        (
            "Jetpack_Core_API_Site_Endpoint::can_request",
            "stub",
            "Jetpack_Core_API_Site_Endpoint::get_benefits",
        )
    ],
    "/site/activity": [(MANAGE_MODULES, "stub", CORE + "get_site_activity")],
    "/module/all": [
        (
            "Jetpack_Core_API_Module_List_Endpoint::can_request",
            "modules.list",
            "Jetpack_Core_API_Module_List_Endpoint::process",
        )
    ],
    "/module/all/active": [
        (
            "Jetpack_Core_API_Module_List_Endpoint::can_request",
            "modules.activate_many",
            "Jetpack_Core_API_Module_List_Endpoint::process",
        )
    ],
    "/module/(?P<slug>[a-z\\-]+)": [
        (DATA, "modules.get", "Jetpack_Core_API_Data::process"),
        (DATA, "settings.update", "Jetpack_Core_API_Data::process"),
    ],
    "/module/(?P<slug>[a-z\\-]+)/active": [
        (
            "Jetpack_Core_API_Module_Toggle_Endpoint::can_request",
            "modules.toggle",
            "Jetpack_Core_API_Module_Toggle_Endpoint::process",
        )
    ],
    "/module/(?P<slug>[a-z\\-]+)/data": [
        (
            "Jetpack_Core_API_Module_Data_Endpoint::can_request",
            "modules.data",
            "Jetpack_Core_API_Module_Data_Endpoint::process",
        )
    ],
    "/module/(?P<service>[a-z\\-]+)/key/check": [
        (UPDATE_SETTINGS, "modules.key_check", "Jetpack_Core_API_Module_Data_Endpoint::key_check"),
        (UPDATE_SETTINGS, "modules.key_check", "Jetpack_Core_API_Module_Data_Endpoint::key_check"),
    ],
    "/settings": [
        (DATA, "settings.update", "Jetpack_Core_API_Data::process"),
        (DATA, "settings.get", "Jetpack_Core_API_Data::process"),
    ],
    "/settings/(?P<slug>[a-z\\-]+)": [(DATA, "settings.update", "Jetpack_Core_API_Data::process")],
    "/options/(?P<options>[a-z\\-]+)": [
        (MANAGE_MODULES, "options.reset", CORE + "reset_jetpack_options")
    ],
    "/updates/plugins": [(VIEW_ADMIN, "stub", CORE + "get_plugin_update_count")],
    "/notice/(?P<notice>[a-z\\-_]+)": [(VIEW_ADMIN, "notices.dismiss", CORE + "dismiss_notice")],
    "/plugins": [
        (CORE + "activate_plugins_permission_check", "stub", CORE + "get_plugins"),
        (CORE + "activate_plugins_permission_check", "stub", CORE + "install_plugin"),
    ],
    "/plugins/(?P<plugin>[^.\\/]+(?:\\/[^.\\/]+)?)": [
        (CORE + "activate_plugins_permission_check", "stub", CORE + "activate_plugin")
    ],
    "/plugin/(?P<plugin>[a-z\\/\\.\\-_]+)": [
        (CORE + "activate_plugins_permission_check", "stub", CORE + "get_plugin")
    ],
    "/widgets/(?P<id>[0-9a-z\\-_]+)": [
        (
            "Jetpack_Core_API_Widget_Endpoint::can_request",
            "stub",
            "Jetpack_Core_API_Widget_Endpoint::process",
        )
    ],
    "/verify-site/(?P<service>[a-z\\-_]+)": [
        (UPDATE_SETTINGS, "stub", CORE + "is_site_verified_and_token"),
        (UPDATE_SETTINGS, "stub", CORE + "verify_site"),
    ],
    "/verify-site/(?P<service>[a-z\\-_]+)/(?<keyring_id>[0-9]+)": [
        (UPDATE_SETTINGS, "stub", CORE + "is_site_verified_and_token")
    ],
    "/mobile/send-login-email": [
        (CORE + "mobile_login_email_permission_check", "stub", CORE + "send_mobile_magic_link")
    ],
    "/recommendations/data": [
        (UPDATE_SETTINGS, "stub", CORE + "get_recommendations_data"),
        (UPDATE_SETTINGS, "stub", CORE + "update_recommendations_data"),
    ],
    "/recommendations/step": [
        (UPDATE_SETTINGS, "stub", CORE + "get_recommendations_step"),
        (UPDATE_SETTINGS, "stub", CORE + "update_recommendations_step"),
    ],
    "/recommendations/product-suggestions": [
        (VIEW_ADMIN, "stub", CORE + "get_recommendations_product_suggestions")
    ],
    "/recommendations/upsell": [(VIEW_ADMIN, "stub", CORE + "get_recommendations_upsell")],
    "/licensing/error": [
        (VIEW_ADMIN, "stub", CORE + "get_licensing_error"),
        (VIEW_ADMIN, "stub", CORE + "update_licensing_error"),
    ],
    "/licensing/set-license": [
        (CORE + "set_jetpack_license_key_permission_check", "stub", CORE + "set_jetpack_license")
    ],
    "/licensing/user/counts": [(LIC, "stub", CORE + "get_user_license_counts")],
    "/licensing/user/activation-notice-dismiss": [
        (LIC, "stub", CORE + "update_licensing_activation_notice_dismiss")
    ],
    "/licensing/attach-licenses": [(LIC, "stub", CORE + "attach_jetpack_licenses")],
    "/jetpack_crm": [
        (CORE + "jetpack_crm_data_permission_check", "stub", CORE + "get_jetpack_crm_data"),
        (
            CORE + "activate_crm_extensions_permission_check",
            "stub",
            CORE + "activate_crm_jetpack_forms_extension",
        ),
    ],
    "/purchase-token": [
        (CORE + "purchase_token_permission_check", "stub", CORE + "get_purchase_token"),
        (CORE + "purchase_token_permission_check", "stub", CORE + "delete_purchase_token"),
    ],
    "/seen-wc-connection-modal": [
        (MANAGE_MODULES, "stub", CORE + "set_has_seen_wc_connection_modal")
    ],
    "/search/plan": [(SEARCH, "stub", "Search\\REST_Controller::get_search_plan")],
    "/search/settings": [
        (SEARCH, "stub", "Search\\REST_Controller::update_settings"),
        (SEARCH, "stub", "Search\\REST_Controller::get_settings"),
    ],
    "/search/stats": [(SEARCH, "stub", "Search\\REST_Controller::get_stats")],
    "/search": [(SEARCH, "stub", "Search\\REST_Controller::get_search_results")],
    "/search/plan/activate": [(SEARCH, "stub", "Search\\REST_Controller::activate_plan")],
    "/search/plan/deactivate": [(SEARCH, "stub", "Search\\REST_Controller::deactivate_plan")],
    "/verify_xmlrpc_error": [("__return_true", "stub", CONN + "verify_xml_rpc_error")],
    "/verify_registration": [("__return_true", "stub", CONN + "verify_registration")],
    "/remote_authorize": [("__return_true", "stub", CONN + "remote_authorize")],
    "/connection": [
        ("__return_true", "connection.status", CONN + "connection_status"),
        (CONN + "disconnect_site_permission_check", "stub", CONN + "disconnect_site"),
    ],
    "/connection/data": [
        (CONN + "user_connection_data_permission_check", "stub", CONN + "get_user_connection_data")
    ],
    "/connection/plugins": [
        (CONN + "activate_plugins_permission_check", "stub", CONN + "get_connection_plugins")
    ],
    "/connection/reconnect": [
        (CONN + "jetpack_reconnect_permission_check", "stub", CONN + "connection_reconnect")
    ],
    "/connection/register": [
        (CONN + "jetpack_register_permission_check", "stub", CONN + "connection_register")
    ],
    "/connection/authorize_url": [
        (CONN + "user_connection_data_permission_check", "stub", CONN + "connection_authorize_url")
    ],
    "/user-token": [
        (CONN + "update_user_token_permission_check", "stub", CONN + "update_user_token")
    ],
    "/connection/owner": [
        (CONN + "set_connection_owner_permission_check", "stub", CONN + "set_connection_owner")
    ],
    "/sync/full-sync": [(SYNC, "stub", "Sync\\REST_Endpoints::full_sync_start")],
    "/sync/status": [(SYNC, "stub", "Sync\\REST_Endpoints::sync_status")],
    "/sync/health": [(SYNC, "stub", "Sync\\REST_Endpoints::sync_health")],
    "/sync/settings": [
        (SYNC, "stub", "Sync\\REST_Endpoints::get_sync_settings"),
        (SYNC, "stub", "Sync\\REST_Endpoints::update_sync_settings"),
    ],
    "/sync/object": [(SYNC, "stub", "Sync\\REST_Endpoints::get_sync_objects")],
    "/sync/now": [(SYNC, "stub", "Sync\\REST_Endpoints::do_sync")],
    "/sync/checkout": [(SYNC, "stub", "Sync\\REST_Endpoints::checkout")],
    "/sync/close": [(SYNC, "stub", "Sync\\REST_Endpoints::close")],
    "/sync/unlock": [(SYNC, "stub", "Sync\\REST_Endpoints::unlock_queue")],
    "/sync/object-id-range": [(SYNC, "stub", "Sync\\REST_Endpoints::get_object_id_range")],
    "/sync/data-check": [(SYNC, "stub", "Sync\\REST_Endpoints::data_check")],
    "/sync/data-histogram": [(SYNC, "stub", "Sync\\REST_Endpoints::data_histogram")],
    "/jitm": [
        (
            "jetpress:online_only",
            "stub",
            "Automattic\\Jetpack\\JITMS\\Rest_Api_Endpoints::get_jitm_message",
        ),
        (
            "jetpress:online_only",
            "stub",
            "Automattic\\Jetpack\\JITMS\\Rest_Api_Endpoints::delete_jitm_message",
        ),
    ],
    "/identity-crisis/confirm-safe-mode": [(IDC, "stub", "IDC\\REST_Endpoints::confirm_safe_mode")],
    "/identity-crisis/migrate": [
        (IDC, "stub", "IDC\\REST_Endpoints::migrate_stats_and_subscribers")
    ],
    "/identity-crisis/start-fresh": [(IDC, "stub", "IDC\\REST_Endpoints::start_fresh_connection")],
}

# (route, endpoint index, arg) -> callbacks the index cannot show (10.7 registrations).
CALLBACKS: dict[tuple[str, int, str], dict[str, str]] = {
    ("/module/all/active", 0, "modules"): {"validate_callback": "validate_module_list"},
    ("/module/all/active", 0, "active"): {"validate_callback": "validate_boolean"},
    ("/module/(?P<slug>[a-z\\-]+)/active", 0, "active"): {"validate_callback": "validate_boolean"},
    ("/module/(?P<slug>[a-z\\-]+)/data", 0, "range"): {"validate_callback": "validate_string"},
    ("/module/(?P<service>[a-z\\-]+)/key/check", 1, "api_key"): {
        "validate_callback": "validate_alphanum"
    },
    ("/plugins", 1, "source"): {"validate_callback": "validate_string"},
    ("/plugins/(?P<plugin>[^.\\/]+(?:\\/[^.\\/]+)?)", 0, "status"): {
        "validate_callback": "validate_activate_plugin"
    },
    ("/plugins/(?P<plugin>[^.\\/]+(?:\\/[^.\\/]+)?)", 0, "source"): {
        "validate_callback": "validate_string"
    },
    ("/verify-site/(?P<service>[a-z\\-_]+)", 1, "keyring_id"): {
        "validate_callback": "validate_posint"
    },
    ("/recommendations/data", 1, "data"): {"validate_callback": "validate_recommendations_data"},
    ("/recommendations/step", 1, "step"): {"validate_callback": "validate_string"},
    ("/licensing/error", 1, "error"): {
        "validate_callback": "validate_string",
        "sanitize_callback": "sanitize_text_field",
    },
    ("/licensing/set-license", 0, "license"): {
        "validate_callback": "validate_string",
        "sanitize_callback": "sanitize_text_field",
    },
    ("/licensing/user/activation-notice-dismiss", 0, "last_detached_count"): {
        "validate_callback": "validate_non_neg_int"
    },
    ("/connection", 1, "isActive"): {"validate_callback": "validate_disconnect_is_active"},
}

# Routes whose args jetpress derives from the settings catalog (get_updateable_parameters).
DERIVED: dict[tuple[str, int], str] = {
    ("/module/(?P<slug>[a-z\\-]+)", 1): "updateable:any",
    ("/settings", 0): "updateable:any",
    ("/settings/(?P<slug>[a-z\\-]+)", 0): "updateable:selector",
}

ONLINE_ONLY = {"/jitm"}

LEGACY: list[dict[str, Any]] = [
    {
        "route": "/module/activate",
        "fidelity": "legacy-module-activate",
        "endpoints": [
            {
                "methods": ["POST", "PUT", "PATCH"],
                "args": {
                    "modules": {
                        "default": "",
                        "type": "array",
                        "items": {"type": "string"},
                        "required": True,
                        "validate_callback": "validate_module_list",
                    }
                },
                "permission": "Jetpack_Core_API_Module_List_Endpoint::can_request",
                "handler": "legacy.module_activate",
                "php_callback": "Jetpack_Core_API_Module_List_Endpoint::activate_modules",
            }
        ],
    },
    {
        "route": "/reset/(?P<options>options|modules)",
        "fidelity": "legacy-reset",
        "endpoints": [
            {
                "methods": ["POST", "PUT", "PATCH"],
                "args": {},
                "permission": MANAGE_MODULES,
                "handler": "legacy.reset",
                "php_callback": CORE + "reset_jetpack_options",
            }
        ],
    },
    {
        "route": "/notice/(?P<notice>[a-z\\-_]+)/dismiss",
        "fidelity": "legacy-notice-dismiss",
        "endpoints": [
            {
                "methods": ["POST", "PUT", "PATCH"],
                "args": {},
                "permission": VIEW_ADMIN,
                "handler": "legacy.notice_dismiss",
                "php_callback": CORE + "dismiss_notice",
            }
        ],
    },
    {
        "route": "/jumpstart/activate",
        "fidelity": "legacy-jumpstart",
        "endpoints": [
            {
                "methods": ["POST", "PUT", "PATCH"],
                "args": {},
                "permission": MANAGE_MODULES,
                "handler": "legacy.jumpstart_activate",
                "php_callback": CORE + "jumpstart_activate (Jetpack 4.3–7.4)",
            }
        ],
    },
    {
        "route": "/jumpstart/deactivate",
        "fidelity": "legacy-jumpstart",
        "endpoints": [
            {
                "methods": ["POST", "PUT", "PATCH"],
                "args": {},
                "permission": MANAGE_MODULES,
                "handler": "legacy.jumpstart_deactivate",
                "php_callback": CORE + "jumpstart_deactivate (Jetpack 4.3–7.4)",
            }
        ],
    },
]


def _methods(value: list[str]) -> list[str]:
    return list(value)


def build(spec_dir: Path) -> dict[str, Any]:
    """The routes.json document from the two 10.7 namespace indexes."""
    offline = json.loads((spec_dir / "namespace-index.offline.json").read_text("utf-8"))
    online = json.loads((spec_dir / "namespace-index.online.json").read_text("utf-8"))
    routes: list[dict[str, Any]] = []
    for full, data in online["routes"].items():
        if full == NS:
            continue  # registered by the REST server itself (SRV:813-834)
        route = full[len(NS) :]
        in_offline = full in offline["routes"]
        if in_offline and offline["routes"][full]["endpoints"] != data["endpoints"]:
            raise SystemExit(f"{full}: offline and online endpoints differ")
        if not in_offline and route not in ONLINE_ONLY:
            raise SystemExit(f"{full}: only online, but not marked online-only")
        table = TABLE[route]
        if len(table) != len(data["endpoints"]):
            raise SystemExit(f"{full}: {len(data['endpoints'])} endpoints, table has {len(table)}")
        endpoints: list[dict[str, Any]] = []
        for index, (endpoint, (permission, handler, php)) in enumerate(
            zip(data["endpoints"], table, strict=True)
        ):
            entry: dict[str, Any] = {"methods": _methods(endpoint["methods"])}
            derived = DERIVED.get((route, index))
            if derived:
                entry["args_from"] = derived
            else:
                args: dict[str, Any] = {}
                raw = endpoint["args"] if isinstance(endpoint["args"], dict) else {}
                for name, opts in raw.items():
                    arg = {key: value for key, value in opts.items() if key != "required"}
                    if opts.get("required"):
                        arg["required"] = True
                    arg.update(CALLBACKS.get((route, index, name), {}))
                    args[name] = arg
                entry["args"] = args
            entry["permission"] = permission
            entry["handler"] = handler
            entry["php_callback"] = php
            endpoints.append(entry)
        item: dict[str, Any] = {"route": route, "endpoints": endpoints}
        if route in ONLINE_ONLY:
            item["online_only"] = True
        routes.append(item)
    unused = set(TABLE) - {item["route"] for item in routes}
    if unused:
        raise SystemExit(f"table routes missing from the index: {sorted(unused)}")
    return {
        "namespace": "jetpack/v4",
        "source": (
            "Jetpack 10.7 GET /wp-json/jetpack/v4 (spec/jetpack-10.7/namespace-index.*.json), "
            "generated by scripts/gen_routes.py; permission and handler names from the 10.7 "
            "sources (class.core-rest-api-endpoints.php, core-api/*, connection, sync, backup, "
            "licensing, search, identity-crisis and JITM packages)"
        ),
        "routes": routes,
        "legacy": LEGACY,
    }


def main() -> None:
    spec_dir = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared" / "spec" / "jetpack-10.7"
    )
    document = build(spec_dir)
    OUT.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"wrote {OUT} ({len(document['routes'])} routes, {len(document['legacy'])} legacy)")


if __name__ == "__main__":
    main()
