"""Tests for jetpress.wp.formatting and jetpress.wp.kses.

Vectors made by calling WordPress 6.1.9's own functions (Debian's wordpress package) under
php 8.2 with a stub bootstrap (they used to sit with the schema tests, where these functions
lived); PHP fatals (TypeErrors on arrays) were left out.
"""

from __future__ import annotations

from typing import Any

import pytest

from jetpress.wp import formatting, kses
from jetpress.wp.formatting import (
    esc_attr,
    esc_html,
    esc_textarea,
    esc_url_raw,
    is_email,
    sanitize_key,
    sanitize_text_field,
)
from jetpress.wp.rest.schema import sanitize_value_from_schema

_PY_FUNCTIONS: dict[str, Any] = {
    "sanitize_text_field": sanitize_text_field,
    "sanitize_textarea_field": formatting.sanitize_textarea_field,
    "esc_url_raw": esc_url_raw,
    "is_email": lambda value: is_email(value) or False,
    "esc_html": esc_html,
}
_TRUTHY_RESULTS = ("is_email",)

FORMATTING_VECTORS = [
    ("sanitize_text_field", ["a < b"], "a &lt; b"),
    ("sanitize_text_field", ["<b>x</b>"], "x"),
    ("sanitize_text_field", ["a\tb\n c"], "a b c"),
    ("sanitize_textarea_field", ["a\tb\n c"], "a\tb\n c"),
    ("sanitize_text_field", [" %41%42 x"], "x"),
    ("sanitize_text_field", ["%%4141"], ""),
    ("sanitize_text_field", ["<script>alert(1)</script>ok"], "ok"),
    ("sanitize_text_field", ["<style a>b</STYLE >c</style>d"], "d"),
    ("sanitize_text_field", ["<!-- c --> d"], "d"),
    ("sanitize_text_field", ["<?php echo 1; ?> e"], "e"),
    ("sanitize_text_field", ['<a href="x>y">t</a>'], "t"),
    ("sanitize_text_field", ["<a title='>'>x"], "x"),
    ("sanitize_text_field", ["x <"], "x &lt;"),
    ("sanitize_text_field", ["< x"], "&lt; x"),
    ("sanitize_text_field", ["<<a>>"], "&lt;>"),
    ("sanitize_text_field", ["a<\nb"], "a&lt; b"),
    ("sanitize_textarea_field", ["a<\nb"], "a&lt;\nb"),
    ("sanitize_text_field", ["é ü <i>ñ</i>"], "é ü ñ"),
    ("sanitize_text_field", ["&amp; &foo; &#0; &#x41; <"], "&amp; &foo; &#0; &#x41; &lt;"),
    ("sanitize_text_field", ["<&nbsp;"], "&lt;&nbsp;"),
    ("sanitize_text_field", ["x<y"], "x&lt;y"),
    ("sanitize_text_field", ["1 < 2 > 0"], "1 < 2 > 0"),
    ("sanitize_text_field", ["<!DOCTYPE html><p>x"], "x"),
    ("sanitize_text_field", ['<?xml version="1.0"?><a>b</a>'], "b"),
    ("sanitize_text_field", ["tab\there"], "tab here"),
    ("sanitize_textarea_field", ["tab\there"], "tab\there"),
    ("sanitize_text_field", ["  lead"], "lead"),
    ("sanitize_textarea_field", ["  lead"], "lead"),
    ("sanitize_text_field", ["trail  "], "trail"),
    ("sanitize_textarea_field", ["trail  "], "trail"),
    ("sanitize_text_field", ["%zz%2"], "%zz%2"),
    ("sanitize_text_field", ["%0a%0A"], ""),
    ("sanitize_text_field", ["a\x00b"], "a\x00b"),
    ("sanitize_text_field", ["<a\x00b>c"], "c"),
    ("sanitize_text_field", ['"quotes" <\'x'], '"quotes" &lt;&#039;x'),
    ("sanitize_text_field", [5], "5"),
    ("sanitize_text_field", [1.5], "1.5"),
    ("sanitize_text_field", [True], "1"),
    ("sanitize_text_field", [None], ""),
    ("sanitize_text_field", [[1]], ""),
    ("sanitize_text_field", [{"a": 1}], ""),
    ("esc_url_raw", ["example.com"], "http://example.com"),
    ("esc_url_raw", ["http://example.com/a b"], "http://example.com/a%20b"),
    ("esc_url_raw", ["javascript:alert(1)"], ""),
    ("esc_url_raw", ["JAVASCRIPT:alert(1)"], ""),
    ("esc_url_raw", ["/relative/path"], "/relative/path"),
    ("esc_url_raw", ["#frag"], "#frag"),
    ("esc_url_raw", ["?q=1"], "?q=1"),
    ("esc_url_raw", ["index.php?x=1"], "index.php?x=1"),
    ("esc_url_raw", ["mailto:a@b.c"], "mailto:a@b.c"),
    ("esc_url_raw", ["mailto:a%0a@b"], "mailto:a%0a@b"),
    ("esc_url_raw", ["http://ex.com/%0d%0Ax"], "http://ex.com/x"),
    ("esc_url_raw", ["http://[::1]:80/a[b]"], "http://[::1]:80/a%5Bb%5D"),
    (
        "esc_url_raw",
        ["http://user:pass@h.com:8080/p?a[]=1"],
        "http://user:pass@h.com:8080/p?a%5B%5D=1",
    ),
    ("esc_url_raw", ["ftp://x"], "ftp://x"),
    ("esc_url_raw", ["feed:http://x"], "feed:http://x"),
    ("esc_url_raw", ["feed:feed:feed:http://x"], ""),
    ("esc_url_raw", ["http&#58;//x"], ""),
    ("esc_url_raw", ["http&#x3a;//x"], ""),
    ("esc_url_raw", ["javascript&colon;alert(1)"], "http://javascript&colon;alert(1)"),
    ("esc_url_raw", ["jav\tascript:alert(1)"], ""),
    ("esc_url_raw", [" http://x"], "http://x"),
    ("esc_url_raw", ["http://x/é"], "http://x/é"),
    ("esc_url_raw", [""], ""),
    ("esc_url_raw", ["ht tp://x"], ""),
    ("esc_url_raw", ["data:text/html,x"], ""),
    ("esc_url_raw", ["tel:+123"], "tel:+123"),
    ("esc_url_raw", ["https://example.org/hello world"], "https://example.org/hello%20world"),
    ("esc_url_raw", ["https://example.org/hello%20world"], "https://example.org/hello%20world"),
    ("esc_url_raw", ["x:y"], ""),
    ("esc_url_raw", ["example.com/page?x=1:2"], ""),
    ("esc_url_raw", ["//cdn.example.com/x"], "//cdn.example.com/x"),
    ("esc_url_raw", ["http://a.com/?b[c]=d&e]"], "http://a.com/?b%5Bc%5D=d&e%5D"),
    ("esc_url_raw", ["]"], "http://]"),
    ("esc_url_raw", ["["], "http://["),
    ("esc_url_raw", ["http://[::1"], "http://[::1"),
    ("esc_url_raw", ["a\\0b"], "http://a0b"),
    ("esc_url_raw", [5], "http://5"),
    ("esc_url_raw", [None], ""),
    ("esc_url_raw", [True], "http://1"),
    ("is_email", ["email@example.com"], "email@example.com"),
    ("is_email", ["a@b.co"], "a@b.co"),
    ("is_email", ["email"], False),
    ("is_email", ["a@b.c"], False),
    ("is_email", ["a..b@c.com"], "a..b@c.com"),
    ("is_email", ["a@b..com"], False),
    ("is_email", ["a@-b.com"], False),
    ("is_email", ["a@b-.com"], False),
    ("is_email", ["a@.b.com"], False),
    ("is_email", ["a@b.com."], False),
    ("is_email", ["ab@c"], False),
    ("is_email", ["@abc.com"], False),
    ("is_email", ["a@@b.com"], False),
    ("is_email", ["é@b.com"], False),
    ("is_email", ["a b@c.com"], False),
    ("is_email", ["a@b_c.com"], False),
    ("is_email", ["o'neil@x.org"], "o'neil@x.org"),
    ("is_email", ["a\n@b.com"], "a\n@b.com"),
    ("is_email", ["a@b.com\n"], False),
    ("is_email", ["UPPER@EXAMPLE.COM"], "UPPER@EXAMPLE.COM"),
    ("is_email", ["a@b.c-m"], "a@b.c-m"),
    ("is_email", ["x@y.z "], False),
    ("is_email", [12345678], False),
    ("is_email", [None], False),
    ("esc_html", ["<&apos;&#128;&#0;&#00;"], "&lt;&amp;apos;&#128;&amp;#00;"),
    (
        "esc_html",
        ["<&nbsp;&foo;&AMP;&#x0;&#xFFFF;&#65;&#0065;"],
        "&lt;&nbsp;&amp;foo;&amp;AMP;&amp;#xFFFF;&#065;&#065;",
    ),
    ("esc_html", ["<\"'>"], "&lt;&quot;&#039;&gt;"),
    ("esc_html", ["<&#1114112;&#x10FFFF;&#x110000;"], "&lt;&amp;#1114112;&#x10FFFF;&amp;#x110000;"),
    ("esc_html", ["plain"], "plain"),
]


