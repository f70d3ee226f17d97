"""Tests for jetpress.wp.rest."""

from __future__ import annotations
