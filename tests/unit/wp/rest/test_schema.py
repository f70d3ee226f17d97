"""Tests for jetpress.wp.rest.schema.

Ported from WordPress 6.1's PHPUnit suites tests/phpunit/tests/rest-api/rest-schema-validation.php,
rest-schema-sanitization.php, rest-request-validation.php and the schema cases of
rest-controller.php (with their json_schema_test_suite data), plus vectors made by running
WordPress 6.1.9's own functions under php 8.2 (see TYPE_VECTORS and SCHEMA_VECTORS). The format
checks are tested in test_formats.py, the formatting.php functions in tests/unit/wp.
"""

from __future__ import annotations

import math
import time
from typing import Any, NamedTuple

import pytest
from hypothesis import given, settings, strategies as st

from jetpress.wp.errors import WPError
from jetpress.wp.rest import formats, schema
from jetpress.wp.rest.schema import (
    describe_arg,
    is_boolean,
    is_integer,
    parse_list,
    parse_request_arg,
    sanitize_boolean,
    sanitize_request_arg,
    sanitize_value_from_schema,
    sprintf_l,
    validate_request_arg,
    validate_value_from_schema,
)

INF = math.inf
NAN = math.nan


def valid(value: Any, args: Any, param: str = "") -> bool:
    return validate_value_from_schema(value, args, param) is None


def error(value: Any, args: Any, param: str = "") -> WPError:
    result = validate_value_from_schema(value, args, param)
    assert isinstance(result, WPError), f"{value!r} should fail {args!r}"
    return result


def same(actual: Any, expected: Any) -> bool:
    """PHP-strict equality: bool, int and float differ; an empty list equals an empty dict."""
    if isinstance(expected, E):
        return (
            isinstance(actual, WPError)
            and (actual.code, actual.message) == (expected.code, expected.message)
            and same(actual.data, expected.data)
        )
    if isinstance(expected, list | dict) or isinstance(actual, list | dict):
        if not isinstance(actual, list | dict) or not isinstance(expected, list | dict):
            return False
        left, right = schema._php_map(actual), schema._php_map(expected)
        return list(left) == list(right) and all(same(left[k], right[k]) for k in left)
    if isinstance(expected, float) and math.isnan(expected):
        return isinstance(actual, float) and math.isnan(actual)
    return type(actual) is type(expected) and actual == expected


class E(NamedTuple):
    """An expected WP_Error."""

    code: str
    message: str
    data: Any = None


# ---------------------------------------------------------------- rest-schema-validation.php


def test_type_number():
    args = {"type": "number", "minimum": 1, "maximum": 2}
    assert valid(1, args)
    assert valid(2, args)
    assert not valid(0.9, args)
    assert not valid(3, args)
    assert not valid(True, args)


def test_type_integer():
    args = {"type": "integer", "minimum": 1, "maximum": 2}
    assert valid(1, args)
    assert valid(2, args)
    assert not valid(0, args)
    assert not valid(3, args)
    assert not valid(1.1, args)


def test_type_string():
    assert valid("Hello :)", {"type": "string"})
    assert valid("1", {"type": "string"})
    assert not valid(1, {"type": "string"})
    assert not valid([], {"type": "string"})


def test_type_boolean():
    args = {"type": "boolean"}
    for value in (True, False, 1, 0, "true", "false"):
        assert valid(value, args)
    for value in ("no", "yes", 1123):
        assert not valid(value, args)


def test_format_email():
    args = {"type": "string", "format": "email"}
    assert valid("email@example.com", args)
    assert valid("a@b.co", args)
    assert not valid("email", args)


def test_format_hex_color():
    args = {"type": "string", "format": "hex-color"}
    assert valid("#000000", args)
    assert valid("#FFF", args)
    assert not valid("WordPress", args)


def test_format_uuid():
    args = {"type": "string", "format": "uuid"}
    assert valid("123e4567-e89b-12d3-a456-426655440000", args)
    assert not valid("123e4567-e89b-12d3-a456-426655440000X", args)
    assert not valid("123e4567-e89b-?2d3-a456-426655440000", args)


def test_format_date_time():
    args = {"type": "string", "format": "date-time"}
    assert valid("2016-06-30T05:43:21", args)
    assert valid("2016-06-30T05:43:21Z", args)
    assert valid("2016-06-30T05:43:21+00:00", args)
    assert not valid("20161027T163355Z", args)
    assert not valid("2016", args)
    assert not valid("2016-06-30", args)


@pytest.mark.parametrize(
    ("ip", "ok"),
    [
        ("127.0.0.1", True),
        ("3333.3333.3333.3333", False),
        ("1", False),
        ("::1", True),
        ("::", True),
        ("0:0:0:0:0:0:0:1", True),
        ("0:0:0:0:0:0:0:0", True),
        ("2001:DB8:0:0:8:800:200C:417A", True),
        ("FF01:0:0:0:0:0:0:101", True),
        ("2001:DB8::8:800:200C:417A", True),
        ("FF01::101", True),
        ("fe80::217:f2ff:fe07:ed62", True),
        ("", False),
        ("2001:DB8:0:0:8:800:200C:417A:221", False),
        ("FF01::101::2", False),
    ],
)
def test_format_ip(ip, ok):
    assert valid(ip, {"type": "string", "format": "ip"}) is ok


def test_format_validation_is_skipped_if_non_string_type():
    args = {"type": "array", "items": {"type": "string"}, "format": "email"}
    assert valid("email@example.com", args)
    assert valid("email", args)


def test_format_validation_is_applied_if_missing_type():
    assert valid("email@example.com", {"format": "email"})
    assert not valid("email", {"format": "email"})


def test_format_validation_is_applied_if_unknown_type():
    args = {"format": "email", "type": "str"}
    assert valid("email@example.com", args)
    assert not valid("email", args)


def test_type_array():
    args = {"type": "array", "items": {"type": "number"}}
    assert valid([1], args)
    assert not valid([True], args)
    assert not valid(None, args)


def test_type_array_nested():
    args = {"type": "array", "items": {"type": "array", "items": {"type": "number"}}}
    assert valid([[1], [2]], args)


def test_type_array_as_csv():
    args = {"type": "array", "items": {"type": "number"}}
    assert valid("1", args)
    assert valid("1,2,3", args)
    assert not valid("lol", args)
    assert valid("1,,", args)
    assert valid("", args)


def test_type_array_with_enum():
    args = {"type": "array", "items": {"enum": ["chicken", "ribs", "brisket"], "type": "string"}}
    assert valid(["ribs", "brisket"], args)
    assert not valid(["coleslaw"], args)
    assert valid("ribs,chicken", args)
    assert not valid("chicken,coleslaw", args)
    assert valid("ribs,chicken,", args)
    assert valid("", args)


_ENUM_OBJECT = {
    "type": "object",
    "additionalProperties": {"type": "integer"},
    "enum": [{"a": 1, "b": 2}, {"b": 2, "c": 3}],
}
_ENUM_ARRAY = {"type": "array", "items": {"type": "integer"}, "enum": [[0, 1], [1, 2]]}


@pytest.mark.parametrize(
    ("value", "args", "expected"),
    [
        *[(v, {"type": "integer", "enum": [0, 1]}, True) for v in (0, 0.0, "0", 1, 1.0, "1")],
        (1, {"type": "integer", "enum": [0.0, 1.0]}, True),
        *[(v, {"type": "integer", "enum": [0, 1]}, False) for v in (2, 2.0, "2")],
        *[(v, {"type": "number", "enum": [0.0, 1.0]}, True) for v in (0, 0.0, "0", 1, 1.0, "1")],
        (1, {"type": "number", "enum": [0, 1]}, True),
        *[(v, {"type": "number", "enum": [0.0, 1.0]}, False) for v in (2, 2.0, "2")],
        *[(v, {"type": "boolean", "enum": [True]}, True) for v in (True, 1, "true")],
        *[(v, {"type": "boolean", "enum": [True]}, False) for v in (False, 0, "false")],
        *[(v, {"type": "boolean", "enum": [False]}, True) for v in (False, 0, "false")],
        *[(v, {"type": "boolean", "enum": [False]}, False) for v in (True, 1, "true")],
        *[(v, _ENUM_ARRAY, True) for v in ([0, 1], ["0", 1], [0, "1"], ["0", "1"], [1, 2])],
        *[(v, _ENUM_ARRAY, False) for v in ([2, 3], [1, 0])],
        ({"a": 1, "b": 2}, _ENUM_OBJECT, True),
        ({"a": "1", "b": 2}, _ENUM_OBJECT, True),
        ({"a": 1, "b": "2"}, _ENUM_OBJECT, True),
        ({"a": "1", "b": "2"}, _ENUM_OBJECT, True),
        ({"b": 2, "a": 1}, _ENUM_OBJECT, True),
        ({"b": 2, "c": 3}, _ENUM_OBJECT, True),
        ({"a": 1, "b": 3}, _ENUM_OBJECT, False),
        ({"c": 3, "d": 4}, _ENUM_OBJECT, False),
    ],
)
def test_different_types_of_value_and_enum_elements(value, args, expected):
    assert valid(value, args) is expected


def test_type_array_is_associative():
    assert not valid({"first": "1", "second": "2"}, {"type": "array", "items": {"type": "string"}})


def test_type_object():
    args = {"type": "object", "properties": {"a": {"type": "number"}}}
    assert valid({"a": 1}, args)
    assert valid({"a": 1, "b": 2}, args)
    assert not valid({"a": "invalid"}, args)


_PATTERN_PROPERTIES = [
    ({}, {}, True, {}),
    ({}, {"propA": "a"}, True, {"propA": "a"}),
    ({}, {"propA": "a", "propB": "b"}, False, {"propA": "a"}),
    ({"propB": {"type": "string"}}, {"propA": "a"}, True, {"propA": "a"}),
    (
        {"propB": {"type": "string"}},
        {"propA": "a", "propB": "b"},
        True,
        {"propA": "a", "propB": "b"},
    ),
    ({".*C": {"type": "string"}}, {"propA": "a", "propC": "c"}, True, {"propA": "a", "propC": "c"}),
    ({"[0-9]": {"type": "integer"}}, {"propA": "a", "prop0": 0}, True, None),
    ({"[0-9]": {"type": "integer"}}, {"propA": "a", "prop0": "notAnInteger"}, False, None),
    (
        {"[0-9]": {"type": "integer"}},
        {"propA": "a", "prop0": "0"},
        True,
        {"propA": "a", "prop0": 0},
    ),
    ({".+": {"type": "string"}}, {"": "", "propA": "a"}, False, {"propA": "a"}),
]


