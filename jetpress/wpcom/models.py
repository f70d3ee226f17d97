"""The simulator's state: WordPress.com accounts, registered Jetpack sites, tokens, codes, data.

Everything random comes from seeded ``random.Random`` objects and every time from the injected
Clock, so one seed and one sequence of requests give the same answers (moto's models.py role).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import random
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from jetpress.clock import Clock, SystemClock
from jetpress.protocol.tokens import BlogToken, Secrets, make_token
from jetpress.wpcom.errors import WpcomError

# ------------------------------------------------------------------------------- catalog ----

# Jetpack plans of the 10.7 era (WordPress.com product ids as Jetpack_Plan knows them)
PLANS: dict[str, dict[str, Any]] = {
    "jetpack_free": {"product_id": 2002, "name": "Jetpack Free", "short": "Free", "cost": 0},
    "jetpack_personal": {
        "product_id": 2005,
        "name": "Jetpack Personal",
        "short": "Personal",
        "cost": 39,
    },
    "jetpack_premium": {
        "product_id": 2000,
        "name": "Jetpack Premium",
        "short": "Premium",
        "cost": 99,
    },
    "jetpack_business": {
        "product_id": 2001,
        "name": "Jetpack Professional",
        "short": "Professional",
        "cost": 299,
    },
    "jetpack_security_daily": {
        "product_id": 2010,
        "name": "Jetpack Security Daily",
        "short": "Security Daily",
        "cost": 239.4,
    },
    "jetpack_complete": {
        "product_id": 2014,
        "name": "Jetpack Complete",
        "short": "Complete",
        "cost": 599.4,
    },
}
PLAN_ORDER = list(PLANS)

# feature slug -> the lowest plan that has it (features of higher plans include lower ones)
FEATURES: dict[str, str] = {
    "akismet": "jetpack_personal",
    "antispam": "jetpack_personal",
    "backup-daily": "jetpack_personal",
    "vaultpress-backups": "jetpack_personal",
    "vaultpress-backup-archive": "jetpack_personal",
    "vaultpress-storage-space": "jetpack_personal",
    "vaultpress-automated-restores": "jetpack_personal",
    "support": "jetpack_personal",
    "simple-payments": "jetpack_premium",
    "wordads-jetpack": "jetpack_premium",
    "google-analytics": "jetpack_premium",
    "seo-tools": "jetpack_premium",
    "video-hosting": "jetpack_premium",
    "scan": "jetpack_security_daily",
    "search": "jetpack_complete",
    "backup-realtime": "jetpack_business",
    "real-time-backups": "jetpack_business",
}
FREE_FEATURES = ["free-blog", "core/audio", "core/cover", "core/video"]

PRODUCTS: dict[str, dict[str, Any]] = {
    "jetpack_backup_daily": {"product_id": 2100, "name": "Jetpack Backup (Daily)", "cost": 95.4},
    "jetpack_backup_realtime": {
        "product_id": 2102,
        "name": "Jetpack Backup (Real-time)",
        "cost": 479.4,
    },
    "jetpack_scan": {"product_id": 2106, "name": "Jetpack Scan Daily", "cost": 119.4},
    "jetpack_search": {"product_id": 2104, "name": "Jetpack Search", "cost": 59.4},
    "jetpack_anti_spam": {"product_id": 2110, "name": "Jetpack Anti-spam", "cost": 59.4},
    "jetpack_videopress": {"product_id": 2116, "name": "Jetpack VideoPress", "cost": 119.4},
}

REGISTER_FIELDS = ("siteurl", "home", "secret_1", "secret_2", "state")


# ------------------------------------------------------------------------------- records ----


@dataclass
class WpcomUser:
    """A WordPress.com account."""

    id: int
    login: str
    email: str
    display_name: str
    created: float

    def as_wpcom_user(self) -> dict[str, Any]:
        """What XML-RPC ``wpcom.getUser`` answers (Manager::get_connected_user_data reads it)."""
        return {
            "ID": self.id,
            "login": self.login,
            "email": self.email,
            "display_name": self.display_name,
            "text_direction": "ltr",
            "site_count": 1,
            "jetpack_connect": "",
            "color_scheme": "default",
            "sidebar_collapsed": False,
            "user_locale": "en",
        }


@dataclass
class Site:
    """A Jetpack site registered through ``jetpack.register``."""

    blog_id: int
    siteurl: str
    home: str
    name: str
    registered_at: float
    gmt_offset: str = "0"
    timezone_string: str = ""
    site_lang: str = "en_US"
    jetpack_version: str = ""
    register_state: int = 0
    blog_token: BlogToken | None = None
    secrets: Secrets | None = None
    public: int = 1
    verified: bool | None = None
    plan: str = "jetpack_free"
    products: list[str] = field(default_factory=list)
    owner_user_id: int | None = None  # the site's local id of the connection owner
    akismet_key: str = ""
    vaultpress_key: str = ""
    last_backup: float | None = None
    backup_revisions: int = 0
    last_downtime: float | None = None
    monitor_active: bool = False
    google_verified: bool = False

    @property
    def connected(self) -> bool:
        """Registered and not deregistered (a blog token is live)."""
        return self.blog_token is not None


@dataclass
class AuthCode:
    """An authorization code handed to the browser by the authorize page."""

    code: str
    blog_id: int
    user_id: int  # the site's local user (the authorize URL's ``state``)
    wpcom_user_id: int
    scope: str
    redirect_uri: str
    secret: str
    expires: float
    used: bool = False


@dataclass
class IssuedUserToken:
    """A user token WordPress.com issued at ``jetpack.token`` (the site stores it + ``.uid``)."""

    token: BlogToken
    blog_id: int
    user_id: int
    wpcom_user_id: int
    scope: str
    created: float


@dataclass
class Config:
    """Knobs for tests and people; set through ``POST /_wpcom/seed`` ``{"config": {...}}``."""

    verify_registration: str = "auto"  # "auto" (skip if unreachable) | "required" | "off"
    site_rest_path: str = "/wp-json/"
    callback_timeout: float = 5.0
    fault_timeout_seconds: float = 30.0
    code_ttl: int = 600
    strict_redirect_uri: bool = True
    require_signatures: bool = True
    calypso_remote_authorize: bool = False
    callback_transport: httpx.BaseTransport | None = None

    def update(self, data: dict[str, Any]) -> None:
        """Apply JSON settings; unknown keys and wrong types raise ValueError."""
        for key, value in data.items():
            if key == "callback_transport" or key not in self.__dataclass_fields__:
                raise ValueError(f"unknown config key: {key}")
            current = getattr(self, key)
            if isinstance(current, bool) and not isinstance(value, bool):
                raise ValueError(f"config {key} must be a boolean")
            if isinstance(current, int | float) and not isinstance(current, bool):
                if isinstance(value, bool) or not isinstance(value, int | float):
                    raise ValueError(f"config {key} must be a number")
                value = type(current)(value)
            if isinstance(current, str) and not isinstance(value, str):
                raise ValueError(f"config {key} must be a string")
            if key == "verify_registration" and value not in ("auto", "required", "off"):
                raise ValueError("verify_registration must be auto, required or off")
            setattr(self, key, value)

    def public(self) -> dict[str, Any]:
        """The JSON-visible settings."""
        return {k: getattr(self, k) for k in self.__dataclass_fields__ if k != "callback_transport"}


@dataclass
class JournalEntry:
    """One request the simulator received (``direction`` "in") or made (``"out"``)."""

    seq: int
    time: float
    direction: str
    method: str
    url: str
    path: str
    query: str
    headers: dict[str, str]
    body: str
    status: int | None
    fault: int | None = None
    error: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The journal's JSON shape."""
        return dict(self.__dict__)


