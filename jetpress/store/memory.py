"""A dict-backed Store for unit tests: the same contract as the SQL engines, in one process.

Names compare exactly (as on SQLite and PostgreSQL; MySQL's collation folds case).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace

from jetpress.store.base import OptionRow, OptionsRepository, UserRow, UsersRepository
from jetpress.store.errors import checked_prefix


class MemoryOptions:
    """``wp_options`` as a dict ordered by ``option_id``."""

    def __init__(
        self, lock: threading.RLock, transaction: Callable[[], AbstractContextManager[None]]
    ) -> None:
        self._lock = lock
        self._transaction = transaction
        self._rows: dict[str, tuple[int, str, str]] = {}  # name → (option_id, value, autoload)
        self._next_id = 1
        self._generation = 0

    def load(self, name: str) -> OptionRow | None:
        """The row named ``name``, or None."""
        with self._lock:
            found = self._rows.get(name)
        return None if found is None else OptionRow(name, found[1], found[2])

    def autoloaded(self) -> list[OptionRow]:
        """Rows with autoload 'yes', in option_id order."""
        with self._lock:
            rows = sorted(self._rows.items(), key=lambda item: item[1][0])
        return [OptionRow(name, value, auto) for name, (_, value, auto) in rows if auto == "yes"]

    def insert(self, row: OptionRow) -> bool:
        """Add a row; False when the name exists."""
        with self._lock:
            if row.name in self._rows:
                return False
            self._rows[row.name] = (self._next_id, row.value, row.autoload)
            self._next_id += 1
            self._generation += 1
            return True

    def update(self, name: str, value: str, autoload: str | None = None) -> bool:
        """Update value (and autoload when given); True only when the row changed."""
        with self._lock:
            found = self._rows.get(name)
            if found is None:
                return False
            new = (found[0], value, found[2] if autoload is None else autoload)
            if new == found:
                return False  # MySQL affected rows: an UPDATE to the same values changes 0 rows
            self._rows[name] = new
            self._generation += 1
            return True

    def delete(self, name: str) -> bool:
        """Delete the row; True when there was one."""
        with self._lock:
            if self._rows.pop(name, None) is None:
                return False
            self._generation += 1
            return True

    def generation(self) -> int:
        """A counter bumped by every write."""
        with self._lock:
            return self._generation

    def locked(self, name: str) -> AbstractContextManager[None]:
        """Hold the store's lock for the block (one process only); an error undoes its writes."""
        return self._transaction()

    def snapshot(self) -> tuple[dict[str, tuple[int, str, str]], int]:
        """The rows and next id, to restore after a failed transaction."""
        return dict(self._rows), self._next_id

    def restore(self, saved: tuple[dict[str, tuple[int, str, str]], int]) -> None:
        """Put back a snapshot (the generation still moves on, as after a real rollback)."""
        self._rows, self._next_id = dict(saved[0]), saved[1]
        self._generation += 1

    def clear(self) -> None:
        """Empty the table and restart ids at 1."""
        with self._lock:
            self._rows.clear()
            self._next_id = 1
            self._generation += 1


