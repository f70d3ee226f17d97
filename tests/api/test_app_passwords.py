"""The wp/v2 application-passwords routes and HTTP Basic authentication with their passwords.

In-process by default; ``JETPRESS_TEST_TARGET=server`` runs the same tests against live
``jetpress serve --test-control`` processes (tests needing https, the clock or the database
are skipped there, each saying why).
"""

from __future__ import annotations

import base64
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from jetpress.app import App, build
from jetpress.clock import FrozenClock
from jetpress.config import Config
from jetpress.http.asgi import JetpressASGI

SERVER_MODE = os.environ.get("JETPRESS_TEST_TARGET") == "server"
HOST = "localhost:8081"
SITE = "http://" + HOST
START = 1_800_000_000  # 2027-01-15T08:00:00 UTC
BASE = "/wp-json/wp/v2/users/{}/application-passwords"
CHUNKED = re.compile(r"^[A-Za-z0-9]{4}( [A-Za-z0-9]{4}){5}$")
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
GMT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$")
ITEM_KEYS = ["uuid", "app_id", "name", "created", "last_used", "last_ip"]
USER_IDS = {"admin": 1, "editor1": 2, "author1": 3, "contrib1": 4, "sub1": 5}
CONTEXT_ARG = {
    "description": "Scope under which the request is made; determines fields present in response.",
    "type": "string",
    "enum": ["view", "embed", "edit"],
    "default": "view",
    "required": False,
}


@dataclass
class Target:
    """One jetpress site (in-process app or live server) and the clients opened on it."""

    make_client: Callable[[bool], httpx.Client]
    reset_hook: Callable[[], None]
    app: App | None = None
    clock: FrozenClock | None = None
    clients: list[httpx.Client] = field(default_factory=list)

    def client(self, https: bool = False) -> httpx.Client:
        http = self.make_client(https)
        self.clients.append(http)
        return http

    def login(self, user: str, https: bool = False) -> tuple[httpx.Client, str]:
        """A client logged in as ``user`` and its wp_rest nonce (as replay.py's CaseSession)."""
        http = self.client(https)
        scheme = "https" if https else "http"
        response = http.post(
            "/wp-login.php",
            data={
                "log": user,
                "pwd": "password",
                "wp-submit": "Log In",
                "redirect_to": f"{scheme}://{HOST}/wp-admin/",
                "testcookie": "1",
            },
            headers={"Cookie": "wordpress_test_cookie=WP%20Cookie%20check"},
        )
        assert response.status_code == 302, response.text[:300]
        nonce = http.get("/wp-admin/admin-ajax.php", params={"action": "rest-nonce"})
        assert nonce.status_code == 200 and nonce.text, nonce.text
        http.headers["X-WP-Nonce"] = nonce.text
        return http, nonce.text

    def close(self) -> None:
        for http in self.clients:
            http.close()
        self.clients.clear()


def _inprocess(tmp: Path, constants: dict[str, str]) -> Target:
    clock = FrozenClock(float(START))
    app = build(
        Config(
            db_url=f"sqlite:///{tmp}/x.db",
            test_control=True,
            admin_password="password",
            constants=constants,
        ),
        clock=clock,
    )
    asgi = JetpressASGI(app)

    def make(https: bool) -> httpx.Client:
        base = ("https://" if https else "http://") + HOST
        return TestClient(asgi, base_url=base, follow_redirects=False)

    def reset() -> None:
        clock.set(float(START))
        app.reset("offline", SITE)

    return Target(make, reset, app=app, clock=clock)


def _live(base: str) -> Target:
    def make(https: bool) -> httpx.Client:
        assert not https, "a live test server speaks plain HTTP"
        return httpx.Client(
            base_url=base, headers={"Host": HOST}, follow_redirects=False, timeout=30
        )

    def reset() -> None:
        response = httpx.post(
            base + "/_jetpress/reset", json={"mode": "offline", "site_url": SITE}, timeout=30
        )
        assert response.status_code == 200, response.text

    return Target(make, reset)