# --------------------------------------------------------------------------------- state ----


class WpcomState:
    """All simulator state. Handlers take it as their first argument; nothing is global."""

    def __init__(self, seed: int = 0, clock: Clock | None = None, config: Config | None = None):
        self.clock: Clock = clock or SystemClock()
        self.config = config or Config()
        self.lock = threading.Lock()
        self.reset(seed)

    def reset(self, seed: int | None = None) -> None:
        """Forget all data, faults and the journal (keep clock and config); re-seed if given."""
        if seed is not None:
            self.seed = seed
        self.rng = random.Random(self.seed)
        self.users: dict[int, WpcomUser] = {}
        self.sites: dict[int, Site] = {}
        self.blog_tokens: dict[str, int] = {}
        self.user_tokens: dict[str, IssuedUserToken] = {}
        self.codes: dict[str, AuthCode] = {}
        self.nonces: dict[tuple[str, str, str], float] = {}
        self.akismet_keys: dict[str, int] = {}
        self.faults: list[Any] = []
        self.journal: list[JournalEntry] = []
        self.next_seq = 1
        self.next_fault_id = 1

    def now(self) -> float:
        """The injected clock."""
        return self.clock.now()

    @contextlib.contextmanager
    def unlocked(self) -> Iterator[None]:
        """Release the handling lock around a call back to the site (it may call us again)."""
        self.lock.release()
        try:
            yield
        finally:
            self.lock.acquire()

    def data_rng(self, *parts: object) -> random.Random:
        """A generator for one piece of fake data: same seed and parts, same numbers, any order."""
        return random.Random(":".join(str(p) for p in (self.seed, *parts)))

    def password(self, length: int) -> str:
        """wp_generate_password-style letters and digits from the state's generator."""
        chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        return "".join(self.rng.choice(chars) for _ in range(length))

    def new_id(self, taken: dict[int, Any], low: int, high: int) -> int:
        """A fresh random id not in ``taken``."""
        while True:
            candidate = self.rng.randint(low, high)
            if candidate not in taken:
                return candidate


