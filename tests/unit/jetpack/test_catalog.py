"""The module and settings catalogs: shipped data against the Jetpack 10.7 references; checks."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from jetpress.jetpack.catalog import (
    HEADER_FIELDS,
    MODULE_FIELDS,
    SETTING_FIELDS,
    STORAGE_FIELDS,
    CatalogError,
    load_catalog,
    parse_catalog,
)

SPEC = Path(__file__).resolve().parents[4] / "shared" / "spec" / "jetpack-10.7"
MODES = {"offline": "localhost%3A8081", "online": "127.0.0.1%3A8081"}
needs_spec = pytest.mark.skipif(not SPEC.is_dir(), reason=f"10.7 references not at {SPEC}")


def shipped(name: str) -> str:
    return resources.files("jetpress.jetpack.data").joinpath(name).read_text(encoding="utf-8")


def reference(name: str) -> Any:
    return json.loads((SPEC / name).read_text(encoding="utf-8"))


def same(a: Any, b: Any) -> bool:
    """Equal as PHP's JSON would be: types strict (True is not 1) and key order significant."""
    return json.dumps(a) == json.dumps(b)


def test_shipped_catalog_loads_and_counts() -> None:
    catalog = load_catalog()
    assert len(catalog.available_modules()) == 42
    assert len(catalog.settings()) == 114
    assert sum(s.jp_group == "modules" for s in catalog.settings()) == 42
    assert [s.key for s in catalog.settings() if not s.updatable] == ["akismet"]
    assert load_catalog() is catalog  # loaded once


@pytest.mark.parametrize("name", ["modules.json", "settings.json"])
def test_files_are_canonical(name: str) -> None:
    text = shipped(name)
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


def test_entry_fields_follow_the_documented_order() -> None:
    modules = json.loads(shipped("modules.json"))["modules"]
    for entry in modules.values():
        assert list(entry) == list(MODULE_FIELDS)
    settings = json.loads(shipped("settings.json"))
    entries = [*settings["settings"].values(), settings["module_toggle"]]
    entries += list(settings["read_only"].values())
    for entry in entries:
        assert list(entry) == [f for f in SETTING_FIELDS if f in entry]
        assert list(entry["storage"]) == [f for f in STORAGE_FIELDS if f in entry["storage"]]


@needs_spec
@pytest.mark.parametrize("mode", MODES)
def test_module_headers_equal_module_all(mode: str) -> None:
    catalog = load_catalog()
    answer = reference(f"module-all.{mode}.json")
    assert [m.slug for m in catalog.modules()] == list(answer)
    for slug, entry in answer.items():
        module = catalog.module(slug)
        headers = {field: entry[field] for field in HEADER_FIELDS}
        assert same(module.headers(), headers), slug
        assert entry["module"] == module.slug
        assert entry["short_description"] == module.short_description
        assert entry["search_terms"] == module.search_terms
        assert entry["long_description"] == module.long_description
        assert entry["learn_more_button"] == module.learn_more_url(MODES[mode])


@needs_spec
@pytest.mark.parametrize("mode", MODES)
def test_module_options_equal_module_all(mode: str) -> None:
    catalog = load_catalog()
    for slug, entry in reference(f"module-all.{mode}.json").items():
        options = entry["options"] or {}
        settings = catalog.settings_of_module(slug)
        assert [s.key for s in settings] == list(options), slug
        for setting in settings:
            expected = {k: v for k, v in options[setting.key].items() if k != "current_value"}
            assert same(setting.module_option(), expected), setting.key


@needs_spec
@pytest.mark.parametrize("mode", MODES)
def test_get_settings_defaults_equal_10_7(mode: str) -> None:
    catalog = load_catalog()
    answer = reference(f"settings.{mode}.json")
    assert [s.key for s in catalog.settings_in_get_order()] == list(answer)
    for key, value in answer.items():
        assert same(catalog.setting(key).default_json(), value), key


