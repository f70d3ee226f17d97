"""Installing a site: the default options, roles and the first administrator (wp_install)."""

from __future__ import annotations

import json
from importlib import resources
from typing import TYPE_CHECKING, Any

from jetpress.wp.users import default_roles

if TYPE_CHECKING:
    from jetpress.wp.site import Site


def default_options() -> list[tuple[str, Any]]:
    """populate_options()'s values (wp/data/default_options.json), in install order."""
    text = resources.files("jetpress.wp.data").joinpath("default_options.json").read_text("utf-8")
    return [(name, value) for name, value in json.loads(text)["options"]]


def install(
    site: Site,
    *,
    site_url: str,
    blogname: str,
    admin_email: str,
    extra_options: dict[str, Any] | None = None,
) -> None:
    """wp_install on empty tables: options, then the roles option. Users are added after."""
    overrides = {
        "siteurl": site_url.rstrip("/"),
        "home": site_url.rstrip("/"),
        "blogname": blogname,
        "admin_email": admin_email,
        **(extra_options or {}),
    }
    for name, value in default_options():
        site.options.add(name, overrides.pop(name, value))
    for name, value in overrides.items():
        site.options.add(name, value)
    site.options.add(site.users.roles_option, default_roles())
