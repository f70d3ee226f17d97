"""wp-includes/kses.php as far as escaping needs it: entity normalisation (behind esc_html) and
the protocol filter (behind esc_url). Not the HTML tag and attribute filter.
"""

from __future__ import annotations

import re
from html.entities import name2codepoint

from jetpress import php

ALLOWED_PROTOCOLS = (
    "http", "https", "ftp", "ftps", "mailto", "news", "irc", "irc6", "ircs", "gopher", "nntp",
    "feed", "telnet", "mms", "rtsp", "sms", "svn", "tel", "fax", "xmpp", "webcal", "urn",
)  # fmt: skip
"""wp_allowed_protocols() of WordPress 6.1 (functions.php), without the filter."""

# HTML 4.01 names: $allowedentitynames minus 'apos', which htmlspecialchars() re-encodes.
_ENTITY_NAMES = frozenset(name2codepoint)


def valid_unicode(number: int) -> bool:
    """valid_unicode (kses.php:1967): a code point XML allows in a character reference."""
    return (
        number in (0x9, 0xA, 0xD)
        or 0x20 <= number <= 0xD7FF
        or 0xE000 <= number <= 0xFFFD
        or 0x10000 <= number <= 0x10FFFF
    )


def _normalize_entity_decimal(match: re.Match[str]) -> str:
    digits = match.group(1)
    if digits == "0":
        return ""  # empty( '0' ) (kses.php wp_kses_normalize_entities2)
    if valid_unicode(int(digits)):
        return "&#" + digits.lstrip("0").rjust(3, "0") + ";"
    return f"&amp;#{digits};"


def _normalize_entity_hex(match: re.Match[str]) -> str:
    digits = match.group(1)
    if digits == "0":
        return ""  # empty( '0' ) (kses.php wp_kses_normalize_entities3)
    if valid_unicode(int(digits, 16)):
        return "&#x" + digits.lstrip("0") + ";"
    return f"&amp;#x{digits};"


def normalize_entities(text: str) -> str:
    """wp_kses_normalize_entities in the 'html' context (kses.php:1835): every ``&`` becomes
    ``&amp;`` except in known named entities and valid numeric ones.

    >>> normalize_entities("&nbsp;&foo;&#65;&#0;")
    '&nbsp;&amp;foo;&#065;'
    """
    text = text.replace("&", "&amp;")
    text = re.sub(
        r"&amp;([A-Za-z]{2,8}[0-9]{0,2});",
        lambda m: f"&{m[1]};" if m[1] in _ENTITY_NAMES else f"&amp;{m[1]};",
        text,
    )
    text = re.sub(r"&amp;#(0*[0-9]{1,7});", _normalize_entity_decimal, text)
    return re.sub(r"&amp;#[Xx](0*[0-9A-Fa-f]{1,6});", _normalize_entity_hex, text)


def no_null(text: str) -> str:
    """wp_kses_no_null: control characters and backslash-zero runs removed."""
    text = re.sub(r"[\x00-\x08\x0B\x0C\x0E-\x1F]", "", text)
    return re.sub(r"\\+0+", "", text)


def decode_entities(text: str) -> str:
    """wp_kses_decode_entities: numeric references decoded (chr() keeps the low byte)."""
    text = re.sub(r"&#([0-9]+);", lambda m: chr(int(m[1]) % 256), text)
    return re.sub(r"&#[Xx]([0-9A-Fa-f]+);", lambda m: chr(int(m[1], 16) % 256), text)


def _bad_protocol_once(text: str, count: int = 1) -> str:
    """wp_kses_bad_protocol_once (kses.php:1761)."""
    text = re.sub(r"(&#0*58(?![;0-9])|&#x0*3a(?![;a-f0-9]))", r"\1;", text, flags=re.I)
    parts = re.split(r":|&#0*58;|&#x0*3a;|&colon;", text, maxsplit=1, flags=re.I)
    if len(parts) == 2 and "/?" not in parts[0]:
        text = parts[1].strip(php.TRIM_CHARACTERS)
        scheme = php.strtolower(no_null(re.sub(r"[ \t\n\v\f\r]", "", decode_entities(parts[0]))))
        protocol = scheme + ":" if scheme in ALLOWED_PROTOCOLS else ""
        if protocol == "feed:":
            if count > 2:
                return ""
            text = _bad_protocol_once(text, count + 1)
            if not php.is_truthy(text):
                return text
        text = protocol + text
    return text


def bad_protocol(text: str) -> str:
    """wp_kses_bad_protocol: at most six passes, '' if still changing (kses.php:1654)."""
    text = no_null(text)
    for _ in range(6):
        original, text = text, _bad_protocol_once(text)
        if php.loose_equals(original, text):
            return text
    return ""
