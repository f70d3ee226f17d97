"""Output escaping from wp-includes/formatting.php: esc_html, esc_attr."""

from __future__ import annotations

import re

# _wp_specialchars with ENT_QUOTES and double_encode false: existing entities are kept.
_ENTITY = re.compile(r"&(?!(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)")


def esc_html(text: str) -> str:
    """esc_html: ``& < > " '`` to entities, leaving valid entities alone (formatting.php:4486)."""
    text = _ENTITY.sub("&amp;", text)
    return (
        text.replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#039;")
    )


def esc_attr(text: str) -> str:
    """esc_attr: the same escaping as esc_html for attribute values (formatting.php:4512)."""
    return esc_html(text)