@pytest.fixture(scope="module")
def _local_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    tmp = tmp_path_factory.mktemp("ap-local")
    if SERVER_MODE:
        from tests.conformance.harness import live_server

        with live_server(tmp, "--define", "WP_ENVIRONMENT_TYPE=local") as base:
            yield _live(base)
        return
    target = _inprocess(tmp, {"WP_ENVIRONMENT_TYPE": "local"})
    yield target
    assert target.app is not None
    target.app.close()


@pytest.fixture(scope="module")
def _prod_target(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Target]:
    tmp = tmp_path_factory.mktemp("ap-prod")
    if SERVER_MODE:
        from tests.conformance.harness import live_server

        with live_server(tmp) as base:
            yield _live(base)
        return
    target = _inprocess(tmp, {})
    yield target
    assert target.app is not None
    target.app.close()


@pytest.fixture
def local(_local_target: Target) -> Iterator[Target]:
    """The fixture site with WP_ENVIRONMENT_TYPE=local: application passwords available."""
    _local_target.reset_hook()
    yield _local_target
    _local_target.close()


@pytest.fixture
def prod(_prod_target: Target) -> Iterator[Target]:
    """The fixture site in the default (production) environment."""
    _prod_target.reset_hook()
    yield _prod_target
    _prod_target.close()


def _inprocess_only(target: Target, why: str) -> None:
    if target.app is None:
        pytest.skip(f"in-process only: {why}")


def basic(user: str, password: str) -> dict[str, str]:
    token = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"Authorization": "Basic " + token}


def create(http: httpx.Client, name: str, user: str | int = "me", **extra: Any) -> dict[str, Any]:
    response = http.post(BASE.format(user), json={"name": name, **extra})
    assert response.status_code == 201, response.text
    data: dict[str, Any] = response.json()
    return data


def error(response: httpx.Response, status: int, code: str, message: str | None = None) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["code"] == code, body
    if message is not None:
        assert body["message"] == message
    assert body["data"]["status"] == status


# -------------------------------------------------------------------- availability ---


def test_production_over_http_is_unavailable(prod: Target) -> None:
    admin, _ = prod.login("admin")
    index = prod.client().get("/wp-json/").json()
    assert index["authentication"] == []
    assert "wp/v2" in index["namespaces"]
    message = "Application passwords are not available."
    error(admin.get(BASE.format("me")), 501, "application_passwords_disabled", message)
    error(admin.post(BASE.format(1), json={"name": "x"}), 501, "application_passwords_disabled")
    error(admin.delete(BASE.format(1)), 501, "application_passwords_disabled")
    # Availability is checked before `me` needs a login.
    error(prod.client().get(BASE.format("me")), 501, "application_passwords_disabled")
    # Argument validation runs before the permission callback (wp-rest-core.md §1.4).
    error(admin.post(BASE.format(1), json={}), 400, "rest_missing_callback_param")


def test_production_over_https_is_available(prod: Target) -> None:
    _inprocess_only(prod, "a live test server has no https")
    index = prod.client(https=True).get("/wp-json/").json()
    assert index["authentication"] == {
        "application-passwords": {
            "endpoints": {"authorization": SITE + "/wp-admin/authorize-application.php"}
        }
    }
    admin, _ = prod.login("admin", https=True)
    made = create(admin, "Over TLS")
    assert made["_links"]["self"][0]["href"].startswith(SITE + "/wp-json/wp/v2/users/1/")
    # The same password over plain http: the site is not https, so Basic auth is refused.
    plain = prod.client().get(BASE.format("me"), headers=basic("admin", made["password"]))
    error(plain, 401, "application_passwords_disabled", "Application passwords are not available.")


