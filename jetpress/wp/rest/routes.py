"""The route registry: register_rest_route, matching and the index data of routes.

Port of WP_REST_Server::register_route / get_routes / match_request_to_handler /
get_data_for_route (WP 6.1 SRV:812-938, SRV:1036-1108, SRV:1474-1554).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jetpress.wp.rest import schema

if TYPE_CHECKING:
    from jetpress.wp.errors import WPError
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.rest.response import RestResponse

# Method constants (SRV:24-56).
READABLE = "GET"
CREATABLE = "POST"
EDITABLE = "POST, PUT, PATCH"
DELETABLE = "DELETE"
ALLMETHODS = "GET, POST, PUT, PATCH, DELETE"

MATCH_CACHE_SIZE = 2048
Callback = Callable[["RestRequest"], "RestResponse"]
PermissionCallback = Callable[["RestRequest"], "bool | WPError | None"]

# preg_replace( '#\(\?P<(\w+?)>.*?\)#', '{$1}', $route ) (SRV:1489)
_VARIABLE = re.compile(r"\(\?P<(\w+?)>.*?\)")
# PCRE accepts (?<name>...) as a named group; Python's re only (?P<name>...).
_PCRE_NAMED_GROUP = re.compile(r"\(\?<(?=[A-Za-z_])")


def methods_list(methods: str | Sequence[str]) -> tuple[str, ...]:
    """Normalise ``methods``: comma string or list, each ``strtoupper(trim())`` (SRV:917)."""
    items = methods.split(",") if isinstance(methods, str) else list(methods)
    out: list[str] = []
    for item in items:
        name = item.strip().upper()
        if name not in out:
            out.append(name)
    return tuple(out)


@dataclass(slots=True, eq=False)
class Handler:
    """One endpoint (handler) of a route, with WordPress's defaults (SRV:903-916)."""

    methods: str | Sequence[str] = READABLE
    callback: Callback | None = None
    permission_callback: PermissionCallback | None = None
    args: Mapping[str, Any] = field(default_factory=dict)
    # jetpress: may also be a callable, for handlers whose presence depends on site state
    # (Jetpack registers some routes only outside offline mode).
    show_in_index: bool | Callable[[], bool] = True
    allow_batch: Mapping[str, Any] | None = None
    validate_callback: Callable[[RestRequest], Any] | None = None
    # jetpress: the callback makes outbound network calls, so the edge runs the request in a
    # worker thread instead of inline on the event loop.
    blocking: bool = False
    method_set: tuple[str, ...] = ()
    # rest_parse_request_arg's result for each arg default (pure, so computed once).
    arg_memo: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.method_set = methods_list(self.methods)

    def defaults(self) -> dict[str, Any]:
        """Arg defaults for which PHP ``isset()`` holds: a null default is none (SRV:1093)."""
        return {
            key: opts["default"]
            for key, opts in self.args.items()
            if isinstance(opts, Mapping) and opts.get("default") is not None
        }


@dataclass(slots=True, eq=False)
class Route:
    """A registered route regex with its handlers and options."""

    pattern: str
    namespace: str
    handlers: list[Handler]
    schema: Callable[[], Any] | None = None
    allow_batch: Mapping[str, Any] | None = None
    regex: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        self.regex = compile_route(self.pattern)

    @property
    def is_variable(self) -> bool:
        return "{" in _VARIABLE.sub(r"{\1}", self.pattern)

    def match(self, path: str) -> dict[str, str] | None:
        """preg_match('@^route$@i') and its named groups as PHP returns them, or None."""
        found = self.regex.match(path)
        if found is None:
            return None
        return php_named_groups(found)


def compile_route(pattern: str) -> re.Pattern[str]:
    """Compile a route regex as ``preg_match('@^' . $route . '$@i')`` (SRV:1057)."""
    source = _PCRE_NAMED_GROUP.sub("(?P<", pattern)
    try:
        return re.compile("^" + source + "$", re.IGNORECASE)
    except re.error:
        # PHP's preg_match returns false for a broken pattern: the route never matches.
        return re.compile(r"(?!)")


def php_named_groups(found: re.Match[str]) -> dict[str, str]:
    """Named groups as preg_match fills them: unmatched middle groups are '', trailing absent."""
    index = found.re.groupindex
    last = found.lastindex or 0
    out: dict[str, str] = {}
    for name, number in sorted(index.items(), key=lambda item: item[1]):
        if number > last:
            continue  # PCRE leaves out unmatched trailing groups (wp-rest-core.md §1.3)
        value = found.group(number)
        out[name] = "" if value is None else value
    return out


