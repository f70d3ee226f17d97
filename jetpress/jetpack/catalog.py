"""Jetpack 10.7's module and settings catalogs (jetpress/jetpack/data/*.json), loaded once into
frozen dataclasses and checked at startup. Pure. The files keep PHP's order instead of sort_keys:
canonical form ``json.dumps(data, indent=2, ensure_ascii=False) + "\\n"`` (see "File format")."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal, TypeAlias, cast

from jetpress.types import JSON, JSONObject

# File format. Both files are JSON objects in the canonical form above, *without* sort_keys: PHP
# arrays are ordered and the order is data (the 10.7 order of the POST /settings args, of the
# GET /module/all options, of nested defaults such as sharing_services {"visible", "hidden"}).
# So the order in the file is 10.7's and each entry's fields follow MODULE_FIELDS /
# SETTING_FIELDS / STORAGE_FIELDS; a unit test keeps the files canonical for reviewable diffs.
#
# modules.json: {"modules": {slug: entry}} in Jetpack::get_available_modules() order (module file
# names sorted: photon-cdn.php before photon.php). An entry holds the module headers as
# GET /module/all returns them, long_description, learn_more_button ("{site}" stands for the
# URL-encoded site suffix) and source. `module` (= slug), short_description and search_terms are
# derived; activated, the nonces, available, unavailable_reason, configure_url, override,
# configurable, options and extra are per-site runtime values (they differ between the offline and
# online 10.7 captures or change on activation).
#
# settings.json: "validators" (name -> params, source), "settings" (the static
# get_updateable_data_list() entries in 10.7 order), "module_toggle" (the template of the boolean
# entry PHP appends for every available module, jp_group "modules") and "read_only" (keys
# GET /settings shows that are not updatable: akismet). A setting's `default` is what GET /settings
# shows on a pristine 10.7 site; `schema_default` is its arg's default. Storage kinds: "option"
# (option, optional network / per_user), "option_key" (option + keys, the path inside the array),
# "module_active", "action" (write-only) and "computed" (the options it reads/writes). read_via /
# write_via name the PHP routine when it is not a plain get_option / the update_data default
# branch (`get_option(key) != value ? update_option(key, value)`).

FrozenJSON: TypeAlias = (
    Mapping[str, "FrozenJSON"] | tuple["FrozenJSON", ...] | str | int | float | bool | None
)
SettingType: TypeAlias = Literal["boolean", "integer", "string", "array", "object"]
StorageKind: TypeAlias = Literal["option", "option_key", "module_active", "action", "computed"]

MODULES_FILE = "modules.json"
SETTINGS_FILE = "settings.json"

MODULE_FIELDS: tuple[str, ...] = (
    "name",
    "description",
    "sort",
    "recommendation_order",
    "introduced",
    "changed",
    "deactivate",
    "free",
    "requires_connection",
    "requires_user_connection",
    "auto_activate",
    "module_tags",
    "feature",
    "additional_search_queries",
    "plan_classes",
    "long_description",
    "learn_more_button",
    "source",
)
HEADER_FIELDS: tuple[str, ...] = MODULE_FIELDS[:15]
SETTING_FIELDS: tuple[str, ...] = (
    "jp_group",
    "type",
    "description",
    "default",
    "schema_default",
    "enum",
    "enum_labels",
    "items",
    "validator",
    "sanitize_callback",
    "key_order",
    "storage",
    "notes",
    "source",
)
STORAGE_FIELDS: tuple[str, ...] = (
    "kind",
    "option",
    "keys",
    "network",
    "per_user",
    "options",
    "read_via",
    "write_via",
)
_SETTING_REQUIRED = frozenset({"jp_group", "type", "description", "default", "schema_default"})
_TOGGLE_FIELDS = frozenset(
    {"type", "description", "default", "schema_default", "validator", "storage", "source"}
)
_READ_ONLY_REQUIRED = frozenset({"type", "description", "default", "storage", "source"})
_SETTING_TYPES: frozenset[str] = frozenset({"boolean", "integer", "string", "array", "object"})
_STORAGE_KINDS: frozenset[str] = frozenset(
    {"option", "option_key", "module_active", "action", "computed"}
)
_AUTO_ACTIVATE = frozenset({"Yes", "No", "Public"})
# Keys of a PHP arg that the namespace index shows: rest_get_allowed_schema_keywords() (WP 6.1
# rest-api.php) intersected with the keys Jetpack uses; WP_REST_Server::get_data_for_route adds
# `required` last (WP 6.1 class-wp-rest-server.php get_data_for_route).
_INDEX_KEYWORDS = frozenset({"description", "type", "items", "default", "enum"})
# Key order of a get_updateable_data_list() entry (class.core-rest-api-endpoints.php).
_PHP_KEY_ORDER: tuple[str, ...] = (
    "description",
    "type",
    "items",
    "default",
    "enum",
    "enum_labels",
    "validate_callback",
    "sanitize_callback",
    "jp_group",
)
_SLUG_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz-")  # route regex (?P<slug>[a-z\-]+)


class CatalogError(Exception):
    """A catalog file is invalid; names the file and the entry."""

    def __init__(self, file: str, entry: str, message: str) -> None:
        super().__init__(f"{file}: entry {entry!r}: {message}")
        self.file = file
        self.entry = entry


def freeze(value: JSON) -> FrozenJSON:
    """An immutable copy of a JSON value (objects become read-only mappings, arrays tuples)."""
    if isinstance(value, dict):
        return MappingProxyType({k: freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(freeze(v) for v in value)
    return value


def thaw(value: FrozenJSON) -> JSON:
    """A fresh, mutable JSON copy of a frozen value, keys in their original order."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True, slots=True, kw_only=True)
