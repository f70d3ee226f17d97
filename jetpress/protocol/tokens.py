"""Jetpack connection tokens, secrets, signed roles and the ``X_JETPACK`` Authorization header.

Formats from the connection package: class-tokens.php (Tokens), class-secrets.php (Secrets),
class-client.php (build_signed_request). Pure: randomness comes in as a ``random.Random``.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import re
from collections.abc import Mapping
from dataclasses import dataclass

API_VERSION = 1  # JETPACK__API_VERSION, Utils::DEFAULT_JETPACK__API_VERSION
# wp_generate_password($length, false): letters and digits
PASSWORD_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

# Secrets lifetimes (s): Manager::register() 600, get_authorization_url() 2 h (class-manager.php)
REGISTER_SECRETS_TTL = 600
AUTHORIZE_SECRETS_TTL = 2 * 3600


class TokenFormatError(ValueError):
    """A token string that Jetpack would reject; ``code`` is Jetpack's error code for it."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def generate_password(rng: random.Random, length: int) -> str:
    """wp_generate_password($length, false): letters and digits only."""
    return "".join(rng.choice(PASSWORD_CHARS) for _ in range(length))


@dataclass(frozen=True)
class BlogToken:
    """The blog token ``<key>.<secret>`` (jetpack_private_options['blog_token'])."""

    key: str
    secret: str

    def __str__(self) -> str:
        return f"{self.key}.{self.secret}"

    @property
    def access_token(self) -> str:
        """What Jetpack_Signature is built with: the whole ``key.secret`` string."""
        return str(self)

    @classmethod
    def parse(cls, text: str) -> BlogToken:
        """Parse ``key.secret``; Jetpack_Signature needs exactly two dot-separated parts."""
        parts = text.split(".")
        if len(parts) != 2 or not parts[0] or not parts[1]:
            raise TokenFormatError("malformed_token", "Malformed blog token")
        return cls(parts[0], parts[1])


@dataclass(frozen=True)
class UserToken:
    """A user token ``<key>.<secret>.<user_id>`` (jetpack_private_options['user_tokens'][uid]).

    ``user_id`` is the *site's* WordPress user id: Manager::authorize() stores
    ``"<access_token>.<uid>"`` where access_token is the ``key.secret`` WordPress.com issued.
    """

    key: str
    secret: str
    user_id: int

    def __str__(self) -> str:
        return f"{self.key}.{self.secret}.{self.user_id}"

    @property
    def access_token(self) -> str:
        """The ``key.secret`` part: what WordPress.com returned and what signs requests."""
        return f"{self.key}.{self.secret}"

    @classmethod
    def parse(cls, text: str, expected_user_id: int | None = None) -> UserToken:
        """Parse ``key.secret.uid`` with Tokens::get_access_token()'s checks and error codes."""
        chunks = text.split(".")
        # class-tokens.php get_access_token: empty($chunks[1]) || empty($chunks[2]); php empty("0")
        if len(chunks) < 3 or chunks[1] in ("", "0") or chunks[2] in ("", "0"):
            raise TokenFormatError("token_malformed", "Token for user is malformed")
        # the third chunk must equal (string) $user_id exactly: "07" != "7"
        if expected_user_id is not None and chunks[2] != str(expected_user_id):
            raise TokenFormatError(
                "user_id_mismatch",
                f"Requesting user_id {expected_user_id} does not match token user_id {chunks[2]}",
            )
        if not chunks[2].isascii() or not chunks[2].isdigit():
            raise TokenFormatError("token_malformed", "Token for user is malformed")
        user_id = int(chunks[2])
        return cls(chunks[0], chunks[1], user_id)

    @classmethod
    def from_access_token(cls, access_token: str, user_id: int) -> UserToken:
        """Manager::authorize(): ``"{$token}.{$current_user_id}"``."""
        blog = BlogToken.parse(access_token)
        return cls(blog.key, blog.secret, user_id)


def make_token(rng: random.Random, key_length: int = 12, secret_length: int = 32) -> BlogToken:
    """A fresh ``key.secret`` pair (what WordPress.com hands out as jetpack_secret/access_token)."""
    return BlogToken(generate_password(rng, key_length), generate_password(rng, secret_length))


def token_key(key: str, user_id: int, api_version: int = API_VERSION) -> str:
    """``sprintf('%s:%d:%d', $key, JETPACK__API_VERSION, $external_user_id)``; 0: the blog."""
    return f"{key}:{api_version}:{user_id}"


