"""Behaviour data of Jetpack 10.7 that is not a module or setting (data/rules.json): plans, reset
lists, Jumpstart, configurable modules, sharing services. Loaded once, frozen, checked."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

RULES_FILE = "rules.json"


class RulesError(Exception):
    """data/rules.json is invalid."""


@dataclass(frozen=True, slots=True, kw_only=True)
class PlanClass:
    """One Jetpack_Plan class: its product slugs and the features it adds."""

    name: str
    product_slugs: tuple[str, ...]
    supports: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Rules:
    """Everything in rules.json, typed."""

    configurable_modules: Mapping[str, str | None]
    """Modules whose loaded code enables a Configure link, with a configure URL override."""
    dismissable_notices: tuple[str, ...]
    compact_options: tuple[str, ...]
    non_compact_options: tuple[str, ...]
    private_options: tuple[str, ...]
    reset_unsafe_options: tuple[str, ...]
    jumpstart_modules: tuple[str, ...]
    plan_classes: Mapping[str, PlanClass]
    plan_order: tuple[str, ...]
    plan_option: str
    reset_wp_options: tuple[str, ...]
    sharing_default_label: str
    sharing_default_visible: tuple[str, ...]
    sharing_button_styles: tuple[str, ...]
    sharing_post_types: tuple[str, ...]
    sharing_services: Mapping[str, Mapping[str, Any]]
    stats_version: str

    def plan_class_of(self, product_slug: str) -> str:
        """Jetpack_Plan::get_class_and_features: the class of a product slug, ``free`` if none."""
        for name in self.plan_order:
            if product_slug in self.plan_classes[name].product_slugs:
                return name
        return "free"

    def plan_supports(self, plan_class: str) -> tuple[str, ...]:
        """Cumulative supports of PLAN_DATA up to ``plan_class``."""
        out: list[str] = []
        for name in self.plan_order:
            out.extend(self.plan_classes[name].supports)
            if name == plan_class:
                break
        return tuple(out)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise RulesError(f"{RULES_FILE}: {where} must be a list of strings")
    return tuple(value)


def parse_rules(text: str, module_slugs: frozenset[str]) -> Rules:
    """Parse and check rules.json against the module catalog's slugs."""
    data = json.loads(text)
    configurable: dict[str, str | None] = {}
    for slug, entry in data["configurable_modules"].items():
        if slug not in module_slugs:
            raise RulesError(f"{RULES_FILE}: configurable_modules: unknown module {slug!r}")
        configurable[slug] = entry["configure_url"]
    jumpstart = _strings(data["jumpstart"]["modules"], "jumpstart.modules")
    for slug in jumpstart:
        if slug not in module_slugs:
            raise RulesError(f"{RULES_FILE}: jumpstart.modules: unknown module {slug!r}")
    names = data["jetpack_option_names"]
    plans = data["plans"]
    classes = {
        name: PlanClass(
            name=name,
            product_slugs=_strings(entry["product_slugs"], f"plans.{name}.product_slugs"),
            supports=_strings(entry["supports"], f"plans.{name}.supports"),
        )
        for name, entry in plans["classes"].items()
    }
    order = _strings(plans["order"], "plans.order")
    if set(order) != set(classes):
        raise RulesError(f"{RULES_FILE}: plans.order must list every plan class once")
    sharing = data["sharing"]
    return Rules(
        configurable_modules=MappingProxyType(configurable),
        dismissable_notices=_strings(data["dismissable_notices"], "dismissable_notices"),
        compact_options=_strings(names["compact"], "jetpack_option_names.compact"),
        non_compact_options=_strings(names["non_compact"], "jetpack_option_names.non_compact"),
        private_options=_strings(names["private"], "jetpack_option_names.private"),
        reset_unsafe_options=_strings(names["reset_unsafe"], "jetpack_option_names.reset_unsafe"),
        jumpstart_modules=jumpstart,
        plan_classes=MappingProxyType(classes),
        plan_order=order,
        plan_option=str(plans["option"]),
        reset_wp_options=_strings(data["reset_wp_options"], "reset_wp_options"),
        sharing_default_label=str(sharing["default_label"]),
        sharing_default_visible=_strings(sharing["default_visible"], "sharing.default_visible"),
        sharing_button_styles=_strings(sharing["button_styles"], "sharing.button_styles"),
        sharing_post_types=_strings(sharing["public_post_types"], "sharing.public_post_types"),
        sharing_services=MappingProxyType(
            {name: MappingProxyType(dict(extra)) for name, extra in sharing["services"].items()}
        ),
        stats_version=str(data["stats_version"]),
    )


@cache
def load_rules(module_slugs: frozenset[str]) -> Rules:
    """The shipped rules.json, read once."""
    text = resources.files("jetpress.jetpack.data").joinpath(RULES_FILE).read_text("utf-8")
    return parse_rules(text, module_slugs)
