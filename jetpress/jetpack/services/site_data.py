"""Site data read from WordPress.com: GET /site, /site/features|products|purchases|benefits|
activity, /purchase-token, /search/plan and /verify-site (CORE, Jetpack_Core_API_Site_Endpoint
and the search package of Jetpack 10.7; jetpack-v4-endpoints.md §3.14).

Every outbound call goes through ``wpcom_data`` (signed with the site's tokens); a site without
tokens or without WordPress.com answers as the corpus records (tag ``remote``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options
from jetpress.jetpack.services import modules, transients, wpcom_api, wpcom_data
from jetpress.jetpack.wpcom_client import HttpFailure, HttpResponse
from jetpress.wp.errors import WPError
from jetpress.wp.formatting import esc_html

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User


def _failed_to_fetch(status: Any = 500) -> WPError:
    # Jetpack_Core_API_Site_Endpoint::get_failed_fetch_error; corpus site-plugins/site-features-*
    return WPError("failed_to_fetch_data", "Unable to fetch the requested data.", status=status)


def _blog_id(jp: Jetpack) -> Any:
    return jetpack_options.get_option(jp, "id")


# -- GET /site --------------------------------------------------------------------------------


def site_data(jp: Jetpack) -> dict[str, Any]:
    """CORE get_site_data: ``data`` is wp_json_encode() of the WordPress.com site object."""
    blog_id = _blog_id(jp)
    if not php.is_truthy(blog_id):
        # site_data(): WP_Error( 'site_id_missing', '', array( 'api_error_code' => ... ) )
        raise _site_data_error("site_id_missing", "site_id_missing", None)
    result = wpcom_data.blog_request(jp, f"/sites/{php.to_int(blog_id)}?force=wpcom", "1.1")
    body = result.text if isinstance(result, HttpResponse) else ""
    data = wpcom_data.decode_objects(body) if body else None
    if not isinstance(result, HttpResponse) or result.status != 200:
        api_error: Any = None
        if isinstance(result, HttpFailure):
            api_error = result.code or None  # wp_strip_all_tags( get_error_code() )
        elif isinstance(data, dict) and php.is_truthy(data.get("error")):
            api_error = data["error"]
        http_code = result.status if isinstance(result, HttpResponse) else None
        raise _site_data_error("site_data_fetch_failed", api_error, http_code)
    wpcom_data.update_plan_from_site(jp, data)  # Jetpack_Plan::update_from_sites_response
    return {
        "code": "success",
        "message": "Site data correctly received.",
        "data": wpcom_data.wp_json_encode(data),
    }


def _site_data_error(code: str, api_error: Any, http_code: Any) -> WPError:
    """get_site_data's 400 (CORE; corpus site-plugins/site-offline)."""
    if not php.is_truthy(api_error):
        message = (
            "Failed fetching site data from WordPress.com. If the problem persists, "
            "try reconnecting Jetpack."
        )
    else:
        # sprintf( esc_html__( '... (%s) ...' ), $error_data['api_error_code'] ): not escaped
        message = (
            f"Failed fetching site data from WordPress.com ({php.to_php_string(api_error)}). "
            "If the problem persists, try reconnecting Jetpack."
        )
    return WPError(
        code,
        message,
        status=400,
        data={
            "status": 400,
            "api_error_code": api_error if php.is_truthy(api_error) else None,
            "api_http_code": http_code if php.is_truthy(http_code) else None,
        },
    )


# -- /site/features, /site/purchases, /site/products -----------------------------------------


def features(jp: Jetpack) -> dict[str, Any]:
    """Jetpack_Core_API_Site_Endpoint::get_features: the body as a string."""
    result = wpcom_data.blog_request(jp, f"/sites/{php.to_int(_blog_id(jp))}/features", "1.1")
    # A WP_Error or a body that is not a JSON array/object fails; the status is not checked.
    if not isinstance(result, HttpResponse) or not isinstance(result.json(), dict | list):
        raise _failed_to_fetch()
    return {"code": "success", "message": "Site features correctly received.", "data": result.text}


def purchases(jp: Jetpack) -> dict[str, Any]:
    """Jetpack_Core_API_Site_Endpoint::get_purchases: a 200 with a JSON array/object body."""
    result = wpcom_data.blog_request(jp, f"/sites/{php.to_int(_blog_id(jp))}/purchases", "1.1")
    if (
        not isinstance(result, HttpResponse)
        or result.status != 200
        or not isinstance(result.json(), dict | list)
    ):
        raise _failed_to_fetch()
    return {
        "code": "success",
        "message": "Site purchases correctly received.",
        "data": result.text,
    }