@pytest.mark.parametrize(("function", "args", "expected"), FORMATTING_VECTORS)
def test_php_vectors(function, args, expected):
    actual = _PY_FUNCTIONS[function](*args)
    if function in _TRUTHY_RESULTS:
        assert bool(actual) is bool(expected)
    else:
        assert type(actual) is type(expected) and actual == expected, f"{actual!r} != {expected!r}"


@pytest.mark.parametrize(
    ("function", "args", "expected"),
    [
        ("esc_url_raw", ["[script@"], "http://%5Bscript@"),
        ("esc_url_raw", ["\t@D3]"], "http://@D3]"),
        ("esc_url_raw", ["@[<!--'javascript255\""], "http://@[!--'javascript255"),
        ("esc_url_raw", ['"//[<&amp;=\r%0_;:feed'], "//%5B&amp;=%0_;:feed"),
        (
            "esc_url_raw",
            ['//F::%mailto:javascript<!--[&nbsp;="<javascript&colon;'],
            "//F::%mailto:javascript!--%5B&nbsp;=javascript&colon;",
        ),
        ("sanitize_text_field", ["<?a\\'b?>c"], "c"),
        ("sanitize_text_field", ["?>http<?script&\x00style?\\'#?>3feed"], "?>http3feed"),
    ],
)
def test_php_regressions(function, args, expected):
    """Differences the differential fuzzing against WordPress 6.1.9 found once."""
    assert _PY_FUNCTIONS[function](*args) == expected