class MemoryUsers:
    """``wp_users`` and ``wp_usermeta`` as dicts."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._users: dict[int, UserRow] = {}
        self._meta: dict[int, tuple[int, str, str]] = {}  # umeta_id → (user_id, key, value)
        self._next_user = 1
        self._next_meta = 1

    def by_id(self, user_id: int) -> UserRow | None:
        """The user with ``ID`` = ``user_id``."""
        with self._lock:
            return self._users.get(user_id)

    def by_login(self, login: str) -> UserRow | None:
        """The first user (lowest ID) with this ``user_login``."""
        return self._first(lambda row: row.login == login)

    def by_email(self, email: str) -> UserRow | None:
        """The first user (lowest ID) with this ``user_email``."""
        return self._first(lambda row: row.email == email)

    def _first(self, test: Callable[[UserRow], bool]) -> UserRow | None:
        with self._lock:
            for user_id in sorted(self._users):
                row = self._users[user_id]
                if test(row):
                    return row
        return None

    def all(self) -> list[UserRow]:
        """Every user in ID order."""
        with self._lock:
            return [self._users[user_id] for user_id in sorted(self._users)]

    def insert(self, row: UserRow) -> int:
        """Insert; id 0 takes the next auto-increment value. Returns the id."""
        with self._lock:
            user_id = row.id or self._next_user
            if user_id in self._users:
                raise ValueError(f"Duplicate user ID {user_id}.")
            self._users[user_id] = replace(row, id=user_id)
            # MySQL InnoDB: an explicit id moves AUTO_INCREMENT past it
            self._next_user = max(self._next_user, user_id + 1)
            return user_id

    def update_pass(self, user_id: int, pass_hash: str) -> None:
        """Set ``user_pass``."""
        with self._lock:
            row = self._users.get(user_id)
            if row is not None:
                self._users[user_id] = replace(row, pass_hash=pass_hash)

    def get_meta(self, user_id: int, key: str) -> list[str]:
        """Every value of ``key`` in umeta_id order."""
        with self._lock:
            return [
                v for _, (uid, k, v) in sorted(self._meta.items()) if uid == user_id and k == key
            ]

    def all_meta(self, user_id: int) -> dict[str, list[str]]:
        """Every meta key of the user, each with its values in umeta_id order."""
        out: dict[str, list[str]] = {}
        with self._lock:
            for _, (uid, key, value) in sorted(self._meta.items()):
                if uid == user_id:
                    out.setdefault(key, []).append(value)
        return out

    def update_meta(self, user_id: int, key: str, value: str) -> None:
        """Set every row of ``key`` to ``value``, or add one row when there is none."""
        with self._lock:
            ids = [mid for mid, (uid, k, _) in self._meta.items() if uid == user_id and k == key]
            if not ids:
                self._meta[self._next_meta] = (user_id, key, value)
                self._next_meta += 1
            for mid in ids:  # WP 6.1 meta.php update_metadata(): $wpdb->update() of all rows
                self._meta[mid] = (user_id, key, value)

    def delete_meta(self, user_id: int, key: str) -> bool:
        """Delete every row of ``key``; True when there was one."""
        with self._lock:
            ids = [mid for mid, (uid, k, _) in self._meta.items() if uid == user_id and k == key]
            for mid in ids:
                del self._meta[mid]
            return bool(ids)

    def snapshot(self) -> tuple[dict[int, UserRow], dict[int, tuple[int, str, str]], int, int]:
        """Both tables and their next ids, to restore after a failed transaction."""
        return dict(self._users), dict(self._meta), self._next_user, self._next_meta

    def restore(
        self, saved: tuple[dict[int, UserRow], dict[int, tuple[int, str, str]], int, int]
    ) -> None:
        """Put back a snapshot."""
        users, meta, self._next_user, self._next_meta = saved
        self._users, self._meta = dict(users), dict(meta)

    def clear(self) -> None:
        """Empty both tables and restart ids at 1."""
        with self._lock:
            self._users.clear()
            self._meta.clear()
            self._next_user = 1
            self._next_meta = 1


class MemoryStore:
    """A Store that lives in this process only (``memory://``)."""

    def __init__(self, *, prefix: str = "wp_", url: str = "memory://") -> None:
        self.url = url
        self.prefix = checked_prefix(prefix)
        self._lock = threading.RLock()
        self._depth = 0
        self._options = MemoryOptions(self._lock, self._transaction)
        self._users = MemoryUsers(self._lock)
        self.options: OptionsRepository = self._options
        self.users: UsersRepository = self._users

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            saved = (self._options.snapshot(), self._users.snapshot()) if not self._depth else None
            self._depth += 1
            try:
                yield
            except BaseException:
                if saved is not None:
                    self._options.restore(saved[0])
                    self._users.restore(saved[1])
                raise
            finally:
                self._depth -= 1

    def create_tables(self) -> None:
        """Nothing to do: the tables always exist."""

    def is_installed(self) -> bool:
        """True when a ``siteurl`` row exists."""
        return self.options.load("siteurl") is not None

    def truncate(self) -> None:
        """Empty the three tables and restart ids at 1."""
        self._options.clear()
        self._users.clear()

    def close(self) -> None:
        """Nothing to release."""
