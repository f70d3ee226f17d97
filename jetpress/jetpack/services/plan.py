"""Jetpack_Plan: the site's plan (option ``jetpack_active_plan``) and ``supports()``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack


def get(jp: Jetpack) -> dict[str, Any]:
    """Jetpack_Plan::get: the stored plan over the free defaults, with ``supports`` computed."""
    stored = jp.site.options.get(jp.rules.plan_option, {})
    plan: dict[str, Any] = {
        "product_slug": "jetpack_free",
        "class": "free",
        "features": {"active": []},
    }
    if isinstance(stored, dict):
        plan.update(stored)  # wp_parse_args( $plan, defaults )
    plan["class"] = jp.rules.plan_class_of(php.to_php_string(plan.get("product_slug")))
    supports = list(jp.rules.plan_supports(plan["class"]))
    for module in jp.catalog.available_modules():
        if "free" in module.plan_classes or plan["class"] in module.plan_classes:
            supports.append(module.slug)
    plan["supports"] = supports
    return plan


def _active_features(plan: dict[str, Any]) -> list[Any]:
    features = plan.get("features")
    active = features.get("active") if isinstance(features, dict) else None
    if isinstance(active, dict):
        return list(active.values())
    return list(active) if isinstance(active, list) else []


def supports(jp: Jetpack, feature: str) -> bool:
    """Jetpack_Plan::supports (10.x)."""
    # Search product bypasses plan feature check.
    if feature == "search" and php.is_truthy(jp.site.options.get("has_jetpack_search_product")):
        return True
    # As of Q3 2021 - a videopress free tier is available to all plans.
    if feature == "videopress":
        return True
    plan = get(jp)
    active = _active_features(plan)
    if feature == "wordads" and "wordads-jetpack" in active:
        return True
    return feature in plan["supports"] or feature in active
