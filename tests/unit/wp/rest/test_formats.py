"""Tests for jetpress.wp.rest.formats: rest-api.php's format and pattern checks.

Vectors made by calling WordPress 6.1.9's own functions (Debian's wordpress package) under
php 8.2 with a stub bootstrap (they used to sit with the schema tests).
"""

from __future__ import annotations

from typing import Any

import pytest

from jetpress.wp.rest.formats import (
    is_ip_address,
    is_uuid,
    parse_date,
    validate_json_schema_pattern,
)

_PY_FUNCTIONS: dict[str, Any] = {
    "rest_is_ip_address": lambda value: is_ip_address(value) or False,
    "wp_is_uuid": is_uuid,
    "rest_parse_date": lambda value: False if parse_date(value) is None else parse_date(value),
    "rest_validate_json_schema_pattern": validate_json_schema_pattern,
}
_TRUTHY_RESULTS = ("rest_is_ip_address",)

FORMAT_VECTORS = [
    ("rest_is_ip_address", ["127.0.0.1"], "127.0.0.1"),
    ("rest_is_ip_address", ["3333.3333.3333.3333"], False),
    ("rest_is_ip_address", ["1"], False),
    ("rest_is_ip_address", ["::1"], "::1"),
    ("rest_is_ip_address", ["::"], "::"),
    ("rest_is_ip_address", ["0:0:0:0:0:0:0:1"], "0:0:0:0:0:0:0:1"),
    ("rest_is_ip_address", ["2001:DB8:0:0:8:800:200C:417A"], "2001:DB8:0:0:8:800:200C:417A"),
    ("rest_is_ip_address", ["FF01::101"], "FF01::101"),
    ("rest_is_ip_address", ["fe80::217:f2ff:fe07:ed62"], "fe80::217:f2ff:fe07:ed62"),
    ("rest_is_ip_address", [""], False),
    ("rest_is_ip_address", ["2001:DB8:0:0:8:800:200C:417A:221"], False),
    ("rest_is_ip_address", ["FF01::101::2"], False),
    ("rest_is_ip_address", ["::ffff:192.168.1.1"], "::ffff:192.168.1.1"),
    ("rest_is_ip_address", ["1:2:3:4:5:6:1.2.3.4"], "1:2:3:4:5:6:1.2.3.4"),
    ("rest_is_ip_address", ["1:2:3:4:5:6:01.2.3.4"], False),
    ("rest_is_ip_address", ["1::2:3:4:5:6:7:8"], "1::2:3:4:5:6:7:8"),
    ("rest_is_ip_address", ["1:2:3:4:5:6:7:8::"], "1:2:3:4:5:6:7:8::"),
    ("rest_is_ip_address", [":::"], False),
    ("rest_is_ip_address", ["01.2.3.4"], "01.2.3.4"),
    ("rest_is_ip_address", ["255.255.255.255"], "255.255.255.255"),
    ("rest_is_ip_address", ["256.1.1.1"], False),
    ("rest_is_ip_address", ["127.0.0.1\n"], "127.0.0.1\n"),
    ("rest_is_ip_address", ["00000::1"], False),
    ("rest_is_ip_address", ["g::1"], False),
    ("rest_is_ip_address", ["1.2.3.4::"], False),
    ("wp_is_uuid", ["123e4567-e89b-12d3-a456-426655440000"], True),
    ("wp_is_uuid", ["123E4567-e89b-12d3-a456-426655440000"], False),
    ("wp_is_uuid", ["123e4567-e89b-12d3-a456-426655440000\n"], True),
    ("wp_is_uuid", ["x"], False),
    ("wp_is_uuid", [5], False),
    ("rest_parse_date", ["2016-06-30T05:43:21"], 1467265401),
    ("rest_parse_date", ["2016-06-30t05:43:21z"], False),
    ("rest_parse_date", ["2016-06-30 05:43:21+0100"], False),
    ("rest_parse_date", ["1970-01-01T00:00:00"], 0),
    ("rest_parse_date", ["2016-13-01T00:00:00"], False),
    ("rest_parse_date", ["2016-06-30T05:43:21.5-03:30"], 1467278001),
    ("rest_parse_date", ["2016"], False),
    ("rest_parse_date", [5], False),
    ("rest_validate_json_schema_pattern", ["^a*$", "a"], True),
    ("rest_validate_json_schema_pattern", ["^a*$", "b"], False),
    ("rest_validate_json_schema_pattern", ["#[0-9]+", "#123"], True),
    ("rest_validate_json_schema_pattern", ["#[0-9]+", "#abc"], False),
    ("rest_validate_json_schema_pattern", ["^â{1}$", "â"], True),
    ("rest_validate_json_schema_pattern", ["^â{1}$", "ââ"], False),
    ("rest_validate_json_schema_pattern", ["a\\#b", "a#b"], False),
    ("rest_validate_json_schema_pattern", ["abc\\", "abc"], False),
    ("rest_validate_json_schema_pattern", ["(", "x"], False),
    ("rest_validate_json_schema_pattern", ["[[:alpha:]]+", "ab"], True),
    ("rest_validate_json_schema_pattern", ["\\d", "٣"], True),
    ("rest_validate_json_schema_pattern", ["\\w", "é"], True),
    ("rest_validate_json_schema_pattern", ["^a$", "a\n"], True),
    ("rest_validate_json_schema_pattern", ["a\\z", "a\n"], False),
    ("rest_validate_json_schema_pattern", ["a\\Z", "a\n"], True),
    ("rest_validate_json_schema_pattern", ["\\x{263A}", "☺"], True),
    ("rest_validate_json_schema_pattern", ["(?<n>a)\\k<n>", "aa"], True),
    ("rest_validate_json_schema_pattern", ["\\Qa.b\\E", "a.b"], True),
    ("rest_validate_json_schema_pattern", ["\\Qa.b\\E", "axb"], False),
    ("rest_validate_json_schema_pattern", ["[]a]", "]"], True),
    ("rest_validate_json_schema_pattern", ["[^]a]", "b"], True),
    ("rest_validate_json_schema_pattern", ["(?i)ÉCOLE", "école"], True),
    ("rest_validate_json_schema_pattern", ["\\h", "a b"], True),
    ("rest_validate_json_schema_pattern", ["\\v", "a\nb"], True),
    ("rest_validate_json_schema_pattern", ["\\R", "\r\n"], True),
    ("rest_validate_json_schema_pattern", ["a{2,}", "aaa"], True),
    ("rest_validate_json_schema_pattern", ["^\\p{Lu}", "Éa"], True),
    ("rest_validate_json_schema_pattern", ["x*+x", "xxx"], False),
    ("rest_validate_json_schema_pattern", ["(?>a+)b", "aab"], True),
    ("rest_validate_json_schema_pattern", [5, "5"], True),
    ("rest_validate_json_schema_pattern", ["\\e", "\x1b"], True),
    ("rest_validate_json_schema_pattern", ["[\\h]", " "], True),
    ("rest_validate_json_schema_pattern", [".", "\n"], False),
    ("rest_validate_json_schema_pattern", ["^$", ""], True),
    ("rest_validate_json_schema_pattern", ["a|", "b"], True),
    ("rest_validate_json_schema_pattern", ["\\/", "/"], True),
]


