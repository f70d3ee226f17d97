"""WordPress 6.1's JSON-schema argument validation and sanitisation (RA = wp-includes/rest-api.php).

Also owns the formatting.php/kses.php helpers that the schema layer needs: sanitize_text_field,
esc_url_raw, is_email, wp_parse_list, wp_sprintf's ``%l``. Values are PHP values as Python JSON.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from html.entities import name2codepoint

import regex

from jetpress.types import JSON
from jetpress.wp.errors import WPError

# --------------------------------------------------------------------------- PHP scalar semantics
# TODO(lead): replace this section with jetpress.php (is_numeric, to_int, to_float,
# to_php_string, is_truthy) once it lands; these are private stand-ins.

_INT_MIN = -(2**63)
_INT_MAX = 2**63 - 1
_PHP_TRIM = " \t\n\r\0\x0b"  # php trim()'s default character list
_C_SPACE = " \t\n\v\f\r"  # C isspace() in the C locale
_NUMERIC = re.compile(
    r"[ \t\n\r\v\f]*[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?[ \t\n\r\v\f]*"
)
_NUMERIC_PREFIX = re.compile(
    r"[ \t\n\r\v\f]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
)
_CANONICAL_INT = re.compile(r"0|-?[1-9][0-9]{0,18}")


def _is_php_array(value: object) -> bool:
    return isinstance(value, list | tuple | Mapping)


def _is_scalar(value: object) -> bool:
    return isinstance(value, bool | int | float | str)


def _is_numeric(value: object) -> bool:
    """php is_numeric: ints, floats and numeric strings (PHP 8 allows surrounding whitespace)."""
    if isinstance(value, bool):
        return False
    if isinstance(value, int | float):
        return True
    return isinstance(value, str) and _NUMERIC.fullmatch(value) is not None


def _is_truthy(value: object) -> bool:
    """PHP boolean conversion (the negation of empty())."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float):
        return value != 0
    if isinstance(value, str):
        return value not in ("", "0")
    if _is_php_array(value):
        return len(value) > 0  # type: ignore[arg-type]
    return True


def _int_to_float(value: int) -> float:
    try:
        return float(value)
    except OverflowError:
        return math.copysign(math.inf, value)


def _float_to_int(value: float) -> int:
    """(int) of a float: NaN/INF give 0, out of range wraps modulo 2**64 (zend_dval_to_lval)."""
    if not math.isfinite(value):
        return 0
    number = int(value)
    if _INT_MIN <= number <= _INT_MAX:
        return number
    number %= 2**64
    return number - 2**64 if number > _INT_MAX else number


def _cap_float_to_int(value: float) -> int:
    """zend_dval_to_lval_cap, used for numeric strings: saturates instead of wrapping."""
    if not math.isfinite(value):
        return 0
    if value >= 2**63:
        return _INT_MAX
    if value < -(2**63):
        return _INT_MIN
    return int(value)


def _to_int(value: object) -> int:
    """PHP (int) cast."""
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value if _INT_MIN <= value <= _INT_MAX else _float_to_int(_int_to_float(value))
    if isinstance(value, float):
        return _float_to_int(value)
    if isinstance(value, str):
        match = _NUMERIC_PREFIX.match(value)
        if match is None:
            return 0
        number = match.group(1)
        if "." in number or "e" in number or "E" in number or len(number) > 4000:
            return _cap_float_to_int(float(number))  # numeric strings saturate (zval_get_long)
        whole = int(number)
        if _INT_MIN <= whole <= _INT_MAX:
            return whole
        return _INT_MAX if whole > 0 else _INT_MIN
    if _is_php_array(value):
        return 1 if len(value) else 0  # type: ignore[arg-type]
    return 1


def _to_float(value: object) -> float:
    """PHP (float) cast."""
    if value is None:
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, int):
        return _int_to_float(value)
    if isinstance(value, float):
        return value
    if isinstance(value, str):
        match = _NUMERIC_PREFIX.match(value)
        return float(match.group(1)) if match else 0.0
    if _is_php_array(value):
        return 1.0 if len(value) else 0.0  # type: ignore[arg-type]
    return 1.0


def _float_repr(value: float, precision: int, exp_char: str) -> str:
    """zend_gcvt: ``precision`` 14 is (string)$float; 0 is the shortest repr of json_encode."""
    if math.isnan(value):
        return "NAN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    sign = "-" if math.copysign(1.0, value) < 0 else ""
    if value == 0:
        return sign + "0"
    text = f"{abs(value):.{precision - 1}e}" if precision else repr(abs(value))
    parts = Decimal(text).normalize().as_tuple()
    digits = "".join(map(str, parts.digits))
    decpt = len(digits) + int(parts.exponent)
    ndigit = precision or 17
    if (decpt < -3) if decpt < 0 else (decpt > ndigit):
        exponent = decpt - 1
        mantissa = digits[0] + "." + (digits[1:] or "0")
        return f"{sign}{mantissa}{exp_char}{'-' if exponent < 0 else '+'}{abs(exponent)}"
    if decpt < 0:
        return f"{sign}0.{'0' * -decpt}{digits}"
    whole, fraction = digits[:decpt].ljust(decpt, "0"), digits[decpt:]
    return f"{sign}{whole or '0'}.{fraction}" if fraction else sign + whole


def _to_php_string(value: object) -> str:
    """PHP (string) cast; floats use precision 14 (php 8.2 zend_double_to_str)."""
    if isinstance(value, str):
        return value
    if value is None or value is False:
        return ""
    if value is True:
        return "1"
    if isinstance(value, int):
        return (
            str(value)
            if _INT_MIN <= value <= _INT_MAX
            else _float_repr(_int_to_float(value), 14, "E")
        )
    if isinstance(value, float):
        return _float_repr(value, 14, "E")
    return "Array" if _is_php_array(value) else "Object"


