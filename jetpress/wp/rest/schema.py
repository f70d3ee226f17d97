"""WordPress 6.1's JSON-schema argument validation and sanitisation (RA = wp-includes/rest-api.php).

Values are PHP values as Python data; PHP's casts and comparison come from jetpress.php, the
format checks from ``formats`` and the text sanitisers from jetpress.wp.formatting.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping

from jetpress import php
from jetpress.types import JSON
from jetpress.wp import formatting
from jetpress.wp.errors import WPError
from jetpress.wp.rest import formats

# --------------------------------------------------------------------------- PHP values


def _is_php_array(value: object) -> bool:
    return isinstance(value, list | tuple | Mapping)


def _is_scalar(value: object) -> bool:
    return isinstance(value, bool | int | float | str)


def _string(value: object) -> str:
    """(string) $value; an object (an Error in PHP 8: no __toString) reads as 'Object'."""
    if _is_php_array(value):
        return "Array"
    return php.to_php_string(value) if value is None or _is_scalar(value) else "Object"


def _php_key(key: object) -> int | str:
    """The key PHP stores: decimal strings, bools and floats become ints, null ''."""
    return php.to_array_key(key) if key is None or _is_scalar(key) else _string(key)


def _entries(value: object) -> list[tuple[object, int | str, object]]:
    """foreach ( $value as $key => $v ): (original key, PHP key, value); non-arrays give nothing."""
    if isinstance(value, Mapping):
        return [(key, _php_key(key), item) for key, item in value.items()]
    if isinstance(value, list | tuple):
        return [(index, index, item) for index, item in enumerate(value)]
    return []


def _php_map(value: object) -> dict[int | str, object]:
    return {key: item for _, key, item in _entries(value)}


def _schema(value: object) -> dict[str, object]:
    """A schema as a local (by-value) array; anything else reads like an empty array."""
    if isinstance(value, Mapping):
        return {key: item for key, item in value.items() if isinstance(key, str)}
    return {}


def _isset(args: Mapping[str, object], key: str) -> bool:
    return args.get(key) is not None


def _php_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "float"
    if isinstance(value, str):
        return "string"
    return "array" if _is_php_array(value) else "object"


def _lt(left: object, right: object) -> bool:
    return php.spaceship(left, right) < 0


def _le(left: object, right: object) -> bool:
    return php.spaceship(left, right) <= 0


def _json_choice(choice: object) -> str:
    """wp_json_encode( $choice ) for an enum message; '' where PHP returns false."""
    try:
        return php.json_encode(choice).decode("ascii")
    except (php.JsonEncodeError, TypeError):
        return ""  # non-finite numbers, invalid UTF-8, depth, or no PHP value at all


def _number_format(value: object) -> str:
    """number_format_i18n($n) for en_US: 0 decimals, half away from zero, ',' thousands."""
    number = php.to_float(value)
    if math.isnan(number):
        return "nan"
    if math.isinf(number):
        return "inf" if number > 0 else "-inf"
    rounded = math.floor(abs(number) + 0.5)
    return ("-" if number < 0 and rounded else "") + f"{rounded:,}"


def _plural(count: object, single: str, plural: str) -> str:
    """_n() without translations: NOOP_Translations uses ``1 == $count``."""
    return single if php.loose_equals(count, 1) else plural


def sprintf_l(items: object) -> str:
    """wp_sprintf_l('%l', $items): "a", "a and b", "a, b, and c"; '' for no items (FN:5220)."""
    values = [_string(item) for _, _, item in _entries(items)]
    if not values:
        return ""
    if len(values) == 1:
        return values[0]
    if len(values) == 2:
        return f"{values[0]} and {values[1]}"
    return ", ".join(values[:-1]) + ", and " + values[-1]


def _sprintf_l_tail(items: list[object], tail: str) -> str:
    # wp_sprintf_l returns '' for an empty list, which also drops the rest of the fragment.
    return sprintf_l(items) + tail if items else ""


# --------------------------------------------------------------------------- RA:1433-1578 types


def parse_list(value: object) -> list[str]:
    """wp_parse_list: split a scalar on ``[\\s,]+`` with no empty parts (FN:4815).

    Arrays keep their scalar items (6.1 filters with is_scalar), as PHP strings.
    """
    if _is_php_array(value):
        return [_string(item) for _, _, item in _entries(value) if _is_scalar(item)]
    # preg_split('/[\s,]+/') without the u flag: \s is ASCII whitespace only.
    return [part for part in re.split(r"[ \t\n\v\f\r,]+", _string(value)) if part]


def sanitize_boolean(value: object) -> bool:
    """rest_sanitize_boolean: the strings 'false' and '0' (any case) are false (RA:1433-1444)."""
    if isinstance(value, str) and php.strtolower(value) in ("false", "0"):
        return False
    return php.is_truthy(value)


def is_boolean(value: object) -> bool:
    """rest_is_boolean: bools, 'true'/'false'/'1'/'0' in any case, and the ints 0 and 1."""
    if isinstance(value, bool):
        return True
    if isinstance(value, str):
        return php.strtolower(value) in ("false", "true", "0", "1")
    if isinstance(value, int):
        return value in (0, 1)
    return False


def is_integer(value: object) -> bool:
    """rest_is_integer: ``is_numeric($v) && round((float) $v) === (float) $v`` (RA:1487-1489)."""
    if not php.is_numeric(value):
        return False
    number = php.to_float(value)
    return math.isinf(number) or (math.isfinite(number) and number.is_integer())


def is_array(value: object) -> bool:
    """rest_is_array: scalars split as lists, arrays must have only integer keys (RA:1499-1507)."""
    if _is_scalar(value):
        return True  # wp_parse_list always gives a list.
    return _is_php_array(value) and all(isinstance(key, int) for _, key, _ in _entries(value))


def sanitize_array(value: object) -> list[object]:
    """rest_sanitize_array: parse scalars, array_values() arrays, [] for anything else."""
    if _is_scalar(value):
        return list(parse_list(value))
    return [item for _, _, item in _entries(value)]


def is_object(value: object) -> bool:
    """rest_is_object: any array (lists too, as PHP cannot tell them apart) or ''."""
    return value == "" or _is_php_array(value)


def sanitize_object(value: object) -> object:
    """rest_sanitize_object: arrays unchanged, everything else (including '') an empty object."""
    return value if _is_php_array(value) else {}


def _pattern_property_schema(prop: int | str, args: Mapping[str, object]) -> object:
    """rest_find_matching_pattern_property_schema (RA:1736-1746)."""
    for _, pattern, child in _entries(args.get("patternProperties")):
        if formats.validate_json_schema_pattern(pattern, prop):
            return child
    return None


# --------------------------------------------------------------------------- anyOf / oneOf

_Failure = tuple[WPError, dict[str, object], int | str]


def _combining_failure(param: str, failure: _Failure) -> WPError:
    """rest_format_combining_operation_error (RA:1757-1779)."""
    error, schema, position = failure
    if _isset(schema, "title"):
        title = _string(schema["title"])
        message = f"{param} is not a valid {title}. Reason: {error.message}"
    else:
        message = f"{param} does not match the expected format. Reason: {error.message}"
    return WPError("rest_no_matching_schema", message, data={"position": position})


def _combining_operation_error(value: object, param: str, failures: list[_Failure]) -> WPError:
    """rest_get_combining_operation_error (RA:1790-1849)."""
    if len(failures) == 1:
        return _combining_failure(param, failures[0])
    filtered = [
        failure
        for failure in failures
        if failure[0].code != "rest_invalid_type"
        or (isinstance(failure[0].data, dict) and failure[0].data.get("param") not in (None, param))
    ]
    if len(filtered) == 1:
        return _combining_failure(param, filtered[0])
    if len(filtered) > 1 and filtered[0][1].get("type") == "object":
        best: _Failure | None = None
        number = 0
        keys = set(_php_map(value)) if _is_php_array(value) else set()
        for failure in filtered:
            if _isset(failure[1], "properties"):
                count = len(set(_php_map(failure[1]["properties"])) & keys)
                if count > number:
                    best, number = failure, count
        if best is not None:
            return _combining_failure(param, best)
    titles = [failure[1]["title"] for failure in failures if _isset(failure[1], "title")]
    if len(titles) == len(failures):
        message = f"{param} is not a valid " + _sprintf_l_tail(titles, ".")
        return WPError("rest_no_matching_schema", message)
    return WPError(
        "rest_no_matching_schema", f"{param} does not match any of the expected formats."
    )


def _subschemas(
    args: Mapping[str, object], keyword: str
) -> list[tuple[int | str, dict[str, object]]]:
    """The anyOf/oneOf schemas, each inheriting the parent's type when it has none."""
    out = []
    for _, index, item in _entries(args.get(keyword)):
        schema = _schema(item)
        if not _isset(schema, "type") and _isset(args, "type"):
            schema["type"] = args["type"]
        out.append((index, schema))
    return out


