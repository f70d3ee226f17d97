"""Jetpack's validate_callbacks, ``(value, request, param) -> True | False | WPError``.

Ports of Jetpack_Core_Json_Api_Endpoints::validate_* of 10.7 (catalog ``validators``, with their
parameters and sources), strings esc_html'd as Jetpack does. WordPress wraps a WP_Error into
400 ``rest_invalid_param`` and ``false`` into "Invalid parameter." (params.has_valid_params).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import partial
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import errors
from jetpress.jetpack.services import sharing
from jetpress.php import in_array
from jetpress.wp.formatting import esc_html

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.rest.request import RestRequest

Validator = Callable[[Any, "RestRequest", str], Any]

_ALPHANUM = re.compile(r"^[a-z0-9]+$", re.IGNORECASE)  # validate_alphanum
_SERVICE_CODE = re.compile(r"^[a-z0-9_-]+$", re.IGNORECASE)  # validate_verification_service
_TWITTER = re.compile(r"^@?\w{1,15}$", re.IGNORECASE | re.ASCII)  # validate_twitter_username
_CUSTOM_ID = re.compile(r"custom\-[0-1]+", re.IGNORECASE)  # validate_custom_service_id: [0-1]
# jetpack_verification_get_code (modules/verification-tools/verification-tools-utils.php)
_META_CONTENT = re.compile(r"content=[\"']?([^\"' ]*)", re.IGNORECASE)


def _empty(value: Any) -> bool:
    """PHP empty()."""
    return not php.is_truthy(value)


def validate_boolean(value: Any, request: RestRequest | None, param: str) -> Any:
    """``!is_bool(v) && !((ctype_digit(v) || is_numeric(v)) && in_array(v, [0, 1]))``: JSON
    booleans, 0/1 and numeric strings equal to them (corpus settings-modules/carousel-int-1)."""
    if isinstance(value, bool):
        return True
    if php.is_numeric(value) and in_array(value, [0, 1]):
        return True
    return errors.invalid_param(esc_html(f"{param} must be true, false, 0 or 1."))


def validate_posint(value: Any, request: RestRequest | None, param: str) -> Any:
    """``! is_numeric( $value ) || $value <= 0``."""
    if not php.is_numeric(value) or php.to_float(value) <= 0:
        return errors.invalid_param(esc_html(f"{param} must be a positive integer."))
    return True


def validate_non_neg_int(value: Any, request: RestRequest | None, param: str) -> Any:
    """``! is_numeric( $value ) || $value < 0`` (licensing activation notice)."""
    if not php.is_numeric(value) or php.to_float(value) < 0:
        return errors.invalid_param(esc_html(f"{param} must be a non-negative integer."))
    return True


def validate_alphanum(value: Any, request: RestRequest | None, param: str) -> Any:
    """Empty allowed; otherwise a string matching ``^[a-z0-9]+$``i."""
    if not _empty(value) and (not isinstance(value, str) or not _ALPHANUM.search(value)):
        return errors.invalid_param(esc_html(f"{param} must be an alphanumeric string."))
    return True


def validate_string(value: Any, request: RestRequest | None, param: str) -> Any:
    """``is_string( $value )``."""
    if not isinstance(value, str):
        return errors.invalid_param(esc_html(f"{param} must be a string."))
    return True


def verification_code(value: str) -> str | None:
    """jetpack_verification_get_code: the ``content`` of a verification meta tag, or None."""
    found = _META_CONTENT.search(value)
    return found.group(1) if found else None


def validate_verification_service(value: Any, request: RestRequest | None, param: str) -> Any:
    """A bare code or a verification meta tag (corpus settings-update/bing,
    settings-invalid/google)."""
    if not _empty(value) and not (
        isinstance(value, str)
        and (_SERVICE_CODE.search(value) or verification_code(value) is not None)
    ):
        return errors.invalid_param(
            esc_html(f"{param} must be an alphanumeric string or a verification tag.")
        )
    return True


def validate_twitter_username(value: Any, request: RestRequest | None, param: str) -> Any:
    """Empty allowed; ``^@?\\w{1,15}$``i."""
    if not _empty(value) and (not isinstance(value, str) or not _TWITTER.search(value)):
        return errors.invalid_param(esc_html(f"{param} must be a Twitter username."))
    return True


def validate_list_item(value: Any, request: RestRequest | None, param: str) -> Any:
    """The value must be in the registered arg's ``enum``, compared loosely (10.7: in_array
    without strict; corpus settings-invalid/wpl_default)."""
    handler = request.attributes if request is not None else None
    args: Mapping[str, Any] = handler.args if handler is not None else {}
    arg = args.get(param)
    if not isinstance(arg, Mapping):
        return errors.invalid_param(esc_html(f"{param} not recognized"))
    enum = arg.get("enum")
    if enum:
        options = list(enum.keys()) if isinstance(enum, Mapping) else list(enum)
        if not in_array(value, options):
            joined = ", ".join(php.to_php_string(option) for option in options)
            return errors.invalid_param_value(esc_html(f"{param} must be one of {joined}"))
    return True


def validate_module_list(jp: Jetpack, value: Any, request: RestRequest | None, param: str) -> Any:
    """An array whose every item is an available module (array_intersect on string forms)."""
    if not isinstance(value, list | dict):
        return errors.invalid_param_value(esc_html(f"{param} must be an array"))
    items = list(value.values()) if isinstance(value, dict) else value
    slugs = set(jp.catalog.module_map)
    if any(isinstance(item, list | dict) or php.to_php_string(item) not in slugs for item in items):
        return errors.invalid_param_value(esc_html(f"{param} must be a list of valid modules"))
    return True


def _views(jp: Jetpack, name: str, key: str) -> list[str]:
    return [str(item) for item in jp.catalog.validator(name).params[key]]  # type: ignore[union-attr]


def _intersects(value: Any, allowed: list[str]) -> bool:
    items = list(value.values()) if isinstance(value, dict) else list(value)
    strings = {php.to_php_string(item) for item in items if not isinstance(item, list | dict)}
    return any(option in strings for option in allowed)


def validate_sharing_show(jp: Jetpack, value: Any, request: RestRequest | None, param: str) -> Any:
    """An array sharing at least one view with index, post, page, attachment, jetpack-portfolio."""
    views = _views(jp, "validate_sharing_show", "views")
    if not isinstance(value, list | dict):
        return errors.invalid_param(esc_html(f"{param} must be an array of post types."))
    if not _intersects(value, views):
        return errors.invalid_param(esc_html(f"{param} must be {', '.join(views)}."))
    return True


def validate_stats_roles(jp: Jetpack, value: Any, request: RestRequest | None, param: str) -> Any:
    """Empty, or an array holding at least one of the five default roles.

    A non-empty non-array is a PHP 8 TypeError in 10.7's array_intersect (a fatal error);
    jetpress answers the validator's own 400 (docs/fidelity.md#php-fatal).
    """
    roles = _views(jp, "validate_stats_roles", "roles")
    if _empty(value):
        return True
    if not isinstance(value, list | dict) or not _intersects(value, roles):
        return errors.invalid_param(esc_html(f"{param} must be {', '.join(roles)}."))
    return True


def validate_services(jp: Jetpack, value: Any, request: RestRequest | None, param: str) -> Any:
    """``{visible, hidden}`` whose non-empty lists each name at least one sharing service.

    A list given as a string is a PHP 8 TypeError in 10.7 (array_intersect); jetpress answers
    the validator's own 400 (docs/fidelity.md#php-fatal).
    """
    if not isinstance(value, dict) or value.get("visible") is None or value.get("hidden") is None:
        return errors.invalid_param(
            esc_html(f"{param} must be an array with visible and hidden items.")
        )
    visible, hidden = value["visible"], value["hidden"]
    if _empty(visible) and _empty(hidden):
        return True  # Allow to clear everything.
    services = sharing.all_service_ids(jp)
    for items in (visible, hidden):
        if _empty(items):
            continue
        if not isinstance(items, list | dict) or not _intersects(items, services):
            return errors.invalid_param(
                esc_html(
                    f"{param} visible and hidden items must be a list of {', '.join(services)}."
                )
            )
    return True


def validate_custom_service(value: Any, request: RestRequest | None, param: str) -> Any:
    """``isset`` of sharing_name, sharing_url and sharing_icon."""
    if not isinstance(value, dict) or any(
        value.get(key) is None for key in ("sharing_name", "sharing_url", "sharing_icon")
    ):
        return errors.invalid_param(esc_html(f"{param} needs sharing name, url and icon."))
    return True


def validate_custom_service_id(
    jp: Jetpack, value: Any, request: RestRequest | None, param: str
) -> Any:
    """Empty, or a ``custom-<digits>`` id of a registered custom service (the class is
    Jetpack's [0-1]); the arg's default '' is validated on every request and must pass."""
    if not _empty(value) and (not isinstance(value, str) or not _CUSTOM_ID.search(value)):
        return errors.invalid_param(
            esc_html(f"{param} must be a string prefixed with 'custom-' and followed by numbers.")
        )
    if not _empty(value) and value not in sharing.all_service_ids(jp):
        return errors.invalid_param(
            esc_html(f"{param} is not a registered custom sharing service.")
        )
    return True


def validate_array_of_strings(values: Any, request: RestRequest | None, param: str) -> Any:
    """validate_string on each item."""
    items = list(values.values()) if isinstance(values, dict) else list(values)
    for item in items:
        outcome = validate_string(item, request, param)
        if outcome is not True:
            return outcome
    return True


def validate_onboarding(value: Any, request: RestRequest | None, param: str) -> Any:
    """An array of strings, arrays of strings and booleans (messages name ``onboarding``)."""
    if not isinstance(value, list | dict):
        return errors.invalid_param("Not valid onboarding data.")
    items = list(value.values()) if isinstance(value, dict) else value
    for item in items:
        if isinstance(item, str):
            outcome = validate_string(item, request, "onboarding")
        elif isinstance(item, list | dict):
            outcome = validate_array_of_strings(item, request, "onboarding")
        else:
            outcome = validate_boolean(item, request, "onboarding")
        if outcome is not True:
            return outcome
    return True


def are_valid_title_formats(value: Any, request: RestRequest | None, param: str) -> Any:
    """Jetpack_SEO_Titles::are_valid_title_formats: False gives "Invalid parameter."."""
    page_types = ("front_page", "posts", "pages", "groups", "archives")
    if not isinstance(value, list | dict):
        return False
    entries = value.items() if isinstance(value, dict) else enumerate(value)
    for page_type, formats in entries:
        if not in_array(page_type, list(page_types)):
            return False
        if formats == "":
            continue
        if not isinstance(formats, list | dict):
            return False
        items = formats.values() if isinstance(formats, dict) else formats
        for item in items:
            if not isinstance(item, dict) or _empty(item.get("type")) or _empty(item.get("value")):
                return False
    return True


def validate_activate_plugin(value: Any, request: RestRequest | None, param: str) -> Any:
    """CORE validate_activate_plugin (10.7): ``return 'active' === $value;``, so any other
    value is WordPress's plain "Invalid parameter." (corpus
    site-plugins/plugins-deactivate-after-activate)."""
    return isinstance(value, str) and value == "active"


def validate_recommendations_data(value: Any, request: RestRequest | None, param: str) -> Any:
    """CORE validate_recommendations_data: an object of strings, string lists or booleans."""
    if not isinstance(value, list | dict):
        return errors.invalid_param(esc_html(f"{param} must be an object."))
    items = list(value.values()) if isinstance(value, dict) else value
    for answer in items:
        if isinstance(answer, list | dict):
            outcome = validate_array_of_strings(answer, request, param)
        elif isinstance(answer, str):
            outcome = validate_string(answer, request, param)
        elif answer is None:
            outcome = True
        else:
            outcome = validate_boolean(answer, request, param)
        if outcome is not True:
            return outcome
    return True


def validate_disconnect_is_active(value: Any, request: RestRequest | None, param: str) -> Any:
    """REST_Connector::validate_disconnect (connection package 10.x, F5 ≈L97)."""
    if value is not False:
        return errors.rest_invalid_param("The isActive argument should be set to false.")
    return True


def by_name(jp: Jetpack) -> dict[str, Validator]:
    """Validators by the names catalog and routes.json use, bound to ``jp`` where needed."""
    bound: dict[str, Callable[..., Any]] = {
        "validate_module_list": validate_module_list,
        "validate_sharing_show": validate_sharing_show,
        "validate_stats_roles": validate_stats_roles,
        "validate_services": validate_services,
        "validate_custom_service_id": validate_custom_service_id,
    }
    plain: dict[str, Validator] = {
        "validate_boolean": validate_boolean,
        "validate_posint": validate_posint,
        "validate_non_neg_int": validate_non_neg_int,
        "validate_alphanum": validate_alphanum,
        "validate_string": validate_string,
        "validate_verification_service": validate_verification_service,
        "validate_twitter_username": validate_twitter_username,
        "validate_list_item": validate_list_item,
        "validate_custom_service": validate_custom_service,
        "validate_onboarding": validate_onboarding,
        "Jetpack_SEO_Titles::are_valid_title_formats": are_valid_title_formats,
        "validate_activate_plugin": validate_activate_plugin,
        "validate_recommendations_data": validate_recommendations_data,
        "validate_disconnect_is_active": validate_disconnect_is_active,
    }
    out: dict[str, Validator] = dict(plain)
    for name, function in bound.items():
        out[name] = partial(function, jp)
    return out