class Module:
    """One Jetpack module: its headers as ``GET /module/all`` shows them in 10.7."""

    slug: str
    name: str
    description: str
    sort: int
    recommendation_order: int
    introduced: str
    changed: str
    deactivate: bool
    free: bool
    requires_connection: bool
    requires_user_connection: bool
    auto_activate: str
    module_tags: tuple[str, ...]
    feature: tuple[str, ...]
    additional_search_queries: str
    plan_classes: tuple[str, ...]
    long_description: str
    learn_more_button: str
    source: str

    @property
    def short_description(self) -> str:
        """``short_description`` of ``GET /module/all``: the description, never shortened."""
        # 10.7 capture: masterbar (201 chars) and shortcodes (177) come back whole; the
        # 140-character cut of Jetpack_Admin::get_modules is in later versions only.
        return self.description

    @property
    def search_terms(self) -> str:
        """``search_terms`` of ``GET /module/all``: the Additional Search Queries header."""
        return self.additional_search_queries

    def headers(self) -> JSONObject:
        """The static headers (``Jetpack::get_module()``), name..plan_classes, in 10.7's order."""
        return {
            "name": self.name,
            "description": self.description,
            "sort": self.sort,
            "recommendation_order": self.recommendation_order,
            "introduced": self.introduced,
            "changed": self.changed,
            "deactivate": self.deactivate,
            "free": self.free,
            "requires_connection": self.requires_connection,
            "requires_user_connection": self.requires_user_connection,
            "auto_activate": self.auto_activate,
            "module_tags": list(self.module_tags),
            "feature": list(self.feature),
            "additional_search_queries": self.additional_search_queries,
            "plan_classes": list(self.plan_classes),
        }

    def learn_more_url(self, site: str) -> str:
        """``learn_more_button`` for a site; ``site`` is URL-encoded, e.g. ``localhost%3A8081``."""
        return self.learn_more_button.replace("{site}", site)


