"""The Jetpack admin page (wp-admin/admin.php?page=jetpack) and its static assets.

A server-rendered shell plus one ES module that talks only to the public REST API.
"""

from __future__ import annotations
