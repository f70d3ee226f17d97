"""The connection's state and what changes it locally: status, owner, unlink, disconnect.

State lives where Jetpack keeps it (jetpack-v4-endpoints.md §1.3, §5.6): ``jetpack_options``
(compact: ``id``, ``master_user``, ``time_diff`` ...) and ``jetpack_private_options``
(``blog_token``, ``user_tokens``). Ports of Manager's state queries, disconnect_site,
disconnect_user, update_connection_owner and REST_Connector's status and data documents
(connection package of Jetpack 10.7, F5-F8).
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import connection_errors as cerr, jetpack_options, offline
from jetpress.jetpack.services import secrets, tokens, wpcom_api
from jetpress.jetpack.services.roles import translate_role_to_cap
from jetpress.jetpack.services.transients import delete_transient, get_transient, set_transient

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User

COMPACT = "jetpack_options"
PRIVATE = "jetpack_private_options"
USER_DATA_TRANSIENT = "jetpack_connected_user_data_{}"  # Manager::get_connected_user_data
DAY_IN_SECONDS = 86400
# Plugin_Storage: the plugins using the connection; in jetpress only Jetpack itself.
CONNECTED_PLUGINS = ({"name": "Jetpack", "slug": "jetpack"},)
# Error_Handler::delete_all_errors()
XMLRPC_ERROR_OPTIONS = (
    "jetpack_connection_xmlrpc_errors",
    "jetpack_connection_xmlrpc_verified_errors",
)


def _group(jp: Jetpack, option: str) -> dict[Any, Any]:
    value = jp.site.options.get(option, {})
    return value if isinstance(value, dict) else {}


def jetpack_option(jp: Jetpack, name: str, default: Any = False) -> Any:
    """Jetpack_Options::get_option for a compact or private name (grouped, ``isset`` check)."""
    for option in (COMPACT, PRIVATE):
        group = _group(jp, option)
        if name in group and group[name] is not None:
            return group[name]
    return default


def blog_id(jp: Jetpack) -> Any:
    """Jetpack_Options::get_option('id')."""
    return jetpack_option(jp, "id")


def is_connected(jp: Jetpack) -> bool:
    """Manager::is_connected (``isRegistered``): a blog ID and a blog token (F6 ≈L505)."""
    return php.is_truthy(blog_id(jp)) and tokens.get_access_token(jp) is not None


def user_token(jp: Jetpack, user_id: int) -> str | None:
    """The stored ``<key>.<secret>.<uid>`` user token of ``user_id`` (F8 get_access_token)."""
    token = tokens.get_access_token(jp, user_id) if user_id > 0 else None
    return f"{token.secret}.{user_id}" if token is not None else None


def is_user_connected(jp: Jetpack, user: User | None) -> bool:
    """Manager::is_user_connected(current user): the user has a token."""
    return user is not None and user.id > 0 and user_token(jp, user.id) is not None


def get_connection_owner(jp: Jetpack) -> User | None:
    """Manager::get_connection_owner(): ``master_user``, if its token and its user exist."""
    owner = php.to_int(jetpack_option(jp, "master_user", 0))
    if owner <= 0:
        return None
    token = tokens.get_access_token(jp, owner)
    return jp.site.users.get(token.external_user_id) if token is not None else None


def has_connected_owner(jp: Jetpack) -> bool:
    """Manager::has_connected_owner: ``master_user`` set, its token present and the user exists."""
    return get_connection_owner(jp) is not None


def has_connected_user(jp: Jetpack) -> bool:
    """Manager::has_connected_user(): any stored user token of an existing user."""
    return any(jp.site.users.get(php.to_int(uid)) is not None for uid in tokens.user_tokens(jp))


def is_site_connection(jp: Jetpack) -> bool:
    """Manager::is_site_connection() (``is_userless``): registered, no user, no owner."""
    return (
        is_connected(jp)
        and not has_connected_user(jp)
        and not php.is_truthy(jetpack_option(jp, "master_user"))
    )


def is_connection_ready(jp: Jetpack) -> bool:
    """Jetpack::is_connection_ready (10.x): registered and an owner connected."""
    return is_connected(jp) and has_connected_owner(jp)


def status(jp: Jetpack, user: User | None) -> dict[str, Any]:
    """REST_Connector::connection_status (connection package of 10.7, F5 ≈L295)."""
    owner = has_connected_owner(jp)
    return {
        "isActive": owner,  # F5: isActive is has_connected_owner() since 10.0
        "isStaging": offline.is_staging_site(jp.site),
        "isRegistered": is_connected(jp),
        "isUserConnected": is_user_connected(jp, user),
        "hasConnectedOwner": owner,
        "offlineMode": offline.status(jp.site).as_json(),
        # '1' == get_option( 'blog_public' ): PHP loose comparison with a string
        "isPublic": php.to_php_string(jp.site.options.get("blog_public")) == "1",
    }


# ------------------------------------------------------------------ user data ----


def avatar_url(site_email: str, size: int, default: str) -> str:
    """get_avatar_url()'s Gravatar URL over http (get_avatar_data, WP 6.1 link-template.php):
    server ``hexdec( $hash[0] ) % 3``, query ``s``, ``d``, ``r`` (rating option ``G``)."""
    digest = hashlib.md5(site_email.strip().lower().encode()).hexdigest()
    server = int(digest[0], 16) % 3
    return f"http://{server}.gravatar.com/avatar/{digest}?s={size}&d={default}&r=g"


def get_connected_user_data(jp: Jetpack, user_id: int) -> dict[str, Any] | None:
    """Manager::get_connected_user_data(): XML-RPC ``wpcom.getUser`` as the user, cached a day
    in the transient ``jetpack_connected_user_data_<uid>``; None (PHP false) on failure."""
    if user_token(jp, user_id) is None:
        return None
    key = USER_DATA_TRANSIENT.format(user_id)
    cached = get_transient(jp.site, key)
    if isinstance(cached, dict) and cached:
        return cached
    result = wpcom_api.xmlrpc_query(jp, "wpcom.getUser", user_id=user_id)
    if not result.ok or not isinstance(result.value, dict):
        return None
    set_transient(jp.site, key, result.value, DAY_IN_SECONDS)
    return dict(result.value)


def user_connection_data(jp: Jetpack, user: User) -> dict[str, Any]:
    """REST_Connector::get_user_connection_data() plus Jetpack's permissions filter
    (jetpack_current_user_connection_data; corpus connection/data-admin-online)."""
    owner = get_connection_owner(jp)
    wpcom_user: dict[str, Any] = get_connected_user_data(jp, user.id) or {}
    email = wpcom_user.get("email")
    # "we have been since 2016 so clients probably expect that by now"
    wpcom_user["avatar"] = (
        avatar_url(php.to_php_string(email), 64, "mysteryman") if php.is_truthy(email) else False
    )

    def can(cap: str) -> bool:
        return jp.site.caps.has_cap(user, cap)

    return {
        "currentUser": {
            "isConnected": is_user_connected(jp, user),
            "isMaster": owner is not None and owner.id == user.id,
            "username": user.login,
            "id": user.id,
            "wpcomUser": wpcom_user,
            # get_avatar_url( $id, 64, 'mm' ): the 64 is not an args array, so size stays 96
            "gravatar": avatar_url(user.email, 96, "mm"),
            "permissions": {
                "connect": can("jetpack_connect"),
                "connect_user": can("jetpack_connect_user"),
                "disconnect": can("jetpack_disconnect"),
                "admin_page": can("jetpack_admin_page"),
                "manage_modules": can("jetpack_manage_modules"),
                "network_admin": can("jetpack_network_admin_page"),
                "network_sites_page": can("jetpack_network_sites_page"),
                "edit_posts": can("edit_posts"),
                "publish_posts": can("publish_posts"),
                "manage_options": can("manage_options"),
                "view_stats": can("view_stats"),
                "manage_plugins": can("install_plugins") and can("activate_plugins"),
            },
        },
        "connectionOwner": owner.display_name if owner is not None else None,
    }


# ------------------------------------------------------------------ changes ----


def delete_all_connection_tokens(jp: Jetpack, current_user_id: int) -> None:
    """Manager::delete_all_connection_tokens(): owner, clock offset, secrets and tokens."""
    jetpack_options.delete_option(jp, ["master_user", "time_diff", "fallback_no_verify_ssl_certs"])
    secrets.delete_all(jp)
    tokens.delete_all(jp)
    delete_transient(jp.site, USER_DATA_TRANSIENT.format(current_user_id))
    for option in XMLRPC_ERROR_OPTIONS:
        jp.site.options.delete(option)


def disconnect_site_wpcom(jp: Jetpack, current_user_id: int) -> bool:
    """Manager::disconnect_site_wpcom(): XML-RPC ``jetpack.deregister`` (answer ignored)."""
    wpcom_api.xmlrpc_query(jp, "jetpack.deregister", current_user_id)
    return True


def disconnect_site(jp: Jetpack, current_user_id: int, *, disconnect_wpcom: bool = True) -> None:
    """Manager::disconnect_site(): tell WordPress.com, then forget every token locally.

    The blog ``id``, the active modules and the settings stay (§5.7).
    """
    if disconnect_wpcom:
        disconnect_site_wpcom(jp, current_user_id)
    delete_all_connection_tokens(jp, current_user_id)
    jp.site.options.delete("jetpack_package_versions")  # Package_Version_Tracker's option
    unique = jetpack_options.get_option(jp, "unique_connection")
    if isinstance(unique, dict):
        # count the disconnection (Manager::disconnect_site, jetpack_unique_connection)
        done = php.to_int(unique.get("disconnected", 0))
        unique["disconnected"] = 1 if done == -1 else done + 1
        jetpack_options.update_option(jp, "unique_connection", unique)


def disconnect_user(jp: Jetpack, user_id: int, *, can_overwrite_primary_user: bool = False) -> bool:
    """Manager::disconnect_user() (10.7): drop the token locally, then XML-RPC
    ``jetpack.unlink_user`` and the cached WordPress.com user data."""
    if not tokens.disconnect_user(jp, user_id, can_overwrite_primary_user):
        return False
    wpcom_api.xmlrpc_query(jp, "jetpack.unlink_user", user_id)
    delete_transient(jp.site, USER_DATA_TRANSIENT.format(user_id))
    return True


def update_connection_owner(jp: Jetpack, new_owner_id: int, current_user_id: int) -> None:
    """Manager::update_connection_owner(): checks, then XML-RPC ``jetpack.switchBlogOwner``."""
    new_owner = jp.site.users.get(new_owner_id)
    cap = translate_role_to_cap("administrator") or "manage_options"
    if new_owner is None or not jp.site.caps.has_cap(new_owner, cap):
        raise cerr.new_owner_not_admin()
    current = get_connection_owner(jp)
    if current is not None and current.id == new_owner_id:
        raise cerr.new_owner_is_existing_owner()
    if not is_user_connected(jp, new_owner):
        raise cerr.new_owner_not_connected()
    result = wpcom_api.xmlrpc_query(
        jp, "jetpack.switchBlogOwner", {"new_blog_owner": new_owner_id}, user_id=current_user_id
    )
    if not result.ok or not php.is_truthy(result.value):
        raise cerr.error_setting_new_owner()
    jetpack_options.update_option(jp, "master_user", new_owner_id)


def connected_plugins(jp: Jetpack) -> list[dict[str, str]]:
    """REST_Connector::get_connection_plugins(): the plugins using the connection, with slugs."""
    return [dict(item) for item in CONNECTED_PLUGINS]


def replace_user_token(jp: Jetpack, token: str, is_connection_owner: Any) -> None:
    """REST_Connector::update_user_token(): WordPress.com hands a user's new token over."""
    parts = token.split(".")
    if len(parts) != 3 or not php.to_int(parts[2]) or not parts[2].isdigit():
        raise cerr.invalid_argument_user_token()
    user_id = int(parts[2])
    if jp.site.users.get(user_id) is None:
        raise cerr.invalid_argument_user_id()
    if not is_connected(jp):
        raise cerr.site_not_connected()
    if is_connection_owner is None:
        owner = get_connection_owner(jp)
        owning = owner is not None and owner.id == user_id
    else:
        owning = php.is_truthy(is_connection_owner)
    tokens.update_user_token(jp, user_id, token, owning)
