"""PHP value types, PHP float printing, PHP 8.2 json_encode / json_decode($s, true) byte for byte.

Fast paths run on orjson; careful pure-Python paths reproduce PHP's errors and edge cases.
"""

from __future__ import annotations

import codecs
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import compress
from json.encoder import encode_basestring_ascii
from operator import not_
from typing import Any, TypeAlias

import orjson

INT_MAX = 2**63 - 1  # PHP_INT_MAX on 64-bit
INT_MIN = -(2**63)


@dataclass
class PHPObject:
    """A serialized PHP object (``O:`` in serialize format): class name plus properties in order."""

    class_name: str
    properties: dict[str, PHPValue] = field(default_factory=dict)


class JsonObject(dict[str, Any]):
    """A dict json_encode always writes as a JSON object (``{}`` when empty), like PHP stdClass."""


PHPValue: TypeAlias = (
    bool | int | float | str | list["PHPValue"] | dict[int | str, "PHPValue"] | PHPObject | None
)

JSON_ERRORS = {  # php 8.2 ext/json/json.c php_json_get_error_msg
    0: "No error",
    1: "Maximum stack depth exceeded",
    2: "State mismatch (invalid or malformed JSON)",
    3: "Control character error, possibly incorrectly encoded",
    4: "Syntax error",
    5: "Malformed UTF-8 characters, possibly incorrectly encoded",
    6: "Recursion detected",
    7: "Inf and NaN cannot be JSON encoded",
    8: "Type is not supported",
    9: "The decoded property name is invalid",
    10: "Single unpaired UTF-16 surrogate in unicode escape",
}


class JsonEncodeError(ValueError):
    """json_encode returned false; ``str(err)`` is PHP's json_last_error_msg()."""

    def __init__(self, code: int = 5, message: str | None = None) -> None:
        self.code = code
        self.message = JSON_ERRORS.get(code, "Unknown error") if message is None else message
        super().__init__(self.message)


class JsonDecodeError(ValueError):
    """json_decode returned null with an error: PHP's json_last_error() code and message."""

    def __init__(self, code: int, message: str | None = None) -> None:
        self.code = code
        self.message = JSON_ERRORS.get(code, "Unknown error") if message is None else message
        super().__init__(self.message)


# ---------------------------------------------------------------- floats ----


def php_gcvt(value: float, precision: int = -1, exp_char: str = "E") -> str:
    """PHP's zend_gcvt: precision -1 is serialize_precision -1 (shortest round-trip, 17 max).

    ``php_gcvt(x, -1, "E")`` is serialize()/var_export, ``php_gcvt(x, -1, "e")`` json_encode,
    ``php_gcvt(x, 14)`` the (string) cast with precision=14.
    """
    if value != value:
        return "NAN"  # php 8.2 zend_gcvt: "NAN" / "INF" / "-INF"
    if value in (math.inf, -math.inf):
        return "INF" if value > 0 else "-INF"
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    shortest = precision < 0
    if shortest:
        precision = 17  # php 8.2 zend_gcvt: mode 0 uses ndigit 17 for the layout choice
    if value == 0:
        digits, decpt = "0", 1  # zend_dtoa(0) gives "0" with decpt 1
    elif shortest:
        mant, _, exp_s = repr(abs(value)).partition("e")
        ip, _, fp = mant.partition(".")
        if ip == "0":
            digits = fp.lstrip("0")
            decpt = int(exp_s or 0) - (len(fp) - len(digits))
        else:
            digits, decpt = ip + fp, len(ip) + int(exp_s or 0)
        digits = digits.rstrip("0") or "0"
    else:
        mant, _, exp_s = f"{abs(value):.{precision - 1}e}".partition("e")
        digits, decpt = mant.replace(".", "").rstrip("0") or "0", int(exp_s) + 1
    if (decpt < -3) if decpt < 0 else (decpt > precision):
        exponent = decpt - 1  # zend_gcvt exponential format: d.ddd, at least one fraction digit
        esign = "-" if exponent < 0 else "+"
        return f"{sign}{digits[0]}.{digits[1:] or '0'}{exp_char}{esign}{abs(exponent)}"
    if decpt <= 0:
        return f"{sign}0.{'0' * -decpt}{digits}"
    if len(digits) <= decpt:
        return sign + digits + "0" * (decpt - len(digits))
    return f"{sign}{digits[:decpt]}.{digits[decpt:]}"


# ------------------------------------------------------------ PHP arrays ----

_NUMERIC_KEY = re.compile(r"(?:0|-?[1-9][0-9]*)\Z")


