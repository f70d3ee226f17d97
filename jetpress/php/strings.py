"""PHP string functions on jetpress strings, where bytes that are not UTF-8 travel as lone
surrogates (surrogateescape): strtolower, trim()'s default characters and the UTF-8 check.
"""

from __future__ import annotations

TRIM_CHARACTERS = " \t\n\r\0\x0b"
"""php trim()'s default character list: ``text.strip(TRIM_CHARACTERS)`` is ``trim( $text )``."""


def strtolower(text: str) -> str:
    """php 8.2 strtolower: ASCII letters only (no locale), so a string's length never changes.

    >>> strtolower("ÉCOLE")
    'École'
    """
    if text.isascii():
        return text.lower()
    return "".join(chr(ord(c) + 32) if "A" <= c <= "Z" else c for c in text)


def is_valid_utf8(text: str) -> bool:
    """``mb_check_encoding( $text, 'UTF-8' )``: false when a lone surrogate stands for a byte
    that was not UTF-8 (what PCRE's /u and wp_check_invalid_utf8 reject)."""
    if text.isascii():
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