@dataclass(frozen=True, slots=True, kw_only=True)
class Storage:
    """Where Jetpack 10.7 keeps a setting's value in a WordPress database."""

    kind: StorageKind
    option: str | None = None
    keys: tuple[str, ...] = ()
    network: bool = False
    per_user: bool = False
    options: tuple[str, ...] = ()
    read_via: str | None = None
    write_via: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Validator:
    """A Jetpack validate_callback and the data it hard-codes."""

    name: str
    params: Mapping[str, FrozenJSON]
    source: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting:
    """One key of ``GET /settings`` / ``POST /settings``."""

    key: str
    jp_group: str | None
    """Module slug, ``settings``, ``modules`` (module toggles) or None (read-only keys)."""
    type: SettingType
    description: str
    default: FrozenJSON
    """What ``GET /settings`` shows on a pristine 10.7 site."""
    schema_default: FrozenJSON
    """The arg's ``default`` (None for read-only keys)."""
    enum: tuple[str, ...] | None
    enum_labels: Mapping[str, str] | None
    items: Mapping[str, FrozenJSON] | None
    validator: str | None
    sanitize_callback: str | None
    key_order: tuple[str, ...]
    """Key order of the PHP get_updateable_data_list() entry, ``validate_callback`` included."""
    storage: Storage
    notes: str
    source: str

    @property
    def updatable(self) -> bool:
        """Whether the key is in get_updateable_data_list() (an arg of ``POST /settings``)."""
        return self.jp_group is not None

    def default_json(self) -> JSON:
        """A fresh copy of :attr:`default`."""
        return thaw(self.default)

    def schema_default_json(self) -> JSON:
        """A fresh copy of :attr:`schema_default`."""
        return thaw(self.schema_default)

    def _php_value(self, name: str) -> JSON:
        if name == "description":
            return self.description
        if name == "type":
            return self.type
        if name == "items":
            return thaw(self.items)
        if name == "default":
            return thaw(self.schema_default)
        if name == "enum":
            return list(self.enum or ())
        if name == "enum_labels":
            # keys follow the enum order (PHP array order in get_updateable_data_list)
            labels = self.enum_labels or {}
            return {value: labels[value] for value in self.enum or ()}
        if name == "sanitize_callback":
            return self.sanitize_callback
        return self.jp_group

    def index_arg(self) -> JSONObject:
        """The arg as the namespace index shows it (``GET /wp-json/jetpack/v4``), in order."""
        if not self.updatable:
            raise ValueError(f"{self.key} is not an updatable setting")
        arg: JSONObject = {
            name: self._php_value(name) for name in self.key_order if name in _INDEX_KEYWORDS
        }
        arg["required"] = False  # WP 6.1 get_data_for_route: ! empty( $opts['required'] )
        return arg

    def module_option(self) -> JSONObject:
        """The entry of ``GET /module/all`` ``options`` without ``current_value``, in order."""
        if not self.updatable:
            raise ValueError(f"{self.key} is not an updatable setting")
        # prepare_options_for_response unsets validate_callback (class.core-rest-api-endpoints.php)
        return {
            name: self._php_value(name) for name in self.key_order if name != "validate_callback"
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Catalog:
    """Both catalogs, with lookups in Jetpack 10.7's orders."""

    module_map: Mapping[str, Module]
    """Modules in Jetpack::get_available_modules() order."""
    setting_map: Mapping[str, Setting]
    """Settings in get_updateable_data_list() order, then the read-only keys."""
    validator_map: Mapping[str, Validator]
    group_map: Mapping[str, tuple[Setting, ...]]
    """Settings by ``jp_group``, in order (derived by parse_catalog; read per request)."""

    def has_module(self, slug: str) -> bool:
        """Whether ``slug`` is a module (Jetpack::is_module)."""
        return slug in self.module_map

    def module(self, slug: str) -> Module:
        """The module ``slug``; KeyError when there is none."""
        return self.module_map[slug]

    def available_modules(self) -> tuple[Module, ...]:
        """Jetpack::get_available_modules() order: module file names, sorted."""
        return tuple(self.module_map.values())

    def modules(self, *, connected: bool = False) -> tuple[Module, ...]:
        """``GET /module/all`` order; the 10.7 captures are of a site that is not connected."""
        # Jetpack_Admin::get_modules: uasort by Jetpack::sort_modules ('sort' header; PHP 8's
        # sort is stable, so ties keep the available order) ...
        ordered = sorted(self.module_map.values(), key=lambda m: m.sort)
        if not connected:
            # ... then, when the connection is not ready, sort_requires_connection_last.
            ordered = sorted(ordered, key=lambda m: m.requires_connection)
        return tuple(ordered)

    def has_setting(self, key: str) -> bool:
        """Whether ``key`` is a catalog setting (updatable or read-only)."""
        return key in self.setting_map

    def setting(self, key: str) -> Setting:
        """The setting ``key``; KeyError when there is none."""
        return self.setting_map[key]

    def settings(self) -> tuple[Setting, ...]:
        """get_updateable_data_list('any') order (module toggles last), then read-only keys."""
        return tuple(self.setting_map.values())

    def settings_in_group(self, jp_group: str) -> tuple[Setting, ...]:
        """get_updateable_data_list(jp_group): entries of one group, in order."""
        return self.group_map.get(jp_group, ())

    def settings_of_module(self, slug: str) -> tuple[Setting, ...]:
        """The options of module ``slug`` (its ``GET /module/all`` ``options``), in order."""
        if slug not in self.module_map:
            raise KeyError(slug)
        return self.settings_in_group(slug)

    def settings_in_get_order(self) -> tuple[Setting, ...]:
        """``GET /settings`` order: per available module its options then its toggle, then the
        ``settings`` group, then read-only keys (Jetpack_Core_API_Data::get_all_options)."""
        ordered: list[Setting] = []
        for slug in self.module_map:
            ordered.extend(self.settings_in_group(slug))
            ordered.append(self.setting_map[slug])
        ordered.extend(self.settings_in_group("settings"))
        ordered.extend(s for s in self.setting_map.values() if not s.updatable)
        return tuple(ordered)

    def validator(self, name: str) -> Validator:
        """The validator ``name``; KeyError when there is none."""
        return self.validator_map[name]

    def index_args(self) -> JSONObject:
        """``POST /settings`` args as the namespace index shows them (get_updateable_parameters)."""
        # class.core-rest-api-endpoints.php get_updateable_parameters: 'context' => default 'edit'
        args: JSONObject = {"context": {"default": "edit", "required": False}}
        for setting in self.setting_map.values():
            if setting.updatable:
                args[setting.key] = setting.index_arg()
        return args


@cache
def load_catalog() -> Catalog:
    """The shipped catalogs, read once through importlib.resources and validated."""
    data = resources.files("jetpress.jetpack.data")
    return parse_catalog(
        data.joinpath(MODULES_FILE).read_text(encoding="utf-8"),
        data.joinpath(SETTINGS_FILE).read_text(encoding="utf-8"),
    )


def parse_catalog(modules_text: str, settings_text: str) -> Catalog:
    """Parse and validate catalog texts; CatalogError names the file and entry at fault."""
    modules = _parse_modules(_load_json(MODULES_FILE, modules_text))
    validators, settings = _parse_settings(_load_json(SETTINGS_FILE, settings_text), modules)
    groups: dict[str, list[Setting]] = {}
    for setting in settings.values():
        if setting.jp_group is not None:
            groups.setdefault(setting.jp_group, []).append(setting)
    return Catalog(
        module_map=MappingProxyType(modules),
        setting_map=MappingProxyType(settings),
        validator_map=MappingProxyType(validators),
        group_map=MappingProxyType({group: tuple(items) for group, items in groups.items()}),
    )


def _load_json(file: str, text: str) -> dict[str, object]:
    def pairs(items: list[tuple[str, object]]) -> dict[str, object]:
        out: dict[str, object] = {}
        for name, value in items:
            if name in out:
                raise CatalogError(file, name, "duplicate key")
            out[name] = value
        return out

    try:
        data = json.loads(text, object_pairs_hook=pairs)
    except json.JSONDecodeError as error:
        raise CatalogError(file, "(file)", f"invalid JSON: {error}") from error
    if not isinstance(data, dict):
        raise CatalogError(file, "(file)", "must be a JSON object")
    return cast(dict[str, object], data)


class _Entry:
    """Typed access to one JSON object of a catalog, with errors naming file and entry."""

    def __init__(
        self,
        file: str,
        entry: str,
        data: object,
        *,
        required: frozenset[str] | tuple[str, ...],
        optional: frozenset[str] | tuple[str, ...] = (),
    ) -> None:
        self.file = file
        self.entry = entry
        if not isinstance(data, dict):
            raise self.error("must be a JSON object")
        self.data = cast(dict[str, object], data)
        for name in self.data:
            if name not in required and name not in optional:
                raise self.error(f"unknown key {name!r}")
        for name in required:
            if name not in self.data:
                raise self.error(f"missing key {name!r}")
        if "source" in self.data and not (
            isinstance(self.data["source"], str) and self.data["source"].strip()
        ):
            raise self.error("'source' must be a non-empty string")

    def error(self, message: str) -> CatalogError:
        return CatalogError(self.file, self.entry, message)

    def has(self, name: str) -> bool:
        return name in self.data

    def get_str(self, name: str) -> str:
        value = self.data[name]
        if not isinstance(value, str):
            raise self.error(f"{name!r} must be a string")
        return value

    def get_opt_str(self, name: str) -> str | None:
        return self.get_str(name) if name in self.data else None

    def get_bool(self, name: str, default: bool = False) -> bool:
        value = self.data.get(name, default)
        if not isinstance(value, bool):
            raise self.error(f"{name!r} must be a boolean")
        return value

    def get_int(self, name: str) -> int:
        value = self.data[name]
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.error(f"{name!r} must be an integer")
        return value

    def get_str_list(self, name: str, *, non_empty: bool = False) -> tuple[str, ...]:
        value = self.data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.error(f"{name!r} must be a list of strings")
        if non_empty and not value:
            raise self.error(f"{name!r} must not be empty")
        return tuple(cast(list[str], value))

    def get_json(self, name: str) -> FrozenJSON:
        return freeze(cast(JSON, self.data[name]))


def _parse_modules(data: dict[str, object]) -> dict[str, Module]:
    top = _Entry(MODULES_FILE, "(file)", data, required=("modules",))
    raw = top.data["modules"]
    if not isinstance(raw, dict) or not raw:
        raise top.error("'modules' must be a non-empty object")
    modules: dict[str, Module] = {}
    for slug, value in cast(dict[str, object], raw).items():
        entry = _Entry(MODULES_FILE, slug, value, required=MODULE_FIELDS)
        if not slug or not set(slug) <= _SLUG_CHARS:
            raise entry.error("a module slug must match [a-z\\-]+")
        auto_activate = entry.get_str("auto_activate")
        if auto_activate not in _AUTO_ACTIVATE:
            raise entry.error(f"'auto_activate' must be one of {sorted(_AUTO_ACTIVATE)}")
        modules[slug] = Module(
            slug=slug,
            name=entry.get_str("name"),
            description=entry.get_str("description"),
            sort=entry.get_int("sort"),
            recommendation_order=entry.get_int("recommendation_order"),
            introduced=entry.get_str("introduced"),
            changed=entry.get_str("changed"),
            deactivate=entry.get_bool("deactivate"),
            free=entry.get_bool("free"),
            requires_connection=entry.get_bool("requires_connection"),
            requires_user_connection=entry.get_bool("requires_user_connection"),
            auto_activate=auto_activate,
            module_tags=entry.get_str_list("module_tags", non_empty=True),
            feature=entry.get_str_list("feature", non_empty=True),
            additional_search_queries=entry.get_str("additional_search_queries"),
            plan_classes=entry.get_str_list("plan_classes", non_empty=True),
            long_description=entry.get_str("long_description"),
            learn_more_button=entry.get_str("learn_more_button"),
            source=entry.get_str("source"),
        )
    # Jetpack::get_available_modules() lists modules/*.php as glob() sorts the file names.
    expected = sorted(modules, key=lambda slug: slug + ".php")
    for position, slug in enumerate(modules):
        if slug != expected[position]:
            raise CatalogError(
                MODULES_FILE, slug, f"out of order: expected {expected[position]!r} here"
            )
    return modules


def _parse_storage(owner: _Entry, value: object) -> Storage:
    entry = _Entry(
        owner.file, f"{owner.entry}.storage", value, required=("kind",), optional=STORAGE_FIELDS
    )
    kind = entry.get_str("kind")
    if kind not in _STORAGE_KINDS:
        raise entry.error(f"'kind' must be one of {sorted(_STORAGE_KINDS)}")
    storage = Storage(
        kind=cast(StorageKind, kind),
        option=entry.get_opt_str("option"),
        keys=entry.get_str_list("keys"),
        network=entry.get_bool("network"),
        per_user=entry.get_bool("per_user"),
        options=entry.get_str_list("options"),
        read_via=entry.get_opt_str("read_via"),
        write_via=entry.get_opt_str("write_via"),
    )
    needs_option = kind in ("option", "option_key", "module_active")
    if needs_option != (storage.option is not None):
        raise entry.error(f"'option' is {'required' if needs_option else 'not allowed'} for {kind}")
    if (kind == "option_key") != bool(storage.keys):
        raise entry.error("'keys' is required for option_key and only there")
    if kind == "computed" and (not storage.options or storage.read_via is None):
        raise entry.error("computed storage needs 'options' and 'read_via'")
    if kind != "computed" and storage.options:
        raise entry.error("'options' is only for computed storage")
    if kind == "action" and storage.write_via is None:
        raise entry.error("action storage needs 'write_via'")
    return storage


def _parse_setting(
    entry: _Entry,
    *,
    jp_group: str | None,
    validators: Mapping[str, Validator],
) -> Setting:
    setting_type = entry.get_str("type")
    if setting_type not in _SETTING_TYPES:
        raise entry.error(f"'type' must be one of {sorted(_SETTING_TYPES)}")
    enum = entry.get_str_list("enum", non_empty=True) if entry.has("enum") else None
    labels: Mapping[str, str] | None = None
    if entry.has("enum_labels"):
        raw = entry.data["enum_labels"]
        if enum is None or not isinstance(raw, dict):
            raise entry.error("'enum_labels' must be an object and needs 'enum'")
        if list(raw) != list(enum) or not all(isinstance(v, str) for v in raw.values()):
            raise entry.error("'enum_labels' must label each enum value, in enum order")
        labels = MappingProxyType(cast(dict[str, str], raw))
    items: Mapping[str, FrozenJSON] | None = None
    if entry.has("items"):
        frozen_items = entry.get_json("items")
        if not isinstance(frozen_items, Mapping):
            raise entry.error("'items' must be an object")
        items = frozen_items
    validator = entry.get_opt_str("validator")
    if validator is not None and validator not in validators:
        raise entry.error(f"unknown validator {validator!r}")
    storage = _parse_storage(entry, entry.data["storage"])
    default = entry.get_json("default")
    schema_default = entry.get_json("schema_default") if entry.has("schema_default") else None
    if enum is not None:
        if schema_default not in enum:
            raise entry.error(f"schema_default {schema_default!r} is not in its enum")
        # a value read through a routine (e.g. a remote address) need not be an enum value
        if storage.read_via is None and default not in enum:
            raise entry.error(f"default {default!r} is not in its enum")
    present = {
        "description",
        "type",
        "default",
        "jp_group",
        *(name for name in ("enum", "enum_labels", "items") if entry.has(name)),
        *(["validate_callback"] if validator is not None else []),
        *(["sanitize_callback"] if entry.has("sanitize_callback") else []),
    }
    key_order = tuple(name for name in _PHP_KEY_ORDER if name in present)
    if entry.has("key_order"):
        given = entry.get_str_list("key_order")
        if sorted(given) != sorted(key_order):
            raise entry.error(f"'key_order' must order exactly {sorted(key_order)}")
        key_order = given
    return Setting(
        key=entry.entry,
        jp_group=jp_group,
        type=cast(SettingType, setting_type),
        description=entry.get_str("description"),
        default=default,
        schema_default=schema_default,
        enum=enum,
        enum_labels=labels,
        items=items,
        validator=validator,
        sanitize_callback=entry.get_opt_str("sanitize_callback"),
        key_order=key_order if jp_group is not None else (),
        storage=storage,
        notes=entry.get_opt_str("notes") or "",
        source=entry.get_str("source"),
    )


def _parse_settings(
    data: dict[str, object], modules: Mapping[str, Module]
) -> tuple[dict[str, Validator], dict[str, Setting]]:
    file = SETTINGS_FILE
    top = _Entry(
        file, "(file)", data, required=("validators", "settings", "module_toggle", "read_only")
    )
    validators: dict[str, Validator] = {}
    for name, value in _section(top, "validators").items():
        entry = _Entry(file, name, value, required=("params", "source"))
        params = entry.get_json("params")
        if not isinstance(params, Mapping):
            raise entry.error("'params' must be an object")
        validators[name] = Validator(name=name, params=params, source=entry.get_str("source"))

    settings: dict[str, Setting] = {}
    for key, value in _section(top, "settings").items():
        entry = _Entry(
            file,
            key,
            value,
            required=(*_SETTING_REQUIRED, "storage", "source"),
            optional=SETTING_FIELDS,
        )
        if key in modules:
            raise entry.error(
                "a setting cannot be named like a module (module toggles are derived)"
            )
        jp_group = entry.get_str("jp_group")
        if jp_group != "settings" and jp_group not in modules:
            raise entry.error(f"jp_group {jp_group!r} is neither 'settings' nor a module")
        settings[key] = _parse_setting(entry, jp_group=jp_group, validators=validators)

    # get_updateable_data_list appends one boolean entry per available module (jp_group 'modules').
    toggle = _Entry(file, "module_toggle", top.data["module_toggle"], required=_TOGGLE_FIELDS)
    template = _parse_setting(toggle, jp_group="modules", validators=validators)
    for slug in modules:
        settings[slug] = replace(template, key=slug)

    for key, value in _section(top, "read_only").items():
        entry = _Entry(file, key, value, required=_READ_ONLY_REQUIRED, optional=("notes",))
        if key in settings:
            raise entry.error("duplicate setting key")
        settings[key] = _parse_setting(entry, jp_group=None, validators=validators)
    return validators, settings


def _section(top: _Entry, name: str) -> dict[str, object]:
    value = top.data[name]
    if not isinstance(value, dict):
        raise top.error(f"{name!r} must be an object")
    return cast(dict[str, object], value)
