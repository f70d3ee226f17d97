"""PHP 8 comparison of PHP values held as Python data: ``<=>`` (zend_compare), loose ``==`` and
in_array() without $strict. Lists, tuples and mappings are arrays, compared key by key.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping

from jetpress.php.arrays import to_array_key
from jetpress.php.jsoncodec import INT_MAX, INT_MIN, JsonObject, PHPObject
from jetpress.php.values import is_numeric, is_truthy, to_float, to_php_string

# is_numeric_string_ex: whitespace, sign, leading zeros skipped, then the integer digits.
_HEAD = re.compile(r"[ \t\n\r\x0b\x0c]*([+-]?)0*([0-9]*)")
_TAIL = re.compile(r"[ \t\n\r\x0b\x0c]*\Z")


def loose_equals(left: object, right: object) -> bool:
    """PHP 8 ``$left == $right``.

    >>> loose_equals("1e1", "10"), loose_equals("abc", 0), loose_equals(None, [])
    (True, False, True)
    """
    return spaceship(left, right) == 0


def in_array(needle: object, haystack: Iterable[object] | Mapping[object, object]) -> bool:
    """``in_array( $needle, $haystack )`` without $strict: any value ``==`` the needle."""
    values = haystack.values() if isinstance(haystack, Mapping) else haystack
    return any(loose_equals(needle, item) for item in values)


def spaceship(left: object, right: object) -> int:
    """PHP 8 ``$left <=> $right`` (php 8.2 Zend/zend_operators.c zend_compare): -1, 0 or 1.

    >>> spaceship("10", "9"), spaceship("abc", 0), spaceship(None, False), spaceship([1, 2], [3])
    (1, 1, 0, 1)
    """
    lk, rk = _kind(left), _kind(right)
    if lk == rk == "number":
        return _compare_numbers(left, right)  # type: ignore[arg-type]
    if lk == rk == "string":
        return _compare_strings(left, right)  # type: ignore[arg-type]
    if lk == rk == "array":
        return _compare_arrays(left, right)
    if lk == "null" and rk == "string":
        return 0 if right == "" else -1  # null <=> string: only "" is equal
    if lk == "string" and rk == "null":
        return 0 if left == "" else 1
    if "null" in (lk, rk) or "bool" in (lk, rk):
        return int(is_truthy(left)) - int(is_truthy(right))  # compared as booleans
    if lk == "number" and rk == "string":
        return _compare_number_to_string(left, right)  # type: ignore[arg-type]
    if lk == "string" and rk == "number":
        if isinstance(right, float) and math.isnan(right):
            return 1  # NaN on either side compares as 1
        return -_compare_number_to_string(right, left)  # type: ignore[arg-type]
    if lk == rk == "object":
        return _compare_objects(left, right)
    # zend_std_compare_objects: an object casts to 1 against a number, else is uncomparable.
    if lk == "object":
        return spaceship(1, right) if rk == "number" else 1
    if rk == "object":
        return spaceship(left, 1) if lk == "number" else -1
    return 1 if lk == "array" else -1  # an array is greater than any scalar


def _kind(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple | Mapping) and not isinstance(value, JsonObject):
        return "array"
    return "object"  # PHPObject, JsonObject (stdClass) and any other Python object


def _threeway(left: float, right: float) -> int:
    # ZEND_THREEWAY_COMPARE: NaN is neither equal nor smaller, so it compares as 1.
    if left == right:
        return 0
    return -1 if left < right else 1


def _compare_numbers(left: int | float, right: int | float) -> int:
    longs = isinstance(left, int) and isinstance(right, int)
    if longs and INT_MIN <= left <= INT_MAX and INT_MIN <= right <= INT_MAX:
        return (left > right) - (left < right)  # two longs compare exactly
    return _threeway(to_float(left), to_float(right))  # a long against a double: (double) $long


def _numeric(text: str) -> tuple[int | float, int] | None:
    """is_numeric_string_ex: (value, overflow), overflow -1/1 for integer digits beyond int64.

    None when the string is not numeric.
    """
    if not is_numeric(text):
        return None
    head = _HEAD.match(text)
    assert head is not None  # the pattern matches any string
    sign, digits = head.groups()
    overflow = -1 if sign == "-" else 1
    if len(digits) >= 20:
        return float(text), overflow  # MAX_LENGTH_OF_LONG digits: a double that overflowed
    if _TAIL.match(text, head.end()):
        number = int(sign + (digits or "0"))
        if INT_MIN <= number <= INT_MAX:
            return number, 0
        return float(text), overflow
    return float(text), 0


def _strcmp(left: str, right: str) -> int:
    # zend_binary_strcmp; code point order is UTF-8 byte order for valid text.
    return (left > right) - (left < right)


def _sign(number: float) -> int:
    return (number > 0) - (number < 0)  # ZEND_NORMALIZE_BOOL (NaN is 0)


def _compare_strings(left: str, right: str) -> int:
    """zendi_smart_strcmp: two numeric strings compare as numbers, else as text."""
    if left == right:
        return 0
    lnum, rnum = _numeric(left), _numeric(right)
    if lnum is None or rnum is None:
        return _strcmp(left, right)
    (lval, lover), (rval, rover) = lnum, rnum
    if lover and lover == rover and lval - rval == 0.0:
        return _strcmp(left, right)  # both overflowed to the same side: compare as text
    if isinstance(lval, float) or isinstance(rval, float):
        if not isinstance(lval, float):
            if rover:
                return -rover
        elif not isinstance(rval, float):
            if lover:
                return lover
        elif lval == rval and not math.isfinite(lval):
            return _strcmp(left, right)
        return _sign(float(lval) - float(rval))
    return (lval > rval) - (lval < rval)


def _compare_number_to_string(number: int | float, text: str) -> int:
    """compare_longs_to_string / compare_doubles_to_string."""
    if isinstance(number, float) and math.isnan(number):
        return 1
    parsed = _numeric(text)
    if parsed is None:
        return _strcmp(to_php_string(number), text)  # PHP 8: the number as a string
    return _compare_numbers(number, parsed[0])


def _array_map(value: object) -> dict[object, object]:
    if isinstance(value, Mapping):
        return {_key(key): item for key, item in value.items()}
    assert isinstance(value, list | tuple)  # _kind() said "array"
    return dict(enumerate(value))


def _key(key: object) -> object:
    return to_array_key(key) if key is None or isinstance(key, bool | int | float | str) else key


def _compare_arrays(left: object, right: object) -> int:
    """zend_hash_compare unordered: size first, then each key of ``left`` in ``right``."""
    if left is right:
        return 0
    lmap, rmap = _array_map(left), _array_map(right)
    if len(lmap) != len(rmap):
        return 1 if len(lmap) > len(rmap) else -1
    for key, item in lmap.items():
        if key not in rmap:
            return 1  # uncomparable
        result = spaceship(item, rmap[key])
        if result:
            return result
    return 0


def _compare_objects(left: object, right: object) -> int:
    """zend_std_compare_objects: the same class compares its properties, else uncomparable."""
    if left is right:
        return 0
    if isinstance(left, JsonObject) and isinstance(right, JsonObject):
        return _compare_arrays(dict(left), dict(right))
    if isinstance(left, PHPObject) and isinstance(right, PHPObject):
        if left.class_name != right.class_name:
            return 1
        return _compare_arrays(left.properties, right.properties)
    return 0 if left == right else 1