# ----------------------------------------------------------------------------- accounts ----


def add_user(state: WpcomState, login: str, email: str, display_name: str = "") -> WpcomUser:
    """Create a WordPress.com account with a random id."""
    user = WpcomUser(
        id=state.new_id(state.users, 10_000_000, 99_999_999),
        login=login,
        email=email,
        display_name=display_name or login,
        created=state.now(),
    )
    state.users[user.id] = user
    return user


def find_or_create_user(state: WpcomState, email: str, login: str) -> WpcomUser:
    """The account with this email, or a new one (the simulator signs anyone up)."""
    for user in state.users.values():
        if user.email.lower() == email.lower():
            return user
    base = login or email.partition("@")[0] or "wpcomuser"
    taken = {u.login for u in state.users.values()}
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}{n}"
    return add_user(state, name, email or f"{name}@example.com", login or name)


# ---------------------------------------------------------------------------- registration ----


def register_site(state: WpcomState, form: Mapping[Any, Any]) -> Site:
    """Create or re-register the site of a ``jetpack.register`` body and issue a blog token.

    A known ``siteurl`` keeps its blog id (WordPress.com ties the id to the URL); the old blog
    token and its user tokens stop working.
    """
    siteurl = str(form.get("siteurl", ""))
    site = next((s for s in state.sites.values() if s.siteurl == siteurl), None)
    now = state.now()
    if site is None:
        blog_id = state.new_id(state.sites, 100_000_000, 199_999_999)
        site = Site(blog_id=blog_id, siteurl=siteurl, home="", name="", registered_at=now)
        seed_site_data(state, site)
        state.sites[blog_id] = site
    else:
        drop_tokens(state, site)
    site.home = str(form.get("home") or siteurl)
    site.name = str(form.get("site_name", ""))
    site.gmt_offset = str(form.get("gmt_offset", "0"))
    site.timezone_string = str(form.get("timezone_string", ""))
    site.site_lang = str(form.get("site_lang", "en_US"))
    site.jetpack_version = str(form.get("jetpack_version", ""))
    site.register_state = int(str(form.get("state", "0")) or 0)
    site.secrets = Secrets(str(form["secret_1"]), str(form["secret_2"]), int(now) + 600)
    token = make_token(state.rng)
    site.blog_token = token
    state.blog_tokens[token.key] = site.blog_id
    return site


def seed_site_data(state: WpcomState, site: Site) -> None:
    """Per-site fake data: Akismet and VaultPress keys, last backup, last downtime."""
    rng = state.data_rng("site", site.blog_id)
    site.akismet_key = "".join(rng.choice("0123456789abcdef") for _ in range(12))
    site.vaultpress_key = "".join(rng.choice("0123456789abcdef") for _ in range(32))
    now = state.now()
    site.last_backup = float(int(now) - rng.randint(3600, 3 * 86400))
    site.backup_revisions = rng.randint(5, 400)
    site.last_downtime = float(int(now) - rng.randint(2 * 86400, 90 * 86400))
    state.akismet_keys.setdefault(site.akismet_key, rng.randint(0, 5000))


