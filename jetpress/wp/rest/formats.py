"""The rest-api.php format and pattern checks of the schema layer (RA = wp-includes/rest-api.php):
hex colours, UUIDs, RFC 3339 dates, IP addresses and JSON-schema patterns run as PHP's PCRE.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import regex

from jetpress import php

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


def _subject(value: object) -> str | None:
    """What preg_match() sees: scalars as strings, null as ''; arrays and objects are a
    TypeError in PHP 8 (None)."""
    if value is None or isinstance(value, bool | int | float | str):
        return php.to_php_string(value)
    return None


def parse_hex_color(value: object) -> bool:
    """rest_parse_hex_color (RA:1278): ``#rgb`` or ``#rrggbb`` (a trailing newline passes, as
    in PCRE)."""
    text = _subject(value)
    return text is not None and _HEX_COLOR.search(text) is not None


def is_uuid(value: object) -> bool:
    """wp_is_uuid without a version: lower-case hex only (FN:7558)."""
    return isinstance(value, str) and _UUID.search(value) is not None


def parse_date(value: object) -> int | None:
    """rest_parse_date (RA:1256): the RFC 3339 regex, then strtotime() in UTC; None where PHP
    has false.

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


def validate_json_schema_pattern(pattern: object, subject: object) -> bool:
    """rest_validate_json_schema_pattern (RA:1721): ``1 === preg_match('#' . $escaped . '#u',
    $subject)``.

    Any failure PHP reports as false (bad pattern, bad UTF-8, backtrack limit) is no match.

    >>> validate_json_schema_pattern("^[a-z]+#?$", "abc#"), validate_json_schema_pattern("(", "x")
    (True, False)
    """
    if isinstance(pattern, list | tuple | Mapping):
        pattern = "Array"  # str_replace() keeps the array and '#' . $array . '#u' reads "Array"
    text = _subject(pattern)
    if text is None:
        return False  # an object pattern: a TypeError in PHP 8
    body = text.replace("#", "\\#")
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
    if text is None or not (php.is_valid_utf8(body) and php.is_valid_utf8(text)):
        return False
    try:
        # PHP adds PCRE2_UCP with /u: \d, \w, [[:alpha:]] and (?i) are Unicode-aware.
        compiled = regex.compile(_pcre_to_python(body), regex.VERSION0)
        return compiled.search(text, timeout=_REGEX_TIMEOUT) is not None
    except (regex.error, ValueError, TimeoutError, OverflowError, RecursionError):
        return False