def _ascii_lower(text: str) -> str:
    """php 8.2 strtolower: ASCII only, so string lengths never change."""
    if text.isascii():
        return text.lower()
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def _is_utf8(text: str) -> bool:
    """Lone surrogates stand for bytes that were not valid UTF-8."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _php_key(key: object) -> int | str:
    """The key PHP stores: decimal strings, bools and floats become ints, null ''."""
    if isinstance(key, bool):
        return int(key)
    if isinstance(key, int):
        return key
    if isinstance(key, float):
        return _float_to_int(key)
    if key is None:
        return ""
    if isinstance(key, str):
        if _CANONICAL_INT.fullmatch(key) and _INT_MIN <= int(key) <= _INT_MAX:
            return int(key)
        return key
    return _to_php_string(key)


def _entries(value: object) -> list[tuple[object, int | str, object]]:
    """foreach ( $value as $key => $v ): (original key, PHP key, value); non-arrays give nothing."""
    if isinstance(value, Mapping):
        return [(key, _php_key(key), item) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return [(index, index, item) for index, item in enumerate(value)]
    return []


def _php_map(value: object) -> dict[int | str, object]:
    return {key: item for _, key, item in _entries(value)}


def _schema(value: object) -> dict[str, object]:
    """A schema as a local (by-value) array; anything else reads like an empty array."""
    if isinstance(value, Mapping):
        return {key: item for key, item in value.items() if isinstance(key, str)}
    return {}


def _isset(args: Mapping[str, object], key: str) -> bool:
    return args.get(key) is not None


def _php_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    return "array" if _is_php_array(value) else "object"


def _str_number(text: str) -> int | float:
    stripped = text.strip(_C_SPACE)
    if re.fullmatch(r"[+-]?[0-9]+", stripped) and len(stripped) < 19:
        return int(stripped)
    return float(stripped)


def _cmp_numbers(left: float, right: float) -> int:
    # ZEND_THREEWAY_COMPARE: NaN is never equal nor smaller, so it compares as 1.
    if left == right:
        return 0
    return -1 if left < right else 1


def _cmp_strings(left: str, right: str) -> int:
    if _is_numeric(left) and _is_numeric(right):
        return _cmp_numbers(_str_number(left), _str_number(right))
    return (left > right) - (left < right)


def _compare(left: object, right: object) -> int:
    """php 8 zend_compare (the <=> operator) for PHP-shaped values."""
    lt, rt = _php_type(left), _php_type(right)
    if lt in ("int", "float") and rt in ("int", "float"):
        return _cmp_numbers(left, right)  # type: ignore[arg-type]
    if lt == "array" and rt == "array":
        return _compare_arrays(left, right)
    if lt == "string" and rt == "string":
        return _cmp_strings(left, right)  # type: ignore[arg-type]
    if lt == "null" and rt == "string":
        return 0 if right == "" else -1
    if lt == "string" and rt == "null":
        return 0 if left == "" else 1
    if lt in ("null", "bool") or rt in ("null", "bool"):
        return int(_is_truthy(left)) - int(_is_truthy(right))
    if lt in ("int", "float") and rt == "string":
        if _is_numeric(right):
            return _cmp_numbers(left, _str_number(right))  # type: ignore[arg-type]
        return _cmp_strings(_to_php_string(left), right)  # type: ignore[arg-type]
    if lt == "string" and rt in ("int", "float"):
        return -_compare(right, left)
    if lt == "array":
        return 1
    return -1 if rt == "array" else 1


def _compare_arrays(left: object, right: object) -> int:
    lmap, rmap = _php_map(left), _php_map(right)
    if len(lmap) != len(rmap):
        return -1 if len(lmap) < len(rmap) else 1
    for key, item in lmap.items():
        if key not in rmap:
            return 1
        result = _compare(item, rmap[key])
        if result:
            return result
    return 0


def _lt(left: object, right: object) -> bool:
    return _compare(left, right) < 0


def _le(left: object, right: object) -> bool:
    return _compare(left, right) <= 0


def _loose_equals(left: str, right: str) -> bool:
    """``==`` between two strings: numeric strings compare as numbers."""
    return _cmp_strings(left, right) == 0


def _json_string(text: str) -> str | None:
    out = ['"']
    escapes = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f"}
    escapes.update({"\n": "\\n", "\r": "\\r", "\t": "\\t"})
    for char in text:
        code = ord(char)
        if char in escapes:
            out.append(escapes[char])
        elif code < 0x20:
            out.append(f"\\u{code:04x}")
        elif code < 0x80:
            out.append(char)
        elif 0xD800 <= code <= 0xDFFF:
            return None  # Malformed UTF-8: json_encode fails.
        elif code > 0xFFFF:
            code -= 0x10000
            out.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            out.append(f"\\u{code:04x}")
    out.append('"')
    return "".join(out)


def _json_encode(value: object, depth: int = 0) -> str | None:
    """wp_json_encode with flags 0; None where PHP returns false.

    TODO(lead): replace with the shared PHP json_encode port.
    """
    if value is None or isinstance(value, bool):
        return {None: "null", True: "true", False: "false"}[value]
    if isinstance(value, int) and _INT_MIN <= value <= _INT_MAX:
        return str(value)
    if isinstance(value, int | float):
        number = float(value) if isinstance(value, float) else _int_to_float(value)
        return _float_repr(number, 0, "e") if math.isfinite(number) else None
    if isinstance(value, str):
        return _json_string(value)
    if not _is_php_array(value):
        return "{}"
    if depth >= 512:
        return None  # php json_encode default depth
    entries = _entries(value)
    parts: list[str] = []
    is_list = all(key == index for index, (_, key, _) in enumerate(entries))
    for _, key, item in entries:
        encoded = _json_encode(item, depth + 1)
        name = _json_string(str(key))
        if encoded is None or name is None:
            return None
        parts.append(encoded if is_list else f"{name}:{encoded}")
    return f"[{','.join(parts)}]" if is_list else f"{{{','.join(parts)}}}"


def _number_format(value: object) -> str:
    """number_format_i18n($n) for en_US: 0 decimals, half away from zero, ',' thousands."""
    number = _to_float(value)
    if math.isnan(number):
        return "nan"
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    rounded = math.floor(abs(number) + 0.5)
    return ("-" if number < 0 and rounded else "") + f"{rounded:,}"


def _plural(count: object, single: str, plural: str) -> str:
    """_n() without translations: NOOP_Translations uses ``1 == $count``."""
    return single if _compare(count, 1) == 0 else plural


def sprintf_l(items: object) -> str:
    """wp_sprintf_l('%l', $items): "a", "a and b", "a, b, and c"; '' for no items (FN:5220)."""
    values = [_to_php_string(item) for _, _, item in _entries(items)]
    if not values:
        return ""
    if len(values) == 1:
        return values[0]
    if len(values) == 2:
        return f"{values[0]} and {values[1]}"
    return ", ".join(values[:-1]) + ", and " + values[-1]


def _sprintf_l_tail(items: list[object], tail: str) -> str:
    # wp_sprintf_l returns '' for an empty list, which also drops the rest of the fragment.
    return sprintf_l(items) + tail if items else ""


# --------------------------------------------------------------------------- RA:1433-1578 types


def parse_list(value: object) -> list[str]:
    """wp_parse_list: split a scalar on ``[\\s,]+`` with no empty parts (FN:4815).

    Arrays keep their scalar items (6.1 filters with is_scalar), as PHP strings.
    """
    if _is_php_array(value):
        return [_to_php_string(item) for _, _, item in _entries(value) if _is_scalar(item)]
    # preg_split('/[\s,]+/') without the u flag: \s is ASCII whitespace only.
    return [part for part in re.split(r"[ \t\n\v\f\r,]+", _to_php_string(value)) if part]


def sanitize_boolean(value: object) -> bool:
    """rest_sanitize_boolean: the strings 'false' and '0' (any case) are false (RA:1433-1444)."""
    if isinstance(value, str) and _ascii_lower(value) in ("false", "0"):
        return False
    return _is_truthy(value)


def is_boolean(value: object) -> bool:
    """rest_is_boolean: bools, 'true'/'false'/'1'/'0' in any case, and the ints 0 and 1."""
    if isinstance(value, bool):
        return True
    if isinstance(value, str):
        return _ascii_lower(value) in ("false", "true", "0", "1")
    if isinstance(value, int):
        return value in (0, 1)
    return False


def is_integer(value: object) -> bool:
    """rest_is_integer: ``is_numeric($v) && round((float) $v) === (float) $v`` (RA:1487-1489)."""
    if not _is_numeric(value):
        return False
    number = _to_float(value)
    return math.isinf(number) or (math.isfinite(number) and number.is_integer())


def is_array(value: object) -> bool:
    """rest_is_array: scalars split as lists, arrays must have only integer keys (RA:1499-1507)."""
    if _is_scalar(value):
        return True  # wp_parse_list always gives a list.
    return _is_php_array(value) and all(isinstance(key, int) for _, key, _ in _entries(value))


def sanitize_array(value: object) -> list[object]:
    """rest_sanitize_array: parse scalars, array_values() arrays, [] for anything else."""
    if _is_scalar(value):
        return list(parse_list(value))
    return [item for _, _, item in _entries(value)]


def is_object(value: object) -> bool:
    """rest_is_object: any array (lists too, as PHP cannot tell them apart) or ''."""
    return value == "" or _is_php_array(value)


def sanitize_object(value: object) -> object:
    """rest_sanitize_object: arrays unchanged, everything else (including '') an empty object."""
    return value if _is_php_array(value) else {}


# --------------------------------------------------------------------------- formats


_HEX_COLOR = re.compile(r"^#([A-Fa-f0-9]{3}){1,2}$")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_IPV4 = re.compile(
    r"^(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)$"
)
_DATE = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?"
    r"(?:Z|([+-])(\d{2})(?::(\d{2}))?)?$",
    re.ASCII,
)
_EMAIL_LOCAL = re.compile(r"^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$")
_EMAIL_SUB = re.compile(r"^[a-z0-9-]+$", re.IGNORECASE | re.ASCII)


def _subject(value: object) -> str | None:
    """What preg_match() sees: scalars as strings, null as ''; arrays are a TypeError (None)."""
    return None if _is_php_array(value) or isinstance(value, WPError) else _to_php_string(value)


def parse_hex_color(value: object) -> bool:
    """rest_parse_hex_color: ``#rgb`` or ``#rrggbb`` (a trailing newline passes, as in PCRE)."""
    text = _subject(value)
    return text is not None and _HEX_COLOR.search(text) is not None


