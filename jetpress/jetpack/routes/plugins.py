"""Route callbacks of /plugins, /plugins/<plugin>, /plugin/<plugin> and /updates/plugins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.jetpack.services import plugins
from jetpress.wp.errors import WPError
from jetpress.wp.rest.response import RestResponse

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest


def list_all(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /plugins: CORE get_plugins; 404 not_found when the site has none."""
    found = plugins.get_plugins(jp)
    if not found:
        raise WPError("not_found", "Unable to list plugins.", status=404)
    return RestResponse(found)


def install(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /plugins {slug, status, source}: CORE install_plugin."""
    return RestResponse(
        plugins.install(
            jp,
            str(request.get_param("slug")),
            request.get_param("status"),
            request.get_param("source"),
        )
    )


def activate(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /plugins/<plugin> {status: "active"}: CORE activate_plugin."""
    plugin = request.url_params.get("plugin", "")
    return RestResponse(plugins.activate(jp, plugin, request.get_param("status")))


def get(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /plugin/<plugin>: CORE get_plugin."""
    return RestResponse(plugins.get_plugin(jp, request.url_params.get("plugin", "")))


def update_count(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /updates/plugins: CORE get_plugin_update_count."""
    return RestResponse(plugins.update_message(plugins.update_count(jp, request.user)))