@pytest.mark.parametrize(("function", "args", "expected"), FORMAT_VECTORS)
def test_php_vectors(function, args, expected):
    actual = _PY_FUNCTIONS[function](*args)
    if function in _TRUTHY_RESULTS:
        assert bool(actual) is bool(expected)
    else:
        assert type(actual) is type(expected) and actual == expected, f"{actual!r} != {expected!r}"


def test_pattern_translation_of_pcre_escapes():
    assert validate_json_schema_pattern("a\\z", "a")
    assert not validate_json_schema_pattern("a\\z", "a\n")
    assert validate_json_schema_pattern("a\\Z", "a\n")
    assert validate_json_schema_pattern("^\\x{263A}$", "\u263a")
    assert validate_json_schema_pattern("^\\Qa.b\\E$", "a.b")
    assert not validate_json_schema_pattern("^\\Qa.b\\E$", "axb")
    assert validate_json_schema_pattern("(?<n>a)\\k<n>", "aa")
    assert validate_json_schema_pattern("^[]a]$", "]")
    assert validate_json_schema_pattern("^\\d$", "\u0663")  # PHP's /u turns on UCP
    assert validate_json_schema_pattern("^[[:alpha:]]+$", "ab")


def test_pattern_of_an_array_reads_array_and_of_an_object_fails():
    assert validate_json_schema_pattern(["x"], "an Array")  # '#' . $array . '#u' is "#Array#u"
    assert not validate_json_schema_pattern(["x"], "x")
    assert not validate_json_schema_pattern(object(), "Object")
    assert not validate_json_schema_pattern("a", ["a"])  # preg_match() of an array: TypeError
