"""Linking a user to WordPress.com: the code-for-token exchange and the flows that end in it.

Ports of Manager::authorize and Tokens::get (class-manager.php, class-tokens.php of 10.7,
jetpack-v4-endpoints.md §5.5), Jetpack_XMLRPC_Server::remote_authorize (the Calypso flow),
Webhooks::handle_authorize (the browser flow back from WordPress.com) and Jetpack's
``admin.php?page=jetpack&action=register`` step that sends the browser to WordPress.com.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NoReturn, cast

from jetpress import php
from jetpress.jetpack import connection_errors as cerr, jetpack_options
from jetpress.jetpack.services import (
    connection,
    modules,
    registration,
    roles,
    secrets,
    tokens,
    wpcom_api,
)
from jetpress.jetpack.services.registration import Actor
from jetpress.jetpack.services.urls import validate_redirect, verify_nonce
from jetpress.jetpack.wpcom_client import HttpFailure
from jetpress.wp.errors import WPError
from jetpress.wp.site import admin_url

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

NONCE_EXPIRED = "The link you followed has expired."  # wp_nonce_ays() (functions.php)
CHEATIN = "Cheatin&#8217; uh?"  # Jetpack::admin_page_load 'cheatin'


@dataclass(frozen=True, slots=True)
class PageOutcome:
    """What an admin.php step answers: a redirect, or a page with a status and message."""

    status: int
    location: str | None = None
    message: str = ""


def exchange_code(jp: Jetpack, actor: Actor, data: Mapping[str, Any]) -> str:
    """Tokens::get(): POST jetpack.token and check the answer; the access token ``key.secret``."""
    role = roles.translate_user_to_role(jp, actor.user)
    if not role:
        raise WPError("role", "An administrator for this blog must set up the Jetpack connection.")
    blog_token = tokens.get_access_token(jp)
    if blog_token is None:
        raise WPError("client_secret", "You need to register your Jetpack before connecting it.")
    redirect = php.to_php_string(data.get("redirect", "")) if data.get("redirect") else ""
    if data.get("auth_type") == "calypso":
        redirect_uri = php.to_php_string(data.get("redirect_uri", ""))
    else:
        redirect_uri = registration.processing_redirect_uri(jp, actor, role, redirect)
    ui, ut = registration.tracks_identity(jp, actor.user)
    body = {
        "client_id": jetpack_options.get_option(jp, "id"),
        "client_secret": blog_token.secret,
        "grant_type": "authorization_code",
        "code": data.get("code"),
        "redirect_uri": redirect_uri,
        "_ui": ui,
        "_ut": ut,
    }
    response = wpcom_api.wp_remote_request(
        jp,
        jp.wpcom.endpoints.api("token"),
        method="POST",
        body=wpcom_api.form_body(body),
        headers={"Accept": "application/json"},
        timeout=wpcom_api.TOKEN_TIMEOUT,
    )
    if isinstance(response, HttpFailure):
        raise WPError("token_http_request_failed", response.message)
    code = response.status
    decoded = response.json() if response.body else None
    answer: dict[str, Any] = decoded if isinstance(decoded, dict) else {}
    if code != 200 or php.is_truthy(answer.get("error")):
        if not php.is_truthy(answer.get("error")):
            raise cerr.wp_error("unknown", "", code)
        description = answer.get("error_description")
        details = (
            f"Error Details: {php.to_php_string(description)}" if description is not None else ""
        )
        raise cerr.wp_error(php.to_php_string(answer["error"]), details, code)
    access = answer.get("access_token")
    if not php.is_truthy(access) or isinstance(access, dict | list):
        raise cerr.wp_error("access_token", "", code)
    token_type = answer.get("token_type")
    if not php.is_truthy(token_type) or php.to_php_string(token_type).upper() != "X_JETPACK":
        raise cerr.wp_error("token_type", "", code)
    _check_scope(jp, actor, answer.get("scope"), code)
    return php.to_php_string(access)


def _check_scope(jp: Jetpack, actor: Actor, scope: Any, code: int) -> None:
    if not php.is_truthy(scope):
        raise cerr.wp_error("scope", "No Scope", code)
    text = php.to_php_string(scope)
    role, _, mac = text.partition(":")
    if not role or not mac:
        raise cerr.wp_error("scope", "Malformed Scope", code)
    if tokens.sign_role(jp, role, actor.user.id) != text:
        raise cerr.wp_error("scope", "Invalid Scope", code)
    cap = roles.translate_role_to_cap(role)
    if not cap:
        raise cerr.wp_error("scope", "No Cap", code)
    if not jp.site.caps.has_cap(actor.user, cap):
        raise cerr.wp_error("scope", "current_user_cannot", code)


def authorize(jp: Jetpack, actor: Actor, data: Mapping[str, Any]) -> str:
    """Manager::authorize(): exchange the code and store the user token; ``'authorized'`` for
    the connection owner (the first linked user), ``'linked'`` for anyone else.

    Every error carries the integer 400 as its data (HTTP 500 through REST).
    """
    role = roles.translate_user_to_role(jp, actor.user)
    if not role:
        raise cerr.wp_error("no_role", "Invalid request.", 400)
    if not roles.translate_role_to_cap(role):
        raise cerr.wp_error("no_cap", "Invalid request.", 400)
    if php.is_truthy(data.get("error")):
        raise cerr.wp_error(php.to_php_string(data["error"]), "Error included in the request.", 400)
    if "state" not in data or data["state"] is None:
        raise cerr.wp_error("no_state", "Request must include state.", 400)
    state = php.to_php_string(data["state"])
    if not state.isascii() or not state.isdigit():
        # new WP_Error( $data['error'], … ): the code is whatever 'error' holds (nothing)
        raise cerr.wp_error("", "State must be an integer.", 400)
    if actor.user.id != int(state):
        raise cerr.wp_error("wrong_state", "State does not match current user.", 400)
    if not php.is_truthy(data.get("code")):
        raise cerr.wp_error("no_code", "Request must include an authorization code.", 400)
    try:
        access = exchange_code(jp, actor, data)
    except WPError as err:
        raise cerr.wp_error(err.code or "invalid_token", err.message or "", 400) from err
    is_owner = not connection.has_connected_owner(jp)
    tokens.update_user_token(jp, actor.user.id, f"{access}.{actor.user.id}", is_owner)
    if not is_owner:
        return "linked"  # jetpack_authorize_ending_linked
    jp.site.options.delete(registration.LAST_CHECK_OPTION)
    after_owner_authorized(jp)
    return "authorized"


def after_owner_authorized(jp: Jetpack) -> None:
    """Jetpack::handle_post_authorization_actions(): the first connection activates the
    default modules (later ones keep the active list) and clears the IDC options."""
    if not php.is_truthy(jetpack_options.get_option(jp, "active_modules_initialized")):
        modules.activate_many(jp, modules.default_modules(jp))
        jetpack_options.update_option(jp, "active_modules_initialized", True)
    for name in ("sync_error_idc", "safe_mode_confirmed", "migrate_for_idc"):
        jetpack_options.delete_option(jp, [name])  # Identity_Crisis::clear_all_idc_options


def remote_authorize(jp: Jetpack, data: Mapping[str, Any]) -> dict[str, str]:
    """Jetpack_XMLRPC_Server::remote_authorize() as REST_Connector serves it: WordPress.com
    (Calypso flow) hands over ``{state, secret, redirect_uri, code}`` in a blog-signed call.

    IXR errors become ``WP_Error( <numeric code>, 'Jetpack: [code] message' )`` (HTTP 500).
    """
    for name in ("secret", "state", "redirect_uri", "code"):
        if not php.is_truthy(data.get(name)):
            _ixr(400, "missing_parameter", f'The required "{name}" parameter is missing.')
    state = php.to_php_string(data["state"])
    user = jp.site.users.get(php.to_int(state)) if state.isdigit() else None
    if user is None:
        _ixr(404, "user_unknown", "User not found.")
    if connection.has_connected_owner(jp) and connection.is_user_connected(jp, user):
        _ixr(400, "already_connected", "User already connected.")
    try:
        secrets.verify(jp, "authorize", data.get("secret"), state)
    except WPError as err:
        _ixr(php.to_int(err.data) or -10520, err.code, err.message or "")
    # wp_set_current_user( $request['state'] ); the token exchange uses the given redirect_uri
    payload = {**data, "auth_type": data.get("auth_type") or "calypso"}
    try:
        result = authorize(jp, Actor(user), payload)
    except WPError as err:
        _ixr(php.to_int(err.data) or -10520, err.code, err.message or "")
    return {"result": result}


def _ixr(code: int, error_code: str, message: str) -> NoReturn:
    # Jetpack_XMLRPC_Server::error() then REST_Connector::remote_authorize's conversion
    raise WPError(cast(str, code), f"Jetpack: [{error_code}] {message}")


def handle_authorize(jp: Jetpack, actor: Actor, query: Mapping[str, Any]) -> PageOutcome:
    """Webhooks::handle_authorize(): ``admin.php?handler=jetpack-connection-webhooks&
    action=authorize&code=…&state=…`` - exchange the code, then go to ``redirect``."""
    if connection.is_connected(jp) and connection.is_user_connected(jp, actor.user):
        return PageOutcome(
            302, admin_url(jp.site)
        )  # jetpack_client_authorize_already_authorized_url
    data = {**query, "auth_type": "client"}
    role = roles.translate_user_to_role(jp, actor.user) or ""
    redirect = php.to_php_string(data.get("redirect", "")) if data.get("redirect") else ""
    action = f"jetpack-authorize_{role}_{redirect}"
    if not verify_nonce(jp.site, data.get("_wpnonce"), action, actor.user.id, actor.session_token):
        return PageOutcome(403, message=NONCE_EXPIRED)  # check_admin_referer → wp_nonce_ays
    try:
        authorize(jp, actor, data)
    except WPError:
        pass  # jetpack_client_authorize_error: Jetpack keeps it for the admin page
    fallback = admin_url(jp.site)  # jetpack_client_authorize_fallback_url
    return PageOutcome(302, validate_redirect(jp.site, redirect, fallback) or fallback)


def admin_register(jp: Jetpack, actor: Actor, query: Mapping[str, Any]) -> PageOutcome:
    """Jetpack::admin_page_load ``action=register``: register, then send the browser to
    WordPress.com's authorize page (the URL GET /connection/url hands out)."""
    if not jp.site.caps.has_cap(actor.user, "jetpack_connect"):
        return PageOutcome(403, message=CHEATIN)
    if not verify_nonce(
        jp.site, query.get("_wpnonce"), "jetpack-register", actor.user.id, actor.session_token
    ):
        return PageOutcome(403, message=NONCE_EXPIRED)  # check_admin_referer( 'jetpack-register' )
    from_ = php.to_php_string(query.get("from", "")) if query.get("from") else ""
    try:
        registration.try_registration(jp, actor, {"from": from_} if from_ else None)
    except WPError as err:
        # Jetpack::state( 'error', … ) then the admin page; jetpress shows the error at once
        return PageOutcome(400, message=f"{err.code}: {err.message}")
    redirect = php.to_php_string(query.get("redirect", "")) if query.get("redirect") else None
    return PageOutcome(
        302, registration.authorization_url(jp, actor, redirect, jetpack_filters=True)
    )
