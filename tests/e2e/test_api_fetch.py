"""WordPress's own JavaScript client, @wordpress/api-fetch, configured as WordPress configures it.

The package comes from the npm registry (package.json); esbuild bundles it into a temporary file
(conftest ``api_fetch_bundle``), the page loads it, and the inline script below is the one
WordPress 6.1 adds after the ``wp-api-fetch`` handle (script-loader.php,
wp_default_packages_inline_scripts), fed with the page's Initial_State.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.e2e.driver import NONCE, Console, Site, log_in

CONFIGURE = """
wp.apiFetch.use( wp.apiFetch.createRootURLMiddleware( Initial_State.WP_API_root ) );
wp.apiFetch.nonceMiddleware = wp.apiFetch.createNonceMiddleware( Initial_State.WP_API_nonce );
wp.apiFetch.use( wp.apiFetch.nonceMiddleware );
wp.apiFetch.use( wp.apiFetch.mediaUploadMiddleware );
wp.apiFetch.nonceEndpoint = ajaxurl + '?action=rest-nonce';
"""


def test_api_fetch_reads_writes_and_refreshes_its_nonce(
    page: Any, site: Site, console: Console, api_fetch_bundle: Path
) -> None:
    log_in(page, site)
    page.add_script_tag(path=str(api_fetch_bundle))
    page.add_script_tag(content=CONFIGURE)

    settings = page.evaluate("() => wp.apiFetch( { path: '/jetpack/v4/settings' } )")
    assert settings == site.get("/jetpack/v4/settings")

    answer = page.evaluate(
        """() => wp.apiFetch( {
            path: '/jetpack/v4/settings',
            method: 'POST',
            data: { carousel_background_color: 'white', carousel: true },
        } )"""
    )
    assert answer["code"] == "success", answer
    after = site.get("/jetpack/v4/settings")
    assert after["carousel_background_color"] == "white"
    assert after["carousel"] is True

    # A stale nonce: api-fetch gets rest_cookie_invalid_nonce, asks admin-ajax.php for a new one
    # and retries; the caller sees only the successful answer.
    console.allow(r"status of 403")
    page.evaluate("() => { wp.apiFetch.nonceMiddleware.nonce = '0123456789'; }")
    with page.expect_response(lambda r: "action=rest-nonce" in r.url) as refreshed:
        answer = page.evaluate(
            """() => wp.apiFetch( {
                path: '/jetpack/v4/settings',
                method: 'POST',
                data: { carousel_background_color: 'black' },
            } )"""
        )
    assert refreshed.value.status == 200
    assert answer["code"] == "success", answer
    nonce = page.evaluate("() => wp.apiFetch.nonceMiddleware.nonce")
    assert NONCE.fullmatch(nonce) and nonce != "0123456789"
    assert site.get("/jetpack/v4/settings")["carousel_background_color"] == "black"

    # Errors come back as WordPress's error object, code and message intact.
    console.allow(r"status of 400")
    error = page.evaluate(
        """() => wp.apiFetch( {
            path: '/jetpack/v4/settings', method: 'POST',
            data: { carousel_background_color: 'purple' },
        } ).then( () => null, ( e ) => e )"""
    )
    assert error["code"] == "rest_invalid_param"
    assert error["data"]["params"] == {
        "carousel_background_color": "carousel_background_color must be one of black, white"
    }
