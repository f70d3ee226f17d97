"""Jetpack 10.7's validate_callbacks: outcomes and exact messages (corpus settings-invalid)."""

from __future__ import annotations

import pytest

from jetpress.jetpack.plugin import Jetpack
from jetpress.jetpack.services import validators
from jetpress.wp.errors import WPError
from jetpress.wp.rest.request import RestRequest
from jetpress.wp.rest.routes import Handler


def _message(outcome: object) -> str | None:
    return outcome.message if isinstance(outcome, WPError) else None


@pytest.mark.parametrize("value", [True, False, 0, 1, "1", "0", 1.0, "1.0"])
def test_boolean_accepts_bools_and_zero_one(value):
    assert validators.validate_boolean(value, None, "carousel") is True


@pytest.mark.parametrize("value", ["true", "false", "yes", -1, 2, "", 12345, [1], "abc"])
def test_boolean_rejects_the_rest(value):
    outcome = validators.validate_boolean(value, None, "blog_id")
    assert isinstance(outcome, WPError)
    assert (outcome.code, outcome.message) == (
        "invalid_param",
        "blog_id must be true, false, 0 or 1.",
    )


def test_posint():
    assert validators.validate_posint(9, None, "version") is True
    assert _message(validators.validate_posint(-1, None, "version")) == (
        "version must be a positive integer."
    )
    assert _message(validators.validate_posint("nine", None, "version")) is not None


def test_alphanum_allows_empty_and_rejects_non_strings():
    assert validators.validate_alphanum("", None, "k") is True
    assert validators.validate_alphanum("abc123", None, "k") is True
    assert _message(validators.validate_alphanum(123, None, "k")) == (
        "k must be an alphanumeric string."
    )
    assert _message(validators.validate_alphanum("abc-!!!", None, "k")) is not None


def test_twitter_username():
    assert validators.validate_twitter_username("@jetpack", None, "t") is True
    for bad in ("@this_is_way_too_long_for_twitter", "two words"):
        assert _message(validators.validate_twitter_username(bad, None, "t")) == (
            "t must be a Twitter username."
        )


def test_verification_service_accepts_a_meta_tag():
    tag = '<meta name="msvalidate.01" content="0123456789ABCDEF" />'
    assert validators.validate_verification_service(tag, None, "bing") is True
    assert _message(validators.validate_verification_service(5, None, "google")) == (
        "google must be an alphanumeric string or a verification tag."
    )


def _request_with_enum(param: str, enum: list[str]) -> RestRequest:
    request = RestRequest("POST", "/jetpack/v4/settings")
    request.attributes = Handler(args={param: {"type": "string", "enum": enum}})
    return request


def test_list_item_compares_loosely():
    request = _request_with_enum("wpl_default", ["on", "off"])
    # 10.7: in_array without strict, so true passes here and fails the type check later
    assert validators.validate_list_item(True, request, "wpl_default") is True
    outcome = validators.validate_list_item("maybe", request, "wpl_default")
    assert isinstance(outcome, WPError)
    assert (outcome.code, outcome.message) == (
        "invalid_param_value",
        "wpl_default must be one of on, off",
    )


def test_module_list(jp: Jetpack):
    named = validators.by_name(jp)
    check = named["validate_module_list"]
    assert check(["carousel", "latex"], None, "modules") is True
    assert _message(check("", None, "modules")) == "modules must be an array"
    assert _message(check(["carousel", "nosuch"], None, "modules")) == (
        "modules must be a list of valid modules"
    )


def test_sharing_show(jp: Jetpack):
    check = validators.by_name(jp)["validate_sharing_show"]
    assert check(["post"], None, "show") is True
    assert _message(check("post", None, "show")) == "show must be an array of post types."
    assert _message(check([], None, "show")) == (
        "show must be index, post, page, attachment, jetpack-portfolio."
    )


def test_stats_roles_string_is_a_400_not_a_fatal(jp: Jetpack):
    check = validators.by_name(jp)["validate_stats_roles"]
    assert check([], None, "roles") is True
    assert check(["editor"], None, "roles") is True
    assert _message(check("editor", None, "roles")) == (
        "roles must be administrator, editor, author, contributor, subscriber."
    )


def test_services(jp: Jetpack):
    check = validators.by_name(jp)["validate_services"]
    assert check({"visible": ["twitter", "email"], "hidden": []}, None, "s") is True
    assert check({"visible": [], "hidden": []}, None, "s") is True
    assert _message(check({"visible": ["twitter"]}, None, "s")) == (
        "s must be an array with visible and hidden items."
    )
    message = _message(check({"visible": ["email"], "hidden": ["print"]}, None, "s"))
    assert message is not None and message.startswith("s visible and hidden items must be a list")


def test_custom_service_id_allows_the_empty_default(jp: Jetpack):
    check = validators.by_name(jp)["validate_custom_service_id"]
    assert check("", None, "d") is True
    assert _message(check("custom-1234567890", None, "d")) == (
        "d is not a registered custom sharing service."
    )
    assert _message(check("nope", None, "d")) == (
        "d must be a string prefixed with &#039;custom-&#039; and followed by numbers."
    )


def test_onboarding():
    assert validators.validate_onboarding({"siteTitle": "T", "addContactForm": True}, None, "o")
    assert _message(validators.validate_onboarding("x", None, "o")) == "Not valid onboarding data."
    assert _message(validators.validate_onboarding([1, 2], None, "o")) == (
        "onboarding must be true, false, 0 or 1."
    )


def test_title_formats():
    good = {"front_page": [{"type": "token", "value": "site_name"}]}
    assert validators.are_valid_title_formats(good, None, "f") is True
    assert validators.are_valid_title_formats({"nosuch": []}, None, "f") is False
    assert validators.are_valid_title_formats({"posts": [{"type": ""}]}, None, "f") is False


def test_disconnect_is_active():
    assert validators.validate_disconnect_is_active(False, None, "isActive") is True
    assert _message(validators.validate_disconnect_is_active("false", None, "isActive")) == (
        "The isActive argument should be set to false."
    )


def test_services_message_lists_10_7_services_in_order(jp: Jetpack):
    check = validators.by_name(jp)["validate_services"]
    assert _message(check({"visible": ["nosuch"], "hidden": []}, None, "sharing_services")) == (
        "sharing_services visible and hidden items must be a list of print, facebook, linkedin, "
        "reddit, twitter, tumblr, pinterest, pocket, telegram, jetpack-whatsapp, skype."
    )
