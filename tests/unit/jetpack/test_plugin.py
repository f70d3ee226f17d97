"""The route table (data/routes.json), its binding, Jetpack_Options storage and rules.json."""

from __future__ import annotations

import json

import pytest

from jetpress.jetpack import jetpack_options, plugin
from jetpress.jetpack.permissions import PERMISSIONS
from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.routes import handlers
from jetpress.jetpack.rules import RulesError, parse_rules
from jetpress.wp.rest.routes import RouteRegistry


def test_every_route_names_known_permissions_and_handlers():
    table = plugin.load_routes()
    known = handlers()
    for item in [*table["routes"], *table["legacy"]]:
        for endpoint in item["endpoints"]:
            assert endpoint["permission"] in PERMISSIONS, item["route"]
            assert endpoint["handler"] in known, item["route"]


def test_table_holds_the_86_routes_of_10_7_plus_six_legacy_ones():
    table = plugin.load_routes()
    assert len(table["routes"]) == 85 + 1  # jitm is registered online only
    assert [item["route"] for item in table["routes"] if item.get("online_only")] == ["/jitm"]
    assert len(table["legacy"]) == 6  # ... and the documented /recheck-ssl


def test_register_hides_legacy_routes_and_derives_settings_args(jp: Jetpack):
    registry = RouteRegistry()
    plugin.register(registry, jp)
    legacy = registry.routes["/jetpack/v4/module/activate"]
    assert all(not handler.show_in_index for handler in legacy.handlers)
    settings_route = registry.routes["/jetpack/v4/settings"]
    post_args = settings_route.handlers[0].args
    assert post_args["context"] == {"default": "edit"}
    assert "carousel" in post_args and "carousel_background_color" in post_args
    assert callable(post_args["carousel"]["validate_callback"])
    slug_args = registry.routes["/jetpack/v4/settings/(?P<slug>[a-z\\-]+)"].handlers[0].args
    assert list(slug_args) == ["context"]


def test_legacy_module_activate_matches_before_module_slug(jp: Jetpack):
    registry = RouteRegistry()
    plugin.register(registry, jp)
    found = registry.match("POST", "/jetpack/v4/module/activate")
    assert found is not None and found[0].pattern == "/jetpack/v4/module/activate"
    found = registry.match("GET", "/jetpack/v4/module/activate")
    assert found is not None and found[0].pattern == "/jetpack/v4/module/(?P<slug>[a-z\\-]+)"


def test_jitm_is_hidden_from_the_index_offline_only(jp: Jetpack, online_jp: Jetpack):
    for site_jp, shown in ((jp, False), (online_jp, True)):
        registry = RouteRegistry()
        plugin.register(registry, site_jp)
        route = registry.routes["/jetpack/v4/jitm"]
        data = registry.route_data(route, "view", lambda path: path)
        assert (data is not None) is shown


def test_compact_private_and_non_compact_options(jp: Jetpack):
    jetpack_options.update_option(jp, "id", 123)
    jetpack_options.update_option(jp, "blog_token", "k.s")
    jetpack_options.update_option(jp, "relatedposts", {"show_headline": False})
    assert jp.site.options.get("jetpack_options") == {"id": 123}
    assert jp.site.options.get("jetpack_private_options") == {"blog_token": "k.s"}
    assert jp.site.options.get("jetpack_relatedposts") == {"show_headline": False}
    assert jetpack_options.update_option(jp, "not_an_option", 1) is False
    jetpack_options.delete_option(jp, ["id", "relatedposts"])
    assert jp.site.options.get("jetpack_options") == []  # an empty PHP array
    assert not jp.site.options.exists("jetpack_relatedposts")


def test_reset_list_keeps_the_connection(jp: Jetpack):
    names = jetpack_options.all_for_reset(jp)
    assert "active_modules" in names and "public" in names
    assert not {"id", "master_user", "blog_token", "user_tokens"} & set(names)


def test_rules_reject_unknown_modules(jp: Jetpack):
    data = json.loads(
        (plugin.resources.files("jetpress.jetpack.data") / "rules.json").read_text("utf-8")
    )
    data["jumpstart"]["modules"].append("nosuch")
    with pytest.raises(RulesError, match="unknown module 'nosuch'"):
        parse_rules(json.dumps(data), frozenset(jp.catalog.module_map))


def test_data_files_are_canonical():
    data = plugin.resources.files("jetpress.jetpack.data")
    routes = (data / "routes.json").read_text("utf-8")
    assert routes == json.dumps(json.loads(routes), indent=2, ensure_ascii=False) + "\n"
    # not sorted: the order of the sharing services is data (validate_services lists them)
    rules = (data / "rules.json").read_text("utf-8")
    assert rules == json.dumps(json.loads(rules), indent=2, ensure_ascii=False) + "\n"


def test_a_fresh_site_lists_jetpack_as_an_active_plugin(tmp_path):
    from jetpress.app import build
    from jetpress.config import Config

    app = build(Config(db_url=f"sqlite:///{tmp_path / 'fresh.db'}", admin_password="x"))
    try:
        assert app.site.options.get("active_plugins") == ["jetpack/jetpack.php"]
        assert app.site.options.get("jetpack_active_modules") == []
    finally:
        app.close()