def is_uuid(value: object) -> bool:
    """wp_is_uuid without a version: lower-case hex only (FN:7558)."""
    return isinstance(value, str) and _UUID.search(value) is not None


def parse_date(value: object) -> int | None:
    """rest_parse_date: the RFC 3339 regex, then strtotime() in UTC; None where PHP has false.

    strtotime accepts month 00-12, day 00-31, hour 00-24, minute 00-59, second 00-60 and
    offsets ``+HH`` or ``+HH:MM`` with HH <= 24 (checked against php 8.2).
    """
    text = _subject(value)
    match = _DATE.search(text) if text is not None else None
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(part) for part in match.group(1, 2, 3, 4, 5, 6))
    sign, off_hours, off_minutes = match.group(7, 8, 9)
    if month > 12 or day > 31 or hour > 24 or minute > 59 or second > 60:
        return None
    offset = 0
    if sign is not None:
        if off_minutes is not None and (int(off_hours) > 24 or int(off_minutes) > 59):
            return None
        offset = int(off_hours) * 3600 + int(off_minutes or 0) * 60
        offset = -offset if sign == "-" else offset
    months = year * 12 + month - 1
    year, month = divmod(months, 12)
    return (
        (_days_from_civil(year, month + 1) + day - 1) * 86400
        + hour * 3600
        + minute * 60
        + second
        - offset
    )


def _days_from_civil(year: int, month: int) -> int:
    """Days from 1970-01-01 to the first of the month (proleptic Gregorian)."""
    year -= month <= 2
    era = (year if year >= 0 else year - 399) // 400
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def is_ip_address(value: object) -> bool:
    """rest_is_ip_address: an IPv4 dotted quad or Requests_IPv6::check_ipv6 (RA:1415-1423)."""
    text = _subject(value)
    return text is not None and (_IPV4.search(text) is not None or _check_ipv6(text))


def _check_ipv6(ip: str) -> bool:
    """Requests_IPv6::check_ipv6 (wp-includes/Requests/IPv6.php in 6.1)."""
    if ip.count("::") == 1:
        first, second = ip.split("::", 1)
        c1 = -1 if first == "" else first.count(":")
        c2 = (-1 if second == "" else second.count(":")) + ("." in second)
        if c1 == -1 and c2 == -1:
            ip = "0:0:0:0:0:0:0:0"
        elif c1 == -1 or c2 == -1:
            repeat = 7 - (c2 if c1 == -1 else c1)
            if repeat < 0:
                return False  # php 8: str_repeat() with a negative count throws.
            ip = ip.replace("::", "0:" * repeat if c1 == -1 else ":0" * repeat)
        else:
            repeat = 6 - c2 - c1
            if repeat < 0:
                return False
            ip = ip.replace("::", ":" + "0:" * repeat)
    v6, v4 = (ip[: ip.rfind(":")], ip[ip.rfind(":") + 1 :]) if "." in ip else (ip, "")
    groups, quads = v6.split(":"), v4.split(".")
    if not ((len(groups) == 8 and len(quads) == 1) or (len(groups) == 6 and len(quads) == 4)):
        return False
    for group in groups:
        if group == "" or len(group.encode("utf-8", "surrogatepass")) > 4:
            return False
        if any(c not in "0123456789abcdefABCDEF" for c in group):
            return False  # dechex(hexdec($part)) !== strtolower($part)
    if len(quads) == 4:
        for quad in quads:
            if not re.fullmatch(r"0|[1-9][0-9]{0,2}", quad) or int(quad) > 255:
                return False
    return True


def is_email(email: object) -> bool:
    """is_email (formatting.php:3492): WordPress's non-RFC check, without the filter."""
    text = _subject(email)
    if text is None or len(text.encode("utf-8", "surrogatepass")) < 6:
        return False
    if text.find("@", 1) == -1:
        return False
    local, domain = text.split("@", 1)
    if not _EMAIL_LOCAL.search(local) or re.search(r"\.{2,}", domain):
        return False
    if domain.strip(_PHP_TRIM + ".") != domain:
        return False
    subs = domain.split(".")
    if len(subs) < 2:
        return False
    return all(sub.strip(_PHP_TRIM + "-") == sub and _EMAIL_SUB.search(sub) for sub in subs)


# --------------------------------------------------------------------------- formatting.php text

# HTML 4.01 names: $allowedentitynames minus 'apos', which htmlspecialchars() re-encodes.
_ENTITY_NAMES = frozenset(name2codepoint)
_LESS_THAN = re.compile(r"<[^>]*?((?=<)|>|$)")


def _valid_unicode(number: int) -> bool:
    """valid_unicode (kses.php:1967)."""
    return (
        number in (0x9, 0xA, 0xD)
        or 0x20 <= number <= 0xD7FF
        or 0xE000 <= number <= 0xFFFD
        or 0x10000 <= number <= 0x10FFFF
    )


def _normalize_entity_decimal(match: re.Match[str]) -> str:
    digits = match.group(1)
    if digits == "0":
        return ""  # empty( '0' )
    if _valid_unicode(int(digits)):
        return "&#" + digits.lstrip("0").rjust(3, "0") + ";"
    return f"&amp;#{digits};"


def _normalize_entity_hex(match: re.Match[str]) -> str:
    digits = match.group(1)
    if digits == "0":
        return ""
    if _valid_unicode(int(digits, 16)):
        return "&#x" + digits.lstrip("0") + ";"
    return f"&amp;#x{digits};"


def _esc_html(text: str) -> str:
    """esc_html: _wp_specialchars(ENT_QUOTES) after wp_kses_normalize_entities (kses.php:1835)."""
    if not re.search("[&<>\"']", text):
        return text
    text = text.replace("&", "&amp;")
    text = re.sub(
        r"&amp;([A-Za-z]{2,8}[0-9]{0,2});",
        lambda m: f"&{m[1]};" if m[1] in _ENTITY_NAMES else f"&amp;{m[1]};",
        text,
    )
    text = re.sub(r"&amp;#(0*[0-9]{1,7});", _normalize_entity_decimal, text)
    text = re.sub(r"&amp;#[Xx](0*[0-9A-Fa-f]{1,6});", _normalize_entity_hex, text)
    return (
        text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#039;")
    )


def _strip_script_style(text: str) -> str:
    """preg_replace('@<(script|style)[^>]*?>.*?</\\1>@si', '', $text), in linear time."""
    lower = _ascii_lower(text)
    out: list[str] = []
    position = 0
    closing: dict[str, tuple[int, int]] = {}  # name -> (searched from, found at)
    start = lower.find("<")
    while start != -1:
        name = next((n for n in ("script", "style") if lower.startswith(n, start + 1)), None)
        gt = lower.find(">", start + 1 + len(name)) if name else -1
        if name is not None and gt != -1:
            tag = f"</{name}>"
            since, found = closing.get(name, (-2, -2))
            if not (since <= gt + 1 and (found == -1 or found >= gt + 1)):
                found = lower.find(tag, gt + 1)
                closing[name] = (gt + 1, found)
            if found != -1:
                out.append(text[position:start])
                position = found + len(tag)
                start = lower.find("<", position)
                continue
        start = lower.find("<", start + 1)
    out.append(text[position:])
    return "".join(out)


