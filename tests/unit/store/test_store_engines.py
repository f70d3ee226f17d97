"""Engine specifics: WordPress's exact schema, MySQL's collation and sql_mode, reconnects."""

from __future__ import annotations

import secrets
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pymysql
import pytest

from jetpress.store.base import OptionRow, UserRow
from jetpress.store.mysql import MysqlStore
from jetpress.store.postgres import PostgresStore
from jetpress.store.sqlite import SqliteStore
from jetpress.store.urls import open_store

# WP 6.1 wp-admin/includes/schema.php: column names in order, per table
COLUMNS = {
    "options": ["option_id", "option_name", "option_value", "autoload"],
    "users": [
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
    ],
    "usermeta": ["umeta_id", "user_id", "meta_key", "meta_value"],
}

# WP 6.1 schema.php, as MariaDB reports it back (information_schema COLUMN_TYPE)
MYSQL_TYPES = {
    "options": ["bigint(20) unsigned", "varchar(191)", "longtext", "varchar(20)"],
    "users": [
        "bigint(20) unsigned",
        "varchar(60)",
        "varchar(255)",
        "varchar(50)",
        "varchar(100)",
        "varchar(100)",
        "datetime",
        "varchar(255)",
        "int(11)",
        "varchar(250)",
    ],
    "usermeta": ["bigint(20) unsigned", "bigint(20) unsigned", "varchar(255)", "longtext"],
}


def _user(login: str, user_id: int = 0) -> UserRow:
    return UserRow(id=user_id, login=login, pass_hash="h", nicename=login, email=f"{login}@x.org")


# -- SQLite --------------------------------------------------------------------------------------


def test_sqlite_schema(tmp_path: Path) -> None:
    store = SqliteStore(str(tmp_path / "s.db"), prefix="wp_")
    store.create_tables()
    conn = sqlite3.connect(tmp_path / "s.db")
    for table, names in COLUMNS.items():
        info = conn.execute(f"PRAGMA table_info(wp_{table})").fetchall()
        assert [row[1] for row in info] == names
    indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='index'")}
    assert {"wp_options_autoload", "wp_users_user_login_key", "wp_usermeta_meta_key"} <= indexes
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    conn.close()
    store.close()


def test_sqlite_busy_writer_waits(tmp_path: Path) -> None:
    path = str(tmp_path / "s.db")
    store, other = SqliteStore(path), SqliteStore(path)
    store.create_tables()
    store.options.insert(OptionRow("a", "0"))
    entered = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with store.options.locked("a"):
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=hold)
    thread.start()
    assert entered.wait(5)
    timer = threading.Timer(0.2, release.set)
    timer.start()
    assert other.options.update("a", "1") is True  # waited for the lock (busy_timeout)
    thread.join(5)
    assert store.options.load("a") == OptionRow("a", "1")
    store.close()
    other.close()


# -- MariaDB / MySQL -----------------------------------------------------------------------------


@pytest.fixture
def mysql_store(mysql_url: str, dropped: list[tuple[str, str]]) -> Iterator[MysqlStore]:
    prefix = f"t{secrets.token_hex(4)}_"
    dropped.append((mysql_url, prefix))
    store = open_store(mysql_url, prefix=prefix)
    assert isinstance(store, MysqlStore)
    store.create_tables()
    store.truncate()
    yield store
    store.close()


@pytest.mark.mysql
def test_mysql_schema_is_wordpress(mysql_store: MysqlStore) -> None:
    for table, types in MYSQL_TYPES.items():
        rows = mysql_store.fetchall(
            "SELECT COLUMN_NAME, COLUMN_TYPE, COLLATION_NAME FROM information_schema.COLUMNS"
            " WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = %s ORDER BY ORDINAL_POSITION",
            (f"{mysql_store.prefix}{table}",),
        )
        assert [r[0] for r in rows] == COLUMNS[table]
        assert [r[1] for r in rows] == types
        assert {r[2] for r in rows} - {None} == {"utf8mb4_unicode_520_ci"}
    p = mysql_store.prefix
    keys = mysql_store.fetchall(
        "SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART"
        " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE()"
        " AND TABLE_NAME IN (%s, %s, %s)",
        (f"{p}options", f"{p}users", f"{p}usermeta"),
    )
    assert {(t.removeprefix(p), i, n, c, s) for t, i, n, c, s in keys} == {
        ("options", "PRIMARY", 0, "option_id", None),
        ("options", "option_name", 0, "option_name", None),
        ("options", "autoload", 1, "autoload", None),
        ("users", "PRIMARY", 0, "ID", None),
        ("users", "user_login_key", 1, "user_login", None),
        ("users", "user_nicename", 1, "user_nicename", None),
        ("users", "user_email", 1, "user_email", None),
        ("usermeta", "PRIMARY", 0, "umeta_id", None),
        ("usermeta", "user_id", 1, "user_id", None),
        ("usermeta", "meta_key", 1, "meta_key", 191),
    }


