"""Data endpoints the site's Jetpack endpoints read, their signature checks and XML-RPC methods."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from typing import Any
from xmlrpc.client import Binary, dumps

import httpx
import pytest

from jetpress.clock import FrozenClock
from jetpress.protocol import signing, xmlrpc
from jetpress.wpcom.models import WpcomState
from tests.sim.conftest import WPCOM, FakeSite, connect, register, signed


@pytest.fixture
def connected(client: httpx.Client, site: FakeSite) -> tuple[int, str, str]:
    """(blog id, blog token, user access token of local user 1)."""
    reg, user_token = connect(client, site)
    return reg["jetpack_id"], reg["jetpack_secret"], user_token


def test_site_object_carries_plan_and_products(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock, state: WpcomState
) -> None:
    blog_id, blog_token, _ = connected
    state.sites[blog_id].plan = "jetpack_premium"
    response = signed(
        client, blog_token, "GET", f"/rest/v1.1/sites/{blog_id}?force=wpcom", now=clock.now()
    )
    assert response.status_code == 200
    assert "\\/" in response.text  # PHP json_encode escapes slashes
    data = response.json()
    assert (data["ID"], data["name"], data["URL"], data["jetpack"]) == (
        blog_id,
        "Demo Site",
        "http://site.test",
        True,
    )
    assert data["plan"]["product_slug"] == "jetpack_premium"
    assert "google-analytics" in data["plan"]["features"]["active"]
    assert data["products"] == []
    assert response.headers["date"] == "Tue, 14 Nov 2023 22:13:20 GMT"


def test_features_purchases_and_header_only_auth(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock
) -> None:
    blog_id, blog_token, _ = connected
    features = signed(
        client,
        blog_token,
        "GET",
        f"/rest/v1.1/sites/{blog_id}/features",
        now=clock.now(),
        auth_location="header",
    )
    assert features.status_code == 200
    assert "akismet" not in features.json()["active"]
    assert features.json()["available"]["akismet"][0] == "jetpack_personal"
    purchases = signed(
        client, blog_token, "GET", f"/rest/v1.1/sites/{blog_id}/purchases", now=clock.now()
    )
    assert purchases.json() == []


def test_stats_summary_and_visits(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock
) -> None:
    blog_id, blog_token, _ = connected
    summary = signed(
        client, blog_token, "GET", f"/rest/v1.1/sites/{blog_id}/stats/", now=clock.now()
    ).json()
    assert summary["date"] == "2023-11-14"
    assert summary["visits"]["fields"] == ["period", "views", "visitors"]
    assert len(summary["visits"]["data"]) == 30
    assert summary["visits"]["data"][-1][1:] == [
        summary["stats"]["views_today"],
        summary["stats"]["visitors_today"],
    ]
    weeks = signed(
        client,
        blog_token,
        "GET",
        f"/rest/v1.1/sites/{blog_id}/stats/visits?unit=week&quantity=14",
        now=clock.now(),
    ).json()
    assert (weeks["unit"], len(weeks["data"]), weeks["data"][-1][0]) == ("week", 14, "2023W11W13")
    months = signed(
        client,
        blog_token,
        "GET",
        f"/rest/v1.1/sites/{blog_id}/stats/visits?unit=month&quantity=12&",
        now=clock.now(),
    ).json()
    assert months["data"][-1][0] == "2023-11-01"
    # a month is the sum of its days
    days = signed(
        client,
        blog_token,
        "GET",
        f"/rest/v1.1/sites/{blog_id}/stats/visits?unit=day&quantity=14",
        now=clock.now(),
    ).json()
    assert months["data"][-1][1] == sum(row[1] for row in days["data"])


def test_signature_failures_use_jetpack_codes(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock
) -> None:
    blog_id, blog_token, _ = connected
    path = f"/rest/v1.1/sites/{blog_id}"
    unsigned = client.get(path)
    assert (unsigned.status_code, unsigned.json()["error"]) == (403, "authorization_required")
    key = blog_token.partition(".")[0]
    wrong = signed(client, f"{key}.wrongsecret", "GET", path, now=clock.now())
    assert wrong.json() == {"error": "signature_mismatch", "message": "Signature mismatch"}
    unknown = signed(client, "nokey.secret", "GET", path, now=clock.now())
    assert unknown.json()["error"] == "unknown_token"
    stale = signed(client, blog_token, "GET", path, now=clock.now() - 601)
    assert stale.json() == {"error": "invalid_signature", "message": "The timestamp is too old."}
    req = signing.build_signed_request(
        blog_token,
        user_id=0,
        method="GET",
        url=WPCOM + path,
        body=None,
        now=clock.now(),
        nonce="replay",
    )
    assert client.get(req.url).status_code == 200
    replay = client.get(req.url)
    assert replay.json() == {"error": "invalid_nonce", "message": "Could not add nonce"}


def test_a_token_of_another_site_is_refused(
    client: httpx.Client, site: FakeSite, connected: tuple[int, str, str], clock: FrozenClock
) -> None:
    blog_id, _, _ = connected
    other = register(client, site, siteurl="http://other.test")
    response = signed(
        client, other["jetpack_secret"], "GET", f"/rest/v1.1/sites/{blog_id}", now=clock.now()
    )
    assert (response.status_code, response.json()["error"]) == (403, "unauthorized")
    missing = signed(client, other["jetpack_secret"], "GET", "/rest/v1.1/sites/5", now=clock.now())
    assert (missing.status_code, missing.json()["error"]) == (404, "unknown_blog")


def _xmlrpc(
    client: httpx.Client,
    token: str,
    user_id: int,
    blog_id: int,
    now: float,
    method: str,
    *args: object,
) -> Any:
    body = xmlrpc.method_call(method, *args)
    response = signed(
        client,
        token,
        "POST",
        "/xmlrpc.php",
        user_id=user_id,
        body=body,
        now=now,
        blog_id=blog_id,
        headers={"content-type": "text/xml"},
    )
    assert response.status_code == 200
    return xmlrpc.parse_method_response(response.text)


def test_xmlrpc_user_data_monitor_and_unlink(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock, state: WpcomState
) -> None:
    blog_id, blog_token, user_token = connected
    now = clock.now()
    user = _xmlrpc(client, user_token, 1, blog_id, now, "wpcom.getUser")
    assert (user["login"], user["email"]) == ("admin", "admin@example.com")
    with pytest.raises(xmlrpc.XmlRpcFault) as fault:
        _xmlrpc(client, blog_token, 0, blog_id, now, "wpcom.getUser")
    assert xmlrpc.parse_jetpack_fault(fault.value.message) == (
        "invalid_token",
        "This call needs a user token.",
    )
    downtime = _xmlrpc(client, user_token, 1, blog_id, now, "jetpack.monitor.getLastDowntime")
    seconds = state.sites[blog_id].last_downtime
    assert seconds is not None
    assert downtime == datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%d %H:%M:%S")
    assert clock.now() - 90 * 86400 <= seconds <= clock.now() - 2 * 86400
    with pytest.raises(xmlrpc.XmlRpcFault) as bad:
        _xmlrpc(client, blog_token, 0, blog_id, now, "jetpack.unlink_user", "admin")
    assert (xmlrpc.parse_jetpack_fault(bad.value.message) or ("",))[0] == "invalid_user"
    assert _xmlrpc(client, blog_token, 0, blog_id, now, "jetpack.unlink_user", 1) is True
    with pytest.raises(xmlrpc.XmlRpcFault) as gone:
        _xmlrpc(client, user_token, 1, blog_id, now, "wpcom.getUser")
    assert (xmlrpc.parse_jetpack_fault(gone.value.message) or ("",))[0] == "unknown_token"
    assert state.sites[blog_id].owner_user_id is None


def test_deregister_revokes_every_token(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock
) -> None:
    blog_id, blog_token, _ = connected
    assert _xmlrpc(client, blog_token, 0, blog_id, clock.now(), "jetpack.deregister") is True
    after = signed(client, blog_token, "GET", f"/rest/v1.1/sites/{blog_id}", now=clock.now())
    assert (after.status_code, after.json()["error"]) == (403, "unknown_token")


def test_xmlrpc_garbage_and_unknown_method(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock
) -> None:
    blog_id, blog_token, _ = connected
    with pytest.raises(xmlrpc.XmlRpcFault) as unknown:
        _xmlrpc(client, blog_token, 0, blog_id, clock.now(), "jetpack.nothing")
    assert unknown.value.code == -32601
    garbage = client.post("/xmlrpc.php", content="not xml")
    with pytest.raises(xmlrpc.XmlRpcFault) as parse:
        xmlrpc.parse_method_response(garbage.text)
    assert parse.value.code == -32700


def test_token_health(
    client: httpx.Client, connected: tuple[int, str, str], clock: FrozenClock
) -> None:
    blog_id, blog_token, user_token = connected
    form = {
        "user_token": signing.signed_token(user_token, 1, now=clock.now(), nonce="a1"),
        "blog_token": signing.signed_token(blog_token, 0, now=clock.now(), nonce="b2"),
    }
    healthy = client.post(f"/wpcom/v2/sites/{blog_id}/jetpack-token-health", data=form).json()
    assert healthy == {
        "blog_token": {"is_healthy": True},
        "user_token": {"is_healthy": True, "is_master_user": True},
    }
    form["blog_token"] = signing.signed_token("bad.token", 0, now=clock.now(), nonce="c3")
    sick = client.post(f"/wpcom/v2/sites/{blog_id}/jetpack-token-health", data=form).json()
    assert sick["blog_token"] == {"is_healthy": False, "code": "unknown_token"}
    blog = signed(
        client,
        blog_token,
        "GET",
        f"/wpcom/v2/sites/{blog_id}/jetpack-token-health/blog",
        now=clock.now(),
    )
    assert blog.json() == {"is_healthy": True}
    nosite = client.post("/wpcom/v2/sites/1/jetpack-token-health", data=form)
    assert nosite.json() == {
        "code": "unknown_blog",
        "message": "Unknown blog",
        "data": {"status": 404},
    }


def test_plans_products_and_unknown_routes(client: httpx.Client) -> None:
    plans = client.get("/wpcom/v2/plans?_locale=en").json()
    assert [p["product_slug"] for p in plans][:2] == ["jetpack_free", "jetpack_personal"]
    assert client.get("/rest/v1.5/plans").json() == plans
    assert "jetpack_scan" in client.get("/wpcom/v2/products?type=jetpack").json()
    assert client.get("/wpcom/v2/nothing").json()["code"] == "rest_no_route"
    assert client.get("/rest/v1.1/nothing").json()["error"] == "unknown_endpoint"


def test_akismet_and_vaultpress(
    client: httpx.Client, connected: tuple[int, str, str], state: WpcomState
) -> None:
    blog_id, _, _ = connected
    sim_site = state.sites[blog_id]
    assert (
        client.post("/akismet/1.1/verify-key", data={"key": sim_site.akismet_key}).text == "valid"
    )
    bad = client.post("/akismet/1.1/verify-key", data={"key": "nope"})
    assert (bad.text, "x-akismet-debug-help" in bad.headers) == ("invalid", True)
    stats = client.post(
        "/akismet/1.1/get-stats", data={"key": sim_site.akismet_key, "blog": "x", "from": "all"}
    )
    data = stats.json()
    assert data["all"]["spam"] == state.akismet_keys[sim_site.akismet_key]
    assert sum(m["spam"] for m in data["6-months"]["breakdown"].values()) == data["all"]["spam"]
    args = f'a:2:{{s:3:"key";s:32:"{sim_site.vaultpress_key}";s:4:"args";s:0:"";}}'.encode()
    body = dumps((Binary(args),), "vaultpress.plugin_data")
    answer = xmlrpc.parse_method_response(client.post("/xmlrpc.php", content=body).text)
    plugin_data = json.loads(base64.b64decode(answer))
    assert plugin_data["backups"]["last_backup"] == int(sim_site.last_backup or 0)
    assert plugin_data["backups"]["stats"]["revisions"] == sim_site.backup_revisions