def array_key(key: str) -> int | str:
    """ZEND_HANDLE_NUMERIC_STR: a canonical decimal string key within int64 becomes an int."""
    if key and len(key) < 21 and (key[0] in "0123456789-") and _NUMERIC_KEY.match(key):
        n = int(key)
        if INT_MIN <= n <= INT_MAX:
            return n
    return key


def is_list_like(keys: Any) -> bool:
    """True when the keys are exactly 0..n-1 in order (ints, or the numeric strings "0".."n-1")."""
    return all(k == i or (type(k) is str and k == str(i)) for i, k in enumerate(keys))


def _object_props(obj: PHPObject) -> dict[str, Any]:
    """Properties json_encode shows: PHP skips mangled (NUL-prefixed) protected/private names."""
    props: dict[str, Any] = {}
    if obj.class_name != "stdClass":
        # unknown classes unserialize to __PHP_Incomplete_Class (php 8.2 var_unserializer)
        props["__PHP_Incomplete_Class_Name"] = obj.class_name
    for k, v in obj.properties.items():
        if not k.startswith("\0"):  # php 8.2 json_encoder.c: skip protected and private members
            props[k] = v
    return props


# ----------------------------------------------------------- json_encode ----

_PLAIN = frozenset({str, int, bool, type(None)})
_STR_ONLY = frozenset({str})
_ZERO_KEYS = frozenset({0, "0"})
_MAX_DEPTH = 512  # php 8.2 json_encode default $depth
_FAST_DEPTH = 100  # deeper input takes the careful (iterative) encoder; orjson stops at 254
_INDENT = re.compile(rb"^( +)", re.MULTILINE)
_ASCII_ESCAPE = "jetpress.php_json"  # codec error handler name, registered below


