"""HTTP in and out for the simulator: request/response values, signature checks, the handlers.

Each handler is ``(state, request, match) -> SimResponse`` and stays short; the work is in
models.py. Handlers run with ``state.lock`` held, except around calls back to the site.
"""

from __future__ import annotations

import base64
import email.utils
import json
import re
import xmlrpc.client
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

import httpx

from jetpress.protocol import phpquery, signing, xmlrpc as xrpc
from jetpress.protocol.signing import SignatureError
from jetpress.protocol.tokens import TokenFormatError, TokenKey, parse_signed_token, verify_scope
from jetpress.wpcom import models, pages
from jetpress.wpcom.errors import WpcomError, authorization_required, forbidden_blog
from jetpress.wpcom.models import IssuedUserToken, Site, WpcomState

JOURNAL_HEADERS = (
    "host",
    "content-type",
    "accept",
    "authorization",
    "user-agent",
    "x-forwarded-for",
)
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


# ------------------------------------------------------------------------ values ----


@dataclass(frozen=True)
class SimRequest:
    """A request as the simulator sees it: the full URL as sent (for signatures), raw parts."""

    method: str
    url: str
    path: str
    query: str
    headers: Mapping[str, str]
    body: bytes = b""

    def header(self, name: str) -> str:
        """A header value ('' when absent); names are lower-case."""
        return self.headers.get(name.lower(), "")

    @property
    def params(self) -> dict[int | str, Any]:
        """The query string, as PHP's ``$_GET`` would see it."""
        return phpquery.parse_str(self.query)

    @property
    def text(self) -> str:
        """The body as text."""
        return self.body.decode("utf-8", "surrogateescape")

    def form(self) -> dict[int | str, Any]:
        """The body as PHP's ``$_POST`` (form bodies) or a decoded JSON object."""
        ctype = self.header("content-type").split(";")[0].strip().lower()
        if ctype == "application/json":
            try:
                data = json.loads(self.text or "{}")
            except ValueError:
                return {}
            return data if isinstance(data, dict) else {}
        return phpquery.parse_str(self.text)


@dataclass
class SimResponse:
    """A response: status, bytes, headers (the Date header is added on the way out)."""

    status: int
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


def dump_json(value: Any) -> str:
    """JSON as WordPress.com's PHP writes it: ``\\/`` and ``\\uXXXX`` escapes, no spaces."""
    return json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("/", "\\/")


def json_response(value: Any, status: int = 200) -> SimResponse:
    """A JSON answer."""
    return SimResponse(status, dump_json(value).encode(), {"content-type": "application/json"})


def html_response(text: str, status: int = 200) -> SimResponse:
    """An HTML page."""
    return SimResponse(status, text.encode(), {"content-type": "text/html; charset=UTF-8"})


def text_response(
    text: str, status: int = 200, headers: dict[str, str] | None = None
) -> SimResponse:
    """A plain-text answer (Akismet)."""
    return SimResponse(status, text.encode(), {"content-type": "text/plain", **(headers or {})})


def xml_response(text: str) -> SimResponse:
    """An XML-RPC answer (faults too are HTTP 200)."""
    return SimResponse(200, text.encode(), {"content-type": "text/xml; charset=UTF-8"})


def redirect(location: str) -> SimResponse:
    """A 302."""
    return SimResponse(302, b"", {"location": location})


def http_date(ts: float) -> str:
    """An RFC 7231 Date from the injected clock (Jetpack computes time_diff from it)."""
    return email.utils.formatdate(ts, usegmt=True)


def render_error(err: WpcomError) -> SimResponse:
    """A WpcomError in its envelope (errors.py)."""
    if err.style == "v2":
        return json_response(
            {"code": err.code, "message": err.message, "data": {"status": err.status}}, err.status
        )
    if err.style == "oauth":
        return json_response({"error": err.code, "error_description": err.message}, err.status)
    if err.style == "xmlrpc":
        return xml_response(
            xrpc.fault_response(err.status, xrpc.jetpack_fault_string(err.code, err.message))
        )
    if err.style == "html":
        return html_response(pages.error_page(err.code, err.message), err.status)
    if err.style == "text":
        return text_response(err.message, err.status)
    return json_response({"error": err.code, "message": err.message}, err.status)


