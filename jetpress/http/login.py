"""wp-login.php (form, test cookie, login, logout, redirect_to) and admin-ajax.php's rest-nonce.

Port of the login, logout and default actions of wp-login.php (WP 6.1) and of
wp-admin/admin-ajax.php for ``action=rest-nonce`` (ajax-actions.php:5473-5475).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import quote, urlsplit

from jetpress import php
from jetpress.http import pages
from jetpress.http.exchange import Exchange, Reply
from jetpress.wp.auth import current_user, keys, login as wp_login, nonces, sessions
from jetpress.wp.auth.cookies import TEST_COOKIE, logged_in_cookie_name
from jetpress.wp.errors import WPError
from jetpress.wp.formatting import esc_attr, esc_html
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.site import Site, admin_url, home_url, site_url

TEST_COOKIE_VALUE = "WP Cookie check"
COOKIES_BLOCKED = (
    "<strong>Error</strong>: Cookies are blocked or not supported by your browser. You must "
    '<a href="https://wordpress.org/support/article/cookies/#enable-cookies-in-your-browser">'
    "enable cookies</a> to use WordPress."
)


class LoginBlock(Protocol):
    """A refusal of a login guard: the page wp-login.php dies with (wp_die)."""

    @property
    def status(self) -> int: ...

    @property
    def title(self) -> str: ...

    @property
    def html(self) -> str: ...


class LoginGuard(Protocol):
    """What a plugin hooks into wp-login.php (Jetpack Protect): a check when the page loads and
    in the ``authenticate`` filter (``attempt``: credentials were sent), ``wp_login_failed`` and
    ``wp_login``. ``headers`` has lower-case names; ``client`` is REMOTE_ADDR."""

    def check(
        self, client: str, headers: Mapping[str, str], *, attempt: bool
    ) -> LoginBlock | None: ...

    def failed(self, client: str, headers: Mapping[str, str], username: str) -> None: ...

    def succeeded(self, client: str, headers: Mapping[str, str], username: str) -> None: ...


# wp_authenticate: these errors do not fire wp_login_failed (US:619-626)
_NOT_FAILURES = ("empty_username", "empty_password")


def _as_request(exchange: Exchange, method: str | None = None) -> RestRequest:
    return RestRequest(
        method=method or exchange.method,
        route="",
        cookies=exchange.cookies,
        secure=exchange.secure,
        remote_addr=exchange.client,
    )


def handle(site: Site, exchange: Exchange, guard: LoginGuard | None = None) -> Reply:
    """GET/POST /wp-login.php; ``guard`` is a plugin's login hooks (Jetpack Protect)."""
    action = php.to_php_string(exchange.query.get("action", "login")) or "login"
    if action == "logout":
        return logout(site, exchange)
    post = exchange.form() if exchange.method == "POST" else {}
    request_vars = {**exchange.query, **post}  # $_REQUEST: POST wins
    redirect_to = request_vars.get("redirect_to")
    redirect_to = redirect_to if isinstance(redirect_to, str) else admin_url(site)
    reauth = bool(request_vars.get("reauth"))
    user: Any
    username = php.to_php_string(post.get("log", "")) if isinstance(post.get("log"), str) else ""
    password = php.to_php_string(post.get("pwd", "")) if isinstance(post.get("pwd"), str) else ""
    reply = Reply(200)
    headers = {name.lower(): value for name, value in exchange.headers}
    if guard is not None:
        block = guard.check(exchange.client, headers, attempt=bool(username or password))
        if block is not None:
            return pages.page(block.title, block.html, block.status)
    try:
        user = wp_login.authenticate(site, username, password)
    except WPError as error:
        user = error
    if guard is not None and isinstance(user, WPError):
        if user.errors[0][0] not in _NOT_FAILURES:
            guard.failed(exchange.client, headers, username)
    elif guard is not None:
        guard.succeeded(exchange.client, headers, username)
    if not isinstance(user, WPError):
        cookies, _token = wp_login.set_auth_cookie(
            site,
            user,
            remember=bool(post.get("rememberme")),
            secure=exchange.secure,
            ip=exchange.client,
            ua=exchange.header("user-agent") or "",
        )
        for cookie in cookies:
            reply.add_cookie(cookie)
        digest = current_user.cookie_hash(site)
        if not exchange.cookies.get(logged_in_cookie_name(digest)) and (
            "testcookie" in post and not exchange.cookies.get(TEST_COOKIE)
        ):
            # wp-login.php: cookies blocked even with a valid user and password
            user = WPError("test_cookie", COOKIES_BLOCKED)
    if not isinstance(user, WPError) and not reauth:
        if redirect_to in ("", "wp-admin/", admin_url(site)):
            if not site.caps.has_cap(user, "edit_posts"):
                redirect_to = (
                    admin_url(site, "profile.php")
                    if site.caps.has_cap(user, "read")
                    else home_url(site)
                )
            location = redirect_to
        else:
            location = safe_redirect_target(site, redirect_to)
        redirect = pages.redirect(site, location, 302)
        redirect.set_cookies = reply.set_cookies
        return redirect
    errors: list[tuple[str, str]] = []
    if isinstance(user, WPError):
        errors = [(code, message or "") for code, message, _d in user.errors]
    if exchange.query.get("loggedout") or reauth:
        errors = []
    codes = [code for code, _m in errors]
    if not post and codes == ["empty_username", "empty_password"]:
        errors = []
    notice = ""
    if exchange.query.get("loggedout"):
        notice = "You are now logged out."
    return login_form(site, exchange, redirect_to, errors, notice, reply)


