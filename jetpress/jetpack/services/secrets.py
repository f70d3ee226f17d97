"""The connection's handshake secrets: Secrets::generate / get / verify / delete (F9, §5.3).

Stored in the raw option ``jetpack_secrets`` as ``{"jetpack_<action>_<uid>": {secret_1,
secret_2, exp}}``; verification always consumes the secret.
"""

from __future__ import annotations

import hmac
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.jetpack.connection_errors import wp_error
from jetpress.protocol.tokens import generate_password, secrets_key
from jetpress.wp.errors import WPError

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

OPTION = "jetpack_secrets"  # Secrets::LEGACY_SECRETS_OPTION_NAME (a raw option)
MISSING = "secrets_missing"  # Secrets::SECRETS_MISSING
EXPIRED = "secrets_expired"  # Secrets::SECRETS_EXPIRED
ACTIONS = ("register", "authorize", "publicize")


def _all(jp: Jetpack) -> dict[Any, Any]:
    value = jp.site.options.get(OPTION, {})
    return value if isinstance(value, dict) else {}


def _save(jp: Jetpack, secrets: dict[Any, Any]) -> bool:
    # Jetpack_Options::update_raw_option( $name, $value ): autoload 'no'
    return jp.site.options.update(OPTION, secrets, "no")


def generate(jp: Jetpack, action: str, user_id: int, exp: int = 600) -> dict[str, Any] | None:
    """Secrets::generate(): an unexpired pair is reused, else two wp_generate_password(32)."""
    name = secrets_key(action, user_id)
    secrets = _all(jp)
    now = int(jp.site.clock.now())
    current = secrets.get(name)
    if isinstance(current, dict) and php.to_int(current.get("exp")) > now:
        return current
    value = {
        "secret_1": generate_password(jp.site.random, 32),
        "secret_2": generate_password(jp.site.random, 32),
        "exp": now + exp,
    }
    secrets[name] = value
    return value if _save(jp, secrets) else None


def get(jp: Jetpack, action: str, user_id: int) -> dict[str, Any] | str:
    """Secrets::get(): the array, or ``secrets_missing`` / ``secrets_expired`` (deleted)."""
    stored = _all(jp).get(secrets_key(action, user_id))
    if stored is None:
        return MISSING
    if not isinstance(stored, dict) or php.to_int(stored.get("exp")) < int(jp.site.clock.now()):
        delete(jp, action, user_id)
        return EXPIRED
    return stored


def delete(jp: Jetpack, action: str, user_id: int) -> None:
    """Secrets::delete()."""
    secrets = _all(jp)
    name = secrets_key(action, user_id)
    if name in secrets:
        del secrets[name]
        _save(jp, secrets)


def delete_all(jp: Jetpack) -> None:
    """Secrets::delete_all(): Jetpack_Options::delete_raw_option( 'jetpack_secrets' )."""
    jp.site.options.delete(OPTION)


def verify(jp: Jetpack, action: str, secret_1: Any, user_id: Any) -> str:
    """Secrets::verify(): ``secret_2`` or a WPError whose data is the integer 400."""
    if action not in ACTIONS:
        raise wp_error("unknown_verification_action", "Unknown Verification Action", 400)
    uid = php.to_int(user_id) if php.is_numeric(user_id) else 0
    stored = get(jp, action, uid)
    delete(jp, action, uid)  # single use, whatever happens next
    if not php.is_truthy(secret_1):
        raise _failed("verify_secret_1_missing", 'The required "secret_1" parameter is missing.')
    if not isinstance(secret_1, str):
        raise _failed(
            "verify_secret_1_malformed", 'The required "secret_1" parameter is malformed.'
        )
    if not php.is_truthy(user_id):
        raise _failed("state_missing", 'The required "state" parameter is missing.')
    text = php.to_php_string(user_id)
    if not text.isascii() or not text.isdigit():
        raise _failed("state_malformed", 'The required "state" parameter is malformed.')
    if stored == MISSING:
        raise _failed("verify_secrets_missing", "Verification secrets not found")
    if stored == EXPIRED:
        raise _failed("verify_secrets_expired", "Verification took too long")
    if not isinstance(stored, dict) or not stored:
        raise _failed("verify_secrets_empty", "Verification secrets are empty")
    if not all(php.is_truthy(stored.get(k)) for k in ("secret_1", "secret_2", "exp")):
        raise _failed("verify_secrets_incomplete", "Verification secrets are incomplete")
    if not hmac.compare_digest(secret_1.encode(), str(stored["secret_1"]).encode()):
        raise _failed("verify_secrets_mismatch", "Secret mismatch")
    return str(stored["secret_2"])


def _failed(code: str, message: str) -> WPError:
    return wp_error(code, message, 400)  # F9: every verify error carries the integer 400
