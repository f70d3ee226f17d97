"""PHP value semantics for the WordPress emulation: serialize, maybe_serialize, casts, parse_str.

JSON (json_encode / json_decode) and the value types live in ``jsoncodec`` and are re-exported here.
"""

from __future__ import annotations

import math
import re
from typing import Any
from urllib.parse import unquote_to_bytes

from jetpress.php.jsoncodec import (
    INT_MAX,
    INT_MIN,
    JsonDecodeError,
    JsonEncodeError,
    JsonObject,
    PHPObject,
    PHPValue,
    array_key,
    is_list_like,
    json_decode,
    json_encode,
    php_gcvt,
)

__all__ = [
    "JsonDecodeError",
    "JsonEncodeError",
    "JsonObject",
    "PHPObject",
    "PHPValue",
    "absint",
    "is_numeric",
    "is_serialized",
    "is_truthy",
    "json_decode",
    "json_encode",
    "maybe_serialize",
    "maybe_unserialize",
    "parse_str",
    "serialize",
    "to_float",
    "to_int",
    "to_php_string",
    "unserialize",
]

# ------------------------------------------------------------- serialize ----


def _s(text: str) -> str:
    size = len(text) if text.isascii() else len(text.encode("utf-8", "surrogateescape"))
    return f's:{size}:"{text}";'  # php 8.2 serialize: the length counts bytes


def _serialize_key(key: object) -> str:
    if isinstance(key, bool | int):
        return f"i:{int(key)};"
    if isinstance(key, str):
        k = array_key(key)  # a PHP array has no numeric-string keys: "5" is int 5
        return f"i:{k};" if isinstance(k, int) else _s(key)
    raise TypeError(f"serialize: array key of type {type(key).__name__}")


def serialize(value: object) -> str:
    """PHP 8.2 ``serialize($value)`` (serialize_precision -1). Iterative: any depth is fine.

    Lists and dicts are PHP arrays, JsonObject is a stdClass, and the same PHPObject instance met
    twice is written as ``r:N;`` as PHP does for one object. Non-UTF-8 bytes travel as
    surrogateescape characters both ways.
    """
    out: list[str] = []
    todo: list[object] = [value]  # values, and ("", text) tuples for literal text
    slots = 0
    seen: dict[int, int] = {}
    while todo:
        v = todo.pop()
        if type(v) is tuple and len(v) == 2 and v[0] == "":
            out.append(v[1])
            continue
        slots += 1  # php_add_var_hash numbers every value, in order
        if v is None:
            out.append("N;")
        elif isinstance(v, bool):
            out.append("b:1;" if v else "b:0;")
        elif isinstance(v, int) and INT_MIN <= v <= INT_MAX:
            out.append(f"i:{int(v)};")
        elif isinstance(v, int | float):
            out.append(f"d:{php_gcvt(float(v), -1, 'E')};")  # php 8.2 var.c: serialize_precision
        elif isinstance(v, str):
            out.append(_s(v))
        elif isinstance(v, PHPObject | JsonObject):
            if isinstance(v, PHPObject):
                if id(v) in seen:
                    out.append(f"r:{seen[id(v)]};")  # php 8.2 var.c: the same object again
                    continue
                seen[id(v)] = slots
                name, props = v.class_name, v.properties
            else:
                name, props = "stdClass", v
            size = len(name.encode("utf-8", "surrogateescape"))
            out.append(f'O:{size}:"{name}":{len(props)}:{{')
            todo.append(("", "}"))
            for k, x in reversed(list(props.items())):
                todo.append(x)
                todo.append(("", _s(str(k))))  # object property names are strings
        elif isinstance(v, list | tuple | dict):
            items = list(v.items()) if isinstance(v, dict) else list(enumerate(v))
            out.append(f"a:{len(items)}:{{")
            todo.append(("", "}"))
            for k, x in reversed(items):
                todo.append(x)
                todo.append(("", _serialize_key(k)))
        else:
            raise TypeError(f"serialize: unsupported type {type(v).__name__}")
    return "".join(out)


# ----------------------------------------------------------- unserialize ----