def login_form(
    site: Site,
    exchange: Exchange,
    redirect_to: str,
    errors: list[tuple[str, str]],
    notice: str,
    reply: Reply,
) -> Reply:
    """The login page, which also sets the test cookie (wp-login.php:520-535)."""
    paths = wp_login.cookie_paths(site)
    for path in dict.fromkeys((paths["COOKIEPATH"], paths["SITECOOKIEPATH"])):
        reply.add_cookie(
            wp_login.Cookie(
                TEST_COOKIE, TEST_COOKIE_VALUE, 0, path, exchange.secure, httponly=False
            )
        )
    blogname = esc_html(php.to_php_string(site.options.get("blogname")))
    error_html = ""
    if errors:
        items = "<br>\n".join(message for _c, message in errors)
        error_html = f'<div id="login_error" role="alert">{items}<br></div>\n'
    notice_html = f'<p class="message" role="status">{esc_html(notice)}</p>\n' if notice else ""
    log_value = ""
    post = exchange.form() if exchange.method == "POST" else {}
    if isinstance(post.get("log"), str):
        log_value = esc_attr(post["log"])
    action = esc_attr(site_url(site, "wp-login.php"))
    html = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Log In &lsaquo; {blogname} &#8212; WordPress</title>
<meta name="robots" content="max-image-preview:large, noindex, noarchive">
<style>
body{{background:#f0f0f1;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,sans-serif;
color:#3c434a}}#login{{width:320px;margin:8% auto 0}}#login h1{{text-align:center}}
form{{background:#fff;border:1px solid #c3c4c7;padding:26px 24px;
box-shadow:0 1px 3px rgba(0,0,0,.04)}}
label{{display:block;margin-bottom:4px}}input[type=text],input[type=password]{{width:100%;
font-size:20px;padding:3px 5px;margin:0 0 16px;box-sizing:border-box}}
#login_error,.message{{border-left:4px solid #d63638;background:#fff;padding:12px;
margin-bottom:20px}}
.message{{border-left-color:#72aee6}}.submit{{text-align:right}}
#wp-submit{{background:#2271b1;color:#fff;border:0;padding:6px 14px;border-radius:3px;
font-size:14px}}
</style>
</head>
<body class="login wp-core-ui">
<div id="login">
<h1><a href="{esc_attr(home_url(site))}">{blogname}</a></h1>
{error_html}{notice_html}<form name="loginform" id="loginform" action="{action}" method="post">
<p><label for="user_login">Username or Email Address</label>
<input type="text" name="log" id="user_login" class="input" value="{log_value}" size="20"
 autocapitalize="off" autocomplete="username" required></p>
