"""Route callbacks of /settings, /settings/<slug> and POST /module/<slug> (update_data)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress.jetpack import errors
from jetpress.jetpack.body import body_params
from jetpress.jetpack.services import modules, settings
from jetpress.wp.formatting import esc_html
from jetpress.wp.rest.response import RestResponse

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest

SUCCESS = "The requested Jetpack data updates were successful."


def get_all(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /settings: Jetpack_Core_API_Data::get_all_options."""
    return RestResponse(settings.get_all(jp, request.user))


def update(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /settings, /settings/<slug>, /module/<slug>: Jetpack_Core_API_Data::update_data."""
    slug: Any = request.url_params.get("slug")
    if slug is not None:
        if not modules.is_module(jp, slug):
            raise errors.module_not_found()
        if not modules.is_active(jp, slug):
            raise errors.module_inactive()
    report = settings.update(jp, body_params(request), slug=slug, user=request.user)
    if report.returned_early:
        return RestResponse(report.bare)  # lang_id 'en_US': delete_option()'s bare boolean
    if not report.ok:
        raise errors.some_updated(report.message())
    return RestResponse({"code": "success", "message": esc_html(SUCCESS), **report.echoes})