def test_local_index_lists_the_authorization_endpoint(local: Target) -> None:
    index = local.client().get("/wp-json/").json()
    assert index["authentication"] == {
        "application-passwords": {
            "endpoints": {"authorization": SITE + "/wp-admin/authorize-application.php"}
        }
    }
    assert "wp/v2" in index["namespaces"]
    for route in (
        r"/wp/v2/users/(?P<user_id>(?:[\d]+|me))/application-passwords",
        r"/wp/v2/users/(?P<user_id>(?:[\d]+|me))/application-passwords/introspect",
        r"/wp/v2/users/(?P<user_id>(?:[\d]+|me))/application-passwords/(?P<uuid>[\w\-]+)",
    ):
        assert route in index["routes"], route
        assert "schema" not in index["routes"][route]


# ------------------------------------------------------------------------- schema ---


def test_collection_route_describes_its_args_and_schema(local: Target) -> None:
    data = local.client().options(BASE.format("me")).json()
    assert data["namespace"] == "wp/v2"
    assert data["methods"] == ["GET", "POST", "DELETE"]
    get, post, delete = data["endpoints"]
    assert get == {"methods": ["GET"], "args": {"context": CONTEXT_ARG}}
    assert list(post["args"]) == ["app_id", "name"]
    assert post["args"]["name"] == {
        "description": "The name of the application password.",
        "type": "string",
        "minLength": 1,
        "pattern": r".*\S.*",
        "required": True,
    }
    assert post["args"]["app_id"]["oneOf"] == [
        {"type": "string", "format": "uuid"},
        {"type": "string", "enum": [""]},
    ]
    assert post["args"]["app_id"]["required"] is False
    assert delete == {"methods": ["DELETE"], "args": []}
    schema = data["schema"]
    assert schema["title"] == "application-password"
    assert list(schema["properties"]) == [*ITEM_KEYS[:3], "password", *ITEM_KEYS[3:]]
    assert schema["properties"]["password"]["context"] == ["edit"]
    assert schema["properties"]["last_ip"]["type"] == ["string", "null"]


def test_single_route_edit_args_are_not_required(local: Target) -> None:
    data = local.client().options(BASE.format(1) + "/abc").json()
    assert data["methods"] == ["GET", "POST", "PUT", "PATCH", "DELETE"]
    edit = data["endpoints"][1]
    assert edit["methods"] == ["POST", "PUT", "PATCH"]
    assert edit["args"]["name"]["required"] is False
    introspect = local.client().options(BASE.format(1) + "/introspect").json()
    assert introspect["endpoints"] == [{"methods": ["GET"], "args": {"context": CONTEXT_ARG}}]
    # The namespace index with context=help carries every route's schema.
    help_index = local.client().get("/wp-json/wp/v2", params={"context": "help"}).json()
    ours = [key for key in help_index["routes"] if "application-passwords" in key]
    assert len(ours) == 3
    assert all(
        help_index["routes"][key]["schema"]["title"] == "application-password" for key in ours
    )


# ----------------------------------------------------------------------- lifecycle ---


def test_create_returns_201_location_and_the_password_once(local: Target) -> None:
    admin, _ = local.login("admin")
    response = admin.post(BASE.format("me"), json={"name": "My App"})
    assert response.status_code == 201, response.text
    made = response.json()
    assert list(made) == [*ITEM_KEYS, "password", "_links"]
    assert UUID.match(made["uuid"])
    assert made["app_id"] == ""
    assert made["name"] == "My App"
    assert GMT.match(made["created"])
    if local.app is not None:
        assert made["created"] == "2027-01-15T08:00:00"
    assert made["last_used"] is None and made["last_ip"] is None
    assert CHUNKED.match(made["password"]), made["password"]
    href = f"{SITE}/wp-json/wp/v2/users/1/application-passwords/{made['uuid']}"
    assert made["_links"] == {"self": [{"href": href}]}
    assert response.headers["Location"] == href
    # The raw JSON escapes slashes as PHP's json_encode does.
    assert '"href":"http:\\/\\/localhost:8081\\/wp-json' in response.text

    listed = admin.get(BASE.format(1))
    assert listed.status_code == 200
    assert listed.headers["Allow"] == "GET, POST, DELETE"
    assert listed.json() == [{k: made[k] for k in ITEM_KEYS} | {"_links": made["_links"]}]
    single = admin.get(BASE.format("me") + "/" + made["uuid"]).json()
    assert single == {k: made[k] for k in ITEM_KEYS} | {"_links": made["_links"]}
    embed = admin.get(BASE.format(1) + "/" + made["uuid"], params={"context": "embed"}).json()
    assert list(embed) == ["uuid", "app_id", "name", "_links"]
    edit = admin.get(BASE.format(1), params={"context": "edit"}).json()
    assert "password" not in edit[0]
    bad = admin.get(BASE.format(1), params={"context": "nope"})
    error(bad, 400, "rest_invalid_param", "Invalid parameter(s): context")


