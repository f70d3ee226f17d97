"""Installed plugins (data/plugins.json: the fixture's plugin files and headers) and their state
(the ``active_plugins`` option): Plugins_Installer and the CORE plugin endpoints of 10.7.

Installing needs downloads.wordpress.org, which a jetpress site never reaches: every install
fails as 10.7's does without network (docs/fidelity.md#plugin-install).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.php.jsoncodec import PHPObject
from jetpress.wp.errors import WPError
from jetpress.wp.formatting import esc_html

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User

PLUGINS_FILE = "plugins.json"
ACTIVE_OPTION = "active_plugins"
JETPACK_FILE = "jetpack/jetpack.php"
# WordPress stores a site transient of a single site as this option (option.php set_site_transient)
UPDATE_TRANSIENT_OPTION = "_site_transient_update_plugins"
_ENTRY_FIELDS = frozenset({"headers", "source"})


@dataclass(frozen=True, slots=True)
class InstalledPlugin:
    """One plugin file and its get_plugin_data() headers, in PHP's order."""

    file: str
    headers: Mapping[str, Any]
    source: str


class PluginCatalogError(ValueError):
    """data/plugins.json is malformed (raised at startup, names the entry)."""


def parse_catalog(text: str) -> Mapping[str, InstalledPlugin]:
    """plugins.json -> file -> InstalledPlugin, checked: every entry has headers with a Name
    and a source."""
    data = json.loads(text)
    if not isinstance(data, dict) or not isinstance(data.get("plugins"), dict):
        raise PluginCatalogError(f"{PLUGINS_FILE}: expected an object with 'plugins'")
    out: dict[str, InstalledPlugin] = {}
    for file, entry in data["plugins"].items():
        if not isinstance(entry, dict) or set(entry) != _ENTRY_FIELDS:
            raise PluginCatalogError(f"{PLUGINS_FILE}: {file}: expected exactly {_ENTRY_FIELDS}")
        headers = entry["headers"]
        if not isinstance(headers, dict) or not isinstance(headers.get("Name"), str):
            raise PluginCatalogError(f"{PLUGINS_FILE}: {file}: headers need a Name")
        if not isinstance(entry["source"], str) or not entry["source"]:
            raise PluginCatalogError(f"{PLUGINS_FILE}: {file}: missing source")
        out[file] = InstalledPlugin(file, MappingProxyType(dict(headers)), entry["source"])
    # get_plugins(): uasort by Name, _sort_uname_callback = strnatcasecmp (plugin.php:334)
    ordered = sorted(out.values(), key=lambda p: str(p.headers["Name"]).lower())
    return MappingProxyType({plugin.file: plugin for plugin in ordered})


@cache
def load_catalog() -> Mapping[str, InstalledPlugin]:
    """The shipped data/plugins.json, read once."""
    text = resources.files("jetpress.jetpack.data").joinpath(PLUGINS_FILE).read_text("utf-8")
    return parse_catalog(text)


def active_plugins(jp: Jetpack) -> list[str]:
    """(array) get_option( 'active_plugins', array() )."""
    value = jp.site.options.get(ACTIVE_OPTION, [])
    if isinstance(value, dict):
        value = list(value.values())
    if not isinstance(value, list):
        return [] if value is False or value is None or value == "" else [value]
    return value


def is_plugin_active(jp: Jetpack, file: str) -> bool:
    """is_plugin_active: ``in_array( $plugin, (array) get_option( 'active_plugins' ), true )``."""
    return file in active_plugins(jp)


def get_plugins(jp: Jetpack) -> dict[str, dict[str, Any]]:
    """Plugins_Installer::get_plugins: the headers plus ``active`` (bool) per plugin file."""
    active = active_plugins(jp)
    out: dict[str, dict[str, Any]] = {}
    for file, plugin in load_catalog().items():
        out[file] = {**plugin.headers, "active": file in active}
    return out


def _slug_of(file: str) -> str:
    """Plugins_Installer::get_slug_from_file_path: the directory, or the file without .php."""
    if "/" in file:
        return file.rsplit("/", 1)[0]
    return re.sub(r"^(.+)\.php$", r"\1", file, flags=re.DOTALL)


def plugin_id_by_slug(jp: Jetpack, slug: str) -> str | None:
    """Plugins_Installer::get_plugin_id_by_slug: the installed file whose slug is ``slug``."""
    for file in load_catalog():
        if _slug_of(file) == slug:
            return file
    return None


def stripslashes(text: str) -> str:
    """PHP stripslashes: a backslash escapes the next byte (``\\0`` is NUL), a lone one goes."""
    return re.sub(r"\\(.?)", lambda m: "\0" if m.group(1) == "0" else m.group(1), text, flags=re.S)