def drop_tokens(state: WpcomState, site: Site) -> None:
    """jetpack.deregister: the blog token, its user tokens and pending codes are gone."""
    if site.blog_token is not None:
        state.blog_tokens.pop(site.blog_token.key, None)
    site.blog_token = None
    site.owner_user_id = None
    for key in [k for k, t in state.user_tokens.items() if t.blog_id == site.blog_id]:
        del state.user_tokens[key]
    for code in [c for c, a in state.codes.items() if a.blog_id == site.blog_id]:
        del state.codes[code]


def get_site(state: WpcomState, blog_id: int | str, *, style: str = "rest") -> Site:
    """A registered site by id, or WordPress.com's unknown-blog error."""
    try:
        site = state.sites.get(int(blog_id))
    except (TypeError, ValueError):
        site = None
    if site is None:
        raise WpcomError(404, "unknown_blog", "Unknown blog", style=style)
    return site


# ------------------------------------------------------------------------ authorization ----


def issue_code(
    state: WpcomState,
    site: Site,
    *,
    user_id: int,
    wpcom_user: WpcomUser,
    scope: str,
    redirect_uri: str,
    secret: str,
) -> AuthCode:
    """An authorization code for one local user of a site, valid ``config.code_ttl`` seconds."""
    code = AuthCode(
        code=state.password(24),
        blog_id=site.blog_id,
        user_id=user_id,
        wpcom_user_id=wpcom_user.id,
        scope=scope,
        redirect_uri=redirect_uri,
        secret=secret,
        expires=state.now() + state.config.code_ttl,
    )
    state.codes[code.code] = code
    return code


def exchange_code(state: WpcomState, form: Mapping[Any, Any]) -> IssuedUserToken:
    """``jetpack.token``: check client, secret, grant and code; issue a user token.

    Errors are OAuth-shaped: invalid_client, unsupported_grant_type, invalid_request,
    invalid_grant.
    """
    oauth = "oauth"
    try:
        site = state.sites.get(int(str(form.get("client_id", ""))))
    except ValueError:
        site = None
    if site is None or site.blog_token is None:
        raise WpcomError(400, "invalid_client", "Unknown client_id.", style=oauth)
    if str(form.get("client_secret", "")) != str(site.blog_token):
        raise WpcomError(400, "invalid_client", "Incorrect client_secret.", style=oauth)
    if form.get("grant_type") != "authorization_code":
        raise WpcomError(400, "unsupported_grant_type", "Unsupported grant_type.", style=oauth)
    code = state.codes.get(str(form.get("code", "")))
    if not form.get("code"):
        raise WpcomError(400, "invalid_request", "The code parameter is required.", style=oauth)
    if code is None or code.blog_id != site.blog_id or code.used:
        raise WpcomError(400, "invalid_grant", "Invalid authorization code.", style=oauth)
    if code.expires < state.now():
        raise WpcomError(400, "invalid_grant", "The authorization code has expired.", style=oauth)
    if state.config.strict_redirect_uri and str(form.get("redirect_uri", "")) != code.redirect_uri:
        raise WpcomError(400, "invalid_grant", "redirect_uri does not match.", style=oauth)
    code.used = True
    for key in [
        k
        for k, t in state.user_tokens.items()
        if (t.blog_id, t.user_id) == (site.blog_id, code.user_id)
    ]:
        del state.user_tokens[key]  # a user re-linking replaces the old token
    issued = IssuedUserToken(
        token=make_token(state.rng),
        blog_id=site.blog_id,
        user_id=code.user_id,
        wpcom_user_id=code.wpcom_user_id,
        scope=code.scope,
        created=state.now(),
    )
    state.user_tokens[issued.token.key] = issued
    if site.owner_user_id is None:
        site.owner_user_id = code.user_id  # Manager::authorize: first linked user owns it
    return issued


