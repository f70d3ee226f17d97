"""StoreError: a database that cannot be used (bad URL, unreachable server, bad table prefix).

Its message is one human sentence, fit to print as is; it never holds a password.
"""

from __future__ import annotations

import re

# WP 6.1 class-wpdb.php set_prefix(): preg_match( '|[^a-z0-9_]|i', $prefix ) → invalid_db_prefix
_PREFIX_RE = re.compile(r"[A-Za-z0-9_]+")
# jetpress: PostgreSQL truncates identifiers at 63 bytes; the longest derived name is
# "<prefix>jetpress_state_pkey" (prefix + 19), so a longer prefix could collide.
MAX_PREFIX_LENGTH = 40


class StoreError(Exception):
    """The database cannot be used. ``str(error)`` is one sentence for a person to read."""


def checked_prefix(prefix: str) -> str:
    """Return ``prefix`` if it is a valid table prefix, else raise ``StoreError``."""
    # wp-cli config create: "--dbprefix cannot be empty"; WP's set_prefix: letters, digits, _
    if not _PREFIX_RE.fullmatch(prefix) or len(prefix) > MAX_PREFIX_LENGTH:
        raise StoreError(
            f"The table prefix {prefix!r} is not valid: use 1 to {MAX_PREFIX_LENGTH} letters,"
            " digits or underscores."
        )
    return prefix
