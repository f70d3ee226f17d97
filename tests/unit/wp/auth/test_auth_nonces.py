"""Nonces against vectors made by real PHP (8.2) running WordPress's own nonce functions.

How ``vectors/nonces.json`` was made (the generator is not committed because it holds copied
WordPress code): ``wp_nonce_tick``, ``wp_create_nonce``, ``wp_verify_nonce``, ``wp_hash`` and
``wp_salt`` from ``src/wp-includes/pluggable.php`` were pasted into a namespace of a throwaway
php-cli script, so that their unqualified ``time()``, ``wp_get_current_user()``,
``wp_get_session_token()`` and ``apply_filters()`` calls hit stubs returning the chosen time,
user id, session token and (for ``lives``) ``nonce_life``. ``NONCE_KEY``/``NONCE_SALT`` were
defined, so ``nonce_salt`` is their concatenation. Times sit on tick boundaries:
``39352 * 43200 = 1700006400`` and ±1 s, +12 h, +24 h around it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jetpress.wp.auth.nonces import create_nonce, nonce_tick, verify_nonce

VECTORS = json.loads((Path(__file__).parent / "vectors" / "nonces.json").read_text("utf-8"))
SALT: str = VECTORS["nonce_salt"]
BOUNDARY = 39352 * 43200


def test_tick_boundaries() -> None:
    assert nonce_tick(BOUNDARY) == 39352
    assert nonce_tick(BOUNDARY - 1) == 39352
    assert nonce_tick(BOUNDARY + 1) == 39353
    assert nonce_tick(BOUNDARY + 0.999) == 39352  # time() is whole seconds
    assert nonce_tick(BOUNDARY - 43200) == 39351
    assert nonce_tick(BOUNDARY - 43199) == 39352


def test_tick_rejects_nonpositive_life() -> None:
    with pytest.raises(ValueError, match="positive"):
        nonce_tick(BOUNDARY, 0)


@pytest.mark.parametrize(
    "vec", VECTORS["create"], ids=lambda v: f"{v['action']}-{v['uid']}-{v['now']}"
)
def test_create_nonce_matches_php(vec: dict[str, Any]) -> None:
    assert nonce_tick(vec["now"]) == vec["tick"]
    got = create_nonce(vec["action"], vec["uid"], vec["token"], vec["now"], SALT)
    assert got == vec["nonce"]
    assert len(got) == 10


@pytest.mark.parametrize(
    "vec",
    VECTORS["verify"],
    ids=[f"{v['action']}-{v['uid']}-{v['now']}-{i}" for i, v in enumerate(VECTORS["verify"])],
)
def test_verify_nonce_matches_php(vec: dict[str, Any]) -> None:
    got = verify_nonce(vec["nonce"], vec["action"], vec["uid"], vec["token"], vec["now"], SALT)
    assert got == vec["expected"]


def test_verify_vectors_cover_all_outcomes() -> None:
    assert {v["expected"] for v in VECTORS["verify"]} == {0, 1, 2}


def test_nonce_lifetime_at_boundaries() -> None:
    nonce = create_nonce("wp_rest", 1, "", BOUNDARY, SALT)
    assert verify_nonce(nonce, "wp_rest", 1, "", BOUNDARY, SALT) == 1
    assert verify_nonce(nonce, "wp_rest", 1, "", BOUNDARY + 1, SALT) == 2
    assert verify_nonce(nonce, "wp_rest", 1, "", BOUNDARY + 43200, SALT) == 2
    assert verify_nonce(nonce, "wp_rest", 1, "", BOUNDARY + 43201, SALT) == 0
    assert verify_nonce(nonce, "wp_rest", 1, "", BOUNDARY - 43200, SALT) == 0


def test_int_action_is_formatted_like_php() -> None:
    assert create_nonce(-1, 7, "tok", BOUNDARY, SALT) == create_nonce(
        "-1", 7, "tok", BOUNDARY, SALT
    )


@pytest.mark.parametrize("vec", VECTORS["lives"], ids=lambda v: f"life{v['life']}-{v['now']}")
def test_other_nonce_lives_match_php(vec: dict[str, Any]) -> None:
    assert nonce_tick(vec["now"], vec["life"]) == vec["tick"]
    assert str(nonce_tick(vec["now"], vec["life"])) == vec["tick_string"]
    uid = VECTORS["uid_for_life_cases"]
    assert create_nonce("wp_rest", uid, "", vec["now"], SALT, life=vec["life"]) == vec["nonce"]
