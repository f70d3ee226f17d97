"""The WordPress.com calls behind the site-data endpoints, as Jetpack 10.7 makes them:
Client::wpcom_json_api_request_as_blog / _as_user, Jetpack_IXR_Client::query,
stats_get_from_restapi and Akismet's verify-key, plus PHP's json_decode/wp_json_encode round
trip of WordPress.com objects.

A call without the token it needs fails with ``missing_token`` before any network (what the
corpus records for an unregistered site); otherwise the request goes to ``jp.wpcom``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import orjson

from jetpress import php
from jetpress.jetpack.services import wpcom_api
from jetpress.jetpack.wpcom_client import HttpFailure, HttpResponse, HttpResult
from jetpress.protocol import signing, urls
from jetpress.wp.site import charset, home_url

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User


def blog_request(
    jp: Jetpack, path: str, version: str, *, base: str = "rest", method: str = "GET"
) -> HttpResult:
    """Client::wpcom_json_api_request_as_blog( $path, $version, ..., $base_api_path )."""
    return wpcom_api.request_as_blog(jp, path, version, method=method, base_api_path=base)


def user_request(
    jp: Jetpack,
    user: User | None,
    path: str,
    version: str,
    *,
    base: str = "rest",
    method: str = "GET",
    body: str | None = None,
) -> HttpResult:
    """Client::wpcom_json_api_request_as_user: signed with the current user's token."""
    user_id = user.id if user is not None else 0
    return wpcom_api.request_as_user(
        jp, user_id, path, version, method=method, body=body, base_api_path=base
    )


def ixr_query(jp: Jetpack, user: User | None, method: str, *args: Any) -> wpcom_api.IxrResult:
    """Jetpack_IXR_Client( array( 'user_id' => get_current_user_id() ) )->query( ... )."""
    return wpcom_api.xmlrpc_query(jp, method, *args, user_id=user.id if user else 0)


def user_locale(jp: Jetpack, user: User | None) -> str:
    """get_user_locale(): the site's locale (users here have no locale of their own)."""
    locale = jp.site.options.get("WPLANG")
    return locale if isinstance(locale, str) and locale else "en_US"


# -- PHP's json_decode( $body ) (objects) and wp_json_encode ---------------------------------


def _objects(value: Any) -> Any:
    if isinstance(value, dict):
        return php.JsonObject({str(k): _objects(v) for k, v in value.items()})
    if isinstance(value, list):
        return [_objects(v) for v in value]
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not php.INT_MIN <= value <= php.INT_MAX
    ):
        return float(value)  # php json_decode: integers beyond int64 become floats
    return value


def decode_objects(body: str | bytes) -> Any:
    """``json_decode( $body )`` without ``true``: objects stay objects (``{}`` re-encodes as
    ``{}``); None for invalid JSON."""
    try:
        return _objects(orjson.loads(body))
    except orjson.JSONDecodeError:
        return None


def wp_json_encode(value: Any) -> str:
    """wp_json_encode(): PHP's json_encode bytes as a string."""
    return php.json_encode(value).decode()


# -- stats and plan ---------------------------------------------------------------------------


def stats_get_from_restapi(jp: Jetpack, resource: str) -> Any:
    """stats_get_from_restapi( array(), $resource ) (modules/stats.php 10.7): the decoded
    object, or the WP_Error as json_encode shows it (``{"errors": ..., "error_data": []}``).

    The PHP caches answers for five minutes in a transient; jetpress asks every time."""
    from jetpress.jetpack.services import stats

    blog_id = php.to_int(stats.get_options(jp).get("blog_id"))
    path = f"/sites/{blog_id}/stats/{resource.lstrip('/')}"
    result = blog_request(jp, path, "1.1")
    if isinstance(result, HttpResponse) and result.status == 200:
        return decode_objects(result.body)
    if isinstance(result, HttpFailure):
        return wp_error_json(result.code, result.message)
    return wp_error_json("stats_error", "")


def wp_error_json(code: str, message: str) -> dict[str, Any]:
    """json_encode( new WP_Error( $code, $message ) ): its public properties."""
    return {"errors": {code: [message]}, "error_data": []}


def update_plan_from_site(jp: Jetpack, site: Any) -> None:
    """Jetpack_Plan::update_from_sites_response: store ``plan`` (and ``products``) of the site
    object in ``jetpack_active_plan`` / ``jetpack_site_products`` when they changed."""
    if not isinstance(site, dict) or not isinstance(site.get("plan"), dict):
        return
    plan = php.json_decode(php.json_encode(site["plan"]))  # stored as an array, not an object
    jp.site.options.update(jp.rules.plan_option, plan)
    if isinstance(site.get("products"), list):
        jp.site.options.update(
            "jetpack_site_products", php.json_decode(php.json_encode(site["products"]))
        )


# -- Akismet ----------------------------------------------------------------------------------

AKISMET_TIMEOUT = 15.0  # Akismet::http_post 'timeout' => 15


def akismet_url(jp: Jetpack, path: str) -> str:
    """Akismet::http_post's ``https://rest.akismet.com/1.1/<path>``; a simulator serves Akismet
    under ``<root>/akismet/1.1/``."""
    base = jp.wpcom.endpoints.json_api_base
    if base == urls.WPCOM_JSON_API_BASE:
        return f"https://rest.akismet.com/1.1/{path}"
    return f"{base}/akismet/1.1/{path}"


def akismet_check_key_status(jp: Jetpack, key: str) -> str:
    """Akismet::check_key_status( $key )[1]: the body of ``verify-key`` ('' on a transport
    error: http_post answers ``array( '', '' )``)."""
    form = f"key={signing.php_urlencode(key)}&blog={signing.php_urlencode(home_url(jp.site))}"
    result = wpcom_api.wp_remote_request(
        jp,
        akismet_url(jp, "verify-key"),
        method="POST",
        body=form.encode(),
        headers={"Content-Type": f"application/x-www-form-urlencoded; charset={charset(jp.site)}"},
        timeout=AKISMET_TIMEOUT,
    )
    return result.text if isinstance(result, HttpResponse) else ""


def akismet_verify_key(jp: Jetpack, key: str) -> str:
    """Akismet::verify_key (5.0.2): 'invalid' for a key that is not 12 characters (no
    request), else the service's 'valid' / 'invalid', anything else 'failed'."""
    if len(key.encode()) != 12:  # strlen( $key ) != 12: shortcut for obviously invalid keys
        return "invalid"
    answer = akismet_check_key_status(jp, key)
    return answer if answer in ("valid", "invalid") else "failed"
