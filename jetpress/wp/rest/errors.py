"""REST-core error factories; strings verbatim from WordPress 6.1.9."""

from __future__ import annotations

from typing import Any, cast

from jetpress.types import JSON
from jetpress.wp.errors import WPError


def error_data(error: WPError) -> dict[str, Any]:
    """rest_convert_error_to_response($error)->get_data() (WP 6.1 RA:3320-3358).

    The one place a WPError becomes ``{code, message, data[, additional_data]
    [, additional_errors]}``. Codes keep their first-insertion order, each message of each code
    is one entry, ``data`` is the last data added for the code and older data go to
    ``additional_data``.
    """
    codes: dict[str, tuple[list[str | None], list[Any]]] = {}
    for code, message, data in error.errors:
        messages, datas = codes.setdefault(code, ([], []))
        messages.append(message)
        if data is not None:  # WP_Error::add only stores non-empty data
            datas.append(data)
    entries: list[dict[str, Any]] = []
    for code, (messages, datas) in codes.items():
        last = datas[-1] if datas else None
        for message in messages:
            entry: dict[str, Any] = {"code": code, "message": message, "data": last}
            if len(datas) > 1:
                entry["additional_data"] = datas[:-1]
            entries.append(entry)
    first = entries[0]
    if len(entries) > 1:
        first["additional_errors"] = entries[1:]
    return first


def _json(value: dict[str, object]) -> JSON:
    return cast(JSON, dict(value))


def no_route() -> WPError:
    # WP 6.1 SRV:1103-1107
    return WPError(
        "rest_no_route", "No route was found matching the URL and request method.", status=404
    )


def invalid_handler() -> WPError:
    # WP 6.1 SRV:1137-1143
    return WPError("rest_invalid_handler", "The handler for the route is invalid.", status=500)


def forbidden(status: int) -> WPError:
    # WP 6.1 SRV:1171-1177; status is rest_authorization_required_code() (RA:1336-1338)
    return WPError("rest_forbidden", "Sorry, you are not allowed to do that.", status=status)


def invalid_namespace() -> WPError:
    # WP 6.1 SRV:1391-1397
    return WPError(
        "rest_invalid_namespace", "The specified namespace could not be found.", status=404
    )


def cookie_invalid_nonce() -> WPError:
    # WP 6.1 RA:1071-1073
    return WPError("rest_cookie_invalid_nonce", "Cookie check failed", status=403)


def invalid_json(code: int, message: str) -> WPError:
    # WP 6.1 REQ:690-700
    return WPError(
        "rest_invalid_json",
        "Invalid JSON body passed.",
        status=400,
        data={"json_error_code": code, "json_error_message": message},
    )


def missing_callback_param(params: list[str]) -> WPError:
    # WP 6.1 REQ:889-896
    return WPError(
        "rest_missing_callback_param",
        "Missing parameter(s): " + ", ".join(params),
        status=400,
        data={"params": list(params)},
    )


def invalid_param(params: dict[str, str], details: dict[str, object]) -> WPError:
    # WP 6.1 REQ:918-930 (details is [] when empty: json_encode of an empty PHP array)
    return WPError(
        "rest_invalid_param",
        "Invalid parameter(s): " + ", ".join(params),
        status=400,
        data={"params": dict(params), "details": _json(details) if details else []},
    )


def invalid_params() -> WPError:
    # WP 6.1 REQ:940-944
    return WPError("rest_invalid_params", "Invalid parameters.", status=400)


def callback_invalid() -> WPError:
    # WP 6.1 SRV:385-391: sent before dispatch; json_error() has no data key
    return WPError("rest_callback_invalid", "Invalid JSONP callback function.")


def encode_error(message: str) -> WPError:
    # WP 6.1 SRV:530-544
    return WPError("rest_encode_error", message, status=500)


def batch_not_allowed() -> WPError:
    # WP 6.1 SRV:1638-1644
    return WPError(
        "rest_batch_not_allowed",
        "The requested route does not support batch requests.",
        status=400,
    )


def parse_path_failed() -> WPError:
    # WP 6.1 SRV:1595-1601
    return WPError("parse_path_failed", "Could not parse the path.", status=400)


def body_too_large(limit: int) -> WPError:
    # jetpress: WordPress has no own limit (PHP's post_max_size drops the body); see
    # docs/fidelity.md#body-size-limit.
    return WPError(
        "rest_request_too_large",
        f"The request body is larger than the {limit} bytes this site accepts.",
        status=413,
    )


def internal_server_error() -> WPError:
    # wp-includes/class-wp-fatal-error-handler.php: the REST shape of a fatal error
    return WPError(
        "internal_server_error",
        "<p>There has been a critical error on this website.</p>"
        '<p><a href="https://wordpress.org/support/article/faq-troubleshooting/">'
        "Learn more about troubleshooting WordPress.</a></p>",
        status=500,
    )
