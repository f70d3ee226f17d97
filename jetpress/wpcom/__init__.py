"""A WordPress.com simulator that speaks the Jetpack connection protocol over HTTP.

moto-style layout: models (state), handlers (HTTP in/out), routes (table), errors, faults,
control (the ``/_wpcom/`` plane), pages (HTML) and app (ASGI app and httpx transport).
Imports only jetpress.protocol, jetpress.types, jetpress.clock and third-party libraries.
"""

from __future__ import annotations
