"""jetpress: Jetpack's HTTP API as a standalone Python service."""

from __future__ import annotations

__version__ = "0.1.0"
