"""SQLite engine (stdlib sqlite3): WordPress's tables in one file, WAL mode, one connection.

A ``threading.RLock`` guards the connection (the server calls from a thread pool); a
``locked()`` block keeps it, and a ``BEGIN IMMEDIATE`` transaction, until the block exits.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any

from jetpress.store.base import OptionRow, OptionsRepository, UserRow, UsersRepository
from jetpress.store.errors import StoreError, checked_prefix

_USER_COLUMNS = (
    "ID, user_login, user_pass, user_nicename, user_email, user_url, user_registered,"
    " user_activation_key, user_status, display_name"
)

# WP 6.1 wp-admin/includes/schema.php wp_get_db_schema(), in SQLite's dialect. Declared types keep
# TEXT/INTEGER affinity; AUTOINCREMENT keeps MySQL's "ids are never reused".
_DDL = (
    """CREATE TABLE IF NOT EXISTS "{p}options" (
    option_id INTEGER PRIMARY KEY AUTOINCREMENT,
    option_name varchar(191) NOT NULL DEFAULT '' UNIQUE,
    option_value longtext NOT NULL,
    autoload varchar(20) NOT NULL DEFAULT 'yes'
)""",
    'CREATE INDEX IF NOT EXISTS "{p}options_autoload" ON "{p}options" (autoload)',
    """CREATE TABLE IF NOT EXISTS "{p}users" (
    ID INTEGER PRIMARY KEY AUTOINCREMENT,
    user_login varchar(60) NOT NULL DEFAULT '',
    user_pass varchar(255) NOT NULL DEFAULT '',
    user_nicename varchar(50) NOT NULL DEFAULT '',
    user_email varchar(100) NOT NULL DEFAULT '',
    user_url varchar(100) NOT NULL DEFAULT '',
    user_registered text NOT NULL DEFAULT '0000-00-00 00:00:00',
    user_activation_key varchar(255) NOT NULL DEFAULT '',
    user_status int NOT NULL DEFAULT 0,
    display_name varchar(250) NOT NULL DEFAULT ''
)""",
    'CREATE INDEX IF NOT EXISTS "{p}users_user_login_key" ON "{p}users" (user_login)',
    'CREATE INDEX IF NOT EXISTS "{p}users_user_nicename" ON "{p}users" (user_nicename)',
    'CREATE INDEX IF NOT EXISTS "{p}users_user_email" ON "{p}users" (user_email)',
    """CREATE TABLE IF NOT EXISTS "{p}usermeta" (
    umeta_id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id bigint NOT NULL DEFAULT 0,
    meta_key varchar(255) DEFAULT NULL,
    meta_value longtext
)""",
    'CREATE INDEX IF NOT EXISTS "{p}usermeta_user_id" ON "{p}usermeta" (user_id)',
    'CREATE INDEX IF NOT EXISTS "{p}usermeta_meta_key" ON "{p}usermeta" (meta_key)',
)

_Row = tuple[Any, ...]


def _user(row: _Row) -> UserRow:
    return UserRow(
        id=row[0],
        login=row[1],
        pass_hash=row[2],
        nicename=row[3],
        email=row[4],
        url=row[5],
        registered=row[6],
        activation_key=row[7],
        status=row[8],
        display_name=row[9],
    )


class SqliteOptions:
    """``<prefix>options`` on SQLite."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        t = f'"{store.prefix}options"'
        self._load = f"SELECT option_value, autoload FROM {t} WHERE option_name = ? LIMIT 1"
        self._autoloaded = (
            # WP 6.1 option.php wp_load_alloptions(): WHERE autoload = 'yes'
            f"SELECT option_name, option_value FROM {t} WHERE autoload = 'yes' ORDER BY option_id"
        )
        self._insert = (
            f"INSERT INTO {t} (option_name, option_value, autoload) VALUES (?, ?, ?)"
            " ON CONFLICT (option_name) DO NOTHING"
        )
        # MySQL affected rows count only rows whose values changed: emulate with IS NOT
        self._update = (
            f"UPDATE {t} SET option_value = ?1, autoload = COALESCE(?2, autoload)"
            " WHERE option_name = ?3"
            " AND (option_value IS NOT ?1 OR autoload IS NOT COALESCE(?2, autoload))"
        )
        self._delete = f"DELETE FROM {t} WHERE option_name = ?"

    def load(self, name: str) -> OptionRow | None:
        """The row named ``name``, or None."""
        row = self._store.fetchone(self._load, (name,))
        return None if row is None else OptionRow(name, row[0], row[1])

    def autoloaded(self) -> list[OptionRow]:
        """Rows with autoload 'yes', in option_id order."""
        return [OptionRow(n, v) for n, v in self._store.fetchall(self._autoloaded, ())]

    def insert(self, row: OptionRow) -> bool:
        """Add a row; False (and no write) when the name exists."""
        return self._store.write(self._insert, (row.name, row.value, row.autoload)) > 0

    def update(self, name: str, value: str, autoload: str | None = None) -> bool:
        """Update the row; True only when a value changed."""
        return self._store.write(self._update, (value, autoload, name)) > 0

    def delete(self, name: str) -> bool:
        """Delete the row; True when there was one."""
        return self._store.write(self._delete, (name,)) > 0

    def generation(self) -> int:
        """``PRAGMA data_version`` (other connections' commits) joined to this store's writes."""
        return self._store.generation()

    def locked(self, name: str) -> AbstractContextManager[None]:
        """A ``BEGIN IMMEDIATE`` transaction for the block: the database's one writer lock."""
        return self._store.transaction()