def unlink_user(state: WpcomState, site: Site, user_id: int) -> bool:
    """XML-RPC ``jetpack.unlink_user``: forget a local user's token."""
    keys = [
        k for k, t in state.user_tokens.items() if (t.blog_id, t.user_id) == (site.blog_id, user_id)
    ]
    for key in keys:
        del state.user_tokens[key]
    if site.owner_user_id == user_id:
        site.owner_user_id = None
    return bool(keys)


def remember_nonce(state: WpcomState, token: str, timestamp: str, nonce: str) -> bool:
    """Nonce_Handler::add(): False when (token, timestamp, nonce) was seen in the last hour."""
    now = state.now()
    for key in [k for k, seen in state.nonces.items() if seen < now - 3600]:
        del state.nonces[key]
    key = (token, timestamp, nonce)
    if key in state.nonces:
        return False
    state.nonces[key] = now
    return True


# ----------------------------------------------------------------------------- fake data ----


def _iso(ts: float) -> str:
    return dt.datetime.fromtimestamp(ts, dt.UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def plan_features(plan: str) -> dict[str, Any]:
    """``{active: [...], available: {feature: [plans]}}`` as ``/sites/%d/features`` answers."""
    rank = PLAN_ORDER.index(plan) if plan in PLANS else 0
    active = list(FREE_FEATURES)
    available: dict[str, list[str]] = {}
    for feature, lowest in FEATURES.items():
        plans = PLAN_ORDER[PLAN_ORDER.index(lowest) :]
        available[feature] = plans
        if rank >= PLAN_ORDER.index(lowest):
            active.append(feature)
    return {"active": active, "available": available}


def plan_object(site: Site) -> dict[str, Any]:
    """The ``plan`` member of the site object (Jetpack_Plan stores it as jetpack_active_plan)."""
    info = PLANS.get(site.plan, PLANS["jetpack_free"])
    return {
        "product_id": info["product_id"],
        "product_slug": site.plan if site.plan in PLANS else "jetpack_free",
        "product_name": info["name"],
        "product_name_short": info["short"],
        "expired": False,
        "billing_period": "" if info["cost"] == 0 else "Yearly",
        "user_is_owner": False,
        "is_free": info["cost"] == 0,
        "features": plan_features(site.plan),
    }


def site_object(state: WpcomState, site: Site, base: str) -> dict[str, Any]:
    """``GET /rest/v1.1/sites/<id>``: the WordPress.com site object Jetpack's ``/site`` relays."""
    rng = state.data_rng("site-object", site.blog_id)
    api = f"{base}/rest/v1.1/sites/{site.blog_id}"
    return {
        "ID": site.blog_id,
        "name": site.name,
        "description": "",
        "URL": site.home,
        "user_can_manage": False,
        "capabilities": {},
        "jetpack": True,
        "jetpack_connection": True,
        "is_multisite": False,
        "post_count": rng.randint(0, 300),
        "subscribers_count": rng.randint(0, 120),
        "lang": site.site_lang.split("_")[0] or "en",
        "locale": site.site_lang.split("_")[0] or "en",
        "icon": {"img": "", "ico": ""},
        "logo": {"id": 0, "sizes": [], "url": ""},
        "visible": True,
        "is_private": False,
        "is_coming_soon": False,
        "single_user_site": True,
        "is_vip": False,
        "is_following": False,
        "organization_id": 0,
        "options": {
            "timezone": site.timezone_string,
            "gmt_offset": float(site.gmt_offset or 0),
            "blog_public": site.public,
            "login_url": site.siteurl.rstrip("/") + "/wp-login.php",
            "admin_url": site.siteurl.rstrip("/") + "/wp-admin/",
            "unmapped_url": site.home,
            "main_network_site": site.home,
            "jetpack_version": site.jetpack_version,
            "created_at": _iso(site.registered_at),
            "is_multi_site": False,
            "is_multi_network": False,
            "file_mod_disabled": False,
            "software_version": "6.1.9",
        },
        "plan": plan_object(site),
        "products": [product_entry(slug) for slug in site.products],
        "meta": {
            "links": {
                "self": api,
                "help": f"{api}/help",
                "posts": f"{api}/posts/",
                "comments": f"{api}/comments/",
                "xmlrpc": site.siteurl.rstrip("/") + "/xmlrpc.php",
            }
        },
        "quota": None,
        "launch_status": False,
        "site_migration": None,
        "is_fse_active": False,
        "is_fse_eligible": False,
        "is_core_site_editor_enabled": False,
        "is_wpcom_atomic": False,
        "is_wpcom_staging_site": False,
    }


def product_entry(slug: str) -> dict[str, Any]:
    """One ``products`` entry of the site object."""
    info = PRODUCTS.get(slug, {"product_id": 0, "name": slug, "cost": 0})
    return {
        "product_id": info["product_id"],
        "product_slug": slug,
        "product_name": info["name"],
        "product_name_short": info["name"].removeprefix("Jetpack "),
        "expired": False,
        "user_is_owner": False,
    }


def purchases(state: WpcomState, site: Site) -> list[dict[str, Any]]:
    """``GET /sites/%d/purchases``: the paid plan and products, if any."""
    slugs = ([site.plan] if site.plan != "jetpack_free" else []) + site.products
    out = []
    for n, slug in enumerate(slugs):
        info = PLANS.get(slug) or PRODUCTS.get(slug, {"product_id": 0, "name": slug, "cost": 0})
        out.append(
            {
                "ID": str(site.blog_id * 10 + n),
                "blog_id": str(site.blog_id),
                "product_id": str(info["product_id"]),
                "product_slug": slug,
                "product_name": info["name"],
                "subscribed_date": _iso(site.registered_at),
                "expiry_date": _iso(site.registered_at + 365 * 86400),
                "expiry_status": "active",
                "is_refundable": False,
                "auto_renew": "1",
                "currency_code": "USD",
                "amount": info["cost"],
            }
        )
    return out


def day_counts(state: WpcomState, site: Site, day: dt.date) -> tuple[int, int]:
    """(views, visitors) of one day: a pure function of the seed, the site and the date."""
    rng = state.data_rng("visits", site.blog_id, day.isoformat())
    visitors = rng.randint(0, 120)
    return visitors + rng.randint(0, 3 * visitors + 5), visitors


def _today(state: WpcomState) -> dt.date:
    return dt.datetime.fromtimestamp(state.now(), dt.UTC).date()


def visits(state: WpcomState, site: Site, unit: str, quantity: int) -> dict[str, Any]:
    """``GET /sites/%d/stats/visits``: ``{date, unit, fields, data: [[period, views, visitors]]}``.

    Periods: day ``2022-03-01``, week ``2022W02W28`` (its Monday), month ``2022-03-01``,
    year ``2022-01-01``.
    """
    today = _today(state)
    unit = unit if unit in ("day", "week", "month", "year") else "day"
    quantity = max(1, min(quantity, 365 if unit == "day" else 100))
    data: list[list[Any]] = []
    for back in range(quantity - 1, -1, -1):
        days = _period_days(today, unit, back)
        views = sum(day_counts(state, site, d)[0] for d in days)
        visitors = sum(day_counts(state, site, d)[1] for d in days)
        start = days[0]
        if unit == "week":
            period = f"{start.year}W{start.month:02d}W{start.day:02d}"
        else:
            period = start.isoformat()
        data.append([period, views, visitors])
    return {
        "date": today.isoformat(),
        "unit": unit,
        "fields": ["period", "views", "visitors"],
        "data": data,
    }


def _period_days(today: dt.date, unit: str, back: int) -> list[dt.date]:
    if unit == "day":
        return [today - dt.timedelta(days=back)]
    if unit == "week":
        monday = today - dt.timedelta(days=today.weekday()) - dt.timedelta(weeks=back)
        return [d for d in (monday + dt.timedelta(days=i) for i in range(7)) if d <= today]
    if unit == "month":
        year, month = today.year, today.month - back
        while month < 1:
            month += 12
            year -= 1
        first = dt.date(year, month, 1)
        nxt = dt.date(year + month // 12, month % 12 + 1, 1)
        return [
            first + dt.timedelta(days=i)
            for i in range((nxt - first).days)
            if first + dt.timedelta(days=i) <= today
        ]
    first = dt.date(today.year - back, 1, 1)
    last = min(dt.date(today.year - back, 12, 31), today)
    return [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]


def stats_summary(state: WpcomState, site: Site) -> dict[str, Any]:
    """``GET /sites/%d/stats/``: the summary Jetpack's stats module data and benefits read."""
    today = _today(state)
    rng = state.data_rng("stats", site.blog_id, today.isoformat())
    last30 = visits(state, site, "day", 30)
    views_today, visitors_today = day_counts(state, site, today)
    views_yday, visitors_yday = day_counts(state, site, today - dt.timedelta(days=1))
    best = max(last30["data"], key=lambda row: (row[1], row[0]))
    views = sum(row[1] for row in visits(state, site, "day", 365)["data"])
    visitors = sum(row[2] for row in visits(state, site, "day", 365)["data"])
    followers = rng.randint(0, 200)
    shares_tw, shares_fb = rng.randint(0, 50), rng.randint(0, 50)
    return {
        "date": today.isoformat(),
        "stats": {
            "visitors_today": visitors_today,
            "visitors_yesterday": visitors_yday,
            "visitors": visitors,
            "views_today": views_today,
            "views_yesterday": views_yday,
            "views_best_day": best[0],
            "views_best_day_total": best[1],
            "views": views,
            "comments": rng.randint(0, 500),
            "posts": rng.randint(1, 300),
            "followers_blog": followers,
            "followers_comments": rng.randint(0, 40),
            "comments_per_month": rng.randint(0, 60),
            "comments_most_active_recent_day": f"{today.isoformat()} 10:00:00",
            "comments_most_active_time": "10:00",
            "comments_spam": rng.randint(0, 900),
            "categories": rng.randint(1, 20),
            "tags": rng.randint(0, 80),
            "shares": shares_tw + shares_fb,
            "shares_twitter": shares_tw,
            "shares_facebook": shares_fb,
        },
        "visits": last30,
    }


def last_downtime(site: Site) -> str:
    """XML-RPC ``jetpack.monitor.getLastDowntime``: ``Y-m-d H:i:s`` UTC, or "" if never down."""
    if site.last_downtime is None:
        return ""
    return dt.datetime.fromtimestamp(site.last_downtime, dt.UTC).strftime("%Y-%m-%d %H:%M:%S")


def vaultpress_plugin_data(site: Site) -> dict[str, Any]:
    """The JSON VaultPress's ``plugin_data`` carries (base64-encoded in the XML-RPC answer)."""
    return {
        "backups": {
            "last_backup": int(site.last_backup) if site.last_backup else "",
            "full_backup_status": "complete" if site.last_backup else "",
            "stats": {
                "revisions": site.backup_revisions,
                "uploads": site.backup_revisions // 3,
                "plugins": 4,
                "themes": 3,
                "posts": site.backup_revisions // 2,
                "comments": site.backup_revisions // 4,
                "tables": 12,
            },
        },
        "features": {"backups": True, "security": site.plan != "jetpack_free"},
        "plan": site.plan,
    }


def akismet_stats(state: WpcomState, key: str, blog: str) -> dict[str, Any]:
    """Akismet ``get-stats``: totals and a six-month breakdown (Akismet_Admin::get_stats)."""
    spam = state.akismet_keys.get(key, 0)
    rng = state.data_rng("akismet", key)
    ham = rng.randint(0, 2000)
    today = _today(state)
    breakdown: dict[str, dict[str, int]] = {}
    remaining = spam
    for back in range(5, -1, -1):
        year, month = today.year, today.month - back
        while month < 1:
            month += 12
            year -= 1
        share = remaining if back == 0 else rng.randint(0, remaining)
        remaining -= share
        breakdown[f"{year}-{month:02d}"] = {
            "spam": share,
            "ham": ham // 6,
            "missed_spam": 0,
            "false_positives": 0,
        }
    totals = {"spam": spam, "ham": ham, "missed_spam": 0, "false_positives": 0}
    accuracy = 100 if spam + ham == 0 else round(100.0 * (spam + ham) / (spam + ham), 3)
    return {
        "all": {**totals, "accuracy": accuracy, "time_saved": spam * 5},
        "6-months": {
            **totals,
            "accuracy": accuracy,
            "time_saved": spam * 5,
            "breakdown": breakdown,
        },
        "blog": blog,
    }