def _find_any_matching_schema(
    value: object, args: Mapping[str, object], param: str
) -> dict[str, object] | WPError:
    """rest_find_any_matching_schema (RA:1859-1882)."""
    failures: list[_Failure] = []
    for index, schema in _subschemas(args, "anyOf"):
        error = _validate(value, schema, param)
        if error is None:
            return schema
        failures.append((error, schema, index))
    return _combining_operation_error(value, param, failures)


def _find_one_matching_schema(
    value: object, args: Mapping[str, object], param: str
) -> dict[str, object] | WPError:
    """rest_find_one_matching_schema (RA:1893-1960)."""
    matches: list[tuple[int | str, dict[str, object]]] = []
    failures: list[_Failure] = []
    for index, schema in _subschemas(args, "oneOf"):
        error = _validate(value, schema, param)
        if error is None:
            matches.append((index, schema))
        else:
            failures.append((error, schema, index))
    if not matches:
        return _combining_operation_error(value, param, failures)
    if len(matches) > 1:
        positions: list[JSON] = [index for index, _ in matches]
        titles = [schema["title"] for _, schema in matches if _isset(schema, "title")]
        if len(titles) == len(matches):
            message = f"{param} matches " + _sprintf_l_tail(titles, ", but should match only one.")
        else:
            message = f"{param} matches more than one of the expected formats."
        return WPError("rest_one_of_multiple_matches", message, data={"positions": positions})
    return matches[0][1]


