"""WordPress nonces (wp_nonce_tick, wp_create_nonce, wp_verify_nonce) as pure functions.

Time, user id, session token and the ``wp_salt('nonce')`` value are passed in.
"""

from __future__ import annotations

import functools
import hmac
import math

from jetpress.wp.auth.salts import wp_hash

# WP 6.1 PL wp_nonce_tick: `apply_filters( 'nonce_life', DAY_IN_SECONDS, $action )`.
NONCE_LIFE = 86400


def nonce_tick(now: float, life: int = NONCE_LIFE) -> int:
    """``wp_nonce_tick``: ``ceil(time() / (nonce_life / 2))``, ``time()`` in whole seconds."""
    if life <= 0:
        raise ValueError("nonce life must be positive")
    # WP 6.1 PL wp_nonce_tick: `return ceil( time() / ( $nonce_life / 2 ) );` (php float division)
    return math.ceil(math.floor(now) / (life / 2))


@functools.lru_cache(maxsize=4096)  # pure: the same inputs always give the same nonce
def _nonce_for_tick(tick: int, action: str | int, uid: int, token: str, nonce_salt: str) -> str:
    # WP 6.1 PL wp_create_nonce: `substr( wp_hash( $i . '|' . $action . '|' . $uid . '|' . $token,
    # 'nonce' ), -12, 10 )`; the float tick prints as an integer (php 8.2 float to string).
    return wp_hash(f"{tick}|{action}|{uid}|{token}", nonce_salt)[-12:-2]


def create_nonce(
    action: str | int,
    uid: int,
    token: str,
    now: float,
    nonce_salt: str,
    life: int = NONCE_LIFE,
) -> str:
    """WordPress ``wp_create_nonce($action)`` for user ``uid`` (0 when logged out) and session
    ``token`` ('' without a logged-in cookie), with ``nonce_salt = wp_salt('nonce')``.

    WordPress's default action is the integer -1; pass ``-1`` or ``"-1"`` for it.
    """
    return _nonce_for_tick(nonce_tick(now, life), action, uid, token, nonce_salt)


def verify_nonce(
    nonce: str,
    action: str | int,
    uid: int,
    token: str,
    now: float,
    nonce_salt: str,
    life: int = NONCE_LIFE,
) -> int:
    """WordPress ``wp_verify_nonce``: 1 if made in the current tick, 2 if in the previous one,
    0 (WordPress: false) otherwise. Comparisons are constant-time."""
    # WP 6.1 PL wp_verify_nonce: `if ( empty( $nonce ) ) return false;` ('0' is empty in php).
    if nonce in ("", "0"):
        return 0
    given = nonce.encode("utf-8", "surrogateescape")
    tick = nonce_tick(now, life)
    # WP 6.1 PL wp_verify_nonce: "Nonce generated 0-12 hours ago." then "12-24 hours ago."
    for result, candidate in ((1, tick), (2, tick - 1)):
        expected = _nonce_for_tick(candidate, action, uid, token, nonce_salt).encode()
        if hmac.compare_digest(expected, given):
            return result
    return 0
