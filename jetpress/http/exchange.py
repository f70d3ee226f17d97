"""Exchange and Reply: the HTTP request and response as the edge handlers see them."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any
from urllib.parse import quote, unquote

from jetpress import php
from jetpress.wp.auth.login import Cookie
from jetpress.wp.rest.request import string_keys


@dataclass(slots=True)
class Exchange:
    """One HTTP request: method, paths, PHP-parsed query, headers, cookies and body."""

    method: str
    path: str
    raw_path: str
    query_string: str
    query: dict[str, Any]
    headers: list[tuple[str, str]]
    body: bytes
    cookies: dict[str, str]
    secure: bool
    client: str
    host: str
    _form: dict[str, Any] | None = None

    @classmethod
    def from_scope(cls, scope: MutableMapping[str, Any], body: bytes) -> Exchange:
        headers = [(k.decode("latin-1"), v.decode("latin-1")) for k, v in scope.get("headers", [])]
        raw = scope.get("raw_path")
        raw_path = raw.decode("latin-1") if raw else quote(scope.get("path", "/"))
        raw_path = raw_path.split("?", 1)[0]
        query_string = scope.get("query_string", b"").decode("latin-1")
        cookies: dict[str, str] = {}
        host = ""
        for name, value in headers:
            lname = name.lower()
            if lname == "cookie":
                cookies.update(parse_cookie_header(value))
            elif lname == "host":
                host = value
        client = scope.get("client") or ("", 0)
        return cls(
            method=scope.get("method", "GET").upper(),
            path=unquote(raw_path, errors="surrogateescape"),
            raw_path=raw_path,
            query_string=query_string,
            query=string_keys(php.parse_str(query_string)) if query_string else {},
            headers=headers,
            body=body,
            cookies=cookies,
            secure=scope.get("scheme") == "https",
            client=str(client[0] or ""),
            host=host or "localhost",
        )

    def header(self, name: str) -> str | None:
        lname = name.lower()
        for key, value in self.headers:
            if key.lower() == lname:
                return value
        return None

    def canonical_headers(self) -> dict[str, str]:
        """Header names as WP_REST_Request keeps them; repeated headers joined by ``,``."""
        out: dict[str, str] = {}
        for key, value in self.headers:
            name = key.lower().replace("-", "_")
            out[name] = out[name] + "," + value if name in out else value
        return out

    @property
    def form_content_type(self) -> bool:
        ctype = (self.header("content-type") or "").split(";", 1)[0].strip().lower()
        return ctype == "application/x-www-form-urlencoded"

    def form(self) -> dict[str, Any]:
        """$_POST for a form POST."""
        if self._form is None:  # parsed once: the REST route and $_POST both read it
            self._form = string_keys(php.parse_str(self.body)) if self.form_content_type else {}
        return self._form

    def full_url(self) -> str:
        scheme = "https" if self.secure else "http"
        qs = "?" + self.query_string if self.query_string else ""
        return f"{scheme}://{self.host}{self.raw_path}{qs}"


@dataclass(slots=True)
class Reply:
    """Status, headers (in order), body and cookies to set."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""
    set_cookies: list[str] = field(default_factory=list)

    def add_cookie(self, cookie: Cookie) -> None:
        self.set_cookies.append(format_cookie(cookie))


def parse_cookie_header(value: str) -> dict[str, str]:
    """PHP's $_COOKIE: ``;``-separated pairs; values kept URL-encoded for the callers to decode."""
    out: dict[str, str] = {}
    for part in value.split(";"):
        name, sep, item = part.strip().partition("=")
        if not sep or not name:
            continue
        # PHP turns '.' and ' ' in cookie names into '_' and keeps the first of duplicates.
        key = name.replace(".", "_").replace(" ", "_")
        out.setdefault(key, item)
    return out


def format_cookie(cookie: Cookie) -> str:
    """``setcookie()``'s header: the value rawurlencoded, expires as PHP writes it."""
    parts = [f"{cookie.name}={quote(cookie.value, safe='-_.~', errors='surrogateescape')}"]
    if cookie.expires:
        parts.append("expires=" + formatdate(cookie.expires, usegmt=True))
    parts.append(f"path={cookie.path}")
    if cookie.secure:
        parts.append("secure")
    if cookie.httponly:
        parts.append("HttpOnly")
    return "; ".join(parts)
