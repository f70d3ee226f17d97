"""Configuration: the only module that reads the environment.

Every setting comes from a CLI flag, else a ``JETPRESS_*`` environment variable, else a default.
wp-config.php constants (salts, ``JETPACK_DEV_DEBUG``, ``WP_ENVIRONMENT_TYPE`` ...) come from
``--wp-config`` (an existing install's file), ``--define NAME=VALUE`` or ``JETPRESS_<NAME>``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# wp-config.php constants jetpress honours.
KNOWN_CONSTANTS = (
    "AUTH_KEY",
    "SECURE_AUTH_KEY",
    "LOGGED_IN_KEY",
    "NONCE_KEY",
    "AUTH_SALT",
    "SECURE_AUTH_SALT",
    "LOGGED_IN_SALT",
    "NONCE_SALT",
    "SECRET_KEY",
    "SECRET_SALT",
    "JETPACK_DEV_DEBUG",
    "WP_LOCAL_DEV",
    "WP_ENVIRONMENT_TYPE",
    "DISALLOW_FILE_MODS",
    "DISALLOW_FILE_EDIT",
    "DISALLOW_UNFILTERED_HTML",
)
_DEFINE = re.compile(
    r"""define\s*\(\s*['"](?P<name>[A-Z_][A-Z0-9_]*)['"]\s*,\s*"""
    r"""(?:'(?P<sq>(?:[^'\\]|\\.)*)'|"(?P<dq>(?:[^"\\]|\\.)*)"|(?P<bare>true|false|\d+))\s*\)""",
    re.I,
)
_PREFIX = re.compile(r"""\$table_prefix\s*=\s*['"]([A-Za-z0-9_]+)['"]""")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Everything ``jetpress serve`` needs to build a site."""

    db_url: str = "sqlite:///jetpress.db"
    prefix: str = "wp_"
    host: str = "127.0.0.1"
    port: int = 8000
    site_url: str | None = None
    blogname: str = "Jetpack Demo"
    admin_user: str = "admin"
    admin_password: str | None = None
    admin_email: str = "admin@example.com"
    constants: Mapping[str, Any] = field(default_factory=dict)
    test_control: bool = False
    max_body_bytes: int = 8 * 1024 * 1024
    workers: int = 1
    # WordPress.com: "off" (no outbound requests, as in the golden corpus), "sim" (the
    # simulator in-process) or the URL of a running ``jetpress wpcom serve``.
    wpcom: str = "off"
    wpcom_timeout: float | None = None  # cap on every outbound request's timeout (seconds)

    @property
    def effective_site_url(self) -> str:
        return (self.site_url or f"http://{self.host}:{self.port}").rstrip("/")


def parse_wp_config(text: str) -> tuple[dict[str, Any], str | None]:
    """The ``define()`` constants and ``$table_prefix`` of a wp-config.php."""
    constants: dict[str, Any] = {}
    for found in _DEFINE.finditer(text):
        name = found.group("name")
        if found.group("bare") is not None:
            bare = found.group("bare").lower()
            constants[name] = bare == "true" if bare in ("true", "false") else int(bare)
        else:
            raw = found.group("sq") if found.group("sq") is not None else found.group("dq")
            constants[name] = re.sub(r"\\(['\"\\])", r"\1", raw or "")
    prefix = _PREFIX.search(text)
    return constants, prefix.group(1) if prefix else None


def _coerce(value: str) -> Any:
    """``true``/``1``/``yes``/``on`` → True, ``false``/``0``/``no``/``off``/empty → False."""
    lowered = value.lower()
    if lowered in ("true", "1", "yes", "on"):
        return True
    if lowered in ("false", "0", "no", "off", ""):
        return False
    return value


def load(**flags: Any) -> Config:
    """Build the configuration from CLI flags (None = not given) and the environment."""
    env = os.environ
    given = {k: v for k, v in flags.items() if v is not None and k not in ("wp_config", "define")}
    constants: dict[str, Any] = {}
    prefix_from_config = None
    wp_config = flags.get("wp_config") or env.get("JETPRESS_WP_CONFIG")
    if wp_config:
        constants, prefix_from_config = parse_wp_config(Path(wp_config).read_text("utf-8"))
    for name in KNOWN_CONSTANTS:
        if f"JETPRESS_{name}" in env:
            constants[name] = _coerce(env[f"JETPRESS_{name}"])
    for item in flags.get("define") or ():
        name, _, value = str(item).partition("=")
        constants[name.strip()] = _coerce(value.strip())
    settings: dict[str, Any] = {
        "db_url": env.get("JETPRESS_DB"),
        "prefix": env.get("JETPRESS_TABLE_PREFIX") or prefix_from_config,
        "site_url": env.get("JETPRESS_SITE_URL"),
        "admin_password": env.get("JETPRESS_ADMIN_PASSWORD"),
    }
    if env.get("JETPRESS_TEST_CONTROL") == "1":
        settings["test_control"] = True
    if env.get("JETPRESS_MAX_BODY_BYTES", "").isdigit():
        settings["max_body_bytes"] = int(env["JETPRESS_MAX_BODY_BYTES"])
    if env.get("JETPRESS_WPCOM"):
        settings["wpcom"] = env["JETPRESS_WPCOM"]
    if env.get("JETPRESS_WPCOM_TIMEOUT"):
        settings["wpcom_timeout"] = float(env["JETPRESS_WPCOM_TIMEOUT"])
    settings = {k: v for k, v in settings.items() if v is not None}
    settings.update(given)
    return Config(constants=constants, **settings)


def to_environment(cfg: Config) -> dict[str, str]:
    """The environment that makes ``load()`` in a worker process rebuild ``cfg``."""
    env = {
        "JETPRESS_DB": cfg.db_url,
        "JETPRESS_TABLE_PREFIX": cfg.prefix,
        "JETPRESS_SITE_URL": cfg.effective_site_url,
        "JETPRESS_TEST_CONTROL": "1" if cfg.test_control else "0",
        "JETPRESS_MAX_BODY_BYTES": str(cfg.max_body_bytes),
        "JETPRESS_WPCOM": cfg.wpcom,
    }
    if cfg.wpcom_timeout is not None:
        env["JETPRESS_WPCOM_TIMEOUT"] = str(cfg.wpcom_timeout)
    for name, value in cfg.constants.items():
        if name in KNOWN_CONSTANTS:
            env[f"JETPRESS_{name}"] = (
                ("true" if value else "false") if isinstance(value, bool) else str(value)
            )
    return env


def export(cfg: Config) -> None:
    """Put ``cfg`` into this process's environment for worker processes to read."""
    os.environ.update(to_environment(cfg))
