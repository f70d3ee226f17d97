"""The control plane under ``/_wpcom/``: reset, seed, faults, journal, scripted approval, state.

Control requests are neither fault-injected nor journaled. Answers are JSON; bad input is a
400 ``{"error": "bad_request", "message": ...}``.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from jetpress.protocol.tokens import BlogToken, TokenFormatError, make_token
from jetpress.wpcom import faults, handlers, models
from jetpress.wpcom.errors import WpcomError
from jetpress.wpcom.handlers import SimRequest, SimResponse, json_response
from jetpress.wpcom.models import IssuedUserToken, Site, WpcomState

PREFIX = "/_wpcom/"


class BadRequest(ValueError):
    """Invalid control-plane input."""


def _json_body(req: SimRequest) -> Any:
    if not req.body.strip():
        return {}
    try:
        return json.loads(req.body)
    except ValueError as err:
        raise BadRequest(f"body is not JSON: {err}") from err


def handle_control(state: WpcomState, req: SimRequest) -> SimResponse:
    """Route a ``/_wpcom/...`` request."""
    name = req.path[len(PREFIX) :].strip("/")
    key = (req.method, name)
    try:
        with state.lock:
            if key == ("POST", "reset"):
                return reset(state, _json_body(req))
            if key == ("POST", "seed"):
                try:
                    return json_response(seed(state, _json_body(req)))
                except (TypeError, ValueError, KeyError, AttributeError) as err:
                    raise BadRequest(f"bad seed value: {err}") from err
            if key == ("GET", "faults"):
                return json_response({"faults": [f.as_json() for f in state.faults]})
            if key == ("POST", "faults"):
                return json_response(
                    {"faults": [f.as_json() for f in add_faults(state, _json_body(req))]}
                )
            if key == ("DELETE", "faults"):
                state.faults.clear()
                return json_response({"faults": []})
            if key == ("GET", "journal"):
                return json_response({"entries": journal(state, req)})
            if key == ("DELETE", "journal"):
                state.journal.clear()
                return json_response({"entries": []})
            if key == ("GET", "state"):
                return json_response(snapshot(state))
        if key == ("POST", "approve"):
            return approve(state, _json_body(req))
    except BadRequest as err:
        return json_response({"error": "bad_request", "message": str(err)}, 400)
    return json_response(
        {"error": "not_found", "message": f"No control endpoint {req.method} {req.path}"}, 404
    )


def reset(state: WpcomState, body: Any) -> SimResponse:
    """``POST /_wpcom/reset`` ``{"seed": N}`` (optional): empty state, generator re-seeded."""
    seed_value = body.get("seed") if isinstance(body, dict) else None
    if seed_value is not None and (isinstance(seed_value, bool) or not isinstance(seed_value, int)):
        raise BadRequest("seed must be an integer")
    state.reset(seed_value)
    return json_response({"seed": state.seed})


def add_faults(state: WpcomState, body: Any) -> list[faults.Fault]:
    """``POST /_wpcom/faults``: one fault object or a list of them."""
    items = body if isinstance(body, list) else [body]
    added = []
    try:
        for item in items:
            added.append(faults.parse_fault(item, state.next_fault_id))
            state.next_fault_id += 1
    except ValueError as err:
        raise BadRequest(str(err)) from err
    state.faults.extend(added)
    return added


def journal(state: WpcomState, req: SimRequest) -> list[dict[str, Any]]:
    """``GET /_wpcom/journal[?since=SEQ][&direction=in|out]``."""
    params = req.params
    since = str(params.get("since", "0"))
    if not since.isdigit():
        raise BadRequest("since must be a sequence number")
    direction = params.get("direction")
    return [
        e.as_json()
        for e in state.journal
        if e.seq > int(since) and (direction is None or e.direction == direction)
    ]


def _int(data: dict[str, Any], key: str, default: int | None = None) -> int | None:
    value = data.get(key, default)
    if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
        raise BadRequest(f"{key} must be an integer")
    return value


def seed(state: WpcomState, body: Any) -> dict[str, Any]:
    """``POST /_wpcom/seed``: merge accounts, sites, Akismet keys and config into the state.

    ``{"seed": N, "config": {...}, "users": [{"login", "email", "display_name"}],
    "sites": [{"siteurl", "home", "name", "blog_id", "blog_token", "plan", "products",
    "last_downtime", "last_backup", "user_tokens": [{"user_id", "token", "email"}]}],
    "akismet_keys": {"key": spam_count}}``. A site with a known ``blog_id`` or ``siteurl`` is
    updated. Returns the seeded sites with their tokens.
    """
    if not isinstance(body, dict):
        raise BadRequest("seed body is a JSON object")
    unknown = set(body) - {"seed", "config", "users", "sites", "akismet_keys"}
    if unknown:
        raise BadRequest(f"unknown seed keys: {', '.join(sorted(unknown))}")
    if "seed" in body:
        state.seed = _int(body, "seed") or 0
        state.rng.seed(state.seed)
    try:
        state.config.update(body.get("config") or {})
    except ValueError as err:
        raise BadRequest(str(err)) from err
    for user in body.get("users") or []:
        if not isinstance(user, dict) or not user.get("email"):
            raise BadRequest("each user needs an email")
        account = models.find_or_create_user(state, str(user["email"]), str(user.get("login", "")))
        if user.get("display_name"):
            account.display_name = str(user["display_name"])
    for key, count in (body.get("akismet_keys") or {}).items():
        state.akismet_keys[str(key)] = int(count)
    return {"seed": state.seed, "sites": [_seed_site(state, s) for s in body.get("sites") or []]}


def _seed_site(state: WpcomState, data: Any) -> dict[str, Any]:
    if not isinstance(data, dict) or (not data.get("siteurl") and not data.get("blog_id")):
        raise BadRequest("each site needs a siteurl or a blog_id")
    blog_id = _int(data, "blog_id")
    site = state.sites.get(blog_id) if blog_id else None
    site = site or next((s for s in state.sites.values() if s.siteurl == data.get("siteurl")), None)
    if site is None:
        if not data.get("siteurl"):
            raise BadRequest(f"no site {blog_id}: give its siteurl to create it")
        blog_id = blog_id or state.new_id(state.sites, 100_000_000, 199_999_999)
        site = Site(
            blog_id, str(data["siteurl"]), str(data.get("home") or data["siteurl"]), "", state.now()
        )
        models.seed_site_data(state, site)
        state.sites[blog_id] = site
        site.blog_token = make_token(state.rng)
    for key in ("home", "name", "plan", "jetpack_version"):
        if key in data:
            setattr(site, key, str(data[key]))
    if "products" in data:
        site.products = [str(p) for p in data["products"]]
    for key in ("last_downtime", "last_backup"):
        if key in data:
            setattr(site, key, None if data[key] is None else float(data[key]))
    if data.get("blog_token"):
        try:
            token = BlogToken.parse(str(data["blog_token"]))
        except TokenFormatError as err:
            raise BadRequest(f"blog_token: {err.message}") from err
        if site.blog_token is not None:
            state.blog_tokens.pop(site.blog_token.key, None)
        site.blog_token = token
    if site.blog_token is not None:
        state.blog_tokens[site.blog_token.key] = site.blog_id
    for entry in data.get("user_tokens") or []:
        _seed_user_token(state, site, entry)
    return _site_json(state, site)


def _seed_user_token(state: WpcomState, site: Site, entry: Any) -> None:
    if not isinstance(entry, dict) or _int(entry, "user_id") is None:
        raise BadRequest("each user token needs a user_id")
    user_id = int(entry["user_id"])
    account = models.find_or_create_user(
        state, str(entry.get("email") or f"user{user_id}@example.com"), str(entry.get("login", ""))
    )
    try:
        token = (
            BlogToken.parse(str(entry["token"])) if entry.get("token") else make_token(state.rng)
        )
    except TokenFormatError as err:
        raise BadRequest(f"user token: {err.message}") from err
    scope = f"{entry.get('role', 'administrator')}:seeded"
    state.user_tokens[token.key] = IssuedUserToken(
        token, site.blog_id, user_id, account.id, scope, state.now()
    )
    if site.owner_user_id is None:
        site.owner_user_id = user_id


def _site_json(state: WpcomState, site: Site) -> dict[str, Any]:
    return {
        "blog_id": site.blog_id,
        "siteurl": site.siteurl,
        "home": site.home,
        "name": site.name,
        "connected": site.connected,
        "blog_token": str(site.blog_token) if site.blog_token else None,
        "verified": site.verified,
        "plan": site.plan,
        "products": site.products,
        "owner_user_id": site.owner_user_id,
        "akismet_key": site.akismet_key,
        "vaultpress_key": site.vaultpress_key,
        "user_tokens": [
            {
                "user_id": t.user_id,
                "token": f"{t.token.access_token}.{t.user_id}",
                "wpcom_user_id": t.wpcom_user_id,
            }
            for t in state.user_tokens.values()
            if t.blog_id == site.blog_id
        ],
    }


def snapshot(state: WpcomState) -> dict[str, Any]:
    """``GET /_wpcom/state``: seed, config, accounts, sites and their tokens (for debugging)."""
    return {
        "seed": state.seed,
        "now": state.now(),
        "config": state.config.public(),
        "users": [u.__dict__ for u in state.users.values()],
        "sites": [_site_json(state, s) for s in state.sites.values()],
        "akismet_keys": dict(state.akismet_keys),
        "pending_codes": sum(1 for c in state.codes.values() if not c.used),
    }


def approve(state: WpcomState, body: Any) -> SimResponse:
    """``POST /_wpcom/approve`` ``{"authorize_url": URL, "email": ..., "login": ...}``.

    What clicking Approve does, for scripts: returns ``{"redirect_to", "code", "state"}``; the
    script then GETs ``redirect_to`` on the site as the logged-in user. ``{"params": {...}}``
    may replace the URL.
    """
    if not isinstance(body, dict):
        raise BadRequest("approve body is a JSON object")
    if body.get("authorize_url"):
        params = dict(parse_qsl(urlsplit(str(body["authorize_url"])).query, keep_blank_values=True))
    elif isinstance(body.get("params"), dict):
        params = {str(k): str(v) for k, v in body["params"].items()}
    else:
        raise BadRequest("give authorize_url or params")
    with state.lock:
        try:
            location = handlers.approve(
                state, params, str(body.get("email", "")), str(body.get("login", ""))
            )
        except WpcomError as err:
            return json_response({"error": err.code, "message": err.message}, err.status)
    query = dict(parse_qsl(urlsplit(location).query))
    return json_response(
        {"redirect_to": location, "code": query.get("code"), "state": query.get("state")}
    )
