"""RestServer: WordPress's REST server as a plain function of a request.

Port of WP_REST_Server::serve_request / dispatch / respond_to_request (WP 6.1.9 SRV) and the
default ``rest_pre_dispatch`` / ``rest_post_dispatch`` / ``rest_pre_serve_request`` filters
(OPTIONS, Allow, ``_fields``, CORS). This module is the only place a WPError becomes JSON.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.wp.errors import WPError
from jetpress.wp.formatting import esc_url_raw
from jetpress.wp.rest import errors, params, schema
from jetpress.wp.rest.errors import error_data
from jetpress.wp.rest.request import RestRequest, string_keys
from jetpress.wp.rest.response import RestResponse
from jetpress.wp.rest.routes import CREATABLE, READABLE, Handler, Route, RouteRegistry
from jetpress.wp.site import Site, charset, index_document, memoized, rest_url

if TYPE_CHECKING:
    from jetpress.wp.users import User

# wp_check_jsonp_callback (FN:4499-4510)
_JSONP_CALLBACK = re.compile(r"[^\w.]")
# wp_get_nocache_headers (FN:1485-1505)
NOCACHE_HEADERS = (
    ("Expires", "Wed, 11 Jan 1984 05:00:00 GMT"),
    ("Cache-Control", "no-cache, must-revalidate, max-age=0"),
)
_WS_RUN = re.compile(r"\s+")
_API_REL = "https://api.w.org/"


@dataclass(slots=True)
class AuthOutcome:
    """The result of WordPress's REST authentication (determine_current_user + cookie check)."""

    user: User | None = None
    error: WPError | None = None
    nonce: str | None = None  # a fresh X-WP-Nonce when a cookie/nonce check passed (RA:1075)
    force_nocache: bool = False  # rest_cookie_check_errors adds __return_true (RA:1071)


@dataclass(slots=True)
class HttpReply:
    """What the edge writes: status, headers in order, body bytes (empty = no body)."""

    status: int
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: bytes = b""