def base_url(req: SimRequest) -> str:
    """``scheme://host[:port]`` of the request, for links in answers."""
    scheme, _, rest = req.url.partition("://")
    return f"{scheme}://{rest.split('/', 1)[0]}"


# --------------------------------------------------------------------- signatures ----


@dataclass(frozen=True)
class Caller:
    """Who signed a request: the site, and the user token when it was a user request."""

    site: Site
    user: IssuedUserToken | None

    @property
    def kind(self) -> str:
        """``blog`` or ``user``."""
        return "blog" if self.user is None else "user"


def authenticate(
    state: WpcomState, req: SimRequest, style: str, *, user_only: bool = False
) -> Caller:
    """Verify a Jetpack-signed request (query or Authorization header) with protocol.signing.

    Errors carry Jetpack's codes: malformed_token, unknown_token, invalid_signature,
    invalid_body_hash, signature_mismatch, invalid_nonce (Manager::verify_xml_rpc_signature).
    """
    params = signing.extract_signature_params(req.query, req.header("authorization") or None)
    if params is None:
        raise authorization_required(style)
    try:
        key = TokenKey.parse(params.token)
    except TokenFormatError as err:
        raise WpcomError(400, err.code, err.message, style=style) from err
    user: IssuedUserToken | None = None
    if key.is_blog:
        blog_id = state.blog_tokens.get(key.key)
        site = state.sites.get(blog_id) if blog_id is not None else None
        access = str(site.blog_token) if site and site.blog_token else ""
    else:
        user = state.user_tokens.get(key.key)
        site = state.sites.get(user.blog_id) if user and user.user_id == key.user_id else None
        access = user.token.access_token if user else ""
    if site is None or not access:
        raise WpcomError(403, "unknown_token", f"Token {params.token} does not exist", style=style)
    if user_only and user is None:
        raise WpcomError(403, "invalid_token", "This call needs a user token.", style=style)
    _verify_signature(state, req, access, params, style)
    if not models.remember_nonce(state, params.token, params.timestamp, params.nonce):
        raise WpcomError(403, "invalid_nonce", "Could not add nonce", style=style)
    return Caller(site, user)


def _verify_signature(
    state: WpcomState, req: SimRequest, access: str, params: signing.SignatureParams, style: str
) -> None:
    bodies: list[str | None] = [req.text or None]
    if req.header("content-type").split(";")[0].strip().lower() in FORM_TYPES and req.body:
        bodies.append(signing.form_body_for_hash(req.text))  # IS_WPCOM: json_encode($_POST)
    error: SignatureError | None = None
    for body in bodies:
        try:
            signing.verify_request(
                access, params, method=req.method, url=req.url, body=body, now=state.now()
            )
            return
        except SignatureError as err:
            error = error or err
    assert error is not None
    raise WpcomError(403, error.code, error.message, style=style)


def signed_for_site(state: WpcomState, req: SimRequest, blog_id: str, style: str) -> Site:
    """The site of ``blog_id`` after checking the request is signed by that site's tokens."""
    site = models.get_site(state, blog_id, style=style)
    if not state.config.require_signatures and not signing.extract_signature_params(
        req.query, req.header("authorization") or None
    ):
        return site
    caller = authenticate(state, req, style)
    if caller.site.blog_id != site.blog_id:
        raise forbidden_blog(style)
    return site


# ------------------------------------------------------------------- site callbacks ----


def call_site(
    state: WpcomState,
    method: str,
    url: str,
    *,
    data: Any = None,
    headers: dict[str, str] | None = None,
) -> httpx.Response | None:
    """Call the site back (lock released); journal it; None when the site cannot be reached."""
    transport = state.config.callback_transport
    request_headers = {"user-agent": "jetpress-wpcom-simulator", **(headers or {})}
    content = data if isinstance(data, str | bytes) else None
    form = data if isinstance(data, dict) else None
    response: httpx.Response | None = None
    error: str | None = None
    with state.unlocked():
        try:
            with httpx.Client(transport=transport, timeout=state.config.callback_timeout) as client:
                response = client.request(
                    method, url, data=form, content=content, headers=request_headers
                )
        except httpx.HTTPError as err:
            error = f"{type(err).__name__}: {err}"
    body = content if content is not None else urlencode(form or {})
    journal_out(state, method, url, request_headers, body, response, error)
    return response


