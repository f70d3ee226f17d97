"""Application passwords: storage in user meta and HTTP Basic authentication.

Port of WP_Application_Passwords (wp-includes/class-wp-application-passwords.php, AP) and
wp_authenticate_application_password (US:316-449).
"""

from __future__ import annotations

import uuid as uuidlib
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.wp.auth import passwords
from jetpress.wp.auth.app_password_format import generate_app_password, normalize_app_password
from jetpress.wp.errors import WPError
from jetpress.wp.formatting import is_email, sanitize_text_field
from jetpress.wp.options import to_db
from jetpress.wp.site import application_passwords_available

if TYPE_CHECKING:
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.site import Site
    from jetpress.wp.users import User

META_KEY = "_application_passwords"
IN_USE_OPTION = "using_application_passwords"  # a network option; a plain option on single site
DAY = 86400

# A PHP array of items as stored: keys kept (unset() leaves gaps, AP delete_application_password).
Items = dict[int | str, Any]


def wp_slash(value: Any) -> Any:
    """wp_slash: addslashes() on every string, recursively (formatting.php)."""
    if isinstance(value, dict):
        return {key: wp_slash(item) for key, item in value.items()}
    if isinstance(value, list):
        return [wp_slash(item) for item in value]
    if isinstance(value, str):
        # php addslashes: ' " \ and NUL get a backslash (NUL becomes \0)
        return (
            value.replace("\\", "\\\\").replace("'", "\\'").replace('"', '\\"').replace("\0", "\\0")
        )
    return value


def _stripslashes(text: str) -> str:
    """php stripslashes: ``\\x`` → ``x``, ``\\0`` → NUL, a trailing lone backslash dropped."""
    out: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 1
            if i < len(text):
                out.append("\0" if text[i] == "0" else text[i])
        else:
            out.append(char)
        i += 1
    return "".join(out)


def wp_unslash(value: Any) -> Any:
    """wp_unslash / stripslashes_deep (formatting.php)."""
    if isinstance(value, dict):
        return {key: wp_unslash(item) for key, item in value.items()}
    if isinstance(value, list):
        return [wp_unslash(item) for item in value]
    if isinstance(value, str):
        return _stripslashes(value)
    return value


def _new_uuid(site: Site) -> str:
    # wp_generate_uuid4 (functions.php): a random version-4 UUID
    return str(uuidlib.UUID(int=site.random.getrandbits(128), version=4))


def _load(site: Site, user_id: int) -> Items:
    """get_user_application_passwords (AP): the PHP array; items without a uuid get one, saved."""
    raw = site.users.get_meta(user_id, META_KEY)
    if isinstance(raw, list):
        items: Items = dict(enumerate(raw))
    elif isinstance(raw, dict):
        items = dict(raw)
    else:
        return {}  # ! is_array( $passwords )
    save = False
    for key, item in items.items():
        if isinstance(item, dict) and item.get("uuid") is None:  # ! isset( $password['uuid'] )
            items[key] = {**item, "uuid": _new_uuid(site)}
            save = True
    if save:
        _save(site, user_id, items)
    return items


def _save(site: Site, user_id: int, items: Items) -> bool:
    """set_user_application_passwords → update_user_meta: unslashed, false when unchanged.

    update_metadata runs wp_unslash on the value (meta.php), so a name's backslashes are
    stripped on every save, and returns false when the single stored value is identical
    (update_metadata, meta.php).
    """
    value = to_db(wp_unslash(items))
    old = site.users.repo.get_meta(user_id, META_KEY)
    if len(old) == 1 and old[0] == value:
        return False
    site.users.repo.update_meta(user_id, META_KEY, value)
    return True


def _items(site: Site, user_id: int) -> list[dict[str, Any]]:
    return [item for item in _load(site, user_id).values() if isinstance(item, dict)]


def get_all(site: Site, user_id: int) -> list[dict[str, Any]]:
    """get_user_application_passwords: the stored items, in stored order."""
    return _items(site, user_id)


def _identical(left: Any, right: Any) -> bool:
    """PHP ``===`` on scalars: same type and value (a uuid from a JSON body may be an int)."""
    return type(left) is type(right) and left == right


def get(site: Site, user_id: int, uuid: Any) -> dict[str, Any] | None:
    """get_user_application_password: the item whose uuid is identical (``===``) to ``uuid``."""
    for item in _items(site, user_id):
        if _identical(item.get("uuid"), uuid):
            return item
    return None


