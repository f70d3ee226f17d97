"""Registering the site with WordPress.com and the URLs that start a connection.

Ports of Manager::register / try_registration / validate_remote_register_response /
handle_registration / get_authorization_url / restore / reconnect (class-manager.php of 10.7,
jetpack-v4-endpoints.md §5.2-§5.4) and Jetpack::build_connect_url / build_authorize_url.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, cast

from jetpress import php
from jetpress.jetpack import connection_errors as cerr, jetpack_options
from jetpress.jetpack.services import connection, roles, secrets, tokens, wpcom_api
from jetpress.jetpack.services.urls import (
    add_query_arg,
    create_nonce,
    urlencode_value,
    validate_redirect,
)
from jetpress.jetpack.wpcom_client import HttpFailure, HttpResponse
from jetpress.protocol.phpquery import rawurlencode
from jetpress.protocol.tokens import AUTHORIZE_SECRETS_TTL, REGISTER_SECRETS_TTL
from jetpress.wp.errors import WPError
from jetpress.wp.site import admin_url

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User

_NOT_DIGITS = re.compile(r"[^0-9]")
LAST_CHECK_OPTION = "jetpack_last_connect_url_check"  # a raw option (Jetpack_Options)


@dataclass(frozen=True, slots=True)
class Actor:
    """The current user of a request and its session token (for nonces)."""

    user: User
    session_token: str = ""


@dataclass(frozen=True, slots=True)
class Registration:
    """What a successful jetpack.register answer adds to the REST response (10.7 filter)."""

    allow_inplace_authorization: bool = False
    alternate_authorization_url: str = ""


# ------------------------------------------------------------------------ site facts ----


def site_created(jp: Jetpack) -> str:
    """Manager::get_assumed_site_creation_date(): the earliest administrator registration
    (jetpress keeps no posts, so the post-date side of the min() never wins)."""
    admins = [u.registered for u in jp.site.users.all() if "administrator" in u.roles]
    return min(admins) if admins else ""


def locale(jp: Jetpack) -> str:
    """get_locale(): WPLANG, else en_US."""
    value = php.to_php_string(jp.site.options.get("WPLANG", ""))
    return value or "en_US"


def tracks_identity(jp: Jetpack, user: User) -> tuple[str, str]:
    """Tracking::tracks_get_identity(): (``_ui``, ``_ut``) - the WordPress.com ID of a linked
    user, else an anonymous ``jetpack:`` id kept in user meta ``jetpack_tracks_anon_id``."""
    wpcom_id = jp.site.users.get_meta(user.id, "jetpack_tracks_wpcom_id")
    if wpcom_id and connection.is_user_connected(jp, user):
        return php.to_php_string(wpcom_id), "wpcom:user_id"
    anon = jp.site.users.get_meta(user.id, "jetpack_tracks_anon_id")
    if not anon:
        # Jetpack_Tracks_Client::get_anon_id(): 'jetpack:' . base64 of 18 random bytes
        raw = bytes(jp.site.random.randrange(256) for _ in range(18))
        anon = "jetpack:" + base64.b64encode(raw).decode("ascii")
        jp.site.users.update_meta(user.id, "jetpack_tracks_anon_id", anon)
    return php.to_php_string(anon), "anon"


def activation_source(jp: Jetpack) -> dict[str, str]:
    """Manager::apply_activation_source_to_args(): ``_as`` / ``_ak`` from
    ``jetpack_activation_source`` (``array( name, keyword )``), urlencoded."""
    value = jp.site.options.get("jetpack_activation_source")
    items = list(value.values()) if isinstance(value, dict) else []
    if isinstance(value, list):
        items = value
    out: dict[str, str] = {}
    if items and php.is_truthy(items[0]):
        out["_as"] = urlencode_value(items[0])
    if len(items) > 1 and php.is_truthy(items[1]):
        out["_ak"] = urlencode_value(items[1])
    return out


# ---------------------------------------------------------------------- registration ----


def register(jp: Jetpack, actor: Actor, extra: Mapping[str, str] | None = None) -> Registration:
    """Manager::register(): secrets, POST jetpack.register, store ``id`` and ``blog_token``.

    While the request is open WordPress.com calls back ``verify_registration``; errors are
    Jetpack's (register_http_request_failed, wpcom_5??, its own ``error`` codes, jetpack_id ...).
    """
    # F7: "Clean-up leftover tokens just in-case" before registering again
    connection.delete_all_connection_tokens(jp, actor.user.id)
    pair = secrets.generate(jp, "register", actor.user.id, REGISTER_SECRETS_TTL)
    if pair is None:
        raise cerr.wp_error(
            "cannot_save_secrets",
            "Jetpack experienced an issue trying to save options (cannot_save_secrets). We "
            "suggest that you contact your hosting provider, and ask them for help checking "
            "that the options table is writable on your site.",
        )
    gmt_offset = jp.site.options.get("gmt_offset")
    stats = jp.site.options.get("stats_options")
    ui, ut = tracks_identity(jp, actor.user)
    body: dict[str, Any] = {
        "siteurl": php.to_php_string(jp.site.options.get("siteurl")),
        "home": php.to_php_string(jp.site.options.get("home")),
        "gmt_offset": gmt_offset if php.is_truthy(gmt_offset) else 0,
        "timezone_string": php.to_php_string(jp.site.options.get("timezone_string", "")),
        "site_name": php.to_php_string(jp.site.options.get("blogname", "")),
        "secret_1": pair["secret_1"],
        "secret_2": pair["secret_2"],
        "site_lang": locale(jp),
        "timeout": int(wpcom_api.REGISTER_TIMEOUT),
        "stats_id": stats.get("blog_id") if isinstance(stats, dict) else None,
        "state": actor.user.id,
        "site_created": site_created(jp),
        "jetpack_version": wpcom_api.JETPACK_VERSION,
        "ABSPATH": "/var/www/html/",
        "current_user_email": actor.user.email,
        "connect_plugin": None,
        **dict(extra or {}),
        "_ui": ui,  # Utils::filter_register_request_body
        "_ut": ut,
    }
    body.update(activation_source(jp))
    response = wpcom_api.wp_remote_request(
        jp,
        jp.wpcom.endpoints.api("register"),
        method="POST",
        body=wpcom_api.form_body(body),
        headers={"Accept": "application/json"},
        timeout=wpcom_api.REGISTER_TIMEOUT,
        set_date_header=True,
    )
    details = validate_register_response(response)
    secret = details.get("jetpack_secret")
    if not php.is_truthy(secret) or not isinstance(secret, str):
        raise cerr.wp_error(
            "jetpack_secret",
            "Unable to validate registration of your Jetpack site.",
            _code(response),
        )
    public = details.get("jetpack_public")
    jetpack_options.update_option(jp, "id", php.to_int(details.get("jetpack_id")))
    jetpack_options.update_option(jp, "public", php.to_int(public) if public is not None else False)
    tokens.update_blog_token(jp, secret)
    alternate = details.get("alternate_authorization_url")
    return Registration(
        allow_inplace_authorization=php.is_truthy(details.get("allow_inplace_authorization")),
        alternate_authorization_url=php.to_php_string(alternate) if alternate else "",
    )


def _code(response: HttpResponse | HttpFailure) -> int | str:
    return response.status if isinstance(response, HttpResponse) else ""


def validate_register_response(response: HttpResponse | HttpFailure) -> dict[str, Any]:
    """Manager::validate_remote_register_response(); raises Jetpack's WP_Errors."""
    if isinstance(response, HttpFailure):
        raise WPError("register_http_request_failed", response.message)
    code = response.status
    entity = response.text
    decoded = response.json() if entity else None
    data: dict[str, Any] = decoded if isinstance(decoded, dict) else {}
    if code // 100 == 5:
        raise WPError("wpcom_5??", cast(str, code))  # new WP_Error( 'wpcom_5??', $code )
    if code == 408:
        raise WPError("wpcom_408", cast(str, code))
    if php.is_truthy(data.get("error")):
        description = data.get("error_description")
        raise cerr.wp_error(
            php.to_php_string(data["error"]),
            php.to_php_string(description) if description is not None else "",
            code,
        )
    if code != 200:
        raise WPError("wpcom_bad_response", cast(str, code))
    jetpack_id = data.get("jetpack_id")

    def detail(problem: str) -> str:
        warning = "Do not publicly post this error message!"
        return f"Error Details: Jetpack ID {problem}. {warning} {entity}"

    if not php.is_truthy(jetpack_id):
        raise cerr.wp_error("jetpack_id", detail("is empty"), entity)
    if isinstance(jetpack_id, dict | list):
        raise cerr.wp_error("jetpack_id", detail("is not a scalar"), entity)
    if _NOT_DIGITS.search(php.to_php_string(jetpack_id)):
        raise cerr.wp_error("jetpack_id", detail("begins with a numeral"), entity)
    return data


