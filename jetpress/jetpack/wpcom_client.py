"""The site's HTTP client for WordPress.com: what ``wp_remote_request`` does for Jetpack.

``WpcomClient.request`` answers an ``HttpResponse`` or an ``HttpFailure`` (WordPress's
``WP_Error`` from the HTTP API), never raises for network trouble; the Jetpack callers map both
to Jetpack's error codes as the PHP does (services.wpcom_api, services.registration, ...).
``NoWpcom`` fails every call like a site whose outbound requests are blocked, which is what
Jetpack 10.7 answered in the golden corpus (tag ``remote``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlsplit

import httpx

from jetpress import php
from jetpress.protocol.urls import WpcomEndpoints

# WP_Http::request with WP_HTTP_BLOCK_EXTERNAL (class-wp-http.php): the corpus's outbound answer
BLOCKED_CODE = "http_request_not_executed"
BLOCKED_MESSAGE = "User has blocked requests through HTTP."
# Requests/cURL failures surface as WP_Error( 'http_request_failed', <curl message> )
FAILED_CODE = "http_request_failed"
MAX_BODY_BYTES = 16 * 1024 * 1024
# ``jetpress serve --wpcom sim``: the in-process simulator's pages answer on this Host (browsers
# resolve *.localhost to the machine itself), at the server's own port.
SIM_HOST = "wpcom.localhost"


@dataclass(frozen=True, slots=True)
class HttpResponse:
    """A response as wp_remote_request returns it: status, lower-case headers, raw body."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes = b""

    @property
    def text(self) -> str:
        """wp_remote_retrieve_body()."""
        return self.body.decode("utf-8", "replace")

    def header(self, name: str) -> str:
        """wp_remote_retrieve_header(): '' when absent."""
        return self.headers.get(name.lower(), "")

    def json(self) -> Any:
        """``json_decode( $body, true )``: None for an empty or invalid body (PHP's null)."""
        if not self.body:
            return None
        try:
            return php.json_decode(self.body)
        except php.JsonDecodeError:
            return None


@dataclass(frozen=True, slots=True)
class HttpFailure:
    """The WP_Error of a request that got no response (blocked, refused, timed out ...)."""

    code: str
    message: str


HttpResult = HttpResponse | HttpFailure


def response_code(result: HttpResult) -> int | str:
    """wp_remote_retrieve_response_code(): the status, or '' for a WP_Error."""
    return result.status if isinstance(result, HttpResponse) else ""


class WpcomClient(Protocol):
    """What the Jetpack plugin needs from the network: WordPress.com's URLs and one request."""

    @property
    def endpoints(self) -> WpcomEndpoints:
        """JETPACK__API_BASE and JETPACK__WPCOM_JSON_API_BASE."""
        ...

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        timeout: float = 5.0,
    ) -> HttpResult:
        """Send one request; never raises for network trouble."""
        ...


@dataclass(frozen=True, slots=True)
class NoWpcom:
    """No WordPress.com configured: every request fails as WP_HTTP_BLOCK_EXTERNAL makes it."""

    endpoints: WpcomEndpoints = field(default_factory=WpcomEndpoints)

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        timeout: float = 5.0,
    ) -> HttpResult:
        """Always ``WP_Error( 'http_request_not_executed', ... )``."""
        return HttpFailure(BLOCKED_CODE, BLOCKED_MESSAGE)


class HttpWpcomClient:
    """WordPress.com (or the simulator) over httpx, with explicit timeouts.

    ``max_timeout`` caps every request's timeout (Jetpack asks for 10-30 s; tests and impatient
    people lower it). ``transport`` is httpx's seam: ``jetpress.wpcom.app.as_transport`` runs
    the simulator in-process through the same code path.
    """

    def __init__(
        self,
        endpoints: WpcomEndpoints,
        *,
        transport: httpx.BaseTransport | None = None,
        max_timeout: float | None = None,
    ) -> None:
        self._endpoints = endpoints
        self.max_timeout = max_timeout
        self._http = httpx.Client(transport=transport, follow_redirects=False, trust_env=False)

    @property
    def endpoints(self) -> WpcomEndpoints:
        """The bases requests are built from."""
        return self._endpoints

    def close(self) -> None:
        """Close the connection pool."""
        self._http.close()

    def request(
        self,
        method: str,
        url: str,
        *,
        headers: Mapping[str, str] | None = None,
        body: bytes | None = None,
        timeout: float = 5.0,
    ) -> HttpResult:
        """One request; transport errors become WordPress's cURL-style WP_Errors."""
        if self.max_timeout is not None:
            timeout = min(timeout, self.max_timeout)
        try:
            with self._http.stream(
                method,
                url,
                headers=dict(headers or {}),
                content=body,
                timeout=httpx.Timeout(timeout),
            ) as response:
                content = _read_capped(response)
                return HttpResponse(
                    response.status_code,
                    {k.lower(): v for k, v in response.headers.items()},
                    content,
                )
        except (httpx.InvalidURL, httpx.UnsupportedProtocol):
            # WP_Http::request: wp_http_validate_url() failed
            return HttpFailure(FAILED_CODE, "A valid URL was not provided.")
        except httpx.TimeoutException:
            # Requests' cURL transport: CURLE_OPERATION_TIMEDOUT
            millis = int(timeout * 1000)
            return HttpFailure(
                FAILED_CODE,
                f"cURL error 28: Operation timed out after {millis} milliseconds "
                "with 0 bytes received",
            )
        except httpx.ConnectError:
            parts = urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
            return HttpFailure(
                FAILED_CODE,
                f"cURL error 7: Failed to connect to {parts.hostname} port {port}: "
                "Connection refused",
            )
        except httpx.HTTPError as err:
            return HttpFailure(FAILED_CODE, f"cURL error 56: {err}")


def _read_capped(response: httpx.Response) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            break  # WP_Http's limit_response_size: the rest is dropped
        chunks.append(chunk)
    return b"".join(chunks)


def client_for(
    setting: str,
    *,
    max_timeout: float | None = None,
    transport: httpx.BaseTransport | None = None,
    root: str | None = None,
) -> WpcomClient:
    """``off`` (NoWpcom), or a simulator/WordPress.com at ``setting`` (its root URL).

    With ``transport`` (an in-process simulator) ``root`` names the URLs the site builds.
    """
    if setting == "off":
        return NoWpcom()
    base = root or setting
    return HttpWpcomClient(
        WpcomEndpoints.for_simulator(base), transport=transport, max_timeout=max_timeout
    )
