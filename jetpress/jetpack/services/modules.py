"""Module state: active list, activation and deactivation rules, defaults, module hooks.

Ports of Jetpack::is_module / get_active_modules / activate_module / deactivate_module /
update_active_modules / get_default_modules (class.jetpack.php 10.7, status package Modules;
jetpack-v4-endpoints.md §3.9). Every read-modify-write of ``jetpack_active_modules`` holds the
store's cross-process lock (jetpress, beyond Jetpack: docs/fidelity.md#atomic-module-toggles).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options, offline
from jetpress.jetpack.services import connection, plan

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

ACTIVE_OPTION = "jetpack_active_modules"


@contextmanager
def locked(jp: Jetpack) -> Iterator[None]:
    """Hold the cross-process lock of ``jetpack_active_modules`` (re-entrant in one process)."""
    with jp.site.options.locked(ACTIVE_OPTION):
        yield


def is_module(jp: Jetpack, slug: object) -> bool:
    """Jetpack::is_module: a non-empty slug of an available module."""
    return isinstance(slug, str) and bool(slug) and jp.catalog.has_module(slug)


def stored_active(jp: Jetpack) -> list[str]:
    """Jetpack_Options::get_option('active_modules', array()) as a list of strings."""
    value = jetpack_options.get_option(jp, "active_modules", [])
    if isinstance(value, dict):
        value = list(value.values())
    if not isinstance(value, list):
        return []
    return [php.to_php_string(item) for item in value if isinstance(item, str | int | float)]


def active_modules(jp: Jetpack) -> list[str]:
    """Modules::get_active: the stored list without vaultpress (no VaultPress plugin here),
    intersected with the available modules, unique."""
    out: list[str] = []
    for slug in stored_active(jp):
        # class_exists( 'VaultPress' ) is false: vaultpress is removed from the list
        if slug == "vaultpress" or not jp.catalog.has_module(slug) or slug in out:
            continue
        out.append(slug)
    return out


def is_active(jp: Jetpack, slug: str) -> bool:
    """Jetpack::is_module_active."""
    return slug in active_modules(jp)


def is_onboarding(jp: Jetpack) -> bool:
    """Jetpack::is_onboarding: an onboarding token is stored."""
    return php.is_truthy(jetpack_options.get_option(jp, "onboarding"))


def _php_unique(items: list[str]) -> Any:
    """array_unique( array_values( $x ) ): a list, or a keyed array when duplicates left gaps."""
    seen: dict[int, str] = {}
    for index, item in enumerate(items):
        if item not in seen.values():
            seen[index] = item
    if list(seen) == list(range(len(seen))):
        return list(seen.values())
    return seen


def update_active_modules(jp: Jetpack, modules: Sequence[str]) -> bool:
    """Jetpack::update_active_modules: store the list and run the activation/deactivation hooks
    for the modules that changed (class.jetpack.php 10.7)."""
    with locked(jp):
        current = stored_active(jp)
        active = active_modules(jp)
        new_active = [slug for slug in modules if slug not in current]
        new_inactive = [slug for slug in active if slug not in modules]
        merged = [slug for slug in [*current, *new_active] if slug not in new_inactive]
        success = jetpack_options.update_option(jp, "active_modules", _php_unique(merged))
        for slug in new_active:
            _after_activation(jp, slug)
        for slug in new_inactive:
            _after_deactivation(jp, slug)
    return success


def _after_activation(jp: Jetpack, slug: str) -> None:
    """do_action( "jetpack_activate_module_$module" ) hooks of core-api module endpoints."""
    if slug == "gravatar-hovercards":
        # jetpack_do_after_gravatar_hovercards_activation; corpus module-options/gravatar-*
        jp.site.options.update("gravatar_disable_hovercards", "enabled")
    elif slug == "markdown":
        # jetpack_do_after_markdown_activation; corpus settings-modules/markdown-true
        jp.site.options.update("wpcom_publish_posts_with_markdown", True)


def _after_deactivation(jp: Jetpack, slug: str) -> None:
    """do_action( "jetpack_deactivate_module_$module" ) hooks."""
    if slug == "gravatar-hovercards":
        # jetpack_do_after_gravatar_hovercards_deactivation
        jp.site.options.update("gravatar_disable_hovercards", "disabled")


def activate(jp: Jetpack, slug: str) -> bool:
    """Jetpack::activate_module( $module, false, false ): True when active afterwards."""
    if not slug or not is_module(jp, slug):
        return False
    with locked(jp):
        active = active_modules(jp)
        if slug in active:
            return True  # already active: don't do it again
        module = jp.catalog.module(slug)
        is_offline = offline.is_offline_mode(jp.site)
        if not connection.is_connection_ready(jp):
            if not is_offline and not is_onboarding(jp):
                return False
            if is_offline and module.requires_connection:
                return False
        # 'protect' needs jetpack_protect_get_ip(): reachable only when connected, where the
        # request's REMOTE_ADDR is always set in jetpress.
        if not plan.supports(jp, slug):
            return False
        update_active_modules(jp, [*active, slug])
        return True  # activate_module returns true whatever update_option answered


def deactivate(jp: Jetpack, slug: str) -> bool:
    """Jetpack::deactivate_module: the update_option result of the shortened list."""
    with locked(jp):
        remaining = [item for item in active_modules(jp) if item != slug]
        return update_active_modules(jp, remaining)


def default_modules(jp: Jetpack) -> list[str]:
    """Jetpack::get_default_modules: auto_activate Yes, and Public when the site is public."""
    public = php.is_truthy(jetpack_options.get_option(jp, "public"))
    out: list[str] = []
    for module in jp.catalog.available_modules():
        mode = module.auto_activate.lower()
        if mode == "yes" or (mode == "public" and public):
            out.append(module.slug)
    return out


def reset_to_defaults(jp: Jetpack) -> bool:
    """update_active_modules( get_default_modules() ) (reset_jetpack_options 'modules')."""
    with locked(jp):
        return update_active_modules(jp, default_modules(jp))


def _list_text(items: list[str]) -> str:
    # __( '%1$s and %2$s' ): all but the last joined by ', ', then ' and ' the last
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def activate_many(jp: Jetpack, slugs: Sequence[Any]) -> tuple[list[str], list[str]]:
    """Jetpack_Core_API_Module_List_Endpoint::activate_modules: (activated, failed)."""
    activated: list[str] = []
    failed: list[str] = []
    for item in slugs:
        slug = php.to_php_string(item)
        (activated if activate(jp, slug) else failed).append(slug)
    return activated, failed


def activation_failed_message(activated: list[str], failed: list[str]) -> str:
    """The activation_failed message: the 'failed' sentence overwrites the 'activated' one
    (``$error =`` instead of ``.=``, MOD 10.7), with its trailing space (corpus
    module-activation/all-active-with-connection-module)."""
    error = ""
    if activated:
        verb = (
            "The module %s was activated."
            if len(activated) == 1
            else ("The modules %s were activated.")
        )
        error = verb % _list_text(activated) + " "
    if failed:
        verb = (
            "The module %s failed to be activated."
            if len(failed) == 1
            else ("The modules %s failed to be activated.")
        )
        error = verb % _list_text(failed) + " "
    return error