def try_registration(
    jp: Jetpack, actor: Actor, extra: Mapping[str, str] | None = None
) -> Registration:
    """Manager::try_registration(): agree to the terms of service, then register()."""
    jetpack_options.update_option(jp, "tos_agreed", True)  # Terms_Of_Service::agree()
    return register(jp, actor, extra)


def handle_registration(jp: Jetpack, secret_1: Any, state: Any) -> str:
    """Manager::handle_registration() (REST verify_registration): ``secret_2`` or an error."""
    if not php.is_truthy(state):
        raise cerr.registration_state_invalid()
    return secrets.verify(jp, "register", secret_1, php.to_int(state))


# ------------------------------------------------------------------------- URLs ----


def processing_redirect_uri(jp: Jetpack, actor: Actor, role: str, redirect: str) -> str:
    """The ``redirect_uri`` WordPress.com sends the browser back to (Webhooks handler), with
    the ``jetpack-authorize_{role}_{redirect}`` nonce; Tokens::get rebuilds the same."""
    nonce = create_nonce(
        jp.site, f"jetpack-authorize_{role}_{redirect}", actor.user.id, actor.session_token
    )
    return add_query_arg(
        {
            "handler": "jetpack-connection-webhooks",
            "action": "authorize",
            "_wpnonce": nonce,
            "redirect": rawurlencode(redirect) if redirect else False,
        },
        admin_url(jp.site, "admin.php"),
    )


