"""Non-REST pages: redirects, the front page, wp-admin's login redirect, 404s."""

from __future__ import annotations

from urllib.parse import quote

from jetpress import php
from jetpress.http.exchange import Exchange, Reply
from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import authorization
from jetpress.jetpack.services.registration import Actor
from jetpress.web import views
from jetpress.wp.auth import current_user, keys, nonces
from jetpress.wp.formatting import esc_attr, esc_html
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.site import Site, rest_url, site_url
from jetpress.wp.users import User

NOCACHE = (
    ("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),
    ("Cache-Control", "no-cache, must-revalidate, max-age=0"),
)
HTML = ("Content-Type", "text/html; charset=UTF-8")


def redirect(site: Site, location: str, status: int = 302) -> Reply:
    """wp_redirect: Location plus ``X-Redirect-By: WordPress`` (pluggable.php:1392-1442)."""
    return Reply(status, [HTML, *NOCACHE, ("X-Redirect-By", "WordPress"), ("Location", location)])


def page(title: str, body_html: str, status: int = 200) -> Reply:
    html = (
        '<!DOCTYPE html>\n<html lang="en-US">\n<head>\n<meta charset="UTF-8">\n'
        f"<title>{esc_html(title)}</title>\n</head>\n<body>\n{body_html}\n</body>\n</html>\n"
    )
    return Reply(status, [HTML], html.encode("utf-8"))


def current(site: Site, exchange: Exchange) -> tuple[User | None, str]:
    """The logged-in user of a page request and its session token."""
    request = RestRequest(
        method=exchange.method, route="", cookies=exchange.cookies, secure=exchange.secure
    )
    return (
        current_user.determine_from_cookies(site, request).user,
        current_user.session_token(site, request),
    )


def auth_redirect(site: Site, exchange: Exchange) -> Reply:
    """auth_redirect (pluggable.php:1130-1180): to the login page with redirect_to and reauth."""
    target = (
        site_url(site, "wp-login.php")
        + "?redirect_to="
        + quote(exchange.full_url(), safe="")
        + "&reauth=1"
    )
    return redirect(site, target, 302)


def handle(site: Site, exchange: Exchange) -> Reply:
    """Everything that is not REST, login or control."""
    path = exchange.path
    if path.startswith("/wp-admin"):
        user, token = current(site, exchange)
        if user is None:
            return auth_redirect(site, exchange)
        if path == views.ADMIN_PAGE_PATH:
            return from_web(views.admin_page(site, user, token, exchange.query))
        name = esc_html(php.to_php_string(site.options.get("blogname")))
        return page(
            f"Dashboard ‹ {name}", f"<h1>{name}</h1><p>Howdy, {esc_html(user.display_name)}.</p>"
        )
    if path in ("/", "/index.php"):
        name = esc_html(php.to_php_string(site.options.get("blogname")))
        reply = page(name, f"<h1>{name}</h1>")
        # rest_output_link_header at template_redirect (RA:1001-1019)
        reply.headers.append(("Link", f'<{rest_url(site, "/")}>; rel="https://api.w.org/"'))
        return reply
    if path == "/favicon.ico":
        return redirect(site, views.favicon_url(site), 302)  # do_favicon (WP 5.4+)
    if exchange.method in ("GET", "HEAD"):
        asset = views.static_asset(path, exchange.header("if-none-match"))
        if asset is not None:
            return from_web(asset)
    return page("Page not found", "<h1>Not Found</h1>", 404)


def from_web(reply: views.WebReply) -> Reply:
    """A jetpress.web page or file as the edge's Reply."""
    return Reply(reply.status, list(reply.headers), reply.body)


def nonce_ays_logout(site: Site, user: User | None, token: str) -> Reply:
    """wp_nonce_ays('log-out'): confirm logging out, with a fresh logout link (403)."""
    name = esc_html(php.to_php_string(site.options.get("blogname")))
    nonce = nonces.create_nonce(
        "log-out", user.id if user else 0, token, site.clock.now(), keys.salt(site, "nonce")
    )
    url = site_url(site, "wp-login.php") + "?action=logout&_wpnonce=" + nonce
    body = (
        f"<p>You are attempting to log out of {name}</p><p>Do you really want to "
        f'<a href="{esc_attr(url)}">log out</a>?</p>'
    )
    return page("Something went wrong.", body, 403)


def is_connect_step(exchange: Exchange) -> bool:
    """admin.php steps of the connection flow (they call WordPress.com: run in a thread)."""
    query = exchange.query
    if exchange.path != views.ADMIN_PAGE_PATH:
        return False
    if query.get("page") == "jetpack" and query.get("action") == "register":
        return True  # Jetpack::admin_page_load 'register'
    return bool(  # Webhooks::controller
        query.get("handler") == "jetpack-connection-webhooks" and query.get("action") == "authorize"
    )


def connect_step(jp: Jetpack, exchange: Exchange) -> Reply:
    """Register and go to WordPress.com, or come back from it with a code (logged-in only)."""
    user, token = current(jp.site, exchange)
    if user is None:
        return auth_redirect(jp.site, exchange)
    who = Actor(user, token)
    if exchange.query.get("handler") == "jetpack-connection-webhooks":
        outcome = authorization.handle_authorize(jp, who, exchange.query)
    else:
        outcome = authorization.admin_register(jp, who, exchange.query)
    if outcome.location is not None:
        return redirect(jp.site, outcome.location, outcome.status)
    return from_web(views.wp_die(outcome.message, outcome.status))
