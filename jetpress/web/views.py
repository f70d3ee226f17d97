"""The Jetpack admin page (``/wp-admin/admin.php?page=jetpack``) and the static files it loads.

Framework-free: the HTTP edge (jetpress.http.pages) logs the user in or redirects, then turns a
``WebReply`` into its own reply. The page uses only the public REST API (design §B.15).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from string import Template
from typing import Any
from urllib.parse import quote

from jetpress import php
from jetpress.wp.auth import current_user, keys, nonces
from jetpress.wp.formatting import esc_attr, esc_html
from jetpress.wp.site import Site, admin_url, home_url, rest_url, site_url
from jetpress.wp.users import User

ADMIN_PAGE_PATH = "/wp-admin/admin.php"
PAGE_SLUG = "jetpack"
# The Jetpack meta capability of the admin page; until the plugin registers it, the page asks for
# manage_options (what Jetpack 10.7 maps it to in offline mode, class.jetpack.php
# jetpack_custom_caps).
ADMIN_PAGE_CAP = "jetpack_admin_page"
FALLBACK_CAP = "manage_options"
# wp-admin/includes/menu.php: ! user_can_access_admin_page() → wp_die( …, 403 )
NOT_ALLOWED = "Sorry, you are not allowed to access this page."

HTML_TYPE = "text/html; charset=UTF-8"
NOCACHE = (
    ("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),  # wp_get_nocache_headers (functions.php)
    ("Cache-Control", "no-cache, must-revalidate, max-age=0"),
)
# wp_admin_headers (admin-filters.php) and send_frame_options_header (admin_init)
ADMIN_HEADERS = (
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("X-Frame-Options", "SAMEORIGIN"),
)

JQUERY_VERSION = "3.6.1"  # the jQuery of WordPress 6.1 (script-loader.php: jquery-core)
JQUERY_MIGRATE_VERSION = "3.3.2"  # WordPress 6.1's jquery-migrate
JQUERY_DIR = "/wp-includes/js/jquery/"
PLUGIN_DIR = "/wp-content/plugins/jetpack/_inc/jetpress/"


@dataclass(frozen=True, slots=True)
class StaticFile:
    """One file under ``static/`` and the type it is served with."""

    name: str
    content_type: str


# URL path -> file; an allowlist, so no path from a request ever reaches the file system.
STATIC_FILES: dict[str, StaticFile] = {
    JQUERY_DIR + "jquery.min.js": StaticFile("jquery.min.js", "application/javascript"),
    JQUERY_DIR + "jquery-migrate.min.js": StaticFile(
        "jquery-migrate.min.js", "application/javascript"
    ),
    JQUERY_DIR + "jquery-migrate.min.map": StaticFile("jquery-migrate.min.map", "application/json"),
    JQUERY_DIR + "jquery.LICENSE.txt": StaticFile("jquery.LICENSE.txt", "text/plain"),
    JQUERY_DIR + "jquery-migrate.LICENSE.txt": StaticFile(
        "jquery-migrate.LICENSE.txt", "text/plain"
    ),
    # do_favicon's fallback image (functions.php); a small stand-in drawn for jetpress
    "/wp-includes/images/w-logo-blue-white-bg.png": StaticFile(
        "w-logo-blue-white-bg.png", "image/png"
    ),
    PLUGIN_DIR + "admin.js": StaticFile("admin.js", "text/javascript; charset=UTF-8"),
    PLUGIN_DIR + "admin.css": StaticFile("admin.css", "text/css; charset=UTF-8"),
}


@dataclass(frozen=True, slots=True)
class WebReply:
    """Status, headers and body of a page or a file, for the HTTP edge to send."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes


def can_view(site: Site, user: User) -> bool:
    """current_user_can( 'jetpack_admin_page' ), or manage_options until Jetpack registers it."""
    cap = ADMIN_PAGE_CAP if ADMIN_PAGE_CAP in site.caps.meta else FALLBACK_CAP
    return site.caps.has_cap(user, cap)


def admin_page(site: Site, user: User, token: str, query: Mapping[str, Any]) -> WebReply:
    """``admin.php?page=…`` for a logged-in user: the Jetpack page, or wp_die's 403."""
    if query.get("page") != PAGE_SLUG or not can_view(site, user):
        # Unknown pages and missing capabilities both end in user_can_access_admin_page()
        # being false: wp_die( __( 'Sorry, you are not allowed to access this page.' ), 403 )
        return wp_die(NOT_ALLOWED, 403)
    body = render_admin_page(site, user, token)
    return WebReply(200, (("Content-Type", HTML_TYPE), *NOCACHE, *ADMIN_HEADERS), body)


def initial_state(site: Site, user: User, token: str) -> dict[str, str]:
    """The part of Jetpack's ``Initial_State`` the documentation promises (and the page uses)."""
    return {
        # Jetpack_Redux_State_Helper::get_initial_state: esc_url_raw( rest_url() )
        "WP_API_root": rest_url(site, "/"),
        # ... and wp_create_nonce( 'wp_rest' )
        "WP_API_nonce": current_user.create_rest_nonce(site, user, token),
    }