@needs_spec
@pytest.mark.parametrize("mode", MODES)
def test_namespace_index_args_regenerate_exactly(mode: str) -> None:
    catalog = load_catalog()
    routes = reference(f"namespace-index.{mode}.json")["routes"]
    settings_post = routes["/jetpack/v4/settings"]["endpoints"][0]
    module_post = routes["/jetpack/v4/module/(?P<slug>[a-z\\-]+)"]["endpoints"][1]
    assert settings_post["methods"] == module_post["methods"] == ["POST", "PUT", "PATCH"]
    assert json.dumps(catalog.index_args()) == json.dumps(settings_post["args"])
    assert json.dumps(catalog.index_args()) == json.dumps(module_post["args"])


def test_module_list_orders() -> None:
    catalog = load_catalog()
    available = [m.slug for m in catalog.available_modules()]
    assert available.index("photon-cdn") < available.index("photon")  # glob of file names
    connected = [m.slug for m in catalog.modules(connected=True)]
    assert connected[:5] == ["protect", "stats", "wordads", "custom-css", "shortcodes"]
    offline = [m.slug for m in catalog.modules()]
    assert offline[0] == "custom-css"
    assert offline[-1] == "comment-likes"


def test_lookups() -> None:
    catalog = load_catalog()
    assert catalog.has_module("carousel")
    assert not catalog.has_module("jumpstart")
    assert [s.key for s in catalog.settings_of_module("related-posts")] == [
        "show_headline",
        "show_thumbnails",
    ]
    assert catalog.settings_of_module("latex") == ()
    with pytest.raises(KeyError):
        catalog.settings_of_module("nosuchmodule")
    with pytest.raises(KeyError):
        catalog.setting("nosuchsetting")
    assert [s.key for s in catalog.settings_in_group("settings")] == [
        "has_jetpack_search_product",
        "akismet_show_user_comments_approved",
        "wordpress_api_key",
        "dismiss_dash_app_card",
        "dismiss_empty_stats_card",
        "lang_id",
        "onboarding",
    ]
    views = catalog.validator("validate_sharing_show").params["views"]
    assert isinstance(views, tuple)
    assert views[0] == "index"


def test_setting_details() -> None:
    catalog = load_catalog()
    style = catalog.setting("button_style")
    assert style.default == "icon-text"
    assert style.schema_default == "icon"
    assert style.validator == "validate_list_item"
    assert style.storage.kind == "option_key"
    assert style.storage.option == "sharing-options"
    assert style.storage.keys == ("global", "button_style")
    headline = catalog.setting("show_headline")
    assert (headline.storage.option, headline.storage.keys) == (
        "jetpack_relatedposts",
        ("show_headline",),
    )
    carousel = catalog.setting("carousel")
    assert carousel.jp_group == "modules"
    assert carousel.storage.kind == "module_active"
    assert carousel.default is False
    assert carousel.schema_default == 0
    assert catalog.setting("lang_id").storage.option == "WPLANG"
    with pytest.raises(ValueError, match="akismet"):
        catalog.setting("akismet").index_arg()


def test_defaults_are_immutable_copies() -> None:
    setting = load_catalog().setting("sharing_services")
    copy = setting.default_json()
    assert isinstance(copy, dict)
    copy["hidden"] = ["print"]
    assert setting.default_json() != copy
    with pytest.raises(TypeError):
        setting.default["hidden"] = ()  # type: ignore[index]


def test_short_description_is_not_cut() -> None:
    modules = json.loads(shipped("modules.json"))
    modules["modules"]["carousel"]["description"] = "x" * 300
    catalog = parse_catalog(json.dumps(modules), shipped("settings.json"))
    assert catalog.module("carousel").short_description == "x" * 300


Mutation = Callable[[dict[str, Any], dict[str, Any]], None]


def _unknown_module_key(m: dict[str, Any], s: dict[str, Any]) -> None:
    m["modules"]["carousel"]["colour"] = "red"


def _missing_source(m: dict[str, Any], s: dict[str, Any]) -> None:
    del s["settings"]["wpl_default"]["source"]


