"""PHP 8 loose comparison (``==``, ``in_array`` without strict) and the ``(array)`` cast, as
Jetpack's code relies on them. (Candidates for jetpress.php; kept here until they move.)"""

from __future__ import annotations

from typing import Any

from jetpress import php


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def loose_equals(a: Any, b: Any) -> bool:
    """PHP 8 ``$a == $b`` for JSON-like values (php.net/manual/en/types.comparisons.php)."""
    if a is None and b is None:
        return True
    if isinstance(a, bool) or isinstance(b, bool) or a is None or b is None:
        if a is None and isinstance(b, str):
            return b == ""  # null == "": "" is converted to null
        if b is None and isinstance(a, str):
            return a == ""
        return php.is_truthy(a) == php.is_truthy(b)  # bool (or null) against anything
    if isinstance(a, list | dict) or isinstance(b, list | dict):
        if not isinstance(a, list | dict) or not isinstance(b, list | dict):
            return False  # an array is never == a scalar
        left = a if isinstance(a, dict) else dict(enumerate(a))
        right = b if isinstance(b, dict) else dict(enumerate(b))
        left = {_key(k): v for k, v in left.items()}
        right = {_key(k): v for k, v in right.items()}
        if left.keys() != right.keys():
            return False
        return all(loose_equals(left[k], right[k]) for k in left)
    if _is_number(a) and _is_number(b):
        return float(a) == float(b)
    if _is_number(a) and isinstance(b, str):
        return php.to_float(b) == float(a) if php.is_numeric(b) else php.to_php_string(a) == b
    if isinstance(a, str) and _is_number(b):
        return loose_equals(b, a)
    if isinstance(a, str) and isinstance(b, str):
        if php.is_numeric(a) and php.is_numeric(b):
            return php.to_float(a) == php.to_float(b)
        return a == b
    return bool(a == b)


def _key(key: object) -> int | str:
    # PHP array keys: canonical integer strings are integers.
    if isinstance(key, str) and key.lstrip("-").isdigit() and str(int(key)) == key:
        return int(key)
    return key  # type: ignore[return-value]


def in_array(needle: Any, haystack: list[Any] | tuple[Any, ...]) -> bool:
    """in_array( $needle, $haystack ) without strict."""
    return any(loose_equals(needle, item) for item in haystack)


def array_cast(value: Any) -> dict[Any, Any]:
    """``(array) $value``: arrays as they are, null as [], any scalar as ``[0 => $value]``."""
    if isinstance(value, dict):
        return dict(value)
    if isinstance(value, list):
        return dict(enumerate(value))
    if value is None:
        return {}
    return {0: value}  # e.g. (array) false === array( 0 => false )


def php_list(value: dict[Any, Any]) -> Any:
    """A PHP array as jetpress stores it: a list when its keys are 0..n-1, else the dict."""
    if list(value) == list(range(len(value))):
        return list(value.values())
    return value