def journal_out(
    state: WpcomState,
    method: str,
    url: str,
    headers: dict[str, str],
    body: str | bytes,
    response: httpx.Response | None,
    error: str | None,
) -> None:
    """Record a call the simulator made."""
    path, _, query = url.partition("://")[2].partition("/")[2].partition("?")
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    state.journal.append(
        models.JournalEntry(
            seq=state.next_seq,
            time=state.now(),
            direction="out",
            method=method,
            url=url,
            path="/" + path,
            query=query,
            headers={k: v for k, v in headers.items() if k.lower() in JOURNAL_HEADERS},
            body=text[:65536],
            status=response.status_code if response is not None else None,
            error=error,
        )
    )
    state.next_seq += 1


def rest_root(state: WpcomState, site: Site) -> str:
    """The site's REST root: ``home`` + ``config.site_rest_path`` (``/wp-json/``)."""
    return (site.home or site.siteurl).rstrip("/") + state.config.site_rest_path


def verify_registration(state: WpcomState, form: Mapping[Any, Any], home: str) -> bool | None:
    """Ask the site to prove it made the secrets: POST verify_registration {secret_1, state}.

    Jetpack answers ``secret_2`` as a JSON string (REST_Connector::verify_registration). Returns
    True/False, or None when the site could not be reached (``auto`` mode then goes on).
    """
    url = home.rstrip("/") + state.config.site_rest_path + "jetpack/v4/verify_registration"
    data = {"secret_1": str(form.get("secret_1", "")), "state": str(form.get("state", ""))}
    response = call_site(state, "POST", url, data=data)
    if response is None:
        return None
    try:
        answer = response.json()
    except ValueError:
        return False
    return response.status_code == 200 and answer == str(form.get("secret_2"))


# ---------------------------------------------------------------------- handlers ----

Match = re.Match[str]