def _strip_tags(text: str) -> str:
    """php 8.2 strip_tags() without allowed tags: the php_strip_tags_ex state machine."""
    out: list[str] = []
    state, depth, in_q, lc, br, is_xml = 0, 0, "", "", 0, False
    size = len(text)

    def at(index: int) -> str:
        return text[index] if 0 <= index < size else "\0"

    for p, c in enumerate(text):
        if state == 0:
            if c == "<" and not in_q:
                if at(p + 1) in _C_SPACE:
                    out.append(c)
                else:
                    lc, state = "<", 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    out.append(c)
            elif c != "\0" and c != "<":
                out.append(c)
        elif state == 1:
            if c == "<" and not in_q and at(p + 1) not in _C_SPACE:
                depth += 1
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    lc = ">"
                    if not (is_xml and at(p - 1) == "-"):
                        in_q, state, is_xml = "", 0, False
            elif c in "\"'":
                if p != 0 and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "!" and at(p - 1) == "<":
                state, lc = 3, c
            elif c == "?" and at(p - 1) == "<":
                br, state = 0, 2
        elif state == 2:
            if c in "()" and lc != '"' and lc != "'":
                lc, br = c, br + (1 if c == "(" else -1)
            elif c == ">":
                if depth:
                    depth -= 1
                elif not in_q and not br and lc != '"' and at(p - 1) == "?":
                    in_q, state = "", 0
            elif c in "\"'":
                if p >= 1 and at(p - 1) != "\\":  # an escaped quote changes nothing
                    if lc == c:
                        lc = ""
                    elif lc != "\\":
                        lc = c
                    if not in_q or c == in_q:
                        in_q = "" if in_q else c
            elif c in "lL" and p > 4 and _ascii_lower(text[p - 4 : p]) == "<?xm":
                state, is_xml = 1, True  # '<?xml' is markup, not PHP code
        elif state == 3:
            if c == ">":
                if depth:
                    depth -= 1
                elif not in_q:
                    in_q, state = "", 0
            elif c in "\"'":
                if p != 0 and at(p - 1) != "\\" and (not in_q or c == in_q):
                    in_q = "" if in_q else c
            elif c == "-" and p >= 2 and at(p - 1) == "-" and at(p - 2) == "!":
                state = 4
            elif c in "eE" and p > 6 and _ascii_lower(text[p - 6 : p]) == "doctyp":
                state = 1
        elif c == ">" and not in_q and p >= 2 and at(p - 1) == "-" and at(p - 2) == "-":
            in_q, state = "", 0
    return "".join(out)


def _remove_octets(text: str) -> tuple[str, bool]:
    """The ``while preg_match('/%[a-f0-9]{2}/i')`` str_replace loop of _sanitize_text_fields.

    Matches never overlap, so removing them in any order reaches the same text: a stack does it
    in linear time where PHP's loop is quadratic.
    """
    out: list[str] = []
    found = False
    for char in text:
        out.append(char)
        if (
            len(out) >= 3
            and out[-3] == "%"
            and out[-2] in "0123456789abcdefABCDEF"
            and out[-1] in "0123456789abcdefABCDEF"
        ):
            del out[-3:]
            found = True
    return "".join(out), found


def _sanitize_text_fields(value: object, keep_newlines: bool) -> str:
    """_sanitize_text_fields (formatting.php:5501)."""
    if _is_php_array(value) or isinstance(value, WPError):
        return ""
    text = _to_php_string(value)
    if not _is_utf8(text):
        return ""  # wp_check_invalid_utf8 without $strip
    if "<" in text:
        text = _LESS_THAN.sub(lambda m: m[0] if ">" in m[0] else _esc_html(m[0]), text)
        text = _strip_tags(_strip_script_style(text)).strip(_PHP_TRIM)  # wp_strip_all_tags
        text = text.replace("<\n", "&lt;\n")
    if not keep_newlines:
        text = re.sub(r"[\r\n\t ]+", " ", text)
    text, found = _remove_octets(text.strip(_PHP_TRIM))
    if found:
        text = re.sub(" +", " ", text).strip(_PHP_TRIM)
    return text


def sanitize_text_field(value: object) -> str:
    """sanitize_text_field: drop tags and octets, escape lone '<', collapse whitespace."""
    return _sanitize_text_fields(value, False)


def sanitize_textarea_field(value: object) -> str:
    """sanitize_textarea_field: sanitize_text_field that keeps newlines and inner whitespace."""
    return _sanitize_text_fields(value, True)


def sanitize_hex_color(value: object) -> str:
    """(string) sanitize_hex_color(): the colour if it matches ``#rgb``/``#rrggbb``, else ''."""
    if isinstance(value, str) and _HEX_COLOR.search(value):
        return value
    return ""


# --------------------------------------------------------------------------- esc_url_raw

_ALLOWED_PROTOCOLS = (
    "http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher", "nntp",
    "feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn",
)  # fmt: skip
_URL_STRIP = re.compile(r"[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()\[\]\x80-\U0010ffff]", re.I | re.ASCII)


def _kses_no_null(text: str) -> str:
    text = re.sub(r"[\x00-\x08\x0B\x0C\x0E-\x1F]", "", text)
    return re.sub(r"\\+0+", "", text)


def _kses_decode_entities(text: str) -> str:
    # chr() keeps the low byte of the code point.
    text = re.sub(r"&#([0-9]+);", lambda m: chr(int(m[1]) % 256), text)
    return re.sub(r"&#[Xx]([0-9A-Fa-f]+);", lambda m: chr(int(m[1], 16) % 256), text)


def _kses_bad_protocol_once(text: str, count: int = 1) -> str:
    """wp_kses_bad_protocol_once (kses.php:1761)."""
    text = re.sub(r"(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))", r"\1;", text, flags=re.I)
    parts = re.split(r":|&#0*58;|&#x0*3a;|&colon;", text, maxsplit=1, flags=re.I)
    if len(parts) == 2 and "/?" not in parts[0]:
        text = parts[1].strip(_PHP_TRIM)
        scheme = _ascii_lower(
            _kses_no_null(re.sub(r"[ \t\n\v\f\r]", "", _kses_decode_entities(parts[0])))
        )
        protocol = scheme + ":" if scheme in _ALLOWED_PROTOCOLS else ""
        if protocol == "feed:":
            if count > 2:
                return ""
            text = _kses_bad_protocol_once(text, count + 1)
            if not _is_truthy(text):
                return text
        text = protocol + text
    return text


def _kses_bad_protocol(text: str) -> str:
    """wp_kses_bad_protocol: at most six passes, '' if still changing (kses.php:1654)."""
    text = _kses_no_null(text)
    for _ in range(6):
        original, text = text, _kses_bad_protocol_once(text)
        if _loose_equals(original, text):
            return text
    return ""