def test_create_with_app_id(local: Target) -> None:
    admin, _ = local.login("admin")
    app_id = "d0a6e8a1-0e5c-5e9b-9c7f-3b0f6f7e3d11"
    assert create(admin, "With id", app_id=app_id)["app_id"] == app_id
    bad = admin.post(BASE.format("me"), json={"name": "Bad id", "app_id": "not-a-uuid"})
    error(bad, 400, "rest_invalid_param", "Invalid parameter(s): app_id")
    assert create(admin, "Empty id", app_id="")["app_id"] == ""


def test_create_name_errors(local: Target) -> None:
    admin, _ = local.login("admin")
    url = BASE.format("me")
    missing = admin.post(url, json={})
    error(missing, 400, "rest_missing_callback_param", "Missing parameter(s): name")
    error(admin.post(url, json={"name": ""}), 400, "rest_invalid_param")
    error(admin.post(url, json={"name": "   "}), 400, "rest_invalid_param")
    error(admin.post(url, json={"name": 5}), 400, "rest_invalid_param")
    # sanitize_text_field leaves nothing (tags stripped), or PHP's empty("0"): WordPress's 400.
    message = "An application name is required to create an application password."
    for name in ("<b></b>", "0"):
        error(admin.post(url, json={"name": name}), 400, "application_password_empty_name", message)
    create(admin, "Duplicate")
    duplicate = admin.post(url, json={"name": "dUPLICATE"})
    error(
        duplicate,
        409,
        "application_password_duplicate_name",
        "Each application name should be unique.",
    )
    # The name is stored as sanitize_text_field made it.
    assert create(admin, "  Tagged <i>name</i>  ")["name"] == "Tagged name"


def test_rename(local: Target) -> None:
    admin, _ = local.login("admin")
    made = create(admin, "Before")
    url = BASE.format(1) + "/" + made["uuid"]
    for method, name in (("POST", "After"), ("PUT", "Again"), ("PATCH", "Third")):
        response = admin.request(method, url, json={"name": name})
        assert response.status_code == 200, response.text
        assert response.json() == {k: made[k] for k in ITEM_KEYS} | {
            "name": name,
            "_links": made["_links"],
        }
    # No name: nothing changes; renaming onto another item's name is allowed (no check).
    assert admin.patch(url, json={}).json()["name"] == "Third"
    create(admin, "Other")
    assert admin.patch(url, json={"name": "Other"}).json()["name"] == "Other"
    error(admin.patch(url, json={"name": ""}), 400, "rest_invalid_param")
    missing = admin.patch(BASE.format(1) + "/nope", json={"name": "x"})
    error(missing, 404, "rest_application_password_not_found", "Application password not found.")


