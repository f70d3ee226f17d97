"""stats_get_options / stats_upgrade_options (modules/stats.php, 10.7): the ``stats_options``
array, upgraded and written back when its version is missing or old."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options
from jetpress.php import array_cast, loose_equals

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

OPTION = "stats_options"


def _merge_args(options: Any, defaults: dict[Any, Any]) -> dict[Any, Any]:
    """wp_parse_args( $options, $defaults ): array_merge, numeric keys appended."""
    given = (
        options
        if isinstance(options, dict)
        else ({} if not isinstance(options, list) else dict(enumerate(options)))
    )
    out: dict[Any, Any] = {k: v for k, v in defaults.items() if not isinstance(k, int)}
    for key, value in given.items():
        if isinstance(key, int):
            continue
        out[key] = value
    numeric = [v for k, v in defaults.items() if isinstance(k, int)]
    numeric += [v for k, v in given.items() if isinstance(k, int)]
    for index, value in enumerate(numeric):
        out[index] = value
    return out


def get_options(jp: Jetpack) -> dict[Any, Any]:
    """stats_get_options(): GET /settings upgrades (and stores) the options, as 10.7 does."""
    options = jp.site.options.get(OPTION)
    version = options.get("version") if isinstance(options, dict) else None
    if version is None or php.to_float(version) < php.to_float(jp.rules.stats_version):
        return upgrade(jp, options)
    return dict(options) if isinstance(options, dict) else {}


def upgrade(jp: Jetpack, options: Any) -> dict[Any, Any]:
    """stats_upgrade_options: defaults under the stored values, version set, written back."""
    defaults: dict[Any, Any] = {
        "admin_bar": True,
        "roles": ["administrator"],
        "count_roles": [],
        "blog_id": jetpack_options.get_option(jp, "id"),
        "do_not_track": True,
        "hide_smile": True,
    }
    merged = _merge_args(options, defaults)
    merged["version"] = jp.rules.stats_version
    jp.site.options.update(OPTION, merged)
    return merged


def update_key(jp: Jetpack, key: str, value: Any) -> bool:
    """update_data's stats case: ``(array) get_option( 'stats_options' )`` with the key set,
    written when it changed (loosely)."""
    current = array_cast(jp.site.options.get(OPTION))
    grouped = dict(current)
    grouped[key] = value
    if loose_equals(current, grouped):
        return True
    return jp.site.options.update(OPTION, grouped)
