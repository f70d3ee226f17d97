"""WordPress.com API URLs as the Jetpack connection package builds them.

Manager::api_url / xmlrpc_api_url and Client::validate_args_for_wpcom_json_api_request, with the
defaults of Utils (DEFAULT_JETPACK__API_BASE, DEFAULT_JETPACK__WPCOM_JSON_API_BASE).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from jetpress.protocol.tokens import API_VERSION

JETPACK_API_BASE = "https://jetpack.wordpress.com/jetpack."  # Utils::DEFAULT_JETPACK__API_BASE
WPCOM_JSON_API_BASE = "https://public-api.wordpress.com"  # DEFAULT_JETPACK__WPCOM_JSON_API_BASE
_HOST_ONLY = re.compile(r"^(https?://[^?/]+)(/?.*)?$")

# The authorize URL's query parameters in the order Jetpack 10.7 sends them (corpus
# connection/authorize-url-online; Manager::get_authorization_url + filter_connect_request_body).
AUTHORIZE_PARAMS = (
    "response_type",
    "client_id",
    "redirect_uri",
    "state",
    "scope",
    "user_email",
    "user_login",
    "is_active",
    "jp_version",
    "auth_type",
    "secret",
    "blogname",
    "site_url",
    "home_url",
    "site_icon",
    "site_lang",
    "site_created",
    "allow_site_connection",
    "_as",
    "_ak",
    "from",
)


def api_url(relative: str, base: str = JETPACK_API_BASE, version: int = API_VERSION) -> str:
    """Manager::api_url(): ``rtrim($base . $relative, '/\\\\') . '/' . version . '/'``."""
    return (base + relative).rstrip("/\\") + f"/{version}/"


def xmlrpc_api_url(base: str = JETPACK_API_BASE) -> str:
    """Manager::xmlrpc_api_url(): the scheme and host of the API base, then ``/xmlrpc.php``."""
    host = _HOST_ONLY.sub(r"\1", base)
    return host.rstrip("/") + "/xmlrpc.php"


def wpcom_json_api_url(
    path: str, version: str = "1.1", base_api_path: str = "rest", base: str = WPCOM_JSON_API_BASE
) -> str:
    """validate_args_for_wpcom_json_api_request: ``%s/%s/v%s/%s`` (base, api, version, path)."""
    return f"{base}/{base_api_path.strip('/')}/v{version.lstrip('v')}/{path.lstrip('/')}"


@dataclass(frozen=True)
class WpcomEndpoints:
    """The two bases a site needs: JETPACK__API_BASE and JETPACK__WPCOM_JSON_API_BASE."""

    api_base: str = JETPACK_API_BASE
    json_api_base: str = WPCOM_JSON_API_BASE

    @classmethod
    def for_simulator(cls, root: str) -> WpcomEndpoints:
        """A simulator at ``root`` (e.g. ``http://127.0.0.1:9000``) serves both on one host."""
        root = root.rstrip("/")
        return cls(api_base=f"{root}/jetpack.", json_api_base=root)

    def api(self, relative: str) -> str:
        """``jetpack.register``, ``jetpack.authorize``, ``jetpack.token`` URLs."""
        return api_url(relative, self.api_base)

    @property
    def xmlrpc(self) -> str:
        """The XML-RPC endpoint (Jetpack_IXR_Client's default URL)."""
        return xmlrpc_api_url(self.api_base)

    def rest(self, path: str, version: str = "1.1", base_api_path: str = "rest") -> str:
        """A WordPress.com REST URL: ``rest/v1.1/...``, or ``wpcom/v2/...`` with base_api_path."""
        return wpcom_json_api_url(path, version, base_api_path, self.json_api_base)
