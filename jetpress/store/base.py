"""Storage seams: WordPress's own tables (``<prefix>options``, ``users``, ``usermeta``).

Values are opaque text exactly as WordPress stores them; ``jetpress.wp.options`` owns the PHP
value semantics (serialisation, autoload, "unchanged update returns false").
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class OptionRow:
    """One row of ``wp_options``. ``autoload`` is ``'yes'`` or ``'no'`` (WordPress 6.1)."""

    name: str
    value: str
    autoload: str = "yes"


@dataclass(frozen=True, slots=True, kw_only=True)
class UserRow:
    """One row of ``wp_users``."""

    id: int
    login: str
    pass_hash: str
    nicename: str
    email: str
    url: str = ""
    registered: str = "0000-00-00 00:00:00"
    activation_key: str = ""
    status: int = 0
    display_name: str = ""


class OptionsRepository(Protocol):
    """``wp_options`` rows. Every write commits at once, as WordPress's queries do."""

    def load(self, name: str) -> OptionRow | None: ...

    def autoloaded(self) -> list[OptionRow]:
        """All rows with autoload ``'yes'`` (WordPress's ``alloptions`` query)."""
        ...

    def insert(self, row: OptionRow) -> bool:
        """Add a row; False (and no write) when the name exists already."""
        ...

    def update(self, name: str, value: str, autoload: str | None = None) -> bool:
        """UPDATE the row; True only when a row changed (MySQL's affected rows semantics)."""
        ...

    def delete(self, name: str) -> bool: ...

    def generation(self) -> int:
        """A number that changes whenever any process committed a write to the options table.

        Caches compare it per request to see other workers' writes at once.
        """
        ...

    def locked(self, name: str) -> AbstractContextManager[None]:
        """Hold an exclusive, cross-process lock for a read-modify-write of option ``name``."""
        ...


class UsersRepository(Protocol):
    """``wp_users`` and ``wp_usermeta`` rows."""

    def by_id(self, user_id: int) -> UserRow | None: ...

    def by_login(self, login: str) -> UserRow | None: ...

    def by_email(self, email: str) -> UserRow | None: ...

    def all(self) -> list[UserRow]: ...

    def insert(self, row: UserRow) -> int:
        """Insert a user; ``row.id`` 0 lets the engine choose. Returns the id."""
        ...

    def update_pass(self, user_id: int, pass_hash: str) -> None: ...

    def get_meta(self, user_id: int, key: str) -> list[str]:
        """Every ``meta_value`` of ``key``, in ``umeta_id`` order."""
        ...

    def all_meta(self, user_id: int) -> dict[str, list[str]]: ...

    def update_meta(self, user_id: int, key: str, value: str) -> None:
        """update_user_meta: replace every row of ``key`` (or insert one)."""
        ...

    def delete_meta(self, user_id: int, key: str) -> bool: ...


class Store(Protocol):
    """One WordPress database: options and users, plus the life-cycle the server needs."""

    url: str
    prefix: str
    options: OptionsRepository
    users: UsersRepository

    def create_tables(self) -> None:
        """Create the WordPress tables if they do not exist (never touches existing ones)."""
        ...

    def is_installed(self) -> bool:
        """True when ``<prefix>options`` exists and holds a ``siteurl`` row."""
        ...

    def truncate(self) -> None:
        """Empty the three tables and restart their ids at 1 (test-control reset)."""
        ...

    def close(self) -> None: ...