def test_delete_one_and_all(local: Target) -> None:
    admin, _ = local.login("admin")
    first = create(admin, "First")
    create(admin, "Second")
    create(admin, "Third")
    url = BASE.format("me") + "/" + first["uuid"]
    deleted = admin.delete(url)
    assert deleted.status_code == 200
    assert deleted.json() == {"deleted": True, "previous": {k: first[k] for k in ITEM_KEYS}}
    error(admin.delete(url), 404, "rest_application_password_not_found")
    error(admin.get(url), 404, "rest_application_password_not_found")
    assert [item["name"] for item in admin.get(BASE.format(1)).json()] == ["Second", "Third"]
    assert admin.delete(BASE.format(1)).json() == {"deleted": True, "count": 2}
    assert admin.get(BASE.format(1)).json() == []
    assert admin.delete(BASE.format("me")).json() == {"deleted": True, "count": 0}


# --------------------------------------------------------------------- permissions ---


def test_logged_out(local: Target) -> None:
    anon = local.client()
    error(
        anon.get(BASE.format("me")), 401, "rest_not_logged_in", "You are not currently logged in."
    )
    error(
        anon.get(BASE.format(1)),
        401,
        "rest_cannot_list_application_passwords",
        "Sorry, you are not allowed to list application passwords for this user.",
    )
    error(
        anon.post(BASE.format(1), json={"name": "x"}),
        401,
        "rest_cannot_create_application_passwords",
    )
    # A login cookie without a nonce is an anonymous request (wp-rest-core.md §4.2).
    admin, _ = local.login("admin")
    del admin.headers["X-WP-Nonce"]
    error(admin.get(BASE.format("me")), 401, "rest_not_logged_in")


def test_invalid_user(local: Target) -> None:
    admin, _ = local.login("admin")
    for user in (999, 0):
        error(admin.get(BASE.format(user)), 404, "rest_user_invalid_id", "Invalid user ID.")
    # No route for other ids.
    error(admin.get(BASE.format("-1")), 404, "rest_no_route")


@pytest.mark.parametrize("user", list(USER_IDS))
def test_every_role_manages_its_own(local: Target, user: str) -> None:
    http, _ = local.login(user)
    made = create(http, f"{user}'s app")
    own = BASE.format(USER_IDS[user])
    assert [item["uuid"] for item in http.get(own).json()] == [made["uuid"]]
    assert http.patch(own + "/" + made["uuid"], json={"name": "renamed"}).status_code == 200
    assert http.delete(own + "/" + made["uuid"]).json()["deleted"] is True
    assert http.delete(own).json() == {"deleted": True, "count": 0}


def test_editor_cannot_manage_the_admins(local: Target) -> None:
    admin, _ = local.login("admin")
    made = create(admin, "Admin's")
    editor, _ = local.login("editor1")
    url = BASE.format(1)
    one = url + "/" + made["uuid"]
    cases = [
        (
            editor.get(url),
            "rest_cannot_list_application_passwords",
            "Sorry, you are not allowed to list application passwords for this user.",
        ),
        (
            editor.post(url, json={"name": "x"}),
            "rest_cannot_create_application_passwords",
            "Sorry, you are not allowed to create application passwords for this user.",
        ),
        (
            editor.delete(url),
            "rest_cannot_delete_application_passwords",
            "Sorry, you are not allowed to delete application passwords for this user.",
        ),
        (
            editor.get(one),
            "rest_cannot_read_application_password",
            "Sorry, you are not allowed to read this application password.",
        ),
        (
            editor.patch(one, json={"name": "x"}),
            "rest_cannot_edit_application_password",
            "Sorry, you are not allowed to edit this application password.",
        ),
        (
            editor.delete(one),
            "rest_cannot_delete_application_password",
            "Sorry, you are not allowed to delete this application password.",
        ),
    ]
    for response, code, message in cases:
        error(response, 403, code, message)
        assert "Allow" not in response.headers
    assert [item["name"] for item in admin.get(url).json()] == ["Admin's"]


def test_admin_manages_others(local: Target) -> None:
    admin, _ = local.login("admin")
    made = create(admin, "For the editor", user=2)
    assert made["_links"]["self"][0]["href"].endswith(
        "/wp/v2/users/2/application-passwords/" + made["uuid"]
    )
    editor, _ = local.login("editor1")
    assert [item["uuid"] for item in editor.get(BASE.format("me")).json()] == [made["uuid"]]
    assert admin.delete(BASE.format(2)).json() == {"deleted": True, "count": 1}