_RE_SCALAR = re.compile(
    rb"(?:N|b:([01])|i:([+-]?[0-9]+)"
    rb"|d:([+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|NAN|-?INF));"
)
_RE_STRING = re.compile(rb'([sS]):([0-9]+):"')
_RE_HEX2 = re.compile(rb"[0-9a-fA-F]{2}")
_RE_CUSTOM = re.compile(rb'C:([0-9]+):"([0-9A-Za-z_\x7f-\xff\\]+)":([0-9]+):\{')
_RE_ARRAY = re.compile(rb"a:([0-9]+):\{")
_RE_OBJECT = re.compile(rb'O:([0-9]+):"')
_RE_OBJECT_TAIL = re.compile(rb'":([0-9]+):\{')
_RE_CLASS = re.compile(rb"[0-9A-Za-z_\x7f-\xff\\]+")  # var_unserializer.re class name bytes
_RE_REF = re.compile(rb"([rR]):([0-9]+);")
_MAX_DEPTH = 4096  # php 8.2 unserialize_max_depth
_BUILDING = object()


def _int(digits: bytes) -> int:
    """Decimal digits as an int, saturating at int64 (php 8.2: "Numerical result out of range")."""
    body = digits.lstrip(b"+-").lstrip(b"0")
    if len(body) > 19:
        return INT_MIN if digits.startswith(b"-") else INT_MAX
    return max(INT_MIN, min(INT_MAX, int(digits)))


def _fail(pos: int) -> ValueError:
    return ValueError(f"unserialize: error at offset {pos}")


def unserialize(text: str | bytes) -> PHPValue:
    """PHP 8.2 ``unserialize($text)``; raises ValueError where PHP returns false.

    Objects become PHPObject. Trailing bytes after the value are ignored, as in PHP 8.2.
    ``C:`` objects lose their payload (PHP: "has no unserializer"). Not supported (ValueError):
    ``E:`` enums (no enum class exists) and references into an unfinished array.
    """
    data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else bytes(text)
    try:
        return _Unserializer(data).run()
    except (IndexError, OverflowError) as err:
        raise ValueError(f"unserialize: {err}") from None


