"""RestRequest: one REST request, with WordPress's parameter sources and precedence.

Port of WP_REST_Request (WP 6.1 REQ). Sources are looked up JSON > POST > GET > URL > defaults
(REQ:349-407); the JSON body is parsed lazily and its error kept for ``has_valid_params``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jetpress import php

if TYPE_CHECKING:
    from jetpress.wp.rest.routes import Handler
    from jetpress.wp.users import User

# wp_is_json_media_type (wp-includes/load.php:1737-1745)
_JSON_MEDIA_TYPE = re.compile(
    r"(^|\s|,)application/([\w!#$&-^.+]+\+)?json(\+oembed)?($|\s|;|,)", re.I
)

SOURCES = ("JSON", "POST", "GET", "URL", "defaults")


@dataclass(slots=True)
class ContentType:
    """The parsed ``Content-Type`` header (REQ:302-325)."""

    value: str
    type: str
    subtype: str
    parameters: str


def string_keys(values: Mapping[Any, Any]) -> dict[str, Any]:
    """A PHP array's top level as request params: PHP's ``$request['0']`` reads key 0."""
    return {str(key): value for key, value in values.items()}


def parse_content_type(header: str | None) -> ContentType | None:
    """WP_REST_Request::get_content_type: split at the first ``;``; None without a ``/``."""
    if not header:
        return None
    value, parameters = header, ""
    pos = header.find(";")
    if pos > 0:  # WP 6.1 REQ:308: only when ';' is not at position 0
        value, parameters = header[:pos], header[pos + 1 :].strip()
    value = value.strip().lower()
    if "/" not in value:
        return None
    main, sub = value.split("/", 1)
    return ContentType(value=value, type=main, subtype=sub, parameters=parameters)


def is_json_media_type(value: str) -> bool:
    """wp_is_json_media_type."""
    return bool(_JSON_MEDIA_TYPE.search(value))


@dataclass(slots=True, eq=False)
class RestRequest:
    """A request as WordPress's REST server sees it.

    ``headers`` keys are canonical (lower-case, ``-`` as ``_``, REQ:182-187).
    ``query`` and ``post`` are PHP arrays as ``$_GET`` / ``$_POST`` would hold them.
    """

    method: str
    route: str
    query: dict[str, Any] = field(default_factory=dict)
    post: dict[str, Any] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    cookies: dict[str, str] = field(default_factory=dict)
    url_params: dict[str, Any] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    attributes: Handler | None = None
    user: User | None = None
    secure: bool = False  # is_ssl() for this request
    remote_addr: str = ""
    app_password_uuid: str | None = None  # the application password used, for introspection
    # $_SERVER['REQUEST_URI'] (raw path and query) as received; '' when built in-process.
    request_uri: str = ""
    # jetpress: set by an extra authenticator that verified a token signature ('blog' or
    # 'user'), for permission checks such as Jetpack's is_signed_with_blog_token().
    signature_auth: str | None = None
    # Filled lazily.
    _json: dict[str, Any] | None = None
    _json_error: tuple[int, str] | None = None
    _json_parsed: bool = False
    _body_parsed: bool = False

    @staticmethod
    def canonical_header(name: str) -> str:
        """WP_REST_Request::canonicalize_header_name."""
        return name.lower().replace("-", "_")

    def header(self, name: str) -> str | None:
        return self.headers.get(self.canonical_header(name))

    def content_type(self) -> ContentType | None:
        return parse_content_type(self.header("content_type"))

    def is_json_content_type(self) -> bool:
        ct = self.content_type()
        return ct is not None and is_json_media_type(ct.value)

    # -- sources -------------------------------------------------------------------------
    def parse_json_params(self) -> None:
        """REQ:666-704: parse only a JSON content type with a non-empty body (PHP empty())."""
        if self._json_parsed:
            return
        self._json_parsed = True
        if not self.is_json_content_type():
            return
        if self.body in (b"", b"0"):  # PHP empty(): "" and "0" are empty
            return
        try:
            value = php.json_decode(self.body)
        except php.JsonDecodeError as err:
            self._json_error = (err.code, err.message)
            return
        # json_decode( $body, true ) of a scalar gives no params (REQ:690: is_array check)
        if isinstance(value, dict):
            self._json = string_keys(value)
        elif isinstance(value, list):
            self._json = {str(i): v for i, v in enumerate(value)}

    def parse_body_params(self) -> None:
        """REQ:714-738: form bodies of non-POST methods (no Content-Type or urlencoded)."""
        if self._body_parsed:
            return
        self._body_parsed = True
        if self.method == "POST" or not self.body:
            return
        ct = self.content_type()
        if ct is not None and ct.value != "application/x-www-form-urlencoded":
            return
        parsed = string_keys(php.parse_str(self.body))
        # Existing $_POST keys win (REQ:735: array_merge( $params, $this->params['POST'] )).
        self.post = {**parsed, **self.post}

    def parameter_order(self) -> tuple[str, ...]:
        """WP_REST_Request::get_parameter_order (REQ:349-373)."""
        order: list[str] = []
        if self.is_json_content_type():
            order.append("JSON")
        self.parse_json_params()
        if self.method != "POST" and self.body:
            self.parse_body_params()
        if self.method in ("POST", "PUT", "PATCH", "DELETE"):
            order.append("POST")
        order += ["GET", "URL", "defaults"]
        return tuple(order)

    def source(self, name: str) -> dict[str, Any]:
        if name == "JSON":
            self.parse_json_params()
            return self._json if self._json is not None else {}
        if name == "POST":
            return self.post
        if name == "GET":
            return self.query
        if name == "URL":
            return self.url_params
        return self.defaults

    def set_source(self, name: str, values: dict[str, Any]) -> None:
        if name == "JSON":
            self._json = values
        elif name == "POST":
            self.post = values
        elif name == "GET":
            self.query = values
        elif name == "URL":
            self.url_params = values
        else:
            self.defaults = values

    # -- params --------------------------------------------------------------------------
    def get_param(self, key: str) -> Any:
        """First source where the key is set and not null (PHP isset, REQ:383-395)."""
        for name in self.parameter_order():
            value = self.source(name).get(key)
            if value is not None:
                return value
        return None

    def has_param(self, key: str) -> bool:
        """array_key_exists in any source (null counts)."""
        return any(key in self.source(name) for name in self.parameter_order())

    def get_params(self) -> dict[str, Any]:
        """All params merged, highest precedence last (REQ:431-449)."""
        merged: dict[str, Any] = {}
        for name in reversed(self.parameter_order()):
            merged.update(self.source(name))
        return merged

    def set_param(self, key: str, value: Any) -> None:
        """REQ:406-425: write to every non-default source holding the key, else the first."""
        order = self.parameter_order()
        found = False
        for name in order:
            if name != "defaults" and key in self.source(name):
                self.source(name)[key] = value
                found = True
        if not found:
            first = self.source(order[0])
            first[key] = value
            self.set_source(order[0], first)

    def __getitem__(self, key: str) -> Any:
        return self.get_param(key)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.has_param(key)

    @property
    def json_error(self) -> tuple[int, str] | None:
        self.parse_json_params()
        return self._json_error

    def json_params(self) -> Mapping[str, Any]:
        return self.source("JSON")
