"""WordPress password hashing: phpass portable (WP 6.1), bcrypt ``$wp$2y$`` (WP 6.8), md5 legacy.

Pure functions; randomness is injected. Passwords given as ``str`` are hashed as UTF-8 bytes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import secrets
from typing import Literal

import bcrypt

# WP 6.1 class-phpass.php PasswordHash::__construct: the phpass base-64 alphabet.
PHPASS_ITOA64 = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
# WP 6.1 PL wp_hash_password: `new PasswordHash( 8, true )`.
PHPASS_ITERATION_COUNT_LOG2 = 8
# php 8.2 password_hash(PASSWORD_BCRYPT): default cost.
BCRYPT_DEFAULT_COST = 10
# WP 6.1 class-phpass.php HashPassword/CheckPassword and WP 6.8 PL: longer passwords are refused.
MAX_PASSWORD_BYTES = 4096
# WP 6.8 PL wp_hash_password: HMAC key for the SHA-384 pre-hash, "for domain separation".
WP_SHA384_KEY = b"wp-sha384"
# WP 6.8 functions.php wp_fast_hash: BLAKE2b key and output size.
FAST_HASH_KEY = b"wp_fast_hash_6.8+"
FAST_HASH_PREFIX = "$generic$"

_BCRYPT_ITOA64 = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_STD_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_TO_BCRYPT_B64 = bytes.maketrans(_STD_B64.encode(), _BCRYPT_ITOA64.encode())
_BCRYPT_PREFIXES = (b"$2a$", b"$2b$", b"$2y$")
# php 8.2 trim(): the characters it strips by default.
_PHP_TRIM = " \t\n\r\0\x0b"

RehashPolicy = Literal["phpass", "bcrypt"]


def _b(value: str | bytes) -> bytes:
    """PHP strings are bytes: UTF-8, with lone surrogates standing for undecodable bytes."""
    return value if isinstance(value, bytes) else value.encode("utf-8", "surrogateescape")


def _php_trim(value: bytes) -> bytes:
    return value.strip(_PHP_TRIM.encode())


def _encode64(data: bytes, count: int) -> str:
    """WP 6.1 class-phpass.php PasswordHash::encode64 (little-endian 6-bit groups)."""
    output = []
    i = 0
    while True:
        value = data[i]
        i += 1
        output.append(PHPASS_ITOA64[value & 0x3F])
        if i < count:
            value |= data[i] << 8
        output.append(PHPASS_ITOA64[(value >> 6) & 0x3F])
        if i >= count:
            break
        i += 1
        if i < count:
            value |= data[i] << 16
        output.append(PHPASS_ITOA64[(value >> 12) & 0x3F])
        if i >= count:
            break
        i += 1
        output.append(PHPASS_ITOA64[(value >> 18) & 0x3F])
        if i >= count:
            break
    return "".join(output)


def _crypt_private(password: bytes, setting: bytes) -> bytes:
    """WP 6.1 class-phpass.php PasswordHash::crypt_private: iterated md5, or '*0'/'*1'."""
    output = b"*1" if setting[:2] == b"*0" else b"*0"
    if setting[:3] not in (b"$P$", b"$H$"):  # phpBB3 uses "$H$" for the same thing
        return output
    # phpass: `strpos( $this->itoa64, $setting[3] )`; a missing char is false, i.e. < 7.
    count_log2 = PHPASS_ITOA64.encode().find(setting[3:4]) if len(setting) > 3 else -1
    if count_log2 < 7 or count_log2 > 30:
        return output
    salt = setting[4:12]
    if len(salt) != 8:
        return output
    digest = hashlib.md5(salt + password).digest()
    for _ in range(1 << count_log2):
        digest = hashlib.md5(digest + password).digest()
    return setting[:12] + _encode64(digest, 16).encode()


def _bcrypt_verify(password: bytes, hashed: bytes) -> bool:
    """php 8.2 password_verify / crypt() for '$2a$', '$2b$', '$2y$' hashes."""
    if not hashed.startswith(_BCRYPT_PREFIXES):
        return False
    # php 8.2 crypt_blowfish reads the key as a C string (stops at NUL) and uses 72 bytes of it.
    key = password.split(b"\0", 1)[0][:72]
    try:
        return bcrypt.checkpw(key, b"$2b$" + hashed[4:] if hashed[:4] == b"$2y$" else hashed)
    except ValueError:  # malformed salt or cost: php returns a failure string, never a match
        return False


def _phpass_check(password: bytes, hashed: bytes) -> bool:
    """WP 6.1 class-phpass.php PasswordHash::CheckPassword (portable or crypt() fallback)."""
    if len(password) > MAX_PASSWORD_BYTES:
        return False
    computed = _crypt_private(password, hashed)
    if computed[:1] == b"*":
        # phpass falls back to crypt(); only its bcrypt variants are supported here.
        return _bcrypt_verify(password, hashed)
    return hmac.compare_digest(computed, hashed)


def phpass_hash(password: str | bytes, salt: bytes) -> str:
    """``PasswordHash(8, true)->HashPassword`` with the 6 random bytes given (no trimming)."""
    if len(salt) != 6:
        raise ValueError("phpass portable hashes take exactly 6 salt bytes")
    raw = _b(password)
    if len(raw) > MAX_PASSWORD_BYTES:  # WP 6.1 class-phpass.php HashPassword
        return "*"
    # WP 6.1 class-phpass.php gensalt_private: '$P$' . itoa64[min(log2 + 5, 30)] . encode64(6 bytes)
    setting = "$P$" + PHPASS_ITOA64[min(PHPASS_ITERATION_COUNT_LOG2 + 5, 30)] + _encode64(salt, 6)
    return _crypt_private(raw, setting.encode()).decode("ascii")


def hash_password(password: str | bytes, rng: random.Random) -> str:
    """WordPress 6.1 ``wp_hash_password``: phpass portable ``$P$B…`` of the trimmed password.

    ``rng`` supplies the 6 salt bytes (``secrets.SystemRandom()`` in production).
    """
    # WP 6.1 PL wp_hash_password: `$wp_hasher->HashPassword( trim( $password ) )`
    return phpass_hash(_php_trim(_b(password)), rng.randbytes(6))


def _bcrypt_b64(data: bytes) -> bytes:
    """bcrypt's base-64 (alphabet './A-Za-z0-9', no padding)."""
    return base64.b64encode(data).rstrip(b"=").translate(_TO_BCRYPT_B64)


