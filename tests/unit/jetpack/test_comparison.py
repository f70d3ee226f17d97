"""PHP 8 loose comparison as Jetpack's in_array / != rely on it."""

from __future__ import annotations

import pytest

from jetpress.jetpack.comparison import array_cast, in_array, loose_equals, php_list


@pytest.mark.parametrize(
    ("a", "b", "equal"),
    [
        (True, "on", True),  # bool against a non-empty string
        (42, "black", False),  # PHP 8: a number against a non-numeric string compares strings
        ("1", 1, True),
        ("1.0", 1, True),
        ("abc", 0, False),
        (False, None, True),
        (None, "", True),
        (None, "0", False),
        ([], False, True),
        (["black"], "black", False),
        ("10", "1e1", True),
        ({"a": 1}, {"a": "1"}, True),
        ({"a": 1}, {"b": 1}, False),
    ],
)
def test_loose_equals(a, b, equal):
    assert loose_equals(a, b) is equal
    assert loose_equals(b, a) is equal


def test_in_array_is_loose():
    assert in_array(True, ["on", "off"]) is True
    assert in_array("purple", ["black", "white"]) is False


def test_array_cast_of_false_keeps_it_at_key_zero():
    assert array_cast(False) == {0: False}
    assert array_cast(None) == {}
    assert array_cast(["a"]) == {0: "a"}


def test_php_list():
    assert php_list({0: "a", 1: "b"}) == ["a", "b"]
    assert php_list({1: "b"}) == {1: "b"}