def products(jp: Jetpack, user: User | None) -> dict[str, Any]:
    """Jetpack_Core_API_Site_Endpoint::get_products: the decoded body (assoc arrays)."""
    path = f"/sites/{php.to_int(_blog_id(jp))}/products?locale={wpcom_data.user_locale(jp, user)}"
    result = wpcom_data.blog_request(jp, path + "&type=jetpack", "1.1")
    decoded = result.json() if isinstance(result, HttpResponse) else None
    if not isinstance(decoded, dict | list):
        raise _failed_to_fetch()
    return {"code": "success", "message": "Site products correctly received.", "data": decoded}


# -- /site/benefits ---------------------------------------------------------------------------


def benefits(jp: Jetpack) -> dict[str, Any]:
    """Jetpack_Core_API_Site_Endpoint::get_benefits (7.7+): what Jetpack did for the site.

    Stats come from WordPress.com only when the Stats module is loaded (active); the blocked
    logins are Protect's local count. jetpress has no posts, attachments or Publicize
    connections, so those benefits never appear; VaultPress is not installed."""
    found: list[dict[str, Any]] = []
    stats: Any = None
    if modules.is_active(jp, "stats"):  # function_exists( 'stats_get_from_restapi' )
        stats = wpcom_data.stats_get_from_restapi(jp, "")
    summary = stats.get("stats") if isinstance(stats, dict) else None
    has_stats = isinstance(summary, dict)

    def stat(name: str) -> int:
        return php.to_int(summary.get(name)) if isinstance(summary, dict) else 0

    if has_stats and stat("visitors") > 0:
        found.append(
            _benefit("jetpack-stats", "Site Stats", "Visitors tracked by Jetpack", stat("visitors"))
        )
    if modules.is_active(jp, "protect"):
        blocked = jp.site.options.get("jetpack_protect_blocked_attempts")
        if php.to_int(blocked) > 0:
            found.append(
                _benefit(
                    "protect",
                    "Brute force protection",
                    "The number of malicious login attempts blocked by Jetpack",
                    php.absint(blocked),
                )
            )
    if has_stats and stat("followers_blog") > 0 and modules.is_active(jp, "subscriptions"):
        found.append(
            _benefit(
                "subscribers",
                "Subscribers",
                "People subscribed to your updates through Jetpack",
                stat("followers_blog"),
            )
        )
    if has_stats and stat("shares") > 0:
        found.append(
            _benefit(
                "sharing",
                "Sharing",
                "The number of times visitors have shared your posts with the world using Jetpack",
                stat("shares"),
            )
        )
    return {
        "code": "success",
        "message": "Site benefits correctly received.",
        "data": wpcom_data.wp_json_encode(found),  # wp_json_encode( $benefits ): "[]"
    }


def _benefit(name: str, title: str, description: str, value: int) -> dict[str, Any]:
    return {"name": name, "title": title, "description": description, "value": abs(value)}


# -- /site/activity ---------------------------------------------------------------------------


def activity(jp: Jetpack, user: User | None) -> dict[str, Any]:
    """CORE get_site_activity: the Activity Log's ``current.orderedItems``."""
    blog_id = _blog_id(jp)
    if not php.is_truthy(blog_id):
        raise WPError("site_id_missing", "Site ID is missing.", status=400)
    result = wpcom_data.user_request(
        jp, user, f"/sites/{php.to_php_string(blog_id)}/activity", "2", base="wpcom"
    )
    if not isinstance(result, HttpResponse) or result.status != 200:
        code = result.status if isinstance(result, HttpResponse) else ""
        raise WPError(
            "activity_fetch_failed",
            "Could not retrieve site activity.",
            data={"status": code},
        )
    data = result.json()
    current = data.get("current") if isinstance(data, dict) else None
    if not isinstance(current, dict) or current.get("orderedItems") is None:
        raise WPError("activity_not_found", "No activity found", status=204)
    items = wpcom_data.decode_objects(result.text)["current"]["orderedItems"]
    return {"code": "success", "data": items}


# -- /purchase-token --------------------------------------------------------------------------


def _site_not_registered() -> WPError:
    # CORE get_purchase_token & co.: no status, so 500 (corpus site-plugins/purchase-token)
    return WPError("site_not_registered", "Site not registered.")


def purchase_token(jp: Jetpack) -> Any:
    """CORE get_purchase_token: the Jetpack option ``purchase_token`` ('' when unset)."""
    if not php.is_truthy(_blog_id(jp)):
        raise _site_not_registered()
    return jetpack_options.get_option(jp, "purchase_token", "")


