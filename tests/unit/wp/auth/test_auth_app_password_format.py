"""Application password text helpers against vectors made by real PHP (8.2).

How ``vectors/app_passwords.json`` was made (the generator is not committed because it holds
copied WordPress code): ``WP_Application_Passwords::chunk_password`` and the
``preg_replace( '/[^a-z\\d]/i', '', $password )`` of ``wp_authenticate_application_password``
were pasted into a throwaway php-cli script and run on the ``given`` strings; a 3000-character
``wp_generate_password( 3000, false )`` sample pins the character set of new passwords.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest

from jetpress.wp.auth.app_password_format import (
    APP_PASSWORD_LENGTH,
    chunk_password,
    generate_app_password,
    normalize_app_password,
)

VECTORS = json.loads((Path(__file__).parent / "vectors" / "app_passwords.json").read_text("utf-8"))


@pytest.mark.parametrize("vec", VECTORS["format"], ids=lambda v: repr(v["given"]))
def test_normalize_and_chunk_match_php(vec: dict[str, Any]) -> None:
    assert normalize_app_password(vec["given"]) == vec["normalized"]
    assert chunk_password(vec["given"]) == vec["chunked"]


def test_normalize_is_ascii_only() -> None:
    # Unicode digits and case-folding letters (Kelvin sign, long s) are not [a-z\d] in php.
    assert normalize_app_password("١٢\u212a\u017fK9") == "K9"


def test_generate_app_password() -> None:
    made = generate_app_password(random.Random(4))
    assert len(made) == APP_PASSWORD_LENGTH == len(VECTORS["generated_example"])
    assert set(made) <= set(VECTORS["generated_chars_seen"])
    assert made != generate_app_password(random.Random(5))
    assert chunk_password(made).count(" ") == 5
    sample = "".join(generate_app_password(random.Random(i)) for i in range(200))
    assert "".join(sorted(set(sample))) == VECTORS["generated_chars_seen"]
