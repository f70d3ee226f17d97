"""URL building as WordPress does it for Jetpack: add_query_arg, urlencode_deep, nonce URLs.

Ports of add_query_arg (functions.php), wp_validate_redirect (pluggable.php) and the pieces of
the connect and authorize URLs that are not specific to one flow.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from jetpress import php
from jetpress.protocol.signing import php_urlencode
from jetpress.wp.auth import keys, nonces

if TYPE_CHECKING:
    from jetpress.wp.site import Site

_EMPTY_VALUE = re.compile(r"=(&|$)")


def urlencode_value(value: Any) -> str:
    """``urlencode( $value )`` of a scalar: false and null are '', true is '1'."""
    if value is None or value is False:
        return ""
    return php_urlencode(php.to_php_string(value))


def add_query_arg(args: Mapping[str, Any], url: str) -> str:
    """add_query_arg( $args, $url ): values are used as given (callers encode them), a false
    value removes its key, the existing query is decoded and urlencoded again, and an empty
    value loses its ``=`` (``preg_replace( '#=(&|$)#', '$1', $ret )``)."""
    fragment = ""
    if "#" in url:
        url, _, rest = url.partition("#")
        fragment = "#" + rest
    protocol = ""
    for scheme in ("http://", "https://"):
        if url.lower().startswith(scheme):
            protocol, url = url[: len(scheme)], url[len(scheme) :]
            break
    if "?" in url:
        base, query = url.split("?", 1)
        base += "?"
    elif protocol or "=" not in url:
        base, query = url + "?", ""
    else:
        base, query = "", url
    merged: dict[Any, Any] = {
        key: urlencode_value(value) if not isinstance(value, dict) else value
        for key, value in php.parse_str(query).items()
    }  # $qs = urlencode_deep( $qs )
    for key, value in args.items():
        merged[key] = value
    parts = []
    for key, value in merged.items():
        if value is False:
            continue
        if value is None:
            continue  # build_query skips null
        parts.append(f"{key}={php.to_php_string(value)}")
    built = _EMPTY_VALUE.sub(r"\1", "&".join(parts).strip("?"))
    out = (protocol + base + built + fragment).rstrip("?")
    return out.replace("?#", "#")


def create_nonce(site: Site, action: str, user_id: int, session_token: str) -> str:
    """wp_create_nonce( $action ) for a user and session."""
    return nonces.create_nonce(
        action, user_id, session_token, site.clock.now(), keys.salt(site, "nonce")
    )


def verify_nonce(site: Site, nonce: Any, action: str, user_id: int, session_token: str) -> bool:
    """wp_verify_nonce( $nonce, $action ) is truthy."""
    if not isinstance(nonce, str):
        return False
    return bool(
        nonces.verify_nonce(
            nonce, action, user_id, session_token, site.clock.now(), keys.salt(site, "nonce")
        )
    )


def validate_redirect(site: Site, location: str, default: str = "") -> str:
    """wp_validate_redirect(): ``location`` when its host is the site's (or none), else
    ``default``. (Jetpack also allows WordPress.com hosts through allowed_redirect_hosts.)"""
    location = location.strip()
    if not location:
        return default
    if location.startswith("//"):
        location = "http:" + location
    parts = urlsplit(location)
    if parts.scheme and parts.scheme not in ("http", "https"):
        return default
    if not parts.hostname:
        return location
    home = urlsplit(php.to_php_string(site.options.get("home")))
    allowed = {home.hostname or "", "wordpress.com", "jetpack.wordpress.com"}
    return location if parts.hostname in allowed else default