def _wp_sha384(password: bytes) -> bytes:
    """WP 6.8 PL: `base64_encode( hash_hmac( 'sha384', $password, 'wp-sha384', true ) )`."""
    return base64.b64encode(hmac.new(WP_SHA384_KEY, password, hashlib.sha384).digest())


def hash_password_bcrypt(
    password: str | bytes, rng: random.Random | None = None, cost: int = BCRYPT_DEFAULT_COST
) -> str:
    """WordPress 6.8 ``wp_hash_password``: ``'$wp' . password_hash( sha384-prehash, BCRYPT )``.

    The result looks like ``$wp$2y$10$…``. ``rng`` supplies the 16 salt bytes (default: secrets).
    """
    raw = _b(password)
    if len(raw) > MAX_PASSWORD_BYTES:  # WP 6.8 PL wp_hash_password: checked before trimming
        return "*"
    salt = rng.randbytes(16) if rng is not None else secrets.token_bytes(16)
    setting = b"$2b$%02d$" % cost + _bcrypt_b64(salt)
    hashed = bcrypt.hashpw(_wp_sha384(_php_trim(raw)), setting)
    # php 8.2 password_hash writes the '$2y$' identifier; WP 6.8 prefixes '$wp'.
    return "$wp$2y$" + hashed[4:].decode("ascii")


def check_password(password: str | bytes, hashed: str | bytes) -> bool:
    """WordPress ``wp_check_password`` (6.1 and 6.8 formats), without rehashing or the filter.

    - up to 32 bytes: legacy ``md5(password)`` hex (any length, compared exactly);
    - ``$wp…``: WP 6.8 bcrypt of the SHA-384 pre-hash;
    - ``$P$``/``$H$``: phpass portable;
    - ``$2a$``/``$2b$``/``$2y$``: plain bcrypt (first 72 bytes, up to a NUL, as php does).
    Anything else (argon2, DES/md5/sha crypt) is refused. The password is not trimmed.
    """
    pw = _b(password)
    stored = _b(hashed)
    if len(stored) <= 32:  # WP 6.1 PL wp_check_password: "If the hash is still md5..."
        return hmac.compare_digest(stored, hashlib.md5(pw).hexdigest().encode())
    if len(pw) > MAX_PASSWORD_BYTES:  # WP 6.8 PL wp_check_password
        return False
    if stored.startswith(b"$wp"):  # WP 6.8 PL wp_check_password: prefixed bcrypt
        return _bcrypt_verify(_wp_sha384(pw), stored[3:])
    return _phpass_check(pw, stored)  # WP 6.1 PL: phpass, whose crypt() fallback covers bcrypt


def password_needs_rehash(hashed: str | bytes, policy: RehashPolicy = "phpass") -> bool:
    """Whether a stored hash should be replaced after a successful login.

    ``policy='phpass'`` is WordPress 6.1 (only legacy md5 hashes, ≤ 32 bytes, are rehashed);
    ``policy='bcrypt'`` is WordPress 6.8 ``wp_password_needs_rehash`` (anything but
    ``$wp$2y$`` at the default cost).
    """
    stored = _b(hashed)
    if policy == "phpass":
        return len(stored) <= 32  # WP 6.1 PL wp_check_password: md5 match → wp_set_password
    if not stored.startswith(b"$wp"):  # WP 6.8 PL wp_password_needs_rehash: unprefixed
        return True
    inner = stored[3:]
    # php 8.2 password_needs_rehash: bcrypt is '$2y$' + 60 bytes; compare the cost.
    if len(inner) != 60 or not inner.startswith(b"$2y$"):
        return True
    return inner[4:7] != b"%02d$" % BCRYPT_DEFAULT_COST


def fast_hash(message: str | bytes) -> str:
    """WordPress 6.8 ``wp_fast_hash``: keyed BLAKE2b-240, URL-safe base64, ``$generic$`` prefix."""
    digest = hashlib.blake2b(_b(message), digest_size=30, key=FAST_HASH_KEY).digest()
    return FAST_HASH_PREFIX + base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def verify_fast_hash(message: str | bytes, hashed: str | bytes) -> bool:
    """WordPress 6.8 ``wp_verify_fast_hash``: ``$generic$`` hashes, else phpass (back-compat)."""
    stored = _b(hashed)
    if not stored.startswith(FAST_HASH_PREFIX.encode()):
        # WP 6.8 functions.php wp_verify_fast_hash: `( new PasswordHash( 8, true ) )->CheckPassword`
        return _phpass_check(_b(message), stored)
    return hmac.compare_digest(stored, fast_hash(message).encode())
