"""Route callbacks of POST /options/<options> (resets) and POST /notice/<notice>."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.jetpack import errors
from jetpress.jetpack.services import notices, reset
from jetpress.wp.rest.response import RestResponse

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest


def reset_options(jp: Jetpack, request: RestRequest) -> RestResponse:
    """CORE reset_jetpack_options: ``reset`` must be strictly true (corpus options-notices/*)."""
    if request.get_params().get("reset") is not True:
        raise errors.invalid_parameter()
    return RestResponse(run_reset(jp, request.url_params.get("options")))


def run_reset(jp: Jetpack, which: str | None) -> dict[str, str]:
    """The 'options' / 'modules' switch of reset_jetpack_options."""
    if not which:
        raise errors.missing_type()
    if which == "options":
        reset.reset_options(jp)
        return {"code": "success", "message": "Jetpack options reset."}
    if which == "modules":
        reset.reset_modules(jp)
        return {"code": "success", "message": "Modules reset to default."}
    raise errors.invalid_parameter()


def dismiss_notice(jp: Jetpack, request: RestRequest) -> RestResponse:
    """CORE dismiss_notice: ``dismissed`` must be strictly true; returns the whole option."""
    if request.get_param("dismissed") is not True:
        raise errors.invalid_dismissed()
    return RestResponse(notices.dismiss(jp, request.url_params.get("notice") or ""))
