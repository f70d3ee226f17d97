"""WP_REST_Controller helpers: context param, endpoint args from a schema, context filtering."""

from __future__ import annotations

from typing import Any

from jetpress.wp.rest.endpoints import controller
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.rest.routes import CREATABLE, EDITABLE, Handler

SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "id": {"type": "integer", "context": ["view", "edit", "embed"], "readonly": True},
        "title": {
            "type": "string",
            "description": "Title.",
            "default": "x",
            "required": True,
            "context": ["edit", "view"],
            "maxLength": 5,
            "arg_options": {"required": False, "default": "y", "sanitize_callback": None},
        },
        "secret": {"type": "string", "context": ["edit"]},
        "meta": {
            "type": "object",
            "context": ["view", "edit"],
            "properties": {"a": {"type": "string", "context": ["edit"]}, "b": {"type": "string"}},
        },
    },
}


def test_context_param_rsorts_unique_contexts_then_merges_extra() -> None:
    param = controller.context_param(SCHEMA, default="view")
    assert param["enum"] == ["view", "embed", "edit"]
    assert list(param) == [
        "description", "type", "sanitize_callback", "validate_callback", "enum", "default",
    ]  # fmt: skip
    assert controller.context_param({"type": "object"})["type"] == "string"
    assert "enum" not in controller.context_param({"properties": {"a": {"type": "string"}}})


def test_endpoint_args_for_creatable() -> None:
    args = controller.endpoint_args_for_schema(SCHEMA, CREATABLE)
    assert list(args) == ["title", "secret", "meta"]  # readonly id is left out
    title = args["title"]
    # callbacks, default, required, keywords in rest_get_allowed_schema_keywords order,
    # then arg_options merged over them
    assert list(title) == [
        "validate_callback", "sanitize_callback", "default", "required", "description", "type",
        "maxLength",
    ]  # fmt: skip
    assert title["default"] == "y" and title["required"] is False
    assert title["sanitize_callback"] is None


def test_endpoint_args_for_editable_drop_required_and_default() -> None:
    title = controller.endpoint_args_for_schema(SCHEMA, EDITABLE)["title"]
    assert "required" not in title and "default" not in title
    assert title["sanitize_callback"] is None  # other arg_options still apply


def test_filter_response_by_context() -> None:
    data = {"id": 1, "title": "t", "secret": "s", "meta": {"a": "1", "b": "2"}, "extra": 3}
    assert controller.filter_response_by_context(data, SCHEMA, "view") == {
        "id": 1, "title": "t", "meta": {"b": "2"}, "extra": 3,
    }  # fmt: skip
    assert controller.filter_response_by_context(data, SCHEMA, "embed") == {"id": 1, "extra": 3}
    assert controller.filter_response_by_context(data, SCHEMA, "edit") == data


def test_filter_response_by_context_arrays() -> None:
    schema = {"type": "array", "items": {"type": "string", "context": ["edit"]}}
    assert controller.filter_response_by_context(["a", "b"], schema, "view") == []
    assert controller.filter_response_by_context(["a", "b"], schema, "edit") == ["a", "b"]
    objects: dict[str, Any] = {
        "type": "array",
        "items": {"type": "object", "properties": {"k": {"context": ["edit"]}}},
    }
    rows = [{"k": 1, "v": 2}, {"v": 3}]
    # items without a context are not descended into (`continue` before the recursion)
    assert controller.filter_response_by_context(rows, objects, "view") == rows
    objects["items"]["context"] = ["view", "edit"]
    assert controller.filter_response_by_context(rows, objects, "view") == [{"v": 2}, {"v": 3}]
    per_item = {"type": "object", "properties": {"0": {"context": ["edit"]}}}
    assert controller.filter_response_by_context({"0": "a", "1": "b"}, per_item, "view") == {
        "1": "b"
    }


def test_request_arg_callbacks_use_the_handlers_spec() -> None:
    request = RestRequest(method="GET", route="/x")
    request.attributes = Handler(args={"n": {"type": "integer", "maximum": 3}})
    assert controller.validate_arg("2", request, "n") is True
    error = controller.validate_arg("9", request, "n")
    assert not isinstance(error, bool)
    assert error.code == "rest_out_of_bounds"
    assert error.message == "n must be less than or equal to 3"
    assert controller.sanitize_arg("2", request, "n") == 2
    assert controller.validate_arg("zz", request, "unknown") is True
    assert controller.sanitize_arg("zz", request, "unknown") == "zz"
