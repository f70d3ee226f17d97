"""Permission callbacks of the jetpack/v4 routes, by their PHP names (data/routes.json).

A callback returns True, False (WordPress answers ``rest_forbidden``) or a WPError. Denial codes
and messages are 10.7's: the plugin's older checks send the unset static
``$user_permissions_error_msg`` (null), the connection package's and newer checks send
REST_Connector::get_user_permissions_error_msg() (corpus auth-matrix/*).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from jetpress.jetpack import errors, offline
from jetpress.jetpack.body import body_params
from jetpress.jetpack.services import connection, signatures
from jetpress.wp.rest import errors as rest_errors
from jetpress.wp.rest.server import authorization_required_code

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.errors import WPError
    from jetpress.wp.rest.request import RestRequest

_MODULE_REQUESTED = re.compile(r"/module/(?P<slug>[a-z\-]+)")

Permission = Callable[["Jetpack", "RestRequest"], "bool | WPError"]


def can(jp: Jetpack, request: RestRequest, cap: str) -> bool:
    """current_user_can( $cap ) for the request's user."""
    return jp.site.caps.has_cap(request.user, cap)


def _check(cap: str, code: str, message: str | None) -> Permission:
    def check(jp: Jetpack, request: RestRequest) -> bool | WPError:
        if can(jp, request, cap):
            return True
        return errors.permission_error(code, message, authorization_required_code(request))

    return check


def _check_all(caps: tuple[str, ...], code: str, message: str | None) -> Permission:
    def check(jp: Jetpack, request: RestRequest) -> bool | WPError:
        if all(can(jp, request, cap) for cap in caps):
            return True
        return errors.permission_error(code, message, authorization_required_code(request))

    return check


def _boolean(cap: str) -> Permission:
    def check(jp: Jetpack, request: RestRequest) -> bool | WPError:
        return can(jp, request, cap)

    return check