@pytest.mark.parametrize(
    ("pattern_properties", "value", "is_valid", "sanitized"), _PATTERN_PROPERTIES
)
def test_type_object_pattern_properties(pattern_properties, value, is_valid, sanitized):
    args = {
        "type": "object",
        "properties": {"propA": {"type": "string"}},
        "patternProperties": pattern_properties,
        "additionalProperties": False,
    }
    assert valid(value, args) is is_valid
    if sanitized is not None:
        assert same(sanitize_value_from_schema(value, args), sanitized)


def test_type_object_additional_properties_false():
    args = {
        "type": "object",
        "properties": {"a": {"type": "number"}},
        "additionalProperties": False,
    }
    assert valid({"a": 1}, args)
    failure = error({"a": 1, "b": 2}, args, "p")
    assert (failure.code, failure.message, failure.data) == (
        "rest_additional_properties_forbidden",
        "b is not a valid property of Object.",
        None,
    )


_NESTED_OBJECT = {
    "type": "object",
    "properties": {
        "a": {
            "type": "object",
            "properties": {"b": {"type": "number"}, "c": {"type": "number"}},
        }
    },
}


def test_type_object_nested():
    assert valid({"a": {"b": "1", "c": 3}}, _NESTED_OBJECT)
    assert not valid({"a": {"b": 1, "c": "invalid"}}, _NESTED_OBJECT)
    assert not valid({"a": 1}, _NESTED_OBJECT)


def test_type_object_allows_empty_string():
    assert valid("", {"type": "object"})


def test_type_unknown():
    values: list[Any] = ["Best lyrics", 1, []]
    for value in values:
        assert valid(value, {"type": "lalala"})


def test_type_null():
    assert valid(None, {"type": "null"})
    assert not valid("", {"type": "null"})
    assert not valid("null", {"type": "null"})


def test_nullable_date():
    args = {"type": ["string", "null"], "format": "date-time"}
    assert valid(None, args)
    assert valid("2019-09-19T18:00:00", args)
    assert error("some random string", args).message == "Invalid date."


def test_object_or_string():
    args = {"type": ["object", "string"], "properties": {"raw": {"type": "string"}}}
    assert valid("My Value", args)
    assert valid({"raw": "My Value"}, args)
    assert error({"raw": ["a list"]}, args).message == "[raw] is not of type string."


def test_null_or_integer():
    args = {"type": ["null", "integer"], "minimum": 10, "maximum": 20}
    assert valid(None, args)
    assert valid(15, args)
    assert valid("15", args)
    assert (
        error(30, args, "param").message
        == "param must be between 10 (inclusive) and 20 (inclusive)"
    )


@pytest.mark.parametrize(
    ("value", "divisor", "expected"),
    [
        (0, 2, True),
        (4, 2, True),
        (3, 1.5, True),
        (2.4, 1.2, True),
        (1, 2, False),
        (2, 1.5, False),
        (2.1, 1.5, False),
    ],
)
def test_numeric_multiple_of(value, divisor, expected):
    assert valid(value, {"type": "number", "multipleOf": divisor}) is expected


def test_multi_type_with_no_known_types():
    assert valid("My Value", {"type": ["invalid", "type"]})


def test_multi_type_with_some_unknown_types():
    assert valid("My Value", {"type": ["object", "type"]})


def test_string_min_length():
    args = {"type": "string", "minLength": 2}
    assert valid("foo", args)
    assert valid("fo", args)
    assert not valid(1, args)
    assert not valid("f", args)
    assert not valid("\u1000", args)  # one code point, three bytes
    assert valid("\u1000\u1000", args)


def test_string_max_length():
    args = {"type": "string", "maxLength": 2}
    assert valid("f", args)
    assert valid("fo", args)
    assert not valid("foo", args)
    assert not valid(100, args)
    assert valid("\u1000", args)
    assert not valid("\u1000" * 3, args)


_REQUIRED_V3 = {
    "type": "object",
    "properties": {
        "my_prop": {"type": "string"},
        "my_required_prop": {"type": "string", "required": True},
    },
}
_REQUIRED_V4 = {
    "type": "object",
    "properties": {"my_prop": {"type": "string"}, "my_required_prop": {"type": "string"}},
    "required": ["my_required_prop"],
}


@pytest.mark.parametrize("args", [_REQUIRED_V3, _REQUIRED_V4], ids=["v3", "v4"])
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"my_required_prop": "test", "my_prop": "test"}, True),
        ({"my_prop": "test"}, False),
        ({}, False),
    ],
)
def test_property_is_required(args, data, expected):
    assert valid(data, args) is expected


@pytest.mark.parametrize("version", ["v3", "v4"])
@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"my_object": {"my_required_nested_prop": "test", "my_nested_prop": "test"}}, True),
        ({"my_object": {"my_nested_prop": "test"}}, False),
        ({}, True),
    ],
)
def test_nested_property_is_required(version, data, expected):
    inner: dict[str, Any] = {
        "type": "object",
        "properties": {
            "my_nested_prop": {"type": "string"},
            "my_required_nested_prop": {"type": "string", "required": version == "v3"},
        },
    }
    if version == "v4":
        inner["required"] = ["my_required_nested_prop"]
    assert valid(data, {"type": "object", "properties": {"my_object": inner}}) is expected


def _deep_required(version: str) -> dict[str, Any]:
    def node(name: str, props: dict[str, Any], required: str) -> dict[str, Any]:
        out: dict[str, Any] = {"type": "object", "properties": props}
        if version == "v3" or (version == "mixed" and name == "propB"):
            for key, prop in props.items():
                if key == required:
                    prop["required"] = True
        else:
            out["required"] = [required]
        return out

    prop_b = node("propB", {"propC": {"type": "string"}, "propD": {"type": "string"}}, "propC")
    prop_a = node("propA", {"propB": prop_b}, "propB")
    return node("root", {"propA": prop_a}, "propA")


@pytest.mark.parametrize("version", ["v3", "v4", "mixed"])
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ({}, False),
        ({"propA": {}}, False),
        ({"propA": {"propB": {}}}, False),
        ({"propA": {"propB": {"propD": "d"}}}, False),
        ({"propA": {"propB": {"propC": "c"}}}, True),
    ],
)
def test_deeply_nested_required_property(version, value, expected):
    assert valid(value, _deep_required(version)) is expected


def test_object_min_properties():
    args = {"type": "object", "minProperties": 1}
    assert valid({"propA": "a", "propB": "b"}, args)
    assert valid({"propA": "a"}, args)
    assert not valid({}, args)
    assert not valid("", args)


def test_object_max_properties():
    args = {"type": "object", "maxProperties": 2}
    assert valid({"propA": "a"}, args)
    assert valid({"propA": "a", "propB": "b"}, args)
    assert not valid({"propA": "a", "propB": "b", "propC": "c"}, args)
    assert not valid("foobar", args)


def test_string_pattern():
    assert valid("a", {"type": "string", "pattern": "^a*$"})
    assert not valid("b", {"type": "string", "pattern": "^a*$"})


def test_string_pattern_with_escaped_delimiter():
    assert valid("#123", {"type": "string", "pattern": "#[0-9]+"})
    assert not valid("#abc", {"type": "string", "pattern": "#[0-9]+"})


def test_string_pattern_with_utf8():
    assert valid("â", {"type": "string", "pattern": "^â{1}$"})
    assert not valid("ââ", {"type": "string", "pattern": "^â{1}$"})


def test_array_min_items():
    args = {"type": "array", "minItems": 1, "items": {"type": "number"}}
    assert valid([1, 2], args)
    assert valid([1], args)
    assert not valid([], args)
    assert not valid("", args)


def test_array_max_items():
    args = {"type": "array", "maxItems": 2, "items": {"type": "number"}}
    assert valid([1], args)
    assert valid([1, 2], args)
    assert not valid([1, 2, 3], args)
    assert not valid("foobar", args)


# JSON-Schema-Test-Suite uniqueitems.json (the suites WordPress runs; array-form items skipped).
_UNIQUE = [
    ([1, 2], True),
    ([1, 1], False),
    ([1.0, 1.00, 1], False),
    ([0, False], True),
    ([1, True], True),
    ([{"foo": "bar"}, {"foo": "baz"}], True),
    ([{"foo": "bar"}, {"foo": "bar"}], False),
    ([{"foo": {"bar": {"baz": True}}}, {"foo": {"bar": {"baz": False}}}], True),
    ([{"foo": {"bar": {"baz": True}}}, {"foo": {"bar": {"baz": True}}}], False),
    ([["foo"], ["bar"]], True),
    ([["foo"], ["foo"]], False),
    ([[1], [True]], True),
    ([[0], [False]], True),
    ([[[1], "foo"], [[True], "foo"]], True),
    ([[[0], "foo"], [[False], "foo"]], True),
    ([{}, [1], True, None, 1, "{}"], True),
    ([{}, [1], True, None, {}, 1], False),
    ([{"a": 1, "b": 2}, {"a": 2, "b": 1}], True),
    ([{"a": 1, "b": 2}, {"b": 2, "a": 1}], False),
]
_ALL_TYPES = ["object", "array", "null", "number", "integer", "boolean", "string"]


@pytest.mark.parametrize("unique", [True, False])
@pytest.mark.parametrize(("data", "expected"), _UNIQUE)
def test_unique_items(unique, data, expected):
    args = {
        "type": "array",
        "uniqueItems": unique,
        "items": {"type": _ALL_TYPES, "items": {"type": _ALL_TYPES}},
    }
    assert valid(data, args) is (expected or not unique)