class _Unserializer:
    """var_unserializer.re as a loop with an explicit stack (hostile nesting is harmless)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0
        self.slots: list[object] = []  # var_hash: values by 1-based number, keys excluded

    def string(self) -> str:
        data, pos = self.data, self.pos
        m = _RE_STRING.match(data, pos)
        if not m:
            raise _fail(pos)
        size, start = _int(m.group(2)), m.end()
        if m.group(1) == b"S":
            raw, end = self.escaped(start, size)
        else:
            raw, end = data[start : start + size], start + size
        if data[end : end + 2] != b'";':
            raise _fail(pos)
        self.pos = end + 2
        return raw.decode("utf-8", "surrogateescape")

    def escaped(self, pos: int, size: int) -> tuple[bytes, int]:
        """var_unserializer.re unserialize_str: ``S:`` strings write bytes as ``\\xx``."""
        out = bytearray()
        while len(out) < size:
            if self.data[pos : pos + 1] == b"\\":
                m = _RE_HEX2.match(self.data, pos + 1)
                if not m:
                    raise _fail(pos)
                out.append(int(m.group(), 16))
                pos += 3
            elif pos < len(self.data):
                out.append(self.data[pos])
                pos += 1
            else:
                raise _fail(pos)
        return bytes(out), pos

    def key(self, for_object: bool) -> int | str:
        m = _RE_SCALAR.match(self.data, self.pos)
        if m and m.group(2) is not None:
            n = _int(m.group(2))
            self.pos = m.end()
            return str(n) if for_object else n  # object property names are strings
        if self.data[self.pos : self.pos + 1] not in (b"s", b"S"):
            raise _fail(self.pos)  # keys are only i: or s:
        text = self.string()
        return text if for_object else array_key(text)

    def run(self) -> PHPValue:
        data = self.data
        stack: list[list[Any]] = []  # [items dict, remaining, slot, class name or None, key]
        value: Any = None
        ready = False
        while True:
            if ready:
                if not stack:
                    return value  # type: ignore[no-any-return]
                stack[-1][0][stack[-1][4]] = value  # duplicate keys keep the first position
                stack[-1][1] -= 1
            if stack and stack[-1][1] == 0:
                items, _, slot, cls, _ = stack.pop()
                if data[self.pos : self.pos + 1] != b"}":
                    raise _fail(self.pos)
                self.pos += 1
                if cls is not None:
                    value = PHPObject(cls, items)
                else:
                    value = list(items.values()) if is_list_like(items) else items
                self.slots[slot] = value
                ready = True
                continue
            if stack:
                stack[-1][4] = self.key(stack[-1][3] is not None)
            ready, value = self.value(stack)

    def value(self, stack: list[list[Any]]) -> tuple[bool, object]:
        """Parse one value at pos: (True, value) when complete, (False, None) for a container."""
        data, pos = self.data, self.pos
        lead = data[pos : pos + 1]
        if lead in (b"s", b"S"):
            self.slots.append(self.string())
            return True, self.slots[-1]
        if lead == b"C":
            m = _RE_CUSTOM.match(data, pos)
            if not m or len(m.group(2)) != _int(m.group(1)):
                raise _fail(pos)
            end = m.end() + _int(m.group(3))
            if data[end : end + 1] != b"}":
                raise _fail(pos)
            self.pos = end + 1
            # an unknown class "has no unserializer": an empty incomplete object (php 8.2)
            self.slots.append(PHPObject(m.group(2).decode("utf-8", "surrogateescape")))
            return True, self.slots[-1]
        if lead in (b"a", b"O"):
            if lead == b"a":
                m = _RE_ARRAY.match(data, pos)
                if not m:
                    raise _fail(pos)
                cls, count, end = None, _int(m.group(1)), m.end()
            else:
                m = _RE_OBJECT.match(data, pos)
                if not m:
                    raise _fail(pos)
                size, start = _int(m.group(1)), m.end()
                name = data[start : start + size]
                tail = _RE_OBJECT_TAIL.match(data, start + size)
                if size == 0 or not tail or not _RE_CLASS.fullmatch(name):
                    raise _fail(pos)
                cls, count, end = (
                    name.decode("utf-8", "surrogateescape"),
                    _int(tail.group(1)),
                    tail.end(),
                )
            if count and len(stack) >= _MAX_DEPTH:
                raise _fail(pos)  # php 8.2: "Maximum depth of 4096 exceeded"
            self.pos = end
            stack.append([{}, count, len(self.slots), cls, None])
            self.slots.append(_BUILDING)
            return False, None
        m = _RE_SCALAR.match(data, pos)
        if m:
            self.pos = m.end()
            b, i, d = m.groups()
            if i is not None:
                self.slots.append(_int(i))
            elif d is not None:
                self.slots.append(float(d.replace(b"NAN", b"nan").replace(b"INF", b"inf")))
            else:
                self.slots.append(None if b is None else b == b"1")
            return True, self.slots[-1]
        m = _RE_REF.match(data, pos)
        if m:
            n = _int(m.group(2))
            if not 1 <= n <= len(self.slots) or self.slots[n - 1] is _BUILDING:
                raise _fail(pos)
            target = self.slots[n - 1]
            if m.group(1) == b"r":
                if not isinstance(target, PHPObject):
                    raise _fail(pos)  # php 8.2: r: must name an object
                self.slots.append(target)
            # R: references are not numbered again (php_var_unserialize_internal)
            self.pos = m.end()
            return True, target
        raise _fail(pos)


# ------------------------------------------------------- WordPress layer ----

_PHP_TRIM = b" \t\n\r\0\x0b"  # php trim() default characters


def is_serialized(data: object, strict: bool = True) -> bool:
    """WP 6.1 is_serialized() (functions.php), byte for byte on the UTF-8 form."""
    if not isinstance(data, str):
        return False
    b = data.encode("utf-8", "surrogateescape").strip(_PHP_TRIM)
    if b == b"N;":
        return True
    if len(b) < 4 or b[1:2] != b":":
        return False
    if strict:
        if b[-1:] not in (b";", b"}"):
            return False
    else:
        semicolon, brace = b.find(b";"), b.find(b"}")
        if semicolon == -1 and brace == -1:  # either ; or } must exist
            return False
        if 0 <= semicolon < 3 or 0 <= brace < 4:  # but neither in the first characters
            return False
    token = b[:1]
    if token == b"s" and ((b[-2:-1] != b'"') if strict else (b'"' not in b)):
        return False
    if token in (b"s", b"a", b"O", b"E"):  # WP 6.1 added E (enums)
        return re.match(token + rb":[0-9]+:", b) is not None
    if token in (b"b", b"i", b"d"):
        pattern = token + rb":[0-9.E+-]+;"
        return (re.fullmatch(pattern, b) if strict else re.match(pattern, b)) is not None
    return False


def maybe_serialize(value: object) -> str:
    """WP 6.1 maybe_serialize() plus the DB layer's string conversion of scalars.

    Arrays and objects are serialized; a string that looks serialized is serialized again
    (WP ticket 12930); other scalars become the text MySQL stores (true "1", false/None "").
    """
    if isinstance(value, list | tuple | dict | PHPObject):
        return serialize(value)
    if isinstance(value, str) and is_serialized(value, False):
        return serialize(value)  # double serialization for backward compatibility
    return to_php_string(value)


def maybe_unserialize(text: object) -> Any:
    """WP 6.1 maybe_unserialize(): ``@unserialize(trim($data))`` when is_serialized, else as is.

    Corrupt serialized text gives False, as PHP's unserialize does.
    """
    if isinstance(text, str) and is_serialized(text):
        try:
            raw = text.encode("utf-8", "surrogateescape").strip(_PHP_TRIM)
            return unserialize(raw)
        except ValueError:
            return False
    return text


# --------------------------------------------------------------- scalars ----

_NUMERIC = re.compile(
    r"[ \t\n\r\x0b\x0c]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
)
_TRAILING_WS = re.compile(r"[ \t\n\r\x0b\x0c]*\Z")


def to_php_string(value: object) -> str:
    """PHP's ``(string)`` cast (precision 14): true "1", false/null "", 1e25 "1.0E+25"."""
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, int) and INT_MIN <= value <= INT_MAX:
        return str(int(value))
    if isinstance(value, int | float):
        # php 8.2 zend_double_to_str, precision ini 14; beyond int64 PHP holds a float
        return php_gcvt(_as_float(value), 14, "E")
    if isinstance(value, str):
        return value
    if isinstance(value, list | tuple | dict):
        return "Array"  # php 8.2: "Array to string conversion" warning
    raise TypeError(f"Object of class {type(value).__name__} could not be converted to string")


