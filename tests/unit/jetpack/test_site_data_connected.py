"""Site data of a connected site, from the in-process WordPress.com simulator: a site seeded
through the simulator's control plane and given the same tokens, as after a real connection."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import module_data, modules, recommendations, site_data
from jetpress.jetpack.wpcom_client import HttpWpcomClient
from jetpress.protocol.urls import WpcomEndpoints
from jetpress.wp.errors import WPError
from jetpress.wpcom import control
from jetpress.wpcom.app import as_transport
from jetpress.wpcom.models import WpcomState
from tests.unit.jetpack.conftest import ONLINE_URL, build, user

ROOT = "http://wpcom.test"


@pytest.fixture
def state() -> WpcomState:
    return WpcomState(seed=3)


@pytest.fixture
def connected(state: WpcomState) -> tuple[Jetpack, dict[str, Any]]:
    """An online site connected to the simulator, its admin (user 1) the owner."""
    jp = build(ONLINE_URL)
    state.clock = jp.site.clock  # one clock: request signatures carry its timestamps
    seeded = control.seed(
        state,
        {
            "sites": [
                {
                    "siteurl": ONLINE_URL,
                    "name": "Jetpack Demo",
                    "plan": "jetpack_free",
                    "user_tokens": [{"user_id": 1, "email": "admin@example.com"}],
                }
            ]
        },
    )["sites"][0]
    client = HttpWpcomClient(WpcomEndpoints.for_simulator(ROOT), transport=as_transport(state))
    jp = dataclasses.replace(jp, wpcom=client)
    jp.site.options.update("jetpack_options", {"id": seeded["blog_id"], "master_user": 1})
    jp.site.options.update(
        "jetpack_private_options",
        {"blog_token": seeded["blog_token"], "user_tokens": {1: seeded["user_tokens"][0]["token"]}},
    )
    return jp, seeded


def _error(call: Any, *args: Any) -> tuple[str, str | None, Any]:
    with pytest.raises(WPError) as err:
        call(*args)
    code, message, data = err.value.errors[0]
    return code, message, data


def test_site_relays_the_site_object_as_a_string_and_stores_the_plan(connected):
    jp, seeded = connected
    answer = site_data.site_data(jp)
    assert answer["code"] == "success"
    assert isinstance(answer["data"], str)
    site = json.loads(answer["data"])
    assert site["ID"] == seeded["blog_id"]
    assert site["URL"] == ONLINE_URL
    assert "\\/" in answer["data"]  # PHP's json_encode escapes slashes
    assert jp.site.options.get("jetpack_active_plan")["product_slug"] == "jetpack_free"


def test_features_and_purchases_are_the_raw_bodies(connected):
    jp, _ = connected
    features = site_data.features(jp)
    assert features["message"] == "Site features correctly received."
    assert set(json.loads(features["data"])) == {"active", "available"}
    assert site_data.purchases(jp)["message"] == "Site purchases correctly received."


def test_stats_for_each_range(connected):
    jp, _ = connected
    day = module_data.stats(jp, "day")
    assert day["general"]["stats"]["visitors"] >= 0
    assert day["day"] == day["general"]["visits"]
    assert len(day["day"]["data"]) == 30
    assert module_data.stats(jp, "week")["week"]["unit"] == "week"
    assert len(module_data.stats(jp, "month")["month"]["data"]) == 12


def test_monitor_reports_the_last_downtime_in_words(connected, state: WpcomState):
    jp, seeded = connected
    modules.update_active_modules(jp, ["monitor"])
    admin = user(jp, "admin")
    site = state.sites[seeded["blog_id"]]
    site.last_downtime = jp.site.clock.now() - 3 * 86400
    assert module_data.monitor(jp, admin) == {"code": "success", "date": "3 days"}
    site.last_downtime = None
    assert module_data.monitor(jp, admin) == {"code": "success", "date": None}


def test_akismet_checks_the_key_with_the_service(connected):
    jp, seeded = connected
    jp.site.options.update("active_plugins", ["akismet/akismet.php", "jetpack/jetpack.php"])
    assert module_data.akismet(jp) == "invalid_key"  # no key: not 12 characters
    jp.site.options.update("wordpress_api_key", "0123456789ab")
    assert module_data.akismet(jp) == "invalid_key"  # unknown to the service
    assert module_data.key_check(jp, "akismet") == {"validKey": False}
    jp.site.options.update("wordpress_api_key", seeded["akismet_key"])
    jp.site.options.update("akismet_spam_count", 42)
    assert module_data.akismet(jp) == 42
    assert module_data.key_check(jp, "akismet") == {"validKey": True}
    assert module_data.key_check(jp, "akismet", "0123456789ab") == {"validKey": False}


def test_benefits_list_stats_from_wordpress_com(connected):
    jp, _ = connected
    modules.update_active_modules(jp, ["stats", "subscriptions"])
    names = [b["name"] for b in json.loads(site_data.benefits(jp)["data"])]
    assert names[0] == "jetpack-stats"
    assert set(names) <= {"jetpack-stats", "subscribers", "sharing"}


def test_site_verification_as_the_user(connected):
    jp, seeded = connected
    admin = user(jp, "admin")
    first = site_data.is_site_verified(jp, admin, "google", None)
    assert first == {"verified": False, "token": f"gsv-{seeded['blog_id']}"}
    assert site_data.verify_site(jp, admin, "google", 12) == {"verified": True}
    assert site_data.is_site_verified(jp, admin, "google", None)["verified"] is True
    code, message, _ = _error(site_data.is_site_verified, jp, user(jp, "editor1"), "google", None)
    assert (code, message) == (
        "error_checking_if_site_verified_google",
        "-10520: Jetpack: [missing_token] ",
    )


def test_upsell_for_a_connected_user_asks_wordpress_com(connected):
    jp, _ = connected
    assert recommendations.upsell(jp, user(jp, "editor1")) == {"hide_upsell": True}
    code, _, data = _error(recommendations.upsell, jp, user(jp, "admin"))
    assert (code, data) == ("failed_to_fetch_data", {"status": 404})  # not simulated


def test_wordpress_com_down_gives_the_fetch_errors(connected, state: WpcomState):
    jp, _ = connected
    control.add_faults(state, {"match": "/rest/", "status": 503, "body": "<html>down</html>"})
    code, message, data = _error(site_data.site_data, jp)
    assert code == "site_data_fetch_failed"
    assert message == (
        "Failed fetching site data from WordPress.com. If the problem persists, "
        "try reconnecting Jetpack."
    )
    assert data == {"status": 400, "api_error_code": None, "api_http_code": 503}
    assert _error(site_data.purchases, jp)[0] == "failed_to_fetch_data"
    general = module_data.stats(jp, "day")["general"]
    assert general == {"errors": {"stats_error": [""]}, "error_data": []}


def test_timeouts_and_garbage_never_escape_as_exceptions(connected, state: WpcomState):
    jp, _ = connected
    control.add_faults(
        state, {"match": r"/rest/v1\.1/sites/[0-9]+\?force", "timeout": True, "times": 1}
    )
    _, message, data = _error(site_data.site_data, jp)
    assert data["api_error_code"] == "http_request_failed"
    assert "(http_request_failed)" in str(message)
    control.add_faults(state, {"match": "/features", "status": 200, "body": "not json"})
    assert _error(site_data.features, jp)[0] == "failed_to_fetch_data"
    control.add_faults(state, {"match": "xmlrpc", "php_notice": True, "times": 1})
    modules.update_active_modules(jp, ["monitor"])
    code, message, _ = _error(module_data.monitor, jp, user(jp, "admin"))
    assert (code, message) == ("monitor-downtime", "parse error. not well formed")