def _empty_source(m: dict[str, Any], s: dict[str, Any]) -> None:
    m["modules"]["latex"]["source"] = " "


def _default_outside_enum(m: dict[str, Any], s: dict[str, Any]) -> None:
    s["settings"]["button_style"]["schema_default"] = "huge"


def _get_default_outside_enum(m: dict[str, Any], s: dict[str, Any]) -> None:
    s["settings"]["wpl_default"]["default"] = "sometimes"


def _unknown_group(m: dict[str, Any], s: dict[str, Any]) -> None:
    s["settings"]["show_headline"]["jp_group"] = "related-things"


def _unknown_validator(m: dict[str, Any], s: dict[str, Any]) -> None:
    s["settings"]["infinite_scroll"]["validator"] = "validate_maybe"


def _out_of_order(m: dict[str, Any], s: dict[str, Any]) -> None:
    m["modules"] = dict(reversed(list(m["modules"].items())))


def _option_key_without_keys(m: dict[str, Any], s: dict[str, Any]) -> None:
    del s["settings"]["admin_bar"]["storage"]["keys"]


def _setting_named_like_a_module(m: dict[str, Any], s: dict[str, Any]) -> None:
    s["settings"]["stats"] = s["settings"]["admin_bar"]


def _labels_not_matching_enum(m: dict[str, Any], s: dict[str, Any]) -> None:
    s["settings"]["wpl_default"]["enum_labels"] = {"on": "On"}


def _bad_type(m: dict[str, Any], s: dict[str, Any]) -> None:
    s["settings"]["version"]["type"] = "number"


def _bad_sort(m: dict[str, Any], s: dict[str, Any]) -> None:
    m["modules"]["stats"]["sort"] = "1"


@pytest.mark.parametrize(
    ("mutate", "file", "entry", "words"),
    [
        (_unknown_module_key, "modules.json", "carousel", "unknown key 'colour'"),
        (_missing_source, "settings.json", "wpl_default", "missing key 'source'"),
        (_empty_source, "modules.json", "latex", "'source' must be a non-empty string"),
        (_default_outside_enum, "settings.json", "button_style", "not in its enum"),
        (_get_default_outside_enum, "settings.json", "wpl_default", "not in its enum"),
        (_unknown_group, "settings.json", "show_headline", "related-things"),
        (_unknown_validator, "settings.json", "infinite_scroll", "validate_maybe"),
        (_out_of_order, "modules.json", "wordads", "out of order"),
        (_option_key_without_keys, "settings.json", "admin_bar.storage", "'keys'"),
        (_setting_named_like_a_module, "settings.json", "stats", "named like a module"),
        (_labels_not_matching_enum, "settings.json", "wpl_default", "enum_labels"),
        (_bad_type, "settings.json", "version", "'type'"),
        (_bad_sort, "modules.json", "stats", "'sort' must be an integer"),
    ],
)
def test_bad_catalogs_name_the_entry(mutate: Mutation, file: str, entry: str, words: str) -> None:
    modules = json.loads(shipped("modules.json"))
    settings = json.loads(shipped("settings.json"))
    mutate(modules, settings)
    with pytest.raises(CatalogError) as raised:
        parse_catalog(json.dumps(modules), json.dumps(settings))
    assert raised.value.file == file
    assert raised.value.entry == entry
    assert words in str(raised.value)
    assert f"{file}: entry {entry!r}" in str(raised.value)


def test_duplicate_slug_is_an_error() -> None:
    text = shipped("modules.json")
    start = text.index('    "carousel": {')
    end = text.index("\n    },\n", start) + len("\n    },\n")
    doubled = text[:end] + text[start:end] + text[end:]
    with pytest.raises(CatalogError, match=r"modules\.json: entry 'carousel': duplicate key"):
        parse_catalog(doubled, shipped("settings.json"))


def test_invalid_json_is_an_error() -> None:
    with pytest.raises(CatalogError, match=r"settings.json: entry '\(file\)': invalid JSON"):
        parse_catalog(shipped("modules.json"), "{")