def is_numeric(value: object) -> bool:
    """PHP 8 is_numeric(): ints/floats, and strings with leading and trailing whitespace allowed."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    if not isinstance(value, str):
        return False
    m = _NUMERIC.match(value)
    return m is not None and _TRAILING_WS.match(value, m.end()) is not None


def _as_float(n: int | float) -> float:
    """The double PHP holds for a number: ints beyond the double range are INF."""
    try:
        return float(n)
    except OverflowError:
        return math.inf if n > 0 else -math.inf


def _float_to_int(d: float) -> int:
    """zend_dval_to_lval on 64-bit PHP 8: truncate; out of range wraps modulo 2**64; NaN/INF 0."""
    if not math.isfinite(d):
        return 0
    n = int(d)
    if INT_MIN <= n <= INT_MAX:
        return n
    n %= 2**64  # php 8.2 zend_dval_to_lval: modular arithmetic
    return n - 2**64 if n > INT_MAX else n


def _float_to_int_cap(d: float) -> int:
    """zend_dval_to_lval_cap (numeric strings): saturate out of range, NaN/INF give 0."""
    if not math.isfinite(d):
        return 0
    if not -(2.0**63) <= d < 2.0**63:
        return INT_MAX if d > 0 else INT_MIN
    return int(d)


def to_int(value: object) -> int:
    """PHP 8 ``(int)`` cast on 64-bit: "1e3" 1000, "12abc" 12, floats truncate or wrap."""
    if value is None:
        return 0
    if isinstance(value, int):
        return int(value) if INT_MIN <= value <= INT_MAX else _float_to_int(_as_float(value))
    if isinstance(value, float):
        return _float_to_int(value)
    if isinstance(value, str):
        m = _NUMERIC.match(value)  # is_numeric_string with allow_errors: a numeric prefix
        if not m:
            return 0
        num = m.group(1)
        digits = num.lstrip("+-").lstrip("0")  # int() refuses over 4300 digits, zeros included
        if num.lstrip("+-").isdigit() and len(digits) < 20:
            n = -int(digits or "0") if num.startswith("-") else int(digits or "0")
            if INT_MIN <= n <= INT_MAX:
                return n
        return _float_to_int_cap(float(num))  # php 8.2 zval_get_long: double → capped
    if isinstance(value, list | tuple | dict):
        return 1 if value else 0
    return 1  # objects: 1 with a warning


def to_float(value: object) -> float:
    """PHP 8 ``(float)`` cast: strings by their numeric prefix ("1e3x" 1000.0, "abc" 0.0)."""
    if value is None:
        return 0.0
    if isinstance(value, int | float):
        return _as_float(value)
    if isinstance(value, str):
        m = _NUMERIC.match(value)  # php 8.2 zval_get_double: zend_strtod after whitespace
        return float(m.group(1)) if m else 0.0
    if isinstance(value, list | tuple | dict):
        return 1.0 if value else 0.0
    return 1.0


def is_truthy(value: object) -> bool:
    """PHP ``(bool)`` cast: "", "0", 0, 0.0, [], null and false are false."""
    if isinstance(value, str):
        return value not in ("", "0")
    if isinstance(value, JsonObject | PHPObject):
        return True  # objects are always true
    if value is None or isinstance(value, bool | int | float | list | tuple | dict):
        return bool(value)
    return True


def absint(value: object) -> int:
    """WP absint(): ``abs( (int) $maybeint )``; for PHP_INT_MIN PHP gives a float, we give 2**63."""
    return abs(to_int(value))


# ------------------------------------------------------------- parse_str ----

_MAX_INPUT_VARS = 1000  # php.ini max_input_vars default
_MAX_NESTING = 64  # php.ini max_input_nesting_level default
_TO_UNDERSCORE = bytes.maketrans(b" .[", b"___")


class _QueryArray(dict[int | str, Any]):
    """A PHP array being filled by php_register_variable_ex; remembers nNextFreeElement."""

    next_free: int | None = None

    def put(self, key: int | str, value: Any) -> None:
        self[key] = value
        if isinstance(key, int) and (self.next_free is None or key >= self.next_free):
            self.next_free = min(key + 1, INT_MAX)  # zend_hash.c nNextFreeElement

    def append(self, value: Any) -> bool:
        key = 0 if self.next_free is None else self.next_free  # php 8.2: "a[-5]&a[]" gives -4
        if key in self:
            return False  # zend_hash_next_index_insert fails at PHP_INT_MAX
        self.put(key, value)
        return True


def _qkey(raw: bytes) -> int | str:
    return array_key(raw.decode("utf-8", "surrogateescape"))


def _register(result: _QueryArray, name: bytes, value: str) -> None:
    """php 8.2 main/php_variables.c php_register_variable_ex."""
    name = name.split(b"\0", 1)[0].lstrip(b" ")  # a C string; leading spaces ignored
    bracket = name.find(b"[")
    base = (name if bracket < 0 else name[:bracket]).replace(b" ", b"_").replace(b".", b"_")
    if not base:
        return  # empty variable name
    table, pos, level = result, bracket, 0
    index: bytes | None = base
    while bracket >= 0:
        level += 1
        if level > _MAX_NESTING:
            result.pop(_qkey(base), None)  # the whole variable is dropped
            return
        start = ip = pos + 1
        if ip < len(name) and name[ip] in b" \t\n\r\x0b\x0c":
            ip += 1  # isspace(): "a[ ]" appends like "a[]"
        new_index: bytes | None
        if ip < len(name) and name[ip] == 0x5D:
            new_index, close = None, ip
        else:
            close = name.find(b"]", ip)
            if close < 0:
                if level == 1:  # not an index: "a[b.c" is the variable a_b_c
                    index = base + b"_" + name[start:].translate(_TO_UNDERSCORE)
                break
            new_index = name[start:close]
        sub: Any
        if index is None:
            sub = _QueryArray()
            if not table.append(sub):
                return
        else:
            key = _qkey(index)
            sub = table.get(key)
            if not isinstance(sub, _QueryArray):
                sub = _QueryArray()
                table.put(key, sub)
        table, index, pos = sub, new_index, close + 1
        if pos >= len(name) or name[pos] != 0x5B:
            break  # "a[b]c" ignores the trailing "c"
    if index is None:
        table.append(value)
    else:
        table.put(_qkey(index), value)


def _php_array(arr: _QueryArray) -> Any:
    out = {k: _php_array(v) if isinstance(v, _QueryArray) else v for k, v in arr.items()}
    return list(out.values()) if is_list_like(out) else out


def parse_str(query: str | bytes) -> dict[int | str, PHPValue]:
    """PHP 8.2 parse_str() / $_GET: ``a.b``/``a b`` become ``a_b``, ``k[]`` lists, ``k[x]`` maps.

    ``+`` is a space, ``%xx`` decoded (invalid UTF-8 kept via surrogateescape), max_input_vars
    1000 and max_input_nesting_level 64. The top level is always a dict; nested arrays follow the
    PHP-array convention (a list when keys are 0..n-1).
    """
    data = query.encode("utf-8", "surrogateescape") if isinstance(query, str) else bytes(query)
    result = _QueryArray()
    count = 0
    for token in data.split(b"&"):
        if not token:
            continue  # php_strtok_r skips empty pieces
        count += 1
        if count > _MAX_INPUT_VARS:
            break  # php 8.2: "Input variables exceeded 1000"
        name, eq, val = token.partition(b"=")
        value = unquote_to_bytes(val.replace(b"+", b" ")) if eq else b""  # php_url_decode
        _register(
            result,
            unquote_to_bytes(name.replace(b"+", b" ")),
            value.decode("utf-8", "surrogateescape"),
        )
    return {k: _php_array(v) if isinstance(v, _QueryArray) else v for k, v in result.items()}
