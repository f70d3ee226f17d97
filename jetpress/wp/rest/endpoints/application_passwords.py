"""The wp/v2 application-passwords routes: list, create, rename, delete, introspect.

Port of WP_REST_Application_Passwords_Controller (wp-includes/rest-api/endpoints/
class-wp-rest-application-passwords-controller.php, WP 6.1, APC); comments cite its methods.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.wp.auth import app_passwords
from jetpress.wp.auth.app_password_format import chunk_password
from jetpress.wp.errors import WPError
from jetpress.wp.rest.endpoints import controller
from jetpress.wp.rest.response import RestResponse
from jetpress.wp.rest.routes import CREATABLE, DELETABLE, EDITABLE, READABLE, Handler
from jetpress.wp.rest.server import authorization_required_code, compact_links
from jetpress.wp.site import application_passwords_available, rest_url

if TYPE_CHECKING:
    from jetpress.wp.rest.request import RestRequest
    from jetpress.wp.rest.routes import RouteRegistry
    from jetpress.wp.site import Site
    from jetpress.wp.users import User

NAMESPACE = "wp/v2"
REST_BASE = r"users/(?P<user_id>(?:[\d]+|me))/application-passwords"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def item_schema() -> dict[str, Any]:
    """get_item_schema, a fresh copy each call."""
    return {
        "$schema": "http://json-schema.org/draft-04/schema#",
        "title": "application-password",
        "type": "object",
        "properties": {
            "uuid": {
                "description": "The unique identifier for the application password.",
                "type": "string",
                "format": "uuid",
                "context": ["view", "edit", "embed"],
                "readonly": True,
            },
            "app_id": {
                "description": "A uuid provided by the application to uniquely identify it. It is"
                " recommended to use an UUID v5 with the URL or DNS namespace.",
                "oneOf": [
                    {"type": "string", "format": "uuid"},
                    {"type": "string", "enum": [""]},
                ],
                "context": ["view", "edit", "embed"],
            },
            "name": {
                "description": "The name of the application password.",
                "type": "string",
                "required": True,
                "context": ["view", "edit", "embed"],
                "minLength": 1,
                "pattern": r".*\S.*",
            },
            "password": {
                "description": "The generated password. Only available after adding an"
                " application.",
                "type": "string",
                "context": ["edit"],
                "readonly": True,
            },
            "created": {
                "description": "The GMT date the application password was created.",
                "type": "string",
                "format": "date-time",
                "context": ["view", "edit"],
                "readonly": True,
            },
            "last_used": {
                "description": "The GMT date the application password was last used.",
                "type": ["string", "null"],
                "format": "date-time",
                "context": ["view", "edit"],
                "readonly": True,
            },
            "last_ip": {
                "description": "The IP address the application password was last used by.",
                "type": ["string", "null"],
                "format": "ip",
                "context": ["view", "edit"],
                "readonly": True,
            },
        },
    }


def gmdate(timestamp: int) -> str:
    """gmdate( 'Y-m-d\\TH:i:s', $timestamp ): UTC, no zone; years at least 4 digits."""
    moment = _EPOCH + timedelta(seconds=timestamp)
    return (
        f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
        f"T{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    )


def _is_logged_in(request: RestRequest) -> bool:
    return request.user is not None and request.user.id != 0


class ApplicationPasswordsController:
    """WP_REST_Application_Passwords_Controller for one site."""

    def __init__(self, site: Site) -> None:
        self.site = site

    # -- routes ---------------------------------------------------------------------------
    def register_routes(self, routes: RouteRegistry) -> None:
        """register_routes: the collection, introspect and single-item routes."""
        schema = item_schema()
        context = {"context": controller.context_param(schema, default="view")}
        public_schema = self.public_item_schema
        routes.register_rest_route(
            NAMESPACE,
            "/" + REST_BASE,
            [
                Handler(
                    methods=READABLE,
                    callback=self.get_items,
                    permission_callback=self.get_items_permissions_check,
                    args=context,
                ),
                Handler(
                    methods=CREATABLE,
                    callback=self.create_item,
                    permission_callback=self.create_item_permissions_check,
                    args=controller.endpoint_args_for_schema(schema, CREATABLE),
                ),
                Handler(
                    methods=DELETABLE,
                    callback=self.delete_items,
                    permission_callback=self.delete_items_permissions_check,
                ),
            ],
            schema=public_schema,
        )
        routes.register_rest_route(
            NAMESPACE,
            "/" + REST_BASE + "/introspect",
            [
                Handler(
                    methods=READABLE,
                    callback=self.get_current_item,
                    permission_callback=self.get_current_item_permissions_check,
                    args=context,
                )
            ],
            schema=public_schema,
        )
        routes.register_rest_route(
            NAMESPACE,
            "/" + REST_BASE + r"/(?P<uuid>[\w\-]+)",
            [
                Handler(
                    methods=READABLE,
                    callback=self.get_item,
                    permission_callback=self.get_item_permissions_check,
                    args=context,
                ),
                Handler(
                    methods=EDITABLE,
                    callback=self.update_item,
                    permission_callback=self.update_item_permissions_check,
                    args=controller.endpoint_args_for_schema(schema, EDITABLE),
                ),
                Handler(
                    methods=DELETABLE,
                    callback=self.delete_item,
                    permission_callback=self.delete_item_permissions_check,
                ),
            ],
            schema=public_schema,
        )

    def public_item_schema(self) -> dict[str, Any]:
        """get_public_item_schema: the route's ``schema`` option (shown with context=help)."""
        return controller.public_item_schema(item_schema())

    # -- the requested user and item ------------------------------------------------------
    def get_user(self, request: RestRequest) -> User | WPError:
        """get_user: availability, ``me``, the id, existence."""
        if not application_passwords_available(self.site, request.secure):
            return WPError(
                "application_passwords_disabled",
                "Application passwords are not available.",
                status=501,
            )
        invalid = WPError("rest_user_invalid_id", "Invalid user ID.", status=404)
        # $request['user_id']: JSON, POST and GET win over the URL (REQ:349-395)
        raw = request.get_param("user_id")
        user: User | None
        if raw == "me" and isinstance(raw, str):  # 'me' === $id
            if not _is_logged_in(request):
                return WPError("rest_not_logged_in", "You are not currently logged in.", status=401)
            user = request.user
        else:
            user_id = php.to_int(raw)
            if user_id <= 0:
                return invalid
            user = self.site.users.get(user_id)
        if user is None or user.id == 0:
            return invalid
        # wp_is_application_passwords_available_for_user: true unless filtered (user.php)
        return user

    def _user(self, request: RestRequest) -> User:
        user = self.get_user(request)
        if isinstance(user, WPError):
            raise user
        return user

    def get_application_password(self, request: RestRequest) -> dict[str, Any]:
        """get_application_password: the item of ``$request['uuid']`` or 404."""
        user = self._user(request)
        item = app_passwords.get(self.site, user.id, request.get_param("uuid"))
        if item is None:
            raise WPError(
                "rest_application_password_not_found",
                "Application password not found.",
                status=404,
            )
        return item

    def _check(
        self, request: RestRequest, cap: str, code: str, message: str, *, with_uuid: bool
    ) -> bool | WPError:
        user = self.get_user(request)
        if isinstance(user, WPError):
            return user
        args: tuple[Any, ...] = (user.id, request.get_param("uuid")) if with_uuid else (user.id,)
        if not self.site.caps.has_cap(request.user, cap, *args):
            return WPError(code, message, status=authorization_required_code(request))
        return True

    # -- permission callbacks -----------------------------------------------
    def get_items_permissions_check(self, request: RestRequest) -> bool | WPError:
        """list_app_passwords on the user."""
        return self._check(
            request,
            "list_app_passwords",
            "rest_cannot_list_application_passwords",
            "Sorry, you are not allowed to list application passwords for this user.",
            with_uuid=False,
        )

    def get_item_permissions_check(self, request: RestRequest) -> bool | WPError:
        """read_app_password on the user and uuid."""
        return self._check(
            request,
            "read_app_password",
            "rest_cannot_read_application_password",
            "Sorry, you are not allowed to read this application password.",
            with_uuid=True,
        )

    def create_item_permissions_check(self, request: RestRequest) -> bool | WPError:
        """create_app_password on the user."""
        return self._check(
            request,
            "create_app_password",
            "rest_cannot_create_application_passwords",
            "Sorry, you are not allowed to create application passwords for this user.",
            with_uuid=False,
        )

    def update_item_permissions_check(self, request: RestRequest) -> bool | WPError:
        """edit_app_password on the user and uuid."""
        return self._check(
            request,
            "edit_app_password",
            "rest_cannot_edit_application_password",
            "Sorry, you are not allowed to edit this application password.",
            with_uuid=True,
        )

    def delete_items_permissions_check(self, request: RestRequest) -> bool | WPError:
        """delete_app_passwords on the user."""
        return self._check(
            request,
            "delete_app_passwords",
            "rest_cannot_delete_application_passwords",
            "Sorry, you are not allowed to delete application passwords for this user.",
            with_uuid=False,
        )

    def delete_item_permissions_check(self, request: RestRequest) -> bool | WPError:
        """delete_app_password on the user and uuid."""
        return self._check(
            request,
            "delete_app_password",
            "rest_cannot_delete_application_password",
            "Sorry, you are not allowed to delete this application password.",
            with_uuid=True,
        )

    def get_current_item_permissions_check(self, request: RestRequest) -> bool | WPError:
        """Introspection only for the current user."""
        user = self.get_user(request)
        if isinstance(user, WPError):
            return user
        current = request.user.id if request.user is not None else 0
        if current != user.id:
            return WPError(
                "rest_cannot_introspect_app_password_for_non_authenticated_user",
                "The authenticated Application Password can only be introspected for the"
                " current user.",
                status=authorization_required_code(request),
            )
        return True

    # -- callbacks ------------------------------------------------------------------------
    def get_items(self, request: RestRequest) -> RestResponse:
        """GET the collection: every item, each with its ``_links``."""
        user = self._user(request)
        context = request.get_param("context")
        out: list[Any] = []
        for item in app_passwords.get_all(self.site, user.id):
            # WP_REST_Controller::prepare_response_for_collection
            response = self.prepare_item_for_response(user, item, context)
            data = response.data
            if response.links and isinstance(data, dict):
                data = {**data, "_links": compact_links(response.links)}
            out.append(data)
        return RestResponse(out)

    def get_item(self, request: RestRequest) -> RestResponse:
        """GET one item."""
        item = self.get_application_password(request)
        return self.prepare_item_for_response(
            self._user(request), item, request.get_param("context")
        )

    def create_item(self, request: RestRequest) -> RestResponse:
        """POST: 201, ``Location``, context edit, the chunked password shown once."""
        user = self._user(request)
        name, app_id = self.prepare_item_for_database(request)
        # wp_slash( (array) $prepared )
        raw, created = app_passwords.create(
            self.site, user.id, app_passwords.wp_slash(name), app_passwords.wp_slash(app_id)
        )
        item = app_passwords.get(self.site, user.id, created["uuid"])
        if item is None:  # read back as WordPress does; only a concurrent delete gets here
            raise WPError(
                "rest_application_password_not_found", "Application password not found.", status=404
            )
        response = self.prepare_item_for_response(
            user, item, "edit", new_password=chunk_password(raw)
        )
        response.status = 201
        response.header("Location", response.links[0][1])  # get_links()['self'][0]['href']
        return response

    def update_item(self, request: RestRequest) -> RestResponse:
        """POST/PUT/PATCH: rename; 200 with the item in context edit."""
        user = self._user(request)
        item = self.get_application_password(request)
        name, _app_id = self.prepare_item_for_database(request)
        # app_id is only prepared when there is no uuid, which this route always has
        app_passwords.rename(self.site, user.id, item["uuid"], app_passwords.wp_slash(name))
        fresh = app_passwords.get(self.site, user.id, item["uuid"])
        return self.prepare_item_for_response(user, fresh or item, "edit")

    def delete_items(self, request: RestRequest) -> RestResponse:
        """DELETE the collection: ``{deleted: true, count: n}``."""
        user = self._user(request)
        count = app_passwords.delete_all(self.site, user.id)
        return RestResponse({"deleted": True, "count": count})

    def delete_item(self, request: RestRequest) -> RestResponse:
        """DELETE one: ``{deleted: true, previous: {...}}`` in context edit."""
        user = self._user(request)
        item = self.get_application_password(request)
        previous = self.prepare_item_for_response(user, item, "edit")
        if not app_passwords.delete(self.site, user.id, item["uuid"]):
            raise WPError(
                "application_password_not_found",
                "Could not find an application password with that id.",
            )
        return RestResponse({"deleted": True, "previous": previous.data})

    def get_current_item(self, request: RestRequest) -> RestResponse:
        """GET introspect: the password that authenticated this request."""
        user = self._user(request)
        uuid = request.app_password_uuid  # rest_get_authenticated_app_password()
        if not uuid:
            raise WPError(
                "rest_no_authenticated_app_password",
                "Cannot introspect Application Password.",
                status=404,
            )
        item = app_passwords.get(self.site, user.id, uuid)
        if item is None:
            raise WPError(
                "rest_application_password_not_found",
                "Application password not found.",
                status=500,
            )
        return self.prepare_item_for_response(user, item, request.get_param("context"))

    # -- preparing ------------------------------------------------------------------------
    @staticmethod
    def prepare_item_for_database(request: RestRequest) -> tuple[Any, Any]:
        """prepare_item_for_database: name, and app_id only without a uuid."""
        name = request.get_param("name")
        app_id = request.get_param("app_id")
        if php.is_truthy(app_id) and not php.is_truthy(request.get_param("uuid")):
            return name, app_id
        return name, ""

    def prepare_item_for_response(
        self, user: User, item: dict[str, Any], context: Any, *, new_password: str | None = None
    ) -> RestResponse:
        """prepare_item_for_response and prepare_links."""
        last_used = item.get("last_used")
        last_ip = item.get("last_ip")
        data: dict[str, Any] = {
            "uuid": item.get("uuid"),
            "app_id": item.get("app_id") if php.is_truthy(item.get("app_id")) else "",
            "name": item.get("name"),
            "created": gmdate(php.to_int(item.get("created"))),
            "last_used": gmdate(php.to_int(last_used)) if php.is_truthy(last_used) else None,
            "last_ip": last_ip if php.is_truthy(last_ip) else None,
        }
        if new_password is not None:
            data["password"] = new_password
        data = controller.filter_response_by_context(data, item_schema(), context)
        response = RestResponse(data)
        uuid = php.to_php_string(item.get("uuid"))
        response.add_link(
            "self",
            rest_url(self.site, f"{NAMESPACE}/users/{user.id}/application-passwords/{uuid}"),
        )
        return response


def register(routes: RouteRegistry, site: Site) -> None:
    """Register the application-passwords routes (as create_initial_rest_routes does)."""
    ApplicationPasswordsController(site).register_routes(routes)