@dataclass(frozen=True)
class TokenKey:
    """A parsed ``key:version:user_id`` request token (internal_verify_xml_rpc_signature)."""

    key: str
    version: str
    user_id: int

    @property
    def is_blog(self) -> bool:
        """``'0' === $user_id`` means a blog-token request."""
        return self.user_id == 0

    def __str__(self) -> str:
        return f"{self.key}:{self.version}:{self.user_id}"

    @classmethod
    def parse(cls, text: str, api_version: int = API_VERSION) -> TokenKey:
        """Parse with Manager::internal_verify_xml_rpc_signature's checks and error codes."""
        parts = text.split(":")
        key = parts[0] if parts else ""
        version = parts[1] if len(parts) > 1 else ""
        user = parts[2] if len(parts) > 2 else ""
        # class-manager.php: empty key, or version !== (string) JETPACK__API_VERSION
        if not key or not version or version != str(api_version):
            raise TokenFormatError("malformed_token", "Malformed token in request")
        if user == "0":
            return cls(key, version, 0)
        if not user or not user.isascii() or not user.isdigit():
            raise TokenFormatError("malformed_user_id", "Malformed user_id in request")
        return cls(key, version, int(user))


@dataclass(frozen=True)
class Secrets:
    """One ``jetpack_secrets`` entry: ``{secret_1, secret_2, exp}`` (class-secrets.php)."""

    secret_1: str
    secret_2: str
    exp: int

    def to_dict(self) -> dict[str, str | int]:
        """The stored array shape."""
        return {"secret_1": self.secret_1, "secret_2": self.secret_2, "exp": self.exp}

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Secrets:
        """Read the stored array shape back; missing parts raise ``verify_secrets_incomplete``."""
        s1, s2, exp = data.get("secret_1"), data.get("secret_2"), data.get("exp")
        if not s1 or not s2 or not exp:
            raise TokenFormatError("verify_secrets_incomplete", "Verification secrets incomplete")
        return cls(str(s1), str(s2), int(str(exp)))

    def expired(self, now: float) -> bool:
        """Secrets::get(): ``$secrets['exp'] < time()``."""
        return self.exp < int(now)

    @classmethod
    def generate(cls, rng: random.Random, now: float, ttl: int) -> Secrets:
        """Secrets::generate(): two 32-char passwords and ``exp = time() + $exp``."""
        return cls(generate_password(rng, 32), generate_password(rng, 32), int(now) + ttl)


def secrets_key(action: str, user_id: int) -> str:
    """The ``jetpack_secrets`` array key: ``"jetpack_{$action}_{$user_id}"``."""
    return f"jetpack_{action}_{user_id}"


def sign_role(role: str, user_id: int, blog_token: str) -> str:
    """Tokens::sign_role(): ``role:`` + hex HMAC-MD5 of ``"role|uid"``, keyed by the blog token."""
    digest = hmac.new(blog_token.encode(), f"{role}|{user_id}".encode(), hashlib.md5).hexdigest()
    return f"{role}:{digest}"


def verify_scope(scope: str, user_id: int, blog_token: str) -> str | None:
    """The role a scope carries if it is ``sign_role(role, user_id, blog_token)``, else None."""
    role, sep, mac = scope.partition(":")
    if not sep or not role or not mac:
        return None
    return role if hmac.compare_digest(sign_role(role, user_id, blog_token), scope) else None


# ---------------------------------------------------------------- Authorization header ----

_HEADER_PAIR = re.compile(r'([A-Za-z0-9_-]+)="([^"]*)"')
AUTH_SCHEME = "X_JETPACK"


def format_authorization(fields: dict[str, str]) -> str:
    """``X_JETPACK token="…" timestamp="…" …`` (Client::build_signed_request), keys in order."""
    return AUTH_SCHEME + " " + " ".join(f'{k}="{v}"' for k, v in fields.items())


def parse_authorization(header: str) -> dict[str, str] | None:
    """The ``key="value"`` pairs of an ``X_JETPACK`` header, or None for another scheme."""
    scheme, _, rest = header.strip().partition(" ")
    if scheme.upper() != AUTH_SCHEME:
        return None
    return dict(_HEADER_PAIR.findall(rest))


def format_signed_token(fields: dict[str, str]) -> str:
    """Tokens::get_signed_token()'s string: the header pairs without the scheme."""
    return " ".join(f'{k}="{v}"' for k, v in fields.items())


def parse_signed_token(text: str) -> dict[str, str]:
    """The pairs of a Tokens::get_signed_token() string (jetpack-token-health bodies)."""
    return dict(_HEADER_PAIR.findall(text))