class RestServer:
    """Routes, authentication and serving for one site."""

    def __init__(
        self,
        site: Site,
        authenticate: Callable[[RestRequest], AuthOutcome],
        *,
        max_batch: int = 25,
    ) -> None:
        self.site = site
        self.authenticate = authenticate
        self.routes = RouteRegistry(namespace_index=self.get_namespace_index)
        self._register_core_routes(max_batch)

    def rest_url(self, path: str = "") -> str:
        return rest_url(self.site, path)

    def is_blocking(self, method: str, route: str, query: Mapping[str, Any]) -> bool:
        """Whether serving this request may block on the network (a ``blocking`` handler)."""
        if "_method" in query:
            method = php.to_php_string(query["_method"]).upper()
        matched = self.routes.match(method, route)
        if matched is not None and matched[1].blocking:
            return True
        # The batch route dispatches others; a method override header is checked by serve.
        return route == "/batch/v1"

    # -- serve ---------------------------------------------------------------------------
    def serve(self, request: RestRequest) -> HttpReply:
        """serve_request (SRV:262-560) for a request built from the raw HTTP request."""
        real_method = request.method
        query = request.query
        jsonp = query.get("_jsonp") if "_jsonp" in query else None
        content_type = "application/javascript" if jsonp is not None else "application/json"
        headers: list[tuple[str, str]] = [
            ("Content-Type", f"{content_type}; charset={charset(self.site)}"),
            ("X-Robots-Tag", "noindex"),
            ("Link", f'<{self.rest_url("/")}>; rel="{_API_REL}"'),
            ("X-Content-Type-Options", "nosniff"),
            ("Access-Control-Expose-Headers", "X-WP-Total, X-WP-TotalPages, Link"),
            (
                "Access-Control-Allow-Headers",
                "Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type",
            ),
        ]
        if jsonp is not None and (not isinstance(jsonp, str) or _JSONP_CALLBACK.search(jsonp)):
            # SRV:382-392: echoed before dispatch and CORS, without a data key.
            body = php.json_encode(
                {"code": "rest_callback_invalid", "message": errors.callback_invalid().message}
            )
            return HttpReply(400, headers, body)
        method_override_header = False
        if "_method" in query:
            request.method = php.to_php_string(query["_method"]).upper()  # REQ:149 strtoupper
        elif request.header("x_http_method_override") is not None:
            request.method = str(request.header("x_http_method_override")).upper()
            method_override_header = True

        outcome = self.authenticate(request)
        request.user = outcome.user
        if outcome.nonce is not None:
            headers.append(("X-WP-Nonce", outcome.nonce))
        if outcome.error is not None:
            response = self.error_to_response(outcome.error)
        else:
            response = self.dispatch(request)
        response = self.post_dispatch(response, request)

        if "_envelope" in query:
            response = self.envelope_response(response)
        for name, value in response.headers.items():
            headers.append((name, _WS_RUN.sub(" ", value)))  # send_header (SRV:1749-1759)
        logged_in = outcome.user is not None and outcome.user.id != 0
        # SRV:488-500 (6.1.9): after dispatch; forced by an invalid nonce, and for a 4xx
        # answer to a method taken from X-HTTP-Method-Override.
        if (
            logged_in
            or outcome.force_nocache
            or (method_override_header and 400 <= response.status < 500)
        ):
            headers.extend(NOCACHE_HEADERS)
        self._cors(headers, request, real_method, logged_in)

        if request.method == "HEAD":
            return HttpReply(response.status, headers)  # SRV:503-505
        data = self.response_to_data(response)
        if response.status == 204 or data is None:
            return HttpReply(response.status, headers)
        pretty = request.has_param("_pretty")
        status = response.status
        try:
            body = php.json_encode(data, pretty=pretty)
        except php.JsonEncodeError as err:
            status = 500
            body = php.json_encode(error_data(errors.encode_error(str(err))), pretty=pretty)
        if jsonp is not None:
            body = b"/**/" + str(jsonp).encode() + b"(" + body + b")"
        return HttpReply(status, headers, body)

    @staticmethod
    def _cors(
        headers: list[tuple[str, str]], request: RestRequest, real_method: str, logged_in: bool
    ) -> None:
        """rest_send_cors_headers (RA:723-740): echo any Origin; no allow-list."""
        origin = request.header("origin")
        if origin:
            if origin != "null":
                origin = esc_url_raw(origin)
            headers.append(("Access-Control-Allow-Origin", origin))
            headers.append(
                ("Access-Control-Allow-Methods", "OPTIONS, GET, POST, PUT, PATCH, DELETE")
            )
            headers.append(("Access-Control-Allow-Credentials", "true"))
            headers.append(("Vary", "Origin"))
        elif real_method == "GET" and not logged_in:
            headers.append(("Vary", "Origin"))

    # -- dispatch ------------------------------------------------------------------------
    def dispatch(self, request: RestRequest) -> RestResponse:
        """WP_REST_Server::dispatch (SRV:975-1025)."""
        if request.method == "OPTIONS":
            return self.handle_options(request)  # rest_handle_options_request (RA:755-792)
        matched = self.routes.match(request.method, request.route)
        if matched is None:
            return self.error_to_response(errors.no_route())
        route, handler, url_params = matched
        bind(request, handler, url_params)
        error = errors.invalid_handler() if handler.callback is None else check_params(request)
        return self.respond_to_request(request, route, handler, error)

    def respond_to_request(
        self, request: RestRequest, route: Route, handler: Handler, error: WPError | None
    ) -> RestResponse:
        """respond_to_request (SRV:1122-1214): permission, then the callback."""
        response: RestResponse
        if error is not None:
            response = self.error_to_response(error)
        else:
            try:
                self.check_permission(handler, request)
                assert handler.callback is not None
                response = handler.callback(request)
            except WPError as err:
                response = self.error_to_response(err)
        response.matched_route = route.pattern
        response.matched_handler = handler
        return response

    @staticmethod
    def check_permission(handler: Handler, request: RestRequest) -> None:
        if handler.permission_callback is None:
            return
        permission = handler.permission_callback(request)
        if isinstance(permission, WPError):
            raise permission
        if permission is False or permission is None:
            raise errors.forbidden(authorization_required_code(request))

    @staticmethod
    def error_to_response(error: WPError) -> RestResponse:
        """WP_REST_Server::error_to_response → rest_convert_error_to_response."""
        return RestResponse(error_data(error), status=error.status)

    def handle_options(self, request: RestRequest) -> RestResponse:
        """OPTIONS: the first matching route of ALL routes, in help context; else ``[]``."""
        found = self.routes.first_match_any(request.route)
        if found is None:
            return RestResponse([])
        route, url_params = found
        request.url_params = url_params
        if route.handlers:
            request.attributes = route.handlers[-1]  # the loop leaves the last one (RA:776-779)
        data = self.routes.route_data(route, "help", self.rest_url)
        response = RestResponse(data if data is not None else [])
        response.matched_route = route.pattern
        return response

    def post_dispatch(self, response: RestResponse, request: RestRequest) -> RestResponse:
        """rest_post_dispatch at prio 10: rest_send_allow_header, rest_filter_response_fields."""
        self._allow_header(response, request)
        self._filter_fields(response, request)
        return response

    def _allow_header(self, response: RestResponse, request: RestRequest) -> None:
        """rest_send_allow_header (RA:804-838): re-run every handler's permission callback."""
        if response.matched_route is None:
            return
        route = self.routes.routes.get(response.matched_route)
        if route is None:
            return
        allowed: dict[str, bool] = {}
        for handler in route.handlers:
            for method in handler.method_set:
                if handler.permission_callback is None:
                    allowed[method] = True
                    continue
                try:
                    permission = handler.permission_callback(request)
                except WPError:
                    permission = False
                allowed[method] = permission is True
        names = [method for method, ok in allowed.items() if ok]
        if names:
            response.headers["Allow"] = ", ".join(names)

    @staticmethod
    def _filter_fields(response: RestResponse, request: RestRequest) -> None:
        """rest_filter_response_fields (RA:870-916), including 6.1's ``break 2`` bug."""
        if not request.has_param("_fields") or response.is_error:
            return
        raw = request.get_param("_fields")
        if raw is None:
            return
        fields = [item.strip() for item in schema.parse_list(raw)]
        if not fields:
            return
        keyed: dict[str, Any] = {}
        for item in fields:
            parts = item.split(".")
            ref = keyed
            stop = False
            while len(parts) > 1:
                head = parts.pop(0)
                if ref.get(head) is True:
                    stop = True  # WP 6.1 RA:894: `break 2` drops every later field
                    break
                nested = ref.get(head)
                if not isinstance(nested, dict):
                    nested = {}
                    ref[head] = nested
                ref = nested
            if stop:
                break
            ref[parts[0]] = True
        data = response.data
        if isinstance(data, list):
            response.data = [_intersect_keys(item, keyed) for item in data]
        elif isinstance(data, dict):
            if data and all(isinstance(key, int) for key in data):
                response.data = {k: _intersect_keys(v, keyed) for k, v in data.items()}
            else:
                response.data = _intersect_keys(data, keyed)

    def response_to_data(self, response: RestResponse) -> Any:
        """Data plus ``_links`` (SRV:583-680)."""
        data = response.data
        if response.links and isinstance(data, dict):
            data = {**data, "_links": compact_links(response.links)}
        return data

    def envelope_response(self, response: RestResponse) -> RestResponse:
        """``_envelope``: real status in the body, HTTP 200 (SRV:774-799)."""
        envelope = {
            "body": self.response_to_data(response),
            "status": response.status,
            "headers": dict(response.headers) if response.headers else [],
        }
        return RestResponse(envelope)

    # -- indexes -------------------------------------------------------------------------
    def get_index(self, request: RestRequest) -> RestResponse:
        """GET / (SRV:1250-1284)."""
        head, tail, links = index_document(self.site, request.user, request.secure)
        context = php.to_php_string(request.get_param("context") or "view")
        data = {
            **{k: v for k, v in head.items() if k != "authentication"},
            "namespaces": list(self.routes.namespaces),
            "authentication": head["authentication"],
            "routes": self.routes_data(list(self.routes.routes.values()), context),
            **tail,
        }
        response = RestResponse(data)
        response.add_link("help", "https://developer.wordpress.org/rest-api/")
        for rel, href, attrs in links:
            response.add_link(rel, href, **attrs)
        return response

    def get_namespace_index(self, request: RestRequest) -> RestResponse:
        """GET /<namespace> (SRV:1383-1418)."""
        namespace = php.to_php_string(request.get_param("namespace"))
        if namespace not in self.routes.namespaces:
            raise errors.invalid_namespace()
        context = request.get_param("context") or "view"
        data = {
            "namespace": namespace,
            "routes": self.routes_data(self.routes.namespace_routes(namespace), str(context)),
        }
        response = RestResponse(data)
        response.add_link("up", self.rest_url("/"))
        return response

    def routes_data(self, routes: list[Route], context: str) -> dict[str, Any]:
        """get_data_for_routes: routes without visible handlers are left out.

        The registry is fixed after start-up and a handler's visibility may depend only on site
        state, so the result is cached per options generation (callers must not mutate it).
        """
        key = "rest:routes:" + context + ":" + ",".join(route.pattern for route in routes)
        return memoized(self.site, key, lambda: self._routes_data(routes, context))

    def _routes_data(self, routes: list[Route], context: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for route in routes:
            data = self.routes.route_data(route, context, self.rest_url)
            if data is not None:
                out[route.pattern] = data
        return out

    # -- batch ---------------------------------------------------------------------------
    def _register_core_routes(self, max_batch: int) -> None:
        self.routes.register_core_route(
            "/",
            [
                Handler(
                    methods=READABLE, callback=self.get_index, args={"context": {"default": "view"}}
                )
            ],
        )
        self.routes.register_core_route(
            "/batch/v1",
            [
                Handler(
                    methods=CREATABLE,
                    callback=self.serve_batch_request_v1,
                    args={
                        "validation": {
                            "type": "string",
                            "enum": ["require-all-validate", "normal"],
                            "default": "normal",
                        },
                        "requests": {
                            "required": True,
                            "type": "array",
                            "maxItems": max_batch,
                            "items": {
                                "type": "object",
                                "properties": {
                                    "method": {
                                        "type": "string",
                                        "enum": ["POST", "PUT", "PATCH", "DELETE"],
                                        "default": "POST",
                                    },
                                    "path": {"type": "string", "required": True},
                                    "body": {
                                        "type": "object",
                                        "properties": [],
                                        "additionalProperties": True,
                                    },
                                    "headers": {
                                        "type": "object",
                                        "properties": [],
                                        "additionalProperties": {
                                            "type": ["string", "array"],
                                            "items": {"type": "string"},
                                        },
                                    },
                                },
                            },
                        },
                    },
                )
            ],
        )

    def serve_batch_request_v1(self, batch: RestRequest) -> RestResponse:
        """POST /batch/v1 (SRV:1580-1700)."""
        singles: list[RestRequest | WPError] = []
        single: RestRequest | WPError
        for args in batch.get_param("requests") or []:
            if not isinstance(args, dict) or not isinstance(args.get("path"), str):
                singles.append(errors.parse_path_failed())
                continue
            path, _, query = args["path"].partition("?")
            single = RestRequest(
                method=str(args.get("method") or "POST").upper(),
                route=path,
                query=string_keys(php.parse_str(query)) if query else {},
                post=dict(args["body"]) if isinstance(args.get("body"), dict) else {},
                headers={
                    RestRequest.canonical_header(str(k)): (
                        ", ".join(map(str, v)) if isinstance(v, list) else str(v)
                    )
                    for k, v in (args.get("headers") or {}).items()
                }
                if isinstance(args.get("headers"), dict)
                else {},
            )
            single.user = batch.user
            singles.append(single)
        matches: list[tuple[Route, Handler, dict[str, str]] | WPError] = []
        validation: list[WPError | None] = []
        for single in singles:
            if isinstance(single, WPError):
                matches.append(single)
                validation.append(single)
                continue
            found = self.routes.match(single.method, single.route)
            error: WPError | None = None
            if found is None:
                error = errors.no_route()
                matches.append(error)
            else:
                matches.append(found)
                route, handler, url_params = found
                bind(single, handler, url_params)
                if not (handler.allow_batch or route.allow_batch):
                    error = errors.batch_not_allowed()
                else:
                    error = check_params(single)
            validation.append(error)
        has_error = any(item is not None for item in validation)
        responses: list[Any] = []
        if has_error and batch.get_param("validation") == "require-all-validate":
            for item in validation:
                responses.append(
                    None
                    if item is None
                    else self.envelope_response(self.error_to_response(item)).data
                )
            return RestResponse({"failed": "validation", "responses": responses}, status=207)
        for single, match, invalid in zip(singles, matches, validation, strict=True):
            if isinstance(single, WPError) or isinstance(match, WPError):
                failure = match if isinstance(match, WPError) else invalid
                assert failure is not None
                result = self.error_to_response(failure)
            else:
                route, handler, _url = match
                result = self.respond_to_request(single, route, handler, invalid)
                result = self.post_dispatch(result, single)
            responses.append(self.envelope_response(result).data)
        return RestResponse({"responses": responses}, status=207)


def bind(request: RestRequest, handler: Handler, url_params: dict[str, str]) -> None:
    """What a match sets on the request: URL params, attributes, defaults (SRV:1086-1097)."""
    request.url_params = url_params
    request.attributes = handler
    request.defaults = handler.defaults()


def check_params(request: RestRequest) -> WPError | None:
    """has_valid_params then sanitize_params; the first error, or None (SRV:1147-1160)."""
    try:
        params.has_valid_params(request)
        params.sanitize_params(request)
    except WPError as err:
        return err
    return None


def authorization_required_code(request: RestRequest) -> int:
    """rest_authorization_required_code: 401 logged out, 403 logged in (RA:1336-1338)."""
    return 403 if request.user is not None and request.user.id != 0 else 401


def compact_links(links: list[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """get_compact_response_links (SRV:609-680): ``wp:`` rels plus a ``curies`` entry."""
    out: dict[str, list[dict[str, Any]]] = {}
    used_curie = False
    for rel, href, attrs in links:
        if rel.startswith(_API_REL):
            rel = "wp:" + rel[len(_API_REL) :]
            used_curie = True
        out.setdefault(rel, []).append({**attrs, "href": href})
    if used_curie:
        out["curies"] = [{"name": "wp", "href": "https://api.w.org/{rel}", "templated": True}]
    return dict(out)


def _intersect_keys(value: Any, keyed: Mapping[str, Any]) -> Any:
    """_rest_array_intersect_key_recursive."""
    if not isinstance(value, dict):
        return value
    out = {k: v for k, v in value.items() if str(k) in keyed}
    for key, item in out.items():
        nested = keyed[str(key)]
        if isinstance(item, dict) and isinstance(nested, dict):
            out[key] = _intersect_keys(item, nested)
    return out
