"""The Jetpack connection's wire formats, shared by the site and the WordPress.com simulator.

Pure functions and value types only: tokens and secrets (tokens), the request signature
(signing), WordPress.com URLs (urls), XML-RPC bodies (xmlrpc) and the PHP primitives under them.
"""

from __future__ import annotations