def _not_installed(file: str) -> WPError:
    # CORE activate_plugin / get_plugin; corpus site-plugins/plugin-get-hello
    return WPError("plugin_not_found", esc_html(f"Plugin {file} is not installed."), status=404)


def _no_plugins() -> WPError:
    # CORE activate_plugin / get_plugin: Plugins_Installer::get_plugins() empty
    return WPError("no_plugins_found", "This site has no plugins.", status=404)


def get_plugin(jp: Jetpack, plugin: str) -> dict[str, Any]:
    """CORE get_plugin: ``{"code": "success", "message": "Plugin found.", "data": headers}``."""
    plugins = get_plugins(jp)
    if not plugins:
        raise _no_plugins()
    file = stripslashes(plugin)
    if file not in plugins:
        raise _not_installed(file)
    return {"code": "success", "message": "Plugin found.", "data": plugins[file]}


def activate(jp: Jetpack, plugin: str, status: Any) -> dict[str, str]:
    """CORE activate_plugin: ``plugin`` is the file without ``.php`` (the route's pattern)."""
    if status != "active":  # empty( $request['status'] ) || 'active' !== $request['status']
        raise WPError("missing_status_parameter", "Status parameter missing.", status=403)
    plugins = get_plugins(jp)
    if not plugins:
        raise _no_plugins()
    if not plugin:
        raise WPError("no_plugin_specified", "You did not specify a plugin.", status=404)
    file = plugin + ".php"
    if file not in plugins:
        raise _not_installed(file)
    if plugins[file]["active"]:
        raise WPError(
            "plugin_already_active", esc_html(f"Plugin {file} is already active."), status=404
        )
    activate_plugin(jp, file)
    # CORE: sprintf( esc_html__( 'Activated %s' ), $plugin ): the file itself is not escaped
    return {"code": "success", "message": f"Activated {file}"}


def activate_plugin(jp: Jetpack, file: str) -> None:
    """WordPress activate_plugin (single site): append, sort(), update ``active_plugins``.

    The shipped plugins' RequiresWP/RequiresPHP are met by WordPress 6.1 on PHP 8, so
    validate_plugin_requirements() has nothing to refuse."""
    with jp.site.options.locked(ACTIVE_OPTION):
        current = [php.to_php_string(item) for item in active_plugins(jp)]
        if file in current:
            return
        current.append(file)
        current.sort()  # sort( $current ): byte order for non-numeric strings (php 8)
        jp.site.options.update(ACTIVE_OPTION, current)


def install(jp: Jetpack, slug: str, status: Any, source: Any) -> dict[str, str]:
    """CORE install_plugin: an installed slug is only activated (``status`` active); any other
    slug needs downloads.wordpress.org, which fails as 10.7's Plugin_Upgrader does without
    network: no_package "Download failed." (docs/fidelity.md#plugin-install)."""
    plugin = stripslashes(slug)
    plugin_id = plugin_id_by_slug(jp, plugin)
    if plugin_id is None:
        # Plugins_Installer::install_plugin: WP_Upgrader::download_package's 'download_failed'
        # becomes 'no_package' with the skin's main error message "Download failed."
        raise WPError(
            "install_plugin_failed",
            f"Unable to install {plugin}: Download failed. ",  # CORE: '%1$s: %2$s ' (sic)
            status=500,
        )
    if status != "active":  # empty( $request['status'] ) || 'active' !== $request['status']
        return {"code": "success", "message": esc_html(f"Installed {plugin}")}
    return activate(jp, plugin_id[:-4], "active")


def update_count(jp: Jetpack, user: User | None) -> int:
    """wp_get_update_data()['counts']['plugins']: the ``update_plugins`` site transient's
    ``response`` entries, for users who can update_plugins (update.php:772)."""
    if not jp.site.caps.has_cap(user, "update_plugins"):
        return 0
    transient = jp.site.options.get(UPDATE_TRANSIENT_OPTION)
    response: Any = None
    if isinstance(transient, PHPObject):
        response = transient.properties.get("response")
    elif isinstance(transient, dict):
        response = transient.get("response")
    return len(response) if isinstance(response, dict | list) else 0


def update_message(count: int) -> dict[str, Any]:
    """CORE get_plugin_update_count's answer for ``count``."""
    if count == 0:
        return {
            "code": "success",
            "message": "All plugins are up-to-date. Keep up the good work!",
            "count": 0,
        }
    # _n( '%s plugin needs updating.', '%s plugins need updating.', $count )
    text = f"{count} plugin needs updating." if count == 1 else f"{count} plugins need updating."
    return {"code": "updates-available", "message": esc_html(text), "count": count}