@pytest.mark.mysql
def test_mysql_collation_folds_case_as_wordpress_does(mysql_store: MysqlStore) -> None:
    # utf8mb4_unicode_520_ci (WP 6.1 wpdb::determine_charset): names compare case-insensitively
    mysql_store.options.insert(OptionRow("siteurl", "x"))
    assert mysql_store.options.insert(OptionRow("SiteURL", "y")) is False
    row = mysql_store.options.load("SITEURL")
    assert row is not None
    assert row.value == "x"
    mysql_store.users.insert(_user("Admin"))
    found = mysql_store.users.by_login("admin")
    assert found is not None
    assert found.login == "Admin"


@pytest.mark.mysql
def test_mysql_session_drops_strict_modes_like_wordpress(mysql_store: MysqlStore) -> None:
    row = mysql_store.fetchone("SELECT @@SESSION.sql_mode", ())
    assert row is not None
    modes = set(str(row[0]).split(","))
    assert not modes & {"STRICT_TRANS_TABLES", "STRICT_ALL_TABLES", "NO_ZERO_DATE", "TRADITIONAL"}
    # non-strict MySQL truncates an over-long name, as under WordPress
    assert mysql_store.options.insert(OptionRow("n" * 200, "v")) is True
    assert mysql_store.options.load("n" * 191) is not None


@pytest.mark.mysql
def test_mysql_serves_an_existing_multisite_users_table(
    mysql_url: str, dropped: list[tuple[str, str]]
) -> None:
    prefix = f"t{secrets.token_hex(4)}_"
    dropped.append((mysql_url, prefix))
    admin = pymysql.connect(**_mysql_kwargs(mysql_url))
    with admin.cursor() as cur:
        cur.execute(  # WP 6.1 schema.php $users_multi_table: two more columns
            f"CREATE TABLE `{prefix}users` (ID bigint(20) unsigned NOT NULL auto_increment,"
            " user_login varchar(60) NOT NULL default '', user_pass varchar(255) NOT NULL"
            " default '', user_nicename varchar(50) NOT NULL default '', user_email"
            " varchar(100) NOT NULL default '', user_url varchar(100) NOT NULL default '',"
            " user_registered datetime NOT NULL default '0000-00-00 00:00:00',"
            " user_activation_key varchar(255) NOT NULL default '', user_status int(11) NOT NULL"
            " default '0', display_name varchar(250) NOT NULL default '', spam tinyint(2) NOT"
            " NULL default '0', deleted tinyint(2) NOT NULL default '0', PRIMARY KEY (ID))"
        )
        cur.execute(f"INSERT INTO `{prefix}users` (user_login, spam) VALUES ('old', 1)")
    admin.close()
    store = open_store(mysql_url, prefix=prefix)
    store.create_tables()  # leaves the existing table alone
    assert [u.login for u in store.users.all()] == ["old"]
    assert store.users.insert(_user("new")) == 2
    store.close()


def _mysql_kwargs(url: str) -> dict[str, Any]:
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    return {
        "host": parts.hostname,
        "port": parts.port or 3306,
        "user": unquote(parts.username or "root"),
        "password": unquote(parts.password or ""),
        "database": parts.path.lstrip("/"),
        "autocommit": True,
    }


@pytest.mark.mysql
def test_mysql_reconnects_after_the_server_drops_it(
    mysql_store: MysqlStore, mysql_url: str
) -> None:
    mysql_store.options.insert(OptionRow("a", "1"))
    row = mysql_store.fetchone("SELECT CONNECTION_ID()", ())
    assert row is not None
    admin = pymysql.connect(**_mysql_kwargs(mysql_url))
    with admin.cursor() as cur:
        cur.execute(f"KILL CONNECTION {int(row[0])}")
    admin.close()
    assert mysql_store.options.load("a") == OptionRow("a", "1")
    assert mysql_store.options.update("a", "2") is True
    with mysql_store.options.locked("a"):
        mysql_store.options.update("a", "3")
    assert mysql_store.options.load("a") == OptionRow("a", "3")


# -- PostgreSQL ----------------------------------------------------------------------------------


@pytest.fixture
def pg_store(pg_url: str, dropped: list[tuple[str, str]]) -> Iterator[PostgresStore]:
    prefix = f"t{secrets.token_hex(4)}_"
    dropped.append((pg_url, prefix))
    store = open_store(pg_url, prefix=prefix)
    assert isinstance(store, PostgresStore)
    store.create_tables()
    store.truncate()
    yield store
    store.close()


@pytest.mark.postgres
def test_postgres_schema_columns(pg_store: PostgresStore) -> None:
    for table, names in COLUMNS.items():
        rows = pg_store.fetchall(
            "SELECT column_name FROM information_schema.columns WHERE table_name = %s"
            " ORDER BY ordinal_position",
            (f"{pg_store.prefix}{table}",),
        )
        assert [r[0] for r in rows] == names


@pytest.mark.postgres
def test_postgres_reconnects_after_the_server_drops_it(
    pg_store: PostgresStore, pg_url: str
) -> None:
    pg_store.options.insert(OptionRow("a", "1"))
    row = pg_store.fetchone("SELECT pg_backend_pid()", ())
    assert row is not None
    with psycopg.connect(pg_url, autocommit=True) as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", (row[0],))
    assert pg_store.options.load("a") == OptionRow("a", "1")
    assert pg_store.options.update("a", "2") is True
    with pg_store.options.locked("a"):
        pg_store.options.update("a", "3")
    assert pg_store.options.load("a") == OptionRow("a", "3")
