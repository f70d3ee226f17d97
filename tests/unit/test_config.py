"""Configuration: wp-config.php constants, CLI flags and JETPRESS_* variables."""

from __future__ import annotations

import pytest

from jetpress import config

WP_CONFIG = r"""<?php
define( 'DB_NAME', 'wordpress' );
define('AUTH_KEY',         'k&y with \'quotes\' and spaces');
define( "NONCE_SALT", "double \"quoted\"" );
define( 'JETPACK_DEV_DEBUG', true );
define( 'WP_LOCAL_DEV', FALSE );
define( 'WP_POST_REVISIONS', 5 );
$table_prefix = 'site2_';
"""


def test_parse_wp_config_reads_defines_and_prefix():
    constants, prefix = config.parse_wp_config(WP_CONFIG)
    assert constants["AUTH_KEY"] == "k&y with 'quotes' and spaces"
    assert constants["NONCE_SALT"] == 'double "quoted"'
    assert constants["JETPACK_DEV_DEBUG"] is True
    assert constants["WP_LOCAL_DEV"] is False
    assert constants["WP_POST_REVISIONS"] == 5
    assert prefix == "site2_"


def test_load_layers_wp_config_env_and_flags(tmp_path, monkeypatch: pytest.MonkeyPatch):
    path = tmp_path / "wp-config.php"
    path.write_text(WP_CONFIG)
    monkeypatch.setenv("JETPRESS_JETPACK_DEV_DEBUG", "false")  # env overrides the file
    monkeypatch.setenv("JETPRESS_DB", "sqlite:///from-env.db")
    cfg = config.load(
        wp_config=str(path), define=["WP_ENVIRONMENT_TYPE=local"], port=9001, db_url=None
    )
    assert cfg.prefix == "site2_"  # $table_prefix of the existing install
    assert cfg.db_url == "sqlite:///from-env.db"
    assert cfg.port == 9001
    assert cfg.constants["AUTH_KEY"] == "k&y with 'quotes' and spaces"
    assert cfg.constants["JETPACK_DEV_DEBUG"] is False
    assert cfg.constants["WP_ENVIRONMENT_TYPE"] == "local"


def test_environment_round_trip_for_workers(monkeypatch: pytest.MonkeyPatch):
    cfg = config.Config(
        db_url="sqlite:///w.db",
        prefix="p_",
        site_url="http://example.test",
        test_control=True,
        constants={"AUTH_KEY": "abc", "JETPACK_DEV_DEBUG": True},
    )
    for name, value in config.to_environment(cfg).items():
        monkeypatch.setenv(name, value)
    again = config.load()
    assert (again.db_url, again.prefix, again.site_url, again.test_control) == (
        "sqlite:///w.db",
        "p_",
        "http://example.test",
        True,
    )
    assert again.constants["AUTH_KEY"] == "abc"
    assert again.constants["JETPACK_DEV_DEBUG"] is True
