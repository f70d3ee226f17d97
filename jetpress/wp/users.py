"""Users: wp_users rows, roles and capabilities from ``<prefix>user_roles``, user meta.

Roles live in the option ``<prefix>user_roles`` (class-wp-roles.php:324), a user's roles in the
user meta ``<prefix>capabilities`` as ``{role: true}`` plus ``<prefix>user_level``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

from jetpress import php
from jetpress.store.base import UserRow, UsersRepository
from jetpress.wp.caps import derived_caps
from jetpress.wp.options import Options, copy_arrays, to_db

_UNSET = object()


@dataclass(frozen=True, slots=True, kw_only=True)
class User:
    """A WP_User with its roles and merged capabilities (``allcaps``)."""

    id: int
    login: str
    email: str
    display_name: str
    nicename: str
    pass_hash: str
    registered: str
    roles: tuple[str, ...]
    allcaps: dict[str, bool]


def default_roles() -> dict[str, Any]:
    """populate_roles()'s five roles (wp/data/roles.json)."""
    text = resources.files("jetpress.wp.data").joinpath("roles.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)["roles"]
    return data


class Users:
    """User lookups and writes for one site."""

    def __init__(self, repo: UsersRepository, options: Options, prefix: str) -> None:
        self.repo = repo
        self.options = options
        self.prefix = prefix
        self._built: dict[tuple[UserRow, str | None], tuple[dict[str, Any], User]] = {}
        self._parsed_meta: dict[str, Any] = {}  # raw meta_value -> maybe_unserialize()

    @property
    def roles_option(self) -> str:
        return self.prefix + "user_roles"

    @property
    def caps_key(self) -> str:
        return self.prefix + "capabilities"

    def roles(self) -> dict[str, Any]:
        value = self.options.get(self.roles_option, {}, copy=False)  # read-only use below
        return value if isinstance(value, dict) else {}

    def _build(self, row: UserRow | None) -> User | None:
        if row is None:
            return None
        raw = self.repo.get_meta(row.id, self.caps_key)
        roles = self.roles()
        # The User is a pure function of its row, its caps meta and the roles option.
        key = (row, raw[0] if raw else None)
        cached = self._built.get(key)
        if cached is not None and cached[0] is roles:
            return cached[1]
        user = self._make(row, raw, roles)
        if len(self._built) > 1024:
            self._built.clear()
        self._built[key] = (roles, user)
        return user

    def _make(self, row: UserRow, raw: list[str], all_roles: dict[str, Any]) -> User:
        caps_meta = php.maybe_unserialize(raw[0]) if raw else {}
        if not isinstance(caps_meta, dict):
            caps_meta = {}
        roles: list[str] = []
        allcaps: dict[str, bool] = {}
        # WP_User::get_role_caps: roles first, then per-user caps override (class-wp-user.php:520)
        for key, granted in caps_meta.items():
            name = str(key)
            role = all_roles.get(name)
            if isinstance(role, dict) and php.is_truthy(granted):
                roles.append(name)
                caps = role.get("capabilities", {})
                if isinstance(caps, dict):
                    allcaps.update({str(c): php.is_truthy(v) for c, v in caps.items()})
        for key, granted in caps_meta.items():
            if str(key) not in all_roles:
                allcaps[str(key)] = php.is_truthy(granted)
        return User(
            id=row.id,
            login=row.login,
            email=row.email,
            display_name=row.display_name,
            nicename=row.nicename,
            pass_hash=row.pass_hash,
            registered=row.registered,
            roles=tuple(roles),
            allcaps=derived_caps(allcaps),
        )

    def get(self, user_id: int) -> User | None:
        return self._build(self.repo.by_id(user_id)) if user_id > 0 else None

    def by_login(self, login: str) -> User | None:
        return self._build(self.repo.by_login(login))

    def by_email(self, email: str) -> User | None:
        return self._build(self.repo.by_email(email))

    def all(self) -> list[User]:
        return [user for user in (self._build(row) for row in self.repo.all()) if user]

    def create(
        self,
        *,
        login: str,
        pass_hash: str,
        email: str,
        role: str,
        display_name: str | None = None,
        registered: str = "0000-00-00 00:00:00",
        user_id: int = 0,
    ) -> int:
        """wp_insert_user (the parts a fresh site needs): row, role and user level."""
        new_id = self.repo.insert(
            UserRow(
                id=user_id,
                login=login,
                pass_hash=pass_hash,
                nicename=login.lower(),
                email=email,
                registered=registered,
                display_name=display_name if display_name is not None else login,
            )
        )
        self.set_role(new_id, role)
        return new_id

    def set_role(self, user_id: int, role: str) -> None:
        """WP_User::set_role: ``<prefix>capabilities`` and ``<prefix>user_level``."""
        self.repo.update_meta(user_id, self.caps_key, to_db({role: True}))
        caps = self.roles().get(role, {}).get("capabilities", {})
        level = max(
            (int(c[6:]) for c in caps if c.startswith("level_") and c[6:].isdigit()), default=0
        )
        self.repo.update_meta(user_id, self.prefix + "user_level", str(level))

    # -- meta (get/update/delete_user_meta, single values) --------------------------------
    def get_meta(self, user_id: int, key: str) -> Any:
        """get_user_meta($id, $key, true): '' when absent."""
        values = self.repo.get_meta(user_id, key)
        if not values:
            return ""
        raw = values[0]
        parsed = self._parsed_meta.get(raw, _UNSET)
        if parsed is _UNSET:
            parsed = php.maybe_unserialize(raw)
            if len(self._parsed_meta) > 1024:
                self._parsed_meta.clear()
            self._parsed_meta[raw] = parsed
        return copy_arrays(parsed)

    def update_meta(self, user_id: int, key: str, value: Any) -> None:
        self.repo.update_meta(user_id, key, to_db(value))

    def delete_meta(self, user_id: int, key: str) -> bool:
        return self.repo.delete_meta(user_id, key)
