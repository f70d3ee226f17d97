"""The PHP primitives Jetpack's request signature rests on: parse_str, rawurlencode, sort, json.

Pure functions over ``jetpress.php`` (PHP value semantics, shared with the site the way both
ends of the real protocol share PHP); the simulator may not import the site.
"""

from __future__ import annotations

import functools
import math
import re
from typing import Any, TypeAlias
from urllib.parse import quote

from jetpress import php

# A PHP array as parse_str builds it: string or int keys, in insertion order.
PHPArray: TypeAlias = dict[int | str, Any]

_NUMERIC = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def rawurlencode(value: str) -> str:
    """PHP rawurlencode: everything but ``A-Za-z0-9-_.~`` is %XX-encoded (RFC 3986)."""
    return quote(value.encode("utf-8", "surrogateescape"), safe="-_.~")


def parse_str(query: str) -> PHPArray:
    """PHP parse_str() (jetpress.php's port, checked against PHP 8.2), with nested arrays kept as
    dicts keyed as PHP keys them (lists become ``{0: …, 1: …}``) for the signing code."""
    table = php.parse_str(query)
    return {key: _as_table(value) for key, value in table.items()}


def _as_table(value: Any) -> Any:
    if isinstance(value, list):
        return {index: _as_table(item) for index, item in enumerate(value)}
    if isinstance(value, dict):
        return {key: _as_table(item) for key, item in value.items()}
    return value


def _php_compare(a: Any, b: Any) -> int:
    """PHP 8 ``<=>`` for the values sort() meets here: strings and lists of strings.

    An array is greater than any string; arrays compare by count, then element by element;
    two numeric strings compare as numbers, other strings byte-wise (zend_compare).
    """
    if isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return -1 if len(a) < len(b) else 1
        for x, y in zip(a, b, strict=True):
            c = _php_compare(x, y)
            if c:
                return c
        return 0
    if isinstance(a, list):
        return 1
    if isinstance(b, list):
        return -1
    na, nb = _numeric(a), _numeric(b)
    if na is not None and nb is not None:
        return int(na > nb) - int(na < nb)
    ab, bb = a.encode("utf-8", "surrogateescape"), b.encode("utf-8", "surrogateescape")
    return int(ab > bb) - int(ab < bb)


def _numeric(text: str) -> float | None:
    """A PHP 8 numeric string (surrounding whitespace allowed) as a number, else None."""
    stripped = text.strip(" \t\n\r\x0b\x0c")
    if not _NUMERIC.fullmatch(stripped):
        return None
    value = float(stripped)
    return value if math.isfinite(value) else None


def php_sort(values: list[Any]) -> list[Any]:
    """PHP sort() with SORT_REGULAR over strings and string lists (see _php_compare)."""
    return sorted(values, key=functools.cmp_to_key(_php_compare))


def _is_list(arr: PHPArray) -> bool:
    return all(isinstance(k, int) and k == i for i, k in enumerate(arr))


def stringify(value: Any) -> Any:
    """Jetpack Client::_stringify_data: bools become "1"/"0", scalars (string), arrays recurse."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, dict):
        return {k: stringify(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return {i: stringify(v) for i, v in enumerate(value)}
    if value is None:
        return ""  # php (string) null
    if isinstance(value, float):
        return php.to_php_string(value)  # php 8: precision 14, 1.0E+25
    return str(value)


def json_encode(value: Any) -> str:
    """PHP json_encode with default flags (jetpress.php's port): a PHP array with keys 0..n-1 is
    a JSON list, any other an object; ``/`` is ``\\/`` and non-ASCII ``\\uXXXX``."""
    return php.json_encode(value).decode("ascii")
