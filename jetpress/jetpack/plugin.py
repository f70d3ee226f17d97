"""The Jetpack plugin: its context object and ``register`` (≈ Jetpack's rest_api_init).

``register`` walks data/routes.json (every 10.7 route in registration order, then the
documented legacy routes, hidden from the index) and binds handler and permission names to
Python callables. ``/settings`` and ``/module/<slug>`` POST args are derived from the catalog.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache, partial
from importlib import resources
from typing import TYPE_CHECKING, Any

from jetpress.jetpack import caps, offline
from jetpress.jetpack.catalog import Catalog, Setting, load_catalog
from jetpress.jetpack.permissions import PERMISSIONS
from jetpress.jetpack.routes import handlers
from jetpress.jetpack.rules import Rules, load_rules
from jetpress.jetpack.services import connection, modules, validators
from jetpress.jetpack.services.sanitizers import SANITIZERS
from jetpress.jetpack.wpcom_client import NoWpcom, WpcomClient
from jetpress.wp.rest.routes import Handler

if TYPE_CHECKING:
    from jetpress.wp.caps import CapabilityMap
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.rest.routes import RouteRegistry
    from jetpress.wp.site import Site

NAMESPACE = "jetpack/v4"
ROUTES_FILE = "routes.json"


@dataclass(frozen=True, slots=True, kw_only=True)
class Jetpack:
    """The plugin's context: the site it runs on, its catalogs and its WordPress.com client
    (NoWpcom, the default, fails every call as a site with blocked outbound requests)."""

    site: Site
    catalog: Catalog
    rules: Rules
    wpcom: WpcomClient = field(default_factory=NoWpcom)


def create(site: Site, wpcom: WpcomClient | None = None) -> Jetpack:
    """The Jetpack context for ``site`` with the shipped catalogs."""
    catalog = load_catalog()
    return Jetpack(
        site=site,
        catalog=catalog,
        rules=load_rules(frozenset(catalog.module_map)),
        wpcom=wpcom or NoWpcom(),
    )


@cache
def load_routes() -> Mapping[str, Any]:
    """data/routes.json, read once."""
    text = resources.files("jetpress.jetpack.data").joinpath(ROUTES_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def updateable_args(jp: Jetpack, selector: str) -> dict[str, Any]:
    """get_updateable_parameters( $selector ): ``context`` plus the settings' arg entries."""
    args: dict[str, Any] = {"context": {"default": "edit"}}
    if selector != "any":
        # The /settings/<slug> route: get_module_requested() finds no /module/ in the route
        # during registration, so only 'context' is registered (namespace index).
        return args
    named = validators.by_name(jp)
    for setting in jp.catalog.settings():
        if setting.updatable:
            args[setting.key] = _setting_arg(setting, named)
    return args


def _setting_arg(setting: Setting, named: Mapping[str, Callable[..., Any]]) -> dict[str, Any]:
    arg: dict[str, Any] = {}
    for name in setting.key_order:
        if name == "validate_callback":
            assert setting.validator is not None
            arg[name] = named[setting.validator]
        elif name == "sanitize_callback":
            assert setting.sanitize_callback is not None
            arg[name] = SANITIZERS[setting.sanitize_callback]
        else:
            arg[name] = setting.module_option()[name]
    return arg


def _bind_args(raw: Mapping[str, Any], named: Mapping[str, Callable[..., Any]]) -> dict[str, Any]:
    args: dict[str, Any] = {}
    for key, opts in raw.items():
        arg = dict(opts)
        if "validate_callback" in arg:
            arg["validate_callback"] = named[arg["validate_callback"]]
        if "sanitize_callback" in arg:
            arg["sanitize_callback"] = SANITIZERS[arg["sanitize_callback"]]
        args[key] = arg
    return args


def _permission(jp: Jetpack, name: str) -> Callable[[RestRequest], Any]:
    return partial(PERMISSIONS[name], jp)


def _handlers(jp: Jetpack, item: Mapping[str, Any], *, hidden: bool) -> list[Handler]:
    named = validators.by_name(jp)
    callbacks = handlers()
    out: list[Handler] = []
    for endpoint in item["endpoints"]:
        if "args_from" in endpoint:
            args = updateable_args(jp, endpoint["args_from"].split(":", 1)[1])
        else:
            args = _bind_args(endpoint["args"], named)
        options: dict[str, Any] = {
            "methods": endpoint["methods"],
            "callback": partial(callbacks[endpoint["handler"]], jp),
            "permission_callback": _permission(jp, endpoint["permission"]),
            "args": args,
        }
        if endpoint.get("blocking"):
            options["blocking"] = True  # the callback calls WordPress.com: a worker thread
        if hidden:
            out.append(Handler(show_in_index=False, **options))
        elif item.get("online_only"):
            # JITM is registered only outside offline mode (hidden from the index offline).
            out.append(Handler(show_in_index=partial(offline.is_online, jp.site), **options))
        elif item.get("unowned_only"):
            # verify_registration is registered only while there is no connected owner (F5)
            out.append(Handler(show_in_index=partial(_has_no_owner, jp), **options))
        else:
            out.append(Handler(**options))
    return out


def _has_no_owner(jp: Jetpack) -> bool:
    return not connection.has_connected_owner(jp)


def register(routes: RouteRegistry, jp: Jetpack) -> None:
    """rest_api_init: register every jetpack/v4 route of Jetpack 10.7 and the legacy routes.

    The legacy routes go first so that ``/module/activate`` wins over ``/module/<slug>``
    (docs/fidelity.md#legacy-module-activate); they are not in the namespace index.
    """
    table = load_routes()
    for item in table["legacy"]:
        routes.register_rest_route(NAMESPACE, item["route"], _handlers(jp, item, hidden=True))
    for item in table["routes"]:
        routes.register_rest_route(NAMESPACE, item["route"], _handlers(jp, item, hidden=False))


def register_caps(caps_map: CapabilityMap, jp: Jetpack) -> None:
    """Jetpack's meta capabilities (jetpack_admin_page, jetpack_manage_modules, ...)."""
    caps.register_caps(caps_map, jp)


def install_defaults(jp: Jetpack) -> None:
    """The Jetpack state of a pristine 10.7 site (conformance README §1): no module active,
    every setting at its default (nothing stored), no connection, no dismissed notices."""
    jp.site.options.update(modules.ACTIVE_OPTION, [])
    # jetpress *is* the Jetpack plugin: on a fresh site it is active like after activation.
    with jp.site.options.locked("active_plugins"):
        active = jp.site.options.get("active_plugins", [])
        active = active if isinstance(active, list) else []
        if "jetpack/jetpack.php" not in active:
            jp.site.options.update("active_plugins", [*active, "jetpack/jetpack.php"])
    # Jetpack::plugin_activation: activated from the Plugins screen (conformance README §1),
    # get_activation_source( wp_get_referer() ) = array( 'list', null ); sent as _as=list
    jp.site.options.update("jetpack_activation_source", ["list", None])