def _escape_non_ascii(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: PHP json_encode's lowercase \\uXXXX escapes, astral as pairs."""
    if not isinstance(err, UnicodeEncodeError):
        raise err
    return encode_basestring_ascii(err.object[err.start : err.end])[1:-1], err.end


codecs.register_error(_ASCII_ESCAPE, _escape_non_ascii)


class _Careful(Exception):
    """The fast path met something only the careful encoder can answer (NaN, depth, odd types)."""


def _prep(value: Any, depth: int) -> Any:
    """Turn ``value`` into something orjson writes exactly as PHP would; reuse unchanged parts."""
    t = type(value)
    if t is dict:
        if not value:
            return []  # an empty PHP array is []
        if next(iter(value)) in _ZERO_KEYS and is_list_like(value):
            return _prep(list(value.values()), depth)  # a PHP list is a JSON array
        if _PLAIN.issuperset(map(type, value.values())) and _STR_ONLY.issuperset(map(type, value)):
            return value
        return _prep_object(value, depth)
    if t is list or t is tuple:
        if _PLAIN.issuperset(map(type, value)):
            return value
        if depth > _FAST_DEPTH:
            raise _Careful
        changes = _changes(enumerate(value), value, depth)
        if changes is None:
            return value
        out = list(value)
        for i, v in changes.items():
            out[i] = v
        return out
    if t is float:
        if value - value != 0.0:  # NaN or infinity
            raise _Careful
        return orjson.Fragment(php_gcvt(value, -1, "e"))  # php 8.2 json_encode: no zero fraction
    if t in _PLAIN:
        return value
    if t is JsonObject:
        return _prep_object(value, depth)
    if t is PHPObject:
        return _prep_object(_object_props(value), depth)
    raise _Careful


def _changes(items: Iterable[tuple[Any, Any]], values: Iterable[Any], depth: int) -> Any:
    """Prepared replacements of the non-scalar values (by key), or None when nothing changes."""
    changes = None
    # compress/map/not_ keep the scan of plain values in C
    for k, v in compress(items, map(not_, map(_PLAIN.__contains__, map(type, values)))):
        new = _prep(v, depth + 1)
        if new is not v:
            if changes is None:
                changes = {}
            changes[k] = new
    return changes


def _prep_object(d: dict[Any, Any], depth: int) -> dict[str, Any]:
    if depth > _FAST_DEPTH:
        raise _Careful
    changes = _changes(d.items(), d.values(), depth)
    if _STR_ONLY.issuperset(map(type, d)):
        if changes is None:
            return d
        out = dict(d)
        out.update(changes)
        return out
    changes = changes or {}
    return {_json_key(k): changes.get(k, v) for k, v in d.items()}


def _json_key(key: object) -> str:
    if isinstance(key, bool):
        return "1" if key else "0"  # a PHP array key true is 1, false is 0
    if isinstance(key, int | str):
        return str(key)
    raise _Careful


def json_encode(value: object, *, pretty: bool = False) -> bytes:
    """PHP 8.2 ``json_encode($value)`` (or with JSON_PRETTY_PRINT), byte-for-byte.

    Raises JsonEncodeError where PHP returns false (invalid UTF-8, NaN/INF, depth > 512) and
    TypeError for Python values PHP cannot hold.
    """
    try:
        out = orjson.dumps(_prep(value, 1), option=orjson.OPT_INDENT_2 if pretty else 0)
    except (_Careful, orjson.JSONEncodeError):
        return _Encoder(pretty).encode(value)
    if pretty:
        out = _INDENT.sub(lambda m: m.group(1) * 2, out)  # php pretty print indents by 4 spaces
    if b"/" in out:
        out = out.replace(b"/", b"\\/")  # php json_encode escapes "/" unless UNESCAPED_SLASHES
    if not out.isascii():
        # php json_encode writes non-ASCII as lowercase \uXXXX, astral as surrogate pairs
        out = out.decode().encode("ascii", _ASCII_ESCAPE)
    return out


_ESCAPES = {i: f"\\u{i:04x}" for i in range(0x20)}  # php json_encoder.c: "\u00" + lowercase hex
_ESCAPES.update({0x08: "\\b", 0x0C: "\\f", 0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"})
_ESCAPES.update({0x22: '\\"', 0x5C: "\\\\", 0x2F: "\\/"})


class _Encoder:
    """php_json_encode_zval with an explicit stack: sticky NaN error, aborts on bad UTF-8/depth."""

    def __init__(self, pretty: bool) -> None:
        self.pretty = pretty
        self.error = 0
        self.parts: list[str] = []
        self.stack: list[tuple[Iterator[tuple[Any, Any]], bool, list[int]]] = []

    def encode(self, value: object) -> bytes:
        self.value(value)
        while self.stack:
            items, is_object, count = self.stack[-1]
            item = next(items, None)
            if item is None:
                self.stack.pop()
                if count[0] and self.pretty:
                    self.parts.append("\n" + "    " * len(self.stack))
                self.parts.append("}" if is_object else "]")
                continue
            self.parts.append(
                ("," if count[0] else "") + ("\n" + "    " * len(self.stack) if self.pretty else "")
            )
            count[0] += 1
            if is_object:
                self.string(_json_key_careful(item[0]))
                self.parts.append(": " if self.pretty else ":")
            self.value(item[1])
        if self.error:
            raise JsonEncodeError(self.error)  # php 8.2: without PARTIAL_OUTPUT, false
        return "".join(self.parts).encode("ascii", _ASCII_ESCAPE)

    def string(self, s: str) -> None:
        try:
            s.encode("utf-8")
        except UnicodeEncodeError:
            raise JsonEncodeError(5) from None  # php 8.2 php_json_escape_string: abort
        self.parts.append(f'"{s.translate(_ESCAPES)}"')  # non-ASCII is escaped in encode()

    def value(self, v: object) -> None:
        if v is None or isinstance(v, bool):
            self.parts.append("null" if v is None else "true" if v else "false")
        elif isinstance(v, int) and INT_MIN <= v <= INT_MAX:
            self.parts.append(str(int(v)))
        elif isinstance(v, int | float):
            if math.isfinite(v):
                self.parts.append(php_gcvt(float(v), -1, "e"))
            else:
                self.error = 7  # php 8.2 json_encoder.c: INF_OR_NAN, writes 0 and goes on
                self.parts.append("0")
        elif isinstance(v, str):
            self.string(v)
        elif isinstance(v, JsonObject):
            self.container(list(v.items()), True)
        elif isinstance(v, dict):
            self.container(list(v.items()), bool(v) and not is_list_like(v))
        elif isinstance(v, list | tuple):
            self.container(list(enumerate(v)), False)
        elif isinstance(v, PHPObject):
            self.container(list(_object_props(v).items()), True)
        else:
            raise TypeError(f"json_encode: type {type(v).__name__} is not supported")

    def container(self, items: list[tuple[Any, Any]], is_object: bool) -> None:
        if len(self.stack) + 1 > _MAX_DEPTH:
            # php checks the depth after the elements: a bad string below still wins.
            _scan_utf8([v for _, v in items] + [k for k, _ in items if isinstance(k, str)])
            raise JsonEncodeError(1)
        self.parts.append("{" if is_object else "[")
        self.stack.append((iter(items), is_object, [0]))


def _json_key_careful(key: object) -> str:
    try:
        return _json_key(key)
    except _Careful:
        raise TypeError(f"json_encode: key type {type(key).__name__} is not supported") from None


def _scan_utf8(pending: list[object]) -> None:
    """Raise JsonEncodeError(5) if any string below is not valid UTF-8 (iterative, any depth)."""
    while pending:
        v = pending.pop()
        if isinstance(v, str):
            try:
                v.encode("utf-8")
            except UnicodeEncodeError:
                raise JsonEncodeError(5) from None
        elif isinstance(v, dict):
            pending.extend(v.values())
            pending.extend(k for k in v if isinstance(k, str))
        elif isinstance(v, list | tuple):
            pending.extend(v)
        elif isinstance(v, PHPObject):
            pending.extend(_object_props(v).values())
            pending.extend(v.properties)


# ----------------------------------------------------------- json_decode ----


def json_decode(data: bytes | str) -> PHPValue:
    """PHP 8.2 ``json_decode($data, true)``: objects become PHP arrays (list when keys are 0..n-1).

    Raises JsonDecodeError(code, message) with PHP's json_last_error() / json_last_error_msg().
    """
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else bytes(data)
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return _Parser(raw).parse()
    return _from_orjson(value, 1)


def _from_orjson(value: Any, depth: int) -> PHPValue:
    t = type(value)
    if t is int:
        # php 8.2 json_scanner.re: integers beyond int64 become floats (no BIGINT_AS_STRING)
        return value if INT_MIN <= value <= INT_MAX else float(value)
    if t is list:
        if depth >= 512:
            raise JsonDecodeError(1)  # php 8.2 json_parser.y PHP_JSON_DEPTH_INC, depth 512
        items: list[PHPValue] = []
        for v in value:  # a loop, not a comprehension: one Python frame per level
            items.append(_from_orjson(v, depth + 1))
        return items
    if t is dict:
        if depth >= 512:
            raise JsonDecodeError(1)
        out: dict[int | str, PHPValue] = {}
        for k, v in value.items():
            out[array_key(k)] = _from_orjson(v, depth + 1)
        return list(out.values()) if is_list_like(out) else out
    return value  # type: ignore[no-any-return]  # str, float, bool, None


_WS = frozenset(b" \t\r\n")  # php json_scanner.re WS / NL
_NUMBER = re.compile(rb"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_STR_PLAIN = re.compile(rb'[^"\\\x00-\x1f]*')
_HEX4 = re.compile(rb"[0-9a-fA-F]{4}")
_SIMPLE_ESCAPES = {ord('"'): '"', ord("\\"): "\\", ord("/"): "/", ord("b"): "\b"}
_SIMPLE_ESCAPES.update({ord("f"): "\f", ord("n"): "\n", ord("r"): "\r", ord("t"): "\t"})
_VALUE, _STRING, _EOI = "v", "s", "$"


class _ScanError(Exception):
    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def _utf8_char_ok(raw: bytes, pos: int) -> bool:
    """True when a well-formed UTF-8 multi-byte sequence starts at ``pos`` (json_scanner UTF8)."""
    lead = raw[pos]
    size = 2 if 0xC2 <= lead <= 0xDF else 3 if 0xE0 <= lead <= 0xEF else 4 if lead <= 0xF4 else 0
    try:
        return size > 0 and len(raw[pos : pos + size].decode("utf-8")) == 1
    except UnicodeDecodeError:
        return False


class _Parser:
    """php 8.2 ext/json: re2c scanner + bison grammar, as an iterative parser (no recursion)."""

    def __init__(self, raw: bytes) -> None:
        self.raw = raw
        self.pos = 0

    def scan(self) -> tuple[str, Any]:
        raw, pos, n = self.raw, self.pos, len(self.raw)
        while pos < n and raw[pos] in _WS:
            pos += 1
        if pos >= n:
            self.pos = pos
            return _EOI, None
        c = raw[pos]
        if c in b"{}[]:,":
            self.pos = pos + 1
            return chr(c), None
        if c == 0x22:
            return _STRING, self.string(pos + 1)
        for word, val in ((b"null", None), (b"true", True), (b"false", False)):
            if raw.startswith(word, pos):
                self.pos = pos + len(word)
                return _VALUE, val
        m = _NUMBER.match(raw, pos)
        if m:
            self.pos = m.end()
            text = m.group()
            if m.group(1) is None and m.group(2) is None and len(text) < 21:
                n_int = int(text)  # php 8.2 json_scanner.re: beyond int64 is a double
                return _VALUE, n_int if INT_MIN <= n_int <= INT_MAX else float(text)
            return _VALUE, float(text)
        if c < 0x20:
            raise _ScanError(3)  # json_scanner.re <JS>CTRL and embedded NUL
        if c < 0x80 or _utf8_char_ok(raw, pos):
            raise _ScanError(4)  # <JS>UTF8: a valid character that starts no token
        raise _ScanError(5)  # <JS>ANY: invalid UTF-8

    def string(self, pos: int) -> str:
        raw, parts = self.raw, []
        while True:
            m = _STR_PLAIN.match(raw, pos)
            end = m.end() if m else pos
            try:
                parts.append(raw[pos:end].decode("utf-8"))
            except UnicodeDecodeError:
                raise _ScanError(5) from None  # <STR_P1>ANY
            pos = end
            if pos >= len(raw) or raw[pos] < 0x20:
                raise _ScanError(3)  # <STR_P1>CTRL, also the NUL past the end (unterminated)
            if raw[pos] == 0x22:
                self.pos = pos + 1
                return "".join(parts)
            esc = raw[pos + 1] if pos + 1 < len(raw) else -1
            if esc in _SIMPLE_ESCAPES:
                parts.append(_SIMPLE_ESCAPES[esc])
                pos += 2
                continue
            if esc != 0x75 or not _HEX4.match(raw, pos + 2):
                raise _ScanError(4)  # <STR_P1>ESCPREF: bad escape
            code = int(raw[pos + 2 : pos + 6], 16)
            if 0xD800 <= code <= 0xDBFF and raw[pos + 6 : pos + 8] == b"\\u":
                low = raw[pos + 8 : pos + 12]
                if _HEX4.fullmatch(low) and 0xDC00 <= int(low, 16) <= 0xDFFF:
                    code = 0x10000 + ((code - 0xD800) << 10) + (int(low, 16) - 0xDC00)
                    parts.append(chr(code))  # <STR_P1>UTF16_4: a surrogate pair
                    pos += 12
                    continue
            if 0xD800 <= code <= 0xDFFF:
                raise _ScanError(10)  # <STR_P1>UCS2: single unpaired surrogate
            parts.append(chr(code))
            pos += 6

    def parse(self) -> PHPValue:
        try:
            return self._parse()
        except _ScanError as err:
            raise JsonDecodeError(err.code) from None

    def _parse(self) -> PHPValue:
        # stack entries: [container, is_object, pending key]; depth starts at 1 (json_parser.y)
        stack: list[list[Any]] = []
        tok, val = self.scan()
        while True:
            if tok in "[{":
                if len(stack) + 1 >= 512:
                    raise _ScanError(1)  # PHP_JSON_DEPTH_INC before the next token is read
                is_obj = tok == "{"
                stack.append([{} if is_obj else [], is_obj, None])
                tok, val = self.scan()
                if tok == ("}" if is_obj else "]"):
                    value = self._close(stack)
                elif tok == ("]" if is_obj else "}"):
                    raise _ScanError(2)  # object_end / array_end: state mismatch
                elif is_obj:
                    self._key(stack, tok, val)
                    tok, val = self.scan()
                    continue
                else:
                    continue
            elif tok in (_VALUE, _STRING):
                value = val
            else:
                raise _ScanError(4)
            # a complete value: attach it, then read separators/closers
            while True:
                if not stack:
                    if self.scan()[0] != _EOI:
                        raise _ScanError(4)
                    return value
                top = stack[-1]
                if top[1]:
                    top[0][top[2]] = value  # zend_symtable_update: last duplicate wins
                else:
                    top[0].append(value)
                tok, val = self.scan()
                if tok == ",":
                    tok, val = self.scan()
                    if top[1]:
                        self._key(stack, tok, val)
                        tok, val = self.scan()
                    break
                if tok == ("}" if top[1] else "]"):
                    value = self._close(stack)
                    continue
                raise _ScanError(2 if tok in "]}" else 4)

    def _key(self, stack: list[list[Any]], tok: str, val: Any) -> None:
        if tok != _STRING:
            raise _ScanError(4)
        stack[-1][2] = array_key(val)
        if self.scan()[0] != ":":
            raise _ScanError(4)

    @staticmethod
    def _close(stack: list[list[Any]]) -> PHPValue:
        container, is_obj, _ = stack.pop()
        if is_obj and is_list_like(container):
            return list(container.values())
        out: PHPValue = container
        return out
