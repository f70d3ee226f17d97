"""Route callbacks of /site*, /purchase-token, /search/plan, /verify-site, /widgets,
/recommendations/*, /tracking/settings and the documented /recheck-ssl."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.jetpack.services import (
    module_data as module_data_service,
    recommendations,
    site_data,
    tracking,
)
from jetpress.wp.rest.response import RestResponse

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest


def site(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /site: CORE get_site_data."""
    return RestResponse(site_data.site_data(jp))


def features(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /site/features."""
    return RestResponse(site_data.features(jp))


def products(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /site/products."""
    return RestResponse(site_data.products(jp, request.user))


def purchases(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /site/purchases."""
    return RestResponse(site_data.purchases(jp))


def benefits(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /site/benefits."""
    return RestResponse(site_data.benefits(jp))


def activity(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /site/activity."""
    return RestResponse(site_data.activity(jp, request.user))


def purchase_token(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /purchase-token."""
    return RestResponse(site_data.purchase_token(jp))


def delete_purchase_token(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /purchase-token: deletes it."""
    return RestResponse(site_data.delete_purchase_token(jp))


def search_plan(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /search/plan."""
    return RestResponse(site_data.search_plan(jp))


def is_site_verified(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /verify-site/<service>(/<keyring_id>)."""
    service = request.url_params.get("service", "")
    keyring = request.url_params.get("keyring_id")
    return RestResponse(site_data.is_site_verified(jp, request.user, service, keyring))


def verify_site(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /verify-site/<service> {keyring_id}: the JSON body's keyring_id (CORE)."""
    keyring = request.json_params().get("keyring_id")
    service = request.url_params.get("service", "")
    return RestResponse(site_data.verify_site(jp, request.user, service, keyring))


def widget(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /widgets/<id>."""
    raise site_data.widget_not_found()


def tracking_get(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /tracking/settings."""
    return RestResponse(tracking.settings(jp, request.user))


def tracking_update(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /tracking/settings: every request param is sent (``get_params()``)."""
    return RestResponse(tracking.settings(jp, request.user, request.get_params()))


def recommendations_data(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /recommendations/data."""
    return RestResponse(recommendations.get_data(jp))


def recommendations_update_data(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /recommendations/data {data}: true."""
    return RestResponse(recommendations.update_data(jp, request.get_param("data")))


def recommendations_step(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /recommendations/step."""
    return RestResponse(recommendations.get_step(jp))


def recommendations_update_step(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /recommendations/step {step}: true."""
    return RestResponse(recommendations.update_step(jp, request.get_param("step")))


def product_suggestions(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /recommendations/product-suggestions."""
    return RestResponse(recommendations.product_suggestions(jp, request.user))


def upsell(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /recommendations/upsell."""
    return RestResponse(recommendations.upsell(jp, request.user))


def recheck_ssl(jp: Jetpack, request: RestRequest) -> RestResponse:
    """POST /recheck-ssl (documented, not registered by 10.7: docs/fidelity.md#recheck-ssl)."""
    return RestResponse(site_data.recheck_ssl(jp))


def module_data(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET /module/<slug>/data (Monitor asks WordPress.com as the current user)."""
    slug = request.url_params.get("slug", "")
    return RestResponse(
        module_data_service.data(jp, slug, request.get_param("range"), request.user)
    )


def key_check(jp: Jetpack, request: RestRequest) -> RestResponse:
    """GET|POST /module/<service>/key/check: ``api_key`` is read from the JSON body only."""
    service = request.url_params.get("service", "")
    api_key = request.json_params().get("api_key")
    return RestResponse(module_data_service.key_check(jp, service, api_key))
