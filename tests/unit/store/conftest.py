"""Store fixtures: one contract, four engines; server engines on the URLs from the environment.

MariaDB and PostgreSQL tests skip when their server is unreachable, unless
JETPRESS_REQUIRE_DBS=1 (CI), when they fail. Each test gets its own random table prefix.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import psycopg
import pymysql
import pytest

from jetpress.store.base import Store
from jetpress.store.urls import open_store

MYSQL_URL = os.environ.get("JETPRESS_TEST_MYSQL_URL", "mysql://root@127.0.0.1:3306/jetpress_test")
PG_URL = os.environ.get(
    "JETPRESS_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/jetpress_test"
)
REQUIRE_DBS = os.environ.get("JETPRESS_REQUIRE_DBS") == "1"
TABLES = ("options", "users", "usermeta", "jetpress_state")


def _unavailable(what: str, error: Exception) -> None:
    message = f"{what} unreachable ({error}); set JETPRESS_REQUIRE_DBS=1 to fail instead"
    if REQUIRE_DBS:
        pytest.fail(message)
    pytest.skip(message)


def _mysql_params(url: str) -> dict[str, Any]:
    parts = urlsplit(url)
    return {
        "host": parts.hostname or "localhost",
        "port": parts.port or 3306,
        "user": unquote(parts.username or "root"),
        "password": unquote(parts.password or ""),
        "charset": "utf8mb4",
        "autocommit": True,
    }


def mysql_admin(url: str) -> pymysql.connections.Connection[pymysql.cursors.Cursor]:
    """A raw PyMySQL connection to the test database."""
    database = unquote(urlsplit(url).path.lstrip("/"))
    return pymysql.connect(database=database, **_mysql_params(url))


def pg_admin(url: str) -> psycopg.Connection[tuple[object, ...]]:
    """A raw psycopg connection to the test database."""
    return psycopg.connect(url, autocommit=True)


@pytest.fixture(scope="session")
def mysql_url() -> str:
    """The MariaDB test URL, its database created if missing; skips when unreachable."""
    database = unquote(urlsplit(MYSQL_URL).path.lstrip("/"))
    try:
        conn = pymysql.connect(connect_timeout=3, **_mysql_params(MYSQL_URL))
    except pymysql.Error as error:
        _unavailable("MariaDB/MySQL", error)
    with conn.cursor() as cur:
        cur.execute(
            f"CREATE DATABASE IF NOT EXISTS `{database}`"
            " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_520_ci"
        )
    conn.close()
    return MYSQL_URL


@pytest.fixture(scope="session")
def pg_url() -> str:
    """The PostgreSQL test URL, its database created if missing; skips when unreachable."""
    parts = urlsplit(PG_URL)
    database = parts.path.lstrip("/")
    try:
        conn = psycopg.connect(
            parts._replace(path="/postgres").geturl(), autocommit=True, connect_timeout=3
        )
    except psycopg.Error as error:
        _unavailable("PostgreSQL", error)
    if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (database,)).fetchone() is None:
        try:
            conn.execute(f'CREATE DATABASE "{database}"')
        except psycopg.errors.DuplicateDatabase:
            pass  # created meanwhile by another run
    conn.close()
    return PG_URL


def drop_tables(url: str, prefix: str) -> None:
    """Drop a test's tables (server engines)."""
    if url.startswith("mysql"):
        conn = mysql_admin(url)
        with conn.cursor() as cur:
            for t in TABLES:
                cur.execute(f"DROP TABLE IF EXISTS `{prefix}{t}`")
        conn.close()
    elif url.startswith("postgres"):
        with pg_admin(url) as pconn:
            for t in TABLES:
                pconn.execute(f'DROP TABLE IF EXISTS "{prefix}{t}"')


@dataclass
class Engine:
    """One engine under test: its URL and a factory of stores on the same database."""

    name: str
    url: str
    prefix: str
    opened: list[Store]

    def open(self, *, prefix: str | None = None, create: bool = True) -> Store:
        """Another store object (own connection) on the same database; memory shares one."""
        if self.name == "memory" and self.opened and prefix is None:
            return self.opened[0]
        store = open_store(self.url, prefix=prefix or self.prefix)
        if create:
            store.create_tables()
        self.opened.append(store)
        return store


ENGINES = [
    "memory",
    "sqlite",
    pytest.param("mysql", marks=pytest.mark.mysql),
    pytest.param("postgres", marks=pytest.mark.postgres),
]


def random_prefix() -> str:
    """A fresh table prefix, so that tests never share tables."""
    return f"t{secrets.token_hex(4)}_"


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """Each engine in turn, with a random prefix; its tables are dropped afterwards."""
    name: str = request.param
    if name == "memory":
        url = "memory://"
    elif name == "sqlite":
        url = f"sqlite:///{tmp_path / 'site.db'}"
    elif name == "mysql":
        url = request.getfixturevalue("mysql_url")
    else:
        url = request.getfixturevalue("pg_url")
    eng = Engine(name, url, random_prefix(), [])
    yield eng
    prefixes = {s.prefix for s in eng.opened}
    for store in eng.opened:
        store.close()
    for prefix in prefixes:
        drop_tables(url, prefix)


@pytest.fixture
def store(engine: Engine) -> Store:
    """A store with its tables created, on each engine."""
    return engine.open()


@pytest.fixture
def make_store(engine: Engine) -> Callable[..., Store]:
    """Open more stores on the same database as ``store``."""
    return engine.open


@pytest.fixture
def dropped() -> Iterator[list[tuple[str, str]]]:
    """Append (url, prefix) pairs: their tables are dropped after the test."""
    pairs: list[tuple[str, str]] = []
    yield pairs
    for url, prefix in pairs:
        drop_tables(url, prefix)