def authorization_url(
    jp: Jetpack,
    actor: Actor,
    redirect: str | None = None,
    *,
    iframe: bool = False,
    jetpack_filters: bool = False,
    from_: str | None = None,
) -> str:
    """Manager::get_authorization_url(); ``jetpack_filters`` adds what Jetpack's
    build_authorize_url filters add (locale, ``_ui``/``_ut``, the default redirect)."""
    user = actor.user
    role = roles.translate_user_to_role(jp, user) or ""
    if jetpack_filters:
        # Jetpack::filter_connect_redirect_url
        default = admin_url(jp.site, "admin.php?page=jetpack")
        redirect = validate_redirect(jp.site, redirect, default) if redirect else default
    redirect = redirect or ""
    pair = secrets.generate(jp, "authorize", user.id, AUTHORIZE_SECRETS_TTL)
    owner = connection.has_connected_owner(jp)
    body: dict[str, Any] = {
        "response_type": "code",
        "client_id": jetpack_options.get_option(jp, "id"),
        "redirect_uri": processing_redirect_uri(jp, actor, role, redirect),
        "state": user.id,
        "scope": tokens.sign_role(jp, role, user.id) if role else None,
        "user_email": user.email,
        "user_login": user.login,
        "is_active": owner,
        "jp_version": wpcom_api.JETPACK_VERSION,
        "auth_type": "calypso",  # apply_filters( 'jetpack_auth_type', 'calypso' )
        "secret": pair["secret_1"] if pair else None,
        "blogname": jp.site.options.get("blogname"),
        "site_url": jp.site.options.get("siteurl"),
        "home_url": jp.site.options.get("home"),
        "site_icon": "",  # get_site_icon_url(): no site icon
        "site_lang": locale(jp),
        "site_created": site_created(jp),
        "allow_site_connection": not owner,
    }
    if jetpack_filters:
        body["locale"] = "en" if locale(jp) == "en_US" else ""  # GP_Locales slug
        body["_ui"], body["_ut"] = tracks_identity(jp, user)
    encoded = {key: urlencode_value(value) for key, value in body.items()}  # urlencode_deep
    encoded.update(activation_source(jp))
    url = add_query_arg(
        encoded, jp.wpcom.endpoints.api("authorize_iframe" if iframe else "authorize")
    )
    if from_:
        url = add_query_arg({"from": from_}, url)
    return url


def register_url(jp: Jetpack, actor: Actor, redirect: str | None = None) -> str:
    """Jetpack::build_connect_url's registration URL: admin.php?page=jetpack&action=register
    plus the ``jetpack-register`` nonce (and ``redirect``)."""
    url = add_query_arg({"page": "jetpack", "action": "register"}, admin_url(jp.site, "admin.php"))
    nonce = create_nonce(jp.site, "jetpack-register", actor.user.id, actor.session_token)
    url = add_query_arg({"_wpnonce": nonce}, url)
    if redirect:
        target = validate_redirect(jp.site, redirect)
        url = add_query_arg({"redirect": urlencode_value(target)}, url)
    return url


def build_connect_url(
    jp: Jetpack, actor: Actor, redirect: str | None = None, from_: str | None = None
) -> str:
    """Jetpack::build_connect_url( raw = true ): the registration URL until the site is
    registered and its blog token still works (checked with WordPress.com once a minute)."""
    site_id = jetpack_options.get_option(jp, "id")
    if not tokens.get_access_token(jp) or not site_id:
        url = register_url(jp, actor, redirect)
    elif _blog_token_refused(jp, site_id):
        url = register_url(jp, actor, redirect)  # "Generating a register URL instead"
    else:
        url = authorization_url(jp, actor, redirect, jetpack_filters=True)
    if from_:
        url = add_query_arg({"from": from_}, url)
    return url


