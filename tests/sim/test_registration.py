"""jetpack.register: the secrets call-back, the answer Jetpack validates, the error answers."""

from __future__ import annotations

import httpx

from jetpress.wpcom.models import WpcomState
from tests.sim.conftest import SITE, FakeSite, register


def test_register_verifies_secrets_with_the_site_and_issues_a_blog_token(
    client: httpx.Client, site: FakeSite, state: WpcomState
) -> None:
    data = register(client, site)
    assert set(data) == {
        "jetpack_id",
        "jetpack_secret",
        "jetpack_public",
        "allow_inplace_authorization",
        "alternate_authorization_url",
    }
    key, _, secret = data["jetpack_secret"].partition(".")
    assert (len(key), len(secret), data["jetpack_public"]) == (12, 32, 1)
    assert site.calls == ["/wp-json/jetpack/v4/verify_registration"]
    sim_site = state.sites[data["jetpack_id"]]
    assert (sim_site.verified, sim_site.name, sim_site.jetpack_version) == (
        True,
        "Demo Site",
        "10.7",
    )
    out = client.get("/_wpcom/journal?direction=out").json()["entries"]
    assert out[0]["body"] == f"secret_1={'S1' * 16}&state=1"
    assert out[0]["status"] == 200


def test_register_fails_when_the_site_answers_another_secret(
    client: httpx.Client, site: FakeSite
) -> None:
    site.secrets.update(secret_1="S1" * 16, secret_2="other")
    form = {"siteurl": SITE, "secret_1": "S1" * 16, "secret_2": "S2" * 16, "state": "1"}
    response = client.post("/jetpack.register/1/", data=form)
    assert response.status_code == 400
    assert response.json()["error"] == "verify_secrets_mismatch"
    assert set(response.json()) == {"error", "error_description"}


def test_unreachable_site_is_skipped_in_auto_mode_and_refused_in_required_mode(
    client: httpx.Client, state: WpcomState
) -> None:
    def down(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused")

    state.config.callback_transport = httpx.MockTransport(down)
    form = {"siteurl": SITE, "secret_1": "a", "secret_2": "b", "state": "1"}
    ok = client.post("/jetpack.register/1/", data=form)
    assert ok.status_code == 200
    assert state.sites[ok.json()["jetpack_id"]].verified is None
    state.config.verify_registration = "required"
    refused = client.post("/jetpack.register/1/", data=form)
    assert (refused.status_code, refused.json()["error"]) == (400, "site_inaccessible")


def test_verification_off_makes_no_call(
    client: httpx.Client, site: FakeSite, state: WpcomState
) -> None:
    state.config.verify_registration = "off"
    form = {"siteurl": SITE, "secret_1": "a", "secret_2": "b", "state": "1"}
    assert client.post("/jetpack.register/1/", data=form).status_code == 200
    assert site.calls == []


def test_missing_parameters_are_invalid_request(client: httpx.Client) -> None:
    response = client.post(
        "/jetpack.register/1/", data={"siteurl": SITE, "secret_1": "a", "state": "1"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "error": "invalid_request",
        "error_description": "The secret_2 parameter is required.",
    }


def test_re_registering_keeps_the_id_and_replaces_the_token(
    client: httpx.Client, site: FakeSite
) -> None:
    first = register(client, site)
    second = register(client, site)
    assert first["jetpack_id"] == second["jetpack_id"]
    assert first["jetpack_secret"] != second["jetpack_secret"]
    other = register(client, site, siteurl="http://other.test")
    assert other["jetpack_id"] != first["jetpack_id"]


def test_get_on_register_is_method_not_allowed(client: httpx.Client) -> None:
    response = client.get("/jetpack.register/1/")
    assert (response.status_code, response.json()["error"]) == (405, "method_not_allowed")


def test_bad_state_is_a_400_not_a_crash(client: httpx.Client, state: WpcomState) -> None:
    state.config.verify_registration = "off"
    form = {"siteurl": SITE, "secret_1": "a", "secret_2": "b", "state": "admin"}
    response = client.post("/jetpack.register/1/", data=form)
    assert (response.status_code, response.json()["error"]) == (400, "invalid_request")
    arrays = client.post(
        "/jetpack.register/1/",
        content=b"siteurl[]=x&secret_1[a]=b&secret_2=c&state[]=1",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )
    assert arrays.status_code == 400