def _parse_url_authority(url: str) -> dict[str, str] | None:
    """php 8.2 parse_url() (ext/standard/url.c), only the scheme/user/pass/host/port parts.

    None where parse_url() returns false.
    """
    out: dict[str, str] = {}
    start, size = 0, len(url)
    colon = url.find(":")
    host_from: int | None = None
    port_at: int | None = None
    if colon > 0:
        scheme_ok = all(c.isascii() and (c.isalnum() or c in "+-.") for c in url[:colon])
        if not scheme_ok:
            question = url.find("?")
            if colon + 1 < size and question != -1 and colon < question:
                port_at = colon
            elif url.startswith("//"):
                host_from = 2
            else:
                return out
        elif colon + 1 == size:
            return {"scheme": url[:colon]}
        elif url[colon + 1] != "/":
            digits = len(url[colon + 1 :]) - len(url[colon + 1 :].lstrip("0123456789"))
            end = colon + 1 + digits
            if (end == size or url[end] == "/") and digits + 1 < 7:
                port_at = colon
            else:
                out["scheme"] = url[:colon]
                return out
        else:
            out["scheme"] = url[:colon]
            if colon + 2 < size and url[colon + 2] == "/":
                start = colon + 3
                if url[:colon].lower() == "file" and url[start : start + 1] == "/":
                    return out
            else:
                return out
    elif colon == 0:
        port_at = colon
    if port_at is not None:
        digits_end = port_at + 1
        while digits_end < size and digits_end - port_at - 1 < 6 and url[digits_end].isdigit():
            digits_end += 1
        length = digits_end - port_at - 1
        if 0 < length < 6 and (digits_end == size or url[digits_end] == "/"):
            if int(url[port_at + 1 : digits_end]) > 65535:
                return None
            out["port"] = str(int(url[port_at + 1 : digits_end]))
            start = 2 if url.startswith("//") else 0
        elif length == 0 and digits_end == size:
            return None
        elif url.startswith("//"):
            start = 2
        else:
            return out
    elif host_from is not None:
        start = host_from
    elif colon == -1:
        if not url.startswith("//"):
            return out
        start = 2
    end = min((i for i in (url.find(c, start) for c in "/?#") if i != -1), default=size)
    at = url.rfind("@", start, end)
    if at != -1:
        user, sep, password = url[start:at].partition(":")
        out["user"] = user
        if sep:
            out["pass"] = password
        start = at + 1
    port_colon = -1
    if not (url[start : start + 1] == "[" and url[end - 1 : end] == "]"):
        port_colon = url.rfind(":", start, end)
    host_end = end
    if port_colon != -1:
        host_end = port_colon
        if "port" not in out:
            port_text = url[port_colon + 1 : end]
            if len(port_text) > 5:
                return None
            if port_text:
                match = re.match(r"[ \t\n\v\f\r]*[+-]?[0-9]+", port_text)
                if match is None or not 0 <= int(match.group()) <= 65535:
                    return None  # ZEND_STRTOL found no number, or it is out of range
                out["port"] = str(int(match.group()))
    if host_end - start < 1:
        return None
    out["host"] = url[start:host_end]
    return out


def _url_front(url: str) -> str:
    """The scheme://user:pass@host:port prefix esc_url rebuilds from wp_parse_url()."""
    unset: tuple[str, ...] = ()
    target = url
    if url.startswith("//"):  # wp_parse_url's placeholders (http.php:685-720)
        unset, target = ("scheme",), "placeholder:" + url
    elif url.startswith("/"):
        unset, target = ("scheme", "host"), "placeholder://placeholder" + url
    parsed = _parse_url_authority(target) or {}
    for key in unset:
        parsed.pop(key, None)
    front = parsed["scheme"] + "://" if "scheme" in parsed else ("//" if url[:1] == "/" else "")
    front += parsed.get("user", "") + (":" + parsed["pass"] if "pass" in parsed else "")
    front += "@" if "user" in parsed or "pass" in parsed else ""
    front += parsed.get("host", "") + (":" + parsed["port"] if "port" in parsed else "")
    return front


def esc_url_raw(url: object) -> str:
    """esc_url_raw / sanitize_url: esc_url() in the 'db' context (formatting.php:4395-4530)."""
    if _is_php_array(url) or isinstance(url, WPError):
        return ""
    text = _to_php_string(url)
    text = _URL_STRIP.sub("", text.lstrip(_PHP_TRIM).replace(" ", "%20"))
    if text == "":
        return ""
    if not _ascii_lower(text).startswith("mailto:"):
        text = _deep_remove(text, ("%0d", "%0a", "%0D", "%0A"))
    text = text.replace(";//", "://")
    if (
        ":" not in text
        and text[:1] not in ("/", "#", "?")
        and not re.match(r"[a-z0-9-]+?\.php", text, re.I | re.A)
    ):
        text = "http://" + text
    if "[" in text or "]" in text:
        front = _url_front(text)
        dirty = text.replace(front, "") if front else text
        clean = dirty.replace("[", "%5B").replace("]", "%5D")
        text = text.replace(dirty, clean) if dirty else text
    if text[:1] == "/":
        return text
    good = _kses_bad_protocol(text)
    return good if _loose_equals(_ascii_lower(good), _ascii_lower(text)) else ""


def _deep_remove(text: str, needles: tuple[str, ...]) -> str:
    """_deep_replace($needles, $text) with '': a stack, since the needles cannot overlap."""
    out: list[str] = []
    for char in text:
        out.append(char)
        if len(out) >= 3 and "".join(out[-3:]) in needles:
            del out[-3:]
    return "".join(out)


# --------------------------------------------------------------------------- patterns (PCRE)

_REGEX_TIMEOUT = 0.25  # seconds; stands in for pcre.backtrack_limit, past which preg_match fails
_PCRE_H = "\\t \\xa0\\u1680\\u180e\\u2000-\\u200a\\u202f\\u205f\\u3000"
_PCRE_V = "\\n\\x0b\\f\\r\\x85\\u2028\\u2029"
_PCRE_CLASS_ESCAPES = {"h": _PCRE_H, "v": _PCRE_V, "e": "\\x1b"}
_PCRE_ESCAPES = {
    "h": f"[{_PCRE_H}]",
    "H": f"[^{_PCRE_H}]",
    "v": f"[{_PCRE_V}]",
    "V": f"[^{_PCRE_V}]",
    "R": f"(?>\\r\\n|[{_PCRE_V}])",
    "e": "\\x1b",
    "z": "\\Z",
    "Z": "(?=\\n?\\Z)",
}


def _pcre_to_python(pattern: str) -> str:
    """Rewrite the PCRE escapes that the ``regex`` module spells differently or lacks."""
    out: list[str] = []
    index, size, in_class = 0, len(pattern), False
    while index < size:
        char = pattern[index]
        if char == "\\" and index + 1 < size:
            nxt = pattern[index + 1]
            if nxt == "Q":
                end = pattern.find("\\E", index + 2)
                literal = pattern[index + 2 :] if end == -1 else pattern[index + 2 : end]
                out.append("".join("\\" + c if not c.isalnum() else c for c in literal))
                index = size if end == -1 else end + 2
                continue
            hex_match = re.match(r"x\{([0-9A-Fa-f]{1,8})\}", pattern[index + 1 :])
            if hex_match:
                out.append(f"\\U{int(hex_match.group(1), 16):08x}")
                index += 1 + hex_match.end()
                continue
            name_match = re.match(r"k(?:<(\w+)>|\{(\w+)\}|'(\w+)')", pattern[index + 1 :])
            if name_match and not in_class:
                out.append(f"(?P={next(g for g in name_match.groups() if g)})")
                index += 1 + name_match.end()
                continue
            table = _PCRE_CLASS_ESCAPES if in_class else _PCRE_ESCAPES
            out.append(table.get(nxt, char + nxt))
            index += 2
            continue
        if in_class:
            if char == "[" and pattern[index + 1 : index + 2] in (":", ".", "="):
                end = pattern.find(pattern[index + 1] + "]", index + 2)
                if end != -1:
                    out.append(pattern[index : end + 2])
                    index = end + 2
                    continue
            if char == "]":
                in_class = False
        elif char == "[":
            in_class = True
            out.append(char)
            index += 1
            if pattern[index : index + 1] == "^":
                out.append("^")
                index += 1
            if pattern[index : index + 1] == "]":
                out.append("\\]")  # a leading ']' is literal in PCRE
                index += 1
            continue
        out.append(char)
        index += 1
    return "".join(out)


