"""Corpus cases jetpress does not pass yet, each naming the open issue (or fidelity entry)."""

from __future__ import annotations

from typing import Any

WP_LAYER = "The WordPress layer: REST infrastructure, storage, users and auth, `jetpress serve`, CI"
MODULES = (
    "Jetpack modules and settings: the catalog, every module and settings endpoint, resets, notices"
)
CONNECTION = "The WordPress.com connection, a WordPress.com simulator, and the site-data endpoints"

# Case id -> reason. Filled from real runs; a case that starts passing makes its xfail fail.
KNOWN: dict[str, str] = {}

# Whole categories owned by a later issue.
CATEGORY: dict[str, str] = {}


def expected_failure(case: dict[str, Any]) -> str | None:
    if case["id"] in KNOWN:
        return KNOWN[case["id"]]
    return CATEGORY.get(case["category"])
