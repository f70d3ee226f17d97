"""Site-data endpoints over HTTP without WordPress.com: /site*, recommendations, tracking,
purchase token, widgets and the documented /recheck-ssl."""

from __future__ import annotations

import json

from tests.support import Api

V4 = "/wp-json/jetpack/v4"


def _admin(api: Api):
    http, nonce = api.as_user("admin")
    http.headers["X-WP-Nonce"] = nonce
    return http


def test_site_needs_a_registered_site(api: Api):
    response = _admin(api).get(V4 + "/site")
    assert response.status_code == 400
    assert response.json()["data"] == {
        "status": 400,
        "api_error_code": "site_id_missing",
        "api_http_code": None,
    }


def test_benefits_are_an_empty_json_string(api: Api):
    body = _admin(api).get(V4 + "/site/benefits").json()
    assert body["message"] == "Site benefits correctly received."
    assert json.loads(body["data"]) == []


def test_remote_site_endpoints_fail_to_fetch(api: Api):
    http = _admin(api)
    for path in ("/site/features", "/site/products", "/site/purchases"):
        response = http.get(V4 + path)
        assert (response.status_code, response.json()["code"]) == (500, "failed_to_fetch_data")


def test_recommendations_step_round_trip(api: Api):
    http = _admin(api)
    assert http.get(V4 + "/recommendations/step").json() == {"step": "not-started"}
    assert http.post(V4 + "/recommendations/step", json={"step": "site-type"}).json() is True
    assert http.get(V4 + "/recommendations/step").json() == {"step": "site-type"}
    missing = http.post(V4 + "/recommendations/step", json={})
    assert (missing.status_code, missing.json()["code"]) == (400, "rest_missing_callback_param")


def test_recommendations_remote_parts_need_a_registered_site(api: Api):
    http = _admin(api)
    for path in ("/recommendations/upsell", "/recommendations/product-suggestions"):
        response = http.get(V4 + path)
        assert (response.status_code, response.json()["code"]) == (500, "site_not_registered")


def test_tracking_stays_opted_out_without_a_user_connection(api: Api):
    http = _admin(api)
    assert http.post(V4 + "/tracking/settings", json={"tracks_opt_out": False}).json() == {
        "tracks_opt_out": True
    }


def test_widgets_are_not_found(api: Api):
    response = _admin(api).get(V4 + "/widgets/milestone_widget-2")
    assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_recheck_ssl_reports_no_ssl_without_wordpress_com(api: Api):
    http = _admin(api)
    response = http.post(V4 + "/recheck-ssl")
    assert response.status_code == 200
    assert response.json() == {"enabled": False, "message": "WordPress reports no SSL support"}
    assert http.get(V4 + "/recheck-ssl").json()["code"] == "rest_no_route"
    anonymous = api.client().post(V4 + "/recheck-ssl")
    assert anonymous.json()["code"] == "invalid_user_permission_view_admin"
    index = http.get(V4).json()["routes"]
    assert "/jetpack/v4/recheck-ssl" not in index