def is_in_use(site: Site) -> bool:
    """WP_Application_Passwords::is_in_use: ``(bool)`` of the network option."""
    return php.is_truthy(site.options.get(IN_USE_OPTION, False))


def _strtolower(value: Any) -> str:
    return php.strtolower(php.to_php_string(value))


def name_exists(site: Site, user_id: int, name: str) -> bool:
    """application_name_exists_for_user: ``strtolower`` on both sides, compared with ``===``."""
    wanted = _strtolower(name)
    return any(_strtolower(item.get("name")) == wanted for item in _items(site, user_id))


def create(site: Site, user_id: int, name: Any, app_id: Any = "") -> tuple[str, dict[str, Any]]:
    """create_new_application_password: the raw password and the new item (as WordPress returns it).

    Callers pass slashed values, as WordPress's do (``wp_slash( (array) $prepared )``); the
    item returned keeps them, the stored copy is unslashed by update_user_meta.
    """
    if php.is_truthy(name):
        name = sanitize_text_field(name)  # AP: ! empty( $args['name'] ) → sanitize_text_field
    if not php.is_truthy(name):  # empty(): "" and "0"
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
        "uuid": _new_uuid(site),
        "app_id": app_id if php.is_truthy(app_id) else "",
        "name": name,
        "password": passwords.hash_password(raw, site.random),
        "created": int(site.clock.now()),
        "last_used": None,
        "last_ip": None,
    }
    items = _load(site, user_id)
    ints = [key for key in items if isinstance(key, int)]
    items[max(ints) + 1 if ints else 0] = item  # $passwords[] = $new_item
    if not _save(site, user_id, items):
        raise WPError("db_error", "Could not save application password.")
    if not is_in_use(site):
        site.options.update(IN_USE_OPTION, True)
    return raw, item


def rename(site: Site, user_id: int, uuid: Any, name: Any) -> None:
    """update_application_password with ``['name' => $name]`` (slashed, as callers pass it).

    The name is saved only when non-empty and different; no duplicate check (AP).
    """
    items = _load(site, user_id)
    for key, item in items.items():
        if not isinstance(item, dict) or not _identical(item.get("uuid"), uuid):
            continue
        if php.is_truthy(name):
            name = sanitize_text_field(name)
        if php.is_truthy(name) and not _identical(item.get("name"), name):
            items[key] = {**item, "name": name}
            if not _save(site, user_id, items):
                raise WPError("db_error", "Could not save application password.")
        return
    raise WPError(
        "application_password_not_found", "Could not find an application password with that id."
    )


def update(site: Site, user_id: int, uuid: str, changes: dict[str, Any]) -> dict[str, Any] | None:
    """Merge ``changes`` into the item with ``uuid`` and save; the updated item or None."""
    items = _load(site, user_id)
    for key, item in items.items():
        if isinstance(item, dict) and item.get("uuid") == uuid:
            updated = {**item, **changes}
            items[key] = updated
            _save(site, user_id, items)
            return updated
    return None


def delete(site: Site, user_id: int, uuid: Any) -> bool:
    """delete_application_password: unset() the item (its key leaves a gap); False if absent."""
    items = _load(site, user_id)
    for key, item in items.items():
        if isinstance(item, dict) and _identical(item.get("uuid"), uuid):
            del items[key]
            if not _save(site, user_id, items):
                raise WPError("db_error", "Could not delete application password.")
            return True
    return False


def delete_all(site: Site, user_id: int) -> int:
    """delete_all_application_passwords: the count; nothing is written when there were none."""
    items = _load(site, user_id)
    if not items:
        return 0
    if not _save(site, user_id, {}):
        raise WPError("db_error", "Could not delete application passwords.")
    return len(items)


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
        if not passwords.check_password(given, php.to_php_string(item.get("password", ""))):
            continue
        _record_usage(site, user.id, item, request.remote_addr)
        request.app_password_uuid = php.to_php_string(item.get("uuid"))
        return user
    return WPError(
        "incorrect_password", "The provided password is an invalid application password."
    )


def _record_usage(site: Site, user_id: int, item: dict[str, Any], ip: str) -> None:
    """record_application_password_usage: at most once a day (``last_used + DAY > time()``)."""
    now = int(site.clock.now())
    if php.to_int(item.get("last_used")) + DAY > now:
        return
    update(site, user_id, str(item["uuid"]), {"last_used": now, "last_ip": ip})
