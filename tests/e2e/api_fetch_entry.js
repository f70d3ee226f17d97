// Test-only entry point: esbuild bundles @wordpress/api-fetch into an IIFE that defines
// wp.apiFetch, as WordPress's wp-api-fetch script handle does (tests/e2e/conftest.py).
import apiFetch from '@wordpress/api-fetch';

window.wp = window.wp || {};
window.wp.apiFetch = apiFetch;