class RouteRegistry:
    """Routes by namespace, in registration order (WP_REST_Server's endpoints/namespaces)."""

    def __init__(self, namespace_index: Callback | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self.namespaces: dict[str, list[str]] = {}
        self._namespace_index = namespace_index
        # (method, path) -> match; registration clears it. Bounded: paths come from clients.
        self._matches: OrderedDict[tuple[str, str], tuple[Route, Handler, dict[str, str]] | None]
        self._matches = OrderedDict()
        self._matches_lock = threading.Lock()

    def register_rest_route(
        self,
        namespace: str,
        route: str,
        handlers: Handler | Sequence[Handler],
        *,
        override: bool = False,
        schema: Callable[[], Any] | None = None,
        allow_batch: Mapping[str, Any] | None = None,
        show_namespace_index: bool = True,
    ) -> None:
        """register_rest_route (RA:34-127) + WP_REST_Server::register_route (SRV:812-845)."""
        namespace = namespace.strip("/")
        full = "/" + namespace + "/" + route.strip("/") if namespace else route
        items = [handlers] if isinstance(handlers, Handler) else list(handlers)
        if namespace and namespace not in self.namespaces:
            self.namespaces[namespace] = []
            if show_namespace_index:
                # The first route of a namespace auto-registers its index route (SRV:813-834).
                index = _namespace_index_handler(namespace, self._namespace_index)
                self._add(namespace, "/" + namespace, [index], False)
        self._add(namespace, full, items, override, schema=schema, allow_batch=allow_batch)

    def register_core_route(self, route: str, handlers: Sequence[Handler], **options: Any) -> None:
        """Routes without a namespace (the server's own ``/`` and ``/batch/v1``, SRV:95-153)."""
        self._add("", route, list(handlers), False, **options)

    def _add(
        self,
        namespace: str,
        full: str,
        handlers: list[Handler],
        override: bool,
        *,
        schema: Callable[[], Any] | None = None,
        allow_batch: Mapping[str, Any] | None = None,
    ) -> None:
        self._matches.clear()
        existing = self.routes.get(full)
        if existing is not None and not override:
            # array_merge: numeric handler keys are appended (SRV:840-844)
            existing.handlers.extend(handlers)
            if schema is not None:
                existing.schema = schema
            return
        self.routes[full] = Route(full, namespace, handlers, schema=schema, allow_batch=allow_batch)
        if namespace:
            bucket = self.namespaces.setdefault(namespace, [])
            if full not in bucket:
                bucket.append(full)

    def candidates(self, path: str) -> list[Route]:
        """Namespace pre-filter (SRV:1041-1055): case-sensitive prefix test, else all routes."""
        probe = path.lstrip("/")
        probe = probe if probe.endswith("/") else probe + "/"
        found: list[Route] = []
        for ns, keys in self.namespaces.items():
            if probe.startswith(ns):
                found.extend(self.routes[key] for key in keys)
        return found if found else list(self.routes.values())

    def match(self, method: str, path: str) -> tuple[Route, Handler, dict[str, str]] | None:
        """match_request_to_handler: first route regex, then first handler with the method.

        Returns a fresh copy of the URL params (callers keep them on the request).
        """
        key = (method, path)
        with self._matches_lock:
            cached = key in self._matches
            if cached:
                self._matches.move_to_end(key)
                found = self._matches[key]
        if not cached:
            found = self._match(method, path)
            with self._matches_lock:
                self._matches[key] = found
                if len(self._matches) > MATCH_CACHE_SIZE:
                    self._matches.popitem(last=False)
        return None if found is None else (found[0], found[1], dict(found[2]))

    def _match(self, method: str, path: str) -> tuple[Route, Handler, dict[str, str]] | None:
        for route in self.candidates(path):
            params = route.match(path)
            if params is None:
                continue
            for handler in route.handlers:
                checked = method
                # HEAD falls back to the handler's GET (SRV:1073-1077)
                if method == "HEAD" and "HEAD" not in handler.method_set:
                    checked = "GET"
                if checked in handler.method_set:
                    return route, handler, params
            # No handler for the method: keep trying the next route (SRV:1078-1080).
        return None

    def first_match_any(self, path: str) -> tuple[Route, dict[str, str]] | None:
        """rest_handle_options_request: ALL routes, first regex match (RA:755-792)."""
        for route in self.routes.values():
            params = route.match(path)
            if params is not None:
                return route, params
        return None

    def namespace_routes(self, namespace: str) -> list[Route]:
        return [self.routes[key] for key in self.namespaces.get(namespace, [])]

    def route_data(
        self, route: Route, context: str, rest_url: Callable[[str], str]
    ) -> dict[str, Any] | None:
        """get_data_for_route (SRV:1474-1554)."""
        data: dict[str, Any] = {"namespace": route.namespace, "methods": [], "endpoints": []}
        if route.schema is not None and context == "help":
            data["schema"] = route.schema()
        link_route = _VARIABLE.sub(r"{\1}", route.pattern)
        for handler in route.handlers:
            shown = handler.show_in_index
            if not (shown() if callable(shown) else shown):
                continue
            data["methods"].extend(handler.method_set)
            endpoint: dict[str, Any] = {"methods": list(handler.method_set)}
            batch = handler.allow_batch if handler.allow_batch is not None else route.allow_batch
            if batch:
                endpoint["allow_batch"] = dict(batch)
            endpoint["args"] = {key: describe(opts) for key, opts in handler.args.items()}
            data["endpoints"].append(endpoint)
            if "{" not in link_route:
                data["_links"] = {"self": [{"href": rest_url(link_route)}]}
        if not data["methods"]:
            return None
        return data


def describe(opts: Any) -> dict[str, Any]:
    """One arg in the index: a string spec is ``{spec: 0}``, a non-array ``{}`` (SRV:1517)."""
    if isinstance(opts, str):
        opts = {opts: 0}
    elif not isinstance(opts, Mapping):
        opts = {}
    return schema.describe_arg(opts)


def _namespace_index_handler(namespace: str, callback: Callback | None) -> Handler:
    # SRV:813-834: GET, args namespace{default: ns} and context{default: view}.
    return Handler(
        methods=READABLE,
        callback=callback,
        args={"namespace": {"default": namespace}, "context": {"default": "view"}},
    )
