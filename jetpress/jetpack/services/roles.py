"""Automattic\\Jetpack\\Roles: a user's connection role and the capability it stands for."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.wp.users import User

# Roles::$capability_translations (roles package), in order of precedence
CAPABILITY_TRANSLATIONS = (
    ("administrator", "manage_options"),
    ("editor", "edit_others_posts"),
    ("author", "publish_posts"),
    ("contributor", "edit_posts"),
    ("subscriber", "read"),
)


def translate_user_to_role(jp: Jetpack, user: User | None) -> str | None:
    """Roles::translate_user_to_role(): the first role the user has (or whose cap it has)."""
    if user is None:
        return None
    for role, cap in CAPABILITY_TRANSLATIONS:
        # user_can( $user, $role ) || user_can( $user, $cap )
        if role in user.roles or jp.site.caps.has_cap(user, cap):
            return role
    return None


def translate_role_to_cap(role: str) -> str | None:
    """Roles::translate_role_to_cap()."""
    return dict(CAPABILITY_TRANSLATIONS).get(role)