# --------------------------------------------------------------------------- type resolution

ALLOWED_TYPES = ("array", "object", "string", "number", "integer", "boolean", "null")
_TYPE_CHECKS: Mapping[str, Callable[[object], bool]] = {
    "array": is_array,
    "object": is_object,
    "integer": is_integer,
    "number": php.is_numeric,
    "boolean": is_boolean,
    "string": lambda value: isinstance(value, str),
    "null": lambda value: value is None,
}


def _best_type_for_value(value: object, types: list[object]) -> str:
    """rest_get_best_type_for_value: '' prefers string; otherwise the first passing check."""
    if value == "" and isinstance(value, str) and "string" in types:
        return "string"
    for kind in types:
        if isinstance(kind, str) and kind in _TYPE_CHECKS and _TYPE_CHECKS[kind](value):
            return kind
    return ""


def _multi_type(value: object, types: object) -> object:
    """rest_handle_multi_type_schema: an unknown listed type wins when nothing matches."""
    listed = [item for _, _, item in _entries(types)]
    invalid = [item for item in listed if _string(item) not in ALLOWED_TYPES]
    best = _best_type_for_value(value, listed)
    if not best and invalid:
        return invalid[0]  # back-compat for invalid types (RA:1647-1652)
    return best


def _is_known_type(kind: object) -> bool:
    return isinstance(kind, str) and kind in ALLOWED_TYPES


# --------------------------------------------------------------------------- validation (RA:2090+)


def _invalid_type(param: str, kind: object) -> WPError:
    message = f"{param} is not of type {_string(kind)}."
    return WPError("rest_invalid_type", message, data={"param": param})


def _too_deep() -> WPError:
    # PHP has no recursion limit; Python's is reached only through a self-referencing schema.
    return WPError("rest_invalid_param", "Invalid parameter.")


def validate_value_from_schema(
    value: object, args: Mapping[str, object], param: str = ""
) -> WPError | None:
    """Port of rest_validate_value_from_schema (RA:2090-2221): None when valid, else the WPError.

    >>> validate_value_from_schema("5", {"type": "integer"}) is None
    True
    >>> validate_value_from_schema("x", {"type": "integer"}, "id").message
    'id is not of type integer.'
    """
    try:
        return _validate(value, args, param)
    except RecursionError:
        return _too_deep()