<div class="user-pass-wrap"><label for="user_pass">Password</label>
<input type="password" name="pwd" id="user_pass" class="input password-input" value=""
 size="20" autocomplete="current-password" required></div>
<p class="forgetmenot"><input name="rememberme" type="checkbox" id="rememberme"
 value="forever"> <label for="rememberme" style="display:inline">Remember Me</label></p>
<p class="submit"><input type="submit" name="wp-submit" id="wp-submit"
 class="button button-primary button-large" value="Log In">
<input type="hidden" name="redirect_to" value="{esc_attr(redirect_to)}">
<input type="hidden" name="testcookie" value="1"></p>
</form>
<p id="backtoblog"><a href="{esc_attr(home_url(site))}/">&larr; Go to {blogname}</a></p>
</div>
</body>
</html>
"""
    reply.status = 200
    reply.headers = [
        ("Content-Type", "text/html; charset=UTF-8"),
        ("X-Frame-Options", "SAMEORIGIN"),
        *pages.NOCACHE,
    ]
    reply.body = html.encode("utf-8")
    return reply


def safe_redirect_target(site: Site, location: str) -> str:
    """wp_safe_redirect's wp_validate_redirect: same host as home, else admin_url()."""
    target = urlsplit(location)
    if not target.netloc:
        return location if location.startswith("/") else admin_url(site)
    home = urlsplit(home_url(site))
    if target.hostname and home.hostname and target.hostname.lower() == home.hostname.lower():
        return location
    return admin_url(site)


def logout(site: Site, exchange: Exchange) -> Reply:
    """action=logout: check_admin_referer('log-out'), wp_logout, redirect (wp-login.php)."""
    request = _as_request(exchange, "GET")
    check = current_user.determine_from_cookies(site, request)
    user = check.user
    token = current_user.session_token(site, request)
    given = exchange.query.get("_wpnonce")
    valid = isinstance(given, str) and nonces.verify_nonce(
        given,
        "log-out",
        user.id if user else 0,
        token,
        site.clock.now(),
        keys.salt(site, "nonce"),
    )
    if not valid:
        return pages.nonce_ays_logout(site, user, token)
    if user is not None:
        sessions.destroy(site, user.id, token)
    reply = pages.redirect(
        site, site_url(site, "wp-login.php") + "?loggedout=true&wp_lang=en_US", 302
    )
    for cookie in wp_login.clear_auth_cookie(site):
        reply.add_cookie(cookie)
    return reply


def logout_url(site: Site, user_id: int, token: str) -> str:
    """wp_logout_url(): wp-login.php?action=logout&_wpnonce=…"""
    nonce = nonces.create_nonce(
        "log-out", user_id, token, site.clock.now(), keys.salt(site, "nonce")
    )
    return site_url(site, "wp-login.php") + "?action=logout&_wpnonce=" + quote(nonce)


def admin_ajax(site: Site, exchange: Exchange) -> Reply:
    """wp-admin/admin-ajax.php: only the core GET action ``rest-nonce`` is served."""
    headers = [
        ("Content-Type", "text/html; charset=UTF-8"),
        ("X-Robots-Tag", "noindex"),
        ("X-Content-Type-Options", "nosniff"),
        *pages.NOCACHE,
    ]
    request = _as_request(exchange)
    check = current_user.determine_from_cookies(site, request, ajax=True)
    post = exchange.form() if exchange.method == "POST" else {}
    action = {**exchange.query, **post}.get("action")
    if not action:
        return Reply(400, headers, b"0")  # wp_die( '0', 400 )
    get_action = exchange.query.get("action")
    if check.user is not None and get_action == "rest-nonce" and action == "rest-nonce":
        token = current_user.session_token(site, request)
        nonce = current_user.create_rest_nonce(site, check.user, token)
        return Reply(200, headers, nonce.encode())
    return Reply(400, headers, b"0")  # no wp_ajax(_nopriv)_ handler: wp_die( '0', 400 )