def _blog_token_refused(jp: Jetpack, site_id: Any) -> bool:
    last = php.to_int(jp.site.options.get(LAST_CHECK_OPTION, 0))
    now = int(jp.site.clock.now())
    if last and now - last <= 60:  # MINUTE_IN_SECONDS
        return False
    jp.site.options.update(LAST_CHECK_OPTION, now, "no")
    response = wpcom_api.request_as_blog(jp, f"/sites/{php.to_int(site_id)}?force=wpcom")
    return not (isinstance(response, HttpResponse) and response.status == 200)


# ------------------------------------------------------------------- restore ----


def validate_tokens(jp: Jetpack, user_id: int) -> dict[str, Any] | None:
    """Tokens::validate(): WordPress.com's jetpack-token-health verdict, or None (PHP false).

    Raises ``site_not_registered`` without a blog id.
    """
    blog_id = jetpack_options.get_option(jp, "id")
    if not blog_id:
        raise WPError("site_not_registered", "Site not registered.")
    user_token = tokens.get_access_token(jp, user_id) if user_id else None
    blog_token = tokens.get_access_token(jp)
    if user_token is None or blog_token is None:
        return {
            "blog_token": {"is_healthy": blog_token is not None},
            "user_token": {"is_healthy": user_token is not None},
        }
    body = {
        "user_token": tokens.get_signed_token(jp, user_token),
        "blog_token": tokens.get_signed_token(jp, blog_token),
    }
    url = jp.wpcom.endpoints.rest(f"sites/{php.to_int(blog_id)}/jetpack-token-health", "2", "wpcom")
    response = wpcom_api.wp_remote_request(
        jp, url, method="POST", body=wpcom_api.form_body(body), timeout=wpcom_api.SIGNED_TIMEOUT
    )
    if not isinstance(response, HttpResponse) or not response.body or response.status != 200:
        return None
    answer = response.json()
    return answer if isinstance(answer, dict) and answer else None


def reconnect(jp: Jetpack, actor: Actor) -> Registration:
    """Manager::reconnect(): tell WordPress.com to forget the site, then register again."""
    connection.disconnect_site_wpcom(jp, actor.user.id)
    return register(jp, actor)


def refresh_blog_token(jp: Jetpack, user_id: int) -> bool:
    """Manager::refresh_blog_token(): a new blog token from jetpack-refresh-blog-token."""
    blog_id = jetpack_options.get_option(jp, "id")
    if not blog_id:
        raise WPError("site_not_registered", "Site not registered.")
    url = jp.wpcom.endpoints.rest(
        f"sites/{php.to_int(blog_id)}/jetpack-refresh-blog-token", "2", "wpcom"
    )
    response = wpcom_api.remote_request(jp, url, method="POST", user_id=user_id)
    if isinstance(response, HttpFailure):
        raise WPError("refresh_blog_token_http_request_failed", response.message)
    answer = response.json()
    data: dict[str, Any] = answer if isinstance(answer, dict) else {}
    if response.status != 200:
        if not php.is_truthy(data.get("code")):
            raise cerr.wp_error("unknown", "", response.status)
        message = data.get("message")
        details = f"Error Details: {php.to_php_string(message)}" if message is not None else ""
        raise cerr.wp_error(php.to_php_string(data["code"]), details, response.status)
    secret = data.get("jetpack_secret")
    if not php.is_truthy(secret) or isinstance(secret, dict | list):
        raise cerr.wp_error("jetpack_secret", "", response.status)
    return tokens.update_blog_token(jp, php.to_php_string(secret))


def restore(jp: Jetpack, actor: Actor) -> str | bool:
    """Manager::restore(): ``'authorize'``, True (done), False, or raises the WP_Error."""
    if connection.is_site_connection(jp):
        reconnect(jp, actor)
        return True
    try:
        health = validate_tokens(jp, actor.user.id)
    except WPError:
        health = None  # not an array: both counted unhealthy
    blog_ok = user_ok = False
    if health is not None:
        blog = health.get("blog_token")
        user = health.get("user_token")
        if (
            isinstance(blog, dict)
            and isinstance(user, dict)
            and "is_healthy" in blog
            and "is_healthy" in user
        ):
            blog_ok = php.is_truthy(blog["is_healthy"])
            user_ok = php.is_truthy(user["is_healthy"])
    if blog_ok == user_ok:
        # "We can't fix the problem we don't see, so the full reconnection is needed."
        reconnect(jp, actor)
        return "authorize"
    if not blog_ok:
        return refresh_blog_token(jp, actor.user.id)
    connection.disconnect_user(jp, actor.user.id, can_overwrite_primary_user=True)
    return "authorize"  # refresh_user_token()
