"""wp_salt, wp_hash and wp_generate_password against vectors made by real PHP (8.2).

How the vectors were made (the generator is not committed because it holds copied WordPress
code): ``wp_salt``, ``wp_hash`` and ``wp_generate_password`` from
``src/wp-includes/pluggable.php`` were pasted into a throwaway php-cli script with
``get_site_option``/``update_site_option``/``apply_filters`` stubbed.

- ``salts_scenarios.json``: one php process per scenario (constants can only be defined once);
  the scenario's constants are ``define()``d, its site options preloaded, and
  ``wp_generate_password`` stubbed to hand out the ``generated`` strings in order; ``wp_salt``
  is then called for each scheme in ``schemes`` and the results, the options written and the
  ``wp_generate_password`` arguments are recorded.
- ``salts_hash.json``: ``wp_hash`` for four schemes with eight unique constants defined, and
  4000-character samples of the real ``wp_generate_password`` (with ``wp_rand`` =
  ``random_int``) to pin each character set.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from jetpress.wp.auth.salts import (
    SALT_PLACEHOLDER,
    generate_password,
    password_charset,
    wp_hash,
    wp_salt,
)

HERE = Path(__file__).parent / "vectors"
SCENARIOS = json.loads((HERE / "salts_scenarios.json").read_text("utf-8"))["scenarios"]
HASHES = json.loads((HERE / "salts_hash.json").read_text("utf-8"))


class FakeSaltSource:
    """Constants and options in dicts; generated passwords handed out in order."""

    def __init__(
        self, constants: dict[str, str], options: dict[str, str], generated: list[str]
    ) -> None:
        self.constants = constants
        self.options = dict(options)
        self.generated = list(generated)
        self.written: list[list[str]] = []
        self.generate_calls: list[list[Any]] = []

    def constant(self, name: str) -> str | None:
        return self.constants.get(name)

    def get_option(self, name: str) -> str | None:
        return self.options.get(name)

    def add_option(self, name: str, value: str) -> None:
        self.options[name] = value
        self.written.append([name, value])

    def generate_password(self, length: int, special: bool, extra_special: bool) -> str:
        self.generate_calls.append([length, special, extra_special])
        return self.generated.pop(0)


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s["name"])
def test_wp_salt_matches_php(scenario: dict[str, Any]) -> None:
    src = FakeSaltSource(scenario["constants"], scenario["options"], scenario["generated"])
    results = [wp_salt(scheme, src) for scheme in scenario["schemes"]]
    assert results == scenario["expected"]
    assert src.written == scenario["expected_options_written"]
    assert src.generate_calls == scenario["expected_generate_calls"]


def test_wp_salt_placeholder_is_never_used() -> None:
    src = FakeSaltSource(
        {"NONCE_KEY": SALT_PLACEHOLDER, "NONCE_SALT": "fine"}, {"nonce_key": "k"}, []
    )
    assert wp_salt("nonce", src) == "kfine"


def test_wp_salt_scenarios_cover_the_rules() -> None:
    names = {s["name"] for s in SCENARIOS}
    assert {"all_unique", "none_defined", "placeholders", "duplicate_pair"} <= names
    assert any(s["expected_options_written"] for s in SCENARIOS)


@pytest.mark.parametrize("vec", HASHES["wp_hash"], ids=lambda v: f"{v['scheme']}-{v['data'][:10]}")
def test_wp_hash_matches_php(vec: dict[str, Any]) -> None:
    assert wp_hash(vec["data"], vec["salt"]) == vec["hash"]


def test_wp_hash_salts_are_key_plus_salt_constants() -> None:
    # The vectors were made with these wp-config constants (see generator description).
    assert HASHES["salts"]["nonce"] == (
        "nk-0b8e2c6a4f1d9357c2e0a8b64d3f1e97ns-4f0c8a2e6d1b3597e4c2a0f86d1b3e75"
    )


@pytest.mark.parametrize(
    "vec",
    HASHES["generate_password"],
    ids=lambda v: f"special={v['special_chars']}-extra={v['extra_special_chars']}",
)
def test_generate_password_charset_matches_php(vec: dict[str, Any]) -> None:
    charset = password_charset(vec["special_chars"], vec["extra_special_chars"])
    assert "".join(sorted(charset)) == vec["chars_seen"]
    assert len(set(charset)) == len(charset)
    assert set(vec["example"]) <= set(charset)
    made = generate_password(
        vec["length"], vec["special_chars"], vec["extra_special_chars"], random.Random(3)
    )
    assert len(made) == vec["example_length"]
    assert set(made) <= set(charset)


def test_generate_password_is_driven_by_rng() -> None:
    first = generate_password(64, True, True, random.Random(11))
    assert first == generate_password(64, True, True, random.Random(11))
    assert first != generate_password(64, True, True, random.Random(12))
    assert generate_password(0, True, True, random.Random(1)) == ""


def test_generate_password_covers_charset() -> None:
    sample = generate_password(5000, True, True, random.Random(5))
    assert set(sample) == set(password_charset(True, True))
