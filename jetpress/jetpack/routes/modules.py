"""Route callbacks of /module/all, /module/all/active, GET /module/<slug>, /module/<slug>/active."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress import php
from jetpress.jetpack import errors
from jetpress.jetpack.services import module_info, modules, settings
from jetpress.wp.auth.current_user import session_token
from jetpress.wp.formatting import esc_html
from jetpress.wp.rest.response import RestResponse

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest


def list_all(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /module/all."""
    token = session_token(jp.site, request)
    return RestResponse(module_info.list_modules(jp, request.user, token))


def get(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /module/<slug>: 404 not_found for an unknown slug."""
    slug = request.url_params.get("slug", "")
    if not modules.is_module(jp, slug):
        raise errors.module_not_found()
    return RestResponse(module_info.get_module(jp, slug, request.user))


def activate_many(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /module/all/active: activates every listed module; ``active`` is ignored (MOD)."""
    slugs = request.get_param("modules")
    if not isinstance(slugs, list | dict):
        raise errors.module_not_found()
    items = list(slugs.values()) if isinstance(slugs, dict) else slugs
    activated, failed = modules.activate_many(jp, items)
    if not failed:
        return RestResponse({"code": "success", "message": "All modules activated."})
    message = modules.activation_failed_message(activated, failed)
    raise errors.activation_failed_many(esc_html(message))


def toggle(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /module/<slug>/active: activate or deactivate one module."""
    slug = request.url_params.get("slug", "")
    if php.is_truthy(request.get_param("active")):
        failure = settings.activate_module(jp, slug)
        message = "The requested Jetpack module was activated."
    else:
        failure = settings.deactivate_module(jp, slug)
        message = "The requested Jetpack module was deactivated."
    if failure is not None:
        raise failure
    return RestResponse({"code": "success", "message": message})
