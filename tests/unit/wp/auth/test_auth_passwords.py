"""Password hashing against vectors made by real PHP (8.2) running WordPress's own code.

How ``vectors/passwords.json`` was made (the generator is not committed because it holds
copied WordPress code): ``class PasswordHash`` from ``src/wp-includes/class-phpass.php`` and
``wp_hash_password``/``wp_check_password``/``wp_password_needs_rehash`` from
``src/wp-includes/pluggable.php`` (6.8 text, plus the 6.1 phpass-only variants) and
``wp_fast_hash``/``wp_verify_fast_hash`` (6.8 ``functions.php``) were pasted into a throwaway
php-cli script with ``apply_filters`` stubbed. ``phpass_hash_password`` entries run
``crypt_private( trim( $pw ), gensalt_private( $salt6 ) )`` (what ``HashPassword`` does after
drawing 6 random bytes); ``bcrypt_hash_password`` entries run WP 6.8's pre-hash through
``crypt()`` with the ``$2y$10$`` salt ``gensalt_blowfish( $salt16 )`` encodes (what
``password_hash`` does after drawing 16 bytes). ``check_password`` entries hash each password
with random salts (bcrypt at cost 4 via the ``wp_hash_password_options`` filter, one at cost 10)
and record both WP 6.1's and WP 6.8's ``wp_check_password`` verdicts for several candidates.
Strings that are not valid UTF-8 are stored as ``{"b64": ...}``.
"""

from __future__ import annotations

import base64
import json
import random
from pathlib import Path
from typing import Any

import pytest

from jetpress.wp.auth.passwords import (
    check_password,
    fast_hash,
    hash_password,
    hash_password_bcrypt,
    password_needs_rehash,
    phpass_hash,
    verify_fast_hash,
)

VECTORS = json.loads((Path(__file__).parent / "vectors" / "passwords.json").read_text("utf-8"))


def raw(value: Any) -> bytes:
    """A vector string as PHP bytes."""
    if isinstance(value, dict):
        return base64.b64decode(value["b64"])
    assert isinstance(value, str)
    return value.encode("utf-8")


class FixedBytes(random.Random):
    """A Random whose randbytes returns the given bytes (the salt PHP used)."""

    def __init__(self, data: bytes) -> None:
        super().__init__(0)
        self._data = data

    def randbytes(self, n: int) -> bytes:
        assert n == len(self._data)
        return self._data


def _short(value: Any) -> str:
    return repr(raw(value)[:24])


@pytest.mark.parametrize(
    "vec", VECTORS["phpass_hash_password"], ids=lambda v: _short(v["password"])
)
def test_hash_password_matches_php_phpass(vec: dict[str, Any]) -> None:
    rng = FixedBytes(bytes.fromhex(vec["salt_hex"]))
    assert hash_password(raw(vec["password"]), rng) == vec["hash"]


def test_hash_password_str_input_is_utf8_and_trimmed() -> None:
    vec = next(v for v in VECTORS["phpass_hash_password"] if v["password"] == "  padded\t\n")
    assert hash_password("  padded\t\n", FixedBytes(bytes.fromhex(vec["salt_hex"]))) == vec["hash"]
    unicode = next(v for v in VECTORS["phpass_hash_password"] if "☃" in str(v["password"]))
    rng = FixedBytes(bytes.fromhex(unicode["salt_hex"]))
    assert hash_password(unicode["password"], rng) == unicode["hash"]


def test_hash_password_shape_and_roundtrip() -> None:
    hashed = hash_password("s3cret", random.Random(7))
    assert hashed.startswith("$P$B")
    assert len(hashed) == 34
    assert check_password("s3cret", hashed)
    assert not check_password("s3cret ", hashed)
    assert hash_password("s3cret", random.Random(8)) != hashed  # the salt comes from the rng


def test_phpass_hash_rejects_wrong_salt_length() -> None:
    with pytest.raises(ValueError, match="6 salt bytes"):
        phpass_hash("x", b"12345")


@pytest.mark.parametrize(
    "vec", VECTORS["bcrypt_hash_password"], ids=lambda v: _short(v["password"])
)
def test_hash_password_bcrypt_matches_php(vec: dict[str, Any]) -> None:
    rng = FixedBytes(bytes.fromhex(vec["salt_hex"]))
    assert hash_password_bcrypt(raw(vec["password"]), rng) == vec["hash"]


def test_hash_password_bcrypt_roundtrip_default_rng() -> None:
    hashed = hash_password_bcrypt(" pw ", cost=4)
    assert hashed.startswith("$wp$2y$04$")
    assert len(hashed) == 63
    assert check_password("pw", hashed)
    assert not check_password(" pw ", hashed)  # WP 6.8 trims when hashing, not when checking


def _expected(vec: dict[str, Any]) -> bool:
    # '$wp' hashes only exist from 6.8 on; for the rest WP 6.1's verdict is the reference
    # (they agree except on '$H$' and argon2, which 6.8 handles differently).
    return bool(vec["wp68"] if raw(vec["hash"]).startswith(b"$wp") else vec["wp61"])


@pytest.mark.parametrize(
    "vec",
    VECTORS["check_password"],
    ids=[f"{v['kind']}-{i}" for i, v in enumerate(VECTORS["check_password"])],
)
def test_check_password_matches_php(vec: dict[str, Any]) -> None:
    assert check_password(raw(vec["candidate"]), raw(vec["hash"])) is _expected(vec)


def test_check_password_vectors_cover_both_outcomes_per_kind() -> None:
    kinds = {v["kind"] for v in VECTORS["check_password"]}
    for kind in kinds - {"odd"}:
        outcomes = {_expected(v) for v in VECTORS["check_password"] if v["kind"] == kind}
        assert outcomes == {True, False}, kind


def test_check_password_str_arguments() -> None:
    vec = next(
        v
        for v in VECTORS["check_password"]
        if v["kind"] == "phpass" and v["candidate"] == "pässwörd ☃ 日本語" and v["wp61"]
    )
    assert check_password("pässwörd ☃ 日本語", vec["hash"])
    assert not check_password("pässwörd ☃ 日本語!", vec["hash"])


def test_check_password_md5_is_exact_hex() -> None:
    assert check_password("password", "5f4dcc3b5aa765d61d8327deb882cf99")
    assert not check_password("password", "5F4DCC3B5AA765D61D8327DEB882CF99")
    assert not check_password("", "")


@pytest.mark.parametrize("vec", VECTORS["needs_rehash"], ids=lambda v: v["hash"][:12] or "empty")
def test_password_needs_rehash(vec: dict[str, Any]) -> None:
    assert password_needs_rehash(vec["hash"]) is vec["wp61"]
    assert password_needs_rehash(vec["hash"], "bcrypt") is vec["wp68"]


@pytest.mark.parametrize("vec", VECTORS["fast_hash"], ids=lambda v: _short(v["message"]))
def test_fast_hash_matches_php(vec: dict[str, Any]) -> None:
    assert fast_hash(raw(vec["message"])) == vec["hash"]


@pytest.mark.parametrize("vec", VECTORS["verify_fast_hash"], ids=lambda v: v["hash"][:10])
def test_verify_fast_hash_matches_php(vec: dict[str, Any]) -> None:
    assert verify_fast_hash(vec["message"], vec["hash"]) is vec["expected"]
