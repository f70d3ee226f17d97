"""PHP value semantics: serialize/unserialize, json_encode/json_decode, parse_str and casts,
byte-compatible with PHP 8.2 (tests/unit/php/vectors were produced by real PHP).

Shared by the WordPress layer, the wire protocol and the WordPress.com simulator, the way both
ends of the real protocol share PHP. Also WordPress's ``maybe_serialize`` family, which is pure
value logic (wp-includes/functions.php).
"""

from __future__ import annotations

from jetpress.php.jsoncodec import INT_MAX, INT_MIN, array_key, is_list_like, php_gcvt
from jetpress.php.values import (
    JsonDecodeError,
    JsonEncodeError,
    JsonObject,
    PHPObject,
    PHPValue,
    absint,
    is_numeric,
    is_serialized,
    is_truthy,
    json_decode,
    json_encode,
    maybe_serialize,
    maybe_unserialize,
    parse_str,
    serialize,
    to_float,
    to_int,
    to_php_string,
    unserialize,
)

__all__ = [
    "INT_MAX",
    "INT_MIN",
    "JsonDecodeError",
    "JsonEncodeError",
    "JsonObject",
    "PHPObject",
    "PHPValue",
    "absint",
    "array_key",
    "is_list_like",
    "is_numeric",
    "is_serialized",
    "is_truthy",
    "json_decode",
    "json_encode",
    "maybe_serialize",
    "maybe_unserialize",
    "parse_str",
    "php_gcvt",
    "serialize",
    "to_float",
    "to_int",
    "to_php_string",
    "unserialize",
]