def test_user_id_param_overrides_the_url(local: Target) -> None:
    # $request['user_id'] reads GET before URL params (WP_REST_Request::get_parameter_order).
    admin, _ = local.login("admin")
    create(admin, "Editor's", user=2)
    listed = admin.get(BASE.format("me"), params={"user_id": "2"}).json()
    assert [item["name"] for item in listed] == ["Editor's"]


# ------------------------------------------------------------------------ basic auth ---


def test_basic_auth_with_the_created_password(local: Target) -> None:
    editor, _ = local.login("editor1")
    made = create(editor, "CLI")
    anon = local.client()
    response = anon.get(BASE.format("me"), headers=basic("editor1", made["password"]))
    assert response.status_code == 200, response.text
    assert [item["uuid"] for item in response.json()] == [made["uuid"]]
    assert "X-WP-Nonce" not in response.headers  # no cookie check ran
    # Spaces are optional, and the email works as the user name.
    squeezed = made["password"].replace(" ", "")
    by_email = anon.get(BASE.format(2), headers=basic("editor1@example.com", squeezed))
    assert by_email.status_code == 200, by_email.text
    # The authenticated user's capabilities apply: an editor still cannot list the admin's.
    other = anon.get(BASE.format(1), headers=basic("editor1", squeezed))
    error(other, 403, "rest_cannot_list_application_passwords")


def test_basic_auth_errors(local: Target) -> None:
    admin, _ = local.login("admin")
    made = create(admin, "Tool")
    anon = local.client()
    url = BASE.format("me")
    error(
        anon.get(url, headers=basic("admin", "wrong wrong wrong")),
        401,
        "incorrect_password",
        "The provided password is an invalid application password.",
    )
    # The account's login password is not an application password.
    error(anon.get(url, headers=basic("admin", "password")), 401, "incorrect_password")
    error(
        anon.get(url, headers=basic("nobody", made["password"])),
        401,
        "invalid_username",
        "<strong>Error:</strong> Unknown username. Check again or try your email address.",
    )
    error(
        anon.get(url, headers=basic("nobody@example.com", made["password"])),
        401,
        "invalid_email",
        "<strong>Error:</strong> Unknown email address. Check again or try your username.",
    )
    # Another user's password does not authenticate this one.
    error(anon.get(url, headers=basic("editor1", made["password"])), 401, "incorrect_password")


def test_basic_auth_is_ignored_until_a_password_exists(local: Target) -> None:
    anon = local.client()
    url = BASE.format("me")
    for creds in (("admin", "password"), ("nobody", "whatever")):
        response = anon.get(url, headers=basic(*creds))
        error(response, 401, "rest_not_logged_in")  # anonymous, not invalid_username
    index = anon.get("/wp-json/", headers=basic("nobody", "x"))
    assert index.status_code == 200


def test_basic_auth_stays_on_after_every_password_is_deleted(local: Target) -> None:
    admin, _ = local.login("admin")
    create(admin, "Short-lived")
    assert admin.delete(BASE.format("me")).json()["count"] == 1
    # using_application_passwords is never unset: credentials are still checked.
    response = local.client().get(BASE.format("me"), headers=basic("admin", "password"))
    error(response, 401, "incorrect_password")


def test_introspect(local: Target) -> None:
    admin, _ = local.login("admin")
    made = create(admin, "Introspected")
    url = BASE.format("me") + "/introspect"
    error(
        admin.get(url),
        404,
        "rest_no_authenticated_app_password",
        "Cannot introspect Application Password.",
    )
    anon = local.client()
    response = anon.get(url, headers=basic("admin", made["password"]))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["uuid"] == made["uuid"] and body["name"] == "Introspected"
    assert "password" not in body
    assert body["last_used"] is not None
    other = anon.get(BASE.format(2) + "/introspect", headers=basic("admin", made["password"]))
    error(
        other,
        403,
        "rest_cannot_introspect_app_password_for_non_authenticated_user",
        "The authenticated Application Password can only be introspected for the current user.",
    )
    error(local.client().get(url), 401, "rest_not_logged_in")