def test_unique_items_deep_objects():
    release = {
        "type": "object",
        "properties": {"name": {"type": "string"}, "version": {"type": "string"}},
    }
    args = {
        "type": "array",
        "uniqueItems": True,
        "items": {"type": "object", "properties": {"release": release}},
    }
    data = [
        {"release": {"name": "Kirk", "version": "5.3"}},
        {"release": {"version": "5.3", "name": "Kirk"}},
    ]
    assert error(data, args, "p").message == "p has duplicate items."
    data[0]["release"]["version"] = "5.3.0"
    assert valid(data, args)


def test_unique_items_deep_arrays():
    args = {
        "type": "array",
        "uniqueItems": True,
        "items": {"type": "array", "items": {"type": "string"}},
    }
    assert not valid([["Kirk", "Jaco"], ["Kirk", "Jaco"]], args)
    assert valid([["Kirk", "Jaco"], ["Jaco", "Kirk"]], args)


def test_string_or_integer():
    args = {"type": ["integer", "string"]}
    for value in ("garbage", 15, "15", "15.5"):
        assert valid(value, args)
    assert not valid(15.5, args)


# JSON-Schema-Test-Suite anyOf.json / oneOf.json, minus the suites WordPress skips.
_ANY_OF = [
    ({"anyOf": [{"type": "integer"}, {"type": ["integer", "number"], "minimum": 2}]}, 1, True),
    ({"anyOf": [{"type": "integer"}, {"type": ["integer", "number"], "minimum": 2}]}, 2.5, True),
    ({"anyOf": [{"type": "integer"}, {"type": ["integer", "number"], "minimum": 2}]}, 3, True),
    ({"anyOf": [{"type": "integer"}, {"type": ["integer", "number"], "minimum": 2}]}, 1.5, False),
    ({"type": "string", "anyOf": [{"maxLength": 2}, {"minLength": 4}]}, 3, False),
    ({"type": "string", "anyOf": [{"maxLength": 2}, {"minLength": 4}]}, "foobar", True),
    ({"type": "string", "anyOf": [{"maxLength": 2}, {"minLength": 4}]}, "foo", False),
]
_COMPLEX = [
    {"properties": {"bar": {"type": "integer"}}, "required": ["bar"]},
    {"properties": {"foo": {"type": "string"}}, "required": ["foo"]},
]
_ANY_OF += [
    ({"type": "object", "anyOf": _COMPLEX}, {"bar": 2}, True),
    ({"type": "object", "anyOf": _COMPLEX}, {"foo": "baz"}, True),
    ({"type": "object", "anyOf": _COMPLEX}, {"foo": "baz", "bar": 2}, True),
    ({"type": "object", "anyOf": _COMPLEX}, {"foo": 2, "bar": "quux"}, False),
]


@pytest.mark.parametrize(("args", "data", "expected"), _ANY_OF)
def test_any_of(args, data, expected):
    assert valid(data, args) is expected


_ONE_OF_NUMBERS = {"oneOf": [{"type": "integer"}, {"type": ["number", "integer"], "minimum": 2}]}
_ONE_OF_BASE = {"type": "string", "oneOf": [{"minLength": 2}, {"maxLength": 4}]}
_ONE_OF_REQUIRED = {
    "type": "object",
    "oneOf": [{"required": ["foo", "bar"]}, {"required": ["foo", "baz"]}],
}
_ONE_OF_OPTIONAL = {
    "type": "object",
    "oneOf": [
        {
            "properties": {"bar": {"type": "integer"}, "baz": {"type": "string"}},
            "required": ["bar"],
        },
        {"properties": {"foo": {"type": "string"}}, "required": ["foo"]},
    ],
}


@pytest.mark.parametrize(
    ("args", "data", "expected"),
    [
        (_ONE_OF_NUMBERS, 1, True),
        (_ONE_OF_NUMBERS, 2.5, True),
        (_ONE_OF_NUMBERS, 3, False),
        (_ONE_OF_NUMBERS, 1.5, False),
        (_ONE_OF_BASE, 3, False),
        (_ONE_OF_BASE, "foobar", True),
        (_ONE_OF_BASE, "foo", False),
        ({"type": "object", "oneOf": _COMPLEX}, {"bar": 2}, True),
        ({"type": "object", "oneOf": _COMPLEX}, {"foo": "baz"}, True),
        ({"type": "object", "oneOf": _COMPLEX}, {"foo": "baz", "bar": 2}, False),
        ({"type": "object", "oneOf": _COMPLEX}, {"foo": 2, "bar": "quux"}, False),
        (_ONE_OF_REQUIRED, {"bar": 2}, False),
        (_ONE_OF_REQUIRED, {"foo": 1, "bar": 2}, True),
        (_ONE_OF_REQUIRED, {"foo": 1, "baz": 3}, True),
        (_ONE_OF_REQUIRED, {"foo": 1, "bar": 2, "baz": 3}, False),
        (_ONE_OF_OPTIONAL, {"bar": 8}, True),
        (_ONE_OF_OPTIONAL, {"foo": "foo"}, True),
        (_ONE_OF_OPTIONAL, {"foo": "foo", "bar": 8}, False),
        (_ONE_OF_OPTIONAL, {"baz": "quux"}, False),
    ],
)
def test_one_of(args, data, expected):
    assert valid(data, args) is expected


_OBJ_A = {"type": "object", "properties": {"a": {"type": "string"}}}
_SQUARE = {
    "title": "square",
    "type": "object",
    "properties": {"b": {"type": "string"}, "c": {"type": "string"}},
}
_BX = {"type": "object", "properties": {"b": {"type": "boolean"}, "x": {"type": "boolean"}}}


@pytest.mark.parametrize(
    ("data", "args", "expected"),
    [
        (
            10,
            {"anyOf": [{"title": "circle", "type": "integer", "maximum": 5}]},
            "foo is not a valid circle. Reason: foo must be less than or equal to 5",
        ),
        (
            10,
            {"anyOf": [{"type": "integer", "maximum": 5}]},
            "foo does not match the expected format. Reason: foo must be less than or equal to 5",
        ),
        (
            {"a": 1},
            {"anyOf": [{"type": "boolean"}, {**_OBJ_A, "title": "circle"}]},
            "foo is not a valid circle. Reason: foo[a] is not of type string.",
        ),
        (
            {"a": 1},
            {"anyOf": [{"type": "boolean"}, _OBJ_A]},
            "foo does not match the expected format. Reason: foo[a] is not of type string.",
        ),
        (
            {"a": 1, "b": 2, "c": 3},
            {"anyOf": [{"type": "boolean"}, _OBJ_A, _SQUARE, _BX]},
            "foo is not a valid square. Reason: foo[b] is not of type string.",
        ),
        (
            {"a": 1, "b": 2, "c": 3},
            {"anyOf": [{"type": "boolean"}, _OBJ_A, {**_SQUARE, "title": None}, _BX]},
            "foo does not match the expected format. Reason: foo[b] is not of type string.",
        ),
        (
            "test",
            {
                "anyOf": [
                    {"title": "circle", "type": "boolean"},
                    {"title": "square", "type": "integer"},
                    {"title": "triangle", "type": "null"},
                ]
            },
            "foo is not a valid circle, square, and triangle.",
        ),
        (
            "test",
            {"anyOf": [{"type": "boolean"}, {"type": "integer"}, {"type": "null"}]},
            "foo does not match any of the expected formats.",
        ),
        (
            "test",
            {
                "oneOf": [
                    {"title": "circle", "type": "string"},
                    {"type": "integer"},
                    {"title": "triangle", "type": "string"},
                ]
            },
            "foo matches circle and triangle, but should match only one.",
        ),
        (
            "test",
            {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "string"}]},
            "foo matches more than one of the expected formats.",
        ),
    ],
)
def test_combining_operation_error_message(data, args, expected):
    assert error(data, args, "foo").message == expected


def test_combining_operation_error_data():
    failure = error(10, {"anyOf": [{"type": "integer", "maximum": 5}]}, "foo")
    assert (failure.code, failure.data) == ("rest_no_matching_schema", {"position": 0})
    failure = error("t", {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "string"}]})
    assert (failure.code, failure.data) == ("rest_one_of_multiple_matches", {"positions": [0, 2]})


# -------------------------------------------------------------- rest-schema-sanitization.php


def sanitized(value: Any, args: Any, param: str = "") -> Any:
    return sanitize_value_from_schema(value, args, param)


def test_sanitize_type_number():
    args = {"type": "number"}
    assert same(sanitized(1, args), 1.0)
    assert same(sanitized("1.10", args), 1.1)
    assert same(sanitized("1abc", args), 1.0)
    assert same(sanitized("abc", args), 0.0)
    assert same(sanitized([], args), 0.0)


def test_sanitize_type_integer():
    args = {"type": "integer"}
    for value, expected in ((1, 1), ("1.10", 1), ("1abc", 1), ("abc", 0), ([], 0), ("1e3", 1000)):
        assert same(sanitized(value, args), expected)


def test_sanitize_type_string():
    args = {"type": "string"}
    for value, expected in (("Hello", "Hello"), ("1.10", "1.10"), (1.1, "1.1"), (1, "1")):
        assert same(sanitized(value, args), expected)


def test_sanitize_type_boolean():
    args = {"type": "boolean"}
    for value in ("1", "true", "100", 1):
        assert sanitized(value, args) is True
    for value in ("0", "false", 0):
        assert sanitized(value, args) is False


def test_sanitize_format_email():
    args = {"type": "string", "format": "email"}
    for value in ("email@example.com", "a@b.c", "invalid"):
        assert sanitized(value, args) == value


def test_sanitize_format_ip():
    args = {"type": "string", "format": "ip"}
    for value in ("127.0.0.1", "hello", "2001:DB8:0:0:8:800:200C:417A"):
        assert sanitized(value, args) == value


def test_sanitize_format_hex_color():
    args = {"type": "string", "format": "hex-color"}
    assert sanitized("#000000", args) == "#000000"
    assert sanitized("#FFF", args) == "#FFF"
    assert sanitized("WordPress", args) == ""