class SqliteUsers:
    """``<prefix>users`` and ``<prefix>usermeta`` on SQLite."""

    def __init__(self, store: SqliteStore) -> None:
        self._store = store
        u, m = f'"{store.prefix}users"', f'"{store.prefix}usermeta"'
        select = f"SELECT {_USER_COLUMNS} FROM {u}"
        self._by_id = f"{select} WHERE ID = ?"
        # WP 6.1 class-wp-user.php get_data_by(): "WHERE $db_field = %s LIMIT 1"
        self._by_login = f"{select} WHERE user_login = ? ORDER BY ID LIMIT 1"
        self._by_email = f"{select} WHERE user_email = ? ORDER BY ID LIMIT 1"
        self._all = f"{select} ORDER BY ID"
        self._insert = f"INSERT INTO {u} ({_USER_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        self._insert_auto = (
            f"INSERT INTO {u} ({_USER_COLUMNS.removeprefix('ID, ')})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        self._update_pass = f"UPDATE {u} SET user_pass = ? WHERE ID = ?"
        self._get_meta = (
            f"SELECT meta_value FROM {m} WHERE user_id = ? AND meta_key = ? ORDER BY umeta_id"
        )
        self._all_meta = f"SELECT meta_key, meta_value FROM {m} WHERE user_id = ? ORDER BY umeta_id"
        self._meta_ids = f"SELECT umeta_id FROM {m} WHERE user_id = ? AND meta_key = ? LIMIT 1"
        self._add_meta = f"INSERT INTO {m} (user_id, meta_key, meta_value) VALUES (?, ?, ?)"
        self._set_meta = f"UPDATE {m} SET meta_value = ? WHERE user_id = ? AND meta_key = ?"
        self._delete_meta = f"DELETE FROM {m} WHERE user_id = ? AND meta_key = ?"

    def _one(self, sql: str, arg: object) -> UserRow | None:
        row = self._store.fetchone(sql, (arg,))
        return None if row is None else _user(row)

    def by_id(self, user_id: int) -> UserRow | None:
        """The user with this ``ID``."""
        return self._one(self._by_id, user_id)

    def by_login(self, login: str) -> UserRow | None:
        """The first user (lowest ID) with this ``user_login``."""
        return self._one(self._by_login, login)

    def by_email(self, email: str) -> UserRow | None:
        """The first user (lowest ID) with this ``user_email``."""
        return self._one(self._by_email, email)

    def all(self) -> list[UserRow]:
        """Every user in ID order."""
        return [_user(row) for row in self._store.fetchall(self._all, ())]

    def insert(self, row: UserRow) -> int:
        """Insert a user; id 0 lets AUTOINCREMENT choose. Returns the id."""
        values = (
            row.login,
            row.pass_hash,
            row.nicename,
            row.email,
            row.url,
            row.registered,
            row.activation_key,
            row.status,
            row.display_name,
        )
        if row.id:
            self._store.write(self._insert, (row.id, *values), bump=False)
            return row.id
        return self._store.insert_id(self._insert_auto, values)

    def update_pass(self, user_id: int, pass_hash: str) -> None:
        """Set ``user_pass``."""
        self._store.write(self._update_pass, (pass_hash, user_id), bump=False)

    def get_meta(self, user_id: int, key: str) -> list[str]:
        """Every value of ``key`` in umeta_id order."""
        return [r[0] for r in self._store.fetchall(self._get_meta, (user_id, key))]

    def all_meta(self, user_id: int) -> dict[str, list[str]]:
        """Every meta key of the user, each with its values in umeta_id order."""
        out: dict[str, list[str]] = {}
        for key, value in self._store.fetchall(self._all_meta, (user_id,)):
            out.setdefault(key, []).append(value)
        return out

    def update_meta(self, user_id: int, key: str, value: str) -> None:
        """WP 6.1 meta.php update_metadata(): add a row when none, else update every row."""
        with self._store.transaction():
            if self._store.fetchone(self._meta_ids, (user_id, key)) is None:
                self._store.write(self._add_meta, (user_id, key, value), bump=False)
            else:
                self._store.write(self._set_meta, (value, user_id, key), bump=False)

    def delete_meta(self, user_id: int, key: str) -> bool:
        """Delete every row of ``key``; True when there was one."""
        return self._store.write(self._delete_meta, (user_id, key), bump=False) > 0


