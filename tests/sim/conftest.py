"""Fixtures for the simulator tests: a frozen clock, a state, an in-process client, a fake site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest

from jetpress.clock import FrozenClock
from jetpress.protocol import signing, tokens
from jetpress.wpcom.app import as_transport
from jetpress.wpcom.models import WpcomState

SITE = "http://site.test"
WPCOM = "http://wpcom.test"
WEBHOOK = "handler=jetpack-connection-webhooks&action=authorize&_wpnonce=abc123"
REDIRECT_URI = f"{SITE}/wp-admin/admin.php?{WEBHOOK}"


@dataclass
class FakeSite:
    """The site side of the callbacks: verify_registration and remote_authorize."""

    secrets: dict[str, str] = field(default_factory=dict)
    blog_token: str = ""
    wpcom: httpx.Client | None = None
    now: float = 0.0
    calls: list[str] = field(default_factory=list)
    user_tokens: dict[int, str] = field(default_factory=dict)

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.calls.append(request.url.path)
        if request.url.path == "/wp-json/jetpack/v4/verify_registration":
            form = parse_qs(request.content.decode())
            if form.get("secret_1") != [self.secrets.get("secret_1")]:
                return httpx.Response(400, json={"code": "verify_secrets_mismatch", "message": "x"})
            return httpx.Response(200, json=self.secrets["secret_2"])
        if request.url.path == "/wp-json/jetpack/v4/remote_authorize":
            return self.remote_authorize(request)
        return httpx.Response(
            404, json={"code": "rest_no_route", "message": "No route", "data": {"status": 404}}
        )

    def remote_authorize(self, request: httpx.Request) -> httpx.Response:
        params = signing.extract_signature_params(
            request.url.query.decode(), request.headers.get("authorization")
        )
        assert params is not None
        signing.verify_request(
            self.blog_token,
            params,
            method="POST",
            url=str(request.url),
            body=request.content.decode(),
            now=self.now,
        )
        data = json.loads(request.content)
        assert self.wpcom is not None
        # the site exchanges the code while the simulator waits for this answer
        answer = self.wpcom.post(
            "/jetpack.token/1/",
            data={
                "client_id": self.secrets["blog_id"],
                "client_secret": self.blog_token,
                "grant_type": "authorization_code",
                "code": data["code"],
                "redirect_uri": data["redirect_uri"],
            },
        )
        self.user_tokens[int(data["state"])] = answer.json()["access_token"]
        return httpx.Response(200, json={"result": "authorized"})


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(1_700_000_000.0)


@pytest.fixture
def site() -> FakeSite:
    return FakeSite()


@pytest.fixture
def state(clock: FrozenClock, site: FakeSite) -> WpcomState:
    sim = WpcomState(seed=7, clock=clock)
    sim.config.callback_transport = httpx.MockTransport(site.handler)
    site.now = clock.now()
    return sim


@pytest.fixture
def client(state: WpcomState, site: FakeSite) -> Iterator[httpx.Client]:
    with httpx.Client(transport=as_transport(state), base_url=WPCOM) as c:
        site.wpcom = c
        yield c


def register(
    client: httpx.Client, site: FakeSite, siteurl: str = SITE, **extra: str
) -> dict[str, Any]:
    """Register like Manager::register(); returns the JSON answer."""
    site.secrets.update(secret_1="S1" * 16, secret_2="S2" * 16)
    form = {
        "siteurl": siteurl,
        "home": siteurl,
        "gmt_offset": "0",
        "timezone_string": "",
        "site_name": "Demo Site",
        "secret_1": site.secrets["secret_1"],
        "secret_2": site.secrets["secret_2"],
        "site_lang": "en_US",
        "timeout": "30",
        "state": "1",
        "jetpack_version": "10.7",
        **extra,
    }
    response = client.post(
        "/jetpack.register/1/", data=form, headers={"accept": "application/json"}
    )
    assert response.status_code == 200, response.text
    data: dict[str, Any] = response.json()
    site.blog_token = data["jetpack_secret"]
    site.secrets["blog_id"] = str(data["jetpack_id"])
    return data


def authorize_query(blog_id: int, blog_token: str, user_id: int = 1, **extra: str) -> str:
    """The authorize URL's query as Jetpack 10.7 builds it (corpus connection/authorize-url)."""
    params = {
        "response_type": "code",
        "client_id": str(blog_id),
        "redirect_uri": REDIRECT_URI,
        "state": str(user_id),
        "scope": tokens.sign_role("administrator", user_id, blog_token),
        "user_email": "admin@example.com",
        "user_login": "admin",
        "is_active": "",
        "jp_version": "10.7",
        "auth_type": "calypso",
        "secret": "A" * 32,
        "blogname": "Demo Site",
        "site_url": SITE,
        "home_url": SITE,
        "site_icon": "",
        "site_lang": "en_US",
        "site_created": "2026-11-23 02:59:22",
        "allow_site_connection": "1",
        **extra,
    }
    return urlencode(params)


def location_params(response: httpx.Response) -> dict[str, str]:
    """The query of a redirect's Location."""
    assert response.status_code == 302, response.text
    return {k: v[0] for k, v in parse_qs(urlsplit(response.headers["location"]).query).items()}


def connect(client: httpx.Client, site: FakeSite, user_id: int = 1) -> tuple[dict[str, Any], str]:
    """Register, approve with auto_approve, exchange the code: (registration, user access token)."""
    reg = register(client, site)
    query = authorize_query(reg["jetpack_id"], reg["jetpack_secret"], user_id)
    code = location_params(client.get(f"/jetpack.authorize/1/?{query}&auto_approve=1"))["code"]
    answer = client.post(
        "/jetpack.token/1/",
        data={
            "client_id": str(reg["jetpack_id"]),
            "client_secret": reg["jetpack_secret"],
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": REDIRECT_URI,
        },
    )
    assert answer.status_code == 200, answer.text
    return reg, str(answer.json()["access_token"])


_NONCES = iter(range(10**9))


def signed(
    client: httpx.Client,
    access_token: str,
    method: str,
    path: str,
    *,
    user_id: int = 0,
    body: str | None = None,
    now: float,
    blog_id: int | None = None,
    auth_location: str = "query_string",
    headers: dict[str, str] | None = None,
) -> httpx.Response:
    """A request signed like Client::build_signed_request."""
    req = signing.build_signed_request(
        access_token,
        user_id=user_id,
        method=method,
        url=WPCOM + path,
        body=body,
        now=now,
        nonce=f"n{next(_NONCES)}",
        blog_id=blog_id,
        auth_location=auth_location,
    )
    return client.request(method, req.url, content=body, headers={**req.headers, **(headers or {})})


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
