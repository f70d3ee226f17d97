"""open_store(): a database URL to a connected Store of the matching engine.

``sqlite:///relative.db``, ``sqlite:////abs/path.db``, ``sqlite:///:memory:``, ``memory://``,
``mysql://user:pass@host:port/db`` (or ``mariadb://``, ``?unix_socket=/path``), and
``postgresql://...`` / ``postgres://...`` (any libpq URI).
"""

from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

from jetpress.store.base import Store
from jetpress.store.errors import StoreError, checked_prefix

_FORMS = (
    "sqlite:///PATH.db, mysql://USER:PASSWORD@HOST:PORT/DATABASE,"
    " postgresql://USER:PASSWORD@HOST:PORT/DATABASE or memory://"
)


def open_store(url: str, *, prefix: str = "wp_") -> Store:
    """Connect to the database at ``url`` (tables are not created: see ``Store.create_tables``).

    Raises ``StoreError`` with one readable sentence for a bad URL or prefix, or an unreachable
    database.
    """
    checked_prefix(prefix)
    scheme, sep, rest = url.partition("://")
    scheme = scheme.lower()
    if not sep:
        raise StoreError(f"The database URL {_shown(url)!r} is not valid: use {_FORMS}.")
    if scheme == "memory":
        from jetpress.store.memory import MemoryStore

        return MemoryStore(prefix=prefix, url=url)
    if scheme == "sqlite":
        return _sqlite(url, rest, prefix)
    if scheme in ("mysql", "mariadb"):
        return _mysql(url, prefix)
    if scheme in ("postgresql", "postgres"):
        from jetpress.store.postgres import PostgresStore

        return PostgresStore(url, prefix=prefix, url=url)
    raise StoreError(f"The database URL scheme {scheme!r} is not supported: use {_FORMS}.")


def _sqlite(url: str, rest: str, prefix: str) -> Store:
    from jetpress.store.sqlite import SqliteStore

    # SQLAlchemy's form: three slashes then the path, so a fourth slash makes it absolute
    if not rest.startswith("/") or rest == "/":
        raise StoreError(
            f"The SQLite URL {url!r} has no file path: write sqlite:///site.db (relative)"
            " or sqlite:////var/lib/site.db (absolute)."
        )
    return SqliteStore(rest[1:], prefix=prefix, url=url)


def _mysql(url: str, prefix: str) -> Store:
    from jetpress.store.mysql import MysqlStore

    try:
        parts = urlsplit(url)
        port = parts.port or 3306
    except ValueError:
        raise StoreError(f"The MySQL URL {_shown(url)!r} has an invalid host or port.") from None
    database = unquote(parts.path.lstrip("/"))
    if not database or "/" in database:
        raise StoreError(
            f"The MySQL URL {_shown(url)!r} needs one database name, as in"
            " mysql://USER:PASSWORD@HOST:3306/wordpress."
        )
    query = parse_qs(parts.query, keep_blank_values=True)
    unknown = sorted(set(query) - {"unix_socket"})
    if unknown:
        raise StoreError(
            f"The MySQL URL option {unknown[0]!r} is not supported (only unix_socket is)."
        )
    return MysqlStore(
        host=parts.hostname or "localhost",
        port=port,
        user=unquote(parts.username) if parts.username else None,
        password=unquote(parts.password or ""),
        database=database,
        unix_socket=query["unix_socket"][-1] if "unix_socket" in query else None,
        prefix=prefix,
        url=url,
    )


def _shown(url: str) -> str:
    """The URL with any password replaced by ***, for messages."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
        return parts._replace(netloc=netloc).geturl()
    except ValueError:
        return url.split("@")[-1]
