"""PHP arrays as jetpress holds them (a list when the keys are 0..n-1, else a dict): the key an
offset becomes, the ``(array)`` cast, and the list-or-dict form.
"""

from __future__ import annotations

from typing import Any

from jetpress.php.jsoncodec import array_key
from jetpress.php.values import to_int


def to_array_key(key: object) -> int | str:
    """The key PHP stores for ``$array[$key]``: canonical decimal strings within int64 and
    bools become ints, floats are truncated (zend_dval_to_lval), null is ``''``.

    Other types raise TypeError, as PHP 8's "Illegal offset type" does.

    >>> to_array_key("5"), to_array_key("05"), to_array_key(True), to_array_key(2.7)
    (5, '05', 1, 2)
    """
    if isinstance(key, str):
        return array_key(key)
    if key is None:
        return ""  # php 8.2 zend_execute.c: a null offset is the empty string
    if isinstance(key, bool | float):
        return to_int(key)  # php 8.2 zend_dval_to_lval_safe: a float offset is truncated
    if isinstance(key, int):
        return key
    raise TypeError(f"Illegal offset type {type(key).__name__}")


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
