"""The authorize page (people), auto_approve and /_wpcom/approve (scripts), token exchange."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl

import httpx
import pytest

from jetpress.clock import FrozenClock
from jetpress.protocol.tokens import sign_role
from jetpress.wpcom.models import WpcomState
from tests.sim.conftest import (
    REDIRECT_URI,
    FakeSite,
    authorize_query,
    location_params,
    register,
)


class FormReader(HTMLParser):
    """Collects a form's action, its inputs and its submit buttons, like a browser would."""

    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: dict[str, str] = {}
        self.buttons: dict[str, str] = {}
        self._button: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form":
            self.action = a["action"]
        elif tag == "input":
            self.fields[a["name"]] = a.get("value", "")
        elif tag == "button":
            self._button = (a["name"], a["value"])

    def handle_data(self, data: str) -> None:
        if self._button and data.strip():
            self.buttons[data.strip()] = self._button[1]
            self._button = None


def _token_form(
    reg: dict[str, object], code: str, redirect_uri: str = REDIRECT_URI
) -> dict[str, str]:
    return {
        "client_id": str(reg["jetpack_id"]),
        "client_secret": str(reg["jetpack_secret"]),
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": redirect_uri,
    }


@pytest.mark.parametrize("path", ["/jetpack.authorize/1/", "/jetpack.authorize_iframe/1/"])
def test_a_person_clicks_approve(client: httpx.Client, site: FakeSite, path: str) -> None:
    reg = register(client, site)
    page = client.get(f"{path}?{authorize_query(reg['jetpack_id'], reg['jetpack_secret'])}")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    form = FormReader()
    form.feed(page.text)
    assert form.buttons == {"Approve": "approve", "Deny": "deny"}
    assert form.fields["redirect_uri"] == REDIRECT_URI
    assert form.fields["wpcom_email"] == "admin@example.com"
    answer = client.post(form.action, data={**form.fields, "action": form.buttons["Approve"]})
    params = location_params(answer)
    assert answer.headers["location"].startswith(REDIRECT_URI + "&code=")
    assert params["state"] == "1"
    assert re.fullmatch(r"[A-Za-z0-9]{24}", params["code"])
    token = client.post("/jetpack.token/1/", data=_token_form(reg, params["code"]))
    assert token.status_code == 200
    body = token.json()
    assert body["token_type"] == "X_JETPACK"
    # Tokens::get checks sign_role($role) === scope: the simulator echoes the signed scope
    assert body["scope"] == sign_role("administrator", 1, reg["jetpack_secret"])
    assert re.fullmatch(r"[A-Za-z0-9]{12}\.[A-Za-z0-9]{32}", body["access_token"])


def test_deny_redirects_with_access_denied(client: httpx.Client, site: FakeSite) -> None:
    reg = register(client, site)
    form = dict(
        parse_qsl(authorize_query(reg["jetpack_id"], reg["jetpack_secret"]), keep_blank_values=True)
    )
    answer = client.post("/jetpack.authorize/1/", data={**form, "action": "deny"})
    assert answer.status_code == 302
    assert answer.headers["location"] == f"{REDIRECT_URI}&error=access_denied&state=1"


def test_script_approval_through_the_control_plane(
    client: httpx.Client, site: FakeSite, state: WpcomState
) -> None:
    reg = register(client, site)
    query = authorize_query(reg["jetpack_id"], reg["jetpack_secret"])
    url = f"http://wpcom.test/jetpack.authorize/1/?{query}"
    answer = client.post(
        "/_wpcom/approve", json={"authorize_url": url, "email": "jo@example.com", "login": "jo"}
    )
    assert answer.status_code == 200
    data = answer.json()
    assert data["redirect_to"] == f"{REDIRECT_URI}&code={data['code']}&state=1"
    token = client.post("/jetpack.token/1/", data=_token_form(reg, data["code"]))
    assert token.status_code == 200
    account = next(u for u in state.users.values() if u.email == "jo@example.com")
    assert account.login == "jo"


def test_bad_scope_and_unknown_client_are_error_pages(client: httpx.Client, site: FakeSite) -> None:
    reg = register(client, site)
    forged = authorize_query(reg["jetpack_id"], "wrong.token")
    page = client.get(f"/jetpack.authorize/1/?{forged}")
    assert page.status_code == 400
    assert "invalid_scope" in page.text
    assert 'role="alert"' in page.text
    unknown = client.get(f"/jetpack.authorize/1/?{authorize_query(1, reg['jetpack_secret'])}")
    assert (unknown.status_code, "invalid_client" in unknown.text) == (400, True)
    api = client.post("/_wpcom/approve", json={"params": {"response_type": "code"}})
    assert api.status_code == 400
    assert api.json()["error"] == "invalid_client"


def test_code_is_single_use_bound_and_expires(
    client: httpx.Client, site: FakeSite, clock: FrozenClock
) -> None:
    reg = register(client, site)
    query = authorize_query(reg["jetpack_id"], reg["jetpack_secret"])

    def code() -> str:
        return location_params(client.get(f"/jetpack.authorize/1/?{query}&auto_approve=1"))["code"]

    first = code()
    assert client.post("/jetpack.token/1/", data=_token_form(reg, first)).status_code == 200
    reused = client.post("/jetpack.token/1/", data=_token_form(reg, first))
    assert (reused.status_code, reused.json()["error"]) == (400, "invalid_grant")
    wrong_secret = client.post(
        "/jetpack.token/1/", data={**_token_form(reg, code()), "client_secret": "x.y"}
    )
    assert wrong_secret.json()["error"] == "invalid_client"
    moved = client.post("/jetpack.token/1/", data=_token_form(reg, code(), REDIRECT_URI + "x"))
    assert moved.json() == {
        "error": "invalid_grant",
        "error_description": "redirect_uri does not match.",
    }
    late = code()
    clock.advance(601)
    expired = client.post("/jetpack.token/1/", data=_token_form(reg, late))
    assert expired.json()["error_description"] == "The authorization code has expired."
    grant = client.post(
        "/jetpack.token/1/", data={**_token_form(reg, code()), "grant_type": "password"}
    )
    assert grant.json()["error"] == "unsupported_grant_type"


def test_calypso_flow_calls_remote_authorize_signed_with_the_blog_token(
    client: httpx.Client, site: FakeSite, state: WpcomState
) -> None:
    state.config.calypso_remote_authorize = True
    reg = register(client, site)
    query = authorize_query(reg["jetpack_id"], reg["jetpack_secret"], user_id=3)
    answer = client.get(f"/jetpack.authorize/1/?{query}&auto_approve=1")
    assert location_params(answer)["state"] == "3"
    # the fake site verified the signature (protocol.signing) and exchanged the code meanwhile
    assert site.calls[-1] == "/wp-json/jetpack/v4/remote_authorize"
    assert set(site.user_tokens) == {3}
    assert [t.user_id for t in state.user_tokens.values()] == [3]
    assert state.sites[reg["jetpack_id"]].owner_user_id == 3
