"""Dismissed notices: the option ``jetpack_dismissed_notices`` (CORE dismiss_notice, 10.7)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress.jetpack import errors

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

OPTION = "jetpack_dismissed_notices"


def dismiss(jp: Jetpack, notice: str) -> Any:
    """Mark ``notice`` dismissed and return the whole option (corpus options-notices/*)."""
    if not notice:
        raise errors.missing_notice()
    if notice not in jp.rules.dismissable_notices:
        raise errors.invalid_notice()
    notices = jp.site.options.get(OPTION, {})
    notices = dict(notices) if isinstance(notices, dict) else {}
    notices[notice] = True
    jp.site.options.update(OPTION, notices)
    return jp.site.options.get(OPTION, {})