def index(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /: a page for people who open the simulator in a browser."""
    return html_response(pages.index_page(state.seed, len(state.sites), len(state.users)))


def register(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """POST /jetpack.register/1/: verify the secrets with the site, then issue id + blog token."""
    form = req.form()
    for name in ("siteurl", "secret_1", "secret_2", "state"):
        if not form.get(name):
            raise WpcomError(
                400, "invalid_request", f"The {name} parameter is required.", style="oauth"
            )
    if not str(form["state"]).isascii() or not str(form["state"]).isdigit():
        raise WpcomError(
            400, "invalid_request", "The state parameter must be a user ID.", style="oauth"
        )
    verified: bool | None = None
    if state.config.verify_registration != "off":
        verified = verify_registration(state, form, str(form.get("home") or form["siteurl"]))
        if verified is False:
            raise WpcomError(
                400,
                "verify_secrets_mismatch",
                "The site could not verify the secrets.",
                style="oauth",
            )
        if verified is None and state.config.verify_registration == "required":
            raise WpcomError(
                400, "site_inaccessible", "WordPress.com could not reach the site.", style="oauth"
            )
    site = models.register_site(state, form)
    site.verified = verified
    return json_response(
        {
            "jetpack_id": site.blog_id,
            "jetpack_secret": str(site.blog_token),
            "jetpack_public": site.public,
            "allow_inplace_authorization": False,
            "alternate_authorization_url": "",
        }
    )


def _authorize_params(req: SimRequest) -> dict[str, str]:
    data = req.params if req.method == "GET" else req.form()
    return {str(k): v for k, v in data.items() if isinstance(v, str)}


def check_authorize(state: WpcomState, params: Mapping[str, str]) -> tuple[Site, int, str]:
    """Validate an authorize request: the site, the local user (``state``) and the signed role."""
    if params.get("response_type") != "code":
        raise WpcomError(
            400, "unsupported_response_type", "response_type must be code.", style="html"
        )
    try:
        site = state.sites.get(int(params.get("client_id", "")))
    except ValueError:
        site = None
    if site is None or site.blog_token is None:
        raise WpcomError(
            400, "invalid_client", "This site is not registered with WordPress.com.", style="html"
        )
    if not params.get("redirect_uri"):
        raise WpcomError(
            400, "invalid_request", "The redirect_uri parameter is required.", style="html"
        )
    user = params.get("state", "")
    if not user.isascii() or not user.isdigit() or int(user) <= 0:
        raise WpcomError(
            400, "invalid_request", "The state parameter must be a user ID.", style="html"
        )
    role = verify_scope(params.get("scope", ""), int(user), str(site.blog_token))
    if role is None:
        raise WpcomError(
            400, "invalid_scope", "The scope is not signed by this site.", style="html"
        )
    return site, int(user), role


def approve(state: WpcomState, params: Mapping[str, str], email: str = "", login: str = "") -> str:
    """Approve an authorize request: a code for the WordPress.com account of ``email``.

    Returns where the browser goes next: ``redirect_uri`` plus ``code`` and ``state``. With
    ``config.calypso_remote_authorize`` and ``auth_type=calypso``, the site's
    ``jetpack/v4/remote_authorize`` is called first, signed with the blog token.
    """
    site, user_id, _role = check_authorize(state, params)
    account = models.find_or_create_user(
        state, email or params.get("user_email", ""), login or params.get("user_login", "")
    )
    code = models.issue_code(
        state,
        site,
        user_id=user_id,
        wpcom_user=account,
        scope=params["scope"],
        redirect_uri=params["redirect_uri"],
        secret=params.get("secret", ""),
    )
    if state.config.calypso_remote_authorize and params.get("auth_type") == "calypso":
        remote_authorize(state, site, code)
    return add_to_url(params["redirect_uri"], {"code": code.code, "state": str(user_id)})


def remote_authorize(state: WpcomState, site: Site, code: models.AuthCode) -> None:
    """POST the site's jetpack/v4/remote_authorize {state, secret, redirect_uri, code}, signed."""
    assert site.blog_token is not None
    body = json.dumps(
        {
            "state": code.user_id,
            "secret": code.secret,
            "redirect_uri": code.redirect_uri,
            "code": code.code,
        }
    )
    url = rest_root(state, site) + "jetpack/v4/remote_authorize?_for=jetpack"
    signed = signing.build_signed_request(
        str(site.blog_token),
        user_id=0,
        method="POST",
        url=url,
        body=body,
        now=state.now(),
        nonce=state.password(10),
    )
    response = call_site(
        state,
        "POST",
        signed.url,
        data=body,
        headers={"content-type": "application/json", **signed.headers},
    )
    if response is None or response.status_code != 200:
        raise WpcomError(
            502, "remote_authorize_failed", "The site refused the authorization.", style="html"
        )


def add_to_url(url: str, args: Mapping[str, str]) -> str:
    """Append query arguments before any fragment."""
    base, sep, fragment = url.partition("#")
    joiner = "&" if "?" in base else "?"
    return base + joiner + urlencode(dict(args)) + (sep + fragment)


def authorize_page(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /jetpack.authorize/1/ (or authorize_iframe): the approval page; ``auto_approve=1``."""
    params = _authorize_params(req)
    site, _user_id, role = check_authorize(state, params)
    if params.get("auto_approve") == "1":
        return redirect(approve(state, params))
    return html_response(pages.authorize_page(req.path, params, site.name, site.home, role))


def authorize_submit(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """POST from the approval page: Approve redirects with code+state, Deny with error."""
    params = _authorize_params(req)
    if params.get("action") == "deny":
        check_authorize(state, params)
        return redirect(
            add_to_url(params["redirect_uri"], {"error": "access_denied", "state": params["state"]})
        )
    return redirect(
        approve(state, params, params.get("wpcom_email", ""), params.get("wpcom_login", ""))
    )


def token(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """POST /jetpack.token/1/: code for ``{access_token, token_type: X_JETPACK, scope}``."""
    issued = models.exchange_code(state, req.form())
    return json_response(
        {
            "access_token": issued.token.access_token,
            "token_type": "X_JETPACK",
            "scope": issued.scope,
        }
    )


def site_info(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /rest/v1.1/sites/<id>: the site object with ``plan`` and ``products``."""
    site = signed_for_site(state, req, m["blog"], "rest")
    return json_response(models.site_object(state, site, base_url(req)))


def site_features(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /rest/v1.1/sites/<id>/features."""
    site = signed_for_site(state, req, m["blog"], "rest")
    return json_response(models.plan_features(site.plan))


def site_purchases(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /rest/v1.1/sites/<id>/purchases."""
    site = signed_for_site(state, req, m["blog"], "rest")
    return json_response(models.purchases(state, site))


def stats(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /rest/v1.1/sites/<id>/stats/ : the summary (stats_get_from_restapi())."""
    site = signed_for_site(state, req, m["blog"], "rest")
    return json_response(models.stats_summary(state, site))


def stats_visits(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /rest/v1.1/sites/<id>/stats/visits?unit=&quantity=."""
    site = signed_for_site(state, req, m["blog"], "rest")
    params = req.params
    quantity = str(params.get("quantity", "30"))
    count = int(quantity) if quantity.isascii() and quantity.isdigit() else 30
    return json_response(models.visits(state, site, str(params.get("unit", "day")), count))


def plans(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /wpcom/v2/plans and /rest/v1.5/plans: the plan catalogue (any valid token, or none)."""
    return json_response(
        [
            {
                "product_id": info["product_id"],
                "product_name": info["name"],
                "product_name_short": info["short"],
                "product_slug": slug,
                "product_type": "jetpack",
                "bill_period": -1 if info["cost"] == 0 else 365,
                "cost": info["cost"],
                "raw_price": info["cost"],
                "currency_code": "USD",
                "formatted_price": f"${info['cost']:g}",
                "available": "yes",
            }
            for slug, info in models.PLANS.items()
        ]
    )


def products(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /wpcom/v2/products?type=jetpack: products keyed by slug."""
    return json_response(
        {
            slug: {
                "product_id": info["product_id"],
                "product_name": info["name"],
                "product_slug": slug,
                "product_type": "jetpack",
                "available": True,
                "is_domain_registration": False,
                "cost": info["cost"],
                "cost_display": f"${info['cost']:g}",
                "currency_code": "USD",
            }
            for slug, info in models.PRODUCTS.items()
        }
    )


def token_health(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """POST /wpcom/v2/sites/<id>/jetpack-token-health {user_token, blog_token}."""
    site = models.get_site(state, m["blog"], style="v2")
    form = req.form()
    blog = parse_signed_token(str(form.get("blog_token", "")))
    blog_ok = bool(site.blog_token) and signing.verify_signed_token(str(site.blog_token), blog)
    user_fields = parse_signed_token(str(form.get("user_token", "")))
    key = user_fields.get("token", "").split(":")[0]
    issued = state.user_tokens.get(key)
    user_ok = bool(
        issued
        and issued.blog_id == site.blog_id
        and signing.verify_signed_token(issued.token.access_token, user_fields)
    )
    user_part: dict[str, Any] = {
        "is_healthy": True,
        "is_master_user": bool(issued and site.owner_user_id == issued.user_id),
    }
    return json_response(
        {
            "blog_token": {"is_healthy": True}
            if blog_ok
            else {"is_healthy": False, "code": "unknown_token"},
            "user_token": user_part if user_ok else {"is_healthy": False, "code": "unknown_token"},
        }
    )


def token_health_blog(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """GET /wpcom/v2/sites/<id>/jetpack-token-health/blog, blog-signed (validate_blog_token)."""
    signed_for_site(state, req, m["blog"], "v2")
    return json_response({"is_healthy": True})


XMLRPC_USER_METHODS = ("wpcom.getUser", "jetpack.isSiteVerified", "jetpack.verifySite")


def xmlrpc_endpoint(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """POST /xmlrpc.php: the Jetpack_IXR_Client methods the site endpoints call, and VaultPress."""
    try:
        method, args = xrpc.parse_method_call(req.body)
    except ValueError:
        return xml_response(xrpc.fault_response(-32700, "parse error. not well formed"))
    if method.startswith("vaultpress."):
        return xml_response(xrpc.method_response(vaultpress(state, method, args)))
    caller = authenticate(state, req, "xmlrpc", user_only=method in XMLRPC_USER_METHODS)
    blog_param = str(req.params.get("wpcom_blog_id", caller.site.blog_id))
    if blog_param != str(caller.site.blog_id):
        raise forbidden_blog("xmlrpc")
    return xml_response(xrpc.method_response(xmlrpc_call(state, caller, method, args)))


def xmlrpc_call(state: WpcomState, caller: Caller, method: str, args: tuple[Any, ...]) -> Any:
    """One Jetpack XML-RPC method (signed by the site, see xmlrpc_endpoint)."""
    site = caller.site
    if method == "jetpack.deregister":
        models.drop_tokens(state, site)
        return True
    if method == "jetpack.unlink_user":
        target = str(args[0]) if args else str(caller.user.user_id if caller.user else 0)
        if not target.isascii() or not target.isdigit():
            raise WpcomError(
                400, "invalid_user", "jetpack.unlink_user needs a user ID.", style="xmlrpc"
            )
        return models.unlink_user(state, site, int(target))
    if method == "wpcom.getUser":
        assert caller.user is not None
        account = state.users[caller.user.wpcom_user_id]
        return account.as_wpcom_user()
    if method == "jetpack.monitor.getLastDowntime":
        return models.last_downtime(site)
    if method in ("jetpack.monitor.activate", "jetpack.monitor.deactivate"):
        site.monitor_active = method.endswith(".activate")
        return True
    if method == "jetpack.monitor.isActive":
        return site.monitor_active
    if method == "jetpack.isSiteVerified":
        return {
            "verified": site.google_verified,
            "token": None if site.google_verified else f"gsv-{site.blog_id}",
        }
    if method == "jetpack.verifySite":
        site.google_verified = True
        return {"verified": True}
    raise WpcomError(
        -32601,
        "unknown_method",
        f"server error. requested method {method} does not exist.",
        style="xmlrpc",
    )


def vaultpress(state: WpcomState, method: str, args: tuple[Any, ...]) -> Any:
    """``vaultpress.plugin_data``: base64 of the JSON for the site whose VaultPress key is sent."""
    raw = args[0].data if args and isinstance(args[0], xmlrpc.client.Binary) else b""
    found = re.search(rb's:3:"key";s:\d+:"([^"]*)"', raw)  # serialize($args)['key']
    key = found.group(1).decode() if found else ""
    site = next((s for s in state.sites.values() if key and s.vaultpress_key == key), None)
    if site is None:
        raise WpcomError(-8, "invalid_key", "Invalid VaultPress key.", style="xmlrpc")
    if method != "vaultpress.plugin_data":
        return True
    return base64.b64encode(dump_json(models.vaultpress_plugin_data(site)).encode()).decode()


def akismet_verify_key(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """POST /akismet/1.1/verify-key {key, blog}: ``valid`` or ``invalid``."""
    key = str(req.form().get("key", ""))
    if key in state.akismet_keys:
        return text_response("valid")
    help_header = {"x-akismet-debug-help": "We were unable to verify your API key."}
    return text_response("invalid", headers=help_header)


def akismet_get_stats(state: WpcomState, req: SimRequest, m: Match) -> SimResponse:
    """POST /akismet/1.1/get-stats {key, blog, from}: Akismet_Admin::get_stats's JSON."""
    form = req.form()
    key = str(form.get("key", ""))
    if key not in state.akismet_keys:
        raise WpcomError(403, "invalid_key", "invalid", style="text")
    return json_response(models.akismet_stats(state, key, str(form.get("blog", ""))))
