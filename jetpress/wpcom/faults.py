"""Injected faults: wrong statuses, slow answers, HTML or PHP-notice bodies, timeouts.

A fault is data (``POST /_wpcom/faults``); the app faces apply it before the handler runs:
latency first, then a timeout or a canned answer, else the handler (with a PHP notice
prepended when asked). ``times`` counts down; an exhausted fault disappears.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from jetpress.wpcom.handlers import SimResponse

# What a PHP notice printed before the JSON looks like (display_errors on, html_errors on).
PHP_NOTICE = (
    "<br />\n<b>Notice</b>:  Undefined index: blog_id in "
    "<b>/home/wpcom/public_html/wp-content/rest-api-plugins/jetpack-sites.php</b> "
    "on line <b>1337</b><br />\n"
)
TIMEOUT_STATUS = 504
MAX_LATENCY_MS = 60_000
_KEYS = {
    "match",
    "status",
    "latency_ms",
    "body",
    "content_type",
    "php_notice",
    "timeout",
    "times",
    "method",
}


@dataclass
class Fault:
    """One injected fault; ``match`` is a regex searched in ``path?query``."""

    id: int
    match: str
    pattern: re.Pattern[str]
    status: int | None = None
    latency_ms: int = 0
    body: str | None = None
    content_type: str | None = None
    php_notice: bool = False
    timeout: bool = False
    times: int | None = None
    method: str | None = None
    hits: int = 0

    def as_json(self) -> dict[str, Any]:
        """The fault as the control plane lists it."""
        data = {k: v for k, v in self.__dict__.items() if k != "pattern"}
        return data


def parse_fault(data: Any, fault_id: int) -> Fault:
    """Validate one fault object from JSON; ValueError says what is wrong."""
    if not isinstance(data, dict):
        raise ValueError("a fault is a JSON object")
    unknown = set(data) - _KEYS
    if unknown:
        raise ValueError(f"unknown fault keys: {', '.join(sorted(unknown))}")
    match = data.get("match", "")
    if not isinstance(match, str):
        raise ValueError("match must be a string (a regular expression)")
    try:
        pattern = re.compile(match)
    except re.error as err:
        raise ValueError(f"match is not a valid regular expression: {err}") from err
    status = data.get("status")
    if status is not None and (
        isinstance(status, bool) or not isinstance(status, int) or not 100 <= status <= 599
    ):
        raise ValueError("status must be an HTTP status code")
    latency = data.get("latency_ms", 0)
    if (
        isinstance(latency, bool)
        or not isinstance(latency, int)
        or not 0 <= latency <= MAX_LATENCY_MS
    ):
        raise ValueError(f"latency_ms must be an integer from 0 to {MAX_LATENCY_MS}")
    times = data.get("times")
    if times is not None and (isinstance(times, bool) or not isinstance(times, int) or times < 1):
        raise ValueError("times must be a positive integer (omit it for a permanent fault)")
    for key in ("body", "content_type", "method"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise ValueError(f"{key} must be a string")
    for key in ("php_notice", "timeout"):
        if not isinstance(data.get(key, False), bool):
            raise ValueError(f"{key} must be a boolean")
    method = data.get("method")
    return Fault(
        id=fault_id,
        match=match,
        pattern=pattern,
        status=status,
        latency_ms=latency,
        body=data.get("body"),
        content_type=data.get("content_type"),
        php_notice=data.get("php_notice", False),
        timeout=data.get("timeout", False),
        times=times,
        method=method.upper() if method else None,
    )


def take_fault(faults: list[Fault], method: str, target: str) -> Fault | None:
    """The first fault matching this request; counts a hit and drops it when used up."""
    for fault in faults:
        if fault.method and fault.method != method.upper():
            continue
        if fault.pattern.search(target):
            fault.hits += 1
            if fault.times is not None:
                fault.times -= 1
                if fault.times <= 0:
                    faults.remove(fault)
            return fault
    return None


def canned_response(fault: Fault) -> SimResponse | None:
    """The answer a fault gives instead of the handler's, or None to run the handler."""
    if fault.status is None and fault.body is None:
        return None
    body = fault.body
    if body is None:
        body = (
            '{"error":"simulated_fault","message":"Fault injected by the WordPress.com simulator."}'
        )
    ctype = fault.content_type or (
        "text/html; charset=UTF-8" if body.lstrip().startswith("<") else "application/json"
    )
    if fault.php_notice:
        body = PHP_NOTICE + body
    return SimResponse(fault.status or 200, body.encode(), {"content-type": ctype})


def with_php_notice(response: SimResponse) -> SimResponse:
    """The handler's answer with a PHP notice printed in front of it."""
    return SimResponse(response.status, PHP_NOTICE.encode() + response.body, dict(response.headers))


def timeout_response() -> SimResponse:
    """What a client still listening gets after a ``timeout`` fault's wait (a gateway timeout)."""
    title = "504 Gateway Time-out"
    body = f"<html><head><title>{title}</title></head><body><h1>{title}</h1></body></html>"
    return SimResponse(TIMEOUT_STATUS, body.encode(), {"content-type": "text/html"})