def initial_state_script(state: Mapping[str, Any]) -> str:
    """The inline script that defines ``Initial_State`` as Jetpack 10.7 prints it.

    class.jetpack-react-page.php: ``wp_add_inline_script( 'react-plugin',
    'var Initial_State=JSON.parse(decodeURIComponent("' . rawurlencode( wp_json_encode( … ) )
    . '"));', 'before' )``; rawurlencode leaves only ``A-Za-z0-9-_.~`` as they are.
    """
    encoded = quote(php.json_encode(state), safe="-_.~")
    return f'var Initial_State=JSON.parse(decodeURIComponent("{encoded}"));'


def logout_url(site: Site, user: User, token: str) -> str:
    """wp_logout_url(): wp-login.php?action=logout&_wpnonce=… (general-template.php)."""
    nonce = nonces.create_nonce(
        "log-out", user.id, token, site.clock.now(), keys.salt(site, "nonce")
    )
    return site_url(site, "wp-login.php") + "?action=logout&_wpnonce=" + quote(nonce)


def render_admin_page(site: Site, user: User, token: str) -> bytes:
    """The page's HTML: WordPress's admin shell, jQuery, Initial_State and the dashboard."""
    blogname = esc_html(php.to_php_string(site.options.get("blogname")))
    values = {
        "blogname": blogname,
        "home_url": esc_attr(home_url(site, "/")),
        "admin_url": esc_attr(admin_url(site)),
        "display_name": esc_html(user.display_name or user.login),
        "logout_url": esc_attr(logout_url(site, user, token)),
        # admin-header.php: var ajaxurl = '<?php echo esc_js( admin_url( 'admin-ajax.php',
        # 'relative' ) ); ?>'
        "ajaxurl": "/wp-admin/admin-ajax.php",
        "jquery": esc_attr(asset_url(site, JQUERY_DIR + "jquery.min.js", JQUERY_VERSION)),
        "jquery_migrate": esc_attr(
            asset_url(site, JQUERY_DIR + "jquery-migrate.min.js", JQUERY_MIGRATE_VERSION)
        ),
        "admin_js": esc_attr(asset_url(site, PLUGIN_DIR + "admin.js")),
        "admin_css": esc_attr(asset_url(site, PLUGIN_DIR + "admin.css")),
        "initial_state": initial_state_script(initial_state(site, user, token)),
    }
    return _template().substitute(values).encode("utf-8")


def asset_url(site: Site, path: str, version: str | None = None) -> str:
    """A static file's URL with WordPress's ``?ver=`` (the content hash for our own files)."""
    return site_url(site, path) + "?ver=" + (version or file_etag(STATIC_FILES[path].name)[1:9])


def favicon_url(site: Site) -> str:
    """do_favicon (functions.php): get_site_icon_url( 32, includes_url( 'images/w-logo-…' ) )."""
    return site_url(site, "wp-includes/images/w-logo-blue-white-bg.png")


def wp_die(message: str, status: int) -> WebReply:
    """_default_wp_die_handler's page (functions.php:3640-3860) for a plain message."""
    html = f"""<!DOCTYPE html>
<html lang="en-US">
<head>
\t<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
\t<meta name="viewport" content="width=device-width">
\t<meta name='robots' content='max-image-preview:large, noindex, follow' />
\t<title>WordPress &rsaquo; Error</title>
\t<style type="text/css">
\t\thtml {{ background: #f1f1f1; }}
\t\tbody {{ background: #fff; border: 1px solid #ccd0d4; color: #444;
\t\t\tfont-family: -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, sans-serif;
\t\t\tmargin: 2em auto; padding: 1em 2em; max-width: 700px; }}
\t\t#error-page {{ margin-top: 50px; }}
\t\t#error-page .wp-die-message {{ font-size: 14px; line-height: 1.5; margin: 25px 0 20px; }}
\t</style>
</head>
<body id="error-page">
\t<div class="wp-die-message">{esc_html(message)}</div></body>
</html>
\t"""
    return WebReply(status, (("Content-Type", HTML_TYPE), *NOCACHE), html.encode("utf-8"))


def static_asset(path: str, if_none_match: str | None = None) -> WebReply | None:
    """A file of the admin page by its URL path (None if it is not one); ETag revalidation."""
    entry = STATIC_FILES.get(path)
    if entry is None:
        return None
    etag = file_etag(entry.name)
    headers = (
        ("Content-Type", entry.content_type),
        ("Cache-Control", "public, max-age=0, must-revalidate"),
        ("ETag", etag),
        ("X-Content-Type-Options", "nosniff"),
    )
    if if_none_match is not None and etag in (t.strip() for t in if_none_match.split(",")):
        return WebReply(304, headers, b"")
    return WebReply(200, headers, _file(entry.name))


def file_etag(name: str) -> str:
    """A strong ETag from the file's SHA-256."""
    return '"' + hashlib.sha256(_file(name)).hexdigest()[:32] + '"'


@cache
def _file(name: str) -> bytes:
    return resources.files("jetpress.web").joinpath("static", name).read_bytes()


@cache
def _template() -> Template:
    text = resources.files("jetpress.web").joinpath("templates", "admin-page.html").read_text()
    return Template(text)
