"""Transients as WordPress stores them without an object cache: two options per transient.

Port of set_transient / get_transient / delete_transient (wp-includes/option.php, WP 6.1):
``_transient_<key>`` holds the value, ``_transient_timeout_<key>`` the expiry time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php

if TYPE_CHECKING:
    from jetpress.wp.site import Site


def get_transient(site: Site, key: str) -> Any:
    """get_transient(): False when missing or expired (an expired one is deleted)."""
    timeout = site.options.get(f"_transient_timeout_{key}")
    if timeout is not False and php.to_int(timeout) < int(site.clock.now()):
        delete_transient(site, key)
        return False
    return site.options.get(f"_transient_{key}")


def set_transient(site: Site, key: str, value: Any, expiration: int = 0) -> bool:
    """set_transient(): with an expiration both rows are autoload 'no'."""
    if expiration:
        site.options.update(f"_transient_timeout_{key}", int(site.clock.now()) + expiration, "no")
        if not site.options.exists(f"_transient_{key}"):
            return site.options.add(f"_transient_{key}", value, "no")
    return site.options.update(f"_transient_{key}", value)


def delete_transient(site: Site, key: str) -> bool:
    """delete_transient(): both rows."""
    deleted = site.options.delete(f"_transient_{key}")
    if deleted:
        site.options.delete(f"_transient_timeout_{key}")
    return deleted
