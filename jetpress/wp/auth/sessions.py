"""Session tokens in the user meta ``session_tokens`` (WP_User_Meta_Session_Tokens).

A map ``sha256(token) → {expiration, ip, ua, login}``; expired entries are dropped on read
(class-wp-session-tokens.php:70-150, class-wp-user-meta-session-tokens.php:26-100).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.wp.auth.cookies import hash_session_token
from jetpress.wp.auth.salts import generate_password

if TYPE_CHECKING:
    from jetpress.wp.site import Site

META_KEY = "session_tokens"


def get_sessions(site: Site, user_id: int) -> dict[str, dict[str, Any]]:
    """Still-valid sessions by verifier (``expiration >= time()``)."""
    raw = site.users.get_meta(user_id, META_KEY)
    if not isinstance(raw, dict):
        return {}
    now = site.clock.now()
    out: dict[str, dict[str, Any]] = {}
    for verifier, session in raw.items():
        # prepare_session: an int is an old-style bare expiration
        entry = {"expiration": session} if isinstance(session, int) else session
        if isinstance(entry, dict) and php.to_int(entry.get("expiration", 0)) >= int(now):
            out[str(verifier)] = entry
    return out


def _save(site: Site, user_id: int, sessions: dict[str, dict[str, Any]]) -> None:
    if sessions:
        site.users.update_meta(user_id, META_KEY, sessions)
    else:
        site.users.delete_meta(user_id, META_KEY)


def verify(site: Site, user_id: int, token: str) -> bool:
    """WP_Session_Tokens::verify."""
    return hash_session_token(token) in get_sessions(site, user_id)


def create(site: Site, user_id: int, expiration: int, ip: str = "", ua: str = "") -> str:
    """WP_Session_Tokens::create: a 43-character token, stored hashed."""
    session: dict[str, Any] = {"expiration": expiration}
    if ip:
        session["ip"] = ip
    if ua:
        session["ua"] = ua
    session["login"] = int(site.clock.now())
    token = generate_password(43, False, False, site.random)
    sessions = get_sessions(site, user_id)
    sessions[hash_session_token(token)] = session
    _save(site, user_id, sessions)
    return token


def destroy(site: Site, user_id: int, token: str) -> None:
    """WP_Session_Tokens::destroy (logout)."""
    sessions = get_sessions(site, user_id)
    if sessions.pop(hash_session_token(token), None) is not None or not sessions:
        _save(site, user_id, sessions)


def destroy_all(site: Site, user_id: int) -> None:
    site.users.delete_meta(user_id, META_KEY)
