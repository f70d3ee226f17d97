"""The identity-crisis routes of 10.7 (identity-crisis package REST_Endpoints): confirm safe
mode, migrate, start fresh. IDC state lives in Jetpack options ``sync_error_idc``,
``safe_mode_confirmed`` and ``migrate_for_idc``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from jetpress.jetpack import connection_errors as cerr, jetpack_options
from jetpress.jetpack.services import connection, registration

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack
    from jetpress.jetpack.services.registration import Actor

IDC_OPTIONS = ("sync_error_idc", "safe_mode_confirmed", "migrate_for_idc")
PERSISTENT_BLOG_ID = "jetpack_persistent_blog_id"  # Identity_Crisis::PERSISTENT_BLOG_ID_OPTION_NAME


def confirm_safe_mode(jp: Jetpack) -> None:
    """REST_Endpoints::confirm_safe_mode(): fails when the option was already true (WordPress's
    update_option answers false for an unchanged value)."""
    if not jetpack_options.update_option(jp, "safe_mode_confirmed", True):
        raise cerr.safe_mode_failed()


def migrate(jp: Jetpack) -> None:
    """REST_Endpoints::migrate_stats_and_subscribers()."""
    if jetpack_options.get_option(jp, "sync_error_idc") and not jetpack_options.delete_option(
        jp, ["sync_error_idc"]
    ):
        raise cerr.idc_delete_failed()
    if jetpack_options.get_option(jp, "migrate_for_idc"):
        return
    if not jetpack_options.update_option(jp, "migrate_for_idc", True):
        raise cerr.idc_migrate_failed()


def clear_all_idc_options(jp: Jetpack) -> None:
    """Identity_Crisis::clear_all_idc_options()."""
    jetpack_options.delete_option(jp, list(IDC_OPTIONS))


def start_fresh(jp: Jetpack, actor: Actor, redirect: str | None) -> str:
    """REST_Endpoints::start_fresh_connection(): the jetpack_idc_disconnect action (disconnect,
    telling WordPress.com unless the IDC comes from sync), register again, then the authorize
    URL for the current user."""
    in_sync_idc = bool(jetpack_options.get_option(jp, "sync_error_idc"))
    connection.disconnect_site(jp, actor.user.id, disconnect_wpcom=not in_sync_idc)
    jp.site.options.delete(PERSISTENT_BLOG_ID)
    clear_all_idc_options(jp)
    registration.try_registration(jp, actor)
    return registration.authorization_url(jp, actor, redirect)
