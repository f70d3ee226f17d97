"""What the SQL engines share: WordPress's queries on ``<prefix>options``, ``users`` and
``usermeta`` (``SqlOptions``, ``SqlUsers``), and ``SqlStore``, one locked connection with nested
blocks. An engine subclass keeps its connection, DDL, transactions, locks and generation counter.
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar

from jetpress.store.base import OptionRow, OptionsRepository, UserRow, UsersRepository
from jetpress.store.errors import checked_prefix

_T = TypeVar("_T")
# Any: sqlite3, PyMySQL and psycopg each type their result rows differently
Row = tuple[Any, ...]
Params = tuple[object, ...]

# WP 6.1 schema.php: wp_users's columns, in table order (UserRow's fields)
_USER_FIELDS = (
    "ID",
    "user_login",
    "user_pass",
    "user_nicename",
    "user_email",
    "user_url",
    "user_registered",
    "user_activation_key",
    "user_status",
    "display_name",
)


class Cursor(Protocol):
    """The DB-API cursor calls shared code makes (sqlite3, PyMySQL and psycopg all have them)."""

    @property
    def rowcount(self) -> int: ...

    def execute(self, sql: str, params: Params = ..., /) -> object: ...

    # Any: each driver types its rows differently
    def fetchone(self) -> Any: ...

    def fetchall(self) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Dialect:
    """The SQL text that differs from one engine to another."""

    quote: str  # identifier quote: '"' (SQL standard) or '`' (MySQL)
    param: str  # placeholder: '?' (sqlite3) or '%s' (PyMySQL, psycopg)
    ignore_duplicate: str  # INSERT INTO options suffix: write nothing when the name exists
    # "differs from" for UPDATEs that touch only changed rows; None when the engine's affected
    # rows already leave unchanged rows out (MySQL without CLIENT.FOUND_ROWS)
    distinct: str | None
    again: str | None = None  # placeholder repeating parameter {n} (None: bind the value again)
    returning_id: str = ""  # INSERT suffix giving the new ID as a row ("": the driver's lastrowid)
    # after an INSERT with an explicit ID, move the ID counter past it (MySQL and SQLite do so
    # by themselves); {table} is the quoted users table
    sync_ids: str | None = None

    def name(self, identifier: str) -> str:
        """``identifier`` quoted."""
        return f"{self.quote}{identifier}{self.quote}"

    def marks(self, count: int) -> str:
        """``count`` placeholders, comma-separated."""
        return ", ".join([self.param] * count)


def _user(row: Row) -> UserRow:
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


class SqlOptions:
    """``<prefix>options`` on a SQL engine."""

    def __init__(self, store: SqlStore) -> None:
        self._store = store
        d, p = store.dialect, store.dialect.param
        t = d.name(f"{store.prefix}options")
        self._load = f"SELECT option_value, autoload FROM {t} WHERE option_name = {p} LIMIT 1"
        # WP 6.1 option.php wp_load_alloptions(): WHERE autoload = 'yes'; InnoDB gives the rows
        # in option_id order, the other engines are told to
        self._autoloaded = (
            f"SELECT option_name, option_value FROM {t} WHERE autoload = 'yes' ORDER BY option_id"
        )
        # WP 6.1 option.php add_option(): INSERT ... ON DUPLICATE KEY UPDATE, here a no-op
        self._insert = (
            f"INSERT INTO {t} (option_name, option_value, autoload) VALUES ({d.marks(3)})"
            + d.ignore_duplicate
        )
        if d.distinct is None:
            # affected rows count only the rows whose values changed: plain UPDATEs tell
            self._update_value: str | None = (
                f"UPDATE {t} SET option_value = {p} WHERE option_name = {p}"
            )
            self._update = (
                f"UPDATE {t} SET option_value = {p}, autoload = {p} WHERE option_name = {p}"
            )
        else:
            # MySQL's affected rows count only rows whose values changed: emulate
            value, autoload = (d.again.format(n=1), d.again.format(n=2)) if d.again else (p, p)
            self._update_value = None
            self._update = (
                f"UPDATE {t} SET option_value = {p}, autoload = COALESCE({p}, autoload)"
                f" WHERE option_name = {p} AND (option_value {d.distinct} {value}"
                f" OR autoload {d.distinct} COALESCE({autoload}, autoload))"
            )
        self._rebind = d.distinct is not None and d.again is None  # bind value, autoload twice
        self._delete = f"DELETE FROM {t} WHERE option_name = {p}"

    def load(self, name: str) -> OptionRow | None:
        """The row named ``name`` (compared with the table's collation), or None."""
        row = self._store.fetchone(self._load, (name,))
        return None if row is None else OptionRow(name, row[0], row[1])

    def autoloaded(self) -> list[OptionRow]:
        """Rows with autoload 'yes', in option_id order."""
        return [OptionRow(n, v) for n, v in self._store.fetchall(self._autoloaded, ())]

    def insert(self, row: OptionRow) -> bool:
        """Add a row; False (and no write) when the name exists."""
        return self._store.write_option(self._insert, (row.name, row.value, row.autoload))

    def update(self, name: str, value: str, autoload: str | None = None) -> bool:
        """Update the row; True only when a value changed (MySQL's affected rows)."""
        if autoload is None and self._update_value is not None:
            return self._store.write_option(self._update_value, (value, name))
        if self._rebind:
            return self._store.write_option(self._update, (value, autoload, name, value, autoload))
        return self._store.write_option(self._update, (value, autoload, name))

    def delete(self, name: str) -> bool:
        """Delete the row; True when there was one."""
        return self._store.write_option(self._delete, (name,))

    def generation(self) -> int:
        """A number that moves with every committed option write (see the engine's)."""
        return self._store.generation()

    def locked(self, name: str) -> AbstractContextManager[None]:
        """An exclusive lock on the option and a transaction, both held until the block exits."""
        return self._store.locked(name)


class SqlUsers:
    """``<prefix>users`` and ``<prefix>usermeta`` on a SQL engine."""

    def __init__(self, store: SqlStore) -> None:
        self._store = store
        d, p = store.dialect, store.dialect.param
        u, m = d.name(f"{store.prefix}users"), d.name(f"{store.prefix}usermeta")
        uid = d.name("ID")
        columns = ", ".join([uid, *_USER_FIELDS[1:]])
        select = f"SELECT {columns} FROM {u}"
        self._by_id = f"{select} WHERE {uid} = {p}"
        # WP 6.1 class-wp-user.php get_data_by(): "WHERE $db_field = %s LIMIT 1"
        self._by_login = f"{select} WHERE user_login = {p} ORDER BY {uid} LIMIT 1"
        self._by_email = f"{select} WHERE user_email = {p} ORDER BY {uid} LIMIT 1"
        self._all = f"{select} ORDER BY {uid}"
        self._insert = f"INSERT INTO {u} ({columns}) VALUES ({d.marks(10)})"
        self._insert_auto = (
            f"INSERT INTO {u} ({', '.join(_USER_FIELDS[1:])}) VALUES ({d.marks(9)})"
            + d.returning_id
        )
        self._sync_ids = None if d.sync_ids is None else d.sync_ids.format(table=u)
        self._update_pass = f"UPDATE {u} SET user_pass = {p} WHERE {uid} = {p}"
        self._get_meta = (
            f"SELECT meta_value FROM {m} WHERE user_id = {p} AND meta_key = {p} ORDER BY umeta_id"
        )
        self._all_meta = (
            f"SELECT meta_key, meta_value FROM {m} WHERE user_id = {p} ORDER BY umeta_id"
        )
        self._meta_ids = f"SELECT umeta_id FROM {m} WHERE user_id = {p} AND meta_key = {p} LIMIT 1"
        self._add_meta = f"INSERT INTO {m} (user_id, meta_key, meta_value) VALUES ({d.marks(3)})"
        self._set_meta = f"UPDATE {m} SET meta_value = {p} WHERE user_id = {p} AND meta_key = {p}"
        self._delete_meta = f"DELETE FROM {m} WHERE user_id = {p} AND meta_key = {p}"

    def _one(self, sql: str, arg: object) -> UserRow | None:
        row = self._store.fetchone(sql, (arg,))
        return None if row is None else _user(row)

    def by_id(self, user_id: int) -> UserRow | None:
        """The user with this ``ID``."""
        return self._one(self._by_id, user_id)

    def by_login(self, login: str) -> UserRow | None:
        """The first user (lowest ID) whose ``user_login`` matches under the table's collation."""
        return self._one(self._by_login, login)

    def by_email(self, email: str) -> UserRow | None:
        """The first user (lowest ID) whose ``user_email`` matches under the table's collation."""
        return self._one(self._by_email, email)

    def all(self) -> list[UserRow]:
        """Every user in ID order."""
        return [_user(row) for row in self._store.fetchall(self._all, ())]

    def insert(self, row: UserRow) -> int:
        """Insert a user; id 0 lets the engine's ID counter choose. Returns the id."""
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
        if not row.id:
            return self._store.insert_id(self._insert_auto, values)

        def op(cur: Cursor) -> None:
            cur.execute(self._insert, (row.id, *values))
            if self._sync_ids is not None:
                cur.execute(self._sync_ids)

        self._store.run(op, write=True)
        return row.id

    def update_pass(self, user_id: int, pass_hash: str) -> None:
        """Set ``user_pass``."""
        self._store.execute(self._update_pass, (pass_hash, user_id))

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

        def op(cur: Cursor) -> None:
            cur.execute(self._meta_ids, (user_id, key))
            if cur.fetchone() is None:
                cur.execute(self._add_meta, (user_id, key, value))
            else:
                cur.execute(self._set_meta, (value, user_id, key))

        self._store.run(op, write=True)

    def delete_meta(self, user_id: int, key: str) -> bool:
        """Delete every row of ``key``; True when there was one."""
        return self._store.execute(self._delete_meta, (user_id, key)) > 0


class SqlStore(ABC):
    """One connection shared by threads under an ``RLock``, with the two repositories on top.

    ``run`` reopens a dropped connection once (outside a ``locked()`` block); ``locked`` blocks
    nest, the outermost holding one transaction.
    """

    dialect: ClassVar[Dialect]
    # driver errors that can mean the server dropped the connection (see _reopen)
    _lost: ClassVar[tuple[type[Exception], ...]] = ()
    _cur: Cursor

    def __init__(self, *, prefix: str, url: str) -> None:
        self.prefix = checked_prefix(prefix)
        self.url = url
        self._lock = threading.RLock()
        self._depth = 0  # nesting of locked() blocks (held with self._lock)
        self._dirty = False  # an option changed inside the current locked() block
        self.options: OptionsRepository = SqlOptions(self)
        self.users: UsersRepository = SqlUsers(self)

    # -- what each engine supplies --------------------------------------------------------------

    @abstractmethod
    def _transaction(self) -> AbstractContextManager[None]:
        """One transaction on the connection: commit at exit, roll back on error."""

    @abstractmethod
    def _bump(self) -> None:
        """Move the generation (an option changed; inside the transaction when one is open)."""

    @abstractmethod
    def write_option(self, sql: str, params: Params) -> bool:
        """Run one write to the options table; when it changed a row, move the generation."""

    @abstractmethod
    def insert_id(self, sql: str, params: Params) -> int:
        """Run an INSERT (ending in ``dialect.returning_id``) and return the new ID."""

    @abstractmethod
    def generation(self) -> int:
        """A number that changes whenever any connection commits an option write."""

    def _reopen(self, error: Exception) -> bool:
        """Reopen the connection if ``error`` (one of ``_lost``) means it dropped; else False."""
        return False

    def _hold(self, name: str | None) -> AbstractContextManager[None]:
        """A lock on option ``name`` taken before the transaction (none by default)."""
        return nullcontext()

    def _acquire(self, name: str | None) -> None:
        """Lock option ``name`` inside the open transaction (nothing by default)."""
        return None

    # -- the connection, one caller at a time ---------------------------------------------------

    def run(self, op: Callable[[Cursor], _T], *, write: bool = False) -> _T:
        """Run ``op`` with the cursor under the lock, in a transaction when ``write``.

        Outside a ``locked()`` block a dropped connection is reopened and ``op`` run once more.
        """
        with self._lock:
            try:
                return self._run_once(op, write=write)
            except self._lost as error:
                if self._depth or not self._reopen(error):
                    raise
            return self._run_once(op, write=write)

    def _run_once(self, op: Callable[[Cursor], _T], *, write: bool) -> _T:
        if not write or self._depth:
            return op(self._cur)
        with self._transaction():
            return op(self._cur)

    def fetchone(self, sql: str, params: Params) -> Row | None:
        """Run a query and return its first row."""

        def op(cur: Cursor) -> Row | None:
            cur.execute(sql, params)
            row: Row | None = cur.fetchone()
            return row

        return self.run(op)

    def fetchall(self, sql: str, params: Params) -> list[Row]:
        """Run a query and return every row."""

        def op(cur: Cursor) -> list[Row]:
            cur.execute(sql, params)
            return list(cur.fetchall())

        return self.run(op)

    def execute(self, sql: str, params: Params) -> int:
        """Run one write that leaves the generation alone; return the rows changed."""

        def op(cur: Cursor) -> int:
            cur.execute(sql, params)
            return cur.rowcount

        return self.run(op)

    def locked(self, name: str) -> AbstractContextManager[None]:
        """Hold the engine's lock on option ``name`` and a transaction until the block exits."""
        return self._block(name)

    @contextmanager
    def _block(self, name: str | None) -> Iterator[None]:
        with self._lock, self._hold(name):
            if self._depth:  # nested: the outer block's transaction is still open
                self._acquire(name)
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with self._transaction():
                self._acquire(name)
                self._depth, self._dirty = 1, False
                try:
                    yield
                    if self._dirty:
                        self._bump()
                finally:
                    self._depth = 0
