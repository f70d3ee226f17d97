"""RestResponse: what a route callback returns (WP_REST_Response)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jetpress.wp.rest.routes import Handler


@dataclass(slots=True, eq=False)
class RestResponse:
    """Data, status and headers; links are ``(rel, href, attributes)`` (RESP:255-292)."""

    data: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    links: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    matched_route: str | None = None
    matched_handler: Handler | None = None

    def header(self, name: str, value: str) -> None:
        self.headers[name] = value

    def add_link(self, rel: str, href: str, **attributes: Any) -> None:
        self.links.append((rel, href, attributes))

    @property
    def is_error(self) -> bool:
        return self.status >= 400
