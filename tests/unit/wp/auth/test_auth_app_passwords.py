"""Application-password storage: WordPress's user meta layout, slashing and its quirks."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from jetpress.app import App, build
from jetpress.clock import FrozenClock
from jetpress.config import Config
from jetpress.wp.auth import app_passwords
from jetpress.wp.errors import WPError
from jetpress.wp.options import to_db


@pytest.fixture
def app(tmp_path: Path) -> Iterator[App]:
    instance = build(
        Config(db_url=f"sqlite:///{tmp_path}/x.db", test_control=True, admin_password="pw"),
        clock=FrozenClock(1_800_000_000.0),
        rng=random.Random(7),
    )
    instance.reset("offline", "http://localhost:8081")
    yield instance
    instance.close()


def _raw(app: App, user_id: int = 1) -> list[str]:
    return app.site.users.repo.get_meta(user_id, app_passwords.META_KEY)


@pytest.mark.parametrize(
    ("plain", "slashed"),
    [
        ("a'b", "a\\'b"),
        ('a"b', 'a\\"b'),
        ("a\\b", "a\\\\b"),
        ("nul\0", "nul\\0"),
        ("plain", "plain"),
    ],
)
def test_wp_slash_round_trip(plain: str, slashed: str) -> None:
    assert app_passwords.wp_slash(plain) == slashed
    assert app_passwords.wp_unslash(slashed) == plain


def test_wp_unslash_is_php_stripslashes() -> None:
    assert app_passwords.wp_unslash("a\\b") == "ab"
    assert app_passwords.wp_unslash("trailing\\") == "trailing"
    assert app_passwords.wp_unslash({"k": ["x\\'y", 5, None]}) == {"k": ["x'y", 5, None]}


def test_create_stores_wordpress_item(app: App) -> None:
    raw, item = app_passwords.create(app.site, 1, "  My <b>App</b> ", "")
    assert len(raw) == 24 and raw.isalnum()
    assert list(item) == ["uuid", "app_id", "name", "password", "created", "last_used", "last_ip"]
    assert item["name"] == "My App"
    assert item["created"] == 1_800_000_000
    assert item["password"].startswith("$P$B")
    assert _raw(app) == [to_db([item])]
    assert app.site.options.get("using_application_passwords") == "1"


def test_name_comparison_lowercases_ascii_only(app: App) -> None:
    app_passwords.create(app.site, 1, "École")
    with pytest.raises(WPError) as dup:
        app_passwords.create(app.site, 1, "ÉCOLE")
    assert dup.value.code == "application_password_duplicate_name"
    assert dup.value.status == 409
    # php 8.2 strtolower leaves É alone: "école" is a different name
    app_passwords.create(app.site, 1, "école")
    assert len(app_passwords.get_all(app.site, 1)) == 2


def test_rename_to_the_same_quoted_name_is_a_db_error(app: App) -> None:
    _raw_pw, item = app_passwords.create(app.site, 1, app_passwords.wp_slash('say "hi"'))
    stored = app_passwords.get(app.site, 1, item["uuid"])
    assert stored is not None and stored["name"] == 'say "hi"'
    # The slashed name differs from the stored one, so WordPress saves; update_user_meta
    # unslashes it back to the stored value and reports "unchanged" as a failure.
    with pytest.raises(WPError) as failed:
        app_passwords.rename(app.site, 1, item["uuid"], app_passwords.wp_slash('say "hi"'))
    assert (failed.value.code, failed.value.message) == (
        "db_error",
        "Could not save application password.",
    )
    assert failed.value.status == 500
    before = _raw(app)
    app_passwords.rename(app.site, 1, item["uuid"], "plain")
    app_passwords.rename(app.site, 1, item["uuid"], "plain")  # unchanged: nothing saved
    app_passwords.rename(app.site, 1, item["uuid"], "")  # empty: ignored
    assert _raw(app) != before
    assert app_passwords.get_all(app.site, 1)[0]["name"] == "plain"
    with pytest.raises(WPError) as missing:
        app_passwords.rename(app.site, 1, "nope", "x")
    assert missing.value.code == "application_password_not_found"


def test_get_compares_uuids_strictly(app: App) -> None:
    app.site.users.update_meta(1, app_passwords.META_KEY, [{"uuid": "5", "name": "n"}])
    assert app_passwords.get(app.site, 1, "5") is not None
    assert app_passwords.get(app.site, 1, 5) is None


def test_items_without_uuid_get_one_and_are_saved(app: App) -> None:
    app.site.users.update_meta(1, app_passwords.META_KEY, {3: {"name": "old", "created": 1}})
    [item] = app_passwords.get_all(app.site, 1)
    assert item["name"] == "old" and len(item["uuid"]) == 36
    assert _raw(app) == [to_db({3: {"name": "old", "created": 1, "uuid": item["uuid"]}})]
    # $passwords[] appends after the highest integer key
    _pw, new = app_passwords.create(app.site, 1, "new")
    assert _raw(app)[0].startswith("a:2:{i:3;")
    assert ';}i:4;a:7:{s:4:"uuid";s:36:"' + new["uuid"] in _raw(app)[0]


def test_delete_and_delete_all(app: App) -> None:
    assert app_passwords.delete_all(app.site, 2) == 0
    assert _raw(app, 2) == []  # nothing written
    _pw, first = app_passwords.create(app.site, 2, "a")
    app_passwords.create(app.site, 2, "b")
    assert app_passwords.delete(app.site, 2, first["uuid"]) is True
    assert app_passwords.delete(app.site, 2, first["uuid"]) is False
    assert _raw(app, 2)[0].startswith("a:1:{i:1;")
    assert app_passwords.delete_all(app.site, 2) == 1
    assert _raw(app, 2) == ["a:0:{}"]
    assert app_passwords.is_in_use(app.site)  # never reset
