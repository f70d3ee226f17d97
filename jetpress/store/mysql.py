"""MariaDB/MySQL engine (PyMySQL): WordPress's own tables, as WordPress's schema.php creates them.

One connection per store, guarded by a ``threading.RLock``, autocommit, reconnected once when it
drops. Option writes bump ``<prefix>jetpress_state`` in the same transaction (see ``generation``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, ClassVar

import pymysql
import pymysql.converters
from pymysql.constants import ER, FIELD_TYPE
from pymysql.cursors import Cursor as PyMysqlCursor

from jetpress.store.errors import StoreError
from jetpress.store.sql import Cursor, Dialect, Params, SqlStore

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


def _reason(error: BaseException) -> str:
    args: tuple[object, ...] = tuple(getattr(error, "args", ()))
    text = str(args[1]) if len(args) > 1 else str(error)
    return text.strip().rstrip(".") or type(error).__name__


class MysqlStore(SqlStore):
    """One MariaDB/MySQL database (``mysql://user:pass@host:port/db``) with WordPress's tables."""

    dialect: ClassVar[Dialect] = Dialect(
        quote="`",
        param="%s",
        # the no-op update of add_option's ON DUPLICATE KEY UPDATE (see SqlOptions) reports 0
        # affected rows, and writes nothing, when the name exists
        ignore_duplicate=" ON DUPLICATE KEY UPDATE option_id = option_id",
        # affected rows count only changed rows (no CLIENT.FOUND_ROWS): same values → 0
        distinct=None,
    )
    _lost = (pymysql.OperationalError, pymysql.InterfaceError)
    _cur: PyMysqlCursor

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
        super().__init__(prefix=prefix, url=url or f"mysql://{user or ''}@{host}:{port}/{database}")
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
        state = f"`{self.prefix}jetpress_state`"
        self._generation_sql = f"SELECT generation FROM {state} WHERE id = 1"
        self._bump_sql = (
            f"INSERT INTO {state} (id, generation) VALUES (1, 1)"
            " ON DUPLICATE KEY UPDATE generation = generation + 1"
        )
        self._conn = self._connect()
        self._cur = self._conn.cursor()

    def _connect(self) -> pymysql.connections.Connection[PyMysqlCursor]:
        try:
            conn: pymysql.connections.Connection[PyMysqlCursor] = pymysql.connect(**self._params)
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

    def _reopen(self, error: Exception) -> bool:
        if not isinstance(error, pymysql.InterfaceError) and (
            not error.args or error.args[0] not in _DISCONNECTS
        ):
            return False
        try:
            self._conn.close()
        except pymysql.Error:
            pass  # already closed: nothing to release
        self._conn = self._connect()
        self._cur = self._conn.cursor()
        return True

    # -- the connection, one caller at a time ---------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._conn.begin()
        try:
            yield
            self._conn.commit()
        except BaseException:
            try:
                self._conn.rollback()
            except pymysql.Error:
                pass  # the connection is gone: the server rolled the transaction back
            raise

    def write_option(self, sql: str, params: Params) -> bool:
        """Run one option write; a change bumps the generation in the same commit."""

        def op(cur: Cursor) -> bool:
            cur.execute(sql, params)
            if cur.rowcount <= 0:
                return False
            if self._depth:
                self._dirty = True  # bumped once, when the block commits
            else:
                self._bump()
            return True

        return self.run(op, write=True)

    def _bump(self) -> None:
        self._cur.execute(self._bump_sql)

    def insert_id(self, sql: str, params: Params) -> int:
        """Run an INSERT and return the new AUTO_INCREMENT id."""

        def op(cur: Cursor) -> int:
            cur.execute(sql, params)
            return int(self._cur.lastrowid)  # cur is self._cur: PyMySQL's cursor has lastrowid

        return self.run(op)

    def generation(self) -> int:
        """Read the options generation counter (one primary-key lookup)."""
        row = self.fetchone(self._generation_sql, ())
        return 0 if row is None else int(row[0])

    @contextmanager
    def _hold(self, name: str | None) -> Iterator[None]:
        """GET_LOCK on the option, before the transaction: its first read then sees the previous
        holder's commit. Released after the block's commit."""
        db = self._params["database"]
        # GET_LOCK is server-wide and takes names of at most 64 characters: hash db.table.name
        key = "jetpress_" + hashlib.sha1(f"{db}.{self.prefix}options.{name}".encode()).hexdigest()
        got = self.fetchone("SELECT GET_LOCK(%s, %s)", (key, _LOCK_WAIT_SECONDS))
        if not got or got[0] != 1:
            raise StoreError(
                f"Timed out after {_LOCK_WAIT_SECONDS} s waiting for the lock on option {name!r}."
            )
        try:
            yield
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

        self.run(op)

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

        self.run(op)

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            try:
                self._conn.close()
            except pymysql.Error:
                pass  # already closed