def test_sanitize_format_uuid():
    args = {"type": "string", "format": "uuid"}
    assert sanitized(44, args) == "44"
    assert sanitized("hello", args) == "hello"
    uuid = "123e4567-e89b-12d3-a456-426655440000"
    assert sanitized(uuid, args) == uuid


def test_sanitize_type_array():
    args = {"type": "array", "items": {"type": "number"}}
    assert same(sanitized([1], args), [1.0])
    assert same(sanitized(["1"], args), [1.0])
    nested = {"type": "array", "items": args}
    assert same(sanitized([["1"], ["2"]], nested), [[1.0], [2.0]])


def test_sanitize_type_array_as_csv():
    args = {"type": "array", "items": {"type": "number"}}
    assert same(sanitized("1,2", args), [1.0, 2.0])
    assert same(sanitized("1,2,a", args), [1.0, 2.0, 0.0])
    assert same(sanitized("1,2,", args), [1.0, 2.0])


def test_sanitize_type_array_with_enum():
    args = {"type": "array", "items": {"enum": ["chicken", "ribs", "brisket"], "type": "string"}}
    assert sanitized(["ribs", "brisket"], args) == ["ribs", "brisket"]
    assert sanitized(["coleslaw"], args) == ["coleslaw"]
    assert sanitized("ribs,chicken", args) == ["ribs", "chicken"]
    assert sanitized("chicken,coleslaw,", args) == ["chicken", "coleslaw"]


def test_sanitize_type_array_is_associative():
    args = {"type": "array", "items": {"type": "string"}}
    assert sanitized({"first": "1", "second": "2"}, args) == ["1", "2"]


def test_sanitize_type_object():
    args = {"type": "object", "properties": {"a": {"type": "number"}}}
    assert same(sanitized({"a": 1}, args), {"a": 1.0})
    assert same(sanitized({"a": "1"}, args), {"a": 1.0})
    assert same(sanitized({"a": "1", "b": 1}, args), {"a": 1.0, "b": 1})


def test_sanitize_type_object_strips_additional_properties():
    args = {
        "type": "object",
        "properties": {"a": {"type": "number"}},
        "additionalProperties": False,
    }
    assert same(sanitized({"a": "1", "b": 1}, args), {"a": 1.0})


def test_sanitize_type_object_nested():
    value = {"a": {"b": "1", "c": "3", "d": "1"}, "b": 1}
    assert same(sanitized(value, _NESTED_OBJECT), {"a": {"b": 1.0, "c": 3.0, "d": "1"}, "b": 1})
    assert same(sanitized({"a": None}, _NESTED_OBJECT), {"a": {}})


def test_sanitize_type_object_accepts_empty_string():
    assert sanitized("", {"type": "object"}) == {}


def test_sanitize_type_unknown_and_no_type():
    for args in ({"type": "lalala"}, {"type": None}):
        assert same(sanitized("Best lyrics", args), "Best lyrics")
        assert same(sanitized(1.10, args), 1.1)
        assert same(sanitized(1, args), 1)


def test_sanitize_nullable_date():
    args = {"type": ["string", "null"], "format": "date-time"}
    assert sanitized(None, args) is None
    assert sanitized("2019-09-19T18:00:00", args) == "2019-09-19T18:00:00"
    assert sanitized("lalala", args) == "lalala"


def test_sanitize_format_is_skipped_if_non_string_type():
    args = {"type": "array", "format": "hex-color"}
    assert sanitized("#fff", args) == ["#fff"]
    assert sanitized("#qrst", args) == ["#qrst"]


@pytest.mark.parametrize("args", [{"format": "hex-color"}, {"format": "hex-color", "type": "str"}])
def test_sanitize_format_is_applied_if_missing_or_unknown_type(args):
    assert sanitized("#abc", args) == "#abc"
    assert sanitized("#jkl", args) == ""


def test_sanitize_object_or_string():
    args = {"type": ["object", "string"], "properties": {"raw": {"type": "string"}}}
    assert sanitized("My Value", args) == "My Value"
    assert sanitized({"raw": "My Value"}, args) == {"raw": "My Value"}
    assert sanitized({"raw": 1}, args) == {"raw": "1"}


def test_sanitize_object_or_bool():
    args = {"type": ["object", "boolean"], "properties": {"raw": {"type": "boolean"}}}
    for value in (True, "1", 1):
        assert sanitized(value, args) is True
    for value in (False, "0", 0):
        assert sanitized(value, args) is False
    for raw in (True, "1", 1, "something non boolean"):
        assert sanitized({"raw": raw}, args) == {"raw": True}
    for raw in (False, "0", 0):
        assert sanitized({"raw": raw}, args) == {"raw": False}


def test_sanitize_multi_type_with_unknown_types():
    assert sanitized("My Value", {"type": ["invalid", "type"]}) == "My Value"
    assert sanitized("My Value", {"type": ["object", "type"]}) == "My Value"


def test_sanitize_multi_type_returns_null_if_no_valid_type():
    assert sanitized(["Hello!"], {"type": ["number", "string"]}) is None


def test_sanitize_unique_items_after_sanitization():
    args = {"type": "array", "uniqueItems": True, "items": {"type": "string", "format": "uri"}}
    data = ["https://example.org/hello%20world", "https://example.org/hello world"]
    assert valid(data, args)
    result = sanitized(data, args, "p")
    assert isinstance(result, WPError)
    assert (result.code, result.message) == ("rest_duplicate_items", "p has duplicate items.")


def test_sanitize_any_of():
    args = {
        "anyOf": [
            {"type": "integer", "multipleOf": 2},
            {"type": "string", "maxLength": 1},
        ]
    }
    assert same(sanitized("4", args), 4)
    assert same(sanitized("5", args), "5")
    assert isinstance(sanitized(True, args), WPError)
    assert isinstance(sanitized("11", args), WPError)


def test_sanitize_one_of():
    args = {
        "oneOf": [
            {"type": "integer", "multipleOf": 2},
            {"type": "string", "maxLength": 1},
        ]
    }
    assert same(sanitized("10", args), 10)
    assert same(sanitized("5", args), "5")
    for value in (True, "11", "4"):
        assert isinstance(sanitized(value, args), WPError)


# --------------------------------------------------------------- rest-request-validation.php


def _range(**extra: Any) -> dict[str, Any]:
    return {"type": "integer", "minimum": 2, "maximum": 10, **extra}


@pytest.mark.parametrize(
    ("args", "message", "passing", "failing"),
    [
        (_range(), "between 2 (inclusive) and 10 (inclusive)", (2, 10), (1, 11)),
        (
            _range(exclusiveMinimum=True),
            "between 2 (exclusive) and 10 (inclusive)",
            (3, 9, 10),
            (1, 2, 11),
        ),
        (
            _range(exclusiveMaximum=True),
            "between 2 (inclusive) and 10 (exclusive)",
            (2, 3, 9),
            (1, 10, 11),
        ),
        (
            _range(exclusiveMinimum=True, exclusiveMaximum=True),
            "between 2 (exclusive) and 10 (exclusive)",
            (3, 9),
            (1, 2, 10, 11),
        ),
        ({"type": "integer", "minimum": 2}, "greater than or equal to 2", (2,), (1,)),
        (
            {"type": "integer", "minimum": 2, "exclusiveMinimum": True},
            "greater than 2",
            (3,),
            (1, 2),
        ),
        ({"type": "integer", "maximum": 10}, "less than or equal to 10", (10,), (11,)),
        (
            {"type": "integer", "maximum": 10, "exclusiveMaximum": True},
            "less than 10",
            (9,),
            (10, 11),
        ),
    ],
)
def test_request_arg_bounds(args, message, passing, failing):
    for value in passing:
        assert validate_request_arg(value, "minmaxrange", args) is None
    for value in failing:
        failure = validate_request_arg(value, "minmaxrange", args)
        assert isinstance(failure, WPError)
        assert (failure.code, failure.message, failure.data) == (
            "rest_out_of_bounds",
            f"minmaxrange must be {message}",
            None,
        )


# --------------------------------------------------------------------------- rest-controller.php


_CONTROLLER_ARGS: dict[str, dict[str, Any]] = {
    "someinteger": {"type": "integer"},
    "someboolean": {"type": "boolean"},
    "somestring": {"type": "string"},
    "somehex": {"type": "string", "format": "hex-color"},
    "someenum": {"type": "string", "enum": ["a"]},
    "somedate": {"type": "string", "format": "date-time"},
    "someemail": {"type": "string", "format": "email"},
    "someuuid": {"type": "string", "format": "uuid"},
}


@pytest.mark.parametrize(
    ("param", "good", "bad", "code"),
    [
        ("someinteger", "123", "abc", "rest_invalid_type"),
        ("someboolean", "False", "123", "rest_invalid_type"),
        ("somestring", "123", {"foo": "bar"}, "rest_invalid_type"),
        ("someenum", "a", "d", "rest_not_in_enum"),
        ("someemail", "joe@foo.bar", "d", "rest_invalid_email"),
        ("somehex", "#000000", "wibble", "rest_invalid_hex_color"),
        ("somedate", "2010-01-01T12:00:00", "2010-18-18T12:00:00", "rest_invalid_date"),
        (
            "someuuid",
            "123e4567-e89b-12d3-a456-426655440000",
            "123e4567-e89b-12d3-a456-426655440000X",
            "rest_invalid_uuid",
        ),
    ],
)
def test_validate_schema_request_args(param, good, bad, code):
    assert validate_request_arg(good, param, _CONTROLLER_ARGS[param]) is None
    failure = validate_request_arg(bad, param, _CONTROLLER_ARGS[param])
    assert isinstance(failure, WPError)
    assert failure.code == code


def test_validate_schema_type_boolean_request_args():
    args = _CONTROLLER_ARGS["someboolean"]
    for value in (True, False, "true", "TRUE", "false", "False", "1", "0", 1, 0):
        assert validate_request_arg(value, "someboolean", args) is None
    for value in ("false", "0", 0, "FALSE"):
        assert sanitize_request_arg(value, "someboolean", args) is False
    for value in ("true", "1", 1, "TRUE"):
        assert sanitize_request_arg(value, "someboolean", args) is True


