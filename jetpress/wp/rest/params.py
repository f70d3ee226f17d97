"""Argument checks of a matched request: has_valid_params, sanitize_params.

Ports of WP_REST_Request (REQ:866-951, REQ:796-856).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jetpress.wp.errors import WPError
from jetpress.wp.options import copy_arrays
from jetpress.wp.rest import errors, schema
from jetpress.wp.rest.errors import error_data
from jetpress.wp.rest.request import RestRequest


def error_messages(error: WPError) -> str:
    """implode(' ', $error->get_error_messages())."""
    return " ".join(message or "" for _code, message, _data in error.errors)  # implode(null) is ""


def has_valid_params(request: RestRequest) -> None:
    """WP_REST_Request::has_valid_params: raise the first failing check's WPError."""
    json_error = request.json_error
    if json_error is not None:
        raise errors.invalid_json(*json_error)
    handler = request.attributes
    args: Mapping[str, Any] = handler.args if handler is not None else {}
    required = [
        key
        for key, arg in args.items()
        if isinstance(arg, Mapping)
        and arg.get("required") is True
        and request.get_param(key) is None
    ]
    if required:
        raise errors.missing_callback_param(required)
    invalid: dict[str, str] = {}
    details: dict[str, object] = {}
    for key, arg in args.items():
        if not isinstance(arg, Mapping):
            continue
        value = request.get_param(key)
        callback = arg.get("validate_callback")
        if value is None or not callback:
            continue
        outcome = callback(value, request, key)
        if outcome is False:
            invalid[key] = "Invalid parameter."
        elif isinstance(outcome, WPError):
            invalid[key] = error_messages(outcome)
            details[key] = error_data(outcome)
    if invalid:
        raise errors.invalid_param(invalid, details)
    if handler is not None and handler.validate_callback is not None:
        outcome = handler.validate_callback(request)
        if isinstance(outcome, WPError):
            raise outcome
        if outcome is False:
            raise errors.invalid_params()


def sanitize_params(request: RestRequest) -> None:
    """WP_REST_Request::sanitize_params: sanitise every source holding a registered arg."""
    handler = request.attributes
    if handler is None or not handler.args:
        return  # No arguments set, skip sanitizing (REQ:799-802).
    invalid: dict[str, str] = {}
    details: dict[str, object] = {}
    for source_name in request.parameter_order():
        source = request.source(source_name)
        if not source:
            continue
        for key in list(source):
            arg = handler.args.get(key)
            if not isinstance(arg, Mapping):
                continue
            if "sanitize_callback" not in arg and arg.get("type"):
                # Default to rest_parse_request_arg when typed (REQ:820-823). It is a pure
                # function of (value, schema), so a default's result is kept on the handler.
                if source_name == "defaults":
                    if key not in handler.arg_memo:
                        handler.arg_memo[key] = schema.parse_request_arg(source[key], key, arg)
                    value = copy_arrays(handler.arg_memo[key])  # callers may mutate it
                else:
                    value = schema.parse_request_arg(source[key], key, arg)
            elif not arg.get("sanitize_callback"):
                continue
            else:
                # Plugins' callbacks may have side effects (Jetpack's sharing options): always run.
                value = arg["sanitize_callback"](source[key], request, key)
            if isinstance(value, WPError):
                # Later sources overwrite a key's message ($invalid_params[ $key ] = ...).
                invalid[key] = error_messages(value)
                details[key] = error_data(value)
            else:
                source[key] = value
    if invalid:
        raise errors.invalid_param(invalid, details)
