"""Module activation rules and storage (Jetpack::activate_module & co., 10.7)."""

from __future__ import annotations

from jetpress.jetpack import jetpack_options
from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import modules, settings
from tests.unit.jetpack.conftest import build


def test_pristine_site_has_an_empty_active_list(jp: Jetpack):
    assert jp.site.options.get("jetpack_active_modules") == []
    assert modules.active_modules(jp) == []


def test_offline_activates_modules_without_connection_only(jp: Jetpack):
    assert modules.activate(jp, "carousel") is True
    assert modules.activate(jp, "stats") is False  # requires a connection
    assert jp.site.options.get("jetpack_active_modules") == ["carousel"]


def test_online_without_connection_activates_nothing(online_jp: Jetpack):
    assert modules.activate(online_jp, "carousel") is False
    assert modules.active_modules(online_jp) == []


def test_onboarding_token_allows_activation_when_not_connected(online_jp: Jetpack):
    jetpack_options.update_option(online_jp, "onboarding", "token")
    assert modules.activate(online_jp, "carousel") is True


def test_activate_twice_is_true_and_stored_once(jp: Jetpack):
    assert modules.activate(jp, "latex") and modules.activate(jp, "latex")
    assert jp.site.options.get("jetpack_active_modules") == ["latex"]


def test_plan_gating_reported_before_activation(jp: Jetpack):
    failure = settings.activate_module(jp, "search")
    assert failure is not None and failure.code == "not_supported" and failure.status == 424
    jp.site.options.update("has_jetpack_search_product", True)
    assert settings.activate_module(jp, "search").code == "activation_failed"  # offline


def test_vaultpress_is_never_active(jp: Jetpack):
    jp.site.options.update("jetpack_active_modules", ["vaultpress", "carousel"])
    assert modules.active_modules(jp) == ["carousel"]


def test_deactivate_inactive_is_already_inactive(jp: Jetpack):
    failure = settings.deactivate_module(jp, "carousel")
    assert failure is not None and (failure.code, failure.status) == ("already_inactive", 409)


def test_hooks_on_gravatar_and_markdown(jp: Jetpack):
    modules.activate(jp, "gravatar-hovercards")
    assert jp.site.options.get("gravatar_disable_hovercards") == "enabled"
    modules.deactivate(jp, "gravatar-hovercards")
    assert jp.site.options.get("gravatar_disable_hovercards") == "disabled"
    modules.activate(jp, "markdown")
    assert jp.site.options.get("wpcom_publish_posts_with_markdown") == "1"  # stored true


def test_default_modules_are_the_auto_activate_yes_ones(jp: Jetpack):
    assert modules.default_modules(jp) == [
        "contact-form",
        "notes",
        "protect",
        "stats",
        "verification-tools",
        "woocommerce-analytics",
    ]
    jetpack_options.update_option(jp, "public", 1)
    assert "json-api" in modules.default_modules(jp)


def test_reset_to_defaults_bypasses_activation_rules(jp: Jetpack):
    modules.activate(jp, "carousel")
    modules.reset_to_defaults(jp)
    assert "stats" in modules.active_modules(jp)  # requires a connection, active anyway
    assert "carousel" not in modules.active_modules(jp)


def test_activation_failed_message_keeps_only_the_failed_sentence():
    assert modules.activation_failed_message(["carousel"], ["protect"]) == (
        "The module protect failed to be activated. "
    )
    assert modules.activation_failed_message([], ["stats", "monitor"]) == (
        "The modules stats and monitor failed to be activated. "
    )
    assert modules.activation_failed_message([], ["a", "b", "c"]) == (
        "The modules a, b and c failed to be activated. "
    )


def test_separate_sites_do_not_share_state():
    one, two = build(), build()
    modules.activate(one, "carousel")
    assert modules.active_modules(two) == []
