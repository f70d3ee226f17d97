"""The simulator's two faces over one code path: an ASGI app and an in-process httpx transport.

Both turn a request into a SimRequest, apply faults, run routes.dispatch (or the control
plane), journal the exchange and add a Date header from the state's clock.
"""

from __future__ import annotations

import time

import anyio
import anyio.to_thread
import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from jetpress.wpcom import control, faults, routes
from jetpress.wpcom.faults import Fault
from jetpress.wpcom.handlers import JOURNAL_HEADERS, SimRequest, SimResponse, http_date
from jetpress.wpcom.models import JournalEntry, WpcomState

METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]


# ------------------------------------------------------------------------ pipeline ----


def _begin(state: WpcomState, req: SimRequest) -> Fault | None:
    target = req.path + ("?" + req.query if req.query else "")
    with state.lock:
        return faults.take_fault(state.faults, req.method, target)


def _run(state: WpcomState, req: SimRequest, fault: Fault | None) -> SimResponse:
    """The part after latency/timeouts: a canned fault answer, or the handler (+ PHP notice)."""
    if fault is not None:
        canned = faults.canned_response(fault)
        if canned is not None:
            return canned
    response = routes.dispatch(state, req)
    if fault is not None and fault.php_notice:
        response = faults.with_php_notice(response)
    return response


def _finish(
    state: WpcomState,
    req: SimRequest,
    fault: Fault | None,
    response: SimResponse | None,
    error: str | None = None,
) -> SimResponse | None:
    with state.lock:
        state.journal.append(
            JournalEntry(
                seq=state.next_seq,
                time=state.now(),
                direction="in",
                method=req.method,
                url=req.url,
                path=req.path,
                query=req.query,
                headers={k: v for k, v in req.headers.items() if k in JOURNAL_HEADERS},
                body=req.body.decode("utf-8", "replace")[:65536],
                status=response.status if response is not None else None,
                fault=fault.id if fault is not None else None,
                error=error,
            )
        )
        state.next_seq += 1
        if response is not None:
            response.headers.setdefault("date", http_date(state.now()))
    return response


def _client_gives_up(
    state: WpcomState, req: SimRequest, fault: Fault | None, read_timeout: float | None
) -> None:
    """In-process: a timeout fault, or latency at least the client's read timeout, is a timeout.

    The client would have given up, so nobody waits: journal it and raise httpx.ReadTimeout.
    """
    if fault is None:
        return
    if fault.timeout or (read_timeout is not None and fault.latency_ms / 1000 >= read_timeout):
        _finish(state, req, fault, None, "timeout")
        raise httpx.ReadTimeout("simulated timeout (WordPress.com simulator fault)")


async def handle_async(
    state: WpcomState,
    req: SimRequest,
    *,
    in_process: bool = False,
    read_timeout: float | None = None,
) -> SimResponse:
    """One request on an event loop: waits are ``anyio.sleep``, handlers run in a thread.

    Served over HTTP, a timeout fault waits ``fault_timeout_seconds`` (30 at most) and answers
    504; in-process (``in_process``) it raises httpx.ReadTimeout at once (_client_gives_up).
    """
    if req.path.startswith(control.PREFIX):
        return await anyio.to_thread.run_sync(control.handle_control, state, req)
    fault = _begin(state, req)
    if in_process:
        _client_gives_up(state, req, fault, read_timeout)
    if fault is not None and fault.latency_ms:
        await anyio.sleep(fault.latency_ms / 1000)
    if fault is not None and fault.timeout:
        await anyio.sleep(min(state.config.fault_timeout_seconds, 30.0))
        response = faults.timeout_response()
    else:
        response = await anyio.to_thread.run_sync(_run, state, req, fault)
    finished = _finish(state, req, fault, response)
    assert finished is not None
    return finished


def handle_sync(state: WpcomState, req: SimRequest, read_timeout: float | None) -> SimResponse:
    """One request in the caller's thread (sync transport); timeouts as in _client_gives_up."""
    if req.path.startswith(control.PREFIX):
        return control.handle_control(state, req)
    fault = _begin(state, req)
    _client_gives_up(state, req, fault, read_timeout)
    if fault is not None and fault.latency_ms:
        time.sleep(fault.latency_ms / 1000)
    response = _run(state, req, fault)
    finished = _finish(state, req, fault, response)
    assert finished is not None
    return finished


# ----------------------------------------------------------------------- transport ----


def _sim_request(request: httpx.Request) -> SimRequest:
    raw = request.url.raw_path.decode("ascii", "replace")
    path, _, query = raw.partition("?")
    return SimRequest(
        method=request.method,
        url=str(request.url),
        path=path,
        query=query,
        headers={k.lower(): v for k, v in request.headers.items()},
        body=request.content,
    )


def _httpx_response(response: SimResponse) -> httpx.Response:
    return httpx.Response(response.status, headers=response.headers, content=response.body)


class WpcomTransport(httpx.MockTransport):
    """httpx transport that answers from a WpcomState in-process, sync or async."""

    def __init__(self, state: WpcomState) -> None:
        super().__init__(self._unused)
        self.state = state

    @staticmethod
    def _unused(request: httpx.Request) -> httpx.Response:  # pragma: no cover - never called
        raise RuntimeError("WpcomTransport handles requests itself")

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Sync clients: see handle_sync."""
        request.read()
        timeout = request.extensions.get("timeout", {}).get("read")
        return _httpx_response(handle_sync(self.state, _sim_request(request), timeout))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        """Async clients: see handle_async (in-process)."""
        await request.aread()
        timeout = request.extensions.get("timeout", {}).get("read")
        response = await handle_async(
            self.state, _sim_request(request), in_process=True, read_timeout=timeout
        )
        return _httpx_response(response)


def as_transport(state: WpcomState) -> httpx.MockTransport:
    """An in-process transport for ``httpx.Client(transport=...)`` / ``AsyncClient``."""
    return WpcomTransport(state)


# ----------------------------------------------------------------------------- ASGI ----


def create_wpcom_app(state: WpcomState) -> Starlette:
    """The ASGI app (``jetpress wpcom serve``); ``app.state.wpcom`` is the WpcomState."""

    async def endpoint(request: Request) -> Response:
        scope = request.scope
        raw_path = scope.get("raw_path") or scope["path"].encode()
        query = scope.get("query_string", b"").decode("latin-1")
        host = request.headers.get("host") or "{}:{}".format(
            *(scope.get("server") or ("localhost", 80))
        )
        path = raw_path.decode("latin-1").partition("?")[0]
        req = SimRequest(
            method=request.method,
            url=f"{scope['scheme']}://{host}{path}" + (f"?{query}" if query else ""),
            path=path,
            query=query,
            headers={k.lower(): v for k, v in request.headers.items()},
            body=await request.body(),
        )
        response = await handle_async(state, req)
        return Response(response.body, status_code=response.status, headers=response.headers)

    app = Starlette(routes=[Route("/{path:path}", endpoint, methods=METHODS)])
    app.state.wpcom = state
    return app


def serve(host: str, port: int, seed: int) -> None:
    """Run the simulator with uvicorn (what ``jetpress wpcom serve`` calls)."""
    import uvicorn

    state = WpcomState(seed=seed)
    uvicorn.run(create_wpcom_app(state), host=host, port=port, date_header=False, log_level="info")