def delete_purchase_token(jp: Jetpack) -> bool:
    """CORE delete_purchase_token: Jetpack_Options::delete_option( 'purchase_token' )."""
    if not php.is_truthy(_blog_id(jp)):
        raise _site_not_registered()
    return jetpack_options.delete_option(jp, ["purchase_token"])


# -- /search/plan -----------------------------------------------------------------------------


def search_plan(jp: Jetpack) -> Any:
    """Search REST_Controller::get_search_plan: Plan::get_plan_info_from_wpcom() through
    make_proper_response (a transport WP_Error is passed through: corpus
    site-plugins/search-plan answers 500 missing_token with an empty message)."""
    path = f"/sites/{php.to_php_string(_blog_id(jp))}/jetpack-search/plan"
    result = wpcom_data.blog_request(jp, path, "2", base="wpcom")
    if isinstance(result, HttpFailure):
        raise WPError(result.code, result.message)
    body = result.json()
    if result.status == 200:
        return body
    error = body.get("error") if isinstance(body, dict) else None
    message = body.get("message") if isinstance(body, dict) else None
    raise WPError(
        f"remote-error-{php.to_php_string(error)}" if error is not None else "remote-error",
        php.to_php_string(message) if message is not None else "unknown remote error",
        status=result.status,
    )


# -- /verify-site/<service> -------------------------------------------------------------------


def is_site_verified(jp: Jetpack, user: User | None, service: str, keyring: Any) -> Any:
    """CORE is_site_verified_and_token: XML-RPC ``jetpack.isSiteVerified`` as the user (none of
    the maintenance plugins the PHP checks first is installed here)."""
    args: dict[str, Any] = {"user_id": user.id if user else 0, "service": service}
    if keyring is not None:
        args["keyring_id"] = keyring
    outcome = wpcom_data.ixr_query(jp, user, "jetpack.isSiteVerified", args)
    if not outcome.ok:
        # the code names google whatever the service (CORE; corpus site-plugins/verify-site-google)
        raise WPError(
            "error_checking_if_site_verified_google",
            f"{outcome.error_code}: {outcome.error_message}",
        )
    return outcome.value


def verify_site(jp: Jetpack, user: User | None, service: str, keyring: Any) -> Any:
    """CORE verify_site: XML-RPC ``jetpack.verifySite`` as the user."""
    args = {"user_id": user.id if user else 0, "service": service, "keyring_id": keyring}
    outcome = wpcom_data.ixr_query(jp, user, "jetpack.verifySite", args)
    if not outcome.ok:
        raise WPError(
            "error_verifying_site_google", f"{outcome.error_code}: {outcome.error_message}"
        )
    response = outcome.value
    if isinstance(response, dict) and php.is_truthy(response.get("errors")):
        errors = response["errors"]
        error = WPError("", "")
        error.errors = []
        for code, messages in errors.items() if isinstance(errors, dict) else []:
            for message in messages if isinstance(messages, list) else [messages]:
                error.errors.append((str(code), php.to_php_string(message), None))
        raise error
    return response


def widget_not_found() -> WPError:
    """Jetpack_Core_API_Widget_Endpoint::process for anything but an active Milestone widget
    (jetpress has no widgets engine; corpus site-plugins/widgets-unknown)."""
    return WPError("not_found", esc_html("The requested widget was not found."), status=404)


# -- the documented SSL re-check --------------------------------------------------------------

DAY_IN_SECONDS = 86400


def recheck_ssl(jp: Jetpack) -> dict[str, Any]:
    """Jetpack::ajax_recheck_ssl -> permit_ssl( true ) (docs/fidelity.md#recheck-ssl): GET
    ``jetpack.test/1/`` must answer ``OK``; the result and its message are cached a day in the
    transients ``jetpack_https_test`` / ``jetpack_https_test_message``."""
    message = ""
    if jp.site.constants.get("JETPACK_CLIENT__HTTPS") == "NEVER":
        ssl = 0
        message = "JETPACK_CLIENT__HTTPS is set to NEVER"
    else:
        url = jp.wpcom.endpoints.api("test")
        result = wpcom_api.wp_remote_request(jp, url, method="GET", timeout=5.0)
        ssl = 1
        if isinstance(result, HttpFailure):
            ssl = 0
            message = "WordPress reports no SSL support"
        elif result.text != "OK":
            ssl = 0
            message = "Response was not OK: " + result.text
    transients.set_transient(jp.site, "jetpack_https_test", ssl, DAY_IN_SECONDS)
    transients.set_transient(jp.site, "jetpack_https_test_message", message, DAY_IN_SECONDS)
    return {
        "enabled": bool(ssl),
        "message": transients.get_transient(jp.site, "jetpack_https_test_message"),
    }
