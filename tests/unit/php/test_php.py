"""jetpress.php against vectors produced by real PHP 8.2 (scripts/gen_php_vectors.php)."""

from __future__ import annotations

import base64
import json
import math
import struct
import timeit
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings, strategies as st

from jetpress import php
from jetpress.php import (
    JsonDecodeError,
    JsonEncodeError,
    JsonObject,
    PHPObject,
    jsoncodec as phpjson,
)

VECTORS = json.loads((Path(__file__).parent / "vectors" / "php_vectors.json").read_text("utf-8"))


# ------------------------------------------------------------- tagged form ----


def raw(tagged: Any) -> bytes:
    """A tagged string from the vectors as PHP's bytes."""
    return base64.b64decode(tagged["b"]) if isinstance(tagged, dict) else tagged.encode()


def text(tagged: Any) -> str:
    """A tagged string as Python str (non-UTF-8 bytes as surrogateescape)."""
    return raw(tagged).decode("utf-8", "surrogateescape")


def value(tagged: Any) -> Any:
    """A tagged PHP value as the Python representation (lists for 0..n-1 arrays)."""
    if tagged is None or isinstance(tagged, bool | int):
        return tagged
    if isinstance(tagged, str):
        return tagged
    if "b" in tagged:
        return text(tagged)
    if "f" in tagged:
        return struct.unpack(">d", bytes.fromhex(tagged["f"]))[0]
    if "a" in tagged:
        items = {(k if isinstance(k, int) else text(k)): value(v) for k, v in tagged["a"]}
        keys = list(items)
        return list(items.values()) if keys == list(range(len(keys))) else items
    return PHPObject(tagged["o"], {text(k): value(v) for k, v in tagged["p"]})


