"""sanitize_callbacks of the settings args: ``(value, request, param) -> value``.

WordPress's sanitize_text_field / sanitize_textarea_field / esc_html / esc_textarea (from
jetpress.wp.formatting) as callbacks, and Jetpack's own sanitizers.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.wp import formatting

if TYPE_CHECKING:
    from jetpress.wp.rest.request import RestRequest

Sanitizer = Callable[[Any, "RestRequest | None", str], Any]

_TAGS = re.compile(r"<[^>]*>")


def sanitize_text_field(value: Any, request: RestRequest | None = None, param: str = "") -> Any:
    """sanitize_text_field (formatting.php:5449)."""
    return formatting.sanitize_text_field(value)


def sanitize_textarea_field(value: Any, request: RestRequest | None = None, param: str = "") -> Any:
    """sanitize_textarea_field: as sanitize_text_field, newlines kept (formatting.php:5477)."""
    return formatting.sanitize_textarea_field(value)


def esc_html(value: Any, request: RestRequest | None = None, param: str = "") -> Any:
    """esc_html of the (string) value."""
    if isinstance(value, list | dict):
        return value
    return formatting.esc_html(php.to_php_string(value))


def esc_textarea(value: Any, request: RestRequest | None = None, param: str = "") -> Any:
    """esc_textarea: htmlspecialchars( $text, ENT_QUOTES ) (double-encodes entities)."""
    if isinstance(value, list | dict):
        return value
    return formatting.esc_textarea(php.to_php_string(value))


def sanitize_stats_allowed_roles(
    value: Any, request: RestRequest | None = None, param: str = ""
) -> Any:
    """Jetpack_Core_Json_Api_Endpoints::sanitize_stats_allowed_roles: empty gives
    ['administrator'] (corpus settings-update/alt-roles-empty)."""
    if not php.is_truthy(value):
        return ["administrator"]
    return value


def sanitize_front_page_meta_description(
    value: Any, request: RestRequest | None = None, param: str = ""
) -> Any:
    """Jetpack_SEO_Utils::sanitize_front_page_meta_description: tags stripped, at most 300
    characters (simplified)."""
    text = _TAGS.sub("", php.to_php_string(value)) if not isinstance(value, list | dict) else ""
    return text[:300]


def sanitize_title_formats(value: Any, request: RestRequest | None = None, param: str = "") -> Any:
    """Jetpack_SEO_Titles::sanitize_title_formats: tags stripped from every item value, spaces
    kept (corpus settings-update/advanced_seo_title_formats keeps " | ")."""
    if not isinstance(value, dict):
        return value
    out: dict[Any, Any] = {}
    for page_type, formats in value.items():
        if isinstance(formats, list):
            formats = [
                {**item, "value": _TAGS.sub("", php.to_php_string(item.get("value")))}
                if isinstance(item, dict)
                else item
                for item in formats
            ]
        out[page_type] = formats
    return out


SANITIZERS: Mapping[str, Sanitizer] = MappingProxyType(
    {
        "sanitize_text_field": sanitize_text_field,
        "sanitize_textarea_field": sanitize_textarea_field,
        "esc_html": esc_html,
        "esc_textarea": esc_textarea,
        "Jetpack_Core_Json_Api_Endpoints::sanitize_stats_allowed_roles": (
            sanitize_stats_allowed_roles
        ),
        "Jetpack_SEO_Utils::sanitize_front_page_meta_description": (
            sanitize_front_page_meta_description
        ),
        "Jetpack_SEO_Titles::sanitize_title_formats": sanitize_title_formats,
    }
)