def _validate(value: object, schema: object, param: str) -> WPError | None:
    args = _schema(schema)
    for keyword, find in (
        ("anyOf", _find_any_matching_schema),
        ("oneOf", _find_one_matching_schema),
    ):
        if _isset(args, keyword):
            matching = find(value, args, param)
            if isinstance(matching, WPError):
                return matching
            if not _isset(args, "type") and _isset(matching, "type"):
                args["type"] = matching["type"]
    kind = args.get("type")
    if _is_php_array(kind):
        best = _multi_type(value, kind)
        if not php.is_truthy(best):
            listed = ",".join(_string(item) for _, _, item in _entries(kind))
            return WPError(
                "rest_invalid_type", f"{param} is not of type {listed}.", data={"param": param}
            )
        args["type"] = kind = best
    error = _validate_by_type("null" if kind is True else kind, value, args, param)  # loose switch
    if error is not None:
        return error
    if php.is_truthy(args.get("enum")):
        error = _validate_enum(value, args, param)
        if error is not None:
            return error
    if _isset(args, "format") and (
        not _isset(args, "type") or not _is_known_type(kind) or kind == "string"
    ):
        return _validate_format(args["format"], value, param)
    return None


def _validate_by_type(
    kind: object, value: object, args: dict[str, object], param: str
) -> WPError | None:
    if kind == "null":
        return None if value is None else _invalid_type(param, "null")
    if kind == "boolean":
        return None if is_boolean(value) else _invalid_type(param, "boolean")
    if kind == "object":
        return _validate_object(value, args, param)
    if kind == "array":
        return _validate_array(value, args, param)
    if kind in ("number", "integer"):
        error = _validate_number(value, args, param)
        if error is None and kind == "integer" and not is_integer(value):
            return _invalid_type(param, "integer")
        return error
    if kind == "string":
        return _validate_string(value, args, param)
    return None


def _validate_format(fmt: object, value: object, param: str) -> WPError | None:
    """The format switch (RA:2184-2218); ``switch`` compares loosely, so true is 'hex-color'."""
    fmt = "hex-color" if fmt is True else fmt
    if fmt == "hex-color" and not formats.parse_hex_color(value):
        return WPError("rest_invalid_hex_color", "Invalid hex color.")
    if fmt == "date-time" and not formats.parse_date(value):
        return WPError("rest_invalid_date", "Invalid date.")  # a 0 timestamp is falsy too
    if fmt == "email" and not formatting.is_email(value):
        return WPError("rest_invalid_email", "Invalid email address.")
    if fmt == "ip" and not formats.is_ip_address(value):
        return WPError("rest_invalid_ip", f"{param} is not a valid IP address.")
    if fmt == "uuid" and not formats.is_uuid(value):
        return WPError("rest_invalid_uuid", f"{param} is not a valid UUID.")
    return None


def _child_param(param: str, key: int | str) -> str:
    return f"{param}[{key}]"


