"""Settings service: GET values as 10.7 shows them, update_data's storage and reports."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from jetpress import php
from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import module_info, modules, settings
from jetpress.php import jsoncodec as phpjson
from tests.unit.jetpack.conftest import user

SPEC = Path(__file__).resolve().parents[4] / "shared" / "spec" / "jetpack-10.7"
needs_spec = pytest.mark.skipif(not SPEC.is_dir(), reason="../shared/spec/jetpack-10.7 not present")


def _reference(name: str) -> Any:
    return json.loads((SPEC / name).read_text("utf-8"))


def _as_json(value: Any) -> Any:
    """What json_encode sends: PHP arrays, so an empty dict is []."""
    return json.loads(phpjson.json_encode(value))


@needs_spec
def test_get_all_equals_the_10_7_offline_reference(jp: Jetpack):
    got = _as_json(settings.get_all(jp, user(jp, "admin")))
    assert got == _reference("settings.offline.json")


@needs_spec
def test_get_all_equals_the_10_7_online_reference(online_jp: Jetpack):
    got = _as_json(settings.get_all(online_jp, user(online_jp, "admin")))
    assert got == _reference("settings.online.json")


def test_lang_id_is_error_cap_without_install_languages(online_jp: Jetpack):
    assert settings.get_all(online_jp, user(online_jp, "editor1"))["lang_id"] == "error_cap"


def _normalise_nonces(doc: dict[str, Any]) -> dict[str, Any]:
    for entry in doc.values():
        entry["activate_nonce"] = entry["deactivate_nonce"] = "n"
    return doc


@needs_spec
@pytest.mark.parametrize(
    ("fixture_name", "reference"),
    [("jp", "module-all.offline.json"), ("online_jp", "module-all.online.json")],
)
def test_module_list_equals_the_10_7_reference(request, fixture_name: str, reference: str):
    site_jp: Jetpack = request.getfixturevalue(fixture_name)
    listed = _as_json(module_info.list_modules(site_jp, user(site_jp, "admin")))
    assert list(listed) == list(_reference(reference))
    assert _normalise_nonces(listed) == _normalise_nonces(_reference(reference))


def test_pristine_get_writes_the_sharing_and_stats_defaults(jp: Jetpack):
    # 10.7's GET has side effects: Sharing_Service::get_global_options and stats_get_options
    settings.get_all(jp, user(jp, "admin"))
    assert jp.site.options.get("sharing-options")["global"]["button_style"] == "icon-text"
    assert jp.site.options.get("stats_options")["version"] == "9"


def _update(jp: Jetpack, params: dict[str, Any], slug: str | None = None):
    return settings.update(jp, params, slug=slug, user=user(jp, "admin"))


def test_default_branch_does_not_store_false_for_a_missing_option(jp: Jetpack):
    report = _update(jp, {"carousel_display_comments": False})
    assert report.ok
    assert not jp.site.options.exists("carousel_display_comments")


def test_subscription_toggles_store_zero(jp: Jetpack):
    assert _update(jp, {"stb_enabled": False}).ok
    assert jp.site.options.get("stb_enabled") == "0"


def test_stats_keys_go_into_stats_options_with_the_array_cast(jp: Jetpack):
    assert _update(jp, {"admin_bar": False}).ok
    assert jp.site.options.get("stats_options") == {0: False, "admin_bar": False}


def test_verification_meta_tag_stores_its_content(jp: Jetpack):
    tag = '<meta name="google-site-verification" content="XYZ" />'
    assert _update(jp, {"google": tag}).ok
    assert jp.site.options.get("verification_services_codes")["google"] == "XYZ"


def test_twitter_site_tag_loses_its_at(jp: Jetpack):
    assert _update(jp, {"jetpack-twitter-cards-site-tag": "@jetpack"}).ok
    assert jp.site.options.get("jetpack-twitter-cards-site-tag") == "jetpack"


def test_related_posts_keys_live_in_jetpack_relatedposts(jp: Jetpack):
    assert _update(jp, {"show_headline": False}).ok
    assert jp.site.options.get("jetpack_relatedposts") == {0: False, "show_headline": False}


def test_unknown_keys_are_invalid_but_others_are_written(jp: Jetpack):
    report = _update(jp, {"carousel_background_color": "white", "nosuch": 1, "0": "x"})
    assert report.invalid == ["nosuch"]
    assert report.message() == "Invalid option: nosuch."
    assert jp.site.options.get("carousel_background_color") == "white"


def test_failed_module_toggle_message_starts_with_a_space(jp: Jetpack):
    report = _update(jp, {"protect": True, "carousel_background_color": "white"})
    assert report.message() == " protect: The requested Jetpack module could not be activated."


def test_invalid_and_failed_messages_are_joined_with_two_spaces(jp: Jetpack):
    report = _update(jp, {"a": 1, "b": 2, "stats": True})
    assert report.message() == (
        "Invalid options: a, b.  stats: The requested Jetpack module could not be activated."
    )


def test_module_slug_update_refuses_other_modules_options(jp: Jetpack):
    modules.activate(jp, "carousel")
    report = _update(jp, {"wpl_default": "off"}, slug="carousel")
    assert report.invalid == ["wpl_default"]


def test_module_options_of_an_inactive_module_are_written_via_settings(jp: Jetpack):
    assert _update(jp, {"wpl_default": "off"}).ok  # 'any' writes options of inactive modules
    assert jp.site.options.get("wpl_default") == "off"


def test_remote_settings_of_inactive_modules_are_not_updated_instead_of_fatal(jp: Jetpack):
    report = _update(jp, {"monitor_receive_notifications": True})
    assert report.message() == (
        " monitor_receive_notifications: The requested Jetpack module is inactive."
    )


def test_lang_id_en_us_returns_the_bare_delete_result(jp: Jetpack):
    report = _update(jp, {"lang_id": "en_US"})
    assert report.returned_early and report.bare is False


def test_custom_service_is_echoed_and_listed(jp: Jetpack):
    custom = {
        "sharing_name": "Conformance",
        "sharing_url": "https://example.com/share?u=%post_url%",
        "sharing_icon": "https://example.com/icon.png",
    }
    report = _update(jp, {"custom": custom})
    assert report.ok
    assert report.echoes["custom"] == {
        "button_style": None,
        "smart": True,
        "shortname": "onformance",
    }
    listed = settings.current_values(jp, "sharedaddy", None)["custom"]
    assert listed == [f"custom-{int(jp.site.clock.now())}"]


def test_protect_whitelist_is_saved_only_when_every_entry_is_valid(jp: Jetpack):
    assert _update(jp, {"jetpack_protect_global_whitelist": "10.0.0.1\n192.168.0.0/24"}).ok
    assert settings.current_values(jp, "protect", None)["jetpack_protect_global_whitelist"] == {
        "local": []
    }
    assert _update(jp, {"jetpack_protect_global_whitelist": "10.0.0.1, 1.1.1.1-1.1.1.9"}).ok
    assert settings.current_values(jp, "protect", None)["jetpack_protect_global_whitelist"] == {
        "local": ["10.0.0.1", "1.1.1.1 - 1.1.1.9"]
    }
    assert php.serialize(jp.site.options.get("jetpack_protect_whitelist")).startswith(
        'a:2:{i:0;O:8:"stdClass"'
    )


def test_cast_value(jp: Jetpack):
    boolean = jp.catalog.setting("carousel_display_exif")
    assert settings.cast_value("false", boolean) is False
    assert settings.cast_value("1", boolean) is True
    assert settings.cast_value("NULL", boolean) is None
    assert settings.cast_value("9", jp.catalog.setting("version")) == 9