class SqliteStore:
    """One SQLite database file (``sqlite:///path.db``) holding one WordPress site's tables."""

    def __init__(
        self,
        path: str,
        *,
        prefix: str = "wp_",
        url: str | None = None,
        busy_timeout: float = 10.0,
    ) -> None:
        self.prefix = checked_prefix(prefix)
        self.url = url or f"sqlite:///{path}"
        self.path = path
        self._lock = threading.RLock()
        self._depth = 0  # nesting of transaction() blocks (held with self._lock)
        self._writes = 0  # this connection's commits: PRAGMA data_version does not count them
        self._conn = self._connect(path, busy_timeout)
        self._cur = self._conn.cursor()
        self.options: OptionsRepository = SqliteOptions(self)
        self.users: UsersRepository = SqliteUsers(self)

    @staticmethod
    def _connect(path: str, busy_timeout: float) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(
                path, timeout=busy_timeout, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:
            raise StoreError(
                f"Cannot open the SQLite database {path!r}: {error} (does its folder exist?)."
            ) from None
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints, fast commits
        except sqlite3.Error as error:
            conn.close()
            raise StoreError(f"Cannot use {path!r} as a SQLite database: {error}.") from None
        return conn

    # -- the connection, one caller at a time ---------------------------------------------------

    def fetchone(self, sql: str, params: tuple[object, ...]) -> _Row | None:
        """Run a query and return its first row."""
        with self._lock:
            row: _Row | None = self._cur.execute(sql, params).fetchone()
            return row

    def fetchall(self, sql: str, params: tuple[object, ...]) -> list[_Row]:
        """Run a query and return every row."""
        with self._lock:
            return self._cur.execute(sql, params).fetchall()

    def write(self, sql: str, params: tuple[object, ...], *, bump: bool = True) -> int:
        """Run a write (autocommit, or inside the current transaction); return the rows changed."""
        with self._lock:
            changed = self._cur.execute(sql, params).rowcount
            if changed > 0 and bump:
                self._writes += 1
            return changed

    def insert_id(self, sql: str, params: tuple[object, ...]) -> int:
        """Run an INSERT and return the new rowid."""
        with self._lock:
            rowid = self._cur.execute(sql, params).lastrowid
            assert rowid is not None
            return rowid

    def generation(self) -> int:
        """Changes whenever any connection commits (data_version) or this one writes."""
        with self._lock:
            row = self._cur.execute("PRAGMA data_version").fetchone()
            return (int(row[0]) << 32) | (self._writes & 0xFFFFFFFF)

    def transaction(self) -> AbstractContextManager[None]:
        """An exclusive ``BEGIN IMMEDIATE`` transaction; commits at exit, rolls back on error."""
        return self._transaction()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        with self._lock:
            if self._depth:  # nested: the outer block already holds the write lock
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._cur.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
                self._cur.execute("COMMIT")
            except BaseException:
                if self._conn.in_transaction:
                    self._cur.execute("ROLLBACK")
                raise
            finally:
                self._depth = 0

    # -- Store ---------------------------------------------------------------------------------

    def create_tables(self) -> None:
        """CREATE TABLE IF NOT EXISTS for the three tables and their indexes."""
        with self.transaction():
            for statement in _DDL:
                self._cur.execute(statement.format(p=self.prefix))

    def is_installed(self) -> bool:
        """True when ``<prefix>options`` exists and has a ``siteurl`` row."""
        exists = self.fetchone(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
            (f"{self.prefix}options",),
        )
        return exists is not None and self.options.load("siteurl") is not None

    def truncate(self) -> None:
        """Empty the three tables and restart their ids at 1, in one transaction."""
        tables = tuple(f"{self.prefix}{t}" for t in ("options", "users", "usermeta"))
        with self.transaction():
            for table in tables:
                self._cur.execute(f'DELETE FROM "{table}"')
            self._cur.execute("DELETE FROM sqlite_sequence WHERE name IN (?, ?, ?)", tables)
            self._writes += 1

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()