def test_request_arg_without_array_spec_passes_through():
    assert validate_request_arg("x", "p", "not an array") is None
    assert sanitize_request_arg("x", "p", None) == "x"
    assert parse_request_arg("x", "p", 5) == "x"


def test_parse_request_arg_validates_then_sanitizes():
    assert same(parse_request_arg("5.0", "id", {"type": "integer"}), 5)
    assert same(parse_request_arg("1e3", "id", {"type": "integer"}), 1000)
    failure = parse_request_arg("abc", "id", {"type": "integer"})
    assert isinstance(failure, WPError)
    assert (failure.code, failure.message, failure.data) == (
        "rest_invalid_type",
        "id is not of type integer.",
        {"param": "id"},
    )


# ------------------------------------------------------- exact strings (wp-rest-core.md §2.5)


@pytest.mark.parametrize(
    ("value", "args", "expected"),
    [
        (
            "x",
            {"type": "integer"},
            E("rest_invalid_type", "p is not of type integer.", {"param": "p"}),
        ),
        (
            True,
            {"type": "number"},
            E("rest_invalid_type", "p is not of type number.", {"param": "p"}),
        ),
        (
            1.5,
            {"type": "integer"},
            E("rest_invalid_type", "p is not of type integer.", {"param": "p"}),
        ),
        (
            {},
            {"type": ["string", "null"]},
            E("rest_invalid_type", "p is not of type string,null.", {"param": "p"}),
        ),
        ("d", {"type": "string", "enum": ["a"]}, E("rest_not_in_enum", "p is not a.")),
        (
            "d",
            {"type": "string", "enum": ["a", "b"]},
            E("rest_not_in_enum", "p is not one of a and b."),
        ),
        (
            "d",
            {"type": "string", "enum": ["a", "b", "c"]},
            E("rest_not_in_enum", "p is not one of a, b, and c."),
        ),
        (
            "d",
            {"enum": [None, True, 1.5, {"a": "/"}, [1, "é"]]},
            E("rest_not_in_enum", 'p is not one of null, 1, 1.5, {"a":"\\/"}, and [1,"\\u00e9"].'),
        ),
        ("d", {"enum": "abc"}, E("rest_not_in_enum", "p is not one of ")),
        (3, {"type": "number", "multipleOf": 0.5, "minimum": 0}, None),
        (
            3.2,
            {"type": "number", "multipleOf": 0.5},
            E("rest_invalid_multiple", "p must be a multiple of 0.5."),
        ),
        (
            3,
            {"type": "number", "multipleOf": 0},
            E("rest_invalid_multiple", "p must be a multiple of 0."),
        ),
        (
            1,
            {"type": "integer", "minimum": 1.5},
            E("rest_out_of_bounds", "p must be greater than or equal to 1"),
        ),
        (
            "",
            {"type": "string", "minLength": 1},
            E("rest_too_short", "p must be at least 1 character long."),
        ),
        (
            "",
            {"type": "string", "minLength": 1000},
            E("rest_too_short", "p must be at least 1,000 characters long."),
        ),
        (
            "ab",
            {"type": "string", "maxLength": 1},
            E("rest_too_long", "p must be at most 1 character long."),
        ),
        (
            "ab",
            {"type": "string", "pattern": "^a$"},
            E("rest_invalid_pattern", "p does not match pattern ^a$."),
        ),
        (
            [],
            {"type": "array", "minItems": 1},
            E("rest_too_few_items", "p must contain at least 1 item."),
        ),
        (
            [1, 2, 3],
            {"type": "array", "maxItems": 2},
            E("rest_too_many_items", "p must contain at most 2 items."),
        ),
        (
            [1, 1],
            {"type": "array", "uniqueItems": True},
            E("rest_duplicate_items", "p has duplicate items."),
        ),
        (
            {},
            {"type": "object", "minProperties": 2},
            E("rest_too_few_properties", "p must contain at least 2 properties."),
        ),
        (
            {"a": 1, "b": 2},
            {"type": "object", "maxProperties": 1},
            E("rest_too_many_properties", "p must contain at most 1 property."),
        ),
        (
            {},
            {"type": "object", "required": ["a"]},
            E("rest_property_required", "a is a required property of p."),
        ),
        (
            {"a": "x"},
            {"type": "object", "properties": {"a": {"type": "integer"}}},
            E("rest_invalid_type", "p[a] is not of type integer.", {"param": "p[a]"}),
        ),
        (
            ["x"],
            {"type": "array", "items": {"type": "integer"}},
            E("rest_invalid_type", "p[0] is not of type integer.", {"param": "p[0]"}),
        ),
        (
            "#ggg",
            {"type": "string", "format": "hex-color"},
            E("rest_invalid_hex_color", "Invalid hex color."),
        ),
        ("x", {"type": "string", "format": "date-time"}, E("rest_invalid_date", "Invalid date.")),
        (
            "1970-01-01T00:00:00Z",
            {"type": "string", "format": "date-time"},
            E("rest_invalid_date", "Invalid date."),
        ),
        (
            "x",
            {"type": "string", "format": "email"},
            E("rest_invalid_email", "Invalid email address."),
        ),
        (
            "x",
            {"type": "string", "format": "ip"},
            E("rest_invalid_ip", "p is not a valid IP address."),
        ),
        (
            "A" * 8 + "-e89b-12d3-a456-426655440000",
            {"type": "string", "format": "uuid"},
            E("rest_invalid_uuid", "p is not a valid UUID."),
        ),
        ("not a url", {"type": "string", "format": "uri"}, None),
        ("x", {"anyOf": []}, E("rest_no_matching_schema", "p is not a valid ")),
    ],
)
def test_error_codes_messages_and_data(value, args, expected):
    result = validate_value_from_schema(value, args, "p")
    assert result is None if expected is None else same(result, expected)


def test_spec_coercions():
    """wp-rest-core.md §8.7: the coercions clients rely on."""
    booleans: list[Any] = ["true", "false", "1", "0", 0, 1, "TRUE"]
    assert all(is_boolean(value) for value in booleans)
    not_booleans: list[Any] = ["yes", "on", "", 2, 1.0, None]
    assert not any(is_boolean(value) for value in not_booleans)
    integers: list[Any] = ["5", "5.0", 5.0, "1e3", " 5", "5 "]
    assert all(is_integer(value) for value in integers)
    not_integers: list[Any] = ["0x1A", True, "5.5", None, "abc"]
    assert not any(is_integer(value) for value in not_integers)
    assert same(sanitized("a,b c", {"type": "array"}), ["a", "b", "c"])
    assert same(sanitized(5, {"type": "array"}), ["5"])
    assert same(sanitized("", {"type": "array"}), [])
    assert not valid("123E4567-e89b-12d3-a456-426655440000", {"type": "string", "format": "uuid"})
    assert valid("javascript:alert(1)", {"type": "string", "format": "uri"})
    assert sanitized("javascript:alert(1)", {"type": "string", "format": "uri"}) == ""


def test_sanitize_boolean_quirks():
    assert sanitize_boolean("FaLsE") is False
    assert sanitize_boolean("") is False
    assert sanitize_boolean(" ") is True
    assert sanitize_boolean([]) is False
    assert sanitize_boolean(0.0) is False


@pytest.mark.parametrize(
    ("items", "expected"),
    [
        ([], ""),
        (["a"], "a"),
        (["a", "b"], "a and b"),
        (["a", "b", "c"], "a, b, and c"),
        ([1, True, 1.5, None], "1, 1, 1.5, and "),
    ],
)
def test_sprintf_l(items, expected):
    assert sprintf_l(items) == expected


def test_parse_list():
    assert parse_list("a,b c\t,d") == ["a", "b", "c", "d"]
    assert parse_list(",, ,") == []
    assert parse_list(1.5) == ["1.5"]
    assert parse_list(False) == []
    assert parse_list("a\u00a0b") == ["a\u00a0b"]  # \s without the u flag is ASCII whitespace
    assert parse_list(["a", 1, None, [2], True]) == ["a", "1", "1"]


def test_describe_arg_keeps_order_and_appends_required():
    opts = {
        "required": True,
        "description": "d",
        "sanitize_callback": str,
        "type": "string",
        "context": ["view"],
        "enum": ["a"],
        "items": {"type": "string", "required": True, "context": ["edit"]},
    }
    described = describe_arg(opts)
    assert list(described) == ["description", "type", "enum", "items", "required"]
    assert described["items"] == {"type": "string", "required": True, "context": ["edit"]}
    assert described["required"] is True
    assert describe_arg({}) == {"required": False}
    assert describe_arg({"required": "0"}) == {"required": False}
    assert describe_arg("type") == {"type": 0, "required": False}
    assert describe_arg(None) == {"required": False}
    assert schema.ALLOWED_SCHEMA_KEYWORDS[:3] == ("title", "description", "default")
    assert len(schema.ALLOWED_SCHEMA_KEYWORDS) == 25


def test_php_float_formatting_in_messages():
    assert (
        error(1, {"type": "number", "multipleOf": 0.1}, "p").message
        == "p must be a multiple of 0.1."
    )
    assert (
        error(1, {"type": "number", "multipleOf": 1e20}, "p").message
        == "p must be a multiple of 1.0E+20."
    )
    assert error(5, {"type": "number", "maximum": 1e20, "minimum": 9}, "p").message == (
        "p must be between 9 (inclusive) and 7766279631452241920 (inclusive)"
    )


# --------------------------------------------------------------------------- totality


