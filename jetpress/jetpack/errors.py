"""Jetpack's error factories; strings verbatim from Jetpack 10.7 (corpus-checked), one per code.

Line references are to class.core-rest-api-endpoints.php (CORE) and
core-api/class.jetpack-core-api-module-endpoints.php (MOD) of 10.7, located by the corpus cases.
"""

from __future__ import annotations

from jetpress.wp.errors import WPError

# REST_Connector::get_user_permissions_error_msg(), with the literal newline and tabs
# (jetpack-v4-endpoints.md §1.1; corpus auth-matrix/connection-data--roles).
USER_PERMISSIONS_MSG = (
    "You do not have the correct user permissions to perform this action.\n\t\t\t"
    "Please contact your site admin if you think this is a mistake."
)
NOT_IMPLEMENTED_MSG = "This route is registered for discovery but not implemented by jetpress."


def permission_error(code: str, message: str | None, status: int) -> WPError:
    """A Jetpack permission callback's WP_Error; ``message`` None is 10.7's unset static
    ``$user_permissions_error_msg`` (corpus auth-matrix/site--roles: ``"message": null``)."""
    return WPError(code, message, status=status)


def module_not_found() -> WPError:
    # MOD Jetpack_Core_API_Module_Toggle_Endpoint::activate_module; corpus
    # module-activation/unknown-nonexistent
    return WPError("not_found", "The requested Jetpack module was not found.", status=404)


def module_inactive() -> WPError:
    # MOD Jetpack_Core_API_Data::update_data; corpus settings-get/slug-post-inactive
    return WPError("inactive", "The requested Jetpack module is inactive.", status=409)


def not_supported() -> WPError:
    # MOD activate_module: ! Jetpack_Plan::supports(); corpus module-activation/activate-search
    return WPError(
        "not_supported", "The requested Jetpack module is not supported by your plan.", status=424
    )


def activation_failed() -> WPError:
    # MOD activate_module; corpus module-activation/activate-carousel-online
    return WPError(
        "activation_failed", "The requested Jetpack module could not be activated.", status=424
    )


def activation_failed_many(message: str) -> WPError:
    # MOD Jetpack_Core_API_Module_List_Endpoint::activate_modules; corpus
    # module-activation/all-active-online
    return WPError("activation_failed", message, status=424)


def already_inactive() -> WPError:
    # MOD deactivate_module; corpus module-activation/deactivate-inactive-carousel
    return WPError(
        "already_inactive", "The requested Jetpack module was already inactive.", status=409
    )


def deactivation_failed() -> WPError:
    # MOD deactivate_module (Jetpack::deactivate_module returned false)
    return WPError(
        "deactivation_failed", "The requested Jetpack module could not be deactivated.", status=400
    )


def some_updated(message: str) -> WPError:
    # MOD update_data: WP_Error('some_updated', esc_html($error), 400); corpus
    # settings-invalid/mixed-valid-unknown
    return WPError("some_updated", message, status=400)


def missing_options() -> WPError:
    # MOD update_data: neither body is an array (unreachable through WordPress, kept for parity)
    return WPError("missing_options", "Missing options.", status=404)


def invalid_parameter() -> WPError:
    # CORE reset_jetpack_options; corpus options-notices/reset-modules-false
    return WPError("invalid_param", "Invalid Parameter", status=404)


def missing_type() -> WPError:
    # CORE reset_jetpack_options: 'Missing parameter "type".' (esc_html'd)
    return WPError("required_param", "Missing parameter &quot;type&quot;.", status=404)


def invalid_dismissed() -> WPError:
    # CORE dismiss_notice, esc_html'd quotes; corpus options-notices/dismiss-welcome-false
    return WPError("invalid_param", "Invalid parameter &quot;dismissed&quot;.", status=404)


def invalid_notice() -> WPError:
    # CORE dismiss_notice; corpus options-notices/dismiss-invalid-notice
    return WPError("invalid_param", "Invalid parameter &quot;notice&quot;.", status=404)


def missing_notice() -> WPError:
    # CORE dismiss_notice: empty notice (unreachable through the route regex)
    return WPError("required_param", "Missing parameter &quot;notice&quot;.", status=404)


def invalid_param(message: str) -> WPError:
    """A validate_callback's WP_Error('invalid_param', msg): no status, WordPress wraps it."""
    return WPError("invalid_param", message)


def invalid_param_value(message: str) -> WPError:
    """validate_list_item / validate_module_list: WP_Error('invalid_param_value', msg)."""
    return WPError("invalid_param_value", message)


def rest_invalid_param(message: str) -> WPError:
    """Connection-package validators: WP_Error('rest_invalid_param', msg, 400)."""
    return WPError("rest_invalid_param", message, status=400)


def not_implemented() -> WPError:
    """jetpress: a 10.7 route kept for discovery whose handler is out of scope.

    docs/fidelity.md#not-implemented-routes
    """
    return WPError("jetpress_not_implemented", NOT_IMPLEMENTED_MSG, status=501)


def jumpstart_failed(modules: list[str]) -> WPError:
    # CORE (7.x) jumpstart_activate, _n() singular/plural; docs/fidelity.md#legacy-jumpstart
    template = (
        "Jumpstart failed activating this module: %s."
        if len(modules) == 1
        else "Jumpstart failed activating these modules: %s."
    )
    return WPError("jumpstart_failed", template % ", ".join(modules), status=400)


def jumpstart_failed_dismiss() -> WPError:
    # CORE (7.x) jumpstart_deactivate
    return WPError("jumpstart_failed_dismiss", "Jumpstart could not be dismissed.", status=400)


def fatal_param(param: str, message: str) -> WPError:
    """jetpress: a 400 instead of 10.7's PHP fatal error (docs/fidelity.md#php-fatal)."""
    return WPError(
        "rest_invalid_param",
        f"Invalid parameter(s): {param}",
        status=400,
        data={"params": {param: message}},
    )
