"""Error factories of the connection package and the connection endpoints, strings verbatim.

References: REST_Connector (class-rest-connector.php, F5), Manager (class-manager.php, F6/F7),
Secrets (class-secrets.php, F9), Tokens (class-tokens.php, F8) and Jetpack's
class.core-rest-api-endpoints.php (CORE) of 10.7, as read for jetpack-v4-endpoints.md §3, §5.
Errors whose PHP data is a bare integer (``new WP_Error( c, m, 400 )``) keep that integer as
their data, so WordPress answers them with HTTP 500 (§3.19).
"""

from __future__ import annotations

from jetpress.types import JSON
from jetpress.wp.errors import WPError


def wp_error(code: str, message: str = "", data: JSON = None) -> WPError:
    """``new WP_Error( $code, $message, $data )`` with data exactly as given (no status)."""
    return WPError(code, message, data=data)


def disconnect_failed() -> WPError:
    # F5 REST_Connector::disconnect_site; corpus connection/disconnect-false
    return WPError(
        "disconnect_failed",
        "Failed to disconnect the site as it appears already disconnected.",
        status=400,
    )


def invalid_nonce() -> WPError:
    # F5 REST_Connector::connection_register; corpus auth-matrix-online/connection-register
    return WPError("invalid_nonce", "Unable to verify your request.", status=403)


def invalid_param() -> WPError:
    # CORE unlink_user: $request['linked'] not strictly false
    return WPError("invalid_param", "Invalid Parameter", status=404)


def unlink_user_failed() -> WPError:
    # CORE unlink_user (10.x: one space)
    return WPError(
        "unlink_user_failed", "Was not able to unlink the user. Please try again.", status=400
    )


def build_connect_url_failed() -> WPError:
    # CORE build_connect_url
    return WPError(
        "build_connect_url_failed",
        "Unable to build the connect URL. Please reload the page and try again.",
        status=400,
    )


def new_owner_not_admin() -> WPError:
    # F7 Manager::update_connection_owner; corpus connection/owner-editor-online
    return WPError("new_owner_not_admin", "New owner is not admin", status=400)


def new_owner_is_existing_owner() -> WPError:
    # F7 Manager::update_connection_owner
    return WPError("new_owner_is_existing_owner", "New owner is same as existing owner", status=400)


def new_owner_not_connected() -> WPError:
    # F7 Manager::update_connection_owner; corpus connection/owner-admin-online
    return WPError("new_owner_not_connected", "New owner is not connected", status=400)


def error_setting_new_owner() -> WPError:
    # F7 Manager::update_connection_owner: WordPress.com did not confirm
    return WPError("error_setting_new_owner", "Could not confirm new owner.", status=500)


def reconnect_failed() -> WPError:
    # F5 REST_Connector::connection_reconnect: new WP_Error( 'Reconnect failed' ), no message
    return WPError("Reconnect failed", "")


def registration_state_invalid() -> WPError:
    # F7 Manager::handle_registration: data 400 (an integer, so HTTP 500)
    return wp_error("registration_state_invalid", "Invalid Registration State", 400)


def failed_to_fetch_data_body(status: int | str) -> dict[str, JSON]:
    """CORE get_products: WP_Error( 'failed_to_fetch_data', …, array( 'status' => $code ) ).

    With no response the code is '', which WordPress sends as HTTP 200 (absint('') = 0, no
    status header); corpus connection/products-online.
    """
    return {
        "code": "failed_to_fetch_data",
        "message": "Unable to fetch the requested data.",
        "data": {"status": status},
    }


def failed_to_fetch_data(status: int) -> WPError:
    # CORE get_products with a real HTTP status
    return WPError("failed_to_fetch_data", "Unable to fetch the requested data.", status=status)


def invalid_argument_user_token() -> WPError:
    # F5 REST_Connector::update_user_token
    return WPError("invalid_argument_user_token", "Invalid user token is provided")


def invalid_argument_user_id() -> WPError:
    # F5 REST_Connector::update_user_token
    return WPError("invalid_argument_user_id", "Invalid user id is provided")


def site_not_connected() -> WPError:
    # F5 REST_Connector::update_user_token
    return WPError("site_not_connected", "Site is not connected")


def safe_mode_failed() -> WPError:
    # identity-crisis REST_Endpoints::confirm_safe_mode
    return WPError("error_setting_jetpack_safe_mode", "Could not confirm safe mode.", status=500)


def idc_delete_failed() -> WPError:
    # identity-crisis REST_Endpoints::migrate_stats_and_subscribers
    return WPError(
        "error_deleting_sync_error_idc", "Could not delete sync error option.", status=500
    )


def idc_migrate_failed() -> WPError:
    # identity-crisis REST_Endpoints::migrate_stats_and_subscribers
    return WPError("error_setting_jetpack_migrate", "Could not confirm migration.", status=500)


def invalid_signature() -> WPError:
    # Rest_Authentication::wp_rest_authenticate (wp-rest-core.md §4.6)
    return WPError("rest_invalid_signature", "The request is not signed correctly.", status=400)


def invalid_request(message: str) -> WPError:
    # Rest_Authentication::wp_rest_authenticate: method / body checks
    return WPError("rest_invalid_request", message, status=400)


# Jetpack_Cxn_Tests (_inc/lib/debugger/class-jetpack-cxn-tests.php): the outbound tests'
# messages, with the literal newline and tabs (corpus connection/connection-test-online).
OUTBOUND_MESSAGE = (
    "Your server did not successfully connect to the Jetpack server using {scheme}\n\t\t\t\t"
    "Please ask your hosting provider to confirm your server can make outbound requests "
    "to jetpack.com."
)
