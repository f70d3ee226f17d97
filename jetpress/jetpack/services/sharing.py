"""Port of the parts of Sharing_Service (modules/sharedaddy/sharing-service.php, 10.7) the
settings API uses: global options, enabled services, custom services. State lives in the
options ``sharing-options`` and ``sharing-services`` as Jetpack writes them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from jetpress import php
from jetpress.php import php_list
from jetpress.wp.formatting import esc_url_raw

if TYPE_CHECKING:
    from jetpress.jetpack.plugin import Jetpack

OPTIONS = "sharing-options"
SERVICES = "sharing-services"
# set_global_options / get_global_options: scalar 'show' values
_SHOW_ALIASES: Mapping[str, list[str]] = MappingProxyType(
    {
        "posts": ["post", "page"],
        "index": ["index"],
        "posts-index": ["post", "page", "index"],
    }
)
_TAGS = re.compile(r"<[^>]*>")
# Share_Custom::__construct: preg_replace( '/[^a-z0-9]*/', '', $name ) (corpus
# settings-update/custom: "Conformance" -> "onformance")
_SHORTNAME_DROP = re.compile(r"[^a-z0-9]*")


def _stored(jp: Jetpack) -> Any:
    return jp.site.options.get(OPTIONS)


def set_global_options(jp: Jetpack, data: Any) -> dict[str, Any]:
    """Sharing_Service::set_global_options: defaults, then the valid parts of ``data``."""
    rules = jp.rules
    options = _stored(jp)
    options = dict(options) if isinstance(options, dict) else {}
    previous = options.get("global")
    custom = previous.get("custom") if isinstance(previous, dict) else None
    glob: dict[str, Any] = {
        "button_style": "icon-text",
        "sharing_label": rules.sharing_default_label,
        "open_links": "same",
        "show": ["post", "page"] if previous is None else [],
        "custom": custom if custom is not None else [],
    }
    data = data if isinstance(data, dict) else {}
    if data.get("button_style") in rules.sharing_button_styles:
        glob["button_style"] = data["button_style"]
    label = data.get("sharing_label")
    if label is not None:
        if label == rules.sharing_default_label:
            glob["sharing_label"] = False  # the default label is stored as false
        else:
            # trim( wp_kses( stripslashes( $label ), array() ) )
            glob["sharing_label"] = _TAGS.sub("", php.to_php_string(label)).strip()
    if data.get("open_links") in ("new", "same"):
        glob["open_links"] = data["open_links"]
    show = data.get("show")
    if show is not None:
        if not isinstance(show, list | dict):
            show = _SHOW_ALIASES.get(php.to_php_string(show), [show])
        shows = [*rules.sharing_post_types, "index"]
        items = show.items() if isinstance(show, dict) else enumerate(show)
        kept = {key: item for key, item in items if item in shows}  # array_intersect keeps keys
        if kept:
            glob["show"] = php_list(kept)
    options["global"] = glob
    jp.site.options.update(OPTIONS, options)
    return glob


def get_global_options(jp: Jetpack) -> dict[str, Any]:
    """Sharing_Service::get_global_options: stored ``global`` (written with defaults when
    missing), ``show`` defaulted, a false label mapped back to the default."""
    options = _stored(jp)
    if isinstance(options, dict) and isinstance(options.get("global"), dict):
        glob = dict(options["global"])
    else:
        glob = set_global_options(jp, options.get("global") if isinstance(options, dict) else None)
    show = glob.get("show")
    if show is None:
        glob["show"] = ["post", "page"]
    elif not isinstance(show, list | dict):
        glob["show"] = _SHOW_ALIASES.get(php.to_php_string(show), show)
    label = glob.get("sharing_label")
    if label is None or label is False or label == "Share this:":
        glob["sharing_label"] = jp.rules.sharing_default_label
    return glob


def all_service_ids(jp: Jetpack) -> list[str]:
    """array_keys( Sharing_Service::get_all_services() ): built-ins, then custom services."""
    ids = list(jp.rules.sharing_services)
    custom = get_global_options(jp).get("custom")
    items = custom.values() if isinstance(custom, dict) else (custom or [])
    ids.extend(php.to_php_string(item) for item in items if isinstance(item, str | int))
    return ids


def _service(jp: Jetpack, service_id: str, settings: dict[str, Any]) -> dict[str, Any]:
    """The public properties of a Sharing_Source object as json_encode shows them."""
    style = settings.get("button_style")
    if service_id in jp.rules.sharing_services:
        extra = dict(jp.rules.sharing_services[service_id])
        out: dict[str, Any] = {
            "button_style": style,
            # Share_* constructors: smart only with the official buttons (corpus sequences/
            # sharing-inactive-then-active)
            "smart": style == "official",
            "shortname": service_id,
            "icon": extra.pop("icon"),
        }
        out.update(extra)
        return out
    name = php.to_php_string(settings.get("name", ""))
    # Share_Custom: button_style unset (null), smart default true
    return {"button_style": style, "smart": True, "shortname": _SHORTNAME_DROP.sub("", name)}


def get_blog_services(jp: Jetpack) -> dict[str, Any]:
    """Sharing_Service::get_blog_services: enabled services as objects, plus ``all``."""
    options = _stored(jp)
    if not isinstance(options, dict) or "button_style" not in options or "global" not in options:
        merged = dict(options) if isinstance(options, dict) else {}
        merged["global"] = get_global_options(jp)
        options = merged
    glob = options["global"] if isinstance(options["global"], dict) else {}
    enabled = jp.site.options.get(SERVICES)
    if not isinstance(enabled, dict):
        enabled = {"visible": list(jp.rules.sharing_default_visible), "hidden": []}
    available = all_service_ids(jp)
    blog: dict[str, Any] = {}
    for area in ("visible", "hidden"):
        items = enabled.get(area)
        values = (
            list(items.values())
            if isinstance(items, dict)
            else (items if isinstance(items, list) else [])
        )
        area_services: dict[str, Any] = {}
        for item in values:
            service_id = php.to_php_string(item)
            if service_id in available and service_id not in area_services:
                own = options.get(service_id)
                settings = {**glob, **(own if isinstance(own, dict) else {})}
                area_services[service_id] = _service(jp, service_id, settings)
        blog[area] = area_services
    names = [*blog["visible"], *blog["hidden"]]
    blog["all"] = {name: index for index, name in enumerate(names)}  # array_flip
    return blog


def set_blog_services(jp: Jetpack, visible: Any, hidden: Any) -> bool:
    """Sharing_Service::set_blog_services: known services only, hidden without the visible."""
    available = set(all_service_ids(jp))

    def known(items: Any) -> dict[int | str, Any]:
        pairs = items.items() if isinstance(items, dict) else enumerate(items)
        return {key: item for key, item in pairs if php.to_php_string(item) in available}

    kept_visible = known(visible)
    kept_hidden = {
        key: item for key, item in known(hidden).items() if item not in kept_visible.values()
    }
    value = {"visible": php_list(kept_visible), "hidden": php_list(kept_hidden)}
    return jp.site.options.update(SERVICES, value)


def new_service(jp: Jetpack, label: str, url: str, icon: str) -> dict[str, Any] | None:
    """Sharing_Service::new_service: store a custom service; the Share_Custom object or None."""
    label = _TAGS.sub("", label)[:30].strip()  # trim( wp_html_excerpt( wp_kses( $label ), 30 ) )
    url = esc_url_raw(url).strip()
    icon = esc_url_raw(icon).strip()
    if not (label and url and icon):
        return None
    options = _stored(jp)
    options = dict(options) if isinstance(options, dict) else {}
    service_id = f"custom-{int(jp.site.clock.now())}"  # 'custom-' . time()
    glob = dict(options["global"]) if isinstance(options.get("global"), dict) else {}
    custom = glob.get("custom")
    custom_list = list(custom.values()) if isinstance(custom, dict) else list(custom or [])
    glob["custom"] = [*custom_list, service_id]
    options["global"] = glob
    jp.site.options.update(OPTIONS, options)
    # set_service: $options[ $id ] = $service->get_options(), then array_filter( $options )
    options[service_id] = {"name": label, "url": url, "icon": icon}
    jp.site.options.update(OPTIONS, {k: v for k, v in options.items() if php.is_truthy(v)})
    return _service(jp, service_id, {"name": label})


def delete_service(jp: Jetpack, service_id: str) -> bool:
    """Sharing_Service::delete_service: drop its options and its id from ``custom``."""
    options = _stored(jp)
    options = dict(options) if isinstance(options, dict) else {}
    options.pop(service_id, None)
    glob = dict(options["global"]) if isinstance(options.get("global"), dict) else {}
    custom = glob.get("custom")
    if isinstance(custom, list | dict):
        pairs = custom.items() if isinstance(custom, dict) else enumerate(custom)
        glob["custom"] = php_list({k: v for k, v in pairs if v != service_id})
        options["global"] = glob
    jp.site.options.update(OPTIONS, options)
    return True