def test_last_used_is_recorded(local: Target) -> None:
    admin, _ = local.login("admin")
    made = create(admin, "Used")
    anon = local.client()
    assert (
        anon.get(
            "/wp-json/wp/v2/users/me/application-passwords",
            headers=basic("admin", made["password"]),
        ).status_code
        == 200
    )
    item = admin.get(BASE.format("me")).json()[0]
    assert GMT.match(item["last_used"]) and item["last_ip"]
    if local.app is not None:
        assert item["last_used"] == "2027-01-15T08:00:00"
        assert item["last_ip"] == "testclient"  # Starlette's TestClient peer address


def test_last_used_is_recorded_at_most_once_a_day(local: Target) -> None:
    _inprocess_only(local, "needs the injected clock")
    assert local.clock is not None
    admin, _ = local.login("admin")
    made = create(admin, "Daily")
    anon = local.client()
    auth = basic("admin", made["password"])
    introspect = BASE.format("me") + "/introspect"
    assert anon.get(introspect, headers=auth).json()["last_used"] == "2027-01-15T08:00:00"
    local.clock.advance(hours=23)
    assert anon.get(introspect, headers=auth).json()["last_used"] == "2027-01-15T08:00:00"
    local.clock.advance(hours=1, seconds=1)
    assert anon.get(introspect, headers=auth).json()["last_used"] == "2027-01-16T08:00:01"


# --------------------------------------------------------------------------- storage ---


def _meta(target: Target, user_id: int) -> list[str]:
    assert target.app is not None
    return target.app.site.users.repo.get_meta(user_id, "_application_passwords")


def test_storage_is_wordpress_user_meta(local: Target) -> None:
    _inprocess_only(local, "reads the database")
    admin, _ = local.login("admin")
    first = create(admin, "One")
    second = create(admin, "Two")
    [raw] = _meta(local, 1)
    assert raw.startswith(
        'a:2:{i:0;a:7:{s:4:"uuid";s:36:"' + first["uuid"] + '";s:6:"app_id";s:0:"";'
        's:4:"name";s:3:"One";s:8:"password";s:34:"$P$'
    )
    assert ';s:7:"created";i:1800000000;s:9:"last_used";N;s:7:"last_ip";N;}i:1;' in raw
    assert local.app is not None
    assert local.app.site.options.get("using_application_passwords") == "1"
    # unset() keeps the keys: the survivor stays at index 1, the next one goes to 2.
    admin.delete(BASE.format(1) + "/" + first["uuid"])
    [raw] = _meta(local, 1)
    assert raw.startswith('a:1:{i:1;a:7:{s:4:"uuid";s:36:"' + second["uuid"])
    create(admin, "Three")
    assert ';}i:2;a:7:{s:4:"uuid"' in _meta(local, 1)[0]
    assert admin.delete(BASE.format(1)).json()["count"] == 2
    assert _meta(local, 1) == ["a:0:{}"]
    # delete-all with nothing stored writes nothing (WordPress returns 0 early).
    assert admin.delete(BASE.format(2)).json()["count"] == 0
    assert _meta(local, 2) == []


def test_backslashes_are_lost_on_the_next_save(local: Target) -> None:
    # update_user_meta unslashes the whole list on every save: WordPress keeps "a\b" once,
    # then stores "ab" when any later change rewrites the list (a WordPress 6.1 quirk).
    admin, _ = local.login("admin")
    assert create(admin, "a\\b")["name"] == "a\\b"
    assert create(admin, 'say "hi"')["name"] == 'say "hi"'
    names = [item["name"] for item in admin.get(BASE.format(1)).json()]
    assert names == ["ab", 'say "hi"']
