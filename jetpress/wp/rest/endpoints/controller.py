"""What WP_REST_Controller gives its subclasses: schema-derived args, context, response filtering.

Port of wp-includes/rest-api/endpoints/class-wp-rest-controller.php (WP 6.1, CTL) and the
request-arg callbacks of rest-api.php (RA): rest_validate_request_arg, rest_sanitize_request_arg,
rest_get_endpoint_args_for_schema and rest_filter_response_by_context.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from jetpress import php
from jetpress.wp.errors import WPError
from jetpress.wp.formatting import sanitize_key
from jetpress.wp.rest import schema
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.rest.routes import CREATABLE

CONTEXT_DESCRIPTION = (
    "Scope under which the request is made; determines fields present in response."
)


def _arg_spec(request: RestRequest, param: str) -> Mapping[str, Any] | None:
    handler = request.attributes
    spec = handler.args.get(param) if handler is not None else None
    return spec if isinstance(spec, Mapping) else None


def validate_arg(value: Any, request: RestRequest, param: str) -> WPError | bool:
    """rest_validate_request_arg as a validate_callback: the handler's spec for ``param``."""
    spec = _arg_spec(request, param)
    if spec is None:
        return True  # RA: ! isset( $attributes['args'][ $param ] ) → true
    error = schema.validate_request_arg(value, param, dict(spec))
    return True if error is None else error


def sanitize_arg(value: Any, request: RestRequest, param: str) -> Any:
    """rest_sanitize_request_arg as a sanitize_callback."""
    spec = _arg_spec(request, param)
    if spec is None:
        return value
    return schema.sanitize_request_arg(value, param, dict(spec))


def sanitize_key_callback(value: Any, request: RestRequest, param: str) -> str:
    """``'sanitize_callback' => 'sanitize_key'``: the extra arguments are ignored."""
    return sanitize_key(value)


def context_param(item_schema: Mapping[str, Any], **extra: Any) -> dict[str, Any]:
    """WP_REST_Controller::get_context_param : contexts of the schema, rsorted."""
    param: dict[str, Any] = {
        "description": CONTEXT_DESCRIPTION,
        "type": "string",
        "sanitize_callback": sanitize_key_callback,
        "validate_callback": validate_arg,
    }
    properties = item_schema.get("properties")
    if not properties:
        return {**param, **extra}
    contexts: list[Any] = []
    for attributes in properties.values():
        if isinstance(attributes, Mapping) and attributes.get("context"):
            contexts.extend(attributes["context"])
    if contexts:
        unique = list(dict.fromkeys(contexts))  # array_unique keeps first occurrences
        param["enum"] = sorted(unique, reverse=True)  # rsort(): strings, so strcmp order
    return {**param, **extra}


def endpoint_args_for_schema(
    item_schema: Mapping[str, Any], method: str = CREATABLE
) -> dict[str, Any]:
    """rest_get_endpoint_args_for_schema ."""
    keywords = [k for k in schema.ALLOWED_SCHEMA_KEYWORDS if k not in ("default", "required")]
    out: dict[str, Any] = {}
    properties = item_schema.get("properties") or {}
    for field_id, params in properties.items():
        if not isinstance(params, Mapping) or php.is_truthy(params.get("readonly")):
            continue  # readonly fields cannot be set
        arg: dict[str, Any] = {"validate_callback": validate_arg, "sanitize_callback": sanitize_arg}
        if method == CREATABLE and params.get("default") is not None:
            arg["default"] = params["default"]
        if method == CREATABLE and php.is_truthy(params.get("required")):
            arg["required"] = True
        for keyword in keywords:
            if params.get(keyword) is not None:  # isset()
                arg[keyword] = params[keyword]
        options = params.get("arg_options")
        if isinstance(options, Mapping):
            if method != CREATABLE:
                options = {k: v for k, v in options.items() if k not in ("required", "default")}
            arg.update(options)
        out[field_id] = arg
    return out


def public_item_schema(item_schema: Mapping[str, Any]) -> dict[str, Any]:
    """WP_REST_Controller::get_public_item_schema : ``arg_options`` removed."""
    out = dict(item_schema)
    properties = out.get("properties")
    if isinstance(properties, Mapping):
        out["properties"] = {
            key: {k: v for k, v in prop.items() if k != "arg_options"}
            if isinstance(prop, Mapping)
            else prop
            for key, prop in properties.items()
        }
    return out


def filter_response_by_context(data: Any, item_schema: Mapping[str, Any], context: Any) -> Any:
    """rest_filter_response_by_context for object and array schemas.

    The anyOf/oneOf branch (pick the matching sub-schema) and patternProperties are not ported:
    no controller here has such a schema around an array or object value.
    """
    if not isinstance(data, dict | list):
        return data
    kind = item_schema.get("type")
    if kind is None:
        if "properties" not in item_schema:
            return data
        kind = "object"
    kinds = kind if isinstance(kind, list) else [kind]
    is_array = "array" in kinds
    is_object = "object" in kinds
    if is_array and is_object:
        # rest_is_array decides which of the two
        if isinstance(data, list) or (data and all(isinstance(k, int) for k in data)):
            is_object = False
        else:
            is_array = False
    additional = item_schema.get("additionalProperties")
    entries = list(enumerate(data)) if isinstance(data, list) else list(data.items())
    kept: dict[Any, Any] = {}
    for key, value in entries:
        check: Any = {}
        if is_array:
            check = item_schema.get("items", {})
        elif is_object:
            properties = item_schema.get("properties") or {}
            if key in properties:
                check = properties[key]
            elif isinstance(additional, Mapping):
                check = additional
        if not isinstance(check, Mapping) or "context" not in check:
            kept[key] = value
            continue
        if context not in (check.get("context") or []):
            continue  # unset( $data[ $key ] )
        kept[key] = filter_response_by_context(value, check, context)
    if isinstance(data, list) and list(kept) == list(range(len(kept))):
        return list(kept.values())
    return kept  # unset() leaves gaps in a list: json_encode then writes an object