def return_true(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """__return_true (public routes)."""
    return True


def return_false(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """A check jetpress can never pass: blog-token-signed requests (a later issue) and the
    WordPress.com debugger signature of view_jetpack_connection_test_check."""
    return False


def data_can_request(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """Jetpack_Core_API_Data::can_request (MOD 10.7)."""
    params = request.get_params()
    onboarding = params.get("onboarding")
    if isinstance(onboarding, dict) and onboarding.get("token") and "rest_route" in params:
        # Jetpack::validate_onboarding_token_action: no onboarding token is ever stored here
        return False
    if request.method == "GET":
        return can(jp, request, "jetpack_admin_page")
    # get_module_requested(): preg_match( '#/module/(?P<slug>[a-z\-]+)#', rest_route )
    found = _MODULE_REQUESTED.search(request.route)
    module = found.group("slug") if found else None
    if not module:
        for key in body_params(request):
            if jp.catalog.has_setting(str(key)):
                group = jp.catalog.setting(str(key)).jp_group
                if group == "post-by-email":
                    module = group
                    break
    if module == "post-by-email":
        # User is trying to create, regenerate or delete its PbE.
        return can(jp, request, "edit_posts") and can(jp, request, "jetpack_admin_page")
    return can(jp, request, "jetpack_configure_modules")


def module_list_can_request(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """Jetpack_Core_API_Module_List_Endpoint::can_request."""
    if request.method == "GET":
        return can(jp, request, "jetpack_admin_page")
    return can(jp, request, "jetpack_manage_modules")


def unlink_user_permission_callback(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """CORE unlink_user_permission_callback: jetpack_connect_user and a user token."""
    if can(jp, request, "jetpack_connect_user") and connection.is_user_connected(jp, request.user):
        return True
    return errors.permission_error(
        "invalid_user_permission_unlink_user", None, authorization_required_code(request)
    )


def purchase_token_permission_check(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """CORE purchase_token_permission_check: a blog token (never here) or manage_options."""
    if can(jp, request, "manage_options"):
        return True
    return errors.permission_error(
        "invalid_permission_manage_purchase_token",
        errors.USER_PERMISSIONS_MSG,
        authorization_required_code(request),
    )


def sync_default_permissions(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """Sync REST_Endpoints::verify_default_permissions: manage_options or a blog token."""
    if can(jp, request, "manage_options"):
        return True
    return errors.permission_error(
        "invalid_user_permission_sync",
        errors.USER_PERMISSIONS_MSG,
        authorization_required_code(request),
    )


def backup_permissions_callback(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """Backup REST_Controller::backup_permissions_callback: blog-token-signed requests only."""
    return errors.permission_error(
        "rest_forbidden",
        "You are not allowed to perform this action.",
        authorization_required_code(request),
    )


def update_user_token_permission_check(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """REST_Connector::update_user_token_permission_check: blog-token-signed requests only."""
    if signatures.is_signed_with_blog_token(request):
        return True
    return errors.permission_error(
        "invalid_permission_update_user_token",
        errors.USER_PERMISSIONS_MSG,
        authorization_required_code(request),
    )


def user_licensing_permission_check(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """The current user is connected and is the connection owner."""
    user = request.user
    owner = connection.jetpack_option(jp, "master_user", 0)
    if connection.is_user_connected(jp, user) and user is not None and str(owner) == str(user.id):
        return True
    return errors.permission_error(
        "invalid_permission_manage_user_licenses",
        errors.USER_PERMISSIONS_MSG,
        authorization_required_code(request),
    )


def set_jetpack_license_key_permission_check(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """is_licensing_input_enabled(): the jetpack_licensing_ui_enabled filter is false."""
    return errors.permission_error(
        "invalid_user_permission_set_jetpack_license_key",
        None,
        authorization_required_code(request),
    )


def online_only(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """A route 10.7 registers only when the site is not in offline mode (JITM): in offline mode
    the request is answered as if the route did not exist (corpus connection/jitm-offline)."""
    if offline.is_offline_mode(jp.site):
        return rest_errors.no_route()
    return True


def unowned_only(jp: Jetpack, request: RestRequest) -> bool | WPError:
    """A route 10.7 registers only while the site has no connected owner (verify_registration,
    REST_Connector::__construct): afterwards it answers as if it did not exist."""
    if connection.has_connected_owner(jp):
        return rest_errors.no_route()
    return True


_MSG = errors.USER_PERMISSIONS_MSG

PERMISSIONS: Mapping[str, Permission] = MappingProxyType(
    {
        "__return_true": return_true,
        "jetpress:never": return_false,
        "jetpress:online_only": online_only,
        "jetpress:unowned_only": unowned_only,
        # Jetpack_Core_Json_Api_Endpoints (class.core-rest-api-endpoints.php, 10.7)
        "Jetpack_Core_Json_Api_Endpoints::connect_url_permission_callback": _check(
            "jetpack_connect_user", "invalid_user_permission_jetpack_connect", None
        ),
        "Jetpack_Core_Json_Api_Endpoints::disconnect_site_permission_callback": _check(
            "jetpack_disconnect", "invalid_user_permission_jetpack_disconnect", None
        ),
        "Jetpack_Core_Json_Api_Endpoints::manage_modules_permission_check": _check(
            "jetpack_manage_modules", "invalid_user_permission_manage_modules", None
        ),
        "Jetpack_Core_Json_Api_Endpoints::view_admin_page_permission_check": _check(
            "jetpack_admin_page", "invalid_user_permission_view_admin", None
        ),
        "Jetpack_Core_Json_Api_Endpoints::update_settings_permission_check": _check(
            "jetpack_configure_modules", "invalid_user_permission_manage_settings", None
        ),
        "Jetpack_Core_Json_Api_Endpoints::view_jetpack_connection_test_check": return_false,
        "Jetpack_Core_Json_Api_Endpoints::unlink_user_permission_callback": (
            unlink_user_permission_callback
        ),
        # corpus auth-matrix/plugins--roles: the message is set on this newer check
        "Jetpack_Core_Json_Api_Endpoints::activate_plugins_permission_check": _check_all(
            ("jetpack_admin_page", "activate_plugins"),
            "invalid_user_permission_activate_plugins",
            _MSG,
        ),
        "Jetpack_Core_Json_Api_Endpoints::purchase_token_permission_check": (
            purchase_token_permission_check
        ),
        "Jetpack_Core_Json_Api_Endpoints::jetpack_crm_data_permission_check": _check(
            "manage_options", "invalid_user_permission_jetpack_crm_data", _MSG
        ),
        "Jetpack_Core_Json_Api_Endpoints::activate_crm_extensions_permission_check": _check(
            "manage_options", "invalid_user_permission_activate_crm_extensions", _MSG
        ),
        "Jetpack_Core_Json_Api_Endpoints::mobile_login_email_permission_check": _boolean(
            "jetpack_connect_user"
        ),
        "Jetpack_Core_API_Data::can_request": data_can_request,
        "Jetpack_Core_API_Module_List_Endpoint::can_request": module_list_can_request,
        "Jetpack_Core_API_Module_Toggle_Endpoint::can_request": _boolean("jetpack_manage_modules"),
        "Jetpack_Core_API_Module_Data_Endpoint::can_request": _boolean("jetpack_admin_page"),
        "Jetpack_Core_API_Site_Endpoint::can_request": _boolean("jetpack_manage_modules"),
        "Jetpack_Core_API_Widget_Endpoint::can_request": _boolean("jetpack_admin_page"),
        # Licensing endpoints of 10.7 (corpus site-plugins/licensing-user-counts)
        "Jetpack_Core_Json_Api_Endpoints::user_licensing_permission_check": (
            user_licensing_permission_check
        ),
        "Jetpack_Core_Json_Api_Endpoints::set_jetpack_license_key_permission_check": (
            set_jetpack_license_key_permission_check
        ),
        # Search package REST_Controller (not observed in the corpus)
        "Search::require_admin_privilege_callback": _boolean("manage_options"),
        # Connection package REST_Connector (10.7)
        "REST_Connector::disconnect_site_permission_check": _check(
            "jetpack_disconnect", "invalid_user_permission_jetpack_disconnect", _MSG
        ),
        "REST_Connector::user_connection_data_permission_check": _check(
            "jetpack_connect_user", "invalid_user_permission_user_connection_data", _MSG
        ),
        "REST_Connector::activate_plugins_permission_check": _check(
            "activate_plugins", "invalid_user_permission_activate_plugins", _MSG
        ),
        "REST_Connector::jetpack_reconnect_permission_check": _check(
            "jetpack_reconnect", "invalid_user_permission_jetpack_disconnect", _MSG
        ),
        "REST_Connector::jetpack_register_permission_check": _check(
            "jetpack_connect", "invalid_user_permission_jetpack_connect", _MSG
        ),
        "REST_Connector::set_connection_owner_permission_check": _check(
            "jetpack_disconnect", "invalid_user_permission_set_connection_owner", _MSG
        ),
        "REST_Connector::update_user_token_permission_check": update_user_token_permission_check,
        # Identity crisis package REST_Endpoints::identity_crisis_mitigation_permission_check
        "IDC::identity_crisis_mitigation_permission_check": _check(
            "jetpack_disconnect", "invalid_user_permission_identity_crisis", _MSG
        ),
        "Sync::verify_default_permissions": sync_default_permissions,
        "Backup::backup_permissions_callback": backup_permissions_callback,
    }
)
