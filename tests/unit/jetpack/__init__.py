"""Tests of jetpress.jetpack."""
