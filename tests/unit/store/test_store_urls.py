"""open_store(): URL forms, engine choice, and one-sentence StoreErrors without passwords."""

from __future__ import annotations

import secrets
import sqlite3
from pathlib import Path

import pytest

from jetpress.store.base import OptionRow
from jetpress.store.errors import StoreError
from jetpress.store.memory import MemoryStore
from jetpress.store.mysql import MysqlStore
from jetpress.store.postgres import PostgresStore
from jetpress.store.sqlite import SqliteStore
from jetpress.store.urls import open_store


def _one_sentence(error: pytest.ExceptionInfo[StoreError]) -> str:
    message = str(error.value)
    assert "\n" not in message
    assert message.endswith(".")
    assert message[0].isupper()
    return message


def test_memory_url() -> None:
    store = open_store("memory://", prefix="x_")
    assert isinstance(store, MemoryStore)
    assert (store.url, store.prefix) == ("memory://", "x_")


def test_sqlite_relative_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "data").mkdir()
    store = open_store("sqlite:///data/site.db")
    assert isinstance(store, SqliteStore)
    store.create_tables()
    store.options.insert(OptionRow("siteurl", "x"))
    store.close()
    assert (tmp_path / "data" / "site.db").is_file()
    conn = sqlite3.connect(tmp_path / "data" / "site.db")
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("SELECT option_value FROM wp_options").fetchall() == [("x",)]
    conn.close()


def test_sqlite_absolute_path(tmp_path: Path) -> None:
    path = tmp_path / "abs.db"
    store = open_store(f"sqlite:///{path}")  # tmp_path starts with "/": four slashes
    assert f"sqlite:///{path}".startswith("sqlite:////")
    store.create_tables()
    store.close()
    assert path.is_file()


def test_sqlite_in_memory() -> None:
    store = open_store("sqlite:///:memory:")
    store.create_tables()
    assert store.options.insert(OptionRow("a", "1"))
    assert store.options.load("a") == OptionRow("a", "1")
    store.close()


def test_sqlite_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as error:
        open_store(f"sqlite:///{tmp_path}/no/such/dir/site.db")
    assert "Cannot open the SQLite database" in _one_sentence(error)


def test_sqlite_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError) as error:
        open_store(f"sqlite:///{path}")
    assert "SQLite" in _one_sentence(error)


@pytest.mark.parametrize("url", ["sqlite://site.db", "sqlite://", "sqlite:///"])
def test_sqlite_without_path(url: str) -> None:
    with pytest.raises(StoreError) as error:
        open_store(url)
    assert "sqlite:///site.db" in _one_sentence(error)


@pytest.mark.parametrize("url", ["ftp://host/db", "oracle://u@h/db", "site.db", ""])
def test_unsupported_url(url: str) -> None:
    with pytest.raises(StoreError) as error:
        open_store(url)
    assert "memory://" in _one_sentence(error)


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("mysql://root@127.0.0.1:3306", "database name"),
        ("mysql://root@127.0.0.1:3306/", "database name"),
        ("mysql://root@127.0.0.1:3306/a/b", "database name"),
        ("mysql://root:pw@127.0.0.1:notaport/db", "host or port"),
        ("mysql://root@127.0.0.1/db?ssl=1", "'ssl' is not supported"),
    ],
)
def test_bad_mysql_urls(url: str, words: str) -> None:
    with pytest.raises(StoreError) as error:
        open_store(url)
    message = _one_sentence(error)
    assert words in message
    assert ":pw@" not in message


def test_unreachable_mysql_hides_password() -> None:
    with pytest.raises(StoreError) as error:
        open_store("mysql://root:s3cret@127.0.0.1:1/wordpress")
    message = _one_sentence(error)
    assert message.startswith("Cannot connect to MySQL database 'wordpress' at 127.0.0.1:1:")
    assert "s3cret" not in message


def test_unreachable_postgres_hides_password() -> None:
    with pytest.raises(StoreError) as error:
        open_store("postgresql://postgres:s3cret@127.0.0.1:1/wordpress")
    message = _one_sentence(error)
    assert message.startswith("Cannot connect to PostgreSQL database 'wordpress' at 127.0.0.1:1:")
    assert "s3cret" not in message


def test_bad_postgres_conninfo() -> None:
    with pytest.raises(StoreError) as error:
        open_store("postgresql://postgres@127.0.0.1:1/db?nosuchoption=1")
    assert "PostgreSQL" in _one_sentence(error)


@pytest.mark.mysql
def test_mysql_wrong_password(mysql_url: str) -> None:
    bad = mysql_url.replace("://root@", "://nobody_jetpress:wrong@", 1)
    with pytest.raises(StoreError) as error:
        open_store(bad)
    message = _one_sentence(error)
    assert "Access denied" in message
    assert "wrong" not in message.replace("nobody_jetpress", "")


@pytest.mark.mysql
@pytest.mark.parametrize("scheme", ["mysql", "mariadb", "MySQL"])
def test_mysql_schemes(mysql_url: str, scheme: str, dropped: list[tuple[str, str]]) -> None:
    url = scheme + mysql_url[mysql_url.index("://") :]
    prefix = f"t{secrets.token_hex(4)}_"
    store = open_store(url, prefix=prefix)
    dropped.append((mysql_url, prefix))
    assert isinstance(store, MysqlStore)
    assert store.url == url
    store.close()


@pytest.mark.postgres
@pytest.mark.parametrize("scheme", ["postgresql", "postgres"])
def test_postgres_schemes(pg_url: str, scheme: str, dropped: list[tuple[str, str]]) -> None:
    url = scheme + pg_url[pg_url.index("://") :]
    prefix = f"t{secrets.token_hex(4)}_"
    store = open_store(url, prefix=prefix)
    dropped.append((pg_url, prefix))
    assert isinstance(store, PostgresStore)
    assert store.url == url
    store.close()