def _preg_match(pattern: object, subject: object) -> bool:
    """rest_validate_json_schema_pattern: ``1 === preg_match('#' . $escaped . '#u', $subject)``.

    Any failure PHP reports as false (bad pattern, bad UTF-8, backtrack limit) is no match.
    """
    body = _to_php_string(pattern).replace("#", "\\#")
    delimited = body + "#"
    index = 0
    while index < len(delimited):  # PHP looks for the closing delimiter, skipping escapes.
        if delimited[index] == "\\" and index + 1 < len(delimited):
            index += 2
            continue
        if delimited[index] == "#":
            break
        index += 1
    if index != len(body):
        return False  # The pattern ended early: what follows is an unknown modifier.
    text = _subject(subject)
    if text is None or not (_is_utf8(body) and _is_utf8(text)):
        return False
    try:
        # PHP adds PCRE2_UCP with /u: \d, \w, [[:alpha:]] and (?i) are Unicode-aware.
        compiled = regex.compile(_pcre_to_python(body), regex.VERSION0)
        return compiled.search(text, timeout=_REGEX_TIMEOUT) is not None
    except (regex.error, ValueError, TimeoutError, OverflowError, RecursionError):
        return False


def _pattern_property_schema(prop: int | str, args: Mapping[str, object]) -> object:
    """rest_find_matching_pattern_property_schema (RA:1736-1746)."""
    for _, pattern, child in _entries(args.get("patternProperties")):
        if _preg_match(pattern, prop):
            return child
    return None


# --------------------------------------------------------------------------- anyOf / oneOf

_Failure = tuple[WPError, dict[str, object], int | str]


def _combining_failure(param: str, failure: _Failure) -> WPError:
    """rest_format_combining_operation_error (RA:1757-1779)."""
    error, schema, position = failure
    if _isset(schema, "title"):
        title = _to_php_string(schema["title"])
        message = f"{param} is not a valid {title}. Reason: {error.message}"
    else:
        message = f"{param} does not match the expected format. Reason: {error.message}"
    return WPError("rest_no_matching_schema", message, data={"position": position})


def _combining_operation_error(value: object, param: str, failures: list[_Failure]) -> WPError:
    """rest_get_combining_operation_error (RA:1790-1849)."""
    if len(failures) == 1:
        return _combining_failure(param, failures[0])
    filtered = [
        failure
        for failure in failures
        if failure[0].code != "rest_invalid_type"
        or (isinstance(failure[0].data, dict) and failure[0].data.get("param") not in (None, param))
    ]
    if len(filtered) == 1:
        return _combining_failure(param, filtered[0])
    if len(filtered) > 1 and filtered[0][1].get("type") == "object":
        best: _Failure | None = None
        number = 0
        keys = set(_php_map(value)) if _is_php_array(value) else set()
        for failure in filtered:
            if _isset(failure[1], "properties"):
                count = len(set(_php_map(failure[1]["properties"])) & keys)
                if count > number:
                    best, number = failure, count
        if best is not None:
            return _combining_failure(param, best)
    titles = [failure[1]["title"] for failure in failures if _isset(failure[1], "title")]
    if len(titles) == len(failures):
        message = f"{param} is not a valid " + _sprintf_l_tail(titles, ".")
        return WPError("rest_no_matching_schema", message)
    return WPError(
        "rest_no_matching_schema", f"{param} does not match any of the expected formats."
    )


def _subschemas(
    args: Mapping[str, object], keyword: str
) -> list[tuple[int | str, dict[str, object]]]:
    """The anyOf/oneOf schemas, each inheriting the parent's type when it has none."""
    out = []
    for _, index, item in _entries(args.get(keyword)):
        schema = _schema(item)
        if not _isset(schema, "type") and _isset(args, "type"):
            schema["type"] = args["type"]
        out.append((index, schema))
    return out


def _find_any_matching_schema(
    value: object, args: Mapping[str, object], param: str
) -> dict[str, object] | WPError:
    """rest_find_any_matching_schema (RA:1859-1882)."""
    failures: list[_Failure] = []
    for index, schema in _subschemas(args, "anyOf"):
        error = _validate(value, schema, param)
        if error is None:
            return schema
        failures.append((error, schema, index))
    return _combining_operation_error(value, param, failures)


def _find_one_matching_schema(
    value: object, args: Mapping[str, object], param: str
) -> dict[str, object] | WPError:
    """rest_find_one_matching_schema (RA:1893-1960)."""
    matches: list[tuple[int | str, dict[str, object]]] = []
    failures: list[_Failure] = []
    for index, schema in _subschemas(args, "oneOf"):
        error = _validate(value, schema, param)
        if error is None:
            matches.append((index, schema))
        else:
            failures.append((error, schema, index))
    if not matches:
        return _combining_operation_error(value, param, failures)
    if len(matches) > 1:
        positions: list[JSON] = [index for index, _ in matches]
        titles = [schema["title"] for _, schema in matches if _isset(schema, "title")]
        if len(titles) == len(matches):
            message = f"{param} matches " + _sprintf_l_tail(titles, ", but should match only one.")
        else:
            message = f"{param} matches more than one of the expected formats."
        return WPError("rest_one_of_multiple_matches", message, data={"positions": positions})
    return matches[0][1]


# --------------------------------------------------------------------------- type resolution

ALLOWED_TYPES = ("array", "object", "string", "number", "integer", "boolean", "null")
_TYPE_CHECKS: Mapping[str, Callable[[object], bool]] = {
    "array": is_array,
    "object": is_object,
    "integer": is_integer,
    "number": _is_numeric,
    "boolean": is_boolean,
    "string": lambda value: isinstance(value, str),
    "null": lambda value: value is None,
}


def _best_type_for_value(value: object, types: list[object]) -> str:
    """rest_get_best_type_for_value: '' prefers string; otherwise the first passing check."""
    if value == "" and isinstance(value, str) and "string" in types:
        return "string"
    for kind in types:
        if isinstance(kind, str) and kind in _TYPE_CHECKS and _TYPE_CHECKS[kind](value):
            return kind
    return ""


def _multi_type(value: object, types: object) -> object:
    """rest_handle_multi_type_schema: an unknown listed type wins when nothing matches."""
    listed = [item for _, _, item in _entries(types)]
    invalid = [item for item in listed if _to_php_string(item) not in ALLOWED_TYPES]
    best = _best_type_for_value(value, listed)
    if not best and invalid:
        return invalid[0]  # back-compat for invalid types (RA:1647-1652)
    return best


def _is_known_type(kind: object) -> bool:
    return isinstance(kind, str) and kind in ALLOWED_TYPES


# --------------------------------------------------------------------------- validation (RA:2090+)


def _invalid_type(param: str, kind: object) -> WPError:
    message = f"{param} is not of type {_to_php_string(kind)}."
    return WPError("rest_invalid_type", message, data={"param": param})


def _too_deep() -> WPError:
    # PHP has no recursion limit; Python's is reached only through a self-referencing schema.
    return WPError("rest_invalid_param", "Invalid parameter.")


def validate_value_from_schema(
    value: object, args: Mapping[str, object], param: str = ""
) -> WPError | None:
    """Port of rest_validate_value_from_schema (RA:2090-2221): None when valid, else the WPError.

    >>> validate_value_from_schema("5", {"type": "integer"}) is None
    True
    >>> validate_value_from_schema("x", {"type": "integer"}, "id").message
    'id is not of type integer.'
    """
    try:
        return _validate(value, args, param)
    except RecursionError:
        return _too_deep()


def _validate(value: object, schema: object, param: str) -> WPError | None:
    args = _schema(schema)
    for keyword, find in (
        ("anyOf", _find_any_matching_schema),
        ("oneOf", _find_one_matching_schema),
    ):
        if _isset(args, keyword):
            matching = find(value, args, param)
            if isinstance(matching, WPError):
                return matching
            if not _isset(args, "type") and _isset(matching, "type"):
                args["type"] = matching["type"]
    kind = args.get("type")
    if _is_php_array(kind):
        best = _multi_type(value, kind)
        if not _is_truthy(best):
            listed = ",".join(_to_php_string(item) for _, _, item in _entries(kind))
            return WPError(
                "rest_invalid_type", f"{param} is not of type {listed}.", data={"param": param}
            )
        args["type"] = kind = best
    error = _validate_by_type("null" if kind is True else kind, value, args, param)  # loose switch
    if error is not None:
        return error
    if _is_truthy(args.get("enum")):
        error = _validate_enum(value, args, param)
        if error is not None:
            return error
    if _isset(args, "format") and (
        not _isset(args, "type") or not _is_known_type(kind) or kind == "string"
    ):
        return _validate_format(args["format"], value, param)
    return None


