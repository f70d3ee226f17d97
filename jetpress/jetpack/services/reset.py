"""Jetpack_Core_Json_Api_Endpoints::reset_jetpack_options (10.7): reset options or modules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.jetpack import jetpack_options
from jetpress.jetpack.services import modules

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack


def reset_options(jp: Jetpack) -> None:
    """'options': delete every resettable Jetpack option and the plain options Jetpack owns
    (Jetpack_Options::get_options_for_reset), then activate the default modules."""
    with modules.locked(jp):
        for name in jetpack_options.all_for_reset(jp):
            jetpack_options.delete_option(jp, [name])
        for name in jp.rules.reset_wp_options:
            jp.site.options.delete(name)
        modules.reset_to_defaults(jp)


def reset_modules(jp: Jetpack) -> None:
    """'modules': Jetpack::update_active_modules( Jetpack::get_default_modules() )."""
    modules.reset_to_defaults(jp)
