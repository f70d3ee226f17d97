"""The /_wpcom/ control plane: reset, seed, journal, state, and its input errors."""

from __future__ import annotations

import httpx

from jetpress.clock import FrozenClock
from jetpress.wpcom.models import WpcomState
from tests.sim.conftest import FakeSite, connect, register, signed


def test_reset_forgets_everything_and_reseeds(
    client: httpx.Client, site: FakeSite, state: WpcomState
) -> None:
    first = register(client, site)
    assert client.post("/_wpcom/reset", json={"seed": 7}).json() == {"seed": 7}
    assert state.sites == {}
    assert client.get("/_wpcom/journal").json() == {"entries": []}
    again = register(client, site)
    assert again["jetpack_id"] == first["jetpack_id"]  # same seed, same sequence
    assert client.post("/_wpcom/reset", json={"seed": "x"}).status_code == 400


def test_seed_a_connected_site_and_use_its_tokens(client: httpx.Client, clock: FrozenClock) -> None:
    answer = client.post(
        "/_wpcom/seed",
        json={
            "config": {"verify_registration": "off", "code_ttl": 60},
            "users": [{"email": "jo@example.com", "login": "jo", "display_name": "Jo"}],
            "sites": [
                {
                    "siteurl": "http://seeded.test",
                    "name": "Seeded",
                    "blog_id": 4242,
                    "blog_token": "BlogKey.BlogSecret",
                    "plan": "jetpack_complete",
                    "last_downtime": None,
                    "user_tokens": [
                        {"user_id": 1, "token": "UserKey.UserSecret", "email": "jo@example.com"}
                    ],
                }
            ],
            "akismet_keys": {"abc123": 17},
        },
    )
    assert answer.status_code == 200
    seeded = answer.json()["sites"][0]
    assert (seeded["blog_id"], seeded["blog_token"], seeded["owner_user_id"]) == (
        4242,
        "BlogKey.BlogSecret",
        1,
    )
    assert seeded["user_tokens"][0]["token"] == "UserKey.UserSecret.1"
    data = signed(
        client, "BlogKey.BlogSecret", "GET", "/rest/v1.1/sites/4242", now=clock.now()
    ).json()
    assert (data["name"], data["plan"]["product_slug"]) == ("Seeded", "jetpack_complete")
    assert client.post("/akismet/1.1/verify-key", data={"key": "abc123"}).text == "valid"
    snapshot = client.get("/_wpcom/state").json()
    assert snapshot["config"]["verify_registration"] == "off"
    assert snapshot["config"]["code_ttl"] == 60
    assert [u["login"] for u in snapshot["users"]] == ["jo"]
    updated = client.post(
        "/_wpcom/seed", json={"sites": [{"blog_id": 4242, "plan": "jetpack_free"}]}
    ).json()
    assert updated["sites"][0]["plan"] == "jetpack_free"


def test_seed_and_config_errors(client: httpx.Client) -> None:
    bad: object
    for bad in (
        {"nope": 1},
        {"config": {"nope": 1}},
        {"config": {"verify_registration": "maybe"}},
        {"config": {"code_ttl": "long"}},
        {"sites": [{}]},
        {"sites": [{"siteurl": "x", "blog_token": "bad"}]},
        [1],
    ):
        answer = client.post("/_wpcom/seed", json=bad)
        assert (answer.status_code, answer.json()["error"]) == (400, "bad_request"), bad
    assert client.post("/_wpcom/seed", content=b"{").status_code == 400
    assert client.get("/_wpcom/nothing").status_code == 404


def test_journal_records_requests_but_not_the_control_plane(
    client: httpx.Client, site: FakeSite, clock: FrozenClock
) -> None:
    reg, _ = connect(client, site)
    signed(
        client,
        reg["jetpack_secret"],
        "GET",
        f"/rest/v1.1/sites/{reg['jetpack_id']}?force=wpcom",
        now=clock.now(),
        headers={"user-agent": "WordPress/6.1.9; http://site.test"},
    )
    entries = client.get("/_wpcom/journal").json()["entries"]
    assert [(e["direction"], e["method"], e["path"]) for e in entries] == [
        ("out", "POST", "/wp-json/jetpack/v4/verify_registration"),
        ("in", "POST", "/jetpack.register/1/"),
        ("in", "GET", "/jetpack.authorize/1/"),
        ("in", "POST", "/jetpack.token/1/"),
        ("in", "GET", f"/rest/v1.1/sites/{reg['jetpack_id']}"),
    ]
    last = entries[-1]
    assert last["query"].startswith("force=wpcom&token=")
    assert last["headers"]["authorization"].startswith("X_JETPACK token=")
    assert last["headers"]["user-agent"] == "WordPress/6.1.9; http://site.test"
    assert last["status"] == 200
    token_body = entries[3]["body"]
    assert "grant_type=authorization_code" in token_body
    later = client.get(f"/_wpcom/journal?since={entries[2]['seq']}&direction=in").json()["entries"]
    assert [e["path"] for e in later] == [
        "/jetpack.token/1/",
        f"/rest/v1.1/sites/{reg['jetpack_id']}",
    ]
    client.delete("/_wpcom/journal")
    assert client.get("/_wpcom/journal").json() == {"entries": []}
    assert client.get("/_wpcom/journal?since=x").status_code == 400


def test_index_page_for_people(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert 'href="/_wpcom/journal"' in page.text


def test_bad_seed_values_are_400(client: httpx.Client) -> None:
    for bad in (
        {"akismet_keys": {"k": "many"}},
        {"sites": [{"blog_id": 5}]},
        {"sites": [{"siteurl": "http://x.test", "last_downtime": "yesterday"}]},
    ):
        answer = client.post("/_wpcom/seed", json=bad)
        assert (answer.status_code, answer.json()["error"]) == (400, "bad_request"), bad
