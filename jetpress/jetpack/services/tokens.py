"""The connection's tokens where Jetpack keeps them: Tokens (class-tokens.php, F8, §5.6).

``jetpack_private_options`` holds ``blog_token`` (``key.secret``) and ``user_tokens``
(``{uid: "key.secret.uid"}``); ``jetpack_options.master_user`` names the connection owner.
"""

from __future__ import annotations

import hmac
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack import jetpack_options
from jetpress.protocol import signing
from jetpress.protocol.tokens import generate_password, sign_role as protocol_sign_role
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack


@dataclass(frozen=True, slots=True)
class AccessToken:
    """Tokens::get_access_token()'s object: ``secret`` is ``key.secret``."""

    secret: str
    external_user_id: int

    @property
    def key(self) -> str:
        return self.secret.split(".", 1)[0]


def user_tokens(jp: Jetpack) -> dict[Any, Any]:
    """Tokens::get_user_tokens()."""
    tokens = jetpack_options.get_option(jp, "user_tokens")
    return tokens if isinstance(tokens, dict) else {}


def _fail(suppress: bool, code: str, message: str) -> None:
    if not suppress:
        raise WPError(code, message)


def get_access_token(
    jp: Jetpack,
    user_id: int | bool = False,
    token_key: str | None = None,
    *,
    suppress_errors: bool = True,
) -> AccessToken | None:
    """Tokens::get_access_token(): the blog token (falsy ``user_id``), a user's, or the
    owner's (``True``); None, or with ``suppress_errors=False`` a WPError, when there is none.
    """
    candidates: list[str] = []
    uid = 0
    if user_id:
        tokens = user_tokens(jp)
        if not tokens:
            _fail(suppress_errors, "no_user_tokens", "No user tokens found")
            return None
        if user_id is True:  # the connection owner
            uid = php.to_int(jetpack_options.get_option(jp, "master_user"))
            if not uid:
                _fail(suppress_errors, "empty_master_user_option", "No primary user defined")
                return None
        else:
            uid = int(user_id)
        raw = tokens.get(uid, tokens.get(str(uid)))
        if not raw:
            _fail(suppress_errors, "no_token_for_user", f"No token for user {uid}")
            return None
        chunks = php.to_php_string(raw).split(".")
        # empty( $chunks[1] ) || empty( $chunks[2] ): php empty() treats "0" as empty
        if len(chunks) < 3 or chunks[1] in ("", "0") or chunks[2] in ("", "0"):
            _fail(suppress_errors, "token_malformed", f"Token for user {uid} is malformed")
            return None
        if chunks[2] != str(uid):
            _fail(
                suppress_errors,
                "user_id_mismatch",
                f"Requesting user_id {uid} does not match token user_id {php.to_int(chunks[2])}",
            )
            return None
        candidates.append(f"{chunks[0]}.{chunks[1]}")
    else:
        stored = jetpack_options.get_option(jp, "blog_token")
        if stored:
            candidates.append(php.to_php_string(stored))
    if not candidates:
        _fail(suppress_errors, "no_possible_tokens", "No tokens found")
        return None
    chosen: str | None = candidates[0] if token_key is None else None
    if token_key is not None:
        check = token_key.rstrip(".") + "."  # "Ensure we check the full key."
        for candidate in candidates:
            if hmac.compare_digest(candidate[: len(check)].encode(), check.encode()):
                chosen = candidate
                break
    if chosen is None:
        if uid:
            _fail(suppress_errors, "no_valid_user_token", f"Invalid token for user {uid}")
        else:
            _fail(suppress_errors, "no_valid_blog_token", "Invalid blog token")
        return None
    return AccessToken(chosen, uid)


def update_blog_token(jp: Jetpack, token: str) -> bool:
    """Tokens::update_blog_token()."""
    return jetpack_options.update_option(jp, "blog_token", token)


def update_user_token(jp: Jetpack, user_id: int, token: str, is_master_user: bool) -> bool:
    """Tokens::update_user_token(): store the token; the owner also becomes master_user."""
    tokens = user_tokens(jp)
    tokens[user_id] = token
    changed = jetpack_options.update_option(jp, "user_tokens", tokens)
    if is_master_user:
        changed = jetpack_options.update_option(jp, "master_user", user_id) or changed
    return changed


def disconnect_user(jp: Jetpack, user_id: int, can_overwrite_primary_user: bool = False) -> bool:
    """Tokens::disconnect_user() (10.7): remove one user's token; never the owner's unless
    allowed (``master_user === $user_id``, strict)."""
    tokens = user_tokens(jp)
    if not tokens:
        return False
    owner = jetpack_options.get_option(jp, "master_user")
    if isinstance(owner, int) and owner == user_id and not can_overwrite_primary_user:
        return False
    key = user_id if user_id in tokens else str(user_id)
    if key not in tokens:
        return False
    del tokens[key]
    jetpack_options.update_option(jp, "user_tokens", tokens)
    return True


def delete_all(jp: Jetpack) -> None:
    """Tokens::delete_all(): the blog token and every user token."""
    jetpack_options.delete_option(jp, ["blog_token", "user_token", "user_tokens"])


def sign_role(jp: Jetpack, role: str, user_id: int) -> str | None:
    """Tokens::sign_role(): ``role:hmac``; None (PHP false) without a user or a blog token."""
    if not user_id:
        return None
    token = get_access_token(jp)
    if token is None:
        return None
    return protocol_sign_role(role, user_id, token.secret)


def get_signed_token(jp: Jetpack, token: AccessToken) -> str:
    """Tokens::get_signed_token(): the ``token="…" timestamp="…" nonce="…" signature="…"``
    string sent to jetpack-token-health."""
    return signing.signed_token(
        token.secret,
        token.external_user_id,
        now=jp.site.clock.now(),
        nonce=generate_password(jp.site.random, 10),
    )
