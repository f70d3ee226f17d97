"""Jetpack_Recommendations (10.7): the assistant's answers and step (Jetpack options
``recommendations_data`` / ``recommendations_step``) and its WordPress.com suggestions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options
from jetpress.jetpack.services import connection, wpcom_data
from jetpress.jetpack.wpcom_client import HttpResponse
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User


def _initialize(jp: Jetpack) -> None:
    """initialize_jetpack_recommendations: a completed Setup Wizard ends the recommendations."""
    if php.is_truthy(jetpack_options.get_option(jp, "recommendations_step")):
        return
    if jetpack_options.get_option(jp, "setup_wizard_status") == "completed":
        jetpack_options.update_option(jp, "recommendations_banner_enabled", False)
        jetpack_options.update_option(jp, "recommendations_step", "setup-wizard-completed")


def get_data(jp: Jetpack) -> Any:
    """get_recommendations_data: the stored answers, ``[]`` when none (corpus
    auth-matrix/recommendations-data--roles)."""
    _initialize(jp)
    return jetpack_options.get_option(jp, "recommendations_data", [])


def update_data(jp: Jetpack, data: Any) -> bool:
    """update_recommendations_data: stored unless empty; the endpoint answers true."""
    if php.is_truthy(data):
        jetpack_options.update_option(jp, "recommendations_data", data)
    return True


def get_step(jp: Jetpack) -> dict[str, Any]:
    """get_recommendations_step: ``{"step": ...}``, ``not-started`` by default."""
    _initialize(jp)
    return {"step": jetpack_options.get_option(jp, "recommendations_step", "not-started")}


def update_step(jp: Jetpack, step: Any) -> bool:
    """update_recommendations_step: stored unless empty; the endpoint answers true."""
    if php.is_truthy(step):
        jetpack_options.update_option(jp, "recommendations_step", step)
    return True


def _from_wpcom(jp: Jetpack, user: User | None, what: str, unconnected: Any) -> Any:
    """CORE get_recommendations_product_suggestions / _upsell: a v2 user request."""
    blog_id = jetpack_options.get_option(jp, "id")
    if not php.is_truthy(blog_id):
        # no status: 500 (corpus site-plugins/recommendations-upsell)
        raise WPError("site_not_registered", "Site not registered.")
    if not connection.is_user_connected(jp, user):
        return unconnected
    locale = wpcom_data.user_locale(jp, user)
    path = f"/sites/{php.to_php_string(blog_id)}/jetpack-recommendations/{what}?locale={locale}"
    result = wpcom_data.user_request(jp, user, path, "2")
    if isinstance(result, HttpResponse) and result.status == 200:
        return wpcom_data.decode_objects(result.body)
    status = result.status if isinstance(result, HttpResponse) else ""
    raise WPError(
        "failed_to_fetch_data", "Unable to fetch the requested data.", data={"status": status}
    )


def product_suggestions(jp: Jetpack, user: User | None) -> Any:
    """get_recommendations_product_suggestions: ``wp_json_encode( array() )`` ("[]", a
    string) for a user without a WordPress.com connection."""
    return _from_wpcom(jp, user, "product-suggestions", "[]")


def upsell(jp: Jetpack, user: User | None) -> Any:
    """get_recommendations_upsell: ``{"hide_upsell": true}`` for an unconnected user."""
    return _from_wpcom(jp, user, "upsell", {"hide_upsell": True})
