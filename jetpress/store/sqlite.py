"""SQLite engine (stdlib sqlite3): WordPress's tables in one file, WAL mode, one connection.

A ``threading.RLock`` guards the connection (the server calls from a thread pool); a
``locked()`` block keeps it, and a ``BEGIN IMMEDIATE`` transaction, until the block exits.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import ClassVar

from jetpress.store.errors import StoreError
from jetpress.store.sql import Dialect, Params, Row, SqlStore

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


class SqliteStore(SqlStore):
    """One SQLite database file (``sqlite:///path.db``) holding one WordPress site's tables."""

    dialect: ClassVar[Dialect] = Dialect(
        quote='"',
        param="?",
        ignore_duplicate=" ON CONFLICT (option_name) DO NOTHING",
        distinct="IS NOT",
        again="?{n}",  # a plain ? numbers itself one past the highest number so far
    )
    _cur: sqlite3.Cursor

    def __init__(
        self,
        path: str,
        *,
        prefix: str = "wp_",
        url: str | None = None,
        busy_timeout: float = 10.0,
    ) -> None:
        super().__init__(prefix=prefix, url=url or f"sqlite:///{path}")
        self.path = path
        self._writes = 0  # this connection's commits: PRAGMA data_version does not count them
        self._conn = self._connect(path, busy_timeout)
        self._cur = self._conn.cursor()

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

    # -- the connection, one caller at a time (reads skip SqlStore.run: the hot path) -----------

    def fetchone(self, sql: str, params: Params) -> Row | None:
        """Run a query and return its first row."""
        with self._lock:
            row: Row | None = self._cur.execute(sql, params).fetchone()
            return row

    def fetchall(self, sql: str, params: Params) -> list[Row]:
        """Run a query and return every row."""
        with self._lock:
            return self._cur.execute(sql, params).fetchall()

    def write_option(self, sql: str, params: Params) -> bool:
        """Run an option write (autocommit, or inside the current transaction)."""
        with self._lock:
            if self._cur.execute(sql, params).rowcount > 0:
                self._bump()  # at once, even in a block: PRAGMA data_version sees no own commit
                return True
            return False

    def _bump(self) -> None:
        self._writes += 1

    def insert_id(self, sql: str, params: Params) -> int:
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
        """An exclusive ``BEGIN IMMEDIATE`` transaction; commits at exit, rolls back on error.

        ``locked(name)`` is the same block: SQLite's write lock covers the whole database.
        """
        return self._block(None)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._cur.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._cur.execute("COMMIT")
        except BaseException:
            if self._conn.in_transaction:
                self._cur.execute("ROLLBACK")
            raise

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
            self._bump()

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self._conn.close()
