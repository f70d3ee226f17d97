"""Connection state read from Jetpack's options, and GET /connection's status document.

State lives where Jetpack keeps it (jetpack-v4-endpoints.md §1.3, §5.6): ``jetpack_options``
(compact: ``id``, ``master_user``) and ``jetpack_private_options`` (``blog_token``,
``user_tokens``). The registration/authorization flows that write them are a later issue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import offline

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User

COMPACT = "jetpack_options"
PRIVATE = "jetpack_private_options"


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
    return php.is_truthy(blog_id(jp)) and php.is_truthy(jetpack_option(jp, "blog_token"))


def user_token(jp: Jetpack, user_id: int) -> str | None:
    """The stored ``<key>.<secret>.<uid>`` user token of ``user_id`` (F8 get_access_token)."""
    tokens = jetpack_option(jp, "user_tokens", {})
    if not isinstance(tokens, dict):
        return None
    token = tokens.get(user_id, tokens.get(str(user_id)))
    if not isinstance(token, str) or not token:
        return None
    parts = token.split(".")
    # F8: the third segment must equal the user ID
    return token if len(parts) >= 3 and parts[2] == str(user_id) else None


def is_user_connected(jp: Jetpack, user: User | None) -> bool:
    """Manager::is_user_connected(current user): the user has a token."""
    return user is not None and user.id > 0 and user_token(jp, user.id) is not None


def has_connected_owner(jp: Jetpack) -> bool:
    """Manager::has_connected_owner: ``master_user`` set, its token present and the user exists."""
    owner = php.to_int(jetpack_option(jp, "master_user", 0))
    if owner <= 0 or user_token(jp, owner) is None:
        return False
    return jp.site.users.get(owner) is not None


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