_GARBAGE_SCHEMAS: list[Any] = [
    None,
    "string",
    [],
    [1, 2],
    {"type": []},
    {"type": {}},
    {"type": [[], {}, None, 1.5]},
    {"type": "object", "properties": [1], "patternProperties": "x", "required": "a"},
    {"type": "object", "required": [[1], None, 1.5, True]},
    {"type": "object", "patternProperties": {"(": {"type": "integer"}, "[": None}},
    {"type": "string", "pattern": "("},
    {"type": "string", "pattern": ["a"]},
    {"type": "string", "pattern": "a\\"},
    {"type": "string", "pattern": "\\"},
    {"type": "string", "pattern": "(?R)"},
    {"type": "string", "pattern": "a{99999999999}"},
    {"type": "string", "minLength": "abc", "maxLength": [1]},
    {"type": "number", "minimum": "abc", "maximum": {}, "multipleOf": "x"},
    {"type": "number", "multipleOf": [1]},
    {"type": "array", "items": [], "minItems": None, "uniqueItems": "yes"},
    {"anyOf": [True, False, None, "x", {}]},
    {"oneOf": [True, {"type": "object"}], "type": "object"},
    {"enum": [[], {}, None, NAN, INF]},
    {"type": True, "format": True},
    {"type": 5, "format": 0},
    {"format": "ip"},
    {"format": "date-time"},
    {1: "x", None: "y", (1, 2): "z"},
]
_GARBAGE_VALUES: list[Any] = [
    None,
    True,
    0,
    -0.0,
    NAN,
    INF,
    -INF,
    2**80,
    -(2**70),
    "",
    "\udcff",
    "\x00",
    "a" * 10_000,
    [None, [], {}],
    {1: "a", None: "b", 2.5: "c", False: "d"},
    {"": {"": {"": []}}},
    (1, 2),
    {1, 2},
    b"bytes",
    WPError("x", "y"),
]


@pytest.mark.parametrize("args", _GARBAGE_SCHEMAS)
def test_garbage_never_raises(args):
    for value in _GARBAGE_VALUES:
        result = validate_value_from_schema(value, args, "p")
        assert result is None or isinstance(result, WPError)
        sanitize_value_from_schema(value, args, "p")
        parse_request_arg(value, "p", args)


def test_invalid_patterns_do_not_match():
    for pattern in ("(", "a\\", "[", "*", "\\8", "(?<=a+", "\\k<x>"):
        failure = error("a", {"type": "string", "pattern": pattern}, "p")
        assert failure.code == "rest_invalid_pattern"
    # invalid UTF-8 subject: preg_match() false
    assert not formats.validate_json_schema_pattern("a", "\udcff")


def test_catastrophic_pattern_is_bounded():
    started = time.perf_counter()
    assert not valid("a" * 5000 + "!", {"type": "string", "pattern": "^(a|aa)+$"})
    assert not formats.validate_json_schema_pattern("(x+x+)+y", "x" * 5000)
    assert time.perf_counter() - started < 5


def test_self_referencing_schema_and_deep_value_give_an_error():
    tree: dict[str, Any] = {"type": "array"}
    tree["items"] = tree
    value: Any = []
    for _ in range(5000):
        value = [value]
    failure = validate_value_from_schema(value, tree, "p")
    assert isinstance(failure, WPError)
    assert failure.code == "rest_invalid_param"
    assert isinstance(sanitize_value_from_schema(value, tree, "p"), WPError)
    assert valid([[[]]], tree)


def test_non_string_keys_are_php_keys():
    args = {"type": "object", "properties": {"1": {"type": "integer"}}, "required": [1]}
    assert valid({1: "5"}, args)
    assert same(sanitized({1: "5"}, args), {1: 5})
    assert schema.is_array({"0": "a", "1": "b"})
    assert not schema.is_array({"0": "a", "x": "b"})
    assert sanitized({"0": "a", "1": "b"}, {"type": "array"}) == ["a", "b"]


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=3), children, max_size=3)
    ),
    max_leaves=12,
)
_TYPES = st.sampled_from([*schema.ALLOWED_TYPES, "x", None, True])
_SCHEMAS = st.recursive(
    st.fixed_dictionaries(
        {"type": _TYPES | st.lists(_TYPES, max_size=3)},
        optional={
            "format": st.sampled_from(
                ["hex-color", "date-time", "email", "ip", "uuid", "uri", "text-field"]
            ),
            "enum": st.lists(_JSON, max_size=3),
            "minimum": st.integers(-5, 5) | st.floats(allow_nan=False),
            "maximum": st.integers(-5, 5),
            "exclusiveMinimum": st.booleans(),
            "multipleOf": st.sampled_from([0, 0.5, 2, "x"]),
            "minLength": st.integers(0, 3),
            "pattern": st.sampled_from(["^a", "(", "[0-9]+", "#"]),
            "uniqueItems": st.booleans(),
            "minItems": st.integers(0, 2),
            "additionalProperties": st.booleans(),
        },
    ),
    lambda children: st.fixed_dictionaries(
        {},
        optional={
            "type": _TYPES,
            "items": children,
            "properties": st.dictionaries(st.text(max_size=2), children, max_size=2),
            "anyOf": st.lists(children, max_size=2),
            "oneOf": st.lists(children, max_size=2),
            "required": st.lists(st.text(max_size=2), max_size=2) | st.booleans(),
        },
    ),
    max_leaves=6,
)


@settings(max_examples=300, deadline=None)
@given(value=_JSON, args=_SCHEMAS)
def test_any_json_and_schema_gives_a_result(value, args):
    result = validate_value_from_schema(value, args, "p")
    assert result is None or isinstance(result, WPError)
    parsed = parse_request_arg(value, "p", args)
    if result is not None:
        assert isinstance(parsed, WPError)


# --------------------------------------------------------------------------- PHP-made vectors
# Produced by calling WordPress 6.1.9's own functions (Debian's wordpress package) under php 8.2
# with a stub bootstrap; PHP fatals (TypeErrors on arrays) were left out.

_PY_FUNCTIONS: dict[str, Any] = {
    "validate": lambda value, args, param: validate_value_from_schema(value, args, param) or True,
    "sanitize": sanitize_value_from_schema,
    "rest_is_integer": is_integer,
    "wp_parse_list": parse_list,
}