def _validate_by_type(
    kind: object, value: object, args: dict[str, object], param: str
) -> WPError | None:
    if kind == "null":
        return None if value is None else _invalid_type(param, "null")
    if kind == "boolean":
        return None if is_boolean(value) else _invalid_type(param, "boolean")
    if kind == "object":
        return _validate_object(value, args, param)
    if kind == "array":
        return _validate_array(value, args, param)
    if kind in ("number", "integer"):
        error = _validate_number(value, args, param)
        if error is None and kind == "integer" and not is_integer(value):
            return _invalid_type(param, "integer")
        return error
    if kind == "string":
        return _validate_string(value, args, param)
    return None


def _validate_format(fmt: object, value: object, param: str) -> WPError | None:
    """The format switch (RA:2184-2218); ``switch`` compares loosely, so true is 'hex-color'."""
    fmt = "hex-color" if fmt is True else fmt
    if fmt == "hex-color" and not parse_hex_color(value):
        return WPError("rest_invalid_hex_color", "Invalid hex color.")
    if fmt == "date-time" and not parse_date(value):
        return WPError("rest_invalid_date", "Invalid date.")  # a 0 timestamp is falsy too
    if fmt == "email" and not is_email(value):
        return WPError("rest_invalid_email", "Invalid email address.")
    if fmt == "ip" and not is_ip_address(value):
        return WPError("rest_invalid_ip", f"{param} is not a valid IP address.")
    if fmt == "uuid" and not is_uuid(value):
        return WPError("rest_invalid_uuid", f"{param} is not a valid UUID.")
    return None


def _child_param(param: str, key: int | str) -> str:
    return f"{param}[{key}]"


