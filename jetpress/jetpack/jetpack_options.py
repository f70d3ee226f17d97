"""Port of Jetpack_Options: compact names live in ``jetpack_options``, private ones in
``jetpack_private_options``, non-compact ones as ``jetpack_<name>`` rows (F11, §1.3)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

GROUPS = (("compact", "jetpack_options"), ("private", "jetpack_private_options"))


def _names(jp: Jetpack, group: str) -> tuple[str, ...]:
    rules = jp.rules
    if group == "compact":
        return rules.compact_options
    if group == "private":
        return rules.private_options
    return rules.non_compact_options


def get_option(jp: Jetpack, name: str, default: Any = False) -> Any:
    """Jetpack_Options::get_option: non-compact row, else the grouped array (``isset``)."""
    if name in jp.rules.non_compact_options:
        return jp.site.options.get("jetpack_" + name, default)
    for group, option in GROUPS:
        if name in _names(jp, group):
            values = jp.site.options.get(option)
            if isinstance(values, dict) and values.get(name) is not None:
                return values[name]
            return default
    return default


def update_option(jp: Jetpack, name: str, value: Any) -> bool:
    """Jetpack_Options::update_option; an unknown name is not stored (E_USER_WARNING)."""
    if name in jp.rules.non_compact_options:
        return jp.site.options.update("jetpack_" + name, value)
    for group, option in GROUPS:
        if name in _names(jp, group):
            values = jp.site.options.get(option)
            values = dict(values) if isinstance(values, dict) else {}
            values[name] = value
            return jp.site.options.update(option, values)
    return False


def delete_option(jp: Jetpack, names: list[str] | tuple[str, ...]) -> bool:
    """Jetpack_Options::delete_option: rows of non-compact names, keys of the grouped arrays."""
    known = set(jp.rules.non_compact_options) | set(jp.rules.compact_options)
    known |= set(jp.rules.private_options)
    if any(name not in known for name in names):
        return False  # is_valid() fails: trigger_error and return false
    result = True
    for name in names:
        if name in jp.rules.non_compact_options:
            result = jp.site.options.delete("jetpack_" + name)
    for group, option in GROUPS:
        values = jp.site.options.get(option, {})
        if not isinstance(values, dict):
            values = {}
        doomed = [name for name in names if name in _names(jp, group) and name in values]
        if doomed:
            kept = {key: item for key, item in values.items() if key not in doomed}
            if not jp.site.options.update(option, kept):
                result = False
    return result


def all_for_reset(jp: Jetpack) -> list[str]:
    """get_all_jetpack_options( true ): every managed name except the connection's own."""
    rules = jp.rules
    names = [*rules.compact_options, *rules.non_compact_options, *rules.private_options]
    return [name for name in names if name not in rules.reset_unsafe_options]
