"""The documented routes 10.7 no longer registers (seed docs; docs/fidelity.md#legacy-*)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.jetpack.routes import misc, modules
from jetpress.jetpack.services import jumpstart, notices
from jetpress.wp.rest.response import RestResponse

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest


def module_activate(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /module/activate {modules}: as POST /module/all/active
    (fidelity legacy-module-activate)."""
    return modules.activate_many(jp, request)


def reset(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /reset/<options|modules>: the reset without a body (fidelity legacy-reset)."""
    return RestResponse(misc.run_reset(jp, request.url_params.get("options")))


def notice_dismiss(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /notice/<notice>/dismiss: dismiss without a body (fidelity legacy-notice-dismiss)."""
    return RestResponse(notices.dismiss(jp, request.url_params.get("notice") or ""))


def jumpstart_activate(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /jumpstart/activate (fidelity legacy-jumpstart)."""
    result = jumpstart.activate(jp)
    return RestResponse({"code": "success", "message": "Jumpstart done.", "data": result.as_json()})


def jumpstart_deactivate(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /jumpstart/deactivate (fidelity legacy-jumpstart)."""
    return RestResponse({"code": "success", "message": jumpstart.deactivate(jp)})
