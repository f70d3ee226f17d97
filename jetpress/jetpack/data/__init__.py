"""Jetpack catalog data files (JSON), read by jetpress.jetpack.catalog."""
