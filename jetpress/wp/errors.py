"""WPError: WordPress's WP_Error, raised instead of returned.

Only ``jetpress.wp.rest.server`` turns it into the ``{code, message, data}`` JSON shape.
"""

from __future__ import annotations

from jetpress.types import JSON


class WPError(Exception):
    """A WP_Error; ``errors`` keeps every (code, message, data) in order (WP_Error::add)."""

    def __init__(
        self, code: str, message: str | None, *, status: int | None = None, data: JSON = None
    ) -> None:
        super().__init__(f"{code}: {message}")
        # A message may be null: Jetpack 10.7 sends "message": null for some denials.
        self.errors: list[tuple[str, str | None, JSON]] = []
        self.add(code, message, data, status=status)

    def add(
        self, code: str, message: str | None, data: JSON = None, *, status: int | None = None
    ) -> None:
        """WP_Error::add. ``status`` is merged into ``data`` as WordPress's ``['status' => N]``."""
        if status is not None:
            data = {**data, "status": status} if isinstance(data, dict) else {"status": status}
        # WP_Error drops empty data: new WP_Error(c, m, []) gives data null (wp-rest-core.md §3.1)
        if data == {} or data == []:
            data = None
        self.errors.append((code, message, data))

    @property
    def code(self) -> str:
        return self.errors[0][0]

    @property
    def message(self) -> str | None:
        return self.errors[0][1]

    @property
    def data(self) -> JSON:
        return self.errors[0][2]

    @property
    def status(self) -> int:
        """The last ``status`` in the data of the first code; 500 when absent (RA:3320-3358)."""
        status = 500
        for code, _message, data in self.errors:
            if code != self.code:
                continue
            if isinstance(data, dict) and isinstance(data.get("status"), int):
                status = int(data["status"])  # type: ignore[arg-type]
        return status
