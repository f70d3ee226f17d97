"""PHP value semantics: serialize/unserialize, json_encode/json_decode, parse_str and casts,
byte-compatible with PHP 8.2 (tests/unit/php/vectors were produced by real PHP).

Shared by the WordPress layer, the wire protocol and the WordPress.com simulator, the way both
ends of the real protocol share PHP. Also WordPress's ``maybe_serialize`` family, which is pure
value logic (wp-includes/functions.php), and PHP 8's comparison (``==``, ``<=>``, in_array).
"""

from __future__ import annotations

from jetpress.php.arrays import array_cast, php_list, to_array_key
from jetpress.php.compare import in_array, loose_equals, spaceship
from jetpress.php.jsoncodec import INT_MAX, INT_MIN, array_key, is_list_like, php_gcvt
from jetpress.php.strings import TRIM_CHARACTERS, is_valid_utf8, strtolower
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
    "TRIM_CHARACTERS",
    "JsonDecodeError",
    "JsonEncodeError",
    "JsonObject",
    "PHPObject",
    "PHPValue",
    "absint",
    "array_cast",
    "array_key",
    "in_array",
    "is_list_like",
    "is_numeric",
    "is_serialized",
    "is_truthy",
    "is_valid_utf8",
    "json_decode",
    "json_encode",
    "loose_equals",
    "maybe_serialize",
    "maybe_unserialize",
    "parse_str",
    "php_gcvt",
    "php_list",
    "serialize",
    "spaceship",
    "strtolower",
    "to_array_key",
    "to_float",
    "to_int",
    "to_php_string",
    "unserialize",
]
