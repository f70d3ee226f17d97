"""MariaDB/MySQL engine (PyMySQL): WordPress's own tables, as WordPress's schema.php creates them.

One connection per store, guarded by a ``threading.RLock``, autocommit, reconnected once when it
drops. Option writes bump ``<prefix>jetpress_state`` in the same transaction (see ``generation``).
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, TypeVar

import pymysql
import pymysql.converters
from pymysql.constants import ER, FIELD_TYPE
from pymysql.cursors import Cursor

from jetpress.store.base import OptionRow, OptionsRepository, UserRow, UsersRepository
from jetpress.store.errors import StoreError, checked_prefix

_T = TypeVar("_T")
_Row = tuple[Any, ...]

# WP 6.1 class-wpdb.php $incompatible_modes, removed from the session's sql_mode by set_sql_mode()
_INCOMPATIBLE_MODES = frozenset(
    [
        "NO_ZERO_DATE",
        "ONLY_FULL_GROUP_BY",
        "STRICT_TRANS_TABLES",
        "STRICT_ALL_TABLES",
        "TRADITIONAL",
        "ANSI",
    ]
)
# WP 6.1 class-wpdb.php determine_charset(): utf8mb4 + utf8mb4_unicode_520_ci when supported
_CHARSET_COLLATE = "DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
_LOCK_WAIT_SECONDS = 30
# Client errors that mean the connection is gone (CR_SERVER_GONE_ERROR, CR_SERVER_LOST, ...)
_DISCONNECTS = frozenset((2006, 2013, 2014, 2045, 2055))
# Dates come back as the text MySQL holds ('0000-00-00 00:00:00' has no Python datetime)
_CONVERSIONS = {
    k: v
    for k, v in pymysql.converters.conversions.items()
    if k not in (FIELD_TYPE.DATETIME, FIELD_TYPE.TIMESTAMP, FIELD_TYPE.DATE, FIELD_TYPE.TIME)
}

_USER_COLUMNS = (
    "ID, user_login, user_pass, user_nicename, user_email, user_url, user_registered,"
    " user_activation_key, user_status, display_name"
)

# WP 6.1 wp-admin/includes/schema.php wp_get_db_schema(), verbatim but IF NOT EXISTS; the state
# table is jetpress's own (the options generation counter).
_DDL = (
    """CREATE TABLE IF NOT EXISTS `{p}users` (
\tID bigint(20) unsigned NOT NULL auto_increment,
\tuser_login varchar(60) NOT NULL default '',
\tuser_pass varchar(255) NOT NULL default '',
\tuser_nicename varchar(50) NOT NULL default '',
\tuser_email varchar(100) NOT NULL default '',
\tuser_url varchar(100) NOT NULL default '',
\tuser_registered datetime NOT NULL default '0000-00-00 00:00:00',
\tuser_activation_key varchar(255) NOT NULL default '',
\tuser_status int(11) NOT NULL default '0',
\tdisplay_name varchar(250) NOT NULL default '',
\tPRIMARY KEY  (ID),
\tKEY user_login_key (user_login),
\tKEY user_nicename (user_nicename),
\tKEY user_email (user_email)
) {c}""",
    """CREATE TABLE IF NOT EXISTS `{p}usermeta` (
\tumeta_id bigint(20) unsigned NOT NULL auto_increment,
\tuser_id bigint(20) unsigned NOT NULL default '0',
\tmeta_key varchar(255) default NULL,
\tmeta_value longtext,
\tPRIMARY KEY  (umeta_id),
\tKEY user_id (user_id),
\tKEY meta_key (meta_key(191))
) {c}""",
    """CREATE TABLE IF NOT EXISTS `{p}options` (
\toption_id bigint(20) unsigned NOT NULL auto_increment,
\toption_name varchar(191) NOT NULL default '',
\toption_value longtext NOT NULL,
\tautoload varchar(20) NOT NULL default 'yes',
\tPRIMARY KEY  (option_id),
\tUNIQUE KEY option_name (option_name),
\tKEY autoload (autoload)
) {c}""",
)
_STATE_DDL = """CREATE TABLE IF NOT EXISTS `{p}jetpress_state` (
\tid tinyint unsigned NOT NULL,
\tgeneration bigint unsigned NOT NULL default '0',
\tPRIMARY KEY  (id)
) {c}"""


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


def _reason(error: BaseException) -> str:
    args: tuple[object, ...] = tuple(getattr(error, "args", ()))
    text = str(args[1]) if len(args) > 1 else str(error)
    return text.strip().rstrip(".") or type(error).__name__


class MysqlOptions:
    """``<prefix>options`` on MariaDB/MySQL."""

    def __init__(self, store: MysqlStore) -> None:
        self._store = store
        t = f"`{store.prefix}options`"
        self._load = f"SELECT option_value, autoload FROM {t} WHERE option_name = %s LIMIT 1"
        # WP 6.1 option.php wp_load_alloptions(); InnoDB gives the rows in option_id order
        self._autoloaded = (
            f"SELECT option_name, option_value FROM {t} WHERE autoload = 'yes' ORDER BY option_id"
        )
        # WP 6.1 option.php add_option() uses ON DUPLICATE KEY UPDATE too; this no-op update
        # reports 0 affected rows (and writes nothing) when the name exists
        self._insert = (
            f"INSERT INTO {t} (option_name, option_value, autoload) VALUES (%s, %s, %s)"
            " ON DUPLICATE KEY UPDATE option_id = option_id"
        )
        # Affected rows count only changed rows (no CLIENT.FOUND_ROWS): same value → 0
        self._update = f"UPDATE {t} SET option_value = %s WHERE option_name = %s"
        self._update_autoload = (
            f"UPDATE {t} SET option_value = %s, autoload = %s WHERE option_name = %s"
        )
        self._delete = f"DELETE FROM {t} WHERE option_name = %s"

    def load(self, name: str) -> OptionRow | None:
        """The row named ``name`` (compared with the table's collation), or None."""
        row = self._store.fetchone(self._load, (name,))
        return None if row is None else OptionRow(name, row[0], row[1])

    def autoloaded(self) -> list[OptionRow]:
        """Rows with autoload 'yes', in option_id order."""
        return [OptionRow(n, v) for n, v in self._store.fetchall(self._autoloaded, ())]

    def insert(self, row: OptionRow) -> bool:
        """Add a row; False (and no write) when the name exists."""
        return self._store.write(self._insert, (row.name, row.value, row.autoload)) == 1

    def update(self, name: str, value: str, autoload: str | None = None) -> bool:
        """Update the row; True only when a value changed (MySQL's affected rows)."""
        if autoload is None:
            return self._store.write(self._update, (value, name)) > 0
        return self._store.write(self._update_autoload, (value, autoload, name)) > 0

    def delete(self, name: str) -> bool:
        """Delete the row; True when there was one."""
        return self._store.write(self._delete, (name,)) > 0

    def generation(self) -> int:
        """The counter in ``<prefix>jetpress_state``, bumped with every committed option write."""
        return self._store.generation()

    def locked(self, name: str) -> AbstractContextManager[None]:
        """GET_LOCK on the option's name, then a transaction that commits when the block exits."""
        return self._store.locked(name)


class MysqlUsers:
    """``<prefix>users`` and ``<prefix>usermeta`` on MariaDB/MySQL."""

    def __init__(self, store: MysqlStore) -> None:
        self._store = store
        u, m = f"`{store.prefix}users`", f"`{store.prefix}usermeta`"
        select = f"SELECT {_USER_COLUMNS} FROM {u}"
        self._by_id = f"{select} WHERE ID = %s"
        # WP 6.1 class-wp-user.php get_data_by(): "WHERE $db_field = %s LIMIT 1"
        self._by_login = f"{select} WHERE user_login = %s ORDER BY ID LIMIT 1"
        self._by_email = f"{select} WHERE user_email = %s ORDER BY ID LIMIT 1"
        self._all = f"{select} ORDER BY ID"
        self._insert = (
            f"INSERT INTO {u} ({_USER_COLUMNS}) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s)"
        )
        self._update_pass = f"UPDATE {u} SET user_pass = %s WHERE ID = %s"
        self._get_meta = (
            f"SELECT meta_value FROM {m} WHERE user_id = %s AND meta_key = %s ORDER BY umeta_id"
        )
        self._all_meta = (
            f"SELECT meta_key, meta_value FROM {m} WHERE user_id = %s ORDER BY umeta_id"
        )
        self._meta_ids = f"SELECT umeta_id FROM {m} WHERE user_id = %s AND meta_key = %s LIMIT 1"
        self._add_meta = f"INSERT INTO {m} (user_id, meta_key, meta_value) VALUES (%s, %s, %s)"
        self._set_meta = f"UPDATE {m} SET meta_value = %s WHERE user_id = %s AND meta_key = %s"
        self._delete_meta = f"DELETE FROM {m} WHERE user_id = %s AND meta_key = %s"

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
        """Insert a user; id 0 lets AUTO_INCREMENT choose (MySQL: inserting 0 means "next")."""
        values = (
            row.id or None,
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
        return self._store.insert_id(self._insert, values)

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

        def op(cur: Cursor) -> None:
            cur.execute(self._meta_ids, (user_id, key))
            if cur.fetchone() is None:
                cur.execute(self._add_meta, (user_id, key, value))
            else:
                cur.execute(self._set_meta, (value, user_id, key))

        self._store.run(op)

    def delete_meta(self, user_id: int, key: str) -> bool:
        """Delete every row of ``key``; True when there was one."""
        return self._store.write(self._delete_meta, (user_id, key), bump=False) > 0


class MysqlStore:
    """One MariaDB/MySQL database (``mysql://user:pass@host:port/db``) with WordPress's tables."""

    def __init__(
        self,
        *,
        host: str = "localhost",
        port: int = 3306,
        user: str | None = None,
        password: str = "",
        database: str,
        unix_socket: str | None = None,
        prefix: str = "wp_",
        url: str | None = None,
        connect_timeout: float = 5.0,
    ) -> None:
        self.prefix = checked_prefix(prefix)
        self.url = url or f"mysql://{user or ''}@{host}:{port}/{database}"
        self._params: dict[str, Any] = {
            "host": host,
            "port": port,
            "user": user,
            "password": password,
            "database": database,
            "unix_socket": unix_socket,
            "charset": "utf8mb4",
            "autocommit": True,
            "conv": _CONVERSIONS,
            "connect_timeout": connect_timeout,
        }
        self._where = f"database {database!r} at {unix_socket or f'{host}:{port}'}"
        self._lock = threading.RLock()
        self._depth = 0  # nesting of locked() blocks
        self._dirty = False  # an option changed inside the current locked() block
        self._state = f"`{self.prefix}jetpress_state`"
        self._generation_sql = f"SELECT generation FROM {self._state} WHERE id = 1"
        self._bump_sql = (
            f"INSERT INTO {self._state} (id, generation) VALUES (1, 1)"
            " ON DUPLICATE KEY UPDATE generation = generation + 1"
        )
        self._conn = self._connect()
        self._cur = self._conn.cursor()
        self.options: OptionsRepository = MysqlOptions(self)
        self.users: UsersRepository = MysqlUsers(self)

    def _connect(self) -> pymysql.connections.Connection[Cursor]:
        try:
            conn: pymysql.connections.Connection[Cursor] = pymysql.connect(**self._params)
        except pymysql.Error as error:
            raise StoreError(f"Cannot connect to MySQL {self._where}: {_reason(error)}.") from None
        try:
            with conn.cursor() as cur:
                cur.execute("SELECT @@SESSION.sql_mode")
                row = cur.fetchone()
                modes = str(row[0] if row else "").split(",")
                # WP 6.1 class-wpdb.php set_sql_mode(): drop the modes WordPress cannot run under
                kept = ",".join(m for m in modes if m and m.upper() not in _INCOMPATIBLE_MODES)
                cur.execute("SET SESSION sql_mode = %s", (kept,))
                cur.execute(_STATE_DDL.format(p=self.prefix, c=_CHARSET_COLLATE))
        except pymysql.Error as error:
            conn.close()
            raise StoreError(f"Cannot use MySQL {self._where}: {_reason(error)}.") from None
        return conn

    def _reconnect(self) -> None:
        try:
            self._conn.close()
        except pymysql.Error:
            pass  # already closed: nothing to release
        self._conn = self._connect()
        self._cur = self._conn.cursor()

    # -- the connection, one caller at a time ---------------------------------------------------

    def run(self, op: Callable[[Cursor], _T], *, write: bool = True) -> _T:
        """Run ``op`` with the cursor under the lock, in a transaction when ``write``.

        Outside a ``locked()`` block a dropped connection is reopened and ``op`` run once more.
        """
        with self._lock:
            try:
                return self._run_once(op, write=write)
            except (pymysql.OperationalError, pymysql.InterfaceError) as error:
                if self._depth or not self._is_disconnect(error):
                    raise
            self._reconnect()
            return self._run_once(op, write=write)

    @staticmethod
    def _is_disconnect(error: pymysql.Error) -> bool:
        return isinstance(error, pymysql.InterfaceError) or (
            bool(error.args) and error.args[0] in _DISCONNECTS
        )

    def _run_once(self, op: Callable[[Cursor], _T], *, write: bool) -> _T:
        if not write or self._depth:
            return op(self._cur)
        self._conn.begin()
        try:
            result = op(self._cur)
            self._conn.commit()
        except BaseException:
            self._rollback()
            raise
        return result

    def _rollback(self) -> None:
        try:
            self._conn.rollback()
        except pymysql.Error:
            pass  # the connection is gone: the server rolled the transaction back

    def fetchone(self, sql: str, params: tuple[object, ...]) -> _Row | None:
        """Run a query and return its first row."""

        def op(cur: Cursor) -> _Row | None:
            cur.execute(sql, params)
            return cur.fetchone()

        return self.run(op, write=False)

    def fetchall(self, sql: str, params: tuple[object, ...]) -> list[_Row]:
        """Run a query and return every row."""

        def op(cur: Cursor) -> list[_Row]:
            cur.execute(sql, params)
            return list(cur.fetchall())

        return self.run(op, write=False)

    def write(self, sql: str, params: tuple[object, ...], *, bump: bool = True) -> int:
        """Run one write; with ``bump``, a change also bumps the generation in the same commit."""

        def op(cur: Cursor) -> int:
            changed = cur.execute(sql, params)
            if changed > 0 and bump:
                if self._depth:
                    self._dirty = True
                else:
                    cur.execute(self._bump_sql)
            return changed

        return self.run(op)

    def insert_id(self, sql: str, params: tuple[object, ...]) -> int:
        """Run an INSERT and return the new AUTO_INCREMENT id."""

        def op(cur: Cursor) -> int:
            cur.execute(sql, params)
            return int(cur.lastrowid)

        return self.run(op)

    def generation(self) -> int:
        """Read the options generation counter (one primary-key lookup)."""
        row = self.fetchone(self._generation_sql, ())
        return 0 if row is None else int(row[0])

    def locked(self, name: str) -> AbstractContextManager[None]:
        """Hold GET_LOCK(option) and a transaction for the block; commit, then release, at exit."""
        return self._locked(name)

    @contextmanager
    def _locked(self, name: str) -> Iterator[None]:
        db = self._params["database"]
        # GET_LOCK is server-wide and takes names of at most 64 characters: hash db.table.name
        key = "jetpress_" + hashlib.sha1(f"{db}.{self.prefix}options.{name}".encode()).hexdigest()
        with self._lock:
            got = self.fetchone("SELECT GET_LOCK(%s, %s)", (key, _LOCK_WAIT_SECONDS))
            if not got or got[0] != 1:
                raise StoreError(
                    f"Timed out after {_LOCK_WAIT_SECONDS} s waiting for the lock on option"
                    f" {name!r}."
                )
            try:
                if self._depth:  # nested: the outer block's transaction is still open
                    self._depth += 1
                    try:
                        yield
                    finally:
                        self._depth -= 1
                    return
                # after GET_LOCK: the transaction's first read sees the previous holder's commit
                self._conn.begin()
                self._depth, self._dirty = 1, False
                try:
                    yield
                    if self._dirty:
                        self._cur.execute(self._bump_sql)
                    self._conn.commit()
                except BaseException:
                    self._rollback()
                    raise
                finally:
                    self._depth = 0
            finally:
                try:
                    self._cur.execute("SELECT RELEASE_LOCK(%s)", (key,))
                except pymysql.Error:
                    pass  # connection lost: the server released the lock with the session

    # -- Store ---------------------------------------------------------------------------------

    def create_tables(self) -> None:
        """CREATE TABLE IF NOT EXISTS for WordPress's three tables and jetpress's state table."""

        def op(cur: Cursor) -> None:
            for statement in (*_DDL, _STATE_DDL):
                cur.execute(statement.format(p=self.prefix, c=_CHARSET_COLLATE))

        self.run(op, write=False)

    def is_installed(self) -> bool:
        """True when ``<prefix>options`` exists and has a ``siteurl`` row."""
        try:
            return self.options.load("siteurl") is not None
        except pymysql.ProgrammingError as error:
            if error.args and error.args[0] == ER.NO_SUCH_TABLE:
                return False
            raise

    def truncate(self) -> None:
        """Empty the three tables, restart their AUTO_INCREMENT at 1, bump the generation.

        TRUNCATE TABLE (DDL, commits by itself): ~2 ms a table, a third faster than DELETE and
        ALTER TABLE ... AUTO_INCREMENT = 1. Not for use inside a ``locked()`` block.
        """

        def op(cur: Cursor) -> None:
            for table in ("options", "users", "usermeta"):
                cur.execute(f"TRUNCATE TABLE `{self.prefix}{table}`")
            cur.execute(self._bump_sql)

        self.run(op, write=False)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            try:
                self._conn.close()
            except pymysql.Error:
                pass  # already closed