def _validate_object(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_object_value_from_schema (RA:2277-2380)."""
    if not is_object(value):
        return _invalid_type(param, "object")
    entries = _entries(sanitize_object(value))
    keys = {key for _, key, _ in entries}
    required = args.get("required")
    if _isset(args, "required") and _is_php_array(required):  # schema version 4
        for _, _, name in _entries(required):
            if _is_php_array(name) or _php_key(name) not in keys:
                message = f"{_to_php_string(name)} is a required property of {param}."
                return WPError("rest_property_required", message)
    elif _isset(args, "properties"):  # schema version 3
        for _, name, prop in _entries(args["properties"]):
            if isinstance(prop, Mapping) and prop.get("required") is True and name not in keys:
                return WPError(
                    "rest_property_required", f"{name} is a required property of {param}."
                )
    properties = _php_map(args.get("properties"))
    for _, key, item in entries:
        error = None
        if properties.get(key) is not None:
            error = _validate(item, properties[key], _child_param(param, key))
        elif (pattern_schema := _pattern_property_schema(key, args)) is not None:
            error = _validate(item, pattern_schema, _child_param(param, key))
        elif _isset(args, "additionalProperties"):
            additional = args["additionalProperties"]
            if additional is False:
                message = f"{key} is not a valid property of Object."
                return WPError("rest_additional_properties_forbidden", message)
            if _is_php_array(additional):
                error = _validate(item, additional, _child_param(param, key))
        if error is not None:
            return error
    return _check_count(
        len(entries), args, param, "Properties", ("property", "properties"), "properties"
    )


def _check_count(
    count: int,
    args: Mapping[str, object],
    param: str,
    suffix: str,
    nouns: tuple[str, str],
    code: str,
) -> WPError | None:
    """minItems/maxItems and minProperties/maxProperties with _n() and number_format_i18n()."""
    for bound, word, failing, code_word in (
        ("min", "least", _lt, "few"),
        ("max", "most", lambda a, b: _lt(b, a), "many"),
    ):
        limit = args.get(bound + suffix)
        if limit is not None and failing(count, limit):
            noun = _plural(limit, *nouns)
            message = f"{param} must contain at {word} {_number_format(limit)} {noun}."
            return WPError(f"rest_too_{code_word}_{code}", message)
    return None


def _validate_array(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_array_value_from_schema (RA:2392-2451)."""
    if not is_array(value):
        return _invalid_type(param, "array")
    items = sanitize_array(value)
    if _isset(args, "items"):
        for index, item in enumerate(items):
            error = _validate(item, args["items"], _child_param(param, index))
            if error is not None:
                return error
    error = _check_count(len(items), args, param, "Items", ("item", "items"), "items")
    if error is not None:
        return error
    if _is_truthy(args.get("uniqueItems")) and not _contains_unique_items(items):
        return WPError("rest_duplicate_items", f"{param} has duplicate items.")
    return None


def _validate_number(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_number_value_from_schema (RA:2463-2580)."""
    if not _is_numeric(value):
        return _invalid_type(param, args.get("type"))
    if _isset(args, "multipleOf"):
        divisor = _to_float(args["multipleOf"])
        try:
            remainder = math.fmod(_to_float(value), divisor)
        except ValueError:
            remainder = math.nan  # fmod() by 0 or of INF is NAN in PHP
        if remainder != 0.0:
            message = f"{param} must be a multiple of {_to_php_string(args['multipleOf'])}."
            return WPError("rest_invalid_multiple", message)
    minimum, maximum = args.get("minimum"), args.get("maximum")
    exclusive_min = _is_truthy(args.get("exclusiveMinimum"))
    exclusive_max = _is_truthy(args.get("exclusiveMaximum"))
    below = minimum is not None and (_le(value, minimum) if exclusive_min else _lt(value, minimum))
    above = maximum is not None and (_le(maximum, value) if exclusive_max else _lt(maximum, value))
    # "%d" of the bounds and no trailing period (RA:2505-2577).
    low = f"{_to_int(minimum)}"
    high = f"{_to_int(maximum)}"
    if minimum is not None and maximum is None and below:
        bound = "greater than" if exclusive_min else "greater than or equal to"
        return WPError("rest_out_of_bounds", f"{param} must be {bound} {low}")
    if maximum is not None and minimum is None and above:
        bound = "less than" if exclusive_max else "less than or equal to"
        return WPError("rest_out_of_bounds", f"{param} must be {bound} {high}")
    if minimum is not None and maximum is not None and (below or above):
        low_kind = "exclusive" if exclusive_min else "inclusive"
        high_kind = "exclusive" if exclusive_max else "inclusive"
        message = f"{param} must be between {low} ({low_kind}) and {high} ({high_kind})"
        return WPError("rest_out_of_bounds", message)
    return None


def _validate_string(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_string_value_from_schema (RA:2592-2643); lengths count code points."""
    if not isinstance(value, str):
        return _invalid_type(param, "string")
    for bound, word, code in (
        ("minLength", "least", "rest_too_short"),
        ("maxLength", "most", "rest_too_long"),
    ):
        limit = args.get(bound)
        if limit is None:
            continue
        if _lt(len(value), limit) if bound == "minLength" else _lt(limit, len(value)):
            noun = _plural(limit, "character", "characters")
            message = f"{param} must be at {word} {_number_format(limit)} {noun} long."
            return WPError(code, message)
    if _isset(args, "pattern") and not _preg_match(args["pattern"], value):
        message = f"{param} does not match pattern {_to_php_string(args['pattern'])}."
        return WPError("rest_invalid_pattern", message)
    return None


# --------------------------------------------------------------------------- enum and uniqueness


def are_values_equal(left: object, right: object) -> bool:
    """rest_are_values_equal: arrays key-wise ignoring order, int == float, else ``===``."""
    if _is_php_array(left) and _is_php_array(right):
        lmap, rmap = _php_map(left), _php_map(right)
        return len(lmap) == len(rmap) and all(
            key in rmap and are_values_equal(item, rmap[key]) for key, item in lmap.items()
        )
    lt, rt = _php_type(left), _php_type(right)
    if {lt, rt} == {"int", "float"}:
        return _to_float(left) == _to_float(right)
    if lt != rt or lt in ("array", "object"):
        return lt == rt == "object" and left is right
    return left == right


def _validate_enum(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_enum (RA:2005-2029): compare the sanitised value; the error has no data."""
    sanitized = _sanitize(value, args, param)
    if isinstance(sanitized, WPError):
        return sanitized
    choices = [item for _, _, item in _entries(args.get("enum"))]
    if any(are_values_equal(sanitized, choice) for choice in choices):
        return None
    encoded: list[object] = [
        choice if _is_scalar(choice) else (_json_encode(choice) or "") for choice in choices
    ]
    if len(encoded) == 1:
        return WPError("rest_not_in_enum", f"{param} is not {_to_php_string(encoded[0])}.")
    return WPError("rest_not_in_enum", f"{param} is not one of " + _sprintf_l_tail(encoded, "."))


def _stable_key(value: object) -> object:
    """serialize(rest_stabilize_value($value)) as a hashable: object keys sorted."""
    if _is_php_array(value):
        items = sorted(_php_map(value).items(), key=lambda kv: (isinstance(kv[0], str), kv[0]))
        return ("a", tuple((key, _stable_key(item)) for key, item in items))
    if isinstance(value, float):
        return ("d", repr(value))  # serialize() keeps -0 and 1.0 distinct from 0 and 1
    if isinstance(value, WPError):
        return ("o", repr(value.errors))
    return (_php_type(value), value if value is None or _is_scalar(value) else id(value))


def _contains_unique_items(items: list[object]) -> bool:
    """rest_validate_array_contains_unique_items (RA:1663-1680)."""
    seen: set[object] = set()
    for item in items:
        key = _stable_key(item)
        if key in seen:
            return False
        seen.add(key)
    return True


# ------------------------------------------------------------------------- sanitisation (RA:2686+)


def sanitize_value_from_schema(
    value: object, args: Mapping[str, object], param: str = ""
) -> object:
    """Port of rest_sanitize_value_from_schema (RA:2686-2836); may return a WPError.

    >>> sanitize_value_from_schema("1,2", {"type": "array", "items": {"type": "integer"}})
    [1, 2]
    """
    try:
        return _sanitize(value, args, param)
    except RecursionError:
        return _too_deep()


def _sanitize(value: object, schema: object, param: str) -> object:
    args = _schema(schema)
    for keyword, find in (
        ("anyOf", _find_any_matching_schema),
        ("oneOf", _find_one_matching_schema),
    ):
        if _isset(args, keyword):
            matching = find(value, args, param)
            if isinstance(matching, WPError):
                return matching
            if not _isset(args, "type"):
                args["type"] = matching.get("type")
            # A WP_Error from here is not returned: PHP goes on sanitising the error object.
            value = _sanitize(value, matching, param)
    kind = args.get("type")
    if _is_php_array(kind):
        kind = _multi_type(value, kind)
        if not _is_truthy(kind):
            return None
        args["type"] = kind
    if kind == "array":
        return _sanitize_array(value, args, param)
    if kind == "object":
        return _sanitize_object(value, args, param)
    if kind == "null":
        return None
    if kind == "integer":
        return _to_int(value)
    if kind == "number":
        return _to_float(value)
    if kind == "boolean":
        return sanitize_boolean(value)
    if _isset(args, "format") and (
        not _isset(args, "type") or not _is_known_type(kind) or kind == "string"
    ):
        fmt = "hex-color" if args["format"] is True else args["format"]  # loose switch
        if fmt == "hex-color":
            return sanitize_hex_color(value)
        if fmt in ("date-time", "email", "ip", "uuid", "text-field"):
            return sanitize_text_field(value)  # sanitize_email() would validate (RA:2810)
        if fmt == "uri":
            return esc_url_raw(value)
        if fmt == "textarea-field":
            return sanitize_textarea_field(value)
    if kind == "string":
        return _to_php_string(value)
    return value


def _sanitize_array(value: object, args: dict[str, object], param: str) -> object:
    items = sanitize_array(value)
    if _is_truthy(args.get("items")):
        items = [
            _sanitize(item, args["items"], _child_param(param, index))
            for index, item in enumerate(items)
        ]
    if _is_truthy(args.get("uniqueItems")) and not _contains_unique_items(items):
        return WPError("rest_duplicate_items", f"{param} has duplicate items.")
    return items


def _sanitize_object(value: object, args: dict[str, object], param: str) -> object:
    """Sanitise known properties; drop extras when additionalProperties is false (RA:2757-2783)."""
    value = sanitize_object(value)
    properties = _php_map(args.get("properties"))
    additional = args.get("additionalProperties")
    kept: list[tuple[object, int | str, object]] = []
    for original, key, item in _entries(value):
        if properties.get(key) is not None:
            item = _sanitize(item, properties[key], _child_param(param, key))
        elif (pattern_schema := _pattern_property_schema(key, args)) is not None:
            item = _sanitize(item, pattern_schema, _child_param(param, key))
        elif additional is False:
            continue
        elif additional is not None and _is_php_array(additional):
            item = _sanitize(item, additional, _child_param(param, key))
        kept.append((original, key, item))
    if isinstance(value, list | tuple) and len(kept) == len(value):
        return [item for _, _, item in kept]
    if isinstance(value, Mapping):
        return {original: item for original, _, item in kept}
    return {str(key): item for _, key, item in kept}


# ------------------------------------------------------------------------- request args (RA:1350+)


def validate_request_arg(value: object, param: str, args: object) -> WPError | None:
    """rest_validate_request_arg: ``args`` is this parameter's spec; a non-array spec is valid."""
    if not _is_php_array(args):
        return None
    return validate_value_from_schema(value, _schema(args), param)


def sanitize_request_arg(value: object, param: str, args: object) -> object:
    """rest_sanitize_request_arg: the value sanitised by its spec (unchanged if not an array)."""
    if not _is_php_array(args):
        return value
    return sanitize_value_from_schema(value, _schema(args), param)


def parse_request_arg(value: object, param: str, args: object) -> object:
    """rest_parse_request_arg, the default sanitize_callback: validate, then sanitise.

    >>> parse_request_arg("5.0", "id", {"type": "integer"})
    5
    """
    error = validate_request_arg(value, param, args)
    if error is not None:
        return error
    return sanitize_request_arg(value, param, args)


ALLOWED_SCHEMA_KEYWORDS = (
    "title", "description", "default", "type", "format", "enum", "items", "properties",
    "additionalProperties", "patternProperties", "minProperties", "maxProperties", "minimum",
    "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
    "pattern", "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf",
)  # fmt: skip
"""rest_get_allowed_schema_keywords() (RA:2038-2066)."""


def describe_arg(opts: object) -> dict[str, object]:
    """An endpoint arg as the index shows it (SRV:1517-1526).

    The allowed keywords in registration order, then ``required`` (bool) last. A string spec
    reads as ``{spec: 0}`` and any other non-array as ``{}``.

    >>> describe_arg({"required": True, "type": "string", "validate_callback": print})
    {'type': 'string', 'required': True}
    """
    if isinstance(opts, str):
        opts = {opts: 0}
    spec = opts if isinstance(opts, Mapping) else {}
    described: dict[str, object] = {
        key: item
        for key, item in spec.items()
        if isinstance(key, str) and key in ALLOWED_SCHEMA_KEYWORDS
    }
    described["required"] = _is_truthy(spec.get("required"))
    return described
