"""Route callbacks of the connection family: REST_Connector's routes, Jetpack's /connection/url,
/connection/user, /connection/test, /plans, /products, JITM and the identity-crisis routes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import connection_errors as cerr
from jetpress.jetpack.services import (
    authorization,
    connection,
    connection_checks,
    identity_crisis,
    registration,
)
from jetpress.jetpack.services.registration import Actor
from jetpress.jetpack.services.urls import verify_nonce
from jetpress.wp.auth import current_user
from jetpress.wp.errors import WPError
from jetpress.wp.rest.response import RestResponse
from jetpress.wp.site import admin_url

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest


def actor(jp: Jetpack, request: RestRequest) -> Actor:
    """The logged-in user of a request (permission callbacks made sure there is one)."""
    if request.user is None:
        raise WPError("rest_forbidden", "Sorry, you are not allowed to do that.", status=401)
    return Actor(request.user, current_user.session_token(jp.site, request))


def _param(request: RestRequest, name: str) -> Any:
    return request.get_params().get(name)


def _admin_redirect(jp: Jetpack, request: RestRequest) -> str | None:
    # $request->get_param( 'redirect_uri' ) ? admin_url( … ) : null
    value = _param(request, "redirect_uri")
    return admin_url(jp.site, php.to_php_string(value)) if php.is_truthy(value) else None


def status(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /connection: REST_Connector::connection_status (public)."""
    return RestResponse(connection.status(jp, request.user))


def disconnect(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /connection {isActive: false}: REST_Connector::disconnect_site."""
    if not connection.is_connected(jp):
        raise cerr.disconnect_failed()
    user = request.user
    connection.disconnect_site(jp, user.id if user else 0)
    return RestResponse({"code": "success"})


def connect_url(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /connection/url: Jetpack::build_connect_url( true, $redirect, $from ) as a string."""
    redirect, from_ = _param(request, "redirect"), _param(request, "from")
    url = registration.build_connect_url(
        jp,
        actor(jp, request),
        php.to_php_string(redirect) if php.is_truthy(redirect) else None,
        php.to_php_string(from_) if php.is_truthy(from_) else None,
    )
    if not url:
        raise cerr.build_connect_url_failed()
    return RestResponse(url)


def data(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /connection/data: REST_Connector::get_user_connection_data."""
    return RestResponse(connection.user_connection_data(jp, actor(jp, request).user))


def unlink(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /connection/user {linked: false}: Jetpack_Core_Json_Api_Endpoints::unlink_user."""
    params = request.get_params()
    if "linked" not in params or params["linked"] is not False:
        raise cerr.invalid_param()
    if not connection.disconnect_user(jp, actor(jp, request).user.id):
        raise cerr.unlink_user_failed()
    return RestResponse({"code": "success"})


def plugins(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /connection/plugins: REST_Connector::get_connection_plugins."""
    return RestResponse(connection.connected_plugins(jp))


def reconnect(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /connection/reconnect: REST_Connector::connection_reconnect (Manager::restore)."""
    who = actor(jp, request)
    result = registration.restore(jp, who)
    if result == "authorize":
        url = registration.authorization_url(jp, who)
        return RestResponse({"status": "in_progress", "authorizeUrl": url})
    if result is True:
        return RestResponse({"status": "completed"})
    raise cerr.reconnect_failed()


def register(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /connection/register: REST_Connector::connection_register."""
    who = actor(jp, request)
    nonce = _param(request, "registration_nonce")
    if not verify_nonce(
        jp.site, nonce, "jetpack-registration-nonce", who.user.id, who.session_token
    ):
        raise cerr.invalid_nonce()
    from_ = _param(request, "from")
    extra = {"from": php.to_php_string(from_)} if from_ is not None else None
    result = registration.try_registration(jp, who, extra)
    # register(): without in-place authorization the iframe flow is switched off (prio 20)
    iframe = not php.is_truthy(_param(request, "no_iframe")) and result.allow_inplace_authorization
    url = registration.authorization_url(
        jp, who, _admin_redirect(jp, request), iframe=iframe, jetpack_filters=True
    )
    return RestResponse(
        {
            "allowInplaceAuthorization": result.allow_inplace_authorization,
            "alternateAuthorizeUrl": result.alternate_authorization_url,
            "authorizeUrl": url,
        }
    )


def authorize_url(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /connection/authorize_url: REST_Connector::connection_authorize_url."""
    iframe = not php.is_truthy(_param(request, "no_iframe"))
    url = registration.authorization_url(
        jp, actor(jp, request), _admin_redirect(jp, request), iframe=iframe
    )
    return RestResponse({"authorizeUrl": url})


def user_token(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /user-token (blog-token signed): REST_Connector::update_user_token."""
    params = request.get_params()
    connection.replace_user_token(
        jp, php.to_php_string(params.get("user_token")), params.get("is_connection_owner")
    )
    return RestResponse({"success": True})


def owner(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /connection/owner: REST_Connector::set_connection_owner."""
    new_owner = php.to_int(_param(request, "owner"))
    user = request.user
    connection.update_connection_owner(jp, new_owner, user.id if user else 0)
    return RestResponse({"code": "success"})


def verify_registration(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /verify_registration (WordPress.com's call-back): ``secret_2`` as a JSON string."""
    params = request.get_params()
    return RestResponse(
        registration.handle_registration(jp, params.get("secret_1"), params.get("state"))
    )


def remote_authorize(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /remote_authorize (Calypso flow): REST_Connector::remote_authorize."""
    return RestResponse(authorization.remote_authorize(jp, request.get_params()))


def connection_test(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /connection/test: Jetpack_Cxn_Tests (the outbound checks)."""
    return RestResponse(connection_checks.run(jp))


def plans(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /plans: WordPress.com's plans as the user (body as received, even an error)."""
    return RestResponse(connection_checks.plans(jp, request.user, request.remote_addr))


def products(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /products: WordPress.com's Jetpack products as the user."""
    answer, status_code = connection_checks.products(jp, request.user, request.remote_addr)
    return RestResponse(answer, status=status_code)


def survey(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /marketing/survey: the disconnect survey, forwarded to WordPress.com."""
    return RestResponse(connection_checks.survey(jp, request))


def jitm_messages(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /jitm: no Just-In-Time Message is ever due here (corpus connection/jitm-online)."""
    return RestResponse([])


def jitm_dismiss(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /jitm: JITM::dismiss succeeds (nothing to remember without messages)."""
    return RestResponse(True)


def idc_confirm_safe_mode(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /identity-crisis/confirm-safe-mode."""
    identity_crisis.confirm_safe_mode(jp)
    return RestResponse({"code": "success"})


def idc_migrate(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /identity-crisis/migrate."""
    identity_crisis.migrate(jp)
    return RestResponse({"code": "success"})


def idc_start_fresh(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /identity-crisis/start-fresh: disconnect, register again, the authorize URL."""
    who = actor(jp, request)
    return RestResponse(identity_crisis.start_fresh(jp, who, _admin_redirect(jp, request)))
