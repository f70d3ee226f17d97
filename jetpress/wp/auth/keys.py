"""The site's secret keys: wp_salt over wp-config constants and site options."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.wp.auth import salts

if TYPE_CHECKING:
    from jetpress.wp.site import Site


class SiteSalts:
    """A ``salts.SaltSource`` for one site: constants from configuration, options from storage."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def constant(self, name: str) -> str | None:
        value = self.site.constants.get(name)
        return None if value is None else str(value)

    def get_option(self, name: str) -> str | None:
        value = self.site.options.get(name, None)
        return None if value is None or value is False else str(value)

    def add_option(self, name: str, value: str) -> None:
        # pluggable.php wp_salt: update_site_option( "{$scheme}_{$type}", $value )
        self.site.options.update(name, value)

    def generate_password(self, length: int, special: bool, extra_special: bool) -> str:
        return salts.generate_password(length, special, extra_special, self.site.random)


def salt(site: Site, scheme: str) -> str:
    """wp_salt($scheme) for ``site``, memoized per options generation (PHP caches it per
    request in a static)."""
    from jetpress.wp.site import memoized

    return memoized(site, "salt:" + scheme, lambda: salts.wp_salt(scheme, SiteSalts(site)))


def wp_hash(site: Site, data: str, scheme: str = "auth") -> str:
    """wp_hash($data, $scheme) (PL:2478-2482)."""
    return salts.wp_hash(data, salt(site, scheme))