def _validate_object(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_object_value_from_schema (RA:2277-2380)."""
    if not is_object(value):
        return _invalid_type(param, "object")
    entries = _entries(sanitize_object(value))
    keys = {key for _, key, _ in entries}
    required = args.get("required")
    if _isset(args, "required") and _is_php_array(required):  # schema version 4
        for _, _, name in _entries(required):
            if _is_php_array(name) or _php_key(name) not in keys:
                message = f"{_string(name)} is a required property of {param}."
                return WPError("rest_property_required", message)
    elif _isset(args, "properties"):  # schema version 3
        for _, name, prop in _entries(args["properties"]):
            if isinstance(prop, Mapping) and prop.get("required") is True and name not in keys:
                return WPError(
                    "rest_property_required", f"{name} is a required property of {param}."
                )
    properties = _php_map(args.get("properties"))
    for _, key, item in entries:
        error = None
        if properties.get(key) is not None:
            error = _validate(item, properties[key], _child_param(param, key))
        elif (pattern_schema := _pattern_property_schema(key, args)) is not None:
            error = _validate(item, pattern_schema, _child_param(param, key))
        elif _isset(args, "additionalProperties"):
            additional = args["additionalProperties"]
            if additional is False:
                message = f"{key} is not a valid property of Object."
                return WPError("rest_additional_properties_forbidden", message)
            if _is_php_array(additional):
                error = _validate(item, additional, _child_param(param, key))
        if error is not None:
            return error
    return _check_count(
        len(entries), args, param, "Properties", ("property", "properties"), "properties"
    )


def _check_count(
    count: int,
    args: Mapping[str, object],
    param: str,
    suffix: str,
    nouns: tuple[str, str],
    code: str,
) -> WPError | None:
    """minItems/maxItems and minProperties/maxProperties with _n() and number_format_i18n()."""
    for bound, word, failing, code_word in (
        ("min", "least", _lt, "few"),
        ("max", "most", lambda a, b: _lt(b, a), "many"),
    ):
        limit = args.get(bound + suffix)
        if limit is not None and failing(count, limit):
            noun = _plural(limit, *nouns)
            message = f"{param} must contain at {word} {_number_format(limit)} {noun}."
            return WPError(f"rest_too_{code_word}_{code}", message)
    return None


def _validate_array(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_array_value_from_schema (RA:2392-2451)."""
    if not is_array(value):
        return _invalid_type(param, "array")
    items = sanitize_array(value)
    if _isset(args, "items"):
        for index, item in enumerate(items):
            error = _validate(item, args["items"], _child_param(param, index))
            if error is not None:
                return error
    error = _check_count(len(items), args, param, "Items", ("item", "items"), "items")
    if error is not None:
        return error
    if php.is_truthy(args.get("uniqueItems")) and not _contains_unique_items(items):
        return WPError("rest_duplicate_items", f"{param} has duplicate items.")
    return None


def _validate_number(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_number_value_from_schema (RA:2463-2580)."""
    if not php.is_numeric(value):
        return _invalid_type(param, args.get("type"))
    if _isset(args, "multipleOf"):
        divisor = php.to_float(args["multipleOf"])
        try:
            remainder = math.fmod(php.to_float(value), divisor)
        except ValueError:
            remainder = math.nan  # fmod() by 0 or of INF is NAN in PHP
        if remainder != 0.0:
            message = f"{param} must be a multiple of {_string(args['multipleOf'])}."
            return WPError("rest_invalid_multiple", message)
    minimum, maximum = args.get("minimum"), args.get("maximum")
    exclusive_min = php.is_truthy(args.get("exclusiveMinimum"))
    exclusive_max = php.is_truthy(args.get("exclusiveMaximum"))
    below = minimum is not None and (_le(value, minimum) if exclusive_min else _lt(value, minimum))
    above = maximum is not None and (_le(maximum, value) if exclusive_max else _lt(maximum, value))
    # "%d" of the bounds and no trailing period (RA:2505-2577).
    low = f"{php.to_int(minimum)}"
    high = f"{php.to_int(maximum)}"
    if minimum is not None and maximum is None and below:
        bound = "greater than" if exclusive_min else "greater than or equal to"
        return WPError("rest_out_of_bounds", f"{param} must be {bound} {low}")
    if maximum is not None and minimum is None and above:
        bound = "less than" if exclusive_max else "less than or equal to"
        return WPError("rest_out_of_bounds", f"{param} must be {bound} {high}")
    if minimum is not None and maximum is not None and (below or above):
        low_kind = "exclusive" if exclusive_min else "inclusive"
        high_kind = "exclusive" if exclusive_max else "inclusive"
        message = f"{param} must be between {low} ({low_kind}) and {high} ({high_kind})"
        return WPError("rest_out_of_bounds", message)
    return None


def _validate_string(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_string_value_from_schema (RA:2592-2643); lengths count code points."""
    if not isinstance(value, str):
        return _invalid_type(param, "string")
    for bound, word, code in (
        ("minLength", "least", "rest_too_short"),
        ("maxLength", "most", "rest_too_long"),
    ):
        limit = args.get(bound)
        if limit is None:
            continue
        if _lt(len(value), limit) if bound == "minLength" else _lt(limit, len(value)):
            noun = _plural(limit, "character", "characters")
            message = f"{param} must be at {word} {_number_format(limit)} {noun} long."
            return WPError(code, message)
    if _isset(args, "pattern") and not formats.validate_json_schema_pattern(args["pattern"], value):
        message = f"{param} does not match pattern {_string(args['pattern'])}."
        return WPError("rest_invalid_pattern", message)
    return None


# --------------------------------------------------------------------------- enum and uniqueness


def are_values_equal(left: object, right: object) -> bool:
    """rest_are_values_equal: arrays key-wise ignoring order, int == float, else ``===``."""
    if _is_php_array(left) and _is_php_array(right):
        lmap, rmap = _php_map(left), _php_map(right)
        return len(lmap) == len(rmap) and all(
            key in rmap and are_values_equal(item, rmap[key]) for key, item in lmap.items()
        )
    lt, rt = _php_type(left), _php_type(right)
    if {lt, rt} == {"int", "float"}:
        return php.to_float(left) == php.to_float(right)
    if lt != rt or lt in ("array", "object"):
        return lt == rt == "object" and left is right
    return left == right


def _validate_enum(value: object, args: dict[str, object], param: str) -> WPError | None:
    """rest_validate_enum (RA:2005-2029): compare the sanitised value; the error has no data."""
    sanitized = _sanitize(value, args, param)
    if isinstance(sanitized, WPError):
        return sanitized
    choices = [item for _, _, item in _entries(args.get("enum"))]
    if any(are_values_equal(sanitized, choice) for choice in choices):
        return None
    encoded: list[object] = [
        choice if _is_scalar(choice) else _json_choice(choice) for choice in choices
    ]
    if len(encoded) == 1:
        return WPError("rest_not_in_enum", f"{param} is not {_string(encoded[0])}.")
    return WPError("rest_not_in_enum", f"{param} is not one of " + _sprintf_l_tail(encoded, "."))


def _stable_key(value: object) -> object:
    """serialize(rest_stabilize_value($value)) as a hashable: object keys sorted."""
    if _is_php_array(value):
        items = sorted(_php_map(value).items(), key=lambda kv: (isinstance(kv[0], str), kv[0]))
        return ("a", tuple((key, _stable_key(item)) for key, item in items))
    if isinstance(value, float):
        return ("d", repr(value))  # serialize() keeps -0 and 1.0 distinct from 0 and 1
    if isinstance(value, WPError):
        return ("o", repr(value.errors))
    return (_php_type(value), value if value is None or _is_scalar(value) else id(value))


def _contains_unique_items(items: list[object]) -> bool:
    """rest_validate_array_contains_unique_items (RA:1663-1680)."""
    seen: set[object] = set()
    for item in items:
        key = _stable_key(item)
        if key in seen:
            return False
        seen.add(key)
    return True


# ------------------------------------------------------------------------- sanitisation (RA:2686+)


def sanitize_value_from_schema(
    value: object, args: Mapping[str, object], param: str = ""
) -> object:
    """Port of rest_sanitize_value_from_schema (RA:2686-2836); may return a WPError.

    >>> sanitize_value_from_schema("1,2", {"type": "array", "items": {"type": "integer"}})
    [1, 2]
    """
    try:
        return _sanitize(value, args, param)
    except RecursionError:
        return _too_deep()


def _sanitize(value: object, schema: object, param: str) -> object:
    args = _schema(schema)
    for keyword, find in (
        ("anyOf", _find_any_matching_schema),
        ("oneOf", _find_one_matching_schema),
    ):
        if _isset(args, keyword):
            matching = find(value, args, param)
            if isinstance(matching, WPError):
                return matching
            if not _isset(args, "type"):
                args["type"] = matching.get("type")
            # A WP_Error from here is not returned: PHP goes on sanitising the error object.
            value = _sanitize(value, matching, param)
    kind = args.get("type")
    if _is_php_array(kind):
        kind = _multi_type(value, kind)
        if not php.is_truthy(kind):
            return None
        args["type"] = kind
    if kind == "array":
        return _sanitize_array(value, args, param)
    if kind == "object":
        return _sanitize_object(value, args, param)
    if kind == "null":
        return None
    if kind == "integer":
        return php.to_int(value)
    if kind == "number":
        return php.to_float(value)
    if kind == "boolean":
        return sanitize_boolean(value)
    if _isset(args, "format") and (
        not _isset(args, "type") or not _is_known_type(kind) or kind == "string"
    ):
        fmt = "hex-color" if args["format"] is True else args["format"]  # loose switch
        if fmt == "hex-color":
            return formatting.sanitize_hex_color(value)
        if fmt in ("date-time", "email", "ip", "uuid", "text-field"):
            # sanitize_email() would validate (RA:2810)
            return formatting.sanitize_text_field(value)
        if fmt == "uri":
            return formatting.esc_url_raw(value)
        if fmt == "textarea-field":
            return formatting.sanitize_textarea_field(value)
    if kind == "string":
        return _string(value)
    return value


def _sanitize_array(value: object, args: dict[str, object], param: str) -> object:
    items = sanitize_array(value)
    if php.is_truthy(args.get("items")):
        items = [
            _sanitize(item, args["items"], _child_param(param, index))
            for index, item in enumerate(items)
        ]
    if php.is_truthy(args.get("uniqueItems")) and not _contains_unique_items(items):
        return WPError("rest_duplicate_items", f"{param} has duplicate items.")
    return items


def _sanitize_object(value: object, args: dict[str, object], param: str) -> object:
    """Sanitise known properties; drop extras when additionalProperties is false (RA:2757-2783)."""
    value = sanitize_object(value)
    properties = _php_map(args.get("properties"))
    additional = args.get("additionalProperties")
    kept: list[tuple[object, int | str, object]] = []
    for original, key, item in _entries(value):
        if properties.get(key) is not None:
            item = _sanitize(item, properties[key], _child_param(param, key))
        elif (pattern_schema := _pattern_property_schema(key, args)) is not None:
            item = _sanitize(item, pattern_schema, _child_param(param, key))
        elif additional is False:
            continue
        elif additional is not None and _is_php_array(additional):
            item = _sanitize(item, additional, _child_param(param, key))
        kept.append((original, key, item))
    if isinstance(value, list | tuple) and len(kept) == len(value):
        return [item for _, _, item in kept]
    if isinstance(value, Mapping):
        return {original: item for original, _, item in kept}
    return {str(key): item for _, key, item in kept}


# ------------------------------------------------------------------------- request args (RA:1350+)


def validate_request_arg(value: object, param: str, args: object) -> WPError | None:
    """rest_validate_request_arg: ``args`` is this parameter's spec; a non-array spec is valid."""
    if not _is_php_array(args):
        return None
    return validate_value_from_schema(value, _schema(args), param)


def sanitize_request_arg(value: object, param: str, args: object) -> object:
    """rest_sanitize_request_arg: the value sanitised by its spec (unchanged if not an array)."""
    if not _is_php_array(args):
        return value
    return sanitize_value_from_schema(value, _schema(args), param)


def parse_request_arg(value: object, param: str, args: object) -> object:
    """rest_parse_request_arg, the default sanitize_callback: validate, then sanitise.

    >>> parse_request_arg("5.0", "id", {"type": "integer"})
    5
    """
    error = validate_request_arg(value, param, args)
    if error is not None:
        return error
    return sanitize_request_arg(value, param, args)


ALLOWED_SCHEMA_KEYWORDS = (
    "title", "description", "default", "type", "format", "enum", "items", "properties",
    "additionalProperties", "patternProperties", "minProperties", "maxProperties", "minimum",
    "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength",
    "pattern", "minItems", "maxItems", "uniqueItems", "anyOf", "oneOf",
)  # fmt: skip
"""rest_get_allowed_schema_keywords() (RA:2038-2066)."""


def describe_arg(opts: object) -> dict[str, object]:
    """An endpoint arg as the index shows it (SRV:1517-1526).

    The allowed keywords in registration order, then ``required`` (bool) last. A string spec
    reads as ``{spec: 0}`` and any other non-array as ``{}``.

    >>> describe_arg({"required": True, "type": "string", "validate_callback": print})
    {'type': 'string', 'required': True}
    """
    if isinstance(opts, str):
        opts = {opts: 0}
    spec = opts if isinstance(opts, Mapping) else {}
    described: dict[str, object] = {
        key: item
        for key, item in spec.items()
        if isinstance(key, str) and key in ALLOWED_SCHEMA_KEYWORDS
    }
    described["required"] = php.is_truthy(spec.get("required"))
    return described
