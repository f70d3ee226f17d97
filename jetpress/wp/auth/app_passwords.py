"""Application passwords: storage in user meta and HTTP Basic authentication.

Port of WP_Application_Passwords (wp-includes/class-wp-application-passwords.php:24-413) and
wp_authenticate_application_password (US:316-449).
"""

from __future__ import annotations

import uuid as uuidlib
from typing import TYPE_CHECKING, Any

from jetpress.wp.auth import passwords
from jetpress.wp.auth.app_password_format import generate_app_password, normalize_app_password
from jetpress.wp.errors import WPError
from jetpress.wp.rest.schema import is_email
from jetpress.wp.site import application_passwords_available

if TYPE_CHECKING:
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.site import Site
    from jetpress.wp.users import User

META_KEY = "_application_passwords"
IN_USE_OPTION = "using_application_passwords"  # a network option; a plain option on single site
DAY = 86400


def get_all(site: Site, user_id: int) -> list[dict[str, Any]]:
    """get_user_application_passwords: the stored items (``app_id`` defaults to '')."""
    raw = site.users.get_meta(user_id, META_KEY)
    items = list(raw.values()) if isinstance(raw, dict) else raw if isinstance(raw, list) else []
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append({"app_id": "", **item})
    return out


def _save(site: Site, user_id: int, items: list[dict[str, Any]]) -> None:
    site.users.update_meta(user_id, META_KEY, items)


def get(site: Site, user_id: int, uuid: str) -> dict[str, Any] | None:
    return next((item for item in get_all(site, user_id) if item.get("uuid") == uuid), None)


def is_in_use(site: Site) -> bool:
    value = site.options.get(IN_USE_OPTION, False)
    return bool(value) and value not in ("0", "")


def name_exists(site: Site, user_id: int, name: str) -> bool:
    """application_name_exists_for_user: case-insensitive."""
    return any(str(i.get("name", "")).lower() == name.lower() for i in get_all(site, user_id))


def create(site: Site, user_id: int, name: str, app_id: str = "") -> tuple[str, dict[str, Any]]:
    """create_new_application_password: returns the raw password and the stored item."""
    if not name.strip():
        raise WPError(
            "application_password_empty_name",
            "An application name is required to create an application password.",
            status=400,
        )
    if name_exists(site, user_id, name):
        raise WPError(
            "application_password_duplicate_name",
            "Each application name should be unique.",
            status=409,
        )
    raw = generate_app_password(site.random)
    item: dict[str, Any] = {
        "uuid": str(uuidlib.UUID(int=site.random.getrandbits(128), version=4)),
        "app_id": app_id,
        "name": name,
        "password": passwords.hash_password(raw, site.random),
        "created": int(site.clock.now()),
        "last_used": None,
        "last_ip": None,
    }
    _save(site, user_id, [*get_all(site, user_id), item])
    if not is_in_use(site):
        site.options.update(IN_USE_OPTION, True)
    return raw, item


def update(site: Site, user_id: int, uuid: str, changes: dict[str, Any]) -> dict[str, Any] | None:
    items = get_all(site, user_id)
    for item in items:
        if item.get("uuid") == uuid:
            item.update(changes)
            _save(site, user_id, items)
            return item
    return None


def delete(site: Site, user_id: int, uuid: str) -> bool:
    items = get_all(site, user_id)
    kept = [item for item in items if item.get("uuid") != uuid]
    if len(kept) == len(items):
        return False
    _save(site, user_id, kept)
    return True


def delete_all(site: Site, user_id: int) -> int:
    count = len(get_all(site, user_id))
    _save(site, user_id, [])
    return count


def authenticate(
    site: Site, request: RestRequest, username: str, password: str
) -> User | WPError | None:
    """wp_authenticate_application_password: a user, an error, or None (not in use)."""
    if not is_in_use(site):
        return None  # Basic auth is ignored silently (US:331-333)
    user = site.users.by_login(username)
    if user is None and is_email(username):
        user = site.users.by_email(username)
    if user is None:
        if is_email(username):
            return WPError(
                "invalid_email",
                "<strong>Error:</strong> Unknown email address. Check again or try your username.",
            )
        return WPError(
            "invalid_username",
            "<strong>Error:</strong> Unknown username. Check again or try your email address.",
        )
    if not application_passwords_available(site, request.secure):
        return WPError("application_passwords_disabled", "Application passwords are not available.")
    given = normalize_app_password(password)
    for item in get_all(site, user.id):
        if not passwords.check_password(given, str(item.get("password", ""))):
            continue
        _record_usage(site, user.id, item, request.remote_addr)
        request.app_password_uuid = str(item.get("uuid"))
        return user
    return WPError(
        "incorrect_password", "The provided password is an invalid application password."
    )


def _record_usage(site: Site, user_id: int, item: dict[str, Any], ip: str) -> None:
    """record_application_password_usage: at most once a day."""
    now = int(site.clock.now())
    last = item.get("last_used")
    if isinstance(last, int) and last + DAY > now:
        return
    update(site, user_id, str(item["uuid"]), {"last_used": now, "last_ip": ip})