TYPE_VECTORS = [
    ("rest_is_integer", ["5"], True),
    ("rest_is_integer", ["5.0"], True),
    ("rest_is_integer", ["1e3"], True),
    ("rest_is_integer", [" 5"], True),
    ("rest_is_integer", ["5 "], True),
    ("rest_is_integer", ["0x1A"], False),
    ("rest_is_integer", ["5.5"], False),
    ("rest_is_integer", [1e300], True),
    ("rest_is_integer", [5.5], False),
    ("rest_is_integer", [".5"], False),
    ("rest_is_integer", ["5."], True),
    ("rest_is_integer", ["-0"], True),
    ("rest_is_integer", ["+3"], True),
    ("rest_is_integer", ["1e"], False),
    ("rest_is_integer", [""], False),
    ("rest_is_integer", ["abc"], False),
    ("rest_is_integer", [9007199254740993], True),
    ("wp_parse_list", ["a,b c"], ["a", "b", "c"]),
    ("wp_parse_list", [""], []),
    ("wp_parse_list", ["a,,b"], ["a", "b"]),
    ("wp_parse_list", [" a "], ["a"]),
    ("wp_parse_list", [5], ["5"]),
    ("wp_parse_list", [1.5], ["1.5"]),
    ("wp_parse_list", [True], ["1"]),
    ("wp_parse_list", [False], []),
    ("wp_parse_list", ["a\xa0b"], ["a\xa0b"]),
    ("wp_parse_list", ["a\x0bb"], ["a", "b"]),
]
SCHEMA_VECTORS = [
    (
        "validate",
        [None, {"type": "number", "minimum": 1, "maximum": 2}, "p"],
        E("rest_invalid_type", "p is not of type number.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": "number", "minimum": 1, "maximum": 2}, "p"], 0.0),
    (
        "validate",
        [0, {"type": "number", "minimum": 1, "maximum": 2}, "p"],
        E("rest_out_of_bounds", "p must be between 1 (inclusive) and 2 (inclusive)", None),
    ),
    (
        "validate",
        [None, {"type": "integer", "minimum": 1, "maximum": 2}, "p"],
        E("rest_invalid_type", "p is not of type integer.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": "integer", "minimum": 1, "maximum": 2}, "p"], 0),
    ("sanitize", [None, {"type": "integer", "minimum": 2, "exclusiveMinimum": True}, "p"], 0),
    (
        "validate",
        [0, {"type": "integer", "minimum": 2, "exclusiveMinimum": True}, "p"],
        E("rest_out_of_bounds", "p must be greater than 2", None),
    ),
    ("sanitize", [None, {"type": "integer", "maximum": 10, "exclusiveMaximum": True}, "p"], 0),
    (
        "validate",
        [1e20, {"type": "integer", "maximum": 10, "exclusiveMaximum": True}, "p"],
        E("rest_out_of_bounds", "p must be less than 10", None),
    ),
    (
        "validate",
        [
            0,
            {
                "type": "integer",
                "minimum": 2,
                "maximum": 10,
                "exclusiveMinimum": True,
                "exclusiveMaximum": 1,
            },
            "p",
        ],
        E("rest_out_of_bounds", "p must be between 2 (exclusive) and 10 (exclusive)", None),
    ),
    ("sanitize", [None, {"type": "number", "minimum": 1.7, "maximum": "9.9"}, "p"], 0.0),
    ("sanitize", [None, {"type": "number", "multipleOf": 0.5}, "p"], 0.0),
    ("sanitize", [None, {"type": "integer", "multipleOf": 2}, "p"], 0),
    (
        "validate",
        [1, {"type": "integer", "multipleOf": 2}, "p"],
        E("rest_invalid_multiple", "p must be a multiple of 2.", None),
    ),
    ("sanitize", [None, {"type": "number", "multipleOf": 0}, "p"], 0.0),
    (
        "validate",
        [None, {"type": "string"}, "p"],
        E("rest_invalid_type", "p is not of type string.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": "string"}, "p"], ""),
    (
        "validate",
        [None, {"type": "boolean"}, "p"],
        E("rest_invalid_type", "p is not of type boolean.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": "boolean"}, "p"], False),
    ("sanitize", [None, {"type": "null"}, "p"], None),
    (
        "validate",
        [True, {"type": "null"}, "p"],
        E("rest_invalid_type", "p is not of type null.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": "lalala"}, "p"], None),
    ("sanitize", [None, {"type": None}, "p"], None),
    ("sanitize", [None, {}, "p"], None),
    ("sanitize", [None, {"type": "string", "format": "email"}, "p"], ""),
    (
        "validate",
        ["", {"type": "string", "format": "email"}, "p"],
        E("rest_invalid_email", "Invalid email address.", None),
    ),
    ("sanitize", [None, {"type": "string", "format": "hex-color"}, "p"], ""),
    (
        "validate",
        ["", {"type": "string", "format": "hex-color"}, "p"],
        E("rest_invalid_hex_color", "Invalid hex color.", None),
    ),
    ("sanitize", [None, {"type": "string", "format": "uuid"}, "p"], ""),
    (
        "validate",
        ["", {"type": "string", "format": "uuid"}, "p"],
        E("rest_invalid_uuid", "p is not a valid UUID.", None),
    ),
    ("sanitize", [None, {"type": "string", "format": "date-time"}, "p"], ""),
    (
        "validate",
        ["", {"type": "string", "format": "date-time"}, "p"],
        E("rest_invalid_date", "Invalid date.", None),
    ),
    ("sanitize", [None, {"type": "string", "format": "ip"}, "p"], ""),
    (
        "validate",
        ["", {"type": "string", "format": "ip"}, "p"],
        E("rest_invalid_ip", "p is not a valid IP address.", None),
    ),
    ("sanitize", [None, {"type": "string", "format": "uri"}, "p"], ""),
    ("sanitize", [None, {"type": "string", "format": "text-field"}, "p"], ""),
    ("sanitize", [None, {"type": "string", "format": "textarea-field"}, "p"], ""),
    ("sanitize", [None, {"format": "email"}, "p"], ""),
    ("sanitize", [None, {"format": "hex-color", "type": "str"}, "p"], ""),
    (
        "validate",
        [None, {"type": "array", "format": "hex-color"}, "p"],
        E("rest_invalid_type", "p is not of type array.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": "array", "format": "hex-color"}, "p"], []),
    ("sanitize", [None, {"type": "array", "items": {"type": "number"}}, "p"], []),
    (
        "validate",
        ["0x1A", {"type": "array", "items": {"type": "number"}}, "p"],
        E("rest_invalid_type", "p[0] is not of type number.", {"param": "p[0]"}),
    ),
    (
        "sanitize",
        [0, {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}, "p"],
        [0],
    ),
    (
        "validate",
        [1.5, {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}, "p"],
        E("rest_invalid_type", "p[0] is not of type integer.", {"param": "p[0]"}),
    ),
    (
        "validate",
        [[1, 1], {"type": "array", "items": {"type": "integer"}, "uniqueItems": True}, "p"],
        E("rest_duplicate_items", "p has duplicate items.", None),
    ),
    ("sanitize", [None, {"type": "array", "uniqueItems": True}, "p"], []),
    ("sanitize", [None, {"type": "array", "minItems": 1, "maxItems": 2}, "p"], []),
    (
        "validate",
        [False, {"type": "array", "minItems": 1, "maxItems": 2}, "p"],
        E("rest_too_few_items", "p must contain at least 1 item.", None),
    ),
    (
        "validate",
        ["a,b c", {"type": "array", "minItems": 1, "maxItems": 2}, "p"],
        E("rest_too_many_items", "p must contain at most 2 items.", None),
    ),
    ("sanitize", [None, {"type": "array", "minItems": 1000, "maxItems": 1}, "p"], []),
    (
        "validate",
        [True, {"type": "array", "minItems": 1000, "maxItems": 1}, "p"],
        E("rest_too_few_items", "p must contain at least 1,000 items.", None),
    ),
    (
        "validate",
        [
            True,
            {"type": "array", "items": {"type": "string", "enum": ["chicken", "ribs", "brisket"]}},
            "p",
        ],
        E("rest_not_in_enum", "p[0] is not one of chicken, ribs, and brisket.", None),
    ),
    (
        "validate",
        [
            [1, 2],
            {"type": "array", "items": {"type": "string", "enum": ["chicken", "ribs", "brisket"]}},
            "p",
        ],
        E("rest_invalid_type", "p[0] is not of type string.", {"param": "p[0]"}),
    ),
    (
        "validate",
        [None, {"type": "object", "properties": {"a": {"type": "number"}}}, "p"],
        E("rest_invalid_type", "p is not of type object.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": "object", "properties": {"a": {"type": "number"}}}, "p"], []),
    (
        "validate",
        [{"a": None}, {"type": "object", "properties": {"a": {"type": "number"}}}, "p"],
        E("rest_invalid_type", "p[a] is not of type number.", {"param": "p[a]"}),
    ),
    (
        "validate",
        [
            [1, 2],
            {
                "type": "object",
                "properties": {"a": {"type": "number"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", "0 is not a valid property of Object.", None),
    ),
    (
        "validate",
        [
            {"a": "1", "b": 2},
            {
                "type": "object",
                "properties": {"a": {"type": "number"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", "b is not a valid property of Object.", None),
    ),
    (
        "validate",
        [
            {"propA": "a", "prop0": "0"},
            {
                "type": "object",
                "properties": {"a": {"type": "number"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", "propA is not a valid property of Object.", None),
    ),
    (
        "validate",
        [
            {"": "", "propA": "a"},
            {
                "type": "object",
                "properties": {"a": {"type": "number"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", " is not a valid property of Object.", None),
    ),
    (
        "validate",
        [
            {"raw": "x"},
            {
                "type": "object",
                "properties": {"a": {"type": "number"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", "raw is not a valid property of Object.", None),
    ),
    (
        "validate",
        [
            {"bar": 2},
            {
                "type": "object",
                "properties": {"a": {"type": "number"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", "bar is not a valid property of Object.", None),
    ),
    (
        "validate",
        [
            {"foo": "baz"},
            {
                "type": "object",
                "properties": {"a": {"type": "number"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", "foo is not a valid property of Object.", None),
    ),
    ("sanitize", [None, {"type": "object", "additionalProperties": {"type": "integer"}}, "p"], []),
    (
        "validate",
        [{"a": None}, {"type": "object", "additionalProperties": {"type": "integer"}}, "p"],
        E("rest_invalid_type", "p[a] is not of type integer.", {"param": "p[a]"}),
    ),
    (
        "validate",
        [
            {"propA": "a", "prop0": "0"},
            {"type": "object", "additionalProperties": {"type": "integer"}},
            "p",
        ],
        E("rest_invalid_type", "p[propA] is not of type integer.", {"param": "p[propA]"}),
    ),
    (
        "validate",
        [
            {"": "", "propA": "a"},
            {"type": "object", "additionalProperties": {"type": "integer"}},
            "p",
        ],
        E("rest_invalid_type", "p[] is not of type integer.", {"param": "p[]"}),
    ),
    (
        "validate",
        [{"raw": "x"}, {"type": "object", "additionalProperties": {"type": "integer"}}, "p"],
        E("rest_invalid_type", "p[raw] is not of type integer.", {"param": "p[raw]"}),
    ),
    (
        "validate",
        [{"foo": "baz"}, {"type": "object", "additionalProperties": {"type": "integer"}}, "p"],
        E("rest_invalid_type", "p[foo] is not of type integer.", {"param": "p[foo]"}),
    ),
    (
        "validate",
        [
            {"foo": 2, "bar": "quux"},
            {"type": "object", "additionalProperties": {"type": "integer"}},
            "p",
        ],
        E("rest_invalid_type", "p[bar] is not of type integer.", {"param": "p[bar]"}),
    ),
    (
        "validate",
        [
            {"a": 1},
            {
                "type": "object",
                "properties": {"propA": {"type": "string"}},
                "patternProperties": {"[0-9]": {"type": "integer"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_additional_properties_forbidden", "a is not a valid property of Object.", None),
    ),
    (
        "validate",
        [
            {"a": 1},
            {
                "type": "object",
                "properties": {"propA": {"type": "string"}},
                "patternProperties": {".+": {"type": "string"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_invalid_type", "p[a] is not of type string.", {"param": "p[a]"}),
    ),
    (
        "validate",
        [
            {"a": "1", "b": 2},
            {
                "type": "object",
                "properties": {"propA": {"type": "string"}},
                "patternProperties": {".+": {"type": "string"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_invalid_type", "p[b] is not of type string.", {"param": "p[b]"}),
    ),
    (
        "validate",
        [
            {"raw": 1},
            {
                "type": "object",
                "properties": {"propA": {"type": "string"}},
                "patternProperties": {".+": {"type": "string"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_invalid_type", "p[raw] is not of type string.", {"param": "p[raw]"}),
    ),
    (
        "validate",
        [
            {"bar": 2},
            {
                "type": "object",
                "properties": {"propA": {"type": "string"}},
                "patternProperties": {".+": {"type": "string"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_invalid_type", "p[bar] is not of type string.", {"param": "p[bar]"}),
    ),
    (
        "validate",
        [
            {"foo": 2, "bar": "quux"},
            {
                "type": "object",
                "properties": {"propA": {"type": "string"}},
                "patternProperties": {".+": {"type": "string"}},
                "additionalProperties": False,
            },
            "p",
        ],
        E("rest_invalid_type", "p[foo] is not of type string.", {"param": "p[foo]"}),
    ),
    (
        "validate",
        [
            {"a": 1},
            {
                "type": "object",
                "properties": {"a": {"type": "object", "properties": {"b": {"type": "number"}}}},
            },
            "p",
        ],
        E("rest_invalid_type", "p[a] is not of type object.", {"param": "p[a]"}),
    ),
    ("sanitize", [None, {"type": "object", "minProperties": 1, "maxProperties": 2}, "p"], []),
    (
        "validate",
        ["", {"type": "object", "minProperties": 1, "maxProperties": 2}, "p"],
        E("rest_too_few_properties", "p must contain at least 1 property.", None),
    ),
    ("sanitize", [None, {"type": "object", "minProperties": 1.0}, "p"], []),
    ("sanitize", [None, {"type": "object", "required": ["a"]}, "p"], []),
    (
        "validate",
        ["", {"type": "object", "required": ["a"]}, "p"],
        E("rest_property_required", "a is a required property of p.", None),
    ),
    ("sanitize", [None, {"type": ["string", "null"], "format": "date-time"}, "p"], None),
    (
        "validate",
        [True, {"type": ["string", "null"], "format": "date-time"}, "p"],
        E("rest_invalid_type", "p is not of type string,null.", {"param": "p"}),
    ),
    (
        "validate",
        [None, {"type": ["object", "string"], "properties": {"raw": {"type": "string"}}}, "p"],
        E("rest_invalid_type", "p is not of type object,string.", {"param": "p"}),
    ),
    (
        "validate",
        [None, {"type": ["object", "boolean"], "properties": {"raw": {"type": "boolean"}}}, "p"],
        E("rest_invalid_type", "p is not of type object,boolean.", {"param": "p"}),
    ),
    (
        "validate",
        [
            {"raw": "x"},
            {"type": ["object", "boolean"], "properties": {"raw": {"type": "boolean"}}},
            "p",
        ],
        E("rest_invalid_type", "p[raw] is not of type boolean.", {"param": "p[raw]"}),
    ),
    ("sanitize", [None, {"type": ["null", "integer"], "minimum": 10, "maximum": 20}, "p"], None),
    (
        "validate",
        [True, {"type": ["null", "integer"], "minimum": 10, "maximum": 20}, "p"],
        E("rest_invalid_type", "p is not of type null,integer.", {"param": "p"}),
    ),
    (
        "validate",
        [None, {"type": ["integer", "string"]}, "p"],
        E("rest_invalid_type", "p is not of type integer,string.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": ["integer", "string"]}, "p"], None),
    (
        "validate",
        [None, {"type": ["number", "string"]}, "p"],
        E("rest_invalid_type", "p is not of type number,string.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": ["number", "string"]}, "p"], None),
    ("sanitize", [None, {"type": ["invalid", "type"]}, "p"], None),
    ("sanitize", [None, {"type": ["object", "type"]}, "p"], None),
    (
        "validate",
        [None, {"type": ["0", "x"]}, "p"],
        E("rest_invalid_type", "p is not of type 0,x.", {"param": "p"}),
    ),
    ("sanitize", [None, {"type": ["0", "x"]}, "p"], None),
    ("sanitize", [None, {"type": "string", "minLength": 2}, "p"], ""),
    (
        "validate",
        ["", {"type": "string", "minLength": 2}, "p"],
        E("rest_too_short", "p must be at least 2 characters long.", None),
    ),
    ("sanitize", [None, {"type": "string", "maxLength": 2}, "p"], ""),
    (
        "validate",
        ["5.0", {"type": "string", "maxLength": 2}, "p"],
        E("rest_too_long", "p must be at most 2 characters long.", None),
    ),
    ("sanitize", [None, {"type": "string", "minLength": 1}, "p"], ""),
    (
        "validate",
        ["", {"type": "string", "minLength": 1}, "p"],
        E("rest_too_short", "p must be at least 1 character long.", None),
    ),
    (
        "validate",
        ["0", {"type": "string", "pattern": "^a*$"}, "p"],
        E("rest_invalid_pattern", "p does not match pattern ^a*$.", None),
    ),
    (
        "validate",
        ["", {"type": "string", "pattern": "#[0-9]+"}, "p"],
        E("rest_invalid_pattern", "p does not match pattern #[0-9]+.", None),
    ),
    (
        "validate",
        ["", {"type": "string", "pattern": "("}, "p"],
        E("rest_invalid_pattern", "p does not match pattern (.", None),
    ),
    (
        "validate",
        ["", {"type": "string", "enum": ["a"]}, "p"],
        E("rest_not_in_enum", "p is not a.", None),
    ),
    (
        "validate",
        ["", {"type": "string", "enum": ["a", "b"]}, "p"],
        E("rest_not_in_enum", "p is not one of a and b.", None),
    ),
    (
        "validate",
        ["", {"type": "string", "enum": ["a", "b", "c"]}, "p"],
        E("rest_not_in_enum", "p is not one of a, b, and c.", None),
    ),
    (
        "validate",
        [2, {"type": "integer", "enum": [0, 1]}, "p"],
        E("rest_not_in_enum", "p is not one of 0 and 1.", None),
    ),
    (
        "validate",
        [False, {"type": "boolean", "enum": [True]}, "p"],
        E("rest_not_in_enum", "p is not 1.", None),
    ),
    (
        "validate",
        [True, {"type": "array", "items": {"type": "integer"}, "enum": [[0, 1], [1, 2]]}, "p"],
        E("rest_not_in_enum", "p is not one of [0,1] and [1,2].", None),
    ),
    (
        "validate",
        [
            "",
            {
                "type": "object",
                "additionalProperties": {"type": "integer"},
                "enum": [{"a": 1, "b": 2}, {"b": 2, "c": 3}],
            },
            "p",
        ],
        E("rest_not_in_enum", 'p is not one of {"a":1,"b":2} and {"b":2,"c":3}.', None),
    ),
    (
        "validate",
        ["", {"type": "string", "enum": [None, True, 1.5, {"a": "/"}, [1, "é"]]}, "p"],
        E(
            "rest_not_in_enum",
            'p is not one of null, 1, 1.5, {"a":"\\/"}, and [1,"\\u00e9"].',
            None,
        ),
    ),
    (
        "validate",
        ["", {"type": "string", "enum": "abc"}, "p"],
        E("rest_not_in_enum", "p is not one of ", None),
    ),
    ("validate", [None, {"enum": ["x"]}, "p"], E("rest_not_in_enum", "p is not x.", None)),
    (
        "validate",
        [None, {"anyOf": [{"title": "circle", "type": "integer", "maximum": 5}]}, "p"],
        E(
            "rest_no_matching_schema",
            "p is not a valid circle. Reason: p is not of type integer.",
            {"position": 0},
        ),
    ),
    (
        "validate",
        [1e20, {"anyOf": [{"title": "circle", "type": "integer", "maximum": 5}]}, "p"],
        E(
            "rest_no_matching_schema",
            "p is not a valid circle. Reason: p must be less than or equal to 5",
            {"position": 0},
        ),
    ),
    (
        "validate",
        [
            None,
            {"anyOf": [{"type": "integer", "multipleOf": 2}, {"type": "string", "maxLength": 1}]},
            "p",
        ],
        E("rest_no_matching_schema", "p does not match any of the expected formats.", None),
    ),
    (
        "validate",
        [
            1,
            {"anyOf": [{"type": "integer", "multipleOf": 2}, {"type": "string", "maxLength": 1}]},
            "p",
        ],
        E(
            "rest_no_matching_schema",
            "p does not match the expected format. Reason: p must be a multiple of 2.",
            {"position": 0},
        ),
    ),
    (
        "validate",
        [
            "0x1A",
            {"anyOf": [{"type": "integer", "multipleOf": 2}, {"type": "string", "maxLength": 1}]},
            "p",
        ],
        E(
            "rest_no_matching_schema",
            "p does not match the expected format. Reason: p must be at most 1 character long.",
            {"position": 1},
        ),
    ),
    (
        "validate",
        [
            "0",
            {"oneOf": [{"type": "integer", "multipleOf": 2}, {"type": "string", "maxLength": 1}]},
            "p",
        ],
        E(
            "rest_one_of_multiple_matches",
            "p matches more than one of the expected formats.",
            {"positions": [0, 1]},
        ),
    ),
    (
        "validate",
        [
            {"a": 1},
            {
                "anyOf": [
                    {"type": "boolean"},
                    {"title": "circle", "type": "object", "properties": {"a": {"type": "string"}}},
                ]
            },
            "p",
        ],
        E(
            "rest_no_matching_schema",
            "p is not a valid circle. Reason: p[a] is not of type string.",
            {"position": 1},
        ),
    ),
    (
        "validate",
        [
            1.5,
            {
                "anyOf": [
                    {"title": "circle", "type": "boolean"},
                    {"title": "square", "type": "integer"},
                    {"title": "triangle", "type": "null"},
                ]
            },
            "p",
        ],
        E("rest_no_matching_schema", "p is not a valid circle, square, and triangle.", None),
    ),
    (
        "validate",
        [
            "",
            {
                "oneOf": [
                    {"title": "circle", "type": "string"},
                    {"type": "integer"},
                    {"title": "triangle", "type": "string"},
                ]
            },
            "p",
        ],
        E(
            "rest_one_of_multiple_matches",
            "p matches circle and triangle, but should match only one.",
            {"positions": [0, 2]},
        ),
    ),
    (
        "validate",
        [
            None,
            {"oneOf": [{"title": "a", "type": "string"}, {"title": "b", "type": "string"}]},
            "p",
        ],
        E("rest_no_matching_schema", "p is not a valid a and b.", None),
    ),
    (
        "validate",
        ["", {"oneOf": [{"title": "a", "type": "string"}, {"title": "b", "type": "string"}]}, "p"],
        E(
            "rest_one_of_multiple_matches",
            "p matches a and b, but should match only one.",
            {"positions": [0, 1]},
        ),
    ),
    (
        "validate",
        [1.5, {"anyOf": [{"type": "integer"}, {"type": ["integer", "number"], "minimum": 2}]}, "p"],
        E(
            "rest_no_matching_schema",
            "p does not match the expected format. Reason: p must be greater than or equal to 2",
            {"position": 1},
        ),
    ),
    (
        "validate",
        [
            {"foo": 2, "bar": "quux"},
            {
                "type": "object",
                "anyOf": [
                    {"properties": {"bar": {"type": "integer"}}, "required": ["bar"]},
                    {"properties": {"foo": {"type": "string"}}, "required": ["foo"]},
                ],
            },
            "p",
        ],
        E(
            "rest_no_matching_schema",
            "p does not match the expected format. Reason: p[bar] is not of type integer.",
            {"position": 0},
        ),
    ),
    (
        "validate",
        [None, {"anyOf": []}, "p"],
        E("rest_no_matching_schema", "p is not a valid ", None),
    ),
]


@pytest.mark.parametrize(("function", "args", "expected"), TYPE_VECTORS + SCHEMA_VECTORS)
def test_php_vectors(function, args, expected):
    actual = _PY_FUNCTIONS[function](*args)
    assert same(actual, expected), f"{actual!r} != {expected!r}"
