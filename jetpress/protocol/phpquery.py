"""The PHP primitives Jetpack's request signature rests on: parse_str, rawurlencode, sort, json.

Pure functions, kept here (not in ``jetpress.wp``) because the simulator may not import the site.
"""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any, TypeAlias
from urllib.parse import quote, unquote_to_bytes

# A PHP array as parse_str builds it: string or int keys, in insertion order.
PHPArray: TypeAlias = dict[int | str, Any]

_MAX_NESTING = 64  # php.ini max_input_nesting_level default
_INT_KEY_MAX = 2**63 - 1
_INT_KEY = re.compile(r"0|-?[1-9][0-9]*")
_NUMERIC = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")


def rawurlencode(value: str) -> str:
    """PHP rawurlencode: everything but ``A-Za-z0-9-_.~`` is %XX-encoded (RFC 3986)."""
    return quote(value.encode("utf-8", "surrogateescape"), safe="-_.~")


def _array_key(raw: str) -> int | str:
    """PHP array keys: a canonical decimal integer string is an int (zend_handle_numeric_str)."""
    if _INT_KEY.fullmatch(raw):
        value = int(raw)
        if -_INT_KEY_MAX - 1 <= value <= _INT_KEY_MAX:
            return value
    return raw


def _append(table: PHPArray, value: Any) -> None:
    ints = [k for k in table if isinstance(k, int)]
    table[max(ints) + 1 if ints else 0] = value  # zend_hash next free element


def _register(result: PHPArray, name: str, value: str) -> None:
    """php 8.2 main/php_variables.c php_register_variable_ex, without the input-size limits."""
    name = name.split("\0", 1)[0].lstrip(" ")
    bracket = name.find("[")
    base = (name if bracket < 0 else name[:bracket]).replace(" ", "_").replace(".", "_")
    if not base:
        return  # empty variable names are dropped
    table, pos, level = result, bracket, 0
    index: str | None = base
    while bracket >= 0:
        level += 1
        if level > _MAX_NESTING:
            result.pop(_array_key(base), None)
            return
        start = ip = pos + 1
        if ip < len(name) and name[ip] in " \t\n\r\x0b\x0c":
            ip += 1  # "a[ ]" appends like "a[]"
        new_index: str | None
        if ip < len(name) and name[ip] == "]":
            new_index, close = None, ip
        else:
            close = name.find("]", ip)
            if close < 0:
                if level == 1:  # "a[b.c" is the plain variable a_b_c
                    rest = name[start:].replace(" ", "_").replace(".", "_").replace("[", "_")
                    index = base + "_" + rest
                break
            new_index = name[start:close]
        if index is None:
            sub: PHPArray = {}
            _append(table, sub)
        else:
            key = _array_key(index)
            found = table.get(key)
            if isinstance(found, dict):
                sub = found
            else:
                sub = {}
                table[key] = sub
        table, index, pos = sub, new_index, close + 1
        if pos >= len(name) or name[pos] != "[":
            break  # "a[b]c" ignores the trailing "c"
    if index is None:
        _append(table, value)
    else:
        table[_array_key(index)] = value


def _decode(part: str) -> str:
    return unquote_to_bytes(part.replace("+", " ")).decode("utf-8", "surrogateescape")


def parse_str(query: str) -> PHPArray:
    """PHP parse_str(): ``+`` is a space, ``a.b`` becomes ``a_b``, ``k[]``/``k[x]`` build arrays.

    Later duplicates win, like ``$_GET``. Nested arrays stay dicts keyed as PHP keys them.
    """
    result: PHPArray = {}
    for token in query.split("&"):
        if not token:
            continue  # php_strtok_r skips empty pieces
        name, eq, val = token.partition("=")
        _register(result, _decode(name), _decode(val) if eq else "")
    return result


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
        return _php_float(value)
    return str(value)


def _php_float(value: float) -> str:
    """PHP 8 (string) of a float: precision 14, ``%.14G``, ``1.0E+25`` exponent form."""
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    text = f"{value:.14G}"
    if "E" in text:
        mantissa, exp = text.split("E")
        if "." not in mantissa:
            mantissa += ".0"  # php: 1.0E+25
        sign, digits = exp[0], exp[1:].lstrip("0") or "0"
        return f"{mantissa}E{sign}{digits}"
    return text


def json_encode(value: Any) -> str:
    """PHP json_encode with default flags for strings, ints, lists and PHP arrays.

    A PHP array with keys 0..n-1 is a JSON list, any other an object; ``/`` is escaped as
    ``\\/`` and non-ASCII as ``\\uXXXX`` (php 8.2 ext/json default flags).
    """
    return json.dumps(_jsonable(value), ensure_ascii=True, separators=(",", ":")).replace(
        "/", "\\/"
    )


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        if _is_list(value):
            return [_jsonable(v) for v in value.values()]
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value
