"""Route callbacks by the handler names of data/routes.json; each is ``(jp, request)``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING

from jetpress.jetpack import errors

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.rest.response import RestResponse

RouteCallback = Callable[["Jetpack", "RestRequest"], "RestResponse"]


def not_implemented(jp: Jetpack, request: RestRequest) -> RestResponse:
    """A 10.7 route registered for discovery only (docs/fidelity.md#not-implemented-routes)."""
    raise errors.not_implemented()


def handlers() -> Mapping[str, RouteCallback]:
    """Handler name -> callback (imported here to keep the route modules independent)."""
    from jetpress.jetpack.routes import (
        connection,
        legacy,
        misc,
        modules,
        plugins,
        settings,
        site,
    )

    return MappingProxyType(
        {
            "stub": not_implemented,
            "connection.status": connection.status,
            "connection.disconnect": connection.disconnect,
            "connection.url": connection.connect_url,
            "connection.data": connection.data,
            "connection.unlink": connection.unlink,
            "connection.plugins": connection.plugins,
            "connection.reconnect": connection.reconnect,
            "connection.register": connection.register,
            "connection.authorize_url": connection.authorize_url,
            "connection.user_token": connection.user_token,
            "connection.owner": connection.owner,
            "connection.verify_registration": connection.verify_registration,
            "connection.remote_authorize": connection.remote_authorize,
            "connection.test": connection.connection_test,
            "connection.plans": connection.plans,
            "connection.products": connection.products,
            "connection.survey": connection.survey,
            "connection.jitm_messages": connection.jitm_messages,
            "connection.jitm_dismiss": connection.jitm_dismiss,
            "idc.confirm_safe_mode": connection.idc_confirm_safe_mode,
            "idc.migrate": connection.idc_migrate,
            "idc.start_fresh": connection.idc_start_fresh,
            "settings.get": settings.get_all,
            "settings.update": settings.update,
            "modules.list": modules.list_all,
            "modules.get": modules.get,
            "modules.activate_many": modules.activate_many,
            "modules.toggle": modules.toggle,
            "options.reset": misc.reset_options,
            "notices.dismiss": misc.dismiss_notice,
            "legacy.module_activate": legacy.module_activate,
            "legacy.reset": legacy.reset,
            "legacy.notice_dismiss": legacy.notice_dismiss,
            "legacy.jumpstart_activate": legacy.jumpstart_activate,
            "legacy.jumpstart_deactivate": legacy.jumpstart_deactivate,
            "plugins.list": plugins.list_all,
            "plugins.install": plugins.install,
            "plugins.activate": plugins.activate,
            "plugins.get": plugins.get,
            "plugins.update_count": plugins.update_count,
            "site.get": site.site,
            "site.features": site.features,
            "site.products": site.products,
            "site.purchases": site.purchases,
            "site.benefits": site.benefits,
            "site.activity": site.activity,
            "tracking.get": site.tracking_get,
            "tracking.update": site.tracking_update,
            "recommendations.data": site.recommendations_data,
            "recommendations.update_data": site.recommendations_update_data,
            "recommendations.step": site.recommendations_step,
            "recommendations.update_step": site.recommendations_update_step,
            "recommendations.product_suggestions": site.product_suggestions,
            "recommendations.upsell": site.upsell,
            "purchase_token.get": site.purchase_token,
            "purchase_token.delete": site.delete_purchase_token,
            "search.plan": site.search_plan,
            "verify_site.get": site.is_site_verified,
            "verify_site.post": site.verify_site,
            "widgets.get": site.widget,
            "legacy.recheck_ssl": site.recheck_ssl,
            "site.module_data": site.module_data,
            "site.key_check": site.key_check,
        }
    )
