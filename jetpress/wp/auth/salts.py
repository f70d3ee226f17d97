"""WordPress secret salts: wp_salt, wp_hash and wp_generate_password as pure functions.

Storage and randomness are injected (``SaltSource``, ``random.Random``); nothing is cached here.
"""

from __future__ import annotations

import hashlib
import hmac
import random
from typing import Protocol

# WP 6.1 pluggable.php wp_generate_password: the three character sets, verbatim.
PASSWORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
PASSWORD_SPECIAL_CHARS = "!@#$%^&*()"
PASSWORD_EXTRA_SPECIAL_CHARS = "-_ []{}<>~`+=,.;:/?|"

# WP 6.1 pluggable.php wp_salt: the wp-config-sample.php placeholder is always "duplicated".
SALT_PLACEHOLDER = "put your unique phrase here"

# WP 6.1 pluggable.php wp_salt: the schemes backed by <SCHEME>_KEY / <SCHEME>_SALT constants.
SALT_SCHEMES = ("auth", "secure_auth", "logged_in", "nonce")

# WP 6.1 pluggable.php wp_salt: constants scanned for duplicate values, in this order.
_SALT_CONSTANT_PREFIXES = ("AUTH", "SECURE_AUTH", "LOGGED_IN", "NONCE", "SECRET")


class SaltSource(Protocol):
    """Where ``wp_salt`` finds wp-config constants and site options, and makes new salts."""

    def constant(self, name: str) -> str | None:
        """The value of the wp-config constant ``name``, or None when it is not defined."""
        ...

    def get_option(self, name: str) -> str | None:
        """The site option ``name`` (``get_site_option``), or None when it is missing."""
        ...

    def add_option(self, name: str, value: str) -> None:
        """Store the site option ``name`` (WordPress calls ``update_site_option``: create or
        replace, since an existing falsy value such as '' or '0' is regenerated)."""
        ...

    def generate_password(self, length: int, special: bool, extra_special: bool) -> str:
        """``wp_generate_password(length, special, extra_special)``; see ``generate_password``."""
        ...


def _b(value: str | bytes) -> bytes:
    """PHP strings are bytes: UTF-8, with lone surrogates standing for undecodable bytes."""
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape")


def _php_truthy(value: str | None) -> bool:
    """PHP truthiness of a string: '' and '0' are false (php 8.2 boolean conversion)."""
    return value is not None and value not in ("", "0")


def _duplicated_keys(src: SaltSource) -> dict[str, bool]:
    """Each defined secret constant's value → whether it is unusable (duplicate, placeholder)."""
    duplicated: dict[str, bool] = {}
    for first in _SALT_CONSTANT_PREFIXES:
        for second in ("KEY", "SALT"):
            value = src.constant(f"{first}_{second}")
            if value is None:  # WP 6.1 PL wp_salt: `if ( ! defined( ... ) ) continue;`
                continue
            # WP 6.1 PL wp_salt: `$duplicated_keys[ $value ] = isset( $duplicated_keys[ $value ] );`
            duplicated[value] = value in duplicated
    duplicated[SALT_PLACEHOLDER] = True  # WP 6.1 PL wp_salt: placeholder is never a usable secret
    return duplicated


def _usable(value: str | None, duplicated: dict[str, bool]) -> bool:
    """`defined( $c ) && constant( $c ) && empty( $duplicated_keys[ constant( $c ) ] )`."""
    return value is not None and _php_truthy(value) and not duplicated.get(value, False)


def _option_or_generate(src: SaltSource, name: str) -> str:
    """get_site_option, else a new wp_generate_password(64, true, true) stored under ``name``."""
    value = src.get_option(name)
    if value is not None and _php_truthy(value):  # WP 6.1 PL wp_salt: `if ( ! $values[ $type ] )`
        return value
    generated = src.generate_password(64, True, True)
    src.add_option(name, generated)
    return generated


def wp_salt(scheme: str, src: SaltSource) -> str:
    """Port of WordPress ``wp_salt($scheme)`` (key . salt) without its static cache or filter.

    For ``auth``/``secure_auth``/``logged_in``/``nonce`` the ``<SCHEME>_KEY``/``_SALT`` constants
    are used unless missing, falsy, the placeholder, or duplicated among the secret constants;
    ``SECRET_KEY`` (and ``SECRET_SALT`` for auth) fill in next; otherwise the site options
    ``<scheme>_key``/``<scheme>_salt`` are used, created with 64 random characters when empty.
    Any other scheme is ``secret_key`` plus ``hash_hmac('md5', scheme, secret_key)``.
    """
    duplicated = _duplicated_keys(src)
    key = ""
    salt = ""
    secret_key = src.constant("SECRET_KEY")
    if _usable(secret_key, duplicated):  # WP 6.1 PL wp_salt: SECRET_KEY is a fallback key
        assert secret_key is not None
        key = secret_key
    secret_salt = src.constant("SECRET_SALT")
    if scheme == "auth" and _usable(secret_salt, duplicated):  # WP 6.1 PL wp_salt: auth only
        assert secret_salt is not None
        salt = secret_salt

    if scheme in SALT_SCHEMES:
        parts = {"key": key, "salt": salt}
        for kind in ("key", "salt"):
            value = src.constant(f"{scheme}_{kind}".upper())
            if _usable(value, duplicated):
                assert value is not None
                parts[kind] = value
            elif not _php_truthy(parts[kind]):  # WP 6.1 PL wp_salt: `elseif ( ! $values[$type] )`
                parts[kind] = _option_or_generate(src, f"{scheme}_{kind}")
        return parts["key"] + parts["salt"]

    if not _php_truthy(key):
        key = _option_or_generate(src, "secret_key")  # WP 6.1 PL wp_salt: unknown scheme
    # WP 6.1 PL wp_salt: `$values['salt'] = hash_hmac( 'md5', $scheme, $values['key'] );`
    return key + hmac.new(_b(key), _b(scheme), hashlib.md5).hexdigest()


def wp_hash(data: str | bytes, salt: str | bytes) -> str:
    """WordPress ``wp_hash($data, $scheme)`` given ``salt = wp_salt($scheme)``: HMAC-MD5, hex."""
    # WP 6.1 PL wp_hash: `return hash_hmac( 'md5', $data, $salt );`
    return hmac.new(_b(salt), _b(data), hashlib.md5).hexdigest()


def password_charset(special_chars: bool, extra_special_chars: bool) -> str:
    """The characters ``wp_generate_password`` draws from, in WordPress's order."""
    chars = PASSWORD_CHARS
    if special_chars:
        chars += PASSWORD_SPECIAL_CHARS
    if extra_special_chars:
        chars += PASSWORD_EXTRA_SPECIAL_CHARS
    return chars


def generate_password(
    length: int, special_chars: bool, extra_special_chars: bool, rng: random.Random
) -> str:
    """WordPress ``wp_generate_password``: ``length`` characters drawn uniformly with ``rng``.

    Pass ``secrets.SystemRandom()`` in production (it is a ``random.Random``); WordPress uses
    ``wp_rand`` (``random_int``). The ``random_password`` filter is not applied.
    """
    chars = password_charset(special_chars, extra_special_chars)
    # WP 6.1 PL wp_generate_password: `substr( $chars, wp_rand( 0, strlen( $chars ) - 1 ), 1 )`
    return "".join(chars[rng.randrange(len(chars))] for _ in range(length))