def test_huge_strings():
    text = "%4" * 100_000 + "1" * 100_000
    assert sanitize_text_field(text) == ""
    assert esc_url_raw("%0" + "%0a" * 50_000 + "a") == "http://"
    assert sanitize_text_field("<script>" * 20_000 + "x") == "x"


def test_is_email_of_an_array_is_false():
    assert is_email("a@b.co") and not is_email(["a@b.co"])


def test_arrays_and_objects_sanitize_to_empty_text():
    # _sanitize_text_fields: is_object( $str ) || is_array( $str ) gives ''.
    for value in ([1], {"a": 1}, ValueError("x"), {1, 2}):
        assert sanitize_text_field(value) == ""
        assert esc_url_raw(value) == ""
        assert not is_email(value)
    assert sanitize_value_from_schema(ValueError("x"), {"type": "string", "format": "uri"}) == ""


def test_esc_html_rejects_invalid_utf8_and_keeps_valid_entities():
    assert esc_html("a\udcffb") == ""  # wp_check_invalid_utf8
    assert esc_html("&amp; &hellip; &bogus; <b>") == "&amp; &hellip; &amp;bogus; &lt;b&gt;"
    assert esc_attr("\"'") == "&quot;&#039;"


def test_esc_textarea_double_encodes():
    # php 8.2: htmlspecialchars( "&amp; <'>", ENT_QUOTES, 'UTF-8' )
    assert esc_textarea("&amp; <'>") == "&amp;amp; &lt;&#039;&gt;"
    assert esc_textarea('"x"') == "&quot;x&quot;"
    assert esc_textarea("\udcff") == ""  # htmlspecialchars() fails on invalid UTF-8


def test_strip_all_tags():
    assert formatting.strip_all_tags(" <p>a</p><script>x</script><style>y</style>b ") == "ab"
    assert formatting.strip_all_tags("a < b") == "a < b"


def test_kses_normalize_entities_and_bad_protocol():
    assert kses.normalize_entities("&nbsp;&foo;&#65;&#0;&#x110000;") == (
        "&nbsp;&amp;foo;&#065;&amp;#x110000;"
    )
    assert kses.bad_protocol("javascript:alert(1)") == "alert(1)"
    assert kses.bad_protocol("https://x") == "https://x"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("Edit", "edit"),
        ("a b-c_D!é", "ab-c_d"),  # php 8.2 strtolower is ASCII-only; é is dropped as non [a-z]
        (True, "1"),
        (False, ""),
        (None, ""),
        (["view"], ""),
        (1.5, "15"),
    ],
)
def test_sanitize_key(given: object, expected: str) -> None:
    assert sanitize_key(given) == expected
    assert sanitize_key(ValueError("x")) == ""  # is_scalar() false for objects too
