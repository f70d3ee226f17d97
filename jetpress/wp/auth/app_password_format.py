"""Application password text helpers: generate, normalize, and chunk for display.

Pure functions; hashing and storage live elsewhere.
"""

from __future__ import annotations

import random
import re

from jetpress.wp.auth.salts import generate_password

# WP 6.1 class-wp-application-passwords.php: `const PW_LENGTH = 24;`
APP_PASSWORD_LENGTH = 24

# WP 6.1 user.php / class-wp-application-passwords.php: `preg_replace( '/[^a-z\d]/i', '', … )`;
# without /u php works on bytes, so only ASCII letters and digits survive (hence re.ASCII).
_NOT_ALNUM = re.compile(r"[^a-z\d]", re.IGNORECASE | re.ASCII)


def normalize_app_password(given: str) -> str:
    """Strip every character but ASCII letters and digits, as WordPress does before checking."""
    return _NOT_ALNUM.sub("", given)


def chunk_password(raw: str) -> str:
    """``WP_Application_Passwords::chunk_password``: 'abcd efgh ijkl …' for display."""
    clean = normalize_app_password(raw)
    # WP 6.1 class-wp-application-passwords.php: `trim( chunk_split( $raw_password, 4, ' ' ) )`
    return " ".join(clean[i : i + 4] for i in range(0, len(clean), 4))


def generate_app_password(rng: random.Random) -> str:
    """A new application password: ``wp_generate_password( 24, false )`` (letters and digits)."""
    return generate_password(APP_PASSWORD_LENGTH, False, False, rng)
