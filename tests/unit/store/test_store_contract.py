"""The Store contract, run on every engine: memory, SQLite, MariaDB/MySQL and PostgreSQL."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

import pytest

from jetpress.store.base import OptionRow, Store, UserRow
from jetpress.store.errors import StoreError
from jetpress.store.urls import open_store


class Engine(Protocol):
    """The ``engine`` fixture (conftest.Engine)."""

    name: str
    url: str
    prefix: str

    def open(self, *, prefix: str | None = None, create: bool = True) -> Store: ...


MakeStore = Callable[[], Store]

# -- options -------------------------------------------------------------------------------------


def test_load_missing_is_none(store: Store) -> None:
    assert store.options.load("nope") is None


def test_insert_then_load(store: Store) -> None:
    assert store.options.insert(OptionRow("blogname", "My Site", "yes")) is True
    assert store.options.load("blogname") == OptionRow("blogname", "My Site", "yes")


def test_insert_existing_returns_false_and_writes_nothing(store: Store) -> None:
    store.options.insert(OptionRow("a", "1", "no"))
    assert store.options.insert(OptionRow("a", "2", "yes")) is False
    assert store.options.load("a") == OptionRow("a", "1", "no")


def test_update_changed_unchanged_missing(store: Store) -> None:
    store.options.insert(OptionRow("a", "1"))
    assert store.options.update("a", "2") is True
    assert store.options.update("a", "2") is False  # MySQL affected rows: nothing changed
    assert store.options.update("missing", "2") is False
    assert store.options.load("missing") is None
    assert store.options.load("a") == OptionRow("a", "2", "yes")


def test_update_autoload(store: Store) -> None:
    store.options.insert(OptionRow("a", "1", "yes"))
    assert store.options.update("a", "1", None) is False  # None keeps the autoload
    assert store.options.update("a", "1", "yes") is False
    assert store.options.update("a", "1", "no") is True  # autoload alone is a change
    assert store.options.load("a") == OptionRow("a", "1", "no")
    assert store.options.update("a", "3") is True
    assert store.options.load("a") == OptionRow("a", "3", "no")


def test_update_to_empty_string(store: Store) -> None:
    store.options.insert(OptionRow("a", "x"))
    assert store.options.update("a", "") is True
    assert store.options.update("a", "") is False
    assert store.options.load("a") == OptionRow("a", "", "yes")


def test_delete(store: Store) -> None:
    store.options.insert(OptionRow("a", "1"))
    assert store.options.delete("a") is True
    assert store.options.delete("a") is False
    assert store.options.load("a") is None
    assert store.options.insert(OptionRow("a", "again")) is True


def test_autoloaded_only_yes_in_insertion_order(store: Store) -> None:
    for name, auto in [("z", "yes"), ("b", "no"), ("m", "yes"), ("a", "yes")]:
        store.options.insert(OptionRow(name, f"v-{name}", auto))
    assert [r.name for r in store.options.autoloaded()] == ["z", "m", "a"]
    assert all(r.autoload == "yes" for r in store.options.autoloaded())
    store.options.update("m", "v-m", "no")
    store.options.update("b", "v-b", "yes")
    assert [(r.name, r.value) for r in store.options.autoloaded()] == [
        ("z", "v-z"),
        ("b", "v-b"),
        ("a", "v-a"),
    ]


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("emoji_😀", "4-byte 😀🎉 and 3-byte € and 2-byte é"),
        ("cjk", "日本語のテキスト"),
        ("php_serialized", 'a:2:{s:1:"k";s:4:"v\'\\"";i:0;b:1;}'),
        ("whitespace", "  leading and trailing \t\n"),
        ("sql", "'; DROP TABLE wp_options; --"),
        ("percent", "%s %d %(x)s ?1 ? $1"),
    ],
)
def test_values_round_trip(store: Store, name: str, value: str) -> None:
    assert store.options.insert(OptionRow(name, value))
    assert store.options.load(name) == OptionRow(name, value)
    assert store.options.autoloaded() == [OptionRow(name, value)]
    assert store.options.update(name, value) is False
    assert store.options.update(name, value + "😀") is True
    assert store.options.load(name) == OptionRow(name, value + "😀")


def test_nul_byte_round_trips(engine: Engine, store: Store) -> None:
    # PHP serialises protected properties as "\0*\0name"
    if engine.name == "postgres":
        pytest.skip("PostgreSQL text cannot hold NUL (documented limitation)")
    value = 'O:1:"A":1:{s:4:"\0*\0p";i:1;}'
    store.options.insert(OptionRow("nul", value))
    assert store.options.load("nul") == OptionRow("nul", value)


def test_one_megabyte_value(store: Store) -> None:
    value = ("x" * 1023 + "😀") * 1024  # 1 MiB of characters, 4-byte ones included
    assert store.options.insert(OptionRow("big", value))
    assert store.options.load("big") == OptionRow("big", value)
    assert store.options.update("big", value) is False
    assert store.options.update("big", value[:-1] + "y") is True
    loaded = store.options.load("big")
    assert loaded is not None
    assert loaded.value == value[:-1] + "y"


def test_generation_moves_on_own_writes_only(store: Store) -> None:
    g0 = store.options.generation()
    assert store.options.generation() == g0
    store.options.insert(OptionRow("a", "1"))
    g1 = store.options.generation()
    assert g1 != g0
    store.options.load("a")
    store.options.autoloaded()
    store.options.update("a", "1")  # unchanged: no write
    store.options.insert(OptionRow("a", "2"))  # exists: no write
    store.options.delete("missing")
    assert store.options.generation() == g1
    store.options.update("a", "2")
    g2 = store.options.generation()
    assert g2 not in (g0, g1)
    store.options.delete("a")
    assert store.options.generation() not in (g0, g1, g2)


def test_generation_sees_another_connections_write(store: Store, make_store: MakeStore) -> None:
    other = make_store()
    seen = store.options.generation()
    other.options.insert(OptionRow("from_other", "1"))
    after_insert = store.options.generation()
    assert after_insert != seen
    assert store.options.load("from_other") == OptionRow("from_other", "1")
    other.options.update("from_other", "2")
    after_update = store.options.generation()
    assert after_update != after_insert
    assert store.options.generation() == after_update  # stable while nothing is written
    other.options.delete("from_other")
    assert store.options.generation() != after_update


def test_generation_moves_on_truncate(store: Store, make_store: MakeStore) -> None:
    other = make_store()
    store.options.insert(OptionRow("a", "1"))
    mine, theirs = store.options.generation(), other.options.generation()
    store.truncate()
    assert store.options.generation() != mine
    assert other.options.generation() != theirs


# -- locked() ------------------------------------------------------------------------------------


def test_locked_read_modify_write(store: Store) -> None:
    store.options.insert(OptionRow("counter", "0"))
    for _ in range(3):
        with store.options.locked("counter"):
            row = store.options.load("counter")
            assert row is not None
            assert store.options.update("counter", str(int(row.value) + 1)) is True
    assert store.options.load("counter") == OptionRow("counter", "3")


def test_locked_nests(store: Store) -> None:
    store.options.insert(OptionRow("a", "0"))
    with store.options.locked("a"), store.options.locked("b"), store.options.locked("a"):
        store.options.update("a", "1")
        store.options.insert(OptionRow("b", "1"))
    assert store.options.load("a") == OptionRow("a", "1")
    assert store.options.load("b") == OptionRow("b", "1")


def test_locked_error_rolls_back(store: Store) -> None:
    store.options.insert(OptionRow("a", "0"))
    g = store.options.generation()

    def fail_inside() -> None:
        with store.options.locked("a"):
            store.options.update("a", "1")
            store.options.insert(OptionRow("b", "1"))
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        fail_inside()
    assert store.options.load("a") == OptionRow("a", "0")
    assert store.options.load("b") is None
    assert store.options.insert(OptionRow("after", "1"))  # the store still works
    assert store.options.generation() != g


def test_locked_writes_commit_at_exit(engine: Engine, store: Store) -> None:
    if engine.name == "memory":
        pytest.skip("one process, one object: nothing to hide from")
    other = engine.open()
    store.options.insert(OptionRow("a", "0"))
    before = other.options.generation()
    with store.options.locked("a"):
        store.options.update("a", "1")
        assert other.options.load("a") == OptionRow("a", "0")  # not committed yet
    assert other.options.load("a") == OptionRow("a", "1")
    assert other.options.generation() != before


def test_locked_serialises_two_connections(store: Store, make_store: MakeStore) -> None:
    other = make_store()
    store.options.insert(OptionRow("counter", "0"))
    events: list[str] = []
    inside = threading.Event()

    def holder() -> None:
        with store.options.locked("counter"):
            events.append("A in")
            inside.set()
            time.sleep(0.3)
            row = store.options.load("counter")
            assert row is not None
            store.options.update("counter", str(int(row.value) + 1))
            events.append("A out")

    thread = threading.Thread(target=holder)
    thread.start()
    assert inside.wait(5)
    with other.options.locked("counter"):
        events.append("B in")
        row = other.options.load("counter")
        assert row is not None
        other.options.update("counter", str(int(row.value) + 1))
    thread.join(5)
    assert events == ["A in", "A out", "B in"]
    assert store.options.load("counter") == OptionRow("counter", "2")


def test_threads_share_one_store(store: Store) -> None:
    names = [f"t{i}" for i in range(4)]

    def work(name: str) -> None:
        store.options.insert(OptionRow(name, "0"))
        for i in range(1, 26):
            store.options.update(name, str(i))
            assert store.options.load(name) == OptionRow(name, str(i))
            with store.options.locked("shared"):
                row = store.options.load("shared")
                if row is None:
                    store.options.insert(OptionRow("shared", "1"))
                else:
                    store.options.update("shared", str(int(row.value) + 1))

    threads = [threading.Thread(target=work, args=(n,)) for n in names]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert store.options.load("shared") == OptionRow("shared", "100")
    assert [store.options.load(n) for n in names] == [OptionRow(n, "25") for n in names]


# -- users ---------------------------------------------------------------------------------------


def _user(login: str, user_id: int = 0, **kw: object) -> UserRow:
    return UserRow(
        id=user_id,
        login=login,
        pass_hash=f"$P$B{login}",
        nicename=login.lower(),
        email=f"{login.lower()}@example.org",
        **kw,  # type: ignore[arg-type]
    )


def test_users_insert_and_find(store: Store) -> None:
    assert store.users.all() == []
    assert store.users.insert(_user("admin")) == 1
    full = _user(
        "Émile😀",
        url="https://example.org",
        registered="2024-02-29 13:14:15",
        activation_key="1700000000:$P$Bkey",
        status=0,
        display_name="Émile 😀",
    )
    assert store.users.insert(full) == 2
    admin = store.users.by_id(1)
    assert admin == UserRow(
        id=1,
        login="admin",
        pass_hash="$P$Badmin",
        nicename="admin",
        email="admin@example.org",
        url="",
        registered="0000-00-00 00:00:00",  # WordPress's zero date round-trips as text
        activation_key="",
        status=0,
        display_name="",
    )
    emile = store.users.by_login("Émile😀")
    assert emile is not None
    assert emile.id == 2
    assert emile.registered == "2024-02-29 13:14:15"
    assert emile.display_name == "Émile 😀"
    assert store.users.by_email("émile😀@example.org") == emile
    assert store.users.by_id(3) is None
    assert store.users.by_login("nobody") is None
    assert store.users.by_email("nobody@example.org") is None
    assert [u.id for u in store.users.all()] == [1, 2]


def test_users_explicit_id_moves_the_counter(store: Store) -> None:
    assert store.users.insert(_user("a", 10)) == 10
    assert store.users.insert(_user("b")) == 11
    assert store.users.insert(_user("c", 5)) == 5
    assert store.users.insert(_user("d")) == 12
    assert [u.login for u in store.users.all()] == ["c", "a", "b", "d"]


def test_users_update_pass(store: Store) -> None:
    store.users.insert(_user("a"))
    store.users.insert(_user("b"))
    store.users.update_pass(1, "$wp$2y$10$new")
    a, b = store.users.by_id(1), store.users.by_id(2)
    assert a is not None
    assert b is not None
    assert a.pass_hash == "$wp$2y$10$new"
    assert b.pass_hash == "$P$Bb"


def test_usermeta(store: Store) -> None:
    store.users.insert(_user("a"))
    store.users.insert(_user("b"))
    assert store.users.get_meta(1, "wp_capabilities") == []
    assert store.users.all_meta(1) == {}
    store.users.update_meta(1, "wp_capabilities", 'a:1:{s:13:"administrator";b:1;}')
    store.users.update_meta(1, "nickname", "ä😀")
    store.users.update_meta(2, "nickname", "bee")
    store.users.update_meta(1, "wp_capabilities", 'a:1:{s:6:"editor";b:1;}')
    assert store.users.get_meta(1, "wp_capabilities") == ['a:1:{s:6:"editor";b:1;}']
    assert store.users.all_meta(1) == {
        "wp_capabilities": ['a:1:{s:6:"editor";b:1;}'],
        "nickname": ["ä😀"],
    }
    assert list(store.users.all_meta(1)) == ["wp_capabilities", "nickname"]  # umeta_id order
    assert store.users.delete_meta(1, "nickname") is True
    assert store.users.delete_meta(1, "nickname") is False
    assert store.users.all_meta(1) == {"wp_capabilities": ['a:1:{s:6:"editor";b:1;}']}
    assert store.users.all_meta(2) == {"nickname": ["bee"]}
    store.users.update_meta(1, "empty", "")
    assert store.users.get_meta(1, "empty") == [""]


# -- life-cycle ----------------------------------------------------------------------------------


def test_truncate_empties_and_restarts_ids(store: Store) -> None:
    store.options.insert(OptionRow("siteurl", "http://example.org"))
    store.users.insert(_user("a"))
    store.users.insert(_user("b"))
    store.users.update_meta(2, "k", "v")
    store.truncate()
    assert store.options.load("siteurl") is None
    assert store.options.autoloaded() == []
    assert store.users.all() == []
    assert store.users.all_meta(2) == {}
    assert store.users.insert(_user("c")) == 1
    assert store.options.insert(OptionRow("siteurl", "http://example.org"))
    assert store.options.load("siteurl") == OptionRow("siteurl", "http://example.org")


def test_truncate_and_reseed_is_fast(engine: Engine, store: Store) -> None:
    def reset() -> float:
        start = time.perf_counter()
        store.truncate()
        for i in range(10):
            store.options.insert(OptionRow(f"o{i}", "v"))
        return time.perf_counter() - start

    best = min(reset() for _ in range(5))
    limit = {"memory": 0.01, "sqlite": 0.05}.get(engine.name, 0.25)
    assert best < limit


def test_is_installed(engine: Engine) -> None:
    fresh = engine.open(create=False)
    assert fresh.is_installed() is False
    fresh.create_tables()
    assert fresh.is_installed() is False
    fresh.options.insert(OptionRow("siteurl", "http://example.org"))
    assert fresh.is_installed() is True


def test_create_tables_is_idempotent_and_keeps_rows(store: Store) -> None:
    store.options.insert(OptionRow("siteurl", "http://example.org"))
    store.users.insert(_user("a"))
    store.create_tables()
    assert store.options.load("siteurl") == OptionRow("siteurl", "http://example.org")
    assert store.users.by_id(1) is not None


def test_prefixes_are_separate_tables(engine: Engine, store: Store) -> None:
    if engine.name == "memory":
        pytest.skip("memory:// stores are separate anyway")
    other_prefix = f"{engine.prefix}b_"
    other = engine.open(prefix=other_prefix)
    assert other.prefix == other_prefix
    assert store.prefix == engine.prefix
    store.options.insert(OptionRow("siteurl", "one"))
    other.options.insert(OptionRow("siteurl", "two"))
    store.users.insert(_user("a"))
    assert store.options.load("siteurl") == OptionRow("siteurl", "one")
    assert other.options.load("siteurl") == OptionRow("siteurl", "two")
    assert other.users.all() == []
    other.truncate()
    assert store.options.load("siteurl") == OptionRow("siteurl", "one")


@pytest.mark.parametrize("prefix", ["", "wp-", "wp_; DROP", "wp.", "é_", "a" * 41])
def test_bad_prefix_is_refused(engine: Engine, prefix: str) -> None:
    with pytest.raises(StoreError, match="table prefix"):
        open_store(engine.url, prefix=prefix)


def test_url_and_prefix_attributes(engine: Engine, store: Store) -> None:
    assert store.url == engine.url
    assert store.prefix == engine.prefix


def test_close_is_safe_to_repeat(engine: Engine) -> None:
    s = engine.open()
    s.close()
    s.close()
