"""Installed plugins: catalog, activation through ``active_plugins``, install without network."""

from __future__ import annotations

import json

import pytest

from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import plugins
from jetpress.php.jsoncodec import PHPObject
from jetpress.wp.errors import WPError
from tests.unit.jetpack.conftest import user


def test_catalog_is_the_fixture_in_get_plugins_order() -> None:
    catalog = plugins.load_catalog()
    assert list(catalog) == ["akismet/akismet.php", "jetpack/jetpack.php"]
    assert catalog["jetpack/jetpack.php"].headers["Version"] == "10.7"
    assert list(catalog["akismet/akismet.php"].headers)[:3] == ["Name", "PluginURI", "Version"]


def test_catalog_file_is_canonical() -> None:
    from importlib import resources

    text = resources.files("jetpress.jetpack.data").joinpath("plugins.json").read_text("utf-8")
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        pytest.param({"headers": {"Name": "X"}}, "expected exactly", id="no-source"),
        pytest.param({"headers": {}, "source": "s"}, "headers need a Name", id="no-name"),
        pytest.param({"headers": {"Name": "X"}, "source": ""}, "missing source", id="empty-src"),
    ],
)
def test_parse_catalog_names_the_bad_entry(entry: dict[str, object], message: str) -> None:
    with pytest.raises(plugins.PluginCatalogError, match=f"x/x.php: {message}"):
        plugins.parse_catalog(json.dumps({"plugins": {"x/x.php": entry}}))


def test_get_plugins_reports_active_from_the_option(jp: Jetpack) -> None:
    listed = plugins.get_plugins(jp)
    assert listed["jetpack/jetpack.php"]["active"] is True
    assert listed["akismet/akismet.php"]["active"] is False
    assert list(listed["akismet/akismet.php"])[-1] == "active"


def test_activate_appends_sorted_and_refuses_twice(jp: Jetpack) -> None:
    result = plugins.activate(jp, "akismet/akismet", "active")
    assert result == {"code": "success", "message": "Activated akismet/akismet.php"}
    assert jp.site.options.get("active_plugins") == ["akismet/akismet.php", "jetpack/jetpack.php"]
    with pytest.raises(WPError) as again:
        plugins.activate(jp, "akismet/akismet", "active")
    assert again.value.errors[0][:2] == (
        "plugin_already_active",
        "Plugin akismet/akismet.php is already active.",
    )


def test_activate_unknown_plugin_is_escaped(jp: Jetpack) -> None:
    with pytest.raises(WPError) as missing:
        plugins.activate(jp, "a<b", "active")
    assert missing.value.errors[0][1] == "Plugin a&lt;b.php is not installed."


def test_activate_needs_status_active(jp: Jetpack) -> None:
    with pytest.raises(WPError) as err:
        plugins.activate(jp, "akismet/akismet", "inactive")
    assert err.value.errors[0][0] == "missing_status_parameter"


def test_get_plugin_is_case_sensitive(jp: Jetpack) -> None:
    assert plugins.get_plugin(jp, "akismet/akismet.php")["message"] == "Plugin found."
    with pytest.raises(WPError):
        plugins.get_plugin(jp, "Akismet/akismet.php")


def test_install_of_an_installed_slug_only_activates(jp: Jetpack) -> None:
    assert plugins.install(jp, "akismet", "inactive", None) == {
        "code": "success",
        "message": "Installed akismet",
    }
    assert plugins.is_plugin_active(jp, "akismet/akismet.php") is False
    activated = plugins.install(jp, "akismet", "active", "dashboard")
    assert activated["message"] == "Activated akismet/akismet.php"


def test_install_of_a_new_slug_fails_without_network(jp: Jetpack) -> None:
    with pytest.raises(WPError) as err:
        plugins.install(jp, "hello-dolly", "active", None)
    code, message, data = err.value.errors[0]
    assert (code, message) == (
        "install_plugin_failed",
        "Unable to install hello-dolly: Download failed. ",
    )
    assert data == {"status": 500}


def test_stripslashes_as_php() -> None:
    assert plugins.stripslashes(r"a\'b\\c\0d\\") == "a'b\\c\0d\\"
    assert plugins.stripslashes("x\\") == "x"


def test_update_count_reads_the_site_transient_for_updaters(jp: Jetpack) -> None:
    admin, editor = user(jp, "admin"), user(jp, "editor1")
    assert plugins.update_count(jp, admin) == 0
    transient = PHPObject("stdClass", {"response": {"akismet/akismet.php": {}, "x/x.php": {}}})
    jp.site.options.update(plugins.UPDATE_TRANSIENT_OPTION, transient)
    assert plugins.update_count(jp, admin) == 2
    assert plugins.update_count(jp, editor) == 0
    assert plugins.update_message(2)["message"] == "2 plugins need updating."
    assert plugins.update_message(1)["message"] == "1 plugin needs updating."