def same(a: Any, b: Any) -> bool:
    """Deep equality that tells int from float, -0.0 from 0.0, NaN equal to NaN, list from dict."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return (math.isnan(a) and math.isnan(b)) or (
            a == b and math.copysign(1, a) == math.copysign(1, b)
        )
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, PHPObject):
        return a.class_name == b.class_name and same(a.properties, b.properties)
    return bool(a == b)


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return [repr(r.get("in"))[:60] for r in rows]


# --------------------------------------------------------------- serialize ----


@pytest.mark.parametrize("row", VECTORS["serialize"], ids=ids(VECTORS["serialize"]))
def test_serialize_matches_php(row: dict[str, Any]) -> None:
    out = raw(row["out"])
    if b";r:" in out or b"}r:" in out:  # the same object twice: identity is not in the tagged form
        assert php.serialize(php.unserialize(out)).encode() == out
        return
    assert php.serialize(value(row["in"])).encode("utf-8", "surrogateescape") == out


def test_serialize_keeps_php_object_identity_and_json_object() -> None:
    shared = PHPObject("stdClass", {"id": 7})
    assert php.serialize([shared, shared]) == 'a:2:{i:0;O:8:"stdClass":1:{s:2:"id";i:7;}i:1;r:2;}'
    assert php.serialize(JsonObject(a=1)) == 'O:8:"stdClass":1:{s:1:"a";i:1;}'
    assert php.serialize({"5": 1, "05": 2}) == 'a:2:{i:5;i:1;s:2:"05";i:2;}'


def test_serialize_rejects_non_php_values() -> None:
    with pytest.raises(TypeError):
        php.serialize({1.5: "x"})
    with pytest.raises(TypeError):
        php.serialize(object())


@pytest.mark.parametrize("row", VECTORS["unserialize"], ids=ids(VECTORS["unserialize"]))
def test_unserialize_matches_php(row: dict[str, Any]) -> None:
    if not row["ok"]:
        with pytest.raises(ValueError, match="unserialize"):
            php.unserialize(text(row["in"]))
        return
    assert same(php.unserialize(raw(row["in"])), value(row["out"]))


@pytest.mark.parametrize("row", VECTORS["unserialize_depth"], ids=lambda r: str(r["n"]))
def test_unserialize_depth_limit(row: dict[str, Any]) -> None:
    n = row["n"]
    data = "a:1:{i:0;" * n + "N;" + "}" * n
    if row["ok"]:
        assert php.unserialize(data) is not None
    else:
        with pytest.raises(ValueError, match="unserialize"):
            php.unserialize(data)


@pytest.mark.parametrize(
    "data",
    [
        "a:1:{" * 100000,
        's:99999999999:"x";',
        "a:99999999999999999999:{",
        "O:99999999999:" + "x" * 50,
        "a:1:{i:0;R:1;}",
        "a:2:{i:0;i:1;i:1;R:99999999999999999999;}",
        "s:" + "9" * 5000 + ':"x";',
        "a:1:{i:0;" * 5000 + "N;" + "}" * 5000,
        'S:5:"ab\\zz";',
        'C:3:"Foo":9:{}',
    ],
)
def test_unserialize_hostile_input_is_a_value_error(data: str) -> None:
    with pytest.raises(ValueError, match="unserialize"):
        php.unserialize(data)


def test_unserialize_references_alias_the_same_object() -> None:
    got = php.unserialize('a:3:{i:0;O:8:"stdClass":1:{s:1:"a";i:1;}i:1;i:9;i:2;r:2;}')
    assert isinstance(got, list)
    assert got[0] is got[2]
    assert php.serialize(got) == 'a:3:{i:0;O:8:"stdClass":1:{s:1:"a";i:1;}i:1;i:9;i:2;r:2;}'


php_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(phpjson.INT_MIN, phpjson.INT_MAX)
    | st.floats(allow_nan=False)
    | st.text()
    | st.binary(max_size=8).map(lambda b: b.decode("utf-8", "surrogateescape")),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.integers(-5, 5) | st.text(max_size=5).filter(lambda k: phpjson.array_key(k) == k),
            children,
            max_size=4,
        )
        | st.builds(
            PHPObject,
            st.sampled_from(["stdClass", "Foo", "A\\B"]),
            st.dictionaries(st.text(max_size=4), children, max_size=3),
        )
    ),
    max_leaves=20,
)


def normal(v: Any) -> Any:
    """What unserialize gives back: PHP arrays with keys 0..n-1 come back as lists."""
    if isinstance(v, list):
        return [normal(x) for x in v]
    if isinstance(v, dict):
        out = {k: normal(x) for k, x in v.items()}
        return list(out.values()) if list(out) == list(range(len(out))) else out
    if isinstance(v, PHPObject):
        return PHPObject(v.class_name, {k: normal(x) for k, x in v.properties.items()})
    return v


@settings(max_examples=300, deadline=None)
@given(php_values)
def test_serialize_round_trip(v: Any) -> None:
    data = php.serialize(v)
    back = php.unserialize(data)
    assert same(back, normal(v))
    assert php.serialize(back) == data


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=40))
def test_unserialize_never_raises_anything_but_value_error(data: bytes) -> None:
    try:
        php.unserialize(data)
    except ValueError:
        pass


# ------------------------------------------------------- WordPress layer ----

IS_SERIALIZED = [  # WP 6.1 functions.php is_serialized(), traced by hand
    ("N;", True, True),
    ("  N;\n", True, True),
    ("b:1;", True, True),
    ("b:1", False, False),
    ("i:5;", True, True),
    ("i:5;x", False, True),
    ("d:0.5;", True, True),
    ("d:1.0E+25;", True, True),
    ('s:1:"a";', True, True),
    ('s:1:"a"x;', False, True),
    ("s:1:a;", False, False),
    ("a:0:{}", True, True),
    ("a:x:{}", False, False),
    ('O:8:"stdClass":0:{}', True, True),
    ('E:7:"Foo:Bar";', True, True),
    ("x:1;", False, False),
    ("hello", False, False),
    ("", False, False),
    ("a:1", False, False),
    ("i:;", False, False),
    ("s:", False, False),
    ("ab;cd", False, False),
    ("a:1:{}x", False, True),
    ("i:1;}", False, True),
    ("i:1};", False, False),
]


@pytest.mark.parametrize(("data", "strict", "loose"), IS_SERIALIZED)
def test_is_serialized(data: str, strict: bool, loose: bool) -> None:
    assert php.is_serialized(data) is strict
    assert php.is_serialized(data, strict=False) is loose


def test_is_serialized_non_strings() -> None:
    assert not php.is_serialized(5)
    assert not php.is_serialized(None)


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        (True, "1"),
        (False, ""),
        (None, ""),
        (5, "5"),
        (0.1, "0.1"),
        (1.0, "1"),
        (1e25, "1.0E+25"),
        ("plain", "plain"),
        ([1, 2], "a:2:{i:0;i:1;i:1;i:2;}"),
        ({}, "a:0:{}"),
        ("i:5;", 's:4:"i:5;";'),
        ("a:1:{i:0;", 's:9:"a:1:{i:0;";'),
        (PHPObject("stdClass", {}), 'O:8:"stdClass":0:{}'),
        ("N;", 's:2:"N;";'),
    ],
)
def test_maybe_serialize(given: Any, stored: str) -> None:
    assert php.maybe_serialize(given) == stored


@pytest.mark.parametrize(
    ("stored", "got"),
    [
        ("1", "1"),
        ("", ""),
        ('a:1:{i:0;s:1:"x";}', ["x"]),
        (" b:0; ", False),
        ("b:1;", True),
        ("N;", None),
        ('s:4:"i:5;";', "i:5;"),
        ('a:1:{i:0;s:9:"x";}', False),
        ("i:5", "i:5"),
        ("d:0.5;", 0.5),
    ],
)
def test_maybe_unserialize(stored: str, got: Any) -> None:
    assert same(php.maybe_unserialize(stored), got)


# ------------------------------------------------------------- json_encode ----


def encode_cases() -> list[tuple[Any, dict[str, Any]]]:
    cases = []
    for row in VECTORS["json_encode"]:
        v = value(row["in"])
        cases.append((v, row))
        if isinstance(v, PHPObject) and v.class_name == "stdClass":
            cases.append((JsonObject(v.properties), row))
    return cases


@pytest.mark.parametrize(
    ("given", "row"),
    encode_cases(),
    ids=lambda x: repr(x)[:50] if not isinstance(x, dict) or "in" not in x else "",
)
def test_json_encode_matches_php(given: Any, row: dict[str, Any]) -> None:
    if "code" in row:
        with pytest.raises(JsonEncodeError) as err:
            php.json_encode(given)
        assert (err.value.code, str(err.value)) == (row["code"], row["msg"])
        return
    assert php.json_encode(given) == row["out"].encode()
    assert php.json_encode(given, pretty=True) == row["pretty"].encode()


@pytest.mark.parametrize("row", VECTORS["json_encode_depth"], ids=lambda r: str(r["n"]))
def test_json_encode_depth(row: dict[str, Any]) -> None:
    v: Any = []
    for _ in range(row["n"] - 1):
        v = [v]
    if row["code"]:
        with pytest.raises(JsonEncodeError, match="Maximum stack depth exceeded"):
            php.json_encode(v)
    else:
        assert php.json_encode(v) == row["out"].encode()


@pytest.mark.parametrize(
    ("given", "out"),
    [
        ({"0": "a", "1": "b"}, b'["a","b"]'),
        ({"1": "a"}, b'{"1":"a"}'),
        ({0: "a", "1": "b"}, b'["a","b"]'),
        ({"0": "a", "2": "b"}, b'{"0":"a","2":"b"}'),
        ({}, b"[]"),
        (JsonObject(), b"{}"),
        ({"a": JsonObject()}, b'{"a":{}}'),
        ((1, 2.0), b"[1,2]"),
        ({True: 1}, b'{"1":1}'),
        ({"x": [[], {}]}, b'{"x":[[],[]]}'),
        (
            PHPObject("Foo", {"a": 1, "\0Foo\0b": 2, "\0*\0c": 3}),
            b'{"__PHP_Incomplete_Class_Name":"Foo","a":1}',
        ),
    ],
)
def test_json_encode_php_array_rules(given: Any, out: bytes) -> None:
    assert php.json_encode(given) == out


def test_json_encode_bad_utf8_and_nan() -> None:
    bad = b"\xff".decode("utf-8", "surrogateescape")
    for v in (bad, {"k": [bad]}, {bad: 1}, [math.nan, bad], [[[[bad]]]]):
        with pytest.raises(
            JsonEncodeError, match=r"^Malformed UTF-8 characters, possibly incorrectly encoded$"
        ):
            php.json_encode(v)
    with pytest.raises(JsonEncodeError, match="Inf and NaN cannot be JSON encoded"):
        php.json_encode({"a": [1, math.inf]})
    deep: Any = [bad]
    for _ in range(600):
        deep = [deep]
    with pytest.raises(JsonEncodeError) as err:
        php.json_encode(deep)
    assert err.value.code == 5  # php reports the string error found before unwinding the depth
    assert isinstance(err.value, ValueError)


def test_json_encode_deep_but_allowed_uses_the_careful_path() -> None:
    v: Any = {"a": 1.5}
    for _ in range(300):  # deeper than orjson's own limit, within PHP's 512
        v = {"k": v}
    assert php.json_encode(v) == b'{"k":' * 300 + b'{"a":1.5}' + b"}" * 300


def test_json_encode_is_fast() -> None:
    payload: dict[str, Any] = {
        f"setting_key_{i:02d}": ("value/" * 3 if i % 3 else i) for i in range(40)
    }
    payload["nested"] = {"enabled": True, "list": [1, 2, 3]}
    assert 1000 < len(php.json_encode(payload)) < 2000
    best = min(timeit.repeat(lambda: php.json_encode(payload), number=2000, repeat=5)) / 2000
    assert best < 25e-6, f"json_encode took {best * 1e6:.1f} µs"  # target ≈ 5 µs, slack for CI


# ------------------------------------------------------------- json_decode ----


@pytest.mark.parametrize("row", VECTORS["json_decode"], ids=ids(VECTORS["json_decode"]))
def test_json_decode_matches_php(row: dict[str, Any]) -> None:
    for data in (raw(row["in"]), text(row["in"])):
        if row["code"]:
            with pytest.raises(JsonDecodeError) as err:
                php.json_decode(data)
            assert (err.value.code, err.value.message, str(err.value)) == (
                row["code"],
                row["msg"],
                row["msg"],
            )
        else:
            assert same(php.json_decode(data), value(row["out"]))


@pytest.mark.parametrize(
    "row", VECTORS["json_decode_depth"], ids=lambda r: f"{r['open']}{r['middle']}{r['n']}"
)
def test_json_decode_depth(row: dict[str, Any]) -> None:
    data = row["open"] * row["n"] + row["middle"] + row["close"] * row["n"]
    if row["code"]:
        with pytest.raises(JsonDecodeError) as err:
            php.json_decode(data)
        assert err.value.code == row["code"]
    else:
        php.json_decode(data)


def test_json_decode_careful_parser_agrees_with_fast_path() -> None:
    for row in VECTORS["json_decode"]:
        if row["code"] == 0:
            assert same(phpjson._Parser(raw(row["in"])).parse(), value(row["out"]))


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=30) | st.text(alphabet='[]{}",:0123456789.eE-+tfnrul\\ \x01é', max_size=30)
)
def test_json_decode_fuzz_only_json_decode_error(data: bytes | str) -> None:
    raw_data = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    fast_code = slow_code = 0
    fast: Any = None
    slow: Any = None
    try:
        fast = php.json_decode(data)
    except JsonDecodeError as err:
        fast_code = err.code
    try:
        slow = phpjson._Parser(raw_data).parse()
    except JsonDecodeError as err:
        slow_code = err.code
    assert fast_code == slow_code
    assert same(fast, slow)


# --------------------------------------------------------------- parse_str ----


@pytest.mark.parametrize("row", VECTORS["parse_str"], ids=ids(VECTORS["parse_str"]))
def test_parse_str_matches_php(row: dict[str, Any]) -> None:
    expected = value(row["out"])
    if expected == []:
        expected = {}
    elif isinstance(expected, list):
        expected = dict(enumerate(expected))
    for query in (raw(row["in"]), text(row["in"])):
        assert same(php.parse_str(query), expected)


# ----------------------------------------------------------------- scalars ----


@pytest.mark.parametrize("row", VECTORS["scalars"], ids=ids(VECTORS["scalars"]))
def test_scalar_casts_match_php(row: dict[str, Any]) -> None:
    v = value(row["in"])
    assert php.is_numeric(v) is row["is_numeric"]
    assert php.to_int(v) == row["int"]
    assert same(php.to_float(v), value(row["float"]))
    assert php.is_truthy(v) is row["bool"]
    if "string" in row:
        assert php.to_php_string(v) == text(row["string"])
        expected_abs = value(row["absint"])
        assert php.absint(v) == (
            int(expected_abs) if isinstance(expected_abs, float) else expected_abs
        )


def test_scalar_objects() -> None:
    assert php.is_truthy(JsonObject())
    assert php.is_truthy(PHPObject("stdClass"))
    assert php.to_int(PHPObject("stdClass")) == 1
    with pytest.raises(TypeError):
        php.to_php_string(PHPObject("stdClass"))
    assert php.to_php_string([1]) == "Array"


def test_huge_digit_strings_stay_in_php_semantics() -> None:
    # Python refuses int() of > 4300 digits; PHP turns such numbers into floats or saturates.
    many = "9" * 5000
    assert php.to_int(many) == 0  # (int)"999…" is (int)INF, which PHP 8 makes 0
    assert php.to_float(many) == math.inf
    assert php.json_decode("[" + many + "]") == [math.inf]
    assert php.parse_str(f"a[{many}]=1") == {"a": {many: "1"}}
    assert php.unserialize(f"i:{many};") == phpjson.INT_MAX
